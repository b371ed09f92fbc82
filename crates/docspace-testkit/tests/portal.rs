//! The consumer's test portal: one call, every role signs in, a room of every type, stopped on
//! drop.

#![cfg(feature = "portal")]

use docspace_testkit::{Role, TestPortal};
use docspace_types::RoomType;

#[tokio::test]
async fn every_role_signs_in_with_the_known_password_and_is_who_it_says() {
    let portal = TestPortal::start().await;
    for role in Role::ALL {
        let client = portal
            .client_as(role)
            .await
            .unwrap_or_else(|e| panic!("{role:?} signs in: {e}"));
        let me = client.people().me().await.expect("@self");
        assert_eq!(me.email.as_deref(), Some(role.email()), "{role:?}");
    }
    let owner = portal.client().people().me().await.expect("@self by key");
    assert_eq!(owner.email.as_deref(), Some(Role::Owner.email()));
}

#[tokio::test]
async fn a_room_of_every_type_is_seeded() {
    let portal = TestPortal::start().await;
    for room_type in [
        RoomType::FillingForms,
        RoomType::Editing,
        RoomType::Custom,
        RoomType::Public,
        RoomType::VirtualData,
        RoomType::Ai,
    ] {
        let room = portal
            .room(room_type)
            .await
            .unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(room.room_type, Some(room_type));
    }
    let empty = TestPortal::builder().empty().start().await.expect("starts");
    assert!(empty.room(RoomType::Custom).await.is_err());
}

#[tokio::test]
async fn known_credentials_and_limits_are_the_tests_choice_and_drop_stops_it() {
    let key = format!("sk-{}", "a1".repeat(32));
    let portal = TestPortal::builder()
        .password("correct horse battery")
        .api_key(key.clone())
        .rate_limits(true)
        .start()
        .await
        .expect("starts");
    assert_eq!(portal.api_key(), key);
    portal
        .client_as(Role::User)
        .await
        .expect("the chosen password works");
    let url = portal.url();
    drop(portal);
    // Stopped: nothing answers there any more (bounded: a few tries).
    let mut refused = false;
    for _ in 0..50 {
        if reqwest::get(format!("{url}/api/2.0/settings"))
            .await
            .is_err()
        {
            refused = true;
            break;
        }
        tokio::time::sleep(std::time::Duration::from_millis(100)).await;
    }
    assert!(refused, "the portal stopped when dropped");
}
