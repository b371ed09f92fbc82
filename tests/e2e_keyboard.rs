//! End to end: the keyboard works as the WAI-ARIA Authoring Practices say: a row's actions menu
//! keeps the arrow keys to itself and gives focus back, and the skip link leaves nothing behind.
//! The accessibility audits of every page are in `e2e_a11y.rs`.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::RoomType;
use support::*;

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
    let api = stack.api();
    let room = new_room(&api, "Keyboard room", RoomType::Custom).await;
    for name in ["a.txt", "b.txt", "c.txt"] {
        upload(&api, room.id.clone(), name, b"text".to_vec()).await;
    }
    let stack = &stack;
    let room = &room.id;
    with_browser(|driver| async move {
        stack.open_room_as_owner(&driver, room).await;
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
        let item = |i: u64| format!("item {i} of {menu}");
        let on_button = format!("button {name}");

        let handle = trigger.to_json().expect("json");
        driver
            .execute("arguments[0].focus();", vec![handle])
            .await
            .expect("focus");
        press(&driver, Key::Enter).await;
        assert!(menu_open(&driver, &menu).await);
        // The items are built when the button is first focused or hovered.
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
