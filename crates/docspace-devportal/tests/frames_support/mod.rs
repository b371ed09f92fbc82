//! Shared harness of the frame-page tests: a devportal and an integrator's page on another
//! origin that loads the official api.js from the portal, records every event, and calls
//! instance methods; REST helpers to arrange data with the owner's API key.

#![allow(dead_code)] // Each test file uses a different subset.

use std::time::Duration;

use docspace_devportal::{PortalConfig, RunningPortal, Seed};
use docspace_testkit::thirtyfour::prelude::*;
use docspace_testkit::{PageServer, wait_for, wait_until};
use serde_json::{Value, json};

pub use docspace_testkit::thirtyfour::Key;

/// The official SDK versions every mode is tested with.
pub const VERSIONS: [&str; 2] = ["2.0.0", "2.1.0"];

/// Every event a host can handle (`onAppError` and `onContentReady` are host-local).
pub const BASE_EVENTS: &[&str] = &[
    "onAppReady",
    "onAppError",
    "onContentReady",
    "onSelectCallback",
    "onCloseCallback",
    "onSignOut",
    "onNotFound",
    "onNoAccess",
    "onAuthSuccess",
];

/// A portal whose CSP list admits the page server's origin, and the page server.
pub struct Fixture {
    pub portal: RunningPortal,
    pub pages: PageServer,
    http: reqwest::Client,
}

impl Fixture {
    /// A demo-seeded portal (users of every role) framed from a page server.
    pub async fn new() -> Fixture {
        Fixture::with_seed(Seed::Demo).await
    }

    /// A portal with the given seed.
    pub async fn with_seed(seed: Seed) -> Fixture {
        let pages = PageServer::start(0).await;
        let portal = docspace_devportal::start(PortalConfig {
            allow_origins: vec![pages.origin()],
            seed,
            ..PortalConfig::for_tests()
        })
        .await
        .expect("devportal starts");
        Fixture {
            portal,
            pages,
            http: reqwest::Client::new(),
        }
    }

    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.portal.base_url())
    }

    /// Registers the host page for `version` on `pages` and returns its URL.
    pub fn host_page_on(&self, pages: &PageServer, version: &str) -> String {
        pages.page(
            &format!("host-{version}"),
            host_html(&self.portal.base_url(), version),
        )
    }

    /// The host page for `version` on the allowed origin.
    pub fn host_page(&self, version: &str) -> String {
        self.host_page_on(&self.pages, version)
    }

    /// A REST call as the owner (API key); panics on transport errors, returns status and JSON.
    pub async fn rest(
        &self,
        method: reqwest::Method,
        path: &str,
        body: Option<Value>,
    ) -> (u16, Value) {
        let mut req = self
            .http
            .request(method, self.url(&format!("/api/2.0/{path}")))
            .header(
                "Authorization",
                format!("Bearer {}", self.portal.owner.api_key),
            );
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("REST request sent");
        let status = resp.status().as_u16();
        let text = resp.text().await.expect("REST body");
        let json = if text.is_empty() {
            Value::Null
        } else {
            serde_json::from_str(&text).unwrap_or(Value::String(text))
        };
        (status, json)
    }

    /// A REST call that must succeed; returns the envelope's `response`.
    pub async fn ok(&self, method: reqwest::Method, path: &str, body: Option<Value>) -> Value {
        let (status, json) = self.rest(method.clone(), path, body).await;
        assert!(
            (200..300).contains(&status),
            "{method} {path} answered {status}: {json}"
        );
        json["response"].clone()
    }

    pub async fn create_room(&self, title: &str, room_type: u8) -> Value {
        self.ok(
            reqwest::Method::POST,
            "files/rooms",
            Some(json!({ "title": title, "roomType": room_type })),
        )
        .await
    }

    pub async fn create_folder(&self, parent: &Value, title: &str) -> Value {
        self.ok(
            reqwest::Method::POST,
            &format!("files/folder/{}", parent["id"]),
            Some(json!({ "title": title })),
        )
        .await
    }

    /// Uploads `content` as `title` into `folder` and returns the FileDto.
    pub async fn upload(&self, folder: &Value, title: &str, content: &[u8]) -> Value {
        let boundary = "frames-test-boundary-7d1c";
        let mut body = Vec::new();
        body.extend_from_slice(
            format!(
                "--{boundary}\r\nContent-Disposition: form-data; name=\"File\"; filename=\"{title}\"\r\n\
                 Content-Type: application/octet-stream\r\n\r\n"
            )
            .as_bytes(),
        );
        body.extend_from_slice(content);
        body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
        let resp = self
            .http
            .post(self.url(&format!("/api/2.0/files/{}/upload", folder["id"])))
            .header(
                "Authorization",
                format!("Bearer {}", self.portal.owner.api_key),
            )
            .header(
                "Content-Type",
                format!("multipart/form-data; boundary={boundary}"),
            )
            .body(body)
            .send()
            .await
            .expect("upload sent");
        let status = resp.status().as_u16();
        let json: Value = resp.json().await.expect("upload answer is JSON");
        assert!(
            (200..300).contains(&status),
            "upload answered {status}: {json}"
        );
        let r = &json["response"];
        if r.is_array() {
            r[0].clone()
        } else {
            r.clone()
        }
    }

    /// The bytes at a file's `viewUrl`, as the owner.
    pub async fn download(&self, file_id: &Value) -> Vec<u8> {
        let resp = self
            .http
            .get(self.url(&format!(
                "/filehandler.ashx?action=download&fileid={file_id}"
            )))
            .header(
                "Authorization",
                format!("Bearer {}", self.portal.owner.api_key),
            )
            .send()
            .await
            .expect("download sent");
        assert_eq!(resp.status().as_u16(), 200, "download of {file_id}");
        resp.bytes().await.expect("download body").to_vec()
    }
}

/// The integrator's page: keeps the first `window.DocSpace` (api.js 2.1.0's plain script load
/// overwrites it with `undefined`), loads the official script from the portal, and offers
/// `__events`/`__results` for the test to read.
pub fn host_html(portal: &str, version: &str) -> String {
    format!(
        r#"<!doctype html>
<html><head><meta charset="utf-8"><title>Integrator page</title>
<style>html,body{{margin:0;height:100%}} iframe{{min-height:640px}}</style></head>
<body>
<script>
window.__events = [];
window.__results = {{}};
(function () {{
  var kept;
  Object.defineProperty(window, "DocSpace", {{
    configurable: true,
    get: function () {{ return kept; }},
    set: function (v) {{ if (v && !kept) kept = v; }}
  }});
}})();
</script>
<script src="{portal}/static/scripts/sdk/{version}/api.js"></script>
</body></html>
"#
    )
}

/// Opens the host page for `version` and waits for the SDK.
pub async fn open_host(driver: &WebDriver, url: &str) {
    driver.goto(url).await.expect("open host page");
    wait_until(driver, "return !!(window.DocSpace && window.DocSpace.SDK);").await;
}

/// `DocSpace.SDK.init(config)` with a recorder for each of `events` (plus the base events).
pub async fn init_frame(driver: &WebDriver, config: Value, extra_events: &[&str]) {
    let mut events: Vec<&str> = BASE_EVENTS.to_vec();
    events.extend_from_slice(extra_events);
    driver
        .execute(
            r#"
            const cfg = arguments[0];
            const id = cfg.frameId || "ds-frame";
            if (!document.getElementById(id)) {
              const target = document.createElement("div");
              target.id = id;
              document.body.appendChild(target);
            }
            cfg.events = {};
            for (const name of arguments[1]) {
              cfg.events[name] = new Function("d",
                "window.__events.push({name: " + JSON.stringify(name) + ", data: d === undefined ? null : JSON.parse(JSON.stringify(d))});");
            }
            window.DocSpace.SDK.init(cfg);
            return true;
            "#,
            vec![config, json!(events)],
        )
        .await
        .expect("SDK.init");
}

/// The recorded events called `name`.
pub async fn events_named(driver: &WebDriver, name: &str) -> Vec<Value> {
    let v = driver
        .execute(
            "return window.__events.filter(e => e.name === arguments[0]).map(e => e.data);",
            vec![json!(name)],
        )
        .await
        .expect("read events");
    v.json().as_array().cloned().unwrap_or_default()
}

/// Waits until at least `n` events called `name` were recorded; returns the `n`-th one's data.
pub async fn wait_event_n(driver: &WebDriver, name: &str, n: usize) -> Value {
    let js = format!(
        "const e = window.__events.filter(e => e.name === {name:?}); return e.length >= {n} ? {{data: e[{idx}].data}} : null;",
        idx = n - 1
    );
    wait_until(driver, &js).await["data"].clone()
}

/// Waits for the first event called `name` and returns its data.
pub async fn wait_event(driver: &WebDriver, name: &str) -> Value {
    wait_event_n(driver, name, 1).await
}

/// Calls `frames[frameId][method](...args)` on the host and waits for the promise's value.
pub async fn call(driver: &WebDriver, frame_id: &str, method: &str, args: Value) -> Value {
    let slot = format!("{method}-{}", uuid_like());
    driver
        .execute(
            r#"
            const [frameId, method, args, slot] = arguments;
            const frame = window.DocSpace.SDK.frames[frameId];
            Promise.resolve(frame[method](...args)).then(
              (v) => { window.__results[slot] = { value: v === undefined ? null : JSON.parse(JSON.stringify(v)) }; },
              (e) => { window.__results[slot] = { rejected: String(e) }; });
            return true;
            "#,
            vec![json!(frame_id), json!(method), args, json!(slot)],
        )
        .await
        .expect("call method");
    let r = wait_until(
        driver,
        &format!("return window.__results[{slot:?}] || null;"),
    )
    .await;
    assert!(r.get("rejected").is_none(), "{method} rejected: {r}");
    r["value"].clone()
}

fn uuid_like() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    N.fetch_add(1, Ordering::Relaxed).to_string()
}

/// Moves WebDriver into the SDK's iframe (`#frameId`).
pub async fn enter_frame(driver: &WebDriver, frame_id: &str) {
    driver.enter_default_frame().await.expect("default frame");
    let iframe = wait_for(driver, &format!("iframe#{frame_id}")).await;
    iframe.enter_frame().await.expect("enter iframe");
}

/// Back to the host page.
pub async fn leave_frame(driver: &WebDriver) {
    driver.enter_default_frame().await.expect("default frame");
}

/// Types `keys` into whatever has focus.
pub async fn press(driver: &WebDriver, keys: impl Into<TypingData>) {
    driver
        .active_element()
        .await
        .expect("focused element")
        .send_keys(keys)
        .await
        .expect("send keys");
}

/// Focuses `css` (inside the current frame) and types `keys`.
pub async fn type_into(driver: &WebDriver, css: &str, keys: impl Into<TypingData>) {
    let el = wait_for(driver, css).await;
    el.send_keys(keys).await.expect("send keys");
}

/// Signs in through the portal's own sign-in page, in the current window (sets the session
/// cookie the frames use), then returns to `back`.
pub async fn sign_in_directly(driver: &WebDriver, fx: &Fixture, email: &str, back: &str) {
    driver
        .goto(&fx.url("/login?returnUrl=%2Fold-sdk%2Fsystem"))
        .await
        .expect("open sign-in");
    sign_in_form(driver, email, &fx.portal.owner.password).await;
    wait_until(driver, "return location.pathname === '/old-sdk/system';").await;
    driver.goto(back).await.expect("back to the host");
}

/// Fills and submits the sign-in form in the current frame, with the keyboard.
pub async fn sign_in_form(driver: &WebDriver, email: &str, password: &str) {
    type_into(driver, "#sign-in-email", email).await;
    press(driver, Key::Tab).await;
    press(driver, password).await;
    press(driver, Key::Enter).await;
}

/// The text of the element `css` inside the current frame, once it is non-empty.
pub async fn text_in(driver: &WebDriver, css: &str) -> String {
    let js = format!(
        "const e = document.querySelector({css:?}); return e && e.textContent.trim() ? e.textContent : null;"
    );
    wait_until(driver, &js)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Waits briefly and asserts that no event `name` arrived (for things that must not happen).
pub async fn assert_no_event(driver: &WebDriver, name: &str, settle: Duration) {
    tokio::time::sleep(settle).await;
    let seen = events_named(driver, name).await;
    assert!(seen.is_empty(), "unexpected {name}: {seen:?}");
}
