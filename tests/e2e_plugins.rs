//! End to end: a DocSpace admin manages the portal's web plugins on Apps and keys: uploads a
//! package, switches the plugin off, changes their mind about deleting it, then deletes it; a
//! package the portal refuses shows the portal's reason. A package's upload shows its progress
//! until the portal has it, and a plugin's settings are edited (text the portal would refuse,
//! or JSON that is not, is refused in place with the reason). Each step is checked on the portal
//! through REST (`/api/2.0/settings/webplugins`, ONLYOFFICE/DocSpace-server
//! `web/ASC.Web.Api/Api/Settings/WebPluginsController.cs`).

#![cfg(not(target_arch = "wasm32"))]

mod support;

use std::io::Write;

use support::*;
use zip::write::SimpleFileOptions;

const ROW: &str = "[data-testid='plugin-row'][data-name='hello']";

/// A plugin package: `config.json` and `plugin.js`, as DocSpace's plugin SDK builds one.
fn package() -> Vec<u8> {
    let config = serde_json::json!({
        "name": "hello", "version": "1.0.0", "pluginName": "hello",
        "description": "Says hello", "scopes": "API", "minDocSpaceVersion": "3.5.0",
    });
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    w.start_file("config.json", opts).expect("entry");
    w.write_all(config.to_string().as_bytes()).expect("write");
    w.start_file("plugin.js", opts).expect("entry");
    w.write_all(b"window.Plugins = window.Plugins || {}; window.Plugins.hello = {};")
        .expect("write");
    w.finish().expect("zip").into_inner()
}

/// Waits until the plugin's row says it is `enabled` or not.
async fn row_enabled(driver: &WebDriver, enabled: bool) {
    wait_for(driver, &format!("{ROW}[data-enabled='{enabled}']")).await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_uploads_disables_and_deletes_a_plugin() {
    let stack = Stack::start().await;
    let password = stack.portal.owner.password.clone();
    let api = stack.api();
    let dir = DiskFiles::new();
    let good = dir.write("hello.zip", package());
    let bad = dir.write("broken.zip", b"not a zip at all");
    let stack = &stack;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), "admin@example.com", &password, false).await;
        click(&driver, "a[href='/apps']").await;
        wait_for(&driver, "[data-testid='plugins-empty']").await;

        // A package the portal refuses: its reason is shown, nothing is installed.
        let input = wait_for(&driver, "[data-testid='plugin-upload']").await;
        choose_file(&input, &bad).await;
        let error = wait_for(&driver, "[data-testid='plugin-error']:not([hidden])").await;
        let reason = error.text().await.expect("text");
        assert!(!reason.trim().is_empty(), "the refusal says why");
        assert!(api.plugins().list(None).await.expect("list").is_empty());

        // Upload: the portal enables it, the row says so.
        let input = wait_for(&driver, "[data-testid='plugin-upload']").await;
        choose_file(&input, &good).await;
        row_enabled(&driver, true).await;
        assert!(api.plugins().get("hello").await.expect("uploaded").enabled);
        wait_for(&driver, "[data-testid='plugin-error'][hidden]").await;

        // Switched off on the portal.
        click(&driver, &format!("{ROW} > button")).await;
        row_enabled(&driver, false).await;
        assert!(!api.plugins().get("hello").await.expect("listed").enabled);

        // Delete asks first, with focus on Cancel; Escape takes the question back, returns focus
        // to Delete, and deletes nothing.
        let delete = format!("{ROW} [data-testid='plugin-delete'] button");
        click(&driver, &delete).await;
        let question = "[data-testid='plugin-delete-confirm']";
        wait_for(&driver, question).await;
        let focused = js(&driver, "return document.activeElement.textContent.trim()").await;
        assert_eq!(focused, "Cancel", "focus moves to the safe choice");
        driver
            .active_element()
            .await
            .expect("focused")
            .send_keys(Key::Escape)
            .await
            .expect("escape");
        wait_for(&driver, &delete).await;
        let back = js(
            &driver,
            "return !!document.activeElement.closest(\"[data-testid='plugin-delete']\")",
        )
        .await;
        assert_eq!(back, true, "focus returns to Delete");
        assert!(
            api.plugins().get("hello").await.is_ok(),
            "Escape deletes nothing"
        );

        // Delete, confirmed.
        click(&driver, &delete).await;
        click(&driver, &format!("{question} button:nth-of-type(1)")).await;
        wait_for(&driver, "[data-testid='plugins-empty']").await;
        assert!(api.plugins().list(None).await.expect("list").is_empty());
    })
    .await;
}

/// A package with the `Settings` scope, so that DocSpace hands it its settings.
fn package_with_settings() -> Vec<u8> {
    let config = serde_json::json!({
        "name": "greeter", "version": "1.0.0", "pluginName": "greeter",
        "description": "Greets", "scopes": "API,Settings", "minDocSpaceVersion": "3.5.0",
    });
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    w.start_file("config.json", opts).expect("entry");
    w.write_all(config.to_string().as_bytes()).expect("write");
    w.start_file("plugin.js", opts).expect("entry");
    // Some bulk, so that the upload is more than one progress event.
    let mut script =
        b"window.Plugins = window.Plugins || {}; window.Plugins.greeter = {};\n".to_vec();
    script.extend(std::iter::repeat_n(b"// greeter\n".as_slice(), 100_000).flatten());
    w.write_all(&script).expect("write");
    w.finish().expect("zip").into_inner()
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_uploads_with_progress_and_edits_a_plugins_settings() {
    let stack = Stack::start().await;
    let password = stack.portal.owner.password.clone();
    let api = stack.api();
    let dir = DiskFiles::new();
    let file = dir.write("greeter.zip", package_with_settings());
    let (stack, api) = (&stack, &api);
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), "admin@example.com", &password, false).await;
        click(&driver, "a[href='/apps']").await;
        wait_for(&driver, "[data-testid='plugins-empty']").await;

        // The upload shows its progress, which reaches completion once the portal has it.
        let input = wait_for(&driver, "[data-testid='plugin-upload']").await;
        choose_file(&input, &file).await;
        wait_for(
            &driver,
            "[data-testid='plugin-progress'][data-done='true'] [role='progressbar'][aria-valuenow='100']",
        )
        .await;
        let row = "[data-testid='plugin-row'][data-name='greeter']";
        wait_for(&driver, row).await;
        assert!(api.plugins().get("greeter").await.expect("uploaded").enabled);
        // The package went by XMLHttpRequest, the browser's one way to see an upload's progress.
        let by_xhr = js(
            &driver,
            "return performance.getEntriesByType('resource').some(e => e.name.includes('/api/2.0/settings/webplugins') && e.initiatorType === 'xmlhttprequest')",
        )
        .await;
        assert_eq!(by_xhr, true);

        // Settings: text that starts like JSON but is not is refused here, with the reason.
        click(&driver, &format!("{row} [data-testid='plugin-settings-toggle'] button")).await;
        let text = "[data-testid='plugin-settings-text']";
        fill(&driver, text, "{\"greeting\": ").await;
        click(&driver, "[data-testid='plugin-settings-save'] button").await;
        let reason = text_of(&driver, "[data-testid='plugin-settings-error']:not([hidden])").await;
        assert!(reason.contains("JSON"), "{reason}");
        // More than the portal keeps: refused with the limit.
        fill(&driver, text, &"x".repeat(256)).await;
        click(&driver, "[data-testid='plugin-settings-save'] button").await;
        let reason = text_of(&driver, "[data-testid='plugin-settings-error']:not([hidden])").await;
        assert!(reason.contains("255"), "{reason}");
        let kept = api.plugins().get("greeter").await.expect("plugin");
        assert_eq!(kept.settings.as_deref().unwrap_or(""), "", "nothing refused was saved");

        // Valid settings are saved; the plugin stays enabled.
        fill(&driver, text, "{\"greeting\":\"hi\"}").await;
        click(&driver, "[data-testid='plugin-settings-save'] button").await;
        let saved = eventually("the settings are saved", || async {
            let p = api.plugins().get("greeter").await.ok()?;
            (p.settings.as_deref() == Some("{\"greeting\":\"hi\"}")).then_some(p)
        })
        .await;
        assert!(saved.enabled);
        // Saved, the list is read again and the form closes; opened again, it holds what the
        // portal has.
        wait_for(&driver, &format!("{row}:not(:has([data-testid='plugin-settings']))")).await;
        click(&driver, &format!("{row} [data-testid='plugin-settings-toggle'] button")).await;
        let value = js(&driver, "return document.querySelector(\"[data-testid='plugin-settings-text']\").value").await;
        assert_eq!(value, "{\"greeting\":\"hi\"}");
    })
    .await;
}
