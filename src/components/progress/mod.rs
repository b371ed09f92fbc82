//! A progress bar: determinate (0–100 %) or indeterminate while the total is unknown.

use leptos::prelude::*;

/// Shows `value` (a fraction 0.0–1.0; `None` for "working, amount unknown").
#[component]
pub fn ProgressBar(
    #[prop(into)] value: Signal<Option<f64>>,
    /// What is progressing, for assistive technology (may follow the language).
    #[prop(into)]
    label: Signal<String>,
) -> impl IntoView {
    let percent = move || {
        value
            .get()
            .map(|v| (v.clamp(0.0, 1.0) * 100.0).round() as u32)
    };
    view! {
        <div
            class="progress"
            class:progress--indeterminate=move || percent().is_none()
            role="progressbar"
            aria-label=move || label.get()
            aria-valuemin="0"
            aria-valuemax="100"
            aria-valuenow=move || percent().map(|p| p.to_string())
        >
            <div class="progress__bar" style:width=move || percent().map(|p| format!("{p}%"))></div>
        </div>
    }
}
