//! What a user does in the browser: type, click, choose, sign in, open a room, act on a row.

use super::*;

/// Types into the field `css`, replacing what it holds.
pub async fn fill(driver: &WebDriver, css: &str, text: &str) {
    let el = wait_for(driver, css).await;
    el.clear().await.expect("clear");
    el.send_keys(text).await.expect("type");
}

/// Clicks `css` once it exists. A list that re-renders between finding the element and
/// clicking it (a reload after a change) leaves a stale reference: then it is found again, a few
/// times at most. An element under a toast (the browser scrolls it only as far as the window's
/// bottom edge, where toasts stand) is scrolled to the middle of the window first, as a user
/// would.
pub async fn click(driver: &WebDriver, css: &str) {
    use docspace_testkit::thirtyfour::error::WebDriverErrorInner as Inner;
    let mut attempts = 0;
    loop {
        attempts += 1;
        let el = wait_for(driver, css).await;
        match el.click().await {
            Ok(()) => return,
            Err(e) if attempts < 5 && matches!(e.as_inner(), Inner::StaleElementReference(_)) => {
                tokio::time::sleep(std::time::Duration::from_millis(100)).await;
            }
            Err(e) if attempts < 5 && matches!(e.as_inner(), Inner::ElementClickIntercepted(_)) => {
                let centre = "arguments[0].scrollIntoView({block: 'center'}); return null;";
                driver
                    .execute(centre, vec![el.to_json().expect("element")])
                    .await
                    .expect("scroll");
            }
            Err(e) => panic!("click {css}: {e}"),
        }
    }
}

/// Runs `script` in the page and returns what it returns.
pub async fn js(driver: &WebDriver, script: &str) -> serde_json::Value {
    driver
        .execute(script, Vec::new())
        .await
        .unwrap_or_else(|e| panic!("script {script}: {e}"))
        .json()
        .clone()
}

/// Runs `script` in the page and returns the text it returns (empty when it returns no text).
pub async fn js_text(driver: &WebDriver, script: &str) -> String {
    js(driver, script)
        .await
        .as_str()
        .unwrap_or_default()
        .to_string()
}

/// Chooses `value` in the select inside the element with test id `testid`.
pub async fn choose(driver: &WebDriver, testid: &str, value: &str) {
    click(
        driver,
        &format!("[data-testid='{testid}'] select option[value='{value}']"),
    )
    .await;
}

/// Opens the app and signs in as `email`; waits until the navigation shows the user.
pub async fn sign_in(driver: &WebDriver, url: &str, email: &str, password: &str, stay: bool) {
    driver.goto(url).await.expect("open app");
    fill(
        driver,
        "[data-testid='sign-in-form'] input[type='email']",
        email,
    )
    .await;
    fill(
        driver,
        "[data-testid='sign-in-form'] input[type='password']",
        password,
    )
    .await;
    if stay {
        click(
            driver,
            "[data-testid='sign-in-form'] input[type='checkbox']",
        )
        .await;
    }
    click(driver, "[data-testid='sign-in-form'] button[type='submit']").await;
    wait_for(driver, "[data-testid='user-name']").await;
    // The name shows as soon as the session exists; the page leaves the sign-in form only after
    // the frames have tried to sign in too. A click before that would be overtaken by it.
    eventually("the sign-in page moved on", || {
        let driver = driver.clone();
        async move {
            let url = driver.current_url().await.ok()?;
            (url.path() != "/sign-in").then_some(())
        }
    })
    .await;
}

/// Dismisses every toast on screen (a toast can cover the row a user acts on next).
pub async fn dismiss_toasts(driver: &WebDriver) {
    for b in driver
        .find_all(By::Css("[data-testid='toast'] .toast__close"))
        .await
        .expect("find")
    {
        let _ = b.click().await;
    }
}

/// Opens the actions menu of the row named `title` and picks the item `item` (a test id) in that
/// row's own menu (every row has one, hidden until opened).
pub async fn row_action(driver: &WebDriver, title: &str, item: &str) {
    let trigger = wait_for(driver, &format!("button[aria-label='Actions for {title}']")).await;
    let menu = trigger
        .attr("aria-controls")
        .await
        .expect("aria-controls")
        .unwrap_or_else(|| panic!("the actions menu of {title} names its list"));
    trigger.click().await.expect("open the actions menu");
    click(driver, &format!("[id='{menu}'] [data-testid='{item}']")).await;
}

/// Opens the room page of `room` from the rooms list (a reload would end the session, which lives
/// in memory only).
pub async fn open_room(driver: &WebDriver, room: &docspace_api::models::FolderId) {
    click(driver, "a[href='/rooms']").await;
    click(
        driver,
        &format!("[data-testid='room-title'][href='/rooms/{room}']"),
    )
    .await;
    wait_for(driver, "[data-testid='folder-title']").await;
}

/// Clicks the theme toggle until `<html data-theme>` is `want` (at most one full cycle).
pub async fn theme_to(driver: &WebDriver, want: &str) {
    for _ in 0..3 {
        if js(
            driver,
            "return document.documentElement.dataset.theme || 'system';",
        )
        .await
            == want
        {
            return;
        }
        click(driver, "[data-testid='theme-toggle']").await;
    }
    assert_eq!(
        js(
            driver,
            "return document.documentElement.dataset.theme || 'system';"
        )
        .await,
        want
    );
}

/// Clicks the action `testid` (a [`ConfirmInline`]) and then its confirming button.
pub async fn confirm(driver: &WebDriver, testid: &str) {
    click(driver, &format!("[data-testid='{testid}'] button")).await;
    click(
        driver,
        &format!("[data-testid='{testid}-confirm'] button:first-of-type"),
    )
    .await;
}

/// Chooses the file (or folder) at `path` in the file input `input`, as a user picks it.
pub async fn choose_file(input: &WebElement, path: &std::path::Path) {
    input
        .send_keys(path.to_string_lossy())
        .await
        .unwrap_or_else(|e| panic!("choose {}: {e}", path.display()));
}

/// Closes the editor by its own close button (inside its frame) and waits for the room `room`,
/// where the app goes back to.
pub async fn close_editor_to_room(driver: &WebDriver, room: &docspace_api::models::FolderId) {
    click(driver, "#close-button").await;
    driver.enter_default_frame().await.expect("leave frame");
    wait_for(driver, "[data-testid='folder-title']").await;
    let url = driver.current_url().await.expect("url");
    assert!(url.path().starts_with(&format!("/rooms/{room}")), "{url}");
}
