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
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, ProgressBar};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
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

/// Both statuses report `is_completed`, `progress` (in percent) and `error()` alike
/// (`RoomTemplateStatusDto`, `RoomFromTemplateStatusDto` in ONLYOFFICE/DocSpace-server); each is
/// read back from its own endpoint.
macro_rules! progress_of {
    ($status:ty, $latest:ident) => {
        impl Progress for $status {
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
                client.templates().$latest().await
            }
        }
    };
}

progress_of!(TemplateStatus, save_status);
progress_of!(RoomFromTemplateStatus, create_room_status);

/// Polls from the status the copy `started` with until it ends, calling `progress` after each
/// answer. A copy that did not start, or failed, is `Err`; a failure with the portal's message as
/// it is (DocSpace reports refusals in the status, not as HTTP errors).
async fn follow<S: Progress>(
    client: &Client,
    started: Result<S, Error>,
    progress: impl Fn(f64),
) -> Result<S, Said> {
    let mut status = started.map_err(|e| user_message(&e))?;
    let started = js_sys::Date::now();
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

/// The end of both copy forms: the copy's progress while it runs (`progress`: `Some(None)` while
/// starting, `Some(Some(p))` while copying), what went wrong, and the buttons. The parts' test
/// ids start with `testid` (`{testid}-progress`, `{testid}-error`, `{testid}-submit`).
#[component]
fn CopyFooter(
    testid: &'static str,
    progress: RwSignal<Option<Option<f64>>>,
    error: RwSignal<Option<Said>>,
    #[prop(into)] progress_label: Signal<String>,
    #[prop(into)] submit_label: Signal<String>,
    on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let busy = Signal::derive(move || progress.with(Option::is_some));
    view! {
        <Show when=move || busy.get()>
            <div data-testid=format!("{testid}-progress")>
                <ProgressBar value=Signal::derive(move || progress.get().flatten()) label=progress_label/>
            </div>
        </Show>
        <p class="form-error" role="alert" data-testid=format!("{testid}-error") hidden=move || error.with(Option::is_none)>{move || error.get().map(|e| e.shown())}</p>
        <div class="dialog__actions">
            <Button on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
            <span data-testid=format!("{testid}-submit")>
                <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{move || submit_label.get()}</Button>
            </span>
        </div>
    }
}
