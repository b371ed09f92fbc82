//! What a test starts from, put on the portal through its REST API as the owner: rooms, folders,
//! files, members. Each helper fails the test with what it tried, as a set-up step must not.

use docspace_api::Client;
use docspace_api::models::{File, Folder, FolderId, Room, RoomType};

use super::*;

/// A new room `title` of `kind`.
pub async fn new_room(api: &Client, title: &str, kind: RoomType) -> Room {
    api.rooms()
        .create(title, kind)
        .send()
        .await
        .unwrap_or_else(|e| panic!("create room {title}: {e}"))
}

/// A new folder `title` in `parent`.
pub async fn new_folder(api: &Client, parent: impl Into<FolderId>, title: &str) -> Folder {
    api.folders()
        .create(parent, title)
        .await
        .unwrap_or_else(|e| panic!("create folder {title}: {e}"))
}

/// Uploads `data` as `name` into `folder`.
pub async fn upload(
    api: &Client,
    folder: impl Into<FolderId>,
    name: &str,
    data: impl Into<Vec<u8>>,
) -> File {
    api.files()
        .upload(folder, name, data.into())
        .send()
        .await
        .unwrap_or_else(|e| panic!("upload {name}: {e}"))
}

/// Numbered lines of text, 31 bytes each, `bytes / 32` of them: a file of a known size in
/// whole upload chunks.
pub fn lines_of_text(bytes: usize) -> Vec<u8> {
    (0..bytes / 32)
        .flat_map(|i| format!("line {i:>10} of the upload \n").into_bytes())
        .collect()
}

/// The portal's user `email`, if there is one (among the first 100).
pub async fn person(
    api: &docspace_api::Client,
    email: &str,
) -> Option<docspace_api::models::Employee> {
    api.people()
        .list()
        .count(100)
        .send()
        .await
        .expect("people")
        .items
        .into_iter()
        .find(|p| p.email.as_deref() == Some(email))
}

/// `email`'s membership of `room` as the portal lists it, if they are a member.
pub async fn membership(
    api: &docspace_api::Client,
    room: &docspace_api::models::FolderId,
    email: &str,
) -> Option<docspace_api::models::Share> {
    api.rooms()
        .members(room.clone())
        .send()
        .await
        .expect("members")
        .items
        .into_iter()
        .find(|s| s.user().and_then(|u| u.email.as_deref()) == Some(email))
}

/// The id of the demo user `email`.
pub async fn user_id(api: &docspace_api::Client, email: &str) -> docspace_api::models::UserId {
    person(api, email)
        .await
        .unwrap_or_else(|| panic!("{email} is a demo user"))
        .id
}

/// Makes the demo user `email` a member of `room` at `level`, without sending an e-mail.
pub async fn add_member(
    api: &docspace_api::Client,
    room: &docspace_api::models::FolderId,
    email: &str,
    level: docspace_api::models::FileShare,
) {
    let user = user_id(api, email).await;
    let shared = api
        .rooms()
        .share(room.clone())
        .user(user, level)
        .notify(false)
        .send()
        .await
        .expect("share");
    assert!(shared.is_ok(), "{email} joined the room");
}

/// Files on disk for the browser to choose, in a folder removed when this is dropped.
pub struct DiskFiles(tempfile::TempDir);

impl DiskFiles {
    pub fn new() -> DiskFiles {
        DiskFiles(tempfile::tempdir().expect("temp dir"))
    }

    /// The folder.
    pub fn path(&self) -> &std::path::Path {
        self.0.path()
    }

    /// Writes `name` (a path below the folder, its folders made) with `bytes`; its full path,
    /// what a file input is given.
    pub fn write(&self, name: &str, bytes: impl AsRef<[u8]>) -> std::path::PathBuf {
        let path = self.0.path().join(name);
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).expect("folders on disk");
        }
        std::fs::write(&path, bytes).unwrap_or_else(|e| panic!("write {name}: {e}"));
        path
    }
}
