//! One portal call at a time from a form or a row, in the manner of leptos-use's hooks: busy
//! while it runs (a second submit is ignored, the button shows it), and its failure kept in the
//! reader's language until the next try, shown by [`PendingError`].

use std::future::Future;

use leptos::ev::SubmitEvent;
use leptos::prelude::*;

use crate::errors::user_message;
use crate::locale::Said;

/// The busy flag and the last failure of one form's or row's calls.
#[derive(Clone, Copy)]
pub struct Pending {
    /// Whether a call is running.
    pub busy: RwSignal<bool>,
    /// Why the last try failed; `None` before one and while one runs.
    pub error: RwSignal<Option<Said>>,
}

/// A new [`Pending`]: idle, no failure.
pub fn use_pending() -> Pending {
    Pending {
        busy: RwSignal::new(false),
        error: RwSignal::new(None),
    }
}

/// What a failed call says to the reader.
pub trait Failure {
    /// The words for the reader.
    fn said(self) -> Said;
}

impl Failure for docspace_api::Error {
    fn said(self) -> Said {
        user_message(&self)
    }
}

impl Failure for Said {
    fn said(self) -> Said {
        self
    }
}

impl Pending {
    /// Handles a form's submit event: keeps the browser from sending the form, and answers
    /// whether a call may start (none is running).
    pub fn submits(self, ev: &SubmitEvent) -> bool {
        ev.prevent_default();
        !self.busy.get_untracked()
    }

    /// Shows `why`, for what is refused before anything is sent.
    pub fn refuse(self, why: Said) {
        self.error.set(Some(why));
    }

    /// Runs `call`, busy meanwhile and with the last failure cleared; then hands its value to
    /// `done`, or shows its failure.
    pub fn run<T, E, F>(self, call: F, done: impl FnOnce(T) + 'static)
    where
        T: 'static,
        E: Failure + 'static,
        F: Future<Output = Result<T, E>> + 'static,
    {
        self.busy.set(true);
        self.error.set(None);
        leptos::task::spawn_local(async move {
            let outcome = call.await;
            self.busy.set(false);
            match outcome {
                Ok(value) => done(value),
                Err(e) => self.refuse(e.said()),
            }
        });
    }
}

/// The failure of `pending`'s last call, announced as it appears; hidden while there is none.
/// `class` replaces `field__error` (keep it in), `id` lets a field name it in `aria-describedby`.
#[component]
pub fn PendingError(
    pending: Pending,
    testid: &'static str,
    #[prop(default = "field__error")] class: &'static str,
    #[prop(optional, into)] id: Option<String>,
) -> impl IntoView {
    let error = pending.error;
    view! {
        <p class=class id=id role="alert" data-testid=testid hidden=move || error.with(Option::is_none)>
            {move || error.get().map(|e| e.shown())}
        </p>
    }
}
