//! The language picker in the top bar: a native `<select>`, so keyboard and screen readers work
//! as they do everywhere, with each language named in itself.

use leptos::prelude::*;
use leptos_i18n::Locale as _;

use super::{LANGUAGES, chooser};
use crate::i18n::{Locale, t_string, use_i18n};

/// Chooses the app's language; the choice is remembered ([`super::LOCALE_COOKIE`]).
/// `test_id` tells apart the top bar's picker from the phone menu's.
#[component]
pub fn LanguagePicker(#[prop(default = "language-picker")] test_id: &'static str) -> impl IntoView {
    let i18n = use_i18n();
    let chooser = chooser();
    let on_change = move |ev: leptos::ev::Event| {
        if let Ok(locale) = event_target_value(&ev).parse::<Locale>() {
            chooser.choose(locale);
        }
    };
    view! {
        <select
            class="nav__language"
            data-testid=test_id
            aria-label=move || t_string!(i18n, language.label)
            title=move || t_string!(i18n, language.label)
            on:change=on_change
        >
            {LANGUAGES
                .iter()
                .map(|&(locale, name)| {
                    view! {
                        <option
                            value=locale.as_str()
                            lang=locale.as_str()
                            selected=move || i18n.get_locale() == locale
                        >
                            {name}
                        </option>
                    }
                })
                .collect_view()}
        </select>
    }
}
