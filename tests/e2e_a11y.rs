//! End to end: accessibility audits. Every page of the app, signed out and in, with a dialog and
//! a row menu open, in the light theme and the dark one, passes axe-core's WCAG 2 A/AA rules
//! (`docspace_testkit::audit`). The keyboard's own checks are in `e2e_keyboard.rs`.
//!
//! axe runs on the page's own DOM only: the frames DocSpace puts in a page come from the portal's
//! origin, which the page cannot script, and are the portal's to audit.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::RoomType;
use docspace_testkit::audit;
use support::*;

/// The room, file and folder the audited pages show.
struct Fixture {
    room: docspace_api::models::FolderId,
    file: String,
}

/// A room with a folder and two files (one a favourite, one deleted to fill the trash), and a
/// template, so that no audited page is an empty state only.
async fn fixture(api: &docspace_api::Client) -> Fixture {
    let room = new_room(api, "Audited room", RoomType::Custom).await;
    api.folders()
        .create(room.id.clone(), "Drafts")
        .await
        .expect("folder");
    let file = upload(api, room.id.clone(), "notes.txt", b"audited".to_vec()).await;
    let gone = upload(api, room.id.clone(), "old.txt", b"deleted".to_vec()).await;
    api.operations()
        .add_favorites()
        .file(file.id.clone())
        .send()
        .await
        .expect("favourite");
    api.files()
        .mark_recent(file.id.clone())
        .await
        .expect("recent");
    api.files()
        .delete(gone.id.clone())
        .wait()
        .await
        .expect("delete to the trash");
    let status = api
        .templates()
        .save(room.id.clone())
        .title("Audited template")
        .send()
        .await
        .expect("save template");
    assert!(
        status.error.as_deref().unwrap_or_default().is_empty(),
        "{status:?}"
    );
    eventually("the template is saved", || async {
        let listed = api.templates().list().send().await.ok()?;
        (!listed.folders.is_empty()).then_some(())
    })
    .await;
    Fixture {
        room: room.id,
        file: file.id.to_string(),
    }
}

/// Opens the row menu of `title` and waits until it shows.
async fn open_row_menu(driver: &WebDriver, title: &str) -> String {
    let trigger = wait_for(driver, &format!("button[aria-label='Actions for {title}']")).await;
    let menu = trigger
        .attr("aria-controls")
        .await
        .expect("aria-controls")
        .unwrap_or_else(|| panic!("the menu of {title} names its list"));
    trigger.click().await.expect("open the menu");
    wait_for(driver, &format!("[id='{menu}']:popover-open")).await;
    menu
}

/// Closes whatever menu or dialog is open, as a keyboard user would.
async fn escape(driver: &WebDriver) {
    driver
        .action_chain()
        .send_keys(Key::Escape)
        .perform()
        .await
        .expect("escape");
}

/// Waits until no spinner says the page is still loading.
async fn settled(driver: &WebDriver) {
    wait_until(
        driver,
        "return !document.querySelector('[aria-busy=\"true\"], .loading');",
    )
    .await;
}

/// The serious and critical violations found so far, page by page: a test audits every page and
/// fails once at the end, naming them all.
#[derive(Default)]
struct Findings(Vec<String>);

impl Findings {
    /// Audits the page once `ready` (a CSS selector) shows and nothing loads.
    async fn audit(&mut self, driver: &WebDriver, page: &str, ready: &str) {
        wait_for(driver, ready).await;
        settled(driver).await;
        self.audit_now(driver, page).await;
    }

    /// Audits the page as it is.
    async fn audit_now(&mut self, driver: &WebDriver, page: &str) {
        for v in audit(driver).await {
            if v.is_serious() {
                self.0.push(format!("{page}: {v}"));
            } else {
                eprintln!("{page}: accessibility note: {v}");
            }
        }
    }

    fn assert_none(self) {
        assert!(
            self.0.is_empty(),
            "{} serious or critical accessibility violation(s) (axe-core, WCAG 2 A/AA):\n{}",
            self.0.len(),
            self.0.join("\n")
        );
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn every_page_passes_an_accessibility_audit() {
    let stack = Stack::start().await;
    let api = stack.api();
    let fx = fixture(&api).await;
    let stack = &stack;
    let fx = &fx;
    with_browser(|driver| async move {
        let mut found = Findings::default();
        driver.goto(stack.url()).await.expect("open app");
        wait_for(&driver, "[data-testid='sign-in-form']").await;
        // The audit sees a violation when there is one: an image without a text alternative.
        js(
            &driver,
            "const i = document.createElement('img'); i.id = 'no-alt'; i.src = 'data:,';\
             document.body.append(i); return null;",
        )
        .await;
        let seen = audit(&driver).await;
        assert!(
            seen.iter().any(|v| v.rule == "image-alt"
                && v.is_serious()
                && v.nodes.iter().any(|n| n.target == ["#no-alt"])),
            "{seen:?}"
        );
        js(
            &driver,
            "document.getElementById('no-alt').remove(); return null;",
        )
        .await;
        found
            .audit(&driver, "sign-in", "[data-testid='sign-in-form']")
            .await;
        stack.sign_in_owner(&driver).await;
        frames_signed_in(&driver).await;

        // The dashboard, a dialog on it, a row menu, and the templates.
        found
            .audit(&driver, "rooms", "[data-testid='rooms-count']")
            .await;
        click(&driver, "[data-testid='create-room'] button").await;
        found
            .audit(
                &driver,
                "create-room dialog",
                "dialog[open] [data-testid='room-title'] input",
            )
            .await;
        escape(&driver).await;
        open_row_menu(&driver, "Audited room").await;
        found.audit_now(&driver, "rooms, row menu open").await;
        escape(&driver).await;
        click(&driver, "[data-testid='show-templates']").await;
        found
            .audit(&driver, "rooms, templates", "[data-testid='room-title']")
            .await;

        // A room with files, a row menu in it, a file's details, the file page.
        open_room(&driver, &fx.room).await;
        found
            .audit(&driver, "room", "[data-testid='entry-row']")
            .await;
        open_row_menu(&driver, "notes.txt").await;
        found.audit_now(&driver, "room, row menu open").await;
        escape(&driver).await;
        row_action(&driver, "notes.txt", "entry-details").await;
        found
            .audit(
                &driver,
                "file details",
                "[data-testid='file-details'] [data-testid='version-author']",
            )
            .await;
        driver
            .execute(
                &format!(
                    "history.pushState({{}}, '', '/files/{}');\
                     dispatchEvent(new PopStateEvent('popstate'));",
                    fx.file
                ),
                Vec::new(),
            )
            .await
            .expect("navigate");
        found
            .audit(&driver, "file", "[data-testid='file-frame'] iframe")
            .await;

        // The user's own sections.
        const ROW_MENU: &str = "button[aria-label^='Actions for']";
        for (href, ready) in [
            ("/my", "[data-testid='folder-title']".to_string()),
            (
                "/recent",
                format!("[data-testid='section-recent'] {ROW_MENU}"),
            ),
            (
                "/favourites",
                format!("[data-testid='section-favourites'] {ROW_MENU}"),
            ),
            ("/trash", "[data-testid='trash-row']".to_string()),
        ] {
            click(&driver, &format!("a[href='{href}']")).await;
            found.audit(&driver, href, &ready).await;
        }

        // People, apps and keys, agents and their settings.
        click(&driver, "a[href='/people']").await;
        found
            .audit(&driver, "people", "[data-testid='people-list']")
            .await;
        click(&driver, "a[href='/apps']").await;
        found
            .audit(&driver, "apps and keys", "[data-testid='key-form']")
            .await;
        click(&driver, "a[href='/agents']").await;
        found
            .audit(
                &driver,
                "agents",
                "[data-testid='agents-list'], [data-testid='empty-state']",
            )
            .await;
        if !absent(&driver, "[data-testid='agent-link']").await {
            click(&driver, "[data-testid='agent-link']").await;
            found
                .audit(&driver, "an agent", "[data-testid='chat-input']")
                .await;
            click(&driver, "a[href='/agents']").await;
        }
        click(&driver, "[data-testid='ai-settings-link']").await;
        found
            .audit(&driver, "AI settings", "[data-testid='ai-access-state']")
            .await;

        // The tools.
        click(&driver, "a[href='/playground']").await;
        found
            .audit(
                &driver,
                "playground",
                "[data-testid='playground-frame'] iframe",
            )
            .await;
        click(&driver, "a[href='/diagnostics']").await;
        wait_until(
            &driver,
            "return ![...document.querySelectorAll('[data-verdict]')]\
                 .some(e => e.dataset.verdict === 'pending');",
        )
        .await;
        found
            .audit(&driver, "diagnostics", "[data-testid='diag-portal']")
            .await;
        found.assert_none();
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_dark_theme_passes_an_accessibility_audit() {
    let stack = Stack::start().await;
    let api = stack.api();
    let fx = fixture(&api).await;
    let stack = &stack;
    let fx = &fx;
    with_browser(|driver| async move {
        let mut found = Findings::default();
        stack.sign_in_owner(&driver).await;
        theme_to(&driver, "dark").await;
        // Colour contrast is what changes: the dashboard, a menu and a dialog over it, a room.
        found
            .audit(&driver, "rooms (dark)", "[data-testid='rooms-count']")
            .await;
        open_row_menu(&driver, "Audited room").await;
        found
            .audit_now(&driver, "rooms, row menu open (dark)")
            .await;
        escape(&driver).await;
        click(&driver, "[data-testid='create-room'] button").await;
        found
            .audit(
                &driver,
                "create-room dialog (dark)",
                "dialog[open] [data-testid='room-title'] input",
            )
            .await;
        escape(&driver).await;
        open_room(&driver, &fx.room).await;
        found
            .audit(&driver, "room (dark)", "[data-testid='entry-row']")
            .await;
        click(&driver, "a[href='/diagnostics']").await;
        found
            .audit(&driver, "diagnostics (dark)", "[data-testid='diag-portal']")
            .await;
        found.assert_none();
    })
    .await;
}
