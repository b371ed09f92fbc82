//! Bulk download and emptying the Trash through the typed client, natively, against an
//! in-process devportal over loopback HTTP.

#![cfg(not(target_arch = "wasm32"))]

use docspace_api::Client;
use docspace_api::models::RoomType;
use docspace_devportal::PortalConfig;

#[tokio::test]
async fn files_and_folders_come_back_as_one_archive_and_the_trash_empties() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let c = Client::builder(portal.base_url())
        .api_key(&portal.owner.api_key)
        .build()
        .expect("client");
    let room = c
        .rooms()
        .create("Archive me", RoomType::Custom)
        .send()
        .await
        .expect("room");
    let a = c
        .files()
        .upload(&room.id, "first.txt", b"one".to_vec())
        .send()
        .await
        .expect("upload")
        .id;
    let b = c
        .files()
        .upload(&room.id, "second.txt", b"two".to_vec())
        .send()
        .await
        .expect("upload")
        .id;

    let zip = c
        .operations()
        .download()
        .files([a.clone(), b.clone()])
        .fetch()
        .await
        .expect("archive");
    assert!(zip.starts_with(b"PK\x03\x04"), "a zip");
    let has = |name: &str| zip.windows(name.len()).any(|w| w == name.as_bytes());
    assert!(has("first.txt") && has("second.txt"));
    // One file comes back as itself.
    let one = c
        .operations()
        .download()
        .files([a.clone()])
        .fetch()
        .await
        .expect("file");
    assert_eq!(one, b"one");
    // Nothing chosen is refused before sending.
    let err = c.operations().download().send().await.expect_err("empty");
    assert!(err.to_string().contains("at least one"), "{err}");

    // Delete into the Trash, then empty it.
    c.operations()
        .delete()
        .files([b.clone()])
        .wait()
        .await
        .expect("deleted");
    let emptied = c.operations().empty_trash().await.expect("emptied");
    assert!(emptied.finished);
    assert!(c.files().get(b).send().await.is_err(), "gone for good");
}
