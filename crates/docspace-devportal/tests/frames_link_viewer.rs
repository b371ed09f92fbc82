//! A file's external link opened by someone who is not signed in: the link's page
//! (`/doceditor?fileid=…&share=…`, the `shareLink` DocSpace gives a file's link) asks for the
//! password of a protected link, refuses a wrong one, opens the document with the right one,
//! and explains an expired link, in headless Chromium.

mod frames_support;

use docspace_testkit::{wait_until, with_browser};
use frames_support::*;
use serde_json::{Value, json};

/// A further link to `file` with `options`; returns its `shareLink` URL.
async fn link_to(fx: &Fixture, file: &Value, options: Value) -> String {
    let mut body = json!({ "access": 2 });
    for (k, v) in options.as_object().expect("options") {
        body[k] = v.clone();
    }
    let link = fx
        .ok(
            reqwest::Method::PUT,
            &format!("files/file/{}/links", file["id"]),
            Some(body),
        )
        .await;
    link["sharedLink"]["shareLink"]
        .as_str()
        .expect("shareLink")
        .to_string()
}

#[tokio::test(flavor = "multi_thread")]
async fn a_protected_link_asks_for_its_password_and_an_expired_one_says_so() {
    let fx = Fixture::new().await;
    let room = fx.create_room("Shared files", 5).await;
    let file = fx.upload(&room, "offer.txt", b"the offer text").await;
    let protected = link_to(&fx, &file, json!({ "password": "s3cret-pw" })).await;
    // A date in the past means no expiry (as on DocSpace), so this link expires in two seconds.
    let soon = (chrono::Utc::now() + chrono::Duration::seconds(2)).to_rfc3339();
    let expired = link_to(&fx, &file, json!({ "expirationDate": soon })).await;

    with_browser(|driver| async move {
        driver.goto(&protected).await.expect("open the link");
        let title = text_in(&driver, "#password-title").await;
        assert!(title.contains("offer.txt"), "{title}");
        // Nothing of the document shows before the password.
        assert_eq!(
            driver
                .execute("return !!document.getElementById('doc-text');", vec![])
                .await
                .expect("probe")
                .json()
                .clone(),
            json!(false)
        );
        type_into(&driver, "#link-password", "wrong-one").await;
        press(&driver, Key::Enter).await;
        assert_eq!(
            text_in(&driver, "#link-password-error").await,
            "Wrong password."
        );

        // The right password opens the document; the cookie carries it through a reload.
        wait_until(
            &driver,
            "const i = document.getElementById('link-password'); i.value = ''; return true;",
        )
        .await;
        type_into(&driver, "#link-password", "s3cret-pw").await;
        press(&driver, Key::Enter).await;
        assert_eq!(text_in(&driver, "#doc-text").await, "the offer text");
        driver.refresh().await.expect("reload");
        assert_eq!(text_in(&driver, "#doc-text").await, "the offer text");
        // The password is in no cookie the page can read.
        let cookies = driver
            .execute("return document.cookie;", vec![])
            .await
            .expect("cookies")
            .json()
            .clone();
        assert!(!cookies.to_string().contains("s3cret"), "{cookies}");

        tokio::time::sleep(std::time::Duration::from_millis(2500)).await;
        driver.goto(&expired).await.expect("open the expired link");
        let notice = text_in(&driver, ".notice").await;
        assert!(notice.contains("This link has expired"), "{notice}");
    })
    .await;
}
