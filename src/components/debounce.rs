//! Acting on typed text once the typing pauses, as search boxes do.

use leptos::prelude::*;

/// How long the text must stay unchanged before it counts.
const PAUSE: std::time::Duration = std::time::Duration::from_millis(300);

/// Calls `apply` with `text`'s value once it has stayed unchanged for a short pause; never for
/// its first value (the one the page starts with), and only for the last of quick changes.
pub fn after_typing_pause<F>(text: RwSignal<String>, apply: F)
where
    F: Fn(String) + Copy + Send + Sync + 'static,
{
    let typed = StoredValue::new(0u64);
    Effect::new(move |prev: Option<()>| {
        let value = text.get();
        if prev.is_none() {
            return;
        }
        let n = typed.get_value() + 1;
        typed.set_value(n);
        set_timeout(
            move || {
                if typed.get_value() == n {
                    apply(value.clone());
                }
            },
            PAUSE,
        );
    });
}
