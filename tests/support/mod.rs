//! End-to-end harness: the real host and devportal on loopback; browser sessions come from
//! `docspace-testkit`.

// Each e2e file uses a different subset.
#![allow(dead_code, unused_imports)]

use std::path::PathBuf;

use docspace_devportal::{PortalConfig, RunningPortal};
use docspace_host::{HostConfig, PortalTarget, RunningHost};
pub use docspace_testkit::thirtyfour::prelude::*;
pub use docspace_testkit::{dead_url, free_port, text_of, wait_for, wait_until, with_browser};

/// The built app (`DOCSPACE_DIST`, else `dist/` at the workspace root).
pub fn dist() -> PathBuf {
    let dir = std::env::var_os("DOCSPACE_DIST")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("dist"));
    assert!(
        dir.join("index.html").is_file(),
        "no built app at {}: run the e2e tests with `cargo xtask test` (it builds the app first)",
        dir.display()
    );
    dir
}

/// A fresh in-memory devportal.
pub async fn devportal() -> RunningPortal {
    docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal starts")
}

/// The host on a free port in front of `portal_url`, optionally holding `api_key`.
pub async fn host(portal_url: &str, api_key: Option<&str>) -> RunningHost {
    docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: dist(),
        portal: PortalTarget::Remote(portal_url.to_string()),
        api_key: api_key.map(str::to_string),
        ..HostConfig::default()
    })
    .await
    .expect("host starts")
}

/// The host with its own demo devportal (in memory), as `cargo xtask run` starts it.
pub async fn demo_host() -> RunningHost {
    docspace_host::start(HostConfig {
        addr: "127.0.0.1:0".parse().expect("addr"),
        dist: dist(),
        portal: PortalTarget::Embedded(PortalConfig::for_tests()),
        ..HostConfig::default()
    })
    .await
    .expect("host starts")
}

/// A devportal whose CSP list admits the host in front of it, as a real deployment is set up:
/// the app signs in with a password and its frames may embed the portal.
pub struct Stack {
    pub portal: RunningPortal,
    pub host: RunningHost,
}

impl Stack {
    /// Starts both; the host's port is chosen first so the portal can list its origin. The port
    /// is free when chosen but not held, so the portal started in between may take it: then
    /// both start again on another port (a few times at most).
    pub async fn start() -> Stack {
        let mut attempts = 0;
        loop {
            attempts += 1;
            let port = free_port();
            let portal = docspace_devportal::start(PortalConfig {
                allow_origins: vec![format!("http://127.0.0.1:{port}")],
                ..PortalConfig::for_tests()
            })
            .await
            .expect("devportal starts");
            let started = docspace_host::start(HostConfig {
                addr: format!("127.0.0.1:{port}").parse().expect("addr"),
                dist: dist(),
                portal: PortalTarget::Remote(portal.base_url()),
                ..HostConfig::default()
            })
            .await;
            match started {
                Ok(host) => return Stack { portal, host },
                Err(e) if attempts < 5 => {
                    eprintln!("host on port {port} did not start ({e:#}); trying another port");
                    portal.shutdown().await;
                }
                Err(e) => panic!("host starts: {e:#}"),
            }
        }
    }

    /// The app's address.
    pub fn url(&self) -> String {
        self.host.base_url()
    }

    /// A REST client acting as the owner, straight at the portal: what the tests check with.
    pub fn api(&self) -> docspace_api::Client {
        docspace_api::Client::builder(self.portal.base_url())
            .api_key(self.portal.owner.api_key.clone())
            .build()
            .expect("client")
    }

    /// Whether the browser has a portal session (the frames' cookie), asked from the portal's
    /// own origin.
    pub async fn portal_session(&self, driver: &WebDriver) -> bool {
        driver
            .goto(format!("{}/api/2.0/authentication", self.portal.base_url()))
            .await
            .expect("open portal");
        let body = driver
            .find(By::Tag("body"))
            .await
            .expect("body")
            .text()
            .await
            .expect("text");
        let v: serde_json::Value = serde_json::from_str(body.trim()).unwrap_or_default();
        v["response"] == serde_json::json!(true)
    }
}

/// Types into the field `css`, replacing what it holds.
pub async fn fill(driver: &WebDriver, css: &str, text: &str) {
    let el = wait_for(driver, css).await;
    el.clear().await.expect("clear");
    el.send_keys(text).await.expect("type");
}

/// Clicks `css` once it exists. A list that re-renders between finding the element and
/// clicking it (a reload after a change) leaves a stale reference: then it is found again, a few
/// times at most. An element under a toast (the browser scrolls it only as far as the window's
/// bottom edge, where toasts stand) is scrolled to the middle of the window first, as a user
/// would.
pub async fn click(driver: &WebDriver, css: &str) {
    use docspace_testkit::thirtyfour::error::WebDriverErrorInner as Inner;
    let mut attempts = 0;
    loop {
        attempts += 1;
        let el = wait_for(driver, css).await;
        match el.click().await {
            Ok(()) => return,
            Err(e) if attempts < 5 && matches!(e.as_inner(), Inner::StaleElementReference(_)) => {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(e) if attempts < 5 && matches!(e.as_inner(), Inner::ElementClickIntercepted(_)) => {
                let centre = "arguments[0].scrollIntoView({block: 'center'}); return null;";
                driver
                    .execute(centre, vec![el.to_json().expect("element")])
                    .await
                    .expect("scroll");
            }
            Err(e) => panic!("click {css}: {e}"),
        }
    }
}

/// Runs `script` in the page and returns what it returns.
pub async fn js(driver: &WebDriver, script: &str) -> serde_json::Value {
    driver
        .execute(script, Vec::new())
        .await
        .unwrap_or_else(|e| panic!("script {script}: {e}"))
        .json()
        .clone()
}

/// Chooses `value` in the select inside the element with test id `testid`.
pub async fn choose(driver: &WebDriver, testid: &str, value: &str) {
    click(
        driver,
        &format!("[data-testid='{testid}'] select option[value='{value}']"),
    )
    .await;
}

/// Opens the app and signs in as `email`; waits until the navigation shows the user.
pub async fn sign_in(driver: &WebDriver, url: &str, email: &str, password: &str, stay: bool) {
    driver.goto(url).await.expect("open app");
    fill(
        driver,
        "[data-testid='sign-in-form'] input[type='email']",
        email,
    )
    .await;
    fill(
        driver,
        "[data-testid='sign-in-form'] input[type='password']",
        password,
    )
    .await;
    if stay {
        click(
            driver,
            "[data-testid='sign-in-form'] input[type='checkbox']",
        )
        .await;
    }
    click(driver, "[data-testid='sign-in-form'] button[type='submit']").await;
    wait_for(driver, "[data-testid='user-name']").await;
    // The name shows as soon as the session exists; the page leaves the sign-in form only after
    // the frames have tried to sign in too. A click before that would be overtaken by it.
    eventually("the sign-in page moved on", || {
        let driver = driver.clone();
        async move {
            let url = driver.current_url().await.ok()?;
            (url.path() != "/sign-in").then_some(())
        }
    })
    .await;
}

/// Waits until the frames are signed in (the status dot in the navigation).
pub async fn frames_signed_in(driver: &WebDriver) {
    wait_for(driver, "[data-testid='frames-status'].nav__frames--ok").await;
}

/// Polls `check` until it returns `Some`, for at most 30 s (the portal finishes operations in
/// the background).
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..150 {
        if let Some(v) = check().await {
            return v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("never happened within 30 s: {what}");
}

/// Dismisses every toast on screen (a toast can cover the row a user acts on next).
pub async fn dismiss_toasts(driver: &WebDriver) {
    for b in driver
        .find_all(By::Css("[data-testid='toast'] .toast__close"))
        .await
        .expect("find")
    {
        let _ = b.click().await;
    }
}

/// Opens the actions menu of the row named `title` and picks the item `item` (a test id) in that
/// row's own menu (every row has one, hidden until opened).
pub async fn row_action(driver: &WebDriver, title: &str, item: &str) {
    let trigger = wait_for(driver, &format!("button[aria-label='Actions for {title}']")).await;
    let menu = trigger
        .attr("aria-controls")
        .await
        .expect("aria-controls")
        .unwrap_or_else(|| panic!("the actions menu of {title} names its list"));
    trigger.click().await.expect("open the actions menu");
    click(driver, &format!("[id='{menu}'] [data-testid='{item}']")).await;
}

/// Opens the room page of `room` from the rooms list (a reload would end the session, which lives
/// in memory only).
pub async fn open_room(driver: &WebDriver, room: &docspace_api::models::FolderId) {
    click(driver, "a[href='/rooms']").await;
    click(
        driver,
        &format!("[data-testid='room-title'][href='/rooms/{room}']"),
    )
    .await;
    wait_for(driver, "[data-testid='folder-title']").await;
}

/// The portal's user `email`, if there is one (among the first 100).
pub async fn person(
    api: &docspace_api::Client,
    email: &str,
) -> Option<docspace_api::models::Employee> {
    api.people()
        .list()
        .count(100)
        .send()
        .await
        .expect("people")
        .items
        .into_iter()
        .find(|p| p.email.as_deref() == Some(email))
}

/// `email`'s membership of `room` as the portal lists it, if they are a member.
pub async fn membership(
    api: &docspace_api::Client,
    room: &docspace_api::models::FolderId,
    email: &str,
) -> Option<docspace_api::models::Share> {
    api.rooms()
        .members(room.clone())
        .send()
        .await
        .expect("members")
        .items
        .into_iter()
        .find(|s| s.user().and_then(|u| u.email.as_deref()) == Some(email))
}

/// The id of the demo user `email`.
pub async fn user_id(api: &docspace_api::Client, email: &str) -> docspace_api::models::UserId {
    person(api, email)
        .await
        .unwrap_or_else(|| panic!("{email} is a demo user"))
        .id
}

/// Makes the demo user `email` a member of `room` at `level`, without sending an e-mail.
pub async fn add_member(
    api: &docspace_api::Client,
    room: &docspace_api::models::FolderId,
    email: &str,
    level: docspace_api::models::FileShare,
) {
    let user = user_id(api, email).await;
    let shared = api
        .rooms()
        .share(room.clone())
        .user(user, level)
        .notify(false)
        .send()
        .await
        .expect("share");
    assert!(shared.is_ok(), "{email} joined the room");
}

/// The titles of the entries the folder list shows, sorted.
pub async fn shown_entries(driver: &WebDriver) -> Vec<String> {
    let mut out = Vec::new();
    for t in driver
        .find_all(By::Css("[data-testid='entry-title']"))
        .await
        .unwrap_or_default()
    {
        out.push(t.text().await.unwrap_or_default());
    }
    out.sort();
    out
}

/// Waits until the folder list shows exactly `want` (any order).
pub async fn until_entries(driver: &WebDriver, want: &[&str]) {
    let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    want.sort();
    let what = format!("the folder lists exactly {want:?}");
    eventually(&what, || {
        let driver = driver.clone();
        let want = want.clone();
        async move { (shown_entries(&driver).await == want).then_some(()) }
    })
    .await;
}

/// Clicks the theme toggle until `<html data-theme>` is `want` (at most one full cycle).
pub async fn theme_to(driver: &WebDriver, want: &str) {
    for _ in 0..3 {
        if js(
            driver,
            "return document.documentElement.dataset.theme || 'system';",
        )
        .await
            == want
        {
            return;
        }
        click(driver, "[data-testid='theme-toggle']").await;
    }
    assert_eq!(
        js(
            driver,
            "return document.documentElement.dataset.theme || 'system';"
        )
        .await,
        want
    );
}

/// The typographic marks (☰ ⋯ × ↑ ↓ ▾ ▸ ✓ ◐ ☀ ☾) in the page's visible text. Controls draw their marks
/// as SVG (`docspace_sdk::picker::MarkIcon`): many fonts lack these characters and show boxes.
pub async fn font_marks(driver: &WebDriver) -> String {
    js(
        driver,
        "return (document.body.innerText.match(/[\\u2630\\u22ef\\u00d7\\u2191\\u2193\\u25be\\u25b8\\u2713\\u25d0\\u2600\\u263e]/g) || []).join('');",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}
