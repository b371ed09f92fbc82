//! End to end: the app's look and feel — light and dark themes, a layout that works from phone
//! to desktop width, and empty states.

#![cfg(not(target_arch = "wasm32"))]

mod support;

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
    let owner = stack.portal.owner.clone();
    let stack = &stack;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
        wait_for(&driver, "[data-testid='rooms-count']").await;
        let overflow = "return document.documentElement.scrollWidth - document.documentElement.clientWidth;";
        let shown = |css: &str| {
            format!("const e = document.querySelector(\"{css}\"); return !!e && getComputedStyle(e).display !== 'none';")
        };
        // Desktop: links in the bar, no menu button, nothing wider than the window.
        assert_eq!(js(&driver, &shown(".nav__menu-toggle")).await, false);
        assert_eq!(js(&driver, &shown("#nav-links")).await, true);
        assert_eq!(js(&driver, overflow).await, 0);
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
    let owner = stack.portal.owner.clone();
    let stack = &stack;
    with_browser(|driver| async move {
        sign_in(&driver, &stack.url(), &owner.email, &owner.password, false).await;
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
