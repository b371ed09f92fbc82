//! What the portal holds, read through its REST API as the owner: what a test checks a user's
//! steps against.

use docspace_api::Client;
use docspace_api::models::{File, Folder, FolderContent, FolderId, Room, SearchArea};

/// What `folder` holds directly: the first page, larger than any folder a test fills.
async fn contents(api: &Client, folder: impl Into<FolderId>) -> FolderContent {
    api.folders()
        .contents(folder)
        .send()
        .await
        .expect("contents")
}

/// The files directly in `folder`, sorted by title.
pub async fn files_in(api: &Client, folder: &FolderId) -> Vec<File> {
    let mut files = contents(api, folder.clone()).await.files;
    files.sort_by(|a, b| a.title.cmp(&b.title));
    files
}

/// The titles of the files directly in `folder`, sorted.
pub async fn file_titles_in(api: &Client, folder: &FolderId) -> Vec<String> {
    files_in(api, folder)
        .await
        .into_iter()
        .map(|f| f.title)
        .collect()
}

/// The titles of the folders and, apart, of the files directly in `folder`, each sorted.
pub async fn titles_by_kind(api: &Client, folder: &FolderId) -> (Vec<String>, Vec<String>) {
    let content = contents(api, folder.clone()).await;
    let mut folders: Vec<String> = content.folders.into_iter().map(|f| f.title).collect();
    let mut files: Vec<String> = content.files.into_iter().map(|f| f.title).collect();
    folders.sort();
    files.sort();
    (folders, files)
}

/// The titles of the folders and files directly in `folder`, sorted.
pub async fn entry_titles_in(api: &Client, folder: &FolderId) -> Vec<String> {
    let content = contents(api, folder.clone()).await;
    let mut titles: Vec<String> = content
        .into_entries()
        .iter()
        .map(|e| e.title().to_string())
        .collect();
    titles.sort();
    titles
}

/// The text and version of the file titled `title` directly in `folder`.
pub async fn content_of(api: &Client, folder: &FolderId, title: &str) -> (String, u32) {
    let file = file_named(api, folder.clone(), title).await;
    let bytes = api.files().download(file.id).await.expect("download");
    (String::from_utf8(bytes).expect("text"), file.version)
}

/// The rooms in `area` titled exactly `title`.
pub async fn rooms_titled(api: &Client, title: &str, area: SearchArea) -> Vec<Room> {
    api.rooms()
        .list()
        .filter_value(title)
        .search_area(area)
        .send()
        .await
        .expect("list rooms")
        .folders
        .into_iter()
        .filter(|r| r.title == title)
        .collect()
}

/// The file `title` directly in `folder`.
pub async fn file_named(api: &Client, folder: impl Into<FolderId>, title: &str) -> File {
    contents(api, folder)
        .await
        .files
        .into_iter()
        .find(|f| f.title == title)
        .unwrap_or_else(|| panic!("no file {title}"))
}

/// The folder `title` directly in `folder`.
pub async fn folder_named(api: &Client, folder: impl Into<FolderId>, title: &str) -> Folder {
    contents(api, folder)
        .await
        .folders
        .into_iter()
        .find(|f| f.title == title)
        .unwrap_or_else(|| panic!("no folder {title}"))
}
