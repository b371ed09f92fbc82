//! A 2xx answer is durable: the real binary with `--data DIR` is killed with SIGKILL right after
//! answering, restarted on the same directory, and everything written is read back byte for byte.

mod common;

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use common::Api;
use reqwest::Method;
use serde_json::json;

const KEY: &str = "sk-d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0d0";

/// Starts the binary on `dir` and returns it with its base URL.
fn start(dir: &std::path::Path) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_docspace-devportal"))
        .args(["--addr", "127.0.0.1:0", "--data"])
        .arg(dir)
        .args(["--api-key", KEY, "--owner-password", "durable-pw"])
        .env("RUST_LOG", "warn")
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("devportal binary starts");
    let stdout = child.stdout.take().expect("stdout");
    let mut lines = BufReader::new(stdout).lines();
    let url = loop {
        let line = lines
            .next()
            .expect("the portal prints its address")
            .expect("readable stdout");
        if let Some(u) = line.strip_prefix("DocSpace devportal at ") {
            break u.trim().to_string();
        }
    };
    std::thread::spawn(move || lines.for_each(drop));
    (child, url)
}

fn api(url: &str) -> Api {
    // `Api` wants a RunningPortal for its base; build one from the URL instead.
    Api::for_url(url, &format!("Bearer {KEY}"))
}

#[tokio::test]
async fn answered_writes_survive_kill_dash_nine() {
    let dir = tempfile::tempdir().expect("temp dir");
    let (mut child, url) = start(dir.path());
    let a = api(&url);
    let room = a
        .post_ok(
            "/api/2.0/files/rooms",
            json!({ "title": "Durable ✓", "roomType": "CustomRoom", "tags": ["kept"] }),
        )
        .await;
    let room_id = room["id"].as_i64().expect("id");
    let data: Vec<u8> = (0..=255u8).cycle().take(3 * 1024 * 1024 + 17).collect();
    let up = a
        .multipart(
            Method::POST,
            &format!("/api/2.0/files/{room_id}/upload"),
            &[("File", Some("payload.bin.pdf"), &data)],
        )
        .await
        .expect(200)
        .response();
    let file_id = up[0]["id"].as_i64().expect("id");
    let folder = a
        .post_ok(
            &format!("/api/2.0/files/folder/{room_id}"),
            json!({ "title": "Sub" }),
        )
        .await;
    let key = a
        .post_ok("/api/2.0/keys", json!({ "name": "survivor" }))
        .await["key"]
        .as_str()
        .expect("key")
        .to_string();
    // Saved before archiving: an archived room is read-only.
    a.multipart(
        Method::PUT,
        &format!("/api/2.0/files/file/{file_id}/saveediting"),
        &[("File", Some("x"), b"last words")],
    )
    .await
    .expect(200);
    a.put_ok(
        &format!("/api/2.0/files/rooms/{room_id}/archive"),
        json!({}),
    )
    .await;
    // The last write is answered, then the process dies without any chance to flush.
    a.post_ok(
        "/api/2.0/security/csp",
        json!({ "domains": ["https://kept.example"] }),
    )
    .await;
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");

    let (mut child, url) = start(dir.path());
    let b = api(&url);
    let got = b.get_ok(&format!("/api/2.0/files/rooms/{room_id}")).await;
    assert_eq!(got["title"], "Durable ✓");
    assert_eq!(got["tags"], json!(["kept"]));
    assert_eq!(got["rootFolderType"], 20, "still archived");
    let info = b.get_ok(&format!("/api/2.0/files/file/{file_id}")).await;
    assert_eq!(info["version"], 2);
    let v1 = b
        .call(
            Method::GET,
            &format!(
                "{}/filehandler.ashx?action=download&fileid={file_id}&version=1",
                url
            ),
            None,
        )
        .await
        .expect(200);
    assert_eq!(v1.body, data, "version 1 byte-exact");
    let v2 = b
        .call(Method::GET, info["viewUrl"].as_str().expect("url"), None)
        .await
        .expect(200);
    assert_eq!(v2.body, b"last words");
    b.get_ok(&format!("/api/2.0/files/folder/{}", folder["id"]))
        .await;
    Api::for_url(&url, &format!("Bearer {key}"))
        .get_ok("/api/2.0/people/@self")
        .await;
    let csp = Api::for_url(&url, "").get_ok("/api/2.0/security/csp").await;
    assert_eq!(csp["domains"], json!(["https://kept.example"]));
    // The demo seed is not applied twice.
    let rooms = b.get_ok("/api/2.0/files/rooms?searchArea=2").await;
    assert_eq!(rooms["total"], 7);
    child.kill().expect("SIGKILL");
    child.wait().expect("reaped");
}
