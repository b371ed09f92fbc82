//! End to end: accessibility. Every page of the app, signed out and in, with a dialog and a row
//! menu open, in the light theme and the dark one, passes axe-core's WCAG 2 A/AA rules
//! (`docspace_testkit::audit`); and the keyboard works as the WAI-ARIA Authoring Practices say:
//! a row's actions menu keeps the arrow keys to itself and gives focus back, the skip link leaves
//! nothing behind.
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
    let room = api
        .rooms()
        .create("Audited room", RoomType::Custom)
        .send()
        .await
        .expect("room");
    api.folders()
        .create(room.id.clone(), "Drafts")
        .await
        .expect("folder");
    let file = api
        .files()
        .upload(room.id.clone(), "notes.txt", b"audited".to_vec())
        .send()
        .await
        .expect("upload");
    let gone = api
        .files()
        .upload(room.id.clone(), "old.txt", b"deleted".to_vec())
        .send()
        .await
        .expect("upload");
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
    let owner = stack.portal.owner.clone();
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
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
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
        if !driver
            .find_all(By::Css("[data-testid='agent-link']"))
            .await
            .expect("find")
            .is_empty()
        {
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
    let owner = stack.portal.owner.clone();
    let api = stack.api();
    let fx = fixture(&api).await;
    let stack = &stack;
    let fx = &fx;
    with_browser(|driver| async move {
        let mut found = Findings::default();
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
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

/// Presses `key` on whatever has focus, then lets two frames pass (lists move focus in an
/// animation frame).
async fn press(driver: &WebDriver, key: Key) {
    driver
        .action_chain()
        .send_keys(key)
        .perform()
        .await
        .expect("key");
    driver
        .execute_async(
            "const done = arguments[0];\
             requestAnimationFrame(() => requestAnimationFrame(() => done(null)));",
            Vec::new(),
        )
        .await
        .expect("frames");
}

/// What has focus: `item N of MENU-ID`, `body`, or the element's tag and name.
async fn focused(driver: &WebDriver) -> String {
    js(
        driver,
        "const a = document.activeElement;\
         if (!a || a === document.body) return 'body';\
         const menu = a.closest('[role=menu]');\
         if (menu) {\
             const items = [...menu.querySelectorAll('[role=menuitem]')];\
             return `item ${items.indexOf(a)} of ${menu.id}`;\
         }\
         const name = a.getAttribute('aria-label') || a.id || a.textContent.trim();\
         return `${a.tagName.toLowerCase()} ${name}`;",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// Whether the menu `id` is open, by its popover state and its button's `aria-expanded`.
async fn menu_open(driver: &WebDriver, id: &str) -> bool {
    let state = js(
        driver,
        &format!(
            "const m = document.getElementById('{id}');\
             const b = document.querySelector(\"[aria-controls='{id}']\");\
             return [m.matches(':popover-open'), b.getAttribute('aria-expanded') === 'true'];"
        ),
    )
    .await;
    assert_eq!(state[0], state[1], "the button says what the menu shows");
    state[0] == true
}

/// The row menu follows the WAI-ARIA menu button pattern
/// (https://www.w3.org/WAI/ARIA/apg/patterns/menu-button/): opened from the keyboard it takes
/// focus; the arrow keys, Home and End move inside it and never through the rows behind it
/// (whose list also answers arrows); Escape closes it and gives focus back to its button; Tab
/// closes it and moves on from the button (https://www.w3.org/WAI/ARIA/apg/patterns/menubar/,
/// "Tab").
#[tokio::test(flavor = "multi_thread")]
async fn a_row_menu_keeps_the_keyboard_and_gives_focus_back() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    let api = stack.api();
    let room = api
        .rooms()
        .create("Keyboard room", RoomType::Custom)
        .send()
        .await
        .expect("room");
    for name in ["a.txt", "b.txt", "c.txt"] {
        api.files()
            .upload(room.id.clone(), name, b"text".to_vec())
            .send()
            .await
            .expect("upload");
    }
    let stack = &stack;
    let room = &room.id;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
        open_room(&driver, room).await;
        // A file's menu (several items) in a row with rows below it, so that an arrow leaking
        // to the list would show.
        wait_for(&driver, "[data-index='2']").await;
        let trigger = wait_for(&driver, "[data-index='0'] button[aria-haspopup='menu']").await;
        let name = trigger
            .attr("aria-label")
            .await
            .expect("attr")
            .unwrap_or_default();
        let menu = trigger
            .attr("aria-controls")
            .await
            .expect("attr")
            .unwrap_or_default();
        let items = js(
            &driver,
            &format!(
                "return document.getElementById('{menu}')\
                     .querySelectorAll('[role=menuitem]').length;"
            ),
        )
        .await
        .as_u64()
        .unwrap_or_default();
        assert!(items >= 3, "a menu of several items: {items}");
        let last = items - 1;
        let item = |i: u64| format!("item {i} of {menu}");
        let on_button = format!("button {name}");

        let handle = trigger.to_json().expect("json");
        driver
            .execute("arguments[0].focus();", vec![handle])
            .await
            .expect("focus");
        press(&driver, Key::Enter).await;
        assert!(menu_open(&driver, &menu).await);
        assert_eq!(
            focused(&driver).await,
            item(0),
            "Enter opens on the first item"
        );
        press(&driver, Key::Down).await;
        assert_eq!(
            focused(&driver).await,
            item(1),
            "Arrow Down moves in the menu"
        );
        press(&driver, Key::Down).await;
        assert_eq!(focused(&driver).await, item(2));
        press(&driver, Key::Up).await;
        assert_eq!(focused(&driver).await, item(1), "Arrow Up moves back");
        press(&driver, Key::End).await;
        assert_eq!(
            focused(&driver).await,
            item(last),
            "End goes to the last item"
        );
        press(&driver, Key::Down).await;
        assert_eq!(
            focused(&driver).await,
            item(0),
            "Arrow Down wraps to the first"
        );
        press(&driver, Key::Home).await;
        assert_eq!(
            focused(&driver).await,
            item(0),
            "Home goes to the first item"
        );
        press(&driver, Key::Up).await;
        assert_eq!(
            focused(&driver).await,
            item(last),
            "Arrow Up wraps to the last"
        );
        assert!(
            menu_open(&driver, &menu).await,
            "still open after the arrows"
        );

        press(&driver, Key::Escape).await;
        assert!(!menu_open(&driver, &menu).await, "Escape closes the menu");
        assert_eq!(
            focused(&driver).await,
            on_button,
            "Escape gives focus back to the button"
        );

        // Arrow Down on the button opens the menu too, and the list behind does not move.
        press(&driver, Key::Down).await;
        assert!(menu_open(&driver, &menu).await);
        assert_eq!(
            focused(&driver).await,
            item(0),
            "Arrow Down opens on the first item"
        );
        press(&driver, Key::Escape).await;
        press(&driver, Key::Up).await;
        assert_eq!(
            focused(&driver).await,
            item(last),
            "Arrow Up opens on the last item"
        );

        // Tab closes the menu and moves on from its button, not from nowhere.
        press(&driver, Key::Tab).await;
        assert!(!menu_open(&driver, &menu).await, "Tab closes the menu");
        let now = focused(&driver).await;
        assert!(
            now != "body" && !now.contains(&menu) && now != on_button,
            "focus moved on from the menu: {now}"
        );
        let after = js(
            &driver,
            &format!(
                "const b = document.querySelector(\"[aria-controls='{menu}']\");\
                 const after = b.compareDocumentPosition(document.activeElement);\
                 return !!(after & Node.DOCUMENT_POSITION_FOLLOWING);"
            ),
        )
        .await;
        assert_eq!(after, true, "the next stop after the menu's button: {now}");

        // Opened with the mouse, Escape still returns focus to the button.
        trigger.click().await.expect("click");
        assert!(menu_open(&driver, &menu).await);
        press(&driver, Key::Escape).await;
        assert!(!menu_open(&driver, &menu).await);
        assert_eq!(focused(&driver).await, on_button);
    })
    .await;
}

/// How far the skip link paints below the top of the window when nobody focuses it: its box plus
/// its shadow's reach (offset, blur and spread), in pixels; 0 or less is nothing.
const SKIP_LINK_REACH: &str = "const l = document.querySelector('.skip-link');\
    const s = getComputedStyle(l);\
    const shadow = s.boxShadow === 'none' ? 0\
        : (s.boxShadow.match(/-?[\\d.]+px/g) || []).map(parseFloat).slice(1)\
            .reduce((a, b) => a + Math.max(b, 0), 0);\
    const outline = s.outlineStyle === 'none' ? 0\
        : parseFloat(s.outlineWidth) + parseFloat(s.outlineOffset);\
    return l.getBoundingClientRect().bottom + Math.max(shadow, outline);";

/// The skip link (WCAG 2.4.1, https://www.w3.org/WAI/WCAG22/Techniques/general/G1) shows only
/// while it has focus: before and after, no part of it (its shadow included) is on screen, and
/// the region it skips to takes focus without a ring around the whole page.
#[tokio::test(flavor = "multi_thread")]
async fn the_skip_link_leaves_nothing_behind() {
    let stack = Stack::start().await;
    let stack = &stack;
    with_browser(|driver| async move {
        driver.goto(stack.url()).await.expect("open app");
        wait_for(&driver, "[data-testid='sign-in-form']").await;
        let reach = |v: serde_json::Value| v.as_f64().unwrap_or(f64::MAX);
        let at_rest = reach(js(&driver, SKIP_LINK_REACH).await);
        assert!(
            at_rest <= 0.0,
            "the hidden skip link paints {at_rest}px into the page"
        );

        // The first Tab of a page reaches it, and it shows.
        press(&driver, Key::Tab).await;
        assert_eq!(
            js(&driver, "return document.activeElement.className;").await,
            "skip-link",
            "{}",
            focused(&driver).await
        );
        let top = js(
            &driver,
            "return document.querySelector('.skip-link').getBoundingClientRect().top;",
        )
        .await;
        assert!(
            top.as_f64().unwrap_or(-1.0) >= 0.0,
            "focused, it is on screen: {top}"
        );

        // Following it focuses the main region and hides the link again, shadow and all.
        press(&driver, Key::Enter).await;
        assert_eq!(
            js(&driver, "return document.activeElement.id;").await,
            "main"
        );
        let after = reach(js(&driver, SKIP_LINK_REACH).await);
        assert!(
            after <= 0.0,
            "once left, the skip link paints {after}px into the page"
        );
        assert_eq!(
            js(
                &driver,
                "return getComputedStyle(document.getElementById('main')).outlineStyle;"
            )
            .await,
            "none",
            "no focus ring around the whole page"
        );
        // The next Tab goes on inside the page, not back to the navigation.
        press(&driver, Key::Tab).await;
        assert_eq!(
            js(&driver, "return !!document.activeElement.closest('main');").await,
            true,
            "{}",
            focused(&driver).await
        );
    })
    .await;
}
