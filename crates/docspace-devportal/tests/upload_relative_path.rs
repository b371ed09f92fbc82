//! A chunked upload's `relativePath`: the session puts the file into folders under the target,
//! found by title or created, as DocSpace's server does when the session opens
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Core/Utils/FileUploader.cs`
//! `VerifyChunkedUploadAsync` → `GetFolderIdAsync`; the title rules in
//! `products/ASC.Files/Core/Helpers/Global.cs` `ReplaceInvalidCharsAndTruncate`; the body in
//! `products/ASC.Files/Server/ApiModels/RequestDto/SessionRequestDto.cs`).

mod common;

use common::*;
use reqwest::Method;
use serde_json::{Value, json};

/// Opens a session for `name` (`size` bytes) in `folder` with `body`'s extra fields.
async fn open(api: &Api, folder: i64, name: &str, size: usize, extra: Value) -> Resp {
    let mut body = json!({ "fileName": name, "fileSize": size });
    if let (Some(b), Some(e)) = (body.as_object_mut(), extra.as_object()) {
        b.extend(e.clone());
    }
    api.post(&format!("/api/2.0/files/{folder}/session"), body)
        .await
}

/// Uploads `data` as `name` under `folder` at `path` in one chunk sent to `send_to` (the
/// folder named in the chunk's URL); the stored file's JSON.
async fn upload_at(
    api: &Api,
    folder: i64,
    send_to: i64,
    path: &str,
    name: &str,
    data: &[u8],
) -> Value {
    let s = open(
        api,
        folder,
        name,
        data.len(),
        json!({ "relativePath": path }),
    )
    .await
    .expect(200)
    .response();
    let sid = s["id"].as_str().expect("session id").to_string();
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{send_to}/session/{sid}/upload?chunkNumber=1"),
        &[("File", Some(name), data)],
    )
    .await
    .expect(200);
    api.call(
        Method::PUT,
        &format!("/api/2.0/files/{send_to}/session/{sid}/finalize"),
        None,
    )
    .await
    .expect(201)
    .response()
}

/// The child folder of `parent` titled `title`.
async fn child(api: &Api, parent: i64, title: &str) -> Option<i64> {
    let content = api.get_ok(&format!("/api/2.0/files/{parent}")).await;
    content["folders"].as_array()?.iter().find_map(|f| {
        (f["title"].as_str() == Some(title))
            .then(|| f["id"].as_i64())
            .flatten()
    })
}

#[tokio::test]
async fn the_path_is_found_or_created_and_the_file_lands_at_its_end() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = create_room(&owner, "Folder upload", json!(2)).await["id"]
        .as_i64()
        .expect("room");
    // Missing folders are created, one under the other; the session is in the last, and its
    // `path` ends there.
    let s = open(
        &owner,
        room,
        "a.txt",
        3,
        json!({ "relativePath": "Photos/2024" }),
    )
    .await
    .expect(200)
    .response();
    let photos = child(&owner, room, "Photos").await.expect("Photos created");
    let year = child(&owner, photos, "2024").await.expect("2024 created");
    let path: Vec<i64> = s["path"]
        .as_array()
        .expect("path")
        .iter()
        .filter_map(Value::as_i64)
        .collect();
    assert_eq!(path.last(), Some(&year), "{s}");
    assert!(path.contains(&room) && path.contains(&photos));

    // The chunks may name the folder the session was opened on (as DocSpace, which reads only
    // the session id) or the one it lands in; the file is stored at the path's end.
    let stored = upload_at(&owner, room, room, "Photos/2024", "b.txt", b"two").await;
    assert_eq!(stored["folderId"].as_i64(), Some(year), "{stored}");
    let stored = upload_at(&owner, room, year, "Photos/2024", "c.txt", b"three").await;
    assert_eq!(stored["folderId"].as_i64(), Some(year));
    // An existing folder is found by title whatever its case, not created again.
    let stored = upload_at(&owner, room, room, "photos/2025", "d.txt", b"four").await;
    let y2025 = child(&owner, photos, "2025")
        .await
        .expect("2025 under Photos");
    assert_eq!(stored["folderId"].as_i64(), Some(y2025));
    let content = owner.get_ok(&format!("/api/2.0/files/{room}")).await;
    assert_eq!(titles(&content, "folders"), ["Photos"], "one Photos");

    // A file of the same name at the path's end: a new version without `createNewIfExist`,
    // a numbered new file with it — the usual rules, in the folder the path reaches.
    let again = upload_at(&owner, room, room, "Photos/2024", "b.txt", b"two, again").await;
    assert_eq!(again["version"].as_i64(), Some(2), "{again}");
    let s = open(
        &owner,
        room,
        "b.txt",
        4,
        json!({ "relativePath": "Photos/2024", "createNewIfExist": true }),
    )
    .await
    .expect(200)
    .response();
    let sid = s["id"].as_str().expect("id").to_string();
    owner
        .multipart(
            Method::POST,
            &format!("/api/2.0/files/{room}/session/{sid}/upload?chunkNumber=1"),
            &[("File", Some("b.txt"), b"both")],
        )
        .await
        .expect(200);
    let kept = owner
        .call(
            Method::PUT,
            &format!("/api/2.0/files/{room}/session/{sid}/finalize"),
            None,
        )
        .await
        .expect(201)
        .response();
    assert_eq!(kept["title"], "b (1).txt");

    // A chunk naming a folder that is neither the session's nor above it is refused.
    let other = new_folder(&owner, room, "Elsewhere").await;
    let s = open(
        &owner,
        room,
        "e.txt",
        1,
        json!({ "relativePath": "Photos" }),
    )
    .await
    .expect(200)
    .response();
    let sid = s["id"].as_str().expect("id").to_string();
    owner
        .multipart(
            Method::POST,
            &format!("/api/2.0/files/{other}/session/{sid}/upload?chunkNumber=1"),
            &[("File", Some("e.txt"), b"e")],
        )
        .await
        .expect_error(404, "another folder");
}

#[tokio::test]
async fn titles_in_the_path_are_stored_as_docspace_stores_them() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = create_room(&owner, "Odd paths", json!(2)).await["id"]
        .as_i64()
        .expect("room");
    // Trimmed, `ReplaceInvalidCharsAndTruncate`'s characters (`+` and `:` among them) become
    // `_`, and `..` is a title like any other: DocSpace's folders are rows, not paths, so
    // nothing climbs out of the room.
    let stored = upload_at(&owner, room, room, " a+b:c /../x", "f.txt", b"f").await;
    let ab = child(&owner, room, "a_b_c").await.expect("a_b_c");
    let dots = child(&owner, ab, "..").await.expect("a folder titled ..");
    let x = child(&owner, dots, "x").await.expect("x");
    assert_eq!(stored["folderId"].as_i64(), Some(x));
    // An empty title ends the walk where it is: a leading `/` keeps the file in the target,
    // `Inner//Deeper` stops in `Inner`.
    let stored = upload_at(&owner, room, room, "/Top", "g.txt", b"g").await;
    assert_eq!(stored["folderId"].as_i64(), Some(room));
    assert_eq!(child(&owner, room, "Top").await, None);
    let stored = upload_at(&owner, room, room, "Inner//Deeper", "h.txt", b"h").await;
    let inner = child(&owner, room, "Inner").await.expect("Inner");
    assert_eq!(stored["folderId"].as_i64(), Some(inner));
    assert_eq!(child(&owner, inner, "Deeper").await, None);
    // An empty path is no path.
    let stored = upload_at(&owner, room, room, "", "i.txt", b"i").await;
    assert_eq!(stored["folderId"].as_i64(), Some(room));
}

#[tokio::test]
async fn who_may_not_create_gets_no_folders() {
    let p = portal().await;
    let owner = Api::owner(&p);
    let room = create_room(&owner, "Read only", json!(2)).await["id"]
        .as_i64()
        .expect("room");
    // A viewer may not create in the room, so neither folders nor a session.
    let viewer = room_member(&p, &owner, room, USER, 2).await;
    open(
        &viewer,
        room,
        "a.txt",
        1,
        json!({ "relativePath": "Sneaky/Deep" }),
    )
    .await
    .expect_error(403, "Access denied");
    assert_eq!(child(&owner, room, "Sneaky").await, None, "nothing created");
}
