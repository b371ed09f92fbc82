//! End to end: the copy buttons (a room's external link, the playground's generated code) put
//! exactly the shown text on the clipboard and say so, and say so too when the browser refuses.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::RoomType;
use support::*;

/// Lets pages of `origin` read and write the clipboard, as a user's "Allow" would.
async fn grant_clipboard(driver: &WebDriver, origin: &str) {
    driver
        .cdp()
        .send_raw(
            "Browser.grantPermissions",
            serde_json::json!({
                "origin": origin,
                "permissions": ["clipboardReadWrite", "clipboardSanitizedWrite"],
            }),
        )
        .await
        .expect("grant clipboard permissions");
}

/// Records every text the page asks the clipboard to write in `window.__copied`; the write still
/// goes to the real clipboard, or fails with a `NotAllowedError` when `refuse` is set.
async fn watch_clipboard(driver: &WebDriver, refuse: bool) {
    driver
        .execute(
            r#"const refuse = arguments[0];
               const cb = navigator.clipboard;
               window.__realWrite = window.__realWrite || cb.writeText.bind(cb);
               window.__copied = [];
               cb.writeText = text => {
                 window.__copied.push(text);
                 return refuse
                   ? Promise.reject(new DOMException("Write permission denied.", "NotAllowedError"))
                   : window.__realWrite(text);
               };"#,
            vec![serde_json::json!(refuse)],
        )
        .await
        .expect("watch the clipboard");
}

/// The texts the page asked the clipboard to write.
async fn copied(driver: &WebDriver) -> Vec<String> {
    let v = driver
        .execute("return window.__copied;", Vec::new())
        .await
        .expect("script");
    serde_json::from_value(v.json().clone()).expect("strings")
}

/// What the clipboard holds now, read back through the page.
async fn clipboard_text(driver: &WebDriver) -> String {
    let v = driver
        .execute_async(
            r#"const done = arguments[arguments.length - 1];
               navigator.clipboard.readText().then(done, e => done("read failed: " + e));"#,
            Vec::new(),
        )
        .await
        .expect("read the clipboard");
    v.json().as_str().unwrap_or_default().to_string()
}

/// Waits for a toast titled `title` and returns its message, if it has one.
async fn toast(driver: &WebDriver, title: &str) -> Option<String> {
    eventually(&format!("a toast “{title}”"), || {
        let driver = driver.clone();
        let title = title.to_string();
        async move {
            for t in driver
                .find_all(By::Css("[data-testid='toast']"))
                .await
                .ok()?
            {
                let head = t
                    .find(By::Css(".toast__title"))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                if head == title {
                    let message = match t.find(By::Css("[data-testid='toast-message']")).await {
                        Ok(m) => Some(m.text().await.ok()?),
                        Err(_) => None,
                    };
                    return Some(message);
                }
            }
            None
        }
    })
    .await
}

#[tokio::test(flavor = "multi_thread")]
async fn copies_an_external_link_and_reports_a_refused_clipboard() {
    let stack = Stack::start().await;
    let api = stack.api();
    let room = new_room(&api, "Shared outside", RoomType::Custom).await;
    let stack = &stack;
    let room_id = &room.id;
    let seen = std::sync::Mutex::new(String::new());
    let seen_ref = &seen;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        grant_clipboard(&driver, &stack.url()).await;
        open_room(&driver, room_id).await;
        click(&driver, "[data-testid='open-links'] button").await;
        click(&driver, "[data-testid='link-form'] button[type='submit']").await;
        let address = wait_for(&driver, "[data-testid='link-url']")
            .await
            .prop("value")
            .await
            .expect("value")
            .unwrap_or_default();
        assert!(address.starts_with("http"), "a link address: {address}");
        dismiss_toasts(&driver).await;
        watch_clipboard(&driver, false).await;
        click(&driver, "[data-testid='link-copy']").await;
        assert_eq!(toast(&driver, "Link copied").await, None);
        assert_eq!(copied(&driver).await, vec![address.clone()]);
        assert_eq!(
            clipboard_text(&driver).await,
            address,
            "the clipboard holds the address"
        );
        // A browser that refuses: the user is told, and how to copy by hand.
        dismiss_toasts(&driver).await;
        watch_clipboard(&driver, true).await;
        click(&driver, "[data-testid='link-copy']").await;
        let message = toast(&driver, "The link was not copied")
            .await
            .unwrap_or_default();
        assert!(
            message.contains("select the address and copy it"),
            "{message}"
        );
        assert_eq!(copied(&driver).await, vec![address.clone()]);
        *seen_ref.lock().expect("lock") = address;
    })
    .await;
    let expected = seen.into_inner().expect("lock");
    // The copied address is the link the portal lists for the room.
    let links = api
        .rooms()
        .links(room.id.clone(), None)
        .await
        .expect("links");
    let listed: Vec<String> = links
        .iter()
        .filter_map(|s| s.link().and_then(|l| l.share_link.clone()))
        .collect();
    assert_eq!(listed, [expected]);
}

#[tokio::test(flavor = "multi_thread")]
async fn copies_the_playground_code_exactly_as_shown() {
    let stack = Stack::start().await;
    let stack = &stack;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        grant_clipboard(&driver, &stack.url()).await;
        click(&driver, "a[href='/playground']").await;
        wait_for(&driver, "[data-testid='playground-code']").await;
        for tab in ["code-tab-leptos", "code-tab-html"] {
            click(&driver, &format!("[data-testid='{tab}']")).await;
            wait_for(&driver, &format!("[data-testid='{tab}'][aria-pressed='true']")).await;
            let shown = driver
                .execute(
                    "return document.querySelector(\"[data-testid='playground-code']\").textContent;",
                    Vec::new(),
                )
                .await
                .expect("script")
                .json()
                .as_str()
                .unwrap_or_default()
                .to_string();
            assert!(shown.lines().count() > 3, "{tab} shows code: {shown}");
            dismiss_toasts(&driver).await;
            watch_clipboard(&driver, false).await;
            click(&driver, "[data-testid='copy-code'] button").await;
            assert_eq!(toast(&driver, "Code copied").await, None);
            assert_eq!(copied(&driver).await, vec![shown.clone()], "{tab}");
            assert_eq!(clipboard_text(&driver).await, shown, "{tab}: the clipboard holds the code");
        }
        dismiss_toasts(&driver).await;
        watch_clipboard(&driver, true).await;
        click(&driver, "[data-testid='copy-code'] button").await;
        let message = toast(&driver, "The code was not copied").await.unwrap_or_default();
        assert!(message.contains("select the code and copy it"), "{message}");
    })
    .await;
}
