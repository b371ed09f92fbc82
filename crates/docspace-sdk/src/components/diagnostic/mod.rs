//! The panel that replaces a blank frame: what is wrong and how to fix it.

use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use super::style::mount_style;
use crate::diagnostics::Diagnosis;
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
    let texts = crate::texts::use_texts();
    let kind = error_kind(&error);
    // Worded anew when the app's language changes.
    let d = Memo::new(move |_| texts.with(|t| error.diagnosis_in(t)));
    view! {
        <div class="docspace-diagnostic" role="alert" data-error=kind>
            <p class="docspace-diagnostic__title">{move || d.with(|d| d.title.clone())}</p>
            <p class="docspace-diagnostic__detail">{move || d.with(|d| d.detail.clone())}</p>
            <p class="docspace-diagnostic__fix">{move || d.with(|d| d.fix.clone())}</p>
            {on_retry.map(|cb| view! {
                <button type="button" class="docspace-diagnostic__retry" on:click=move |_| cb.run(())>
                    {move || texts.with(|t| t.try_again.to_string())}
                </button>
            })}
        </div>
    }
}

/// The same panel as [`Diagnostic`], built with the DOM directly: the frame components show it
/// from a status callback, without a reactive view (the reactive one was a large part of what a
/// one-frame page's wasm carried). It shows `d`, the diagnosis of `error` in the app's words;
/// `on_retry` runs on its button, labelled `try_again`.
pub(crate) fn panel(
    document: &web_sys::Document,
    error: &SdkError,
    d: Diagnosis,
    on_retry: Option<Rc<dyn Fn()>>,
    try_again: &str,
) -> Option<web_sys::Element> {
    mount_style("docspace-diagnostic-style", include_str!("diagnostic.css"));
    let root = document.create_element("div").ok()?;
    root.set_class_name("docspace-diagnostic");
    root.set_attribute("role", "alert").ok()?;
    root.set_attribute("data-error", error_kind(error)).ok()?;
    for (class, text) in [
        ("docspace-diagnostic__title", d.title),
        ("docspace-diagnostic__detail", d.detail),
        ("docspace-diagnostic__fix", d.fix),
    ] {
        let p = document.create_element("p").ok()?;
        p.set_class_name(class);
        p.set_text_content(Some(&text));
        root.append_child(&p).ok()?;
    }
    if let Some(retry) = on_retry {
        let button = document.create_element("button").ok()?;
        button.set_attribute("type", "button").ok()?;
        button.set_class_name("docspace-diagnostic__retry");
        button.set_text_content(Some(try_again));
        let click = Closure::<dyn FnMut()>::new(move || retry());
        // Owned by the JS garbage collector, with the button.
        button
            .add_event_listener_with_callback("click", click.into_js_value().unchecked_ref())
            .ok()?;
        root.append_child(&button).ok()?;
    }
    Some(root)
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
