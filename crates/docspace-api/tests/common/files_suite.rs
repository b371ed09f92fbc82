//! Shared tests of folders and files: contents, operations, chunked upload, paging (see `suite`).

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use docspace_api::Error;
use docspace_api::api::UploadProgress;
use docspace_api::models::{ConflictResolve, Entry, FolderType, RoomType, SortBy};
use futures::TryStreamExt;

use super::suite::bytes_of;
use super::{Fixture, unique};

pub async fn folders_and_files(fx: &Fixture) {
    let c = fx.owner();
    let room = c
        .rooms()
        .create(unique("Files"), RoomType::Custom)
        .send()
        .await
        .expect("room");
    let folder = c
        .folders()
        .create(&room.id, "Drafts")
        .await
        .expect("folder");
    assert_eq!(folder.title, "Drafts");
    assert_eq!(folder.parent_id.as_ref(), Some(&room.id));
    assert_eq!(
        c.folders().get(&folder.id).await.expect("info").id,
        folder.id
    );
    let renamed = c
        .folders()
        .rename(&folder.id, "Final")
        .await
        .expect("rename");
    assert_eq!(renamed.title, "Final");
    let path = c.folders().path(&folder.id).await.expect("path");
    assert_eq!(path.last().map(|p| p.title.as_str()), Some("Final"));
    assert!(path.iter().any(|p| p.id == room.id));
    let subs = c.folders().subfolders(&room.id).await.expect("subfolders");
    assert!(subs.iter().any(|s| s.id == folder.id));

    let doc = c
        .files()
        .create(&folder.id, "Notes")
        .send()
        .await
        .expect("create");
    assert!(
        doc.title.starts_with("Notes") && doc.title.ends_with(".docx"),
        "{}",
        doc.title
    );
    let data = bytes_of(3000, 7);
    let up = c
        .files()
        .upload(&folder.id, "data.zip", data.clone())
        .send()
        .await
        .expect("upload");
    assert_eq!(up.pure_content_length, 3000);
    assert_eq!(c.files().download(&up.id).await.expect("download"), data);
    let again = c
        .files()
        .upload(&folder.id, "data.zip", b"v2".to_vec())
        .create_new_if_exist(true)
        .send()
        .await
        .expect("second upload");
    assert_ne!(again.id, up.id);
    assert_ne!(again.title, up.title);
    let info = c.files().get(&up.id).send().await.expect("info");
    assert_eq!(info.folder_id.as_ref(), Some(&folder.id));
    assert_eq!(
        c.files()
            .get(&up.id)
            .version(1)
            .send()
            .await
            .expect("v1")
            .id,
        up.id
    );
    let renamed = c
        .files()
        .rename(&up.id, "data-renamed.zip")
        .await
        .expect("rename");
    assert_eq!(renamed.title, "data-renamed.zip");

    let page = c
        .folders()
        .contents(&folder.id)
        .send()
        .await
        .expect("contents");
    assert_eq!(page.total, 3);
    assert_eq!(page.current.id, folder.id);
    assert!(page.path_parts.iter().any(|p| p.id == room.id));
    let entries: Vec<Entry> = c
        .folders()
        .contents(&room.id)
        .stream()
        .try_collect()
        .await
        .expect("stream");
    assert!(
        entries
            .iter()
            .any(|e| matches!(e, Entry::Folder(f) if f.id == folder.id))
    );

    let my = c.folders().my().count(5).send().await.expect("@my");
    assert_eq!(my.current.folder_type, Some(FolderType::User));
    let sections = c.folders().root().await.expect("@root");
    assert!(
        sections
            .iter()
            .any(|s| s.current.folder_type == Some(FolderType::VirtualRooms))
    );

    let ops = c
        .files()
        .delete(&doc.id)
        .immediately(true)
        .wait()
        .await
        .expect("delete file");
    assert!(ops.iter().all(|o| o.finished));
    let gone = c.files().get(&doc.id).send().await.expect_err("deleted");
    assert!(matches!(gone, Error::NotFound { .. }), "{gone:?}");
    c.folders()
        .delete(&folder.id)
        .immediately(true)
        .wait()
        .await
        .expect("delete folder");
    let gone = c.folders().get(&folder.id).await.expect_err("deleted");
    assert!(matches!(gone, Error::NotFound { .. }), "{gone:?}");
}

pub async fn copy_move_and_delete_operations(fx: &Fixture) {
    let c = fx.owner();
    let room = c
        .rooms()
        .create(unique("Ops"), RoomType::Custom)
        .send()
        .await
        .expect("room");
    let a = c.folders().create(&room.id, "A").await.expect("a");
    let b = c.folders().create(&room.id, "B").await.expect("b");
    let file = c
        .files()
        .upload(&a.id, "q3.txt", b"numbers".to_vec())
        .send()
        .await
        .expect("file");

    let copied = c
        .operations()
        .copy(&b.id)
        .file(&file.id)
        .conflict(ConflictResolve::Duplicate)
        .wait()
        .await
        .expect("copy");
    assert!(copied.finished && copied.error().is_none());
    let copy = copied.files.first().expect("the copy").clone();
    assert_eq!(copy.folder_id.as_ref(), Some(&b.id));
    assert_eq!(
        c.files().download(&copy.id).await.expect("copy content"),
        b"numbers"
    );
    // Before copying again, the portal names what would clash, for the user to choose.
    let clashes = c
        .operations()
        .copy(&b.id)
        .file(&file.id)
        .clashes()
        .await
        .expect("clashes");
    let titles: Vec<&str> = clashes.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["q3.txt"]);
    assert_eq!(
        clashes[0].id.to_string(),
        file.id.to_string(),
        "the source file"
    );
    let twice = c
        .operations()
        .copy(&b.id)
        .files([file.id.clone()])
        .conflict(ConflictResolve::Duplicate)
        .wait()
        .await
        .expect("copy again");
    assert_ne!(
        twice.files[0].title, copy.title,
        "duplicates get a new title"
    );

    let sub = c.folders().create(&a.id, "Sub").await.expect("sub");
    let moved = c
        .operations()
        .move_to(&b.id)
        .folder(&sub.id)
        .wait()
        .await
        .expect("move");
    assert!(moved.finished);
    assert_eq!(
        c.folders()
            .get(&sub.id)
            .await
            .expect("moved")
            .parent_id
            .as_ref(),
        Some(&b.id)
    );

    let started = c
        .operations()
        .copy(&a.id)
        .file(&copy.id)
        .send()
        .await
        .expect("start");
    let polled = c.operations().get(&started.id).await.expect("get");
    assert!(polled.is_none_or(|p| p.id == started.id));
    let listed = c.operations().list().await.expect("list");
    let _ = listed;

    let deleted = c
        .operations()
        .delete()
        .files([copy.id.clone()])
        .folders([sub.id.clone()])
        .immediately(true)
        .wait()
        .await
        .expect("delete");
    assert!(deleted.finished);
    assert!(matches!(
        c.files().get(&copy.id).send().await,
        Err(Error::NotFound { .. })
    ));
}

pub async fn chunked_upload_with_progress(fx: &Fixture) {
    let c = fx.owner();
    let room = c
        .rooms()
        .create(unique("Uploads"), RoomType::Custom)
        .send()
        .await
        .expect("room");
    let data = bytes_of(150 * 1024 + 17, 3);
    let seen: Arc<Mutex<Vec<UploadProgress>>> = Arc::default();
    let sink = seen.clone();
    let file = c
        .uploads()
        .chunked(&room.id, "big.zip", data.clone())
        .chunk_size(64 * 1024)
        .on_progress(move |p| sink.lock().expect("lock").push(p))
        .send()
        .await
        .expect("upload");
    assert_eq!(file.pure_content_length, data.len() as u64);
    assert_eq!(c.files().download(&file.id).await.expect("download"), data);
    let seen = seen.lock().expect("lock").clone();
    // One report per acknowledged chunk; in a browser also reports from inside a chunk as its
    // bytes go out (as many as the browser's upload events, possibly none on loopback).
    let mut chunks: Vec<u64> = seen.iter().map(|p| p.chunks_sent).collect();
    chunks.dedup();
    assert!(
        chunks == [1, 2, 3] || chunks == [0, 1, 2, 3],
        "acknowledged in order: {seen:?}"
    );
    for w in seen
        .windows(2)
        .filter(|w| w[1].chunks_sent > w[0].chunks_sent)
    {
        let acked = (w[1].chunks_sent * 64 * 1024).min(data.len() as u64);
        assert_eq!(
            w[1].bytes_sent, acked,
            "an acknowledgement counts whole chunks"
        );
    }
    if cfg!(not(target_arch = "wasm32")) {
        assert_eq!(seen.len(), 3, "natively, per chunk: {seen:?}");
    }
    assert!(seen.windows(2).all(|w| w[0].bytes_sent < w[1].bytes_sent));
    assert_eq!(seen.last().map(|p| p.fraction()), Some(1.0));

    let mut upload = c
        .uploads()
        .chunked(&room.id, "second.zip", bytes_of(70 * 1024, 9))
        .chunk_size(64 * 1024)
        .create_new_if_exist(true)
        .start()
        .await
        .expect("session");
    assert_eq!(upload.session().bytes_total, 70 * 1024);
    assert_eq!(upload.progress().chunks_total, 2);
    let second = upload.run().await.expect("run");
    assert_eq!(second.pure_content_length, 70 * 1024);

    // Before uploading again, the portal names the titles it already holds, for the user to
    // choose; overwriting adds a version to the file there.
    let taken = c
        .uploads()
        .check(&room.id, ["BIG.zip", "fresh.zip", "second.zip"])
        .await
        .expect("check");
    assert_eq!(taken, ["BIG.zip", "second.zip"]);
    let overwritten = c
        .uploads()
        .chunked(&room.id, "big.zip", bytes_of(100, 5))
        .chunk_size(64 * 1024)
        .create_new_if_exist(false)
        .send()
        .await
        .expect("overwrite");
    assert_eq!(overwritten.id, file.id, "the same file");
    assert_eq!(overwritten.version, 2, "as a new version");

    let abandoned = c
        .uploads()
        .chunked(&room.id, "abandoned.zip", vec![1u8; 100])
        .chunk_size(64 * 1024)
        .start()
        .await
        .expect("session");
    abandoned.abort().await.expect("abort");
}

pub async fn chunked_upload_into_a_relative_path(fx: &Fixture) {
    let c = fx.owner();
    let room = c
        .rooms()
        .create(unique("Folder upload"), RoomType::Custom)
        .send()
        .await
        .expect("room");
    // The portal creates the folders on the way and stores the file at the end.
    let file = c
        .uploads()
        .chunked(&room.id, "beach.zip", bytes_of(70 * 1024, 4))
        .chunk_size(64 * 1024)
        .relative_path("Photos/2024")
        .send()
        .await
        .expect("upload");
    let top = c.folders().contents(&room.id).send().await.expect("room");
    let photos = top
        .folders
        .iter()
        .find(|f| f.title == "Photos")
        .expect("Photos created");
    let inside = c
        .folders()
        .contents(&photos.id)
        .send()
        .await
        .expect("Photos");
    let year = inside
        .folders
        .iter()
        .find(|f| f.title == "2024")
        .expect("2024 created");
    assert_eq!(file.folder_id.as_ref(), Some(&year.id));
    // The same path again finds the folders; keeping both numbers the second file.
    let second = c
        .uploads()
        .chunked(&room.id, "beach.zip", bytes_of(100, 6))
        .chunk_size(64 * 1024)
        .relative_path("Photos/2024")
        .create_new_if_exist(true)
        .send()
        .await
        .expect("second upload");
    assert_eq!(second.folder_id.as_ref(), Some(&year.id));
    assert_eq!(second.title, "beach (1).zip");
    let top = c.folders().contents(&room.id).send().await.expect("room");
    assert_eq!(top.folders.len(), 1, "one Photos");
    // A path that climbs or has an empty folder name is refused before anything is sent.
    for bad in ["../x", "/x", "a//b"] {
        let e = c
            .uploads()
            .chunked(&room.id, "x.bin", vec![1u8])
            .relative_path(bad)
            .send()
            .await
            .expect_err("refused");
        assert!(
            matches!(
                e,
                Error::InvalidInput {
                    field: "relative_path",
                    ..
                }
            ),
            "{bad}: {e:?}"
        );
    }
}

pub async fn paging_streams_every_item(fx: &Fixture) {
    let c = fx.owner();
    let tag = unique("paged");
    let mut created = HashSet::new();
    for i in 0..7 {
        let room = c
            .rooms()
            .create(format!("{tag} {i}"), RoomType::Custom)
            .tags([tag.as_str()])
            .send()
            .await
            .expect("room");
        created.insert(room.id);
    }
    let streamed: Vec<_> = c
        .rooms()
        .list()
        .tags([tag.as_str()])
        .count(2)
        .stream()
        .try_collect()
        .await
        .expect("stream");
    let ids: HashSet<_> = streamed.iter().map(|r| r.id.clone()).collect();
    assert_eq!(streamed.len(), 7, "no room twice");
    assert_eq!(ids, created);
    let from_3: Vec<_> = c
        .rooms()
        .list()
        .tags([tag.as_str()])
        .sort_by(SortBy::Title)
        .start_index(3)
        .count(3)
        .stream()
        .try_collect()
        .await
        .expect("offset stream");
    assert_eq!(from_3.len(), 4);
}
