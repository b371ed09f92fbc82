//! End to end: the app's look and feel — light and dark themes, a layout that works from phone
//! to desktop width, and empty states.

#![cfg(not(target_arch = "wasm32"))]

mod support;

use docspace_api::models::RoomType;
use support::*;

/// `rgb(r, g, b)` → relative luminance (0 black … 1 white), roughly.
fn luminance(css: &str) -> f64 {
    let nums: Vec<f64> = css
        .trim_start_matches("rgba(")
        .trim_start_matches("rgb(")
        .trim_end_matches(')')
        .split(',')
        .filter_map(|n| n.trim().parse().ok())
        .collect();
    assert!(nums.len() >= 3, "not an rgb colour: {css}");
    (0.2126 * nums[0] + 0.7152 * nums[1] + 0.0722 * nums[2]) / 255.0
}

const BODY_BG: &str = "return getComputedStyle(document.body).backgroundColor;";
const BODY_FG: &str = "return getComputedStyle(document.body).color;";

#[tokio::test(flavor = "multi_thread")]
async fn the_theme_toggle_switches_between_light_and_dark_and_is_remembered() {
    let stack = Stack::start().await;
    let owner = stack.portal.owner.clone();
    let stack = &stack;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, true).await;
        theme_to(&driver, "light").await;
        let (light_bg, light_fg) = (js(&driver, BODY_BG).await, js(&driver, BODY_FG).await);
        theme_to(&driver, "dark").await;
        let (dark_bg, dark_fg) = (js(&driver, BODY_BG).await, js(&driver, BODY_FG).await);
        let l = |v: &serde_json::Value| luminance(v.as_str().unwrap_or_default());
        assert!(
            l(&light_bg) > 0.8 && l(&dark_bg) < 0.2,
            "{light_bg} / {dark_bg}"
        );
        assert!(
            l(&light_fg) < 0.3 && l(&dark_fg) > 0.7,
            "text stays readable: {light_fg} / {dark_fg}"
        );
        // The choice survives a reload (it is a preference, not a secret).
        driver.refresh().await.expect("reload");
        wait_for(&driver, "[data-testid='user-name']").await;
        assert_eq!(
            js(&driver, "return document.documentElement.dataset.theme;").await,
            "dark"
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn the_layout_fits_a_phone_and_a_desktop() {
    let stack = Stack::start().await;
    stack
        .api()
        .rooms()
        .create("Layout room", RoomType::Custom)
        .send()
        .await
        .expect("room");
    let stack = &stack;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        wait_for(&driver, "[data-testid='rooms-count']").await;
        let overflow = "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";
        let shown = |css: &str| {
            format!("const e = document.querySelector(\"{css}\"); return !!e && getComputedStyle(e).display !== 'none';")
        };
        // Desktop (1,280 px): no menu button, nothing wider than the window, and the sections
        // in one column at the left beside the page, as DocSpace's web client has them, so that
        // the top bar stays one row.
        assert_eq!(js(&driver, &shown(".nav__menu-toggle")).await, false);
        assert_eq!(js(&driver, &shown("#nav-links")).await, true);
        assert_eq!(js(&driver, overflow).await, 0);
        let layout = js(
            &driver,
            "const box = e => e.getBoundingClientRect();\
             const links = [...document.querySelectorAll('#nav-links a')].map(box);\
             const bar = box(document.querySelector('.nav'));\
             const main = box(document.querySelector('main'));\
             return { column: links.every(l => Math.round(l.left) === Math.round(links[0].left)),\
                      beside: links.every(l => l.right <= main.left),\
                      count: links.length, bar: Math.round(bar.height),\
                      row: Math.round(parseFloat(getComputedStyle(document.documentElement).getPropertyValue('--nav-height')) * 16) };",
        )
        .await;
        assert_eq!(layout["column"], true, "{layout}");
        assert_eq!(layout["beside"], true, "{layout}");
        assert!(layout["count"].as_u64() >= Some(9), "{layout}");
        assert!(
            layout["bar"].as_u64() <= layout["row"].as_u64().map(|r| r + 1),
            "the top bar is one row: {layout}"
        );
        // Marks are drawn, not typed: the menu button, the rows' menus and the sort order.
        assert_eq!(font_marks(&driver).await, "");
        let marks = js(
            &driver,
            "return [document.querySelectorAll(\".nav__menu-toggle svg[data-mark='menu']\").length,\
                     document.querySelectorAll(\"[data-testid='room-row']\").length,\
                     document.querySelectorAll(\"[data-testid='room-row'] svg[data-mark='more']\").length];",
        )
        .await;
        assert_eq!(marks[0], 1, "{marks}");
        assert!(marks[1].as_u64() >= Some(1), "{marks}");
        assert_eq!(marks[1], marks[2], "{marks}");
        // Phone: the links fold behind the menu button, and still nothing overflows.
        driver.set_window_rect(0, 0, 390, 844).await.expect("resize");
        wait_until(&driver, "return window.innerWidth <= 400;").await;
        assert_eq!(js(&driver, &shown(".nav__menu-toggle")).await, true);
        assert_eq!(js(&driver, &shown("#nav-links")).await, false);
        assert_eq!(js(&driver, overflow).await, 0, "no sideways scrolling on a phone");
        click(&driver, ".nav__menu-toggle").await;
        assert_eq!(js(&driver, &shown("#nav-links")).await, true);
        assert_eq!(
            wait_for(&driver, ".nav__menu-toggle").await.attr("aria-expanded").await.expect("attr"),
            Some("true".to_string())
        );
        // Following a link closes the menu again.
        click(&driver, "#nav-links a[href='/diagnostics']").await;
        wait_for(&driver, "[data-testid='diag-portal']").await;
        assert_eq!(js(&driver, &shown("#nav-links")).await, false);
        assert_eq!(js(&driver, overflow).await, 0, "diagnostics fit too");
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn a_search_that_matches_nothing_shows_an_empty_state() {
    let stack = Stack::start().await;
    let stack = &stack;
    with_browser(|driver| async move {
        stack.sign_in_owner(&driver).await;
        fill(
            &driver,
            "[data-testid='rooms-search'] input",
            "no room is called this",
        )
        .await;
        let empty = text_of(&driver, "[data-testid='empty-state']").await;
        assert!(empty.contains("No rooms match"), "{empty}");
        assert!(
            empty.contains("Change the search or the filters."),
            "{empty}"
        );
    })
    .await;
}
