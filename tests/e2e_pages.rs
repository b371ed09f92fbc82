//! The embed playground and the diagnostics page, in headless Chromium against the host and a
//! devportal.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::RoomType;
use support::*;

/// Waits until the check `id` has a verdict other than "pending", and returns it.
async fn verdict(driver: &WebDriver, id: &str) -> String {
    let css = format!("[data-testid='diag-{id}']");
    eventually(&format!("the {id} check finished"), || {
        let (driver, css) = (driver.clone(), css.clone());
        async move {
            let v = driver
                .find(By::Css(&css))
                .await
                .ok()?
                .attr("data-verdict")
                .await
                .ok()??;
            (v != "pending").then_some(v)
        }
    })
    .await
}

async fn summary(driver: &WebDriver, id: &str) -> String {
    text_of(
        driver,
        &format!("[data-testid='diag-{id}'] [data-testid='diag-summary']"),
    )
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn diagnostics_finds_this_origin_missing_and_an_admin_adds_it() {
    // The host acts with the owner's key; the portal does not list the host's origin.
    let portal = devportal().await;
    let host = host(&portal.base_url(), Some(&portal.owner.api_key)).await;
    let url = host.base_url();
    let api = docspace_api::Client::builder(portal.base_url())
        .api_key(portal.owner.api_key.clone())
        .build()
        .expect("client");
    assert!(!api.security().csp().await.expect("csp").allows(&url));
    let url_ref = &url;
    with_browser(|driver| async move {
        driver
            .goto(format!("{url_ref}/diagnostics"))
            .await
            .expect("open diagnostics");
        assert_eq!(
            text_of(&driver, "[data-testid='diag-origin']").await,
            *url_ref
        );
        assert_eq!(verdict(&driver, "portal").await, "ok");
        assert_eq!(verdict(&driver, "script").await, "ok");
        assert!(
            summary(&driver, "script").await.contains("api.js 2.1.0"),
            "names the script version"
        );
        assert_eq!(verdict(&driver, "csp").await, "fail");
        assert!(summary(&driver, "csp").await.contains(url_ref.as_str()));
        // Same host name as the portal: the cookie is first-party in frames.
        assert_eq!(verdict(&driver, "cookies").await, "ok");
        // DocSpace sends its X-RateLimit-* headers only with a 429 (ONLYOFFICE/DocSpace-server:
        // common/ASC.Api.Core/Core/BaseStartup.cs, OnRejected), so a calm portal says nothing.
        assert_eq!(verdict(&driver, "limits").await, "ok");
        let limits = summary(&driver, "limits").await;
        assert!(
            limits.contains("DocSpace sends them only when it refuses a request"),
            "{limits}"
        );
        assert!(
            limits.contains("This app: ") && limits.contains(" sent;"),
            "{limits}"
        );
        // The owner may add the origin.
        click(&driver, "[data-testid='csp-add'] button").await;
        eventually("the check passes after adding", || {
            let driver = driver.clone();
            async move {
                let v = driver
                    .find(By::Css("[data-testid='diag-csp']"))
                    .await
                    .ok()?
                    .attr("data-verdict")
                    .await
                    .ok()??;
                (v == "ok").then_some(())
            }
        })
        .await;
    })
    .await;
    let csp = api.security().csp().await.expect("csp");
    assert!(
        csp.allows(&url),
        "the portal lists {url}: {:?}",
        csp.domains
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn diagnostics_reports_a_portal_that_is_down() {
    let host = host(&dead_url(), None).await;
    let url = host.base_url();
    with_browser(|driver| async move {
        driver
            .goto(format!("{url}/diagnostics"))
            .await
            .expect("open diagnostics");
        assert_eq!(verdict(&driver, "portal").await, "fail");
        assert_eq!(verdict(&driver, "script").await, "fail");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_playground_shows_a_live_frame_its_events_and_matching_code() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Playground room", RoomType::Custom).await;
    let file = api
        .files()
        .upload(
            room.id.clone(),
            "notes.txt",
            b"hello from the playground".to_vec(),
        )
        .send()
        .await
        .expect("upload");
    let file_id = file.id.to_string();
    let stack = &stack;
    let file_id = &file_id;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        frames_signed_in(&driver).await;
        click(&driver, "a[href='/playground']").await;
        wait_for(&driver, "[data-testid='playground-frame']").await;
        // The viewer needs a file: the form says so instead of a blank frame.
        choose(&driver, "playground-mode", "viewer").await;
        wait_for(
            &driver,
            "[data-testid='playground-frame'] [data-testid='empty-state']",
        )
        .await;
        fill(&driver, "[data-testid='playground-id'] input", file_id).await;
        choose(&driver, "playground-theme", "Dark").await;
        // A live frame of the portal's viewer, and its events in the log.
        let src = wait_for(&driver, "[data-testid='playground-frame'] iframe")
            .await
            .attr("src")
            .await
            .expect("src")
            .unwrap_or_default();
        assert!(src.starts_with(&stack.portal.base_url()), "{src}");
        assert!(src.contains("doceditor"), "the viewer page: {src}");
        eventually("the frame reported ready", || {
            let driver = driver.clone();
            async move {
                let log = driver
                    .find(By::Css("[data-testid='playground-events']"))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                log.contains("ready: the frame is usable").then_some(())
            }
        })
        .await;
        // The Leptos code makes the same frame…
        let leptos = text_of(&driver, "[data-testid='playground-code']").await;
        assert!(
            leptos.contains("FrameConfig::new(Mode::Viewer)"),
            "{leptos}"
        );
        assert!(leptos.contains(&format!(".id(\"{file_id}\")")), "{leptos}");
        assert!(leptos.contains(".theme(Theme::Dark)"), "{leptos}");
        // …and so does the plain HTML page.
        click(&driver, "[data-testid='code-tab-html']").await;
        let html = eventually("the HTML code shows", || {
            let driver = driver.clone();
            async move {
                let t = driver
                    .find(By::Css("[data-testid='playground-code']"))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                t.contains("initFrame").then_some(t)
            }
        })
        .await;
        assert!(html.contains("\"mode\": \"viewer\""), "{html}");
        assert!(html.contains(&format!("\"id\": {file_id}")), "{html}");
        assert!(html.contains("\"theme\": \"Dark\""), "{html}");
        assert!(
            html.contains(&format!(
                "{}/static/scripts/sdk/2.1.0/api.js",
                stack.portal.base_url()
            )),
            "{html}"
        );
        // A new mode starts a new log: nothing of the viewer's frame stays in it.
        choose(&driver, "playground-mode", "manager").await;
        let log = eventually("the log starts again", || {
            let driver = driver.clone();
            async move {
                let t = text_of(&driver, "[data-testid='playground-events']").await;
                t.ends_with("mode: Manager").then_some(t)
            }
        })
        .await;
        assert!(!log.contains("mode: Viewer"), "{log}");
        // A folder the portal does not have: the manager starts and says so, and the status
        // above the frame keeps the problem in view even though the frame is ready.
        fill(&driver, "[data-testid='playground-id'] input", "987654").await;
        eventually("the status says not found", || {
            let driver = driver.clone();
            async move {
                let t = text_of(&driver, "[data-testid='playground-status']").await;
                t.starts_with("Not found").then_some(())
            }
        })
        .await;
        let log = text_of(&driver, "[data-testid='playground-events']").await;
        assert!(log.contains("onNotFound"), "{log}");
    })
    .await;
}

/// The portal's brute-force guard (`web/ASC.Web.Core/BruteForceLoginManager.cs` in
/// ONLYOFFICE/DocSpace-server: after 5 wrong passwords within a minute, every attempt from that
/// address is refused with a 403 for a while) is named on the sign-in form and on the
/// diagnostics page, which keeps it across a reload.
#[tokio::test(flavor = "multi_thread")]
async fn a_sign_in_lockout_is_explained_and_diagnosed() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    let url = stack.url();
    with_browser(|driver| async move {
        driver
            .goto(format!("{url}/diagnostics"))
            .await
            .expect("open diagnostics");
        assert_eq!(verdict(&driver, "sign-in").await, "not-checked");
        click(&driver, "a[href='/sign-in']").await;
        fill(
            &driver,
            "[data-testid='sign-in-form'] input[type='email']",
            &owner.email,
        )
        .await;
        let error = "[data-testid='sign-in-error']:not([hidden])";
        for attempt in 1..=6 {
            fill(
                &driver,
                "[data-testid='sign-in-form'] input[type='password']",
                &format!("wrong-{attempt}"),
            )
            .await;
            click(
                &driver,
                "[data-testid='sign-in-form'] button[type='submit']",
            )
            .await;
            // A refusal empties the password field: the attempt is answered.
            wait_until(
                &driver,
                "return document.querySelector(\"[data-testid='sign-in-form'] input[type='password']\").value === '';",
            )
            .await;
            let shown = text_of(&driver, error).await;
            if attempt < 6 {
                assert!(shown.contains("did not accept"), "attempt {attempt}: {shown}");
            } else {
                assert!(shown.contains("blocks sign-ins"), "{shown}");
                assert!(shown.contains("Too many login attempts"), "{shown}");
            }
        }
        // In the same tab, then after a reload: the check names the refusal and what to do.
        click(&driver, "#nav-links a[href='/diagnostics']").await;
        assert_eq!(verdict(&driver, "sign-in").await, "fail");
        let found = summary(&driver, "sign-in").await;
        assert!(
            found.contains("for too many failed attempts") && found.contains("Too many login attempts"),
            "{found}"
        );
        driver.refresh().await.expect("reload");
        assert_eq!(verdict(&driver, "sign-in").await, "fail");
        let fix = text_of(&driver, "[data-testid='diag-sign-in'] [data-testid='diag-fix']").await;
        assert!(fix.contains("Brute Force Protection"), "{fix}");
    })
    .await;
}
