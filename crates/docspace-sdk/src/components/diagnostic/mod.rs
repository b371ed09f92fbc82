//! The panel that replaces a blank frame: what is wrong and how to fix it.

use leptos::prelude::*;

use super::style::mount_style;
use crate::error::SdkError;

/// Shows `error`'s [diagnosis](SdkError::diagnosis) as an alert, with a retry button when
/// `on_retry` is given.
///
/// ```no_run
/// use leptos::prelude::*;
/// use docspace_sdk::{SdkError, components::Diagnostic};
///
/// let error = SdkError::PortalUnreachable { portal: "https://docs.example.com".into(), detail: "refused".into() };
/// let _ = view! { <Diagnostic error=error on_retry=|()| {}/> };
/// ```
#[component]
pub fn Diagnostic(
    /// The problem.
    error: SdkError,
    /// Called by the "Try again" button.
    #[prop(optional, into)]
    on_retry: Option<Callback<()>>,
) -> impl IntoView {
    mount_style("docspace-diagnostic-style", include_str!("diagnostic.css"));
    let d = error.diagnosis();
    view! {
        <div class="docspace-diagnostic" role="alert" data-error=error_kind(&error)>
            <p class="docspace-diagnostic__title">{d.title}</p>
            <p class="docspace-diagnostic__detail">{d.detail}</p>
            <p class="docspace-diagnostic__fix">{d.fix}</p>
            {on_retry.map(|cb| view! {
                <button type="button" class="docspace-diagnostic__retry" on:click=move |_| cb.run(())>
                    "Try again"
                </button>
            })}
        </div>
    }
}

/// A stable name for the error's kind (for styling and tests).
fn error_kind(e: &SdkError) -> &'static str {
    match e {
        SdkError::ScriptUnreachable { .. } => "script-unreachable",
        SdkError::NoSdk { .. } => "no-sdk",
        SdkError::LoadTimeout { .. } => "load-timeout",
        SdkError::InvalidPortal(_) => "invalid-portal",
        SdkError::PortalUnreachable { .. } => "portal-unreachable",
        SdkError::NotAPortal { .. } => "not-a-portal",
        SdkError::CspOriginMissing { .. } => "csp-origin-missing",
        SdkError::MixedContent { .. } => "mixed-content",
        SdkError::FrameNotReady { .. } => "frame-not-ready",
        SdkError::MountFailed(_) => "mount-failed",
        _ => "other",
    }
}
