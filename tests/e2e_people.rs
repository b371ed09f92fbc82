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

/// The e-mails the list shows, in order.
async fn listed(driver: &WebDriver) -> Vec<String> {
    let mut out = Vec::new();
    for row in driver
        .find_all(By::Css("[data-testid='person-row']"))
        .await
        .unwrap_or_default()
    {
        if let Ok(Some(email)) = row.attr("data-email").await {
            out.push(email);
        }
    }
    out
}

/// Waits until the list shows exactly `emails` (in any order).
async fn until_listed(driver: &WebDriver, emails: &[&str]) {
    let mut want: Vec<String> = emails.iter().map(|e| e.to_string()).collect();
    want.sort();
    eventually(&format!("the list shows {want:?}"), || {
        let (driver, want) = (driver.clone(), want.clone());
        async move {
            let mut got = listed(&driver).await;
            got.sort();
            (got == want).then_some(())
        }
    })
    .await;
}

/// The status the portal reports for `email`.
async fn status_on_portal(api: &docspace_api::Client, email: &str) -> Option<EmployeeStatus> {
    person(api, email).await.and_then(|u| u.status)
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
    let room = new_room(&api, "Visitors", RoomType::Editing).await;
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
        // Enabled again, then disabled for good: only a disabled user may be deleted.
        // The guest never accepted the room invitation, so enabled they are pending again.
        row_action(&driver, GUEST, "person-enable").await;
        row_shows(&driver, GUEST, "person-status", "Pending").await;
        let enabled = status_on_portal(&stack.api(), GUEST).await;
        assert!(
            enabled.is_some_and(|s| s != EmployeeStatus::Terminated),
            "enabled on the portal: {enabled:?}"
        );
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

/// A room admin on the People page: the invite dialog offers only what DocSpace lets a room admin
/// invite (`InviteUsers`: users), rows they may not change offer nothing, "invited by me", the
/// search and the status filter narrow the list as the portal's filter does, and a pending
/// invitation is resent (`ResendUserInvites`).
#[tokio::test]
async fn a_room_admin_finds_their_invitees_and_resends_an_invitation() {
    const MINE: &str = "late.joiner@example.com";
    let stack = Stack::start().await;
    let password = stack.portal.owner.password.clone();
    let stack = &stack;
    with_browser(|driver| async move {
        sign_in(
            &driver,
            &stack.url(),
            "roomadmin@example.com",
            &password,
            false,
        )
        .await;
        click(&driver, "a[href='/people']").await;
        row_shows(
            &driver,
            "user@example.com",
            "person-type",
            "User (power user)",
        )
        .await;

        click(&driver, "[data-testid='invite-open'] button").await;
        let mut labels = Vec::new();
        for o in driver
            .find_all(By::Css("[data-testid='invite-form'] select option"))
            .await
            .expect("type options")
        {
            labels.push(o.text().await.expect("label"));
        }
        assert_eq!(
            labels,
            ["User (power user)"],
            "a room admin invites users only"
        );
        fill(
            &driver,
            "[data-testid='invite-form'] input[type='email']",
            MINE,
        )
        .await;
        click(&driver, "[data-testid='invite-send'] button").await;
        row_shows(&driver, MINE, "person-status", "Pending").await;
        dismiss_toasts(&driver).await;

        // A user the room admin may not change offers no menu at all.
        let seeded_user = wait_for(
            &driver,
            &format!("{} .person-row__none", row("user@example.com")),
        )
        .await;
        assert!(!seeded_user.text().await.expect("text").is_empty());
        assert!(
            absent(&driver, "button[aria-label='Actions for user@example.com']").await,
            "no actions offered"
        );

        click(
            &driver,
            "[data-testid='people-filter-mine'] input[type='checkbox']",
        )
        .await;
        until_listed(&driver, &[MINE]).await;
        click(
            &driver,
            "[data-testid='people-filter-mine'] input[type='checkbox']",
        )
        .await;

        fill(&driver, "[data-testid='people-search'] input", "late").await;
        until_listed(&driver, &[MINE]).await;
        // Cleared as a user clears it, key by key, so the page sees each input.
        let search = wait_for(&driver, "[data-testid='people-search'] input").await;
        for _ in 0.."late".len() {
            search.send_keys(Key::Backspace).await.expect("erase");
        }
        eventually("the whole list is back", || {
            let driver = driver.clone();
            async move {
                listed(&driver)
                    .await
                    .contains(&"user@example.com".to_string())
                    .then_some(())
            }
        })
        .await;

        choose(&driver, "people-filter-status", "Pending").await;
        eventually("only pending people are listed", || {
            let driver = driver.clone();
            async move {
                let got = listed(&driver).await;
                (got.contains(&MINE.to_string()) && !got.contains(&"user@example.com".to_string()))
                    .then_some(())
            }
        })
        .await;

        row_action(&driver, MINE, "person-resend").await;
        // Waited for by its text: the toast is in the page before its text is shown (it read
        // as empty once, seen in a run of the whole suite).
        element_with_text(&driver, "[data-testid='toast']", "invitation sent again").await;
    })
    .await;
    assert_eq!(
        status_on_portal(&stack.api(), MINE).await,
        Some(EmployeeStatus::Pending),
        "the invitee is still pending on the portal"
    );
}
