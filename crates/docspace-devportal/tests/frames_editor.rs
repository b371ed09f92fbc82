//! `/doceditor`, the stand-in for ONLYOFFICE Docs, framed by the official api.js 2.0.0 and
//! 2.1.0: onAppReady/onContentReady, text edited with the keyboard and saved through the REST
//! API (read back over REST), the viewer's read-only view, honest refusal of office formats,
//! onEditorCloseCallback, and executeInEditor accepted from the parent window only.

mod frames_support;

use std::time::Duration;

use docspace_testkit::{wait_for, wait_until, with_browser};
use frames_support::*;
use serde_json::json;

#[tokio::test(flavor = "multi_thread")]
async fn editor_saves_text_that_rest_returns() {
    let fx = Fixture::new().await;
    let room = fx.create_room("Editor Room", 5).await;
    let portal = fx.portal.base_url();
    let email = fx.portal.owner.email.clone();
    let system = fx.url("/old-sdk/system");
    let mut files = Vec::new();
    for v in VERSIONS {
        files.push((
            v,
            fx.upload(&room, &format!("edit-{v}.txt"), b"hello").await,
            fx.host_page(v),
        ));
    }
    let fx_ref = &fx;

    with_browser(|driver| async move {
        sign_in_directly(&driver, fx_ref, &email, &system).await;
        for (version, file, url) in &files {
            open_host(&driver, url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "editor", "frameId": "ed", "id": file["id"] }),
                &["onEditorCloseCallback"],
            )
            .await;
            assert_eq!(
                wait_event(&driver, "onAppReady").await,
                json!({ "frameId": "ed" }),
                "{version}"
            );
            wait_event(&driver, "onContentReady").await;

            // The stand-in says what it is.
            enter_frame(&driver, "ed").await;
            let note = text_in(&driver, ".stand-in-note").await;
            assert!(note.contains("stand-in for ONLYOFFICE Docs"), "{note}");
            let area = wait_for(&driver, "textarea#doc-text").await;
            assert_eq!(area.prop("value").await.expect("value"), Some("hello".into()));
            area.send_keys(Key::End).await.expect("end");
            area.send_keys(format!(", {version}!")).await.expect("type");
            area.send_keys(Key::Control + "s").await.expect("save");
            let saved = wait_until(
                &driver,
                "const s = document.getElementById('save-status').textContent; return s.startsWith('Saved') ? s : null;",
            )
            .await;
            assert!(saved.as_str().is_some_and(|s| s.starts_with("Saved")), "{saved}");
            leave_frame(&driver).await;
            let content = fx_ref.download(&file["id"]).await;
            assert_eq!(
                String::from_utf8_lossy(&content),
                format!("hello, {version}!"),
                "{version}: the saved text is what REST returns"
            );

            // Methods: setConfig merges into the URL's config and keeps editorGoBack "event".
            let cfg = call(&driver, "ed", "setConfig", json!([{ "theme": "Dark" }])).await;
            assert_eq!(cfg["editorGoBack"], "event", "{version}: {cfg}");
            assert_eq!(cfg["frameId"], "ed");
            assert_eq!(cfg["theme"], "Dark");
            assert_eq!(
                call(&driver, "ed", "getFolderInfo", json!([])).await,
                json!("Wrong method for this mode")
            );

            // executeInEditor from the host runs against the stand-in instance.
            driver
                .execute(
                    "window.DocSpace.SDK.frames.ed.executeInEditor(
                       function (instance, asc, data) { instance.setText(data.text); }, { text: 'from the host' });
                     return true;",
                    vec![],
                )
                .await
                .expect("executeInEditor");
            enter_frame(&driver, "ed").await;
            wait_until(
                &driver,
                "return document.getElementById('doc-text').value === 'from the host';",
            )
            .await;
            leave_frame(&driver).await;

            // The same message from a sibling frame (not the parent) is ignored.
            driver
                .execute(
                    r#"
                    const sibling = document.createElement("iframe");
                    sibling.srcdoc = "<script>parent.frames['frameDocSpace__#ed'].postMessage(JSON.stringify({frameId:'ed',type:'',data:{type:'method',methodName:'executeInEditor',data:{callback:'function (i) { i.setText(\"forged\"); }'}}}), '*'); parent.__siblingPosted = true;<\/script>";
                    document.body.appendChild(sibling);
                    return true;
                    "#,
                    vec![],
                )
                .await
                .expect("sibling frame");
            wait_until(&driver, "return window.__siblingPosted === true;").await;
            tokio::time::sleep(Duration::from_millis(800)).await;
            enter_frame(&driver, "ed").await;
            let value = wait_for(&driver, "#doc-text").await.prop("value").await.expect("value");
            assert_eq!(value, Some("from the host".into()), "{version}: a sibling ran code");

            // Close: onEditorCloseCallback (editorGoBack "event").
            wait_for(&driver, "#close-button").await.click().await.expect("close");
            leave_frame(&driver).await;
            wait_event(&driver, "onEditorCloseCallback").await;
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn viewer_is_read_only_and_office_files_are_not_faked() {
    let fx = Fixture::new().await;
    let room = fx.create_room("Viewer Room", 5).await;
    let text = fx.upload(&room, "view.md", b"# Title\n\nbody").await;
    let office = fx
        .upload(&room, "report.docx", b"PK\x03\x04 a zip, not rendered")
        .await;
    let portal = fx.portal.base_url();
    let email = fx.portal.owner.email.clone();
    let system = fx.url("/old-sdk/system");
    let hosts: Vec<(&str, String)> = VERSIONS.iter().map(|v| (*v, fx.host_page(v))).collect();
    let fx_ref = &fx;

    with_browser(|driver| async move {
        sign_in_directly(&driver, fx_ref, &email, &system).await;
        for (version, url) in hosts {
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "viewer", "frameId": "vw", "id": text["id"] }),
                &[],
            )
            .await;
            wait_event(&driver, "onAppReady").await;
            enter_frame(&driver, "vw").await;
            assert_eq!(text_in(&driver, "pre#doc-text").await, "# Title\n\nbody", "{version}");
            assert_eq!(
                driver
                    .execute(
                        "return [!!document.querySelector('textarea'), !!document.getElementById('save-button')];",
                        vec![],
                    )
                    .await
                    .expect("probe")
                    .json()
                    .clone(),
                json!([false, false]),
                "{version}: the viewer cannot edit"
            );
            leave_frame(&driver).await;

            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "editor", "frameId": "of", "id": office["id"] }),
                &[],
            )
            .await;
            wait_event(&driver, "onAppReady").await;
            enter_frame(&driver, "of").await;
            let notice = text_in(&driver, ".notice").await;
            assert!(notice.contains("cannot show .docx"), "{version}: {notice}");
            assert!(
                driver
                    .execute("return !document.querySelector('textarea, pre');", vec![])
                    .await
                    .expect("probe")
                    .json()
                    == &json!(true),
                "{version}: nothing pretends to render the document"
            );
            leave_frame(&driver).await;

            // A file that does not exist: an error the frame reveals (setIsLoaded), no onAppReady.
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "editor", "frameId": "nf", "id": 999999 }),
                &[],
            )
            .await;
            wait_event(&driver, "onContentReady").await;
            enter_frame(&driver, "nf").await;
            assert_eq!(text_in(&driver, ".notice-title").await, "File not found");
            leave_frame(&driver).await;
            assert_no_event(&driver, "onAppReady", Duration::from_millis(300)).await;
        }
    })
    .await;
}
