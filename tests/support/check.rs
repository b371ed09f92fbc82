//! What a user would see, waited for: a condition that holds within a bounded time.

use super::*;

/// Waits until the frames are signed in (the status dot in the navigation).
pub async fn frames_signed_in(driver: &WebDriver) {
    wait_for(driver, "[data-testid='frames-status'].nav__frames--ok").await;
}

/// Polls `check` until it returns `Some`, for at most 30 s (the portal finishes operations in
/// the background).
pub async fn eventually<T, F, Fut>(what: &str, mut check: F) -> T
where
    F: FnMut() -> Fut,
    Fut: std::future::Future<Output = Option<T>>,
{
    for _ in 0..150 {
        if let Some(v) = check().await {
            return v;
        }
        tokio::time::sleep(std::time::Duration::from_millis(200)).await;
    }
    panic!("never happened within 30 s: {what}");
}

/// The texts of everything matching `css`, in page order.
async fn texts_of_all(driver: &WebDriver, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for t in driver.find_all(By::Css(css)).await.unwrap_or_default() {
        out.push(t.text().await.unwrap_or_default());
    }
    out
}

/// The titles of the entries the folder list shows, in the order shown.
pub async fn shown_in_order(driver: &WebDriver) -> Vec<String> {
    texts_of_all(driver, "[data-testid='entry-title']").await
}

/// The titles of the rooms the rooms list shows, in the order shown.
pub async fn shown_rooms(driver: &WebDriver) -> Vec<String> {
    texts_of_all(driver, "[data-testid='room-title']").await
}

/// Waits until the rooms list shows a room titled exactly `title`.
pub async fn until_room_listed(driver: &WebDriver, title: &str) {
    eventually(&format!("{title} listed"), || {
        let driver = driver.clone();
        async move {
            shown_rooms(&driver)
                .await
                .iter()
                .any(|t| t == title)
                .then_some(())
        }
    })
    .await;
}

/// The titles of the entries the folder list shows, sorted.
pub async fn shown_entries(driver: &WebDriver) -> Vec<String> {
    let mut out = shown_in_order(driver).await;
    out.sort();
    out
}

/// Waits until the folder list shows exactly `want` (any order).
pub async fn until_entries(driver: &WebDriver, want: &[&str]) {
    let mut want: Vec<String> = want.iter().map(|s| s.to_string()).collect();
    want.sort();
    let what = format!("the folder lists exactly {want:?}");
    eventually(&what, || {
        let driver = driver.clone();
        let want = want.clone();
        async move { (shown_entries(&driver).await == want).then_some(()) }
    })
    .await;
}

/// The typographic marks (☰ ⋯ × ↑ ↓ ▾ ▸ ✓ ◐ ☀ ☾) in the page's visible text. Controls draw their marks
/// as SVG (`docspace_sdk::picker::MarkIcon`): many fonts lack these characters and show boxes.
pub async fn font_marks(driver: &WebDriver) -> String {
    js(
        driver,
        "return (document.body.innerText.match(/[\\u2630\\u22ef\\u00d7\\u2191\\u2193\\u25be\\u25b8\\u2713\\u25d0\\u2600\\u263e]/g) || []).join('');",
    )
    .await
    .as_str()
    .unwrap_or_default()
    .to_string()
}

/// The first element matching `css` whose text contains `text`, once there is one.
pub async fn element_with_text(driver: &WebDriver, css: &str, text: &str) -> WebElement {
    let what = format!("{css} containing {text:?}");
    eventually(&what, || {
        let driver = driver.clone();
        async move {
            for el in driver.find_all(By::Css(css)).await.ok()? {
                if el.text().await.ok()?.contains(text) {
                    return Some(el);
                }
            }
            None
        }
    })
    .await
}

/// Waits until nothing matches `css`.
pub async fn until_gone(driver: &WebDriver, css: &str) {
    eventually(&format!("no {css} is left"), || {
        let driver = driver.clone();
        async move {
            driver
                .find_all(By::Css(css))
                .await
                .ok()?
                .is_empty()
                .then_some(())
        }
    })
    .await;
}

/// Whether nothing matches `css` now.
pub async fn absent(driver: &WebDriver, css: &str) -> bool {
    driver
        .find_all(By::Css(css))
        .await
        .unwrap_or_else(|e| panic!("find {css}: {e}"))
        .is_empty()
}

/// What the page keeps in `which` (`sessionStorage` or `localStorage`), as JSON text.
pub async fn web_storage(driver: &WebDriver, which: &str) -> String {
    js_text(
        driver,
        &format!("return JSON.stringify(Object.assign({{}}, {which}));"),
    )
    .await
}
