//! Who may frame the portal, and what the frame pages answer over HTTP: `frame-ancestors` from the
//! CSP list (the SDK's own pre-check reports `onAppError` for an unlisted host), the sign-in
//! redirect, unknown paths, assets, and the light/dark themes in a browser.

mod frames_support;

use docspace_testkit::{PageServer, wait_until, with_browser};
use frames_support::*;
use serde_json::json;

fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .expect("client")
}

/// Signs in over REST and returns the `asc_auth_key` cookie pair.
async fn session_cookie(fx: &Fixture) -> String {
    let (status, _) = fx.rest(reqwest::Method::GET, "settings", None).await;
    assert_eq!(status, 200);
    let resp = client()
        .post(fx.url("/api/2.0/authentication"))
        .json(&json!({ "userName": fx.portal.owner.email, "password": fx.portal.owner.password }))
        .send()
        .await
        .expect("login");
    assert_eq!(resp.status().as_u16(), 200);
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|c| c.starts_with("asc_auth_key="))
        .and_then(|c| c.split(';').next())
        .expect("asc_auth_key cookie")
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn frame_pages_carry_frame_ancestors_and_need_a_session() {
    let fx = Fixture::new().await;
    let origin = fx.pages.origin();
    let http = client();

    // No session: to the sign-in page, which then returns here.
    let resp = http
        .get(fx.url("/rooms/shared/filter?count=100&page=1"))
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status().as_u16(), 302);
    assert_eq!(
        resp.headers()["location"],
        "/login?returnUrl=%2Frooms%2Fshared%2Ffilter%3Fcount%3D100%26page%3D1"
    );
    for path in [
        "/sdk/room-selector",
        "/sdk/file-selector",
        "/doceditor?fileId=1",
    ] {
        let resp = http.get(fx.url(path)).send().await.expect("get");
        assert_eq!(resp.status().as_u16(), 302, "{path}");
    }

    // Pages that work without a session, with the CSP list in frame-ancestors.
    for path in [
        "/login",
        "/old-sdk/system",
        "/sdk/public-room?key=x",
        "/doceditor?fileId=1&share=k",
    ] {
        let resp = http.get(fx.url(path)).send().await.expect("get");
        assert_eq!(resp.status().as_u16(), 200, "{path}");
        let csp = resp.headers()["content-security-policy"]
            .to_str()
            .expect("ascii");
        assert!(
            csp.contains(&format!("frame-ancestors 'self' {origin}")),
            "{path}: {csp}"
        );
        assert_eq!(resp.headers()["cache-control"], "no-store");
        let editor = path.starts_with("/doceditor");
        assert_eq!(csp.contains("'unsafe-eval'"), editor, "{path}: {csp}");
    }

    // With a session, the protected pages render.
    let cookie = session_cookie(&fx).await;
    for path in [
        "/rooms/shared/filter",
        "/rooms/shared/12/filter?folder=12",
        "/rooms/personal/",
        "/rooms/archived/filter",
        "/sdk/room-selector?theme=Dark",
        "/sdk/file-selector",
        "/doceditor?fileId=1",
    ] {
        let resp = http
            .get(fx.url(path))
            .header("Cookie", &cookie)
            .send()
            .await
            .expect("get");
        assert_eq!(resp.status().as_u16(), 200, "{path}");
        let body = resp.text().await.expect("body");
        assert!(
            body.contains("/static/devportal/frames/js/pages/"),
            "{path}"
        );
    }
    let dark = http
        .get(fx.url("/sdk/room-selector?theme=dark"))
        .header("Cookie", &cookie)
        .send()
        .await
        .expect("get")
        .text()
        .await
        .expect("body");
    assert!(dark.contains(r#"data-theme="dark""#));

    // Unknown manager paths are not pages.
    let resp = http
        .get(fx.url("/rooms/trash/filter"))
        .header("Cookie", &cookie)
        .send()
        .await
        .expect("get");
    assert_eq!(resp.status().as_u16(), 404);

    // Assets: types, validators, 404.
    let js = http
        .get(fx.url("/static/devportal/frames/js/protocol.js"))
        .send()
        .await
        .expect("get");
    assert_eq!(
        js.headers()["content-type"],
        "text/javascript; charset=utf-8"
    );
    let etag = js.headers()["etag"].clone();
    let again = http
        .get(fx.url("/static/devportal/frames/js/protocol.js"))
        .header("If-None-Match", etag)
        .send()
        .await
        .expect("get");
    assert_eq!(again.status().as_u16(), 304);
    let icon = http
        .get(fx.url("/static/images/icons/32/rooms/publicRoom.svg"))
        .send()
        .await
        .expect("get");
    assert_eq!(icon.headers()["content-type"], "image/svg+xml");
    let missing = http
        .get(fx.url("/static/devportal/frames/js/nope.js"))
        .send()
        .await
        .expect("get");
    assert_eq!(missing.status().as_u16(), 404);
}

#[tokio::test(flavor = "multi_thread")]
async fn an_origin_missing_from_the_csp_list_gets_on_app_error() {
    let fx = Fixture::new().await;
    let stranger = PageServer::start(0).await;
    let hosts: Vec<(&str, String)> = VERSIONS
        .iter()
        .map(|v| (*v, fx.host_page_on(&stranger, v)))
        .collect();
    let allowed = fx.host_page("2.1.0");
    let portal = fx.portal.base_url();

    with_browser(|driver| async move {
        for (version, url) in hosts {
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "system", "frameId": "csp" }),
                &[],
            )
            .await;
            let err = wait_event(&driver, "onAppError").await;
            assert_eq!(
                err,
                json!(
                    "The current domain is not set in the Content Security Policy (CSP) settings."
                ),
                "{version}"
            );

            // Without the SDK's check, frame-ancestors alone keeps the page out of the frame.
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "system", "frameId": "csp", "checkCSP": false }),
                &[],
            )
            .await;
            assert_no_event(&driver, "onAppReady", std::time::Duration::from_secs(2)).await;
        }
        // The listed origin passes the same check and is framed.
        open_host(&driver, &allowed).await;
        init_frame(
            &driver,
            json!({ "src": portal, "mode": "system", "frameId": "csp" }),
            &[],
        )
        .await;
        wait_event(&driver, "onAppReady").await;
        assert!(events_named(&driver, "onAppError").await.is_empty());
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn pages_are_readable_in_light_and_dark() {
    let fx = Fixture::new().await;
    let sign_in = fx.url("/login");
    let dark = fx.url("/login?theme=Dark");
    let base = fx.url("/login?theme=Base");
    with_browser(|driver| async move {
        let bg = |d: &docspace_testkit::thirtyfour::WebDriver| {
            let d = d.clone();
            async move {
                wait_until(&d, "return document.getElementById('sign-in-email') ? getComputedStyle(document.body).backgroundColor : null;")
                    .await
            }
        };
        driver.goto(&base).await.expect("open");
        let light = bg(&driver).await;
        driver.goto(&dark).await.expect("open");
        let dark_bg = bg(&driver).await;
        assert_ne!(light, dark_bg);
        assert_eq!(dark_bg, json!("rgb(40, 40, 40)"));
        assert_eq!(light, json!("rgb(255, 255, 255)"));

        // System follows prefers-color-scheme.
        let cdp = driver.cdp();
        for (scheme, expected) in [("dark", "rgb(40, 40, 40)"), ("light", "rgb(255, 255, 255)")] {
            cdp.send_raw(
                "Emulation.setEmulatedMedia",
                json!({ "features": [{ "name": "prefers-color-scheme", "value": scheme }] }),
            )
            .await
            .expect("emulate color scheme");
            driver.goto(&sign_in).await.expect("open");
            assert_eq!(bg(&driver).await, json!(expected), "system theme, {scheme}");
        }

        // Text keeps contrast: the foreground differs from the background in both themes.
        driver.goto(&dark).await.expect("open");
        let fg = wait_until(&driver, "return getComputedStyle(document.querySelector('h1')).color;").await;
        assert_eq!(fg, json!("rgb(238, 238, 238)"));
    })
    .await;
}
