//! The file page's frame is bootstrapped in the HTML the host serves: `/files/:id` carries
//! `docspace_sdk::Bootstrap` for that file (editor, or viewer with `?mode=view`, in the reader's
//! theme), and the page's Content-Security-Policy allows exactly that script.

use base64::Engine;
mod support;

use docspace_devportal::RunningPortal;
use docspace_host::RunningHost;
use sha2::{Digest, Sha256};

async fn host() -> (RunningPortal, RunningHost, tempfile::TempDir) {
    support::portal_and_host(
        "<!doctype html><html><head><title>app</title></head><body><p>app</p></body></html>",
        false,
    )
    .await
}

/// The frame settings the page carries.
fn settings(html: &str) -> serde_json::Value {
    let json = html
        .split(r#"<script type="application/json">"#)
        .nth(1)
        .and_then(|rest| rest.split("</script>").next())
        .expect("a settings block");
    serde_json::from_str(json).expect("settings are JSON")
}

#[tokio::test]
async fn the_file_page_starts_its_frame_in_the_html() {
    let (portal, host, _dist) = host().await;
    let http = reqwest::Client::new();
    let page = http
        .get(format!("{}/files/42?back=/rooms", host.base_url()))
        .send()
        .await
        .expect("page");
    assert_eq!(page.status(), 200);
    let csp = page
        .headers()
        .get("content-security-policy")
        .and_then(|v| v.to_str().ok())
        .expect("a CSP")
        .to_string();
    let html = page.text().await.expect("html");
    // The frame's element first in <body>, over the window until the app moves it in; its
    // settings and script in <head>, where no stylesheet holds them back.
    assert!(
        html.contains(
            r#"</script></head><body><div class="docspace-boot-parking" data-docspace-parked"#
        ),
        "{html}"
    );
    assert!(html.ends_with("<p>app</p></body></html>"));
    // The portal's api.js is fetched before anything of the app's, and the bootstrap runs first.
    assert!(
        html.contains(&format!(
            r#"<head><title>app</title><link rel="preconnect" href="{p}"><link rel="preload" as="script" href="{p}/static/scripts/sdk/2.1.0/api.js"><script type="application/json">"#,
            p = portal.base_url()
        )),
        "{html}"
    );
    let s = settings(&html);
    assert_eq!(s["frameId"], "file-frame");
    assert_eq!(s["portal"], portal.base_url());
    assert_eq!(s["version"], "2.1.0");
    assert_eq!(s["config"]["mode"], "editor");
    assert_eq!(s["config"]["id"], 42);
    assert_eq!(s["config"]["theme"], "System");
    // The app's close button handler is known before the frame exists.
    assert_eq!(s["config"]["editorGoBack"], "event");
    // The one inline script is allowed by its hash, and nothing else inline is.
    let hash = base64::engine::general_purpose::STANDARD
        .encode(Sha256::digest(docspace_sdk::BOOTSTRAP_JS.as_bytes()));
    let script_src = csp
        .split(';')
        .map(str::trim)
        .find(|d| d.starts_with("script-src"))
        .expect("script-src");
    assert!(script_src.contains(&format!("'sha256-{hash}'")), "{csp}");
    assert!(!script_src.contains("'unsafe-inline'"), "{csp}");
    portal.shutdown().await;
}

#[tokio::test]
async fn viewer_and_theme_follow_the_request() {
    let (portal, host, _dist) = host().await;
    let http = reqwest::Client::new();
    let html = http
        .get(format!("{}/files/7?mode=view", host.base_url()))
        .header("cookie", "other=1; docspace-embed-theme=dark")
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    let s = settings(&html);
    assert_eq!(s["config"]["mode"], "viewer");
    assert_eq!(s["config"]["theme"], "Dark");
    // A file id that is not a number travels as text, escaped inside the settings block.
    let html = http
        .get(format!("{}/files/%3C%2Fscript%3Ex", host.base_url()))
        .send()
        .await
        .expect("page")
        .text()
        .await
        .expect("html");
    assert!(!html.contains("</script>x"), "{html}");
    assert_eq!(settings(&html)["config"]["id"], "</script>x");
    // Other pages are the app's own index.html, untouched.
    let rooms = http
        .get(format!("{}/rooms/5", host.base_url()))
        .send()
        .await
        .expect("rooms")
        .text()
        .await
        .expect("html");
    assert!(!rooms.contains("docspace-boot"), "{rooms}");
    portal.shutdown().await;
}
