//! Folders and files over HTTP: contents with filters and `pathParts`, `@my`, `@root`, `@trash`,
//! create, info, rename, delete, copy/move with conflict resolution, uploads (simple and chunked,
//! byte-exact), saving edited content, and downloads at `viewUrl`.

mod common;

use common::{Api, Resp, new_folder, portal, room_id, titles};
use reqwest::Method;
use serde_json::{Value, json};

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
    let ops = api
        .get(&format!("/api/2.0/files/fileops?id={id}"))
        .await
        .expect(200)
        .response();
    assert_eq!(ops[0]["finished"], true, "{ops}");
    ops[0].clone()
}

#[tokio::test]
async fn contents_have_path_parts_counts_and_filters() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let c = api
        .get(&format!("/api/2.0/files/{room}"))
        .await
        .expect(200)
        .response();
    assert_eq!(c["current"]["id"], room);
    assert_eq!(c["current"]["roomType"], 5);
    assert_eq!(
        c["pathParts"],
        json!([
            { "id": c["pathParts"][0]["id"], "title": "Rooms", "folderType": 14 },
            { "id": room, "title": "Contracts", "folderType": 19, "roomType": 5 },
        ])
    );
    assert_eq!(c["total"], 3);
    assert_eq!(titles(&c, "folders"), vec!["2025"]);
    let year = c["folders"][0]["id"].as_i64().expect("id");
    let y = api
        .get(&format!("/api/2.0/files/{year}"))
        .await
        .expect(200)
        .response();
    assert_eq!(y["pathParts"].as_array().map(Vec::len), Some(3));
    assert_eq!(y["files"][0]["parentRoomType"], 19);
    assert_eq!(y["files"][0]["rootFolderType"], 14);
    for f in y["files"].as_array().expect("files") {
        assert_eq!(f["fileEntryType"], 2);
        assert!(f["viewUrl"].as_str().is_some_and(|u| u.ends_with(&format!(
            "/filehandler.ashx?action=download&fileid={}",
            f["id"]
        ))));
        assert_eq!(
            f["webUrl"],
            format!("{}/doceditor?fileid={}&version=1", api.base(), f["id"])
        );
    }
    // Filters: files only, folders only, by extension, by text, sorting, paging.
    let q = |s: &str| format!("/api/2.0/files/{room}?{s}");
    assert_eq!(
        titles(
            &api.get(&q("filterType=2")).await.expect(200).response(),
            "files"
        )
        .len(),
        0
    );
    assert_eq!(
        titles(
            &api.get(&q("applyFilterOption=1"))
                .await
                .expect(200)
                .response(),
            "folders"
        )
        .len(),
        0
    );
    assert_eq!(
        titles(
            &api.get(&q("filterType=5")).await.expect(200).response(),
            "files"
        ),
        vec!["Budget.xlsx"]
    );
    assert_eq!(
        titles(
            &api.get(&q("extension=txt")).await.expect(200).response(),
            "files"
        ),
        vec!["Reading list.txt"]
    );
    assert_eq!(
        titles(
            &api.get(&q("filterValue=BUDG")).await.expect(200).response(),
            "files"
        ),
        vec!["Budget.xlsx"]
    );
    let az = api
        .get(&q("sortBy=AZ&sortOrder=0"))
        .await
        .expect(200)
        .response();
    assert_eq!(
        titles(&az, "files"),
        vec!["Budget.xlsx", "Reading list.txt"]
    );
    let paged = api
        .get(&q("sortBy=AZ&sortOrder=0&startIndex=1&count=1"))
        .await
        .expect(200)
        .response();
    assert_eq!(
        (titles(&paged, "folders"), titles(&paged, "files")),
        (vec![], vec!["Budget.xlsx".to_string()])
    );
    assert_eq!(paged["total"], 3);
    for bad in [
        "count=0",
        "count=1000",
        "filterType=99",
        "applyFilterOption=7",
        "startIndex=x",
    ] {
        assert_eq!(api.get(&q(bad)).await.status, 400, "{bad}");
    }
    for bad in ["0", "-1", "1e9", "99999999", "abc"] {
        api.get(&format!("/api/2.0/files/{bad}"))
            .await
            .expect_error(404, "not");
    }
}

#[tokio::test]
async fn my_documents_root_and_trash() {
    let p = portal().await;
    let api = Api::owner(&p);
    let my = api.get("/api/2.0/files/@my").await.expect(200).response();
    assert_eq!(my["current"]["type"], 5);
    assert_eq!(my["current"]["rootFolderType"], 5);
    let mut got = titles(&my, "files");
    got.sort();
    assert_eq!(got, vec!["Ideas.md", "Notes.txt"]);
    let root = api.get("/api/2.0/files/@root").await.expect(200).response();
    let kinds: Vec<i64> = root
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["current"]["type"].as_i64().unwrap_or(-1))
        .collect();
    assert_eq!(kinds, vec![5, 14, 20, 3]);
    let without = api
        .get("/api/2.0/files/@root?withoutTrash=true")
        .await
        .expect(200)
        .response();
    assert_eq!(without.as_array().map(Vec::len), Some(3));
    assert_eq!(
        api.get("/api/2.0/files/@trash")
            .await
            .expect(200)
            .response()["current"]["type"],
        3
    );
    // Guests have no My documents.
    let p2 = common::unlimited_portal().await;
    let guest = common::login(&p2, common::GUEST).await;
    guest
        .get("/api/2.0/files/@my")
        .await
        .expect_error(403, "Access denied");
    let kinds = guest
        .get("/api/2.0/files/@root")
        .await
        .expect(200)
        .response();
    assert!(
        kinds
            .as_array()
            .is_some_and(|a| a.iter().all(|c| c["current"]["type"] != 5))
    );
}

#[tokio::test]
async fn folders_are_created_read_renamed_and_deleted() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let f = api
        .post(
            &format!("/api/2.0/files/folder/{room}"),
            json!({ "title": "Drafts" }),
        )
        .await
        .expect(200)
        .response();
    assert_eq!(f["parentId"], room);
    assert_eq!(f["type"], 0);
    assert_eq!(f["parentRoomType"], 19);
    let id = f["id"].as_i64().expect("id");
    // Same title again: DocSpace keeps both and numbers the second.
    let dup = api
        .post(
            &format!("/api/2.0/files/folder/{room}"),
            json!({ "title": "Drafts" }),
        )
        .await
        .expect(200)
        .response();
    assert_eq!(dup["title"], "Drafts (1)");
    assert_eq!(
        api.get(&format!("/api/2.0/files/folder/{id}"))
            .await
            .expect(200)
            .response()["title"],
        "Drafts"
    );
    let r = api
        .put(
            &format!("/api/2.0/files/folder/{id}"),
            json!({ "title": "Drafts 2" }),
        )
        .await
        .expect(200)
        .response();
    assert_eq!(r["title"], "Drafts 2");
    let path = api
        .get(&format!("/api/2.0/files/folder/{id}/path"))
        .await
        .expect(200)
        .response();
    assert_eq!(
        titles(&json!({ "x": path }), "x"),
        vec!["Rooms", "Contracts", "Drafts 2"]
    );
    let subs = api
        .get(&format!("/api/2.0/files/{room}/subfolders"))
        .await
        .expect(200)
        .response();
    assert_eq!(subs.as_array().map(Vec::len), Some(3));
    for (body, field) in [
        (json!({}), "empty"),
        (json!({ "title": "x".repeat(166) }), "Title"),
        (json!({ "title": "a\u{0}b" }), "control"),
    ] {
        let r = api
            .post(&format!("/api/2.0/files/folder/{room}"), body)
            .await;
        assert_eq!(r.status, 400, "{}", r.text());
        assert!(r.text().contains(field), "{}", r.text());
    }
    // Rooms and sections are not folders one may create things in.
    let rooms_section =
        api.get("/api/2.0/files/rooms").await.expect(200).response()["current"]["id"]
            .as_i64()
            .expect("id");
    api.post(
        &format!("/api/2.0/files/folder/{rooms_section}"),
        json!({ "title": "x" }),
    )
    .await
    .expect_error(403, "Access denied");
    api.post("/api/2.0/files/folder/987654", json!({ "title": "x" }))
        .await
        .expect_error(404, "not");
    // Delete moves to Trash; deleting from Trash removes it.
    let op = api
        .delete(&format!("/api/2.0/files/folder/{id}"), json!({}))
        .await
        .expect(200)
        .response();
    poll_done(&api, &op).await;
    let trash = api
        .get("/api/2.0/files/@trash")
        .await
        .expect(200)
        .response();
    assert!(titles(&trash, "folders").contains(&"Drafts 2".to_string()));
    assert_eq!(trash["folders"][0]["originId"], room);
    api.delete(
        &format!("/api/2.0/files/folder/{id}"),
        json!({ "immediately": true }),
    )
    .await
    .expect(200);
    api.get(&format!("/api/2.0/files/folder/{id}"))
        .await
        .expect_error(404, "not");
    api.call(
        Method::DELETE,
        &format!("/api/2.0/files/folder/{}", dup["id"]),
        None,
    )
    .await
    .expect_validation("");
    api.delete(&format!("/api/2.0/files/folder/{room}"), json!({}))
        .await
        .expect_error(403, "Rooms");
}

#[tokio::test]
async fn files_are_created_read_renamed_and_deleted() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Marketing").await;
    let f = api
        .post(
            &format!("/api/2.0/files/{room}/file"),
            json!({ "title": "Brief" }),
        )
        .await
        .expect(200)
        .response();
    assert_eq!(
        f["title"], "Brief.docx",
        "no known extension: .docx appended"
    );
    assert_eq!(f["fileExst"], ".docx");
    assert_eq!(f["fileType"], 7);
    assert_eq!(f["version"], 1);
    let id = f["id"].as_i64().expect("id");
    let t = api
        .post(
            &format!("/api/2.0/files/{room}/file"),
            json!({ "title": "notes.md" }),
        )
        .await
        .expect(200)
        .response();
    assert_eq!(t["title"], "notes.md");
    assert!(
        t.get("pureContentLength").is_none(),
        "empty files omit pureContentLength: {t}"
    );
    assert_eq!(t["contentLength"], "0 bytes");
    let my = api
        .post("/api/2.0/files/@my/file", json!({ "title": "Sheet.xlsx" }))
        .await
        .expect(200)
        .response();
    assert_eq!(my["fileType"], 5);
    assert_eq!(my["rootFolderType"], 5);
    let copy = api
        .post(
            &format!("/api/2.0/files/{room}/file"),
            json!({ "title": "From template.txt", "templateId": t["id"] }),
        )
        .await
        .expect(200)
        .response();
    assert_eq!(copy["title"], "From template.txt");
    let info = api
        .get(&format!("/api/2.0/files/file/{id}"))
        .await
        .expect(200)
        .response();
    assert_eq!(info["title"], "Brief.docx");
    api.get(&format!("/api/2.0/files/file/{id}?version=7"))
        .await
        .expect_error(404, "Version");
    let renamed = api
        .put(
            &format!("/api/2.0/files/file/{id}"),
            json!({ "title": "Brief final" }),
        )
        .await
        .expect(200)
        .response();
    assert_eq!(
        renamed["title"], "Brief final.docx",
        "the extension is kept"
    );
    for bad in ["0", "-5", "abc", "123456789"] {
        api.get(&format!("/api/2.0/files/file/{bad}"))
            .await
            .expect_error(404, "not");
    }
    api.post(
        &format!("/api/2.0/files/{room}/file"),
        json!({ "title": "" }),
    )
    .await
    .expect_error(400, "empty");
    api.post(
        &format!("/api/2.0/files/{room}/file"),
        json!({ "title": "x", "templateId": 999999 }),
    )
    .await
    .expect_error(404, "not");
    let op = api
        .delete(
            &format!("/api/2.0/files/file/{id}"),
            json!({ "immediately": true }),
        )
        .await
        .expect(200)
        .response();
    assert_eq!(poll_done(&api, &op).await["Operation"], 2);
    api.get(&format!("/api/2.0/files/file/{id}"))
        .await
        .expect_error(404, "not");
}

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
    let rooms_section =
        api.get("/api/2.0/files/rooms").await.expect(200).response()["current"]["id"].clone();
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
    let s = api
        .post(
            &format!("/api/2.0/files/{room}/session"),
            json!({ "fileName": "big.pdf", "fileSize": 2 * chunk.len() + 3 }),
        )
        .await
        .expect(200)
        .response();
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
    let s = api
        .post(
            &format!("/api/2.0/files/{room}/session"),
            json!({ "fileName": "par.txt", "fileSize": 9 }),
        )
        .await
        .expect(200)
        .response();
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
    let fin = api
        .call(
            Method::PUT,
            &format!("/api/2.0/files/{room}/session/{sid}/finalize"),
            None,
        )
        .await
        .expect(201)
        .response();
    assert_eq!(
        download(&api, fin["file"]["viewUrl"].as_str().expect("url")).await,
        b"abcdefghi"
    );

    // Finalizing early fails and keeps the session; abort removes it.
    let s = api
        .post(
            &format!("/api/2.0/files/{room}/session"),
            json!({ "fileName": "early.txt", "fileSize": 10 }),
        )
        .await
        .expect(200)
        .response();
    let sid = s["id"].as_str().expect("id");
    api.call(
        Method::PUT,
        &format!("/api/2.0/files/{room}/session/{sid}/finalize"),
        None,
    )
    .await
    .expect_error(400, "0 of 10");
    api.call(
        Method::DELETE,
        &format!("/api/2.0/files/{room}/session/{sid}"),
        None,
    )
    .await
    .expect(200);
    api.call(
        Method::PUT,
        &format!("/api/2.0/files/{room}/session/{sid}/finalize"),
        None,
    )
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
    let s = api
        .post(
            &format!("/api/2.0/files/{room}/session"),
            json!({ "fileName": "mine.txt", "fileSize": 1 }),
        )
        .await
        .expect(200)
        .response();
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
async fn saving_edited_content_makes_a_new_version() {
    let p = portal().await;
    let api = Api::owner(&p);
    let my = api.get("/api/2.0/files/@my").await.expect(200).response();
    let notes = my["files"]
        .as_array()
        .expect("files")
        .iter()
        .find(|f| f["title"] == "Notes.txt")
        .expect("Notes.txt")
        .clone();
    let id = notes["id"].as_i64().expect("id");
    let before = download(&api, notes["viewUrl"].as_str().expect("url")).await;
    assert!(String::from_utf8(before).expect("utf8").contains("SQLite"));
    let r = api
        .multipart(
            Method::PUT,
            &format!("/api/2.0/files/file/{id}/saveediting"),
            &[
                ("FileExtension", None, b".txt"),
                ("File", Some("Notes.txt"), "Edited ✓\n".as_bytes()),
                ("Forcesave", None, b"false"),
            ],
        )
        .await
        .expect(200)
        .response();
    assert_eq!(r["version"], 2);
    assert_eq!(
        r["webUrl"],
        format!("{}/doceditor?fileid={id}&version=2", api.base())
    );
    assert_eq!(
        download(&api, r["viewUrl"].as_str().expect("url")).await,
        "Edited ✓\n".as_bytes()
    );
    api.multipart(
        Method::PUT,
        &format!("/api/2.0/files/file/{id}/saveediting"),
        &[("FileExtension", None, b".docx"), ("File", Some("x"), b"x")],
    )
    .await
    .expect_error(400, "not a .docx");
    api.multipart(
        Method::PUT,
        &format!("/api/2.0/files/file/{id}/saveediting"),
        &[("Forcesave", None, b"true")],
    )
    .await
    .expect_error(400, "File part");
    api.multipart(
        Method::PUT,
        "/api/2.0/files/file/777777/saveediting",
        &[("File", Some("x"), b"x")],
    )
    .await
    .expect_error(404, "not");
    // Reverting to version 1 stores it again as version 3.
    let back = api
        .put(
            &format!("/api/2.0/files/file/{id}"),
            json!({ "lastVersion": 1 }),
        )
        .await
        .expect(200)
        .response();
    assert_eq!(back["version"], 3);
    assert!(
        String::from_utf8(download(&api, back["viewUrl"].as_str().expect("url")).await)
            .expect("utf8")
            .contains("SQLite")
    );
}

#[tokio::test]
async fn copy_and_move_resolve_conflicts() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let a = new_folder(&api, room, "A").await;
    let b = new_folder(&api, room, "B").await;
    let src = upload(&api, &a.to_string(), "doc.txt", b"from A")
        .await
        .expect(200)
        .response()[0]
        .clone();
    upload(&api, &b.to_string(), "doc.txt", b"already in B")
        .await
        .expect(200);
    let files_of = |id: i64| {
        let api = api.clone();
        async move {
            api.get(&format!("/api/2.0/files/{id}"))
                .await
                .expect(200)
                .response()
        }
    };
    let batch = |op: &str, conflict: Value| json!({ "fileIds": [src["id"]], "folderIds": [], "destFolderId": b, "conflictResolveType": conflict, "deleteAfter": false, "op": op });
    // Skip: nothing changes.
    let op = api
        .put("/api/2.0/files/fileops/copy", batch("copy", json!("Skip")))
        .await
        .expect(200)
        .response();
    let done = poll_done(&api, &op).await;
    assert_eq!(done["Operation"], 1);
    assert_eq!(done["files"], json!([]));
    assert_eq!(titles(&files_of(b).await, "files"), vec!["doc.txt"]);
    // Duplicate: a numbered copy.
    let op = api
        .put("/api/2.0/files/fileops/copy", batch("copy", json!(2)))
        .await
        .expect(200)
        .response();
    assert_eq!(
        poll_done(&api, &op).await["files"][0]["title"],
        "doc (1).txt"
    );
    // Overwrite: a new version of the existing file with the source content.
    let op = api
        .put(
            "/api/2.0/files/fileops/copy",
            batch("copy", json!("overwrite")),
        )
        .await
        .expect(200)
        .response();
    let over = poll_done(&api, &op).await["files"][0].clone();
    assert_eq!(over["title"], "doc.txt");
    assert_eq!(over["version"], 2);
    assert_eq!(
        download(&api, over["viewUrl"].as_str().expect("url")).await,
        b"from A"
    );
    // Move a folder into another, then move the file with Duplicate.
    let op = api
        .put(
            "/api/2.0/files/fileops/move",
            json!({ "folderIds": [a], "destFolderId": b }),
        )
        .await
        .expect(200)
        .response();
    let moved = poll_done(&api, &op).await;
    assert_eq!(moved["Operation"], 0);
    assert_eq!(moved["folders"][0]["parentId"], b);
    let path = api
        .get(&format!("/api/2.0/files/folder/{a}/path"))
        .await
        .expect(200)
        .response();
    assert_eq!(
        titles(&json!({ "p": path }), "p"),
        vec!["Rooms", "Contracts", "B", "A"]
    );
    // A folder cannot go into itself; unknown ids, bad conflict values and missing destinations fail whole.
    api.put(
        "/api/2.0/files/fileops/move",
        json!({ "folderIds": [b], "destFolderId": a }),
    )
    .await
    .expect_error(403, "subfolder");
    api.put(
        "/api/2.0/files/fileops/copy",
        json!({ "fileIds": [src["id"], 999999], "destFolderId": room }),
    )
    .await
    .expect_error(404, "not");
    assert_eq!(
        titles(&files_of(room).await, "files")
            .iter()
            .filter(|t| t.starts_with("doc"))
            .count(),
        0,
        "nothing half-copied"
    );
    api.put(
        "/api/2.0/files/fileops/copy",
        json!({ "fileIds": [src["id"]], "destFolderId": room, "conflictResolveType": "Merge" }),
    )
    .await
    .expect_validation("ConflictResolveType");
    api.put(
        "/api/2.0/files/fileops/copy",
        json!({ "fileIds": [src["id"]] }),
    )
    .await
    .expect_validation("DestFolderId");
    api.put(
        "/api/2.0/files/fileops/copy",
        json!({ "fileIds": [-4], "destFolderId": room }),
    )
    .await
    .expect_error(404, "not");
    api.put("/api/2.0/files/fileops/teleport", json!({}))
        .await
        .expect_error(404, "Unknown");
    // Copy across rooms into My documents keeps the source.
    let my = api.get("/api/2.0/files/@my").await.expect(200).response()["current"]["id"]
        .as_i64()
        .expect("id");
    let op = api
        .put(
            "/api/2.0/files/fileops/copy",
            json!({ "fileIds": [src["id"].to_string()], "destFolderId": my.to_string() }),
        )
        .await
        .expect(200)
        .response();
    assert_eq!(poll_done(&api, &op).await["files"][0]["rootFolderType"], 5);
    // Batch delete: to Trash, then for good.
    let op = api
        .put(
            "/api/2.0/files/fileops/delete",
            json!({ "fileIds": [src["id"]], "folderIds": [] }),
        )
        .await
        .expect(200)
        .response();
    poll_done(&api, &op).await;
    assert!(
        titles(
            &api.get("/api/2.0/files/@trash")
                .await
                .expect(200)
                .response(),
            "files"
        )
        .contains(&"doc.txt".to_string())
    );
    api.put(
        "/api/2.0/files/fileops/delete",
        json!({ "fileIds": [src["id"]], "immediately": true }),
    )
    .await
    .expect(200);
    api.get(&format!("/api/2.0/files/file/{}", src["id"]))
        .await
        .expect_error(404, "not");
}

#[tokio::test]
async fn downloads_need_credentials_and_respect_deny_download() {
    let p = common::unlimited_portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let c = api
        .get(&format!("/api/2.0/files/{room}?filterValue=Reading"))
        .await
        .expect(200)
        .response();
    let url = c["files"][0]["viewUrl"].as_str().expect("url").to_string();
    assert!(
        String::from_utf8(download(&api, &url).await)
            .expect("utf8")
            .contains("Contract law")
    );
    Api::anonymous(&p)
        .call(Method::GET, &url, None)
        .await
        .expect_empty(401);
    // A member who is not a manager cannot download once downloads are denied; the manager can.
    let user = common::login(&p, common::USER).await;
    user.call(Method::GET, &url, None).await.expect(200);
    api.put(
        &format!("/api/2.0/files/rooms/{room}"),
        json!({ "denyDownload": true }),
    )
    .await
    .expect(200);
    user.call(Method::GET, &url, None)
        .await
        .expect_error(403, "Access denied");
    api.call(Method::GET, &url, None).await.expect(200);
    let outsider = common::login(&p, common::GUEST).await;
    let press = room_id(&api, "Press kit").await;
    let pc = api
        .get(&format!("/api/2.0/files/{press}"))
        .await
        .expect(200)
        .response();
    outsider
        .call(
            Method::GET,
            pc["files"][0]["viewUrl"].as_str().expect("url"),
            None,
        )
        .await
        .expect_error(403, "Access denied");
    api.get("/filehandler.ashx?action=download&fileid=0")
        .await
        .expect_error(404, "not");
    api.get("/filehandler.ashx?action=delete&fileid=1")
        .await
        .expect_error(400, "Unsupported");
}

#[tokio::test]
async fn the_legacy_chunked_uploader_handler_speaks_success_data_message() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let wrapped = api
        .post(
            &format!("/api/2.0/files/{room}/upload/create_session"),
            json!({ "fileName": "legacy.txt", "fileSize": 6 }),
        )
        .await
        .expect(200)
        .response();
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
    let s = api
        .post(
            &format!("/api/2.0/files/{room}/upload/create_session"),
            json!({ "fileName": "p.txt", "fileSize": 4 }),
        )
        .await
        .expect(200)
        .response();
    let path = s["data"]["location"]
        .as_str()
        .expect("location")
        .trim_start_matches(api.base())
        .to_string();
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
    let s = api
        .post(
            &format!("/api/2.0/files/{room}/upload/create_session"),
            json!({ "fileName": "a.txt", "fileSize": 4 }),
        )
        .await
        .expect(200)
        .response();
    let path = s["data"]["location"]
        .as_str()
        .expect("location")
        .trim_start_matches(api.base())
        .to_string();
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
