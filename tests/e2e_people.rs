//! End to end: a DocSpace admin manages people on the People page. A guest is created as DocSpace
//! creates guests (a room invitation by e-mail: `POST people/invite` refuses the Guest type,
//! `ONLYOFFICE/DocSpace-server: products/ASC.People/Server/Api/UserController.cs`, `InviteUsers`);
//! the admin invites a user through the dialog, makes the guest a user, raises the invitee to room
//! admin, disables the former guest and deletes them, each checked on the portal through REST.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::{EmployeeStatus, FileShare, RoomType};
use support::*;

const GUEST: &str = "visitor@example.com";
const INVITEE: &str = "new.hire@example.com";

fn row(email: &str) -> String {
    format!("[data-testid='person-row'][data-email='{email}']")
}

/// Waits until the row of `email` shows `text` in its `part` (`person-type`, `person-status`).
async fn row_shows(driver: &WebDriver, email: &str, part: &str, text: &str) {
    let css = format!("{} [data-testid='{part}']", row(email));
    eventually(&format!("{email} shows {text}"), || {
        let (driver, css) = (driver.clone(), css.clone());
        async move {
            let t = driver.find(By::Css(&css)).await.ok()?.text().await.ok()?;
            (t.trim() == text).then_some(())
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn an_admin_invites_changes_types_disables_and_deletes() {
    let stack = Stack::start().await;
    let password = stack.portal.owner.password.clone();
    let api = stack.api();
    let room = api
        .rooms()
        .create("Visitors", RoomType::Editing)
        .send()
        .await
        .expect("room");
    api.rooms()
        .share(room.id.clone())
        .email(GUEST, FileShare::Read)
        .send()
        .await
        .expect("room invitation creates a guest");
    let stack = &stack;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), "admin@example.com", &password, false).await;
        click(&driver, "a[href='/people']").await;
        row_shows(&driver, GUEST, "person-type", "Guest").await;
        // The explanation of the docs' words is on the page.
        wait_for(&driver, "[data-testid='people-help']").await;

        // Invite through the dialog (User is the default type for a DocSpace admin).
        click(&driver, "[data-testid='invite-open'] button").await;
        let options = driver
            .find_all(By::Css("[data-testid='invite-form'] select option"))
            .await
            .expect("type options");
        let mut labels = Vec::new();
        for o in options {
            labels.push(o.text().await.expect("label"));
        }
        assert_eq!(
            labels,
            ["Room admin", "User (power user)"],
            "a DocSpace admin may not invite admins or guests"
        );
        fill(
            &driver,
            "[data-testid='invite-form'] input[type='email']",
            INVITEE,
        )
        .await;
        click(&driver, "[data-testid='invite-send'] button").await;
        row_shows(&driver, INVITEE, "person-status", "Pending").await;

        dismiss_toasts(&driver).await;

        row_action(&driver, INVITEE, "person-type-roomadmin").await;
        row_shows(&driver, INVITEE, "person-type", "Room admin").await;

        dismiss_toasts(&driver).await;

        row_action(&driver, GUEST, "person-type-user").await;
        row_shows(&driver, GUEST, "person-type", "User (power user)").await;
        dismiss_toasts(&driver).await;
        row_action(&driver, GUEST, "person-disable").await;
        row_shows(&driver, GUEST, "person-status", "Disabled").await;
        dismiss_toasts(&driver).await;
        row_action(&driver, GUEST, "person-delete").await;
        click(&driver, "[data-testid='confirm-delete-person'] button").await;
        eventually("the deleted person leaves the list", || {
            let driver = driver.clone();
            async move {
                driver
                    .find_all(By::Css(row(GUEST)))
                    .await
                    .ok()?
                    .is_empty()
                    .then_some(())
            }
        })
        .await;
    })
    .await;
    let all: Vec<_> = api
        .people()
        .list()
        .count(100)
        .send()
        .await
        .expect("people")
        .items;
    assert!(
        all.iter().all(|u| u.email.as_deref() != Some(GUEST)),
        "deleted on the portal"
    );
    let invitee = all
        .iter()
        .find(|u| u.email.as_deref() == Some(INVITEE))
        .expect("the invitee is on the portal");
    assert!(invitee.is_room_admin);
    assert_eq!(invitee.status, Some(EmployeeStatus::Pending));
}
