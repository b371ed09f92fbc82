//! Room templates on the dashboard: saving a room as a template, creating a room from one, and
//! making one public. Each is a dialog body rendered through the dashboard's split point
//! (`dialogs.rs`), so its code is in the `forms` chunk, not in the main module.
//!
//! DocSpace copies rooms in the background and reports progress through a status endpoint that
//! answers the caller's latest operation of each kind; [`follow`] polls it until it ends.

mod create;
mod public;
mod save;

use std::time::Duration;

use docspace_api::models::{RoomFromTemplateStatus, TemplateStatus};
use docspace_api::{Client, Error};

use crate::errors::user_message;
use crate::locale::{Said, said};

pub use create::RoomFromTemplate;
pub use public::TemplatePublic;
pub use save::SaveTemplate;

/// Give up on a copy after this long.
const LIMIT: Duration = Duration::from_secs(300);

/// A status of one of the two background copies.
trait Progress: Sized {
    fn done(&self) -> bool;
    /// 0.0–1.0.
    fn fraction(&self) -> f64;
    fn failure(&self) -> Option<&str>;
    /// The caller's latest status of this kind.
    async fn latest(client: &Client) -> Result<Option<Self>, Error>;
}

impl Progress for TemplateStatus {
    fn done(&self) -> bool {
        self.is_completed
    }
    fn fraction(&self) -> f64 {
        self.progress / 100.0
    }
    fn failure(&self) -> Option<&str> {
        self.error()
    }
    async fn latest(client: &Client) -> Result<Option<Self>, Error> {
        client.templates().save_status().await
    }
}

impl Progress for RoomFromTemplateStatus {
    fn done(&self) -> bool {
        self.is_completed
    }
    fn fraction(&self) -> f64 {
        self.progress / 100.0
    }
    fn failure(&self) -> Option<&str> {
        self.error()
    }
    async fn latest(client: &Client) -> Result<Option<Self>, Error> {
        client.templates().create_room_status().await
    }
}

/// Polls from `first` until the copy ends, calling `progress` after each answer. A failed copy
/// is `Err` with the portal's message as it is (DocSpace reports refusals in the status, not as
/// HTTP errors).
async fn follow<S: Progress>(client: &Client, first: S, progress: impl Fn(f64)) -> Result<S, Said> {
    let started = js_sys::Date::now();
    let mut status = first;
    let mut interval = Duration::from_millis(200);
    loop {
        progress(status.fraction().clamp(0.0, 1.0));
        if status.done() {
            return match status.failure() {
                Some(m) => Err(Said::from(m.to_string())),
                None => Ok(status),
            };
        }
        if js_sys::Date::now() - started > LIMIT.as_millis() as f64 {
            return Err(user_message(&Error::Timeout(LIMIT)));
        }
        gloo_timers::future::sleep(interval).await;
        interval = (interval * 3 / 2).min(Duration::from_secs(1));
        status = S::latest(client)
            .await
            .map_err(|e| user_message(&e))?
            .ok_or_else(|| said!(rooms.template.gone))?;
    }
}
