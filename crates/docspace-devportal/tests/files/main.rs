//! Folders and files over HTTP: contents with filters and `pathParts`, `@my`, `@root`, `@trash`,
//! create, info, rename, delete, copy/move with conflict resolution, uploads (simple and chunked,
//! byte-exact), saving edited content, and downloads at `viewUrl`.
#[path = "../common/mod.rs"]
mod common;

mod contents;
mod edit_and_download;
mod entries;
mod operations;
mod uploads;

use common::{Api, Resp};
use reqwest::Method;
use serde_json::Value;

async fn upload(api: &Api, folder: &str, name: &str, data: &[u8]) -> Resp {
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{folder}/upload"),
        &[("File", Some(name), data)],
    )
    .await
}

async fn download(api: &Api, view_url: &str) -> Vec<u8> {
    api.call(Method::GET, view_url, None).await.expect(200).body
}

async fn poll_done(api: &Api, op: &Value) -> Value {
    let id = op[0]["id"]
        .as_str()
        .or(op["id"].as_str())
        .expect("operation id")
        .to_string();
    let ops = api.get_ok(&format!("/api/2.0/files/fileops?id={id}")).await;
    assert_eq!(ops[0]["finished"], true, "{ops}");
    ops[0].clone()
}
