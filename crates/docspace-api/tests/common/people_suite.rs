//! People administration through the client (`ONLYOFFICE/DocSpace-server:
//! products/ASC.People/Server/Api/UserController.cs`): filters, invite, resend, change type,
//! disable, enable, delete, and the refusals DocSpace answers. Run natively and in the browser
//! against a shared portal, so every user here is a fresh invitee.

use docspace_api::models::{EmployeeStatus, EmployeeType, PeopleArea, UserId};
use docspace_api::{Client, Error};

use super::{Fixture, unique};

fn forbidden(e: &Error, part: &str) {
    match e {
        Error::Forbidden { message } => assert!(message.contains(part), "{message}"),
        other => panic!("expected Forbidden ({part}), got {other:?}"),
    }
}

async fn invitee(c: &Client, kind: EmployeeType) -> (String, UserId) {
    let email = format!("{}@example.com", unique("admin-flow").replace(' ', "-"));
    c.people()
        .invite()
        .email(&email, kind)
        .send()
        .await
        .expect("invite");
    let found = c
        .people()
        .list()
        .filter_value(&email)
        .employee_status(EmployeeStatus::Pending)
        .invited_by_me(true)
        .area(PeopleArea::People)
        .send()
        .await
        .expect("pending invitee");
    assert_eq!(found.items.len(), 1, "{found:?}");
    assert_eq!(found.total, Some(1));
    (email, found.items[0].id.clone())
}

pub async fn people_administration_lifecycle(fx: &Fixture) {
    let c = fx.owner();
    let (email, id) = invitee(&c, EmployeeType::User).await;
    let resent = c
        .people()
        .resend_invites()
        .user(id.clone())
        .send()
        .await
        .expect("resend");
    assert_eq!(resent[0].email.as_deref(), Some(email.as_str()));

    let raised = c
        .people()
        .change_type(EmployeeType::RoomAdmin)
        .user(id.clone())
        .send()
        .await
        .expect("raise");
    assert!(raised[0].is_room_admin);
    // Lowering is not this endpoint's business in DocSpace.
    let e = c
        .people()
        .change_type(EmployeeType::User)
        .user(id.clone())
        .send()
        .await
        .expect_err("lowering");
    forbidden(&e, "Access denied");
    // Only suspended users may be deleted.
    let e = c.people().delete(id.clone()).await.expect_err("active");
    forbidden(&e, "not suspended");

    let off = c
        .people()
        .set_status(EmployeeStatus::Terminated)
        .user(id.clone())
        .send()
        .await
        .expect("disable");
    assert_eq!(off[0].status, Some(EmployeeStatus::Terminated));
    let disabled = c
        .people()
        .list()
        .filter_value(&email)
        .employee_status(EmployeeStatus::Terminated)
        .send()
        .await
        .expect("disabled list");
    assert_eq!(disabled.items.len(), 1);
    let on = c
        .people()
        .set_status(EmployeeStatus::Active)
        .user(id.clone())
        .send()
        .await
        .expect("enable");
    assert_eq!(on[0].status, Some(EmployeeStatus::Pending), "never joined");
    c.people()
        .set_status(EmployeeStatus::Terminated)
        .user(id.clone())
        .send()
        .await
        .expect("disable again");
    let gone = c.people().delete(id.clone()).await.expect("delete");
    assert_eq!(gone.email.as_deref(), Some(email.as_str()));
    let e = c.people().get(id).await.expect_err("deleted");
    assert!(matches!(e, Error::NotFound { .. }), "{e:?}");

    // The owner is untouchable.
    let me = c.people().me().await.expect("me");
    let e = c
        .people()
        .set_status(EmployeeStatus::Terminated)
        .user(me.id)
        .send()
        .await
        .expect_err("owner");
    forbidden(&e, "Access denied");
}

pub async fn people_admin_input_is_checked_before_sending(_fx: &Fixture) {
    // Nothing listens on port 9: any request that went out would be a network error.
    let c = Client::builder("http://127.0.0.1:9")
        .build()
        .expect("client");
    let field = |e: Error| match e {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    };
    let id = UserId::from("66faa6e4-f133-11ea-b126-00ffeec8b4ef");
    let p = c.people();
    assert_eq!(
        field(p.change_type(EmployeeType::User).send().await.unwrap_err()),
        "user_ids"
    );
    assert_eq!(
        field(
            p.change_type(EmployeeType::All)
                .user(id.clone())
                .send()
                .await
                .unwrap_err()
        ),
        "type"
    );
    assert_eq!(
        field(
            p.change_type(EmployeeType::User)
                .user("x")
                .send()
                .await
                .unwrap_err()
        ),
        "user_ids"
    );
    assert_eq!(
        field(
            p.set_status(EmployeeStatus::Pending)
                .user(id.clone())
                .send()
                .await
                .unwrap_err()
        ),
        "status"
    );
    assert_eq!(field(p.delete("nope").await.unwrap_err()), "id");
    assert_eq!(
        field(p.resend_invites().send().await.unwrap_err()),
        "user_ids"
    );
    assert_eq!(
        field(p.list().inviter("zzz").send().await.unwrap_err()),
        "inviter"
    );
}

/// A room given to a room admin and its invitations sent again
/// (`ONLYOFFICE/DocSpace-server: products/ASC.Files/Core/Core/FileStorageService.cs`,
/// `ChangeOwnerAsync` and `ResendEmailInvitationsAsync`).
pub async fn room_owner_and_invitations(fx: &Fixture) {
    use docspace_api::models::{FileShare, RoomType};
    let c = fx.owner();
    let room = c
        .rooms()
        .create(unique("Handover"), RoomType::Editing)
        .send()
        .await
        .expect("room");
    let (_, user) = invitee(&c, EmployeeType::User).await;
    forbidden(
        &c.rooms()
            .change_owner(room.id.clone(), user.clone())
            .await
            .unwrap_err(),
        "You cannot select this user",
    );
    // An invitee who has not joined yet is `Pending`, not `Active`: refused too.
    let (_, pending) = invitee(&c, EmployeeType::RoomAdmin).await;
    forbidden(
        &c.rooms()
            .change_owner(room.id.clone(), pending)
            .await
            .unwrap_err(),
        "You cannot select this user",
    );
    let room_admin = c
        .people()
        .list()
        .filter_value("roomadmin@example.com")
        .send()
        .await
        .expect("people")
        .items
        .into_iter()
        .find(|u| u.email.as_deref() == Some("roomadmin@example.com"))
        .expect("the seeded room admin")
        .id;
    let changed = c
        .rooms()
        .change_owner(room.id.clone(), room_admin.clone())
        .await
        .expect("owner changed");
    assert_eq!(changed.created_by.map(|u| u.id), Some(room_admin.clone()));
    let members = c.rooms().members(&room.id).send().await.expect("members");
    let former = members
        .items
        .iter()
        .find(|s| s.shared_to_user.as_ref().is_some_and(|u| u.is_owner))
        .expect("the portal owner is still listed");
    assert_eq!(former.access, FileShare::RoomManager);
    assert!(!former.is_owner, "no longer the room's owner");

    c.rooms()
        .share(room.id.clone())
        .user(user.clone(), FileShare::Read)
        .notify(false)
        .send()
        .await
        .expect("member");
    c.rooms()
        .resend_invitations(room.id.clone())
        .user(user)
        .send()
        .await
        .expect("resent");
    c.rooms()
        .resend_invitations(room.id.clone())
        .all_pending()
        .send()
        .await
        .expect("resent to all pending");
    match c.rooms().resend_invitations(room.id).send().await {
        Err(Error::InvalidInput { field, .. }) => assert_eq!(field, "users"),
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}
