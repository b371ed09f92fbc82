//! Uploads, simple and chunked (byte-exact), and the legacy chunked uploader's answers.

use crate::common::{self, Api, Resp, portal, room_id};
use crate::{download, upload};
use reqwest::Method;
use serde_json::json;

#[tokio::test]
async fn simple_uploads_are_byte_exact_and_versioned() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Marketing").await;
    let data: Vec<u8> = (0..=255u8).cycle().take(300_000).collect();
    let r = upload(&api, &room.to_string(), "blob.pdf", &data)
        .await
        .expect(200)
        .response();
    assert_eq!(r.as_array().map(Vec::len), Some(1));
    let f = &r[0];
    assert_eq!(f["pureContentLength"], 300_000);
    assert_eq!(f["contentLength"], "292.97 KB");
    assert_eq!(
        download(&api, f["viewUrl"].as_str().expect("url")).await,
        data
    );
    // Same name again: a new version of the same file; createNewIfExist: a new file.
    let v2 = upload(&api, &room.to_string(), "blob.pdf", b"second")
        .await
        .expect(200)
        .response();
    assert_eq!(v2[0]["id"], f["id"]);
    assert_eq!(v2[0]["version"], 2);
    let old = api
        .call(
            Method::GET,
            &format!("{}&version=1", f["viewUrl"].as_str().expect("url")),
            None,
        )
        .await
        .expect(200);
    assert_eq!(old.body, data);
    let dup = api
        .multipart(
            Method::POST,
            &format!("/api/2.0/files/{room}/upload?createNewIfExist=true"),
            &[("file", Some("blob.pdf"), b"third")],
        )
        .await
        .expect(200)
        .response();
    assert_eq!(dup[0]["title"], "blob (1).pdf");
    let my = upload(&api, "@my", "ünï 文.txt", "text ✓".as_bytes())
        .await
        .expect(200)
        .response();
    assert_eq!(my[0]["title"], "ünï 文.txt");
    let d = api
        .call(Method::GET, my[0]["viewUrl"].as_str().expect("url"), None)
        .await
        .expect(200);
    assert_eq!(d.body, "text ✓".as_bytes());
    assert_eq!(d.headers["content-type"], "text/plain; charset=utf-8");
    assert!(
        d.headers["content-disposition"]
            .to_str()
            .expect("ascii")
            .contains("filename*=UTF-8''%C3%BCn%C3%AF%20%E6%96%87.txt")
    );
    // Errors: a type the portal refuses, no file part, a garbled body, a section folder.
    upload(&api, &room.to_string(), "tool.exe", b"MZ")
        .await
        .expect_error(415, "cannot be uploaded");
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{room}/upload"),
        &[("note", None, b"x")],
    )
    .await
    .expect_error(400, "No file");
    api.raw(
        Method::POST,
        &format!("/api/2.0/files/{room}/upload"),
        "multipart/form-data; boundary=zz",
        b"garbage".to_vec(),
    )
    .await
    .expect_error(400, "multipart");
    let rooms_section = api.get_ok("/api/2.0/files/rooms").await["current"]["id"].clone();
    upload(&api, &rooms_section.to_string(), "a.txt", b"x")
        .await
        .expect_error(403, "Access denied");
}

#[tokio::test]
async fn chunked_sessions_assemble_sequential_and_parallel_chunks() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let chunk: Vec<u8> = (0..=255u8).cycle().take(1 << 20).collect();
    let s = open_session(&api, room, "big.pdf", 2 * chunk.len() + 3).await;
    let sid = s["id"].as_str().expect("session id").to_string();
    assert_eq!(s["bytes_total"], 2 * chunk.len() + 3);
    assert!(
        s["location"]
            .as_str()
            .is_some_and(|l| l.contains("ChunkedUploader.ashx?uid="))
    );
    assert_eq!(
        s["path"].as_array().and_then(|p| p.last()),
        Some(&json!(room))
    );
    assert!(s["created"].as_str().is_some_and(|d| d.ends_with('Z')));
    let url = format!("/api/2.0/files/{room}/session/{sid}");
    let part = |d: &[u8]| vec![("File".to_string(), d.to_vec())];
    let send = |d: Vec<(String, Vec<u8>)>| {
        let api = api.clone();
        let url = url.clone();
        async move {
            let parts: Vec<(&str, Option<&str>, &[u8])> = d
                .iter()
                .map(|(n, b)| (n.as_str(), Some("blob"), b.as_slice()))
                .collect();
            api.multipart(Method::POST, &url, &parts).await
        }
    };
    let first = send(part(&chunk)).await.expect(200).response();
    assert_eq!(first["uploaded"], false);
    send(part(&chunk)).await.expect(200);
    // Going past the announced size is refused and stores nothing.
    send(part(b"toolong"))
        .await
        .expect_error(400, "past the announced");
    let done = send(part(b"end")).await.expect(201).response();
    assert_eq!(done["uploaded"], true);
    assert_eq!(done["file"]["pureContentLength"], 2 * chunk.len() + 3);
    let mut want = chunk.clone();
    want.extend_from_slice(&chunk);
    want.extend_from_slice(b"end");
    assert_eq!(
        download(&api, done["file"]["viewUrl"].as_str().expect("url")).await,
        want
    );
    // The session is gone once used.
    send(part(b"x")).await.expect_error(404, "session");

    // Parallel: numbered chunks in any order, then finalize.
    let s = open_session(&api, room, "par.txt", 9).await;
    let sid = s["id"].as_str().expect("id");
    for (n, d) in [(3, "ghi"), (1, "abc"), (2, "def")] {
        api.multipart(
            Method::POST,
            &format!("/api/2.0/files/{room}/session/{sid}/upload?chunkNumber={n}"),
            &[("File", Some("c"), d.as_bytes())],
        )
        .await
        .expect(200);
    }
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{room}/session/{sid}/upload?chunkNumber=0"),
        &[("File", Some("c"), b"x")],
    )
    .await
    .expect_validation("ChunkNumber");
    let fin = session_call(&api, Method::PUT, room, sid, "/finalize")
        .await
        .expect(201)
        .response();
    assert_eq!(
        download(&api, fin["file"]["viewUrl"].as_str().expect("url")).await,
        b"abcdefghi"
    );

    // Finalizing early fails and keeps the session; abort removes it.
    let s = open_session(&api, room, "early.txt", 10).await;
    let sid = s["id"].as_str().expect("id");
    session_call(&api, Method::PUT, room, sid, "/finalize")
        .await
        .expect_error(400, "0 of 10");
    session_call(&api, Method::DELETE, room, sid, "")
        .await
        .expect(200);
    session_call(&api, Method::PUT, room, sid, "/finalize")
        .await
        .expect_error(404, "session");
    // Bad session requests.
    api.post(
        &format!("/api/2.0/files/{room}/session"),
        json!({ "fileName": "x.txt", "fileSize": -1 }),
    )
    .await
    .expect_validation("FileSize");
    api.post(
        &format!("/api/2.0/files/{room}/session"),
        json!({ "fileName": "x.exe", "fileSize": 1 }),
    )
    .await
    .expect_error(415, "cannot");
    api.post(
        &format!("/api/2.0/files/{room}/session"),
        json!({ "fileSize": 1 }),
    )
    .await
    .expect_error(400, "empty");
    api.post(
        &format!("/api/2.0/files/{room}/session"),
        json!({ "fileName": "x.txt", "fileSize": "big" }),
    )
    .await
    .expect_validation("$");
    // Another user cannot use someone's session.
    let s = open_session(&api, room, "mine.txt", 1).await;
    let other = common::login(&p, common::ADMIN).await;
    other
        .call(
            Method::PUT,
            &format!(
                "/api/2.0/files/{room}/session/{}/finalize",
                s["id"].as_str().expect("id")
            ),
            None,
        )
        .await
        .expect_error(404, "session");
}

#[tokio::test]
async fn the_legacy_chunked_uploader_handler_speaks_success_data_message() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let wrapped = api
        .post_ok(
            &format!("/api/2.0/files/{room}/upload/create_session"),
            json!({ "fileName": "legacy.txt", "fileSize": 6 }),
        )
        .await;
    assert_eq!(wrapped["success"], true);
    let location = wrapped["data"]["location"]
        .as_str()
        .expect("location")
        .to_string();
    let path = location.trim_start_matches(api.base());
    let part = api
        .multipart(Method::POST, path, &[("file", Some("c"), b"abc")])
        .await
        .expect(200)
        .json();
    assert_eq!(part["success"], true);
    assert_eq!(part["data"]["bytes_total"], 6);
    let last = api
        .multipart(Method::POST, path, &[("file", Some("c"), b"def")])
        .await
        .expect(201)
        .json();
    assert_eq!(last["success"], true);
    assert_eq!(last["message"], "");
    assert_eq!(last["data"]["uploaded"], true);
    assert_eq!(
        download(&api, last["data"]["file"]["viewUrl"].as_str().expect("url")).await,
        b"abcdef"
    );
    // Errors are 200s with success false, as DocSpace's handler answers them.
    let gone = api
        .multipart(Method::POST, path, &[("file", Some("c"), b"x")])
        .await
        .expect(200)
        .json();
    assert_eq!(gone["success"], false);
    assert!(
        gone["message"]
            .as_str()
            .is_some_and(|m| m.contains("session"))
    );
    // Parallel chunks, then finalize; abort.
    let path = legacy_session_path(&api, room, "p.txt", 4).await;
    api.multipart(
        Method::POST,
        &format!("{path}&upload=true&chunkNumber=2"),
        &[("file", Some("c"), b"cd")],
    )
    .await
    .expect(200);
    api.multipart(
        Method::POST,
        &format!("{path}&upload=true&chunkNumber=1"),
        &[("file", Some("c"), b"ab")],
    )
    .await
    .expect(200);
    let fin = api
        .call(Method::POST, &format!("{path}&finalize=true"), None)
        .await
        .expect(201)
        .json();
    assert_eq!(
        download(&api, fin["data"]["file"]["viewUrl"].as_str().expect("url")).await,
        b"abcd"
    );
    let path = legacy_session_path(&api, room, "a.txt", 4).await;
    assert_eq!(
        api.call(Method::POST, &format!("{path}&abort=true"), None)
            .await
            .expect(200)
            .json()["success"],
        true
    );
    assert_eq!(
        api.call(Method::POST, &format!("{path}&finalize=true"), None)
            .await
            .expect(200)
            .json()["success"],
        false
    );
    Api::anonymous(&p)
        .call(Method::POST, &format!("{path}&finalize=true"), None)
        .await
        .expect_empty(401);
}

/// Opens a chunked upload session in `room` (`POST files/{room}/session`); its answer.
async fn open_session(api: &Api, room: i64, file: &str, size: usize) -> serde_json::Value {
    api.post_ok(
        &format!("/api/2.0/files/{room}/session"),
        json!({ "fileName": file, "fileSize": size }),
    )
    .await
}

/// `method` on a session's own path (`files/{room}/session/{sid}` and what follows).
async fn session_call(api: &Api, method: Method, room: i64, sid: &str, rest: &str) -> Resp {
    api.call(
        method,
        &format!("/api/2.0/files/{room}/session/{sid}{rest}"),
        None,
    )
    .await
}

/// Opens a session through the legacy endpoint (`files/{room}/upload/create_session`), whose
/// answer wraps it in `success`/`data`; the path of its `ChunkedUploader.ashx` location.
async fn legacy_session_path(api: &Api, room: i64, file: &str, size: usize) -> String {
    let s = api
        .post_ok(
            &format!("/api/2.0/files/{room}/upload/create_session"),
            json!({ "fileName": file, "fileSize": size }),
        )
        .await;
    s["data"]["location"]
        .as_str()
        .expect("location")
        .trim_start_matches(api.base())
        .to_string()
}
