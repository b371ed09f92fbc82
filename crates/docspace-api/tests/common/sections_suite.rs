//! Test bodies for My documents, Recent and Favourites, run natively and in the browser
//! (DocSpace's behaviour they check: ONLYOFFICE/DocSpace-server
//! `products/ASC.Files/Server/Api/FoldersController.cs` and `TagsController.cs`).

use docspace_api::Error;
use docspace_api::models::{FileStatus, FolderType};

use super::{Fixture, unique};

pub async fn favourites_and_recent_round_trip(fx: &Fixture) {
    let c = fx.owner();
    let my = c.folders().my_documents().send().await.expect("@my");
    assert_eq!(my.current.folder_type, Some(FolderType::User));
    let folder = c
        .folders()
        .create(&my.current.id, unique("Fav folder"))
        .await
        .expect("folder");
    let file = c
        .files()
        .create(&my.current.id, format!("{}.docx", unique("Fav")))
        .send()
        .await
        .expect("file");

    let added = c
        .operations()
        .add_favorites()
        .file(&file.id)
        .folder(&folder.id)
        .send()
        .await
        .expect("add favourites");
    assert!(added);
    let favs = c.folders().favorites().send().await.expect("@favorites");
    assert_eq!(favs.current.folder_type, Some(FolderType::Favorites));
    let listed = favs
        .files
        .iter()
        .find(|f| f.id == file.id)
        .expect("file is a favourite");
    assert_eq!(listed.is_favorite, Some(true));
    assert!(listed.file_status.contains(FileStatus::IS_FAVORITE));
    assert!(favs.folders.iter().any(|f| f.id == folder.id));

    c.operations()
        .remove_favorites()
        .file(&file.id)
        .folder(&folder.id)
        .send()
        .await
        .expect("remove favourites");
    let favs = c.folders().favorites().send().await.expect("@favorites");
    assert!(!favs.files.iter().any(|f| f.id == file.id));
    assert!(!favs.folders.iter().any(|f| f.id == folder.id));

    let marked = c.files().mark_recent(&file.id).await.expect("mark recent");
    assert_eq!(marked.id, file.id);
    let recent = c.folders().recent().send().await.expect("@recent");
    assert_eq!(recent.current.folder_type, Some(FolderType::Recent));
    assert_eq!(
        recent.files.first().map(|f| &f.id),
        Some(&file.id),
        "latest first"
    );
}

pub async fn favourites_need_an_entry(fx: &Fixture) {
    let c = fx.owner();
    for b in [
        c.operations().add_favorites(),
        c.operations().remove_favorites(),
    ] {
        match b.send().await {
            Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "files"),
            other => panic!("expected InvalidInput, got {other:?}"),
        }
    }
}
