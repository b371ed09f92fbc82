//! A folder's contents with filters and `pathParts`; `@my`, `@root` and `@trash`.

use crate::common::{self, Api, portal, room_id, titles};
use serde_json::json;

#[tokio::test]
async fn contents_have_path_parts_counts_and_filters() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = room_id(&api, "Contracts").await;
    let c = api.get_ok(&format!("/api/2.0/files/{room}")).await;
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
    let y = api.get_ok(&format!("/api/2.0/files/{year}")).await;
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
        titles(&api.get_ok(&q("filterType=2")).await, "files").len(),
        0
    );
    assert_eq!(
        titles(&api.get_ok(&q("applyFilterOption=1")).await, "folders").len(),
        0
    );
    assert_eq!(
        titles(&api.get_ok(&q("filterType=5")).await, "files"),
        vec!["Budget.xlsx"]
    );
    assert_eq!(
        titles(&api.get_ok(&q("extension=txt")).await, "files"),
        vec!["Reading list.txt"]
    );
    assert_eq!(
        titles(&api.get_ok(&q("filterValue=BUDG")).await, "files"),
        vec!["Budget.xlsx"]
    );
    let az = api.get_ok(&q("sortBy=AZ&sortOrder=0")).await;
    assert_eq!(
        titles(&az, "files"),
        vec!["Budget.xlsx", "Reading list.txt"]
    );
    let paged = api
        .get_ok(&q("sortBy=AZ&sortOrder=0&startIndex=1&count=1"))
        .await;
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
    let my = api.get_ok("/api/2.0/files/@my").await;
    assert_eq!(my["current"]["type"], 5);
    assert_eq!(my["current"]["rootFolderType"], 5);
    let mut got = titles(&my, "files");
    got.sort();
    assert_eq!(got, vec!["Ideas.md", "Notes.txt"]);
    let root = api.get_ok("/api/2.0/files/@root").await;
    let kinds: Vec<i64> = root
        .as_array()
        .expect("array")
        .iter()
        .map(|c| c["current"]["type"].as_i64().unwrap_or(-1))
        .collect();
    assert_eq!(kinds, vec![5, 14, 20, 3]);
    let without = api.get_ok("/api/2.0/files/@root?withoutTrash=true").await;
    assert_eq!(without.as_array().map(Vec::len), Some(3));
    assert_eq!(
        api.get_ok("/api/2.0/files/@trash").await["current"]["type"],
        3
    );
    // Guests have no My documents.
    let p2 = common::unlimited_portal().await;
    let guest = common::login(&p2, common::GUEST).await;
    guest
        .get("/api/2.0/files/@my")
        .await
        .expect_error(403, "Access denied");
    let kinds = guest.get_ok("/api/2.0/files/@root").await;
    assert!(
        kinds
            .as_array()
            .is_some_and(|a| a.iter().all(|c| c["current"]["type"] != 5))
    );
}
