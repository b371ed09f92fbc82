//! Driving DocSpace's frames in headless Chromium as a user would: wait for a frame, search and
//! pick in a selector, read what is selected, sign a frame in.
//!
//! The drivers find things by the devportal's stable `data-testid`s, which JavaScript test
//! runners (Playwright, Cypress, WebdriverIO) can use the same way:
//!
//! | `data-testid` | what |
//! |---|---|
//! | `docspace-page` | the frame page's root, present once the page has started |
//! | `docspace-search` | a selector's search box (when the frame was configured with search) |
//! | `docspace-option` | one item of a selector's list (`aria-selected` says whether it is picked) |
//! | `docspace-option-title` | the item's title |
//! | `docspace-accept`, `docspace-cancel` | a selector's buttons |
//! | `docspace-sign-in-email`, `docspace-sign-in-password`, `docspace-sign-in-submit` | the sign-in page a frame shows without a session |
//!
//! ```no_run
//! # async fn demo(driver: docspace_testkit::thirtyfour::WebDriver) {
//! use docspace_testkit::DocSpaceFrame;
//!
//! let frame = DocSpaceFrame::wait(&driver, "room-selector").await;
//! frame.pick("Contracts").await;
//! assert_eq!(frame.selected().await, ["Contracts"]);
//! frame.accept().await;
//! # }
//! ```

use std::time::Duration;

use thirtyfour::prelude::*;

use crate::browser::{wait_for, wait_until};

/// One DocSpace frame in the page. Every call enters the frame, acts, and returns to the page.
pub struct DocSpaceFrame<'d> {
    driver: &'d WebDriver,
    /// The `<iframe>`'s CSS selector.
    iframe: String,
}

impl<'d> DocSpaceFrame<'d> {
    /// Waits until the frame whose `<iframe>` has the id `frame_id` (the Embed SDK's `frameId`)
    /// exists and its page has started (it shows its content, or the sign-in page when it has
    /// no session).
    pub async fn wait(driver: &'d WebDriver, frame_id: &str) -> DocSpaceFrame<'d> {
        Self::wait_css(driver, &format!("iframe[id='{frame_id}']")).await
    }

    /// Like [`DocSpaceFrame::wait`], for the `<iframe>` matching the CSS selector `iframe`: for
    /// frames of `docspace-sdk`'s components, whose ids are generated, give the component a
    /// `class` and select `.that-class iframe`.
    pub async fn wait_css(driver: &'d WebDriver, iframe: &str) -> DocSpaceFrame<'d> {
        let frame = DocSpaceFrame {
            driver,
            iframe: iframe.to_string(),
        };
        frame
            .inside(|d| async move {
                wait_for(&d, "[data-testid='docspace-page']").await;
            })
            .await;
        frame
    }

    /// Runs `act` with the driver inside the frame, then returns to the page.
    async fn inside<F, Fut, T>(&self, act: F) -> T
    where
        F: FnOnce(WebDriver) -> Fut,
        Fut: std::future::Future<Output = T>,
    {
        wait_for(self.driver, &self.iframe)
            .await
            .enter_frame()
            .await
            .unwrap_or_else(|e| panic!("enter the frame {}: {e}", self.iframe));
        let out = act(self.driver.clone()).await;
        self.driver
            .enter_default_frame()
            .await
            .unwrap_or_else(|e| panic!("leave the frame {}: {e}", self.iframe));
        out
    }

    /// The titles the frame lists, in order.
    pub async fn titles(&self) -> Vec<String> {
        self.inside(|d| async move { texts(&d, "[data-testid='docspace-option-title']").await })
            .await
    }

    /// Types `text` into the selector's search and waits until every listed title contains it.
    pub async fn search(&self, text: &str) {
        let text = text.to_string();
        self.inside(|d| async move {
            let input = wait_for(&d, "[data-testid='docspace-search']").await;
            input.clear().await.expect("clear the search");
            input.send_keys(&text).await.expect("type the search");
            let needle = serde_json::to_string(&text.to_lowercase()).unwrap_or_default();
            wait_until(
                &d,
                &format!(
                    "const t = [...document.querySelectorAll(\"[data-testid='docspace-option-title']\")]\
                     .map(e => e.textContent.toLowerCase()); \
                     return t.length > 0 && t.every(x => x.includes({needle}));"
                ),
            )
            .await;
        })
        .await
    }

    /// Clicks the listed item titled `title` (waiting for it to be listed), as a user picks it,
    /// until the frame shows it picked: a list that reloads under the click (the frame's first
    /// page arriving twice) would otherwise drop the pick.
    pub async fn pick(&self, title: &str) {
        let title = title.to_string();
        self.inside(|d| async move {
            for _ in 0..20 {
                let option = option_titled(&d, &title).await;
                if option.attr("aria-selected").await.ok().flatten().as_deref() == Some("true") {
                    return;
                }
                // A stale element (the list re-rendered) is tried again.
                let _ = option.click().await;
                tokio::time::sleep(Duration::from_millis(300)).await;
            }
            panic!("{title} never showed as picked");
        })
        .await
    }

    /// The titles of the picked items.
    pub async fn selected(&self) -> Vec<String> {
        self.inside(|d| async move {
            texts(
                &d,
                "[data-testid='docspace-option'][aria-selected='true'] [data-testid='docspace-option-title']",
            )
            .await
        })
        .await
    }

    /// Presses the selector's accept button (once it is enabled).
    pub async fn accept(&self) {
        self.press("docspace-accept").await
    }

    /// Presses the selector's cancel button.
    pub async fn cancel(&self) {
        self.press("docspace-cancel").await
    }

    async fn press(&self, testid: &'static str) {
        self.inside(|d| async move {
            let css = format!("[data-testid='{testid}']:not([disabled])");
            wait_for(&d, &css)
                .await
                .click()
                .await
                .unwrap_or_else(|e| panic!("press {testid}: {e}"));
        })
        .await
    }

    /// Whether the frame shows the portal's sign-in page (it has no session).
    pub async fn asks_to_sign_in(&self) -> bool {
        self.inside(|d| async move {
            d.find(By::Css("[data-testid='docspace-sign-in-email']"))
                .await
                .is_ok()
        })
        .await
    }

    /// Signs the frame in on the portal's sign-in page it shows, and waits until the page it
    /// was opened for has started again.
    pub async fn sign_in(&self, email: &str, password: &str) {
        let (email, password) = (email.to_string(), password.to_string());
        self.inside(|d| async move {
            let field = |testid: &'static str| {
                let d = d.clone();
                async move { wait_for(&d, &format!("[data-testid='{testid}']")).await }
            };
            let e = field("docspace-sign-in-email").await;
            e.clear().await.expect("clear e-mail");
            e.send_keys(&email).await.expect("type e-mail");
            let p = field("docspace-sign-in-password").await;
            p.clear().await.expect("clear password");
            p.send_keys(&password).await.expect("type password");
            field("docspace-sign-in-submit")
                .await
                .click()
                .await
                .expect("submit");
            // Bounded: the sign-in page leaves for the page the frame was opened for.
            for _ in 0..150 {
                let signing_in = d
                    .find(By::Css("[data-testid='docspace-sign-in-email']"))
                    .await
                    .is_ok();
                if !signing_in
                    && d.find(By::Css("[data-testid='docspace-page']"))
                        .await
                        .is_ok()
                {
                    return;
                }
                tokio::time::sleep(Duration::from_millis(200)).await;
            }
            panic!("the frame did not leave its sign-in page within 30 s");
        })
        .await
    }
}

/// The option whose title is exactly `title`, once listed (30 s at most).
async fn option_titled(d: &WebDriver, title: &str) -> WebElement {
    for _ in 0..150 {
        for option in d
            .find_all(By::Css("[data-testid='docspace-option']"))
            .await
            .unwrap_or_default()
        {
            let shown = match option
                .find(By::Css("[data-testid='docspace-option-title']"))
                .await
            {
                Ok(t) => t.text().await.unwrap_or_default(),
                Err(_) => continue,
            };
            if shown == title {
                return option;
            }
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    panic!("no item titled {title:?} was listed within 30 s");
}

async fn texts(d: &WebDriver, css: &str) -> Vec<String> {
    let mut out = Vec::new();
    for el in d.find_all(By::Css(css)).await.unwrap_or_default() {
        out.push(el.text().await.unwrap_or_default());
    }
    out
}
