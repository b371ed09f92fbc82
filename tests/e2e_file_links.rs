//! End to end: a file's external links in its details panel: a link created with a password,
//! an expiry date and downloads restricted; changed (its other settings, the password included,
//! kept, as DocSpace replaces every option on a change); and revoked. Each is checked in the
//! page and through REST, and the password never appears in the app's address.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{ApiDateTime, FileShare, RoomType, Share};
use support::*;

const PASSWORD: &str = "Lantern-42x";

/// A day about three months ahead, as a date input takes it.
fn day_ahead() -> String {
    let now = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .expect("clock")
        .as_secs() as i64;
    ApiDateTime::from_timestamp(now + 90 * 86_400)
        .expect("date")
        .to_utc()
        .format("%Y-%m-%d")
        .to_string()
}

/// Sets a date input: typing into one depends on the browser's locale, the value does not.
async fn set_date(driver: &WebDriver, css: &str, day: &str) {
    wait_for(driver, css).await;
    driver
        .execute(
            "const el = document.querySelector(arguments[0]);
             el.value = arguments[1];
             el.dispatchEvent(new Event('input', { bubbles: true }));",
            vec![serde_json::json!(css), serde_json::json!(day)],
        )
        .await
        .expect("set the date");
}

/// The file's active links, through REST.
async fn rest_links(api: &docspace_api::Client, file: &docspace_api::models::FileId) -> Vec<Share> {
    api.files()
        .links(file.clone())
        .await
        .expect("links")
        .into_iter()
        .filter(|s| s.access != FileShare::None && s.link().is_some())
        .collect()
}

#[tokio::test(flavor = "multi_thread")]
async fn creates_a_link_with_password_and_expiry_changes_it_and_revokes_it() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Linked room", RoomType::Custom).await;
    let file = upload(&api, room.id.clone(), "brief.docx", b"brief".to_vec()).await;
    let day = day_ahead();
    let stack = &stack;
    let (room_id, file_id, api_ref, day_ref) = (&room.id, &file.id, &api, &day);
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        row_action(&driver, "brief.docx", "entry-details").await;
        wait_for(&driver, "[data-testid='file-links']").await;

        // Create: a name, a password, an expiry, no downloads.
        click(&driver, "[data-testid='file-link-new'] button").await;
        let form = "[data-testid='file-link-form']";
        fill(&driver, &format!("{form} input[type='text']"), "Partners").await;
        fill(&driver, &format!("{form} input[type='password']"), PASSWORD).await;
        set_date(&driver, &format!("{form} input[type='date']"), day_ref).await;
        click(&driver, "[data-testid='link-deny-download'] label").await;
        click(&driver, &format!("{form} button[type='submit']")).await;
        let facts = eventually("the link is listed with its settings", || {
            let driver = driver.clone();
            async move {
                let t = driver
                    .find(By::Css(
                        "[data-testid='file-link'] [data-testid='file-link-facts']",
                    ))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                t.contains("password").then_some(t)
            }
        })
        .await;
        assert!(facts.contains(&format!("expires {day_ref}")), "{facts}");
        assert!(facts.contains("no download"), "{facts}");
        assert!(
            !facts.contains(PASSWORD),
            "the password itself is not shown"
        );
        let url = driver.current_url().await.expect("url").to_string();
        assert!(
            !url.contains(PASSWORD),
            "the password is not in the address: {url}"
        );

        let links = rest_links(api_ref, file_id).await;
        assert_eq!(links.len(), 1, "{links:?}");
        let link = links[0].link().expect("link");
        assert_eq!(link.title, "Partners");
        assert_eq!(link.password.as_deref(), Some(PASSWORD));
        assert!(link.deny_download);
        let expires = link.expiration_date.expect("an expiry");
        assert_eq!(expires.to_utc().format("%Y-%m-%d").to_string(), *day_ref);
        let shown_url = driver
            .find(By::Css("[data-testid='file-link-url']"))
            .await
            .expect("url field")
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default();
        assert_eq!(
            Some(shown_url),
            link.share_link.clone(),
            "the address to copy"
        );

        // Change the name: the password and the rest stay.
        click(&driver, "[data-testid='file-link-change'] button").await;
        fill(
            &driver,
            &format!("{form} input[type='text']"),
            "Partners v2",
        )
        .await;
        click(&driver, &format!("{form} button[type='submit']")).await;
        eventually("the form closed", || {
            let driver = driver.clone();
            async move {
                driver
                    .find_all(By::Css(form))
                    .await
                    .ok()?
                    .is_empty()
                    .then_some(())
            }
        })
        .await;
        let links = rest_links(api_ref, file_id).await;
        let link = links[0].link().expect("link");
        assert_eq!(link.title, "Partners v2");
        assert_eq!(
            link.password.as_deref(),
            Some(PASSWORD),
            "the password is kept"
        );
        assert!(
            link.deny_download && link.expiration_date.is_some(),
            "{link:?}"
        );

        // Revoke, which asks first. Once the list shows the new name it has reloaded after the
        // change: a click before that could open the question in a row the reload then replaced.
        element_with_text(
            &driver,
            "[data-testid='file-link'] .links__title",
            "Partners v2",
        )
        .await;
        click(&driver, "[data-testid='file-link-revoke'] button").await;
        click(
            &driver,
            "[data-testid='file-link-revoke-confirm'] button:nth-of-type(1)",
        )
        .await;
        until_gone(&driver, "[data-testid='file-link']").await;
    })
    .await;
    assert!(rest_links(&api, &file.id).await.is_empty(), "revoked");
}

#[tokio::test(flavor = "multi_thread")]
async fn a_refused_password_is_shown_in_the_form() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Short password room", RoomType::Custom).await;
    let file = upload(&api, room.id.clone(), "memo.txt", b"memo".to_vec()).await;
    let stack = &stack;
    let room_id = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        row_action(&driver, "memo.txt", "entry-details").await;
        click(&driver, "[data-testid='file-link-new'] button").await;
        let form = "[data-testid='file-link-form']";
        fill(&driver, &format!("{form} input[type='password']"), "short").await;
        click(&driver, &format!("{form} button[type='submit']")).await;
        let shown = eventually("the error is shown in the form", || {
            let driver = driver.clone();
            async move {
                let el = driver
                    .find(By::Css("[data-testid='link-form-error']"))
                    .await
                    .ok()?;
                let t = el.text().await.ok()?;
                (!t.is_empty()).then_some(t)
            }
        })
        .await;
        assert!(shown.contains("password"), "{shown}");
    })
    .await;
    assert!(
        rest_links(&api, &file.id).await.is_empty(),
        "nothing was created"
    );
}
