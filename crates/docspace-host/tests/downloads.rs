//! The host leads `GET /filehandler.ashx` to the portal, so the app can fetch a file's content or
//! a download archive with its own credentials from its own origin; nothing else outside
//! `/api/2.0/` goes through (see `proxy::confined_to_api`), and no other method reaches the
//! handler.

mod support;

#[tokio::test]
async fn the_download_handler_is_proxied_for_get_only() {
    let (portal, host, _dist) = support::portal_and_host("<!doctype html>", false).await;
    let key = portal.owner.api_key.clone();
    let api = docspace_api::Client::builder(portal.base_url())
        .token(&key)
        .build()
        .expect("client");
    let file = api
        .files()
        .upload("@my", "notes.txt", b"through the host".to_vec())
        .send()
        .await
        .expect("upload");
    let http = reqwest::Client::new();
    let url = format!(
        "{}/filehandler.ashx?action=download&fileid={}",
        host.base_url(),
        file.id
    );
    let got = http
        .get(&url)
        .bearer_auth(&key)
        .send()
        .await
        .expect("download");
    assert_eq!(got.status(), 200);
    assert_eq!(
        got.bytes().await.expect("body").as_ref(),
        b"through the host"
    );
    let posted = http
        .post(&url)
        .bearer_auth(&key)
        .send()
        .await
        .expect("post");
    assert_eq!(posted.status(), 405, "only GET reaches the handler");
}
