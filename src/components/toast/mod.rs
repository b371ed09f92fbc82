//! Toasts: short notices in a live region. Errors stay until dismissed (the message may be what
//! the user needs to fix the problem); other notices fade after a few seconds, except one that
//! offers an action (such as Undo): it stays until used or dismissed, so that nobody has to race
//! a timer to reach it (WCAG 2.2.1).
//!
//! A toast keeps its words as [`Said`], worded when shown: one already on screen follows a
//! language switch. The toaster takes nothing else, so a finished `String` cannot slip in.

use std::time::Duration;

use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::prelude::*;

use crate::i18n::{t_string, use_i18n};
use crate::locale::Said;

/// How a toast reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ToastKind {
    /// Something failed; stays until dismissed.
    Error,
    /// Something worked.
    Success,
    /// Neutral information.
    Info,
}

/// A button in a toast: its label and what it does (the toast closes after).
#[derive(Clone)]
pub struct ToastAction {
    label: Said,
    run: Callback<()>,
}

impl std::fmt::Debug for ToastAction {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ToastAction")
            .field("label", &self.label)
            .finish_non_exhaustive()
    }
}

/// One notice.
#[derive(Debug, Clone)]
pub struct Toast {
    id: u64,
    kind: ToastKind,
    title: Said,
    message: Option<Said>,
    action: Option<ToastAction>,
}

/// At most this many toasts show; older ones give way.
const MAX_TOASTS: usize = 5;
const FADE_AFTER: Duration = Duration::from_secs(6);

/// Posts toasts. Get it with [`use_toaster`] below a [`provide_toaster`].
#[derive(Debug, Clone, Copy)]
pub struct Toaster {
    toasts: RwSignal<Vec<Toast>>,
    next_id: StoredValue<u64>,
}

impl Toaster {
    /// An error with the server's (or the app's) message.
    pub fn error(&self, title: Said, message: Said) {
        self.push(ToastKind::Error, title, Some(message), None);
    }

    /// A success notice.
    pub fn success(&self, title: Said) {
        self.push(ToastKind::Success, title, None, None);
    }

    /// A success notice with a button (`label`, e.g. "Undo") that runs `run` and closes it.
    pub fn success_with_action(
        &self,
        title: Said,
        label: Said,
        run: impl Fn() + Send + Sync + 'static,
    ) {
        let action = ToastAction {
            label,
            run: Callback::new(move |()| run()),
        };
        self.push(ToastKind::Success, title, None, Some(action));
    }

    /// A neutral notice.
    pub fn info(&self, title: Said) {
        self.push(ToastKind::Info, title, None, None);
    }

    /// Removes the toast `id`.
    pub fn dismiss(&self, id: u64) {
        self.toasts.update(|t| t.retain(|x| x.id != id));
    }

    fn push(
        &self,
        kind: ToastKind,
        title: Said,
        message: Option<Said>,
        action: Option<ToastAction>,
    ) {
        let fades = kind != ToastKind::Error && action.is_none();
        let id = self.next_id.get_value();
        self.next_id.set_value(id + 1);
        self.toasts.update(|t| {
            t.push(Toast {
                id,
                kind,
                title,
                message,
                action,
            });
            let excess = t.len().saturating_sub(MAX_TOASTS);
            t.drain(..excess);
        });
        if fades {
            let this = *self;
            set_timeout(move || this.dismiss(id), FADE_AFTER);
        }
    }
}

/// Makes a [`Toaster`] available to the component tree below.
pub fn provide_toaster() -> Toaster {
    let toaster = Toaster {
        toasts: RwSignal::new(Vec::new()),
        next_id: StoredValue::new(1),
    };
    provide_context(toaster);
    toaster
}

/// The [`Toaster`] provided above.
pub fn use_toaster() -> Toaster {
    // The app provides it at the root; a missing one is a programming error caught in any test.
    expect_context::<Toaster>()
}

/// Where toasts appear. Mount once, at the root.
#[component]
pub fn ToastRegion() -> impl IntoView {
    let i18n = use_i18n();
    let toaster = use_toaster();
    view! {
        <section class="toasts" aria-label=move || t_string!(i18n, components.notifications)>
            <For each=move || toaster.toasts.get() key=|t| t.id let:toast>
                <ToastView toast=toast toaster=toaster/>
            </For>
        </section>
    }
}

#[component]
fn ToastView(toast: Toast, toaster: Toaster) -> impl IntoView {
    let i18n = use_i18n();
    let (class, role) = match toast.kind {
        ToastKind::Error => ("toast toast--error", "alert"),
        ToastKind::Success => ("toast toast--success", "status"),
        ToastKind::Info => ("toast toast--info", "status"),
    };
    let id = toast.id;
    let title = toast.title;
    view! {
        <div class=class role=role data-testid="toast">
            <div class="toast__text">
                <p class="toast__title" data-testid="toast-title">{move || title.shown()}</p>
                {toast.message.map(|m| view! { <p class="toast__message" data-testid="toast-message">{move || m.shown()}</p> })}
            </div>
            {toast.action.map(|a| view! {
                <button
                    type="button"
                    class="toast__action"
                    data-testid="toast-action"
                    on:click=move |_| {
                        toaster.dismiss(id);
                        a.run.run(());
                    }
                >
                    {move || a.label.shown()}
                </button>
            })}
            <button
                type="button"
                class="toast__close"
                aria-label=move || t_string!(i18n, components.toast_dismiss)
                on:click=move |_| toaster.dismiss(id)
            >
                <MarkIcon mark=Mark::Close/>
            </button>
        </div>
    }
}
