//! When a room's links may expire, as ONLYOFFICE/DocSpace-server checks it
//! (`products/ASC.Files/Core/Core/FileStorageService.cs`: `SetInvitationLinkAsync` and
//! `SetExternalLinkAsync`, both against `UtcNow.AddYears(FilesLinkUtility.MaxLinkLifeTimeInYears)`,
//! ten years in `products/ASC.Files/Core/Helpers/FilesLinkUtility.cs`).

mod common;

use chrono::{Duration, Months, Utc};
use common::{Api, create_room, portal};
use serde_json::{Value, json};

const OUT_OF_RANGE: &str = "(Parameter 'expirationDate')";

async fn set_link(api: &Api, room: &Value, body: Value) -> common::Resp {
    api.put(&format!("/api/2.0/files/rooms/{}/links", room["id"]), body)
        .await
}

#[tokio::test]
async fn ten_calendar_years_is_the_limit_for_either_kind_of_link() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = create_room(&api, "Expiry limits", json!(6)).await;
    // Calendar years, not 3,650 days: a day short of ten years passes, a day over does not.
    let ten_years = Utc::now() + Months::new(120);
    for link_type in [0, 1] {
        let within = (ten_years - Duration::days(1)).to_rfc3339();
        let over = (ten_years + Duration::days(1)).to_rfc3339();
        let ok = set_link(
            &api,
            &room,
            json!({ "linkType": link_type, "access": 2, "expirationDate": within }),
        )
        .await
        .expect(200)
        .response();
        assert!(
            ok["sharedTo"]["expirationDate"].is_string(),
            "link type {link_type} keeps its expiry: {ok}"
        );
        set_link(
            &api,
            &room,
            json!({ "linkType": link_type, "access": 2, "expirationDate": over }),
        )
        .await
        .expect_error(400, OUT_OF_RANGE);
    }
}

#[tokio::test]
async fn a_past_date_is_refused_for_an_invitation_and_means_no_expiry_for_an_external_link() {
    let p = portal().await;
    let api = Api::owner(&p);
    let room = create_room(&api, "Expiry in the past", json!(6)).await;
    let yesterday = (Utc::now() - Duration::days(1)).to_rfc3339();
    set_link(
        &api,
        &room,
        json!({ "linkType": 0, "access": 2, "expirationDate": yesterday }),
    )
    .await
    .expect_error(400, OUT_OF_RANGE);
    let external = set_link(
        &api,
        &room,
        json!({ "linkType": 1, "access": 2, "title": "No end", "expirationDate": yesterday }),
    )
    .await
    .expect(200)
    .response();
    let link = &external["sharedTo"];
    assert_eq!(link["title"], "No end");
    assert!(
        link["expirationDate"].is_null() && link["isExpired"] != true,
        "an external link given a past date does not expire: {external}"
    );
}
