//! End to end: a room's members as DocSpace's invite panel and member list offer them. People on
//! the portal are found by a search and several are invited at once; a member who has not joined
//! gets their invitation again; the room is given to a room admin, and the former owner stays as
//! room manager. Each outcome is read back through REST.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{FileShare, RoomType};
use support::*;

const USER: &str = "user@example.com";
const GUEST: &str = "guest@example.com";
const ROOM_ADMIN: &str = "roomadmin@example.com";
const PENDING: &str = "pending.person@example.com";

fn member(email: &str) -> String {
    format!("[data-testid='member'][data-email='{email}']")
}

/// Types `text` into the people search (after erasing what is there) and picks `email`.
async fn search_and_pick(driver: &WebDriver, text: &str, email: &str) {
    let field = wait_for(
        driver,
        "[data-testid='people-picker'] [data-testid='people-search'] input",
    )
    .await;
    let typed = field.prop("value").await.ok().flatten().unwrap_or_default();
    for _ in 0..typed.chars().count() {
        field.send_keys(Key::Backspace).await.expect("erase");
    }
    field.send_keys(text).await.expect("type");
    // The search narrows the list to the match before it is picked.
    eventually(&format!("{text} finds only {email}"), || {
        let driver = driver.clone();
        async move {
            let found = driver
                .find_all(By::Css("[data-testid='pick-person']"))
                .await
                .ok()?;
            let mut emails = Vec::new();
            for f in found {
                emails.push(f.attr("data-email").await.ok()??);
            }
            (emails == [email]).then_some(())
        }
    })
    .await;
    click(
        driver,
        &format!("[data-testid='pick-person'][data-email='{email}'] input"),
    )
    .await;
    wait_for(
        driver,
        &format!("[data-testid='picked-person'][data-email='{email}']"),
    )
    .await;
}

#[tokio::test]
async fn several_people_are_invited_at_once_reinvited_and_given_the_room() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    let api = stack.api();
    let room = new_room(&api, "Launch", RoomType::Editing).await;
    let room_admin = user_id(&api, ROOM_ADMIN).await;
    api.rooms()
        .share(room.id.clone())
        .email(PENDING, FileShare::Read)
        .user(room_admin.clone(), FileShare::ContentCreator)
        .notify(false)
        .send()
        .await
        .expect("members");
    let stack = &stack;
    let room_id = &room.id;
    let owner = &owner;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room_id).await;
        click(&driver, "[data-testid='open-members'] button").await;

        search_and_pick(&driver, "Becker", USER).await;
        search_and_pick(&driver, "Novak", GUEST).await;
        click(&driver, "[data-testid='invite-form'] button[type='submit']").await;
        wait_for(&driver, &member(USER)).await;
        wait_for(&driver, &member(GUEST)).await;
        dismiss_toasts(&driver).await;

        // Only a member who has not joined is offered a new invitation; only an admin the room.
        assert!(
            driver
                .find_all(By::Css(format!(
                    "{} [data-testid='member-resend']",
                    member(USER)
                )))
                .await
                .expect("find")
                .is_empty(),
            "a member who joined gets no new invitation"
        );
        assert!(
            driver
                .find_all(By::Css(format!(
                    "{} [data-testid='member-make-owner']",
                    member(USER)
                )))
                .await
                .expect("find")
                .is_empty(),
            "a user cannot own rooms"
        );
        click(
            &driver,
            &format!("{} [data-testid='member-resend']", member(PENDING)),
        )
        .await;
        wait_for(&driver, "[data-testid='toast']").await;
        eventually("the portal sent the invitation again", || async {
            (stack.portal.stats().room_invitations_resent == 1).then_some(())
        })
        .await;
        dismiss_toasts(&driver).await;

        click(
            &driver,
            &format!("{} [data-testid='member-make-owner']", member(ROOM_ADMIN)),
        )
        .await;
        eventually("the room admin is shown as the owner", || {
            let driver = driver.clone();
            async move {
                let t = driver
                    .find(By::Css(format!("{} .members__access", member(ROOM_ADMIN))))
                    .await
                    .ok()?
                    .text()
                    .await
                    .ok()?;
                (t == "Owner").then_some(())
            }
        })
        .await;
    })
    .await;

    let access_of = |email: String| {
        let (api, room) = (&api, &room.id);
        async move {
            membership(api, room, &email)
                .await
                .map(|s| (s.access, s.is_owner))
        }
    };
    let viewer = FileShare::Read;
    assert_eq!(
        access_of(USER.into()).await,
        Some((viewer, false)),
        "invited together"
    );
    assert_eq!(
        access_of(GUEST.into()).await,
        Some((viewer, false)),
        "invited together"
    );
    assert_eq!(
        access_of(ROOM_ADMIN.into()).await.map(|a| a.1),
        Some(true),
        "the new owner"
    );
    assert_eq!(
        access_of(owner.email.clone()).await,
        Some((FileShare::RoomManager, false)),
        "the former owner stays a room manager"
    );
}
