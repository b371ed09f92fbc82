//! Acting through an external link with the typed client, natively: a visitor who is not
//! signed in opens a protected file link with its password (the portal's `sharelink…` cookie
//! then lets the client's cookie store through), and is refused before it.

#![cfg(not(target_arch = "wasm32"))]

use docspace_api::Client;
use docspace_api::models::{FileId, FileShare, LinkStatus, RoomType};
use docspace_devportal::PortalConfig;

/// A file in a new room with a protected Read link; returns the file id and the link's key.
async fn protected_file(owner: &Client) -> (FileId, String) {
    let room = owner
        .rooms()
        .create("Shared offers", RoomType::Custom)
        .send()
        .await
        .expect("room");
    let file = owner
        .files()
        .upload(&room.id, "offer.txt", b"visitor text".to_vec())
        .send()
        .await
        .expect("upload")
        .id;
    let link = owner
        .files()
        .create_link(&file, FileShare::Read)
        .password("s3cret-pw")
        .send()
        .await
        .expect("link");
    let key = link
        .link()
        .and_then(|l| l.request_token.clone())
        .expect("key");
    (file, key)
}

#[tokio::test]
async fn a_visitor_opens_a_protected_file_link_with_its_password() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let base = portal.base_url();
    let owner = Client::builder(&base)
        .api_key(&portal.owner.api_key)
        .build()
        .expect("owner");
    let (file, key) = protected_file(&owner).await;
    let visitor = Client::builder(&base)
        .link_key(&key)
        .build()
        .expect("client");

    let before = visitor.links().status(&key).await.expect("status");
    assert_eq!(before.status, LinkStatus::RequiredPassword);
    assert_eq!(before.entity_title.as_deref(), Some("offer.txt"));
    assert!(
        visitor.files().get(file.clone()).send().await.is_err(),
        "nothing opens before the password"
    );

    let wrong = visitor
        .links()
        .apply_password(&key, "not-the-one")
        .await
        .expect("answered");
    assert_eq!(wrong.status, LinkStatus::InvalidPassword);
    let right = visitor
        .links()
        .apply_password(&key, "s3cret-pw")
        .await
        .expect("answered");
    assert_eq!(right.status, LinkStatus::Ok);
    let opened = visitor
        .files()
        .get(file.clone())
        .send()
        .await
        .expect("file opens");
    assert_eq!(opened.title, "offer.txt");
    assert_eq!(
        visitor.links().status(&key).await.expect("status").status,
        LinkStatus::Ok
    );

    // Input is checked before anything is sent.
    let err = visitor
        .links()
        .apply_password(&key, "")
        .await
        .expect_err("empty");
    assert!(err.to_string().contains("password"), "{err}");
    let err = visitor.links().status(" ").await.expect_err("empty key");
    assert!(err.to_string().contains("key"), "{err}");
}
