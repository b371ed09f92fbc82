//! A colour field: preset swatches, the platform colour chooser, and a hex text input that says
//! exactly what is wrong with what was typed.

use leptos::prelude::*;

use crate::components::unique_id;
use crate::i18n::{Locale, t_string, td_string, use_i18n};

/// DocSpace's own room colours, offered as presets.
pub const PRESETS: [&str; 10] = [
    "5299E0", "F2557C", "FF7FD4", "FF8C00", "33B35A", "6EC0FF", "9D65FF", "C2A164", "A1A8B3",
    "1A5CC8",
];

/// Normalizes `input` to six upper-case hex digits, or explains why it cannot. The platform
/// colour chooser gives `#rrggbb`: the `#` is stripped here, since DocSpace refuses it. The
/// explanation is in `locale`.
pub fn parse_hex(input: &str, locale: Locale) -> Result<String, String> {
    let s = input.trim();
    let digits = s.strip_prefix('#').unwrap_or(s);
    if digits.is_empty() {
        return Err(td_string!(locale, components.colour.empty).into());
    }
    if let Some(bad) = digits.chars().find(|c| !c.is_ascii_hexdigit()) {
        return Err(td_string!(locale, components.colour.not_hex, bad).to_string());
    }
    if !docspace_types::is_hex_color(digits) {
        let len = digits.len();
        return Err(td_string!(locale, components.colour.length, len).to_string());
    }
    Ok(digits.to_ascii_uppercase())
}

/// Binds `value` (the text as typed); `error` is `Some` while it is not a valid colour.
#[component]
pub fn ColorPicker(
    #[prop(into)] label: Signal<String>,
    value: RwSignal<String>,
    #[prop(into)] error: Signal<Option<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = unique_id("color");
    let error_id = format!("{id}-error");
    let swatch_value = move || {
        parse_hex(&value.get(), Locale::en)
            .map(|h| format!("#{}", h.to_ascii_lowercase()))
            .unwrap_or_else(|_| "#000000".into())
    };
    let presets = PRESETS
        .iter()
        .map(|hex| {
            let hex = *hex;
            let selected = move || parse_hex(&value.get(), Locale::en).is_ok_and(|v| v == hex);
            view! {
                <button
                    type="button"
                    class="color__preset"
                    aria-label=move || t_string!(i18n, components.colour.preset, hex).to_string()
                    aria-pressed=move || if selected() { "true" } else { "false" }
                    style:background-color=format!("#{hex}")
                    on:click=move |_| value.set(hex.to_string())
                ></button>
            }
        })
        .collect_view();
    view! {
        <fieldset class="color" class:field--invalid=move || error.with(Option::is_some)>
            <legend class="field__label">{move || label.get()}</legend>
            <div class="color__presets">{presets}</div>
            <div class="color__inputs">
                <input
                    type="color"
                    class="color__native"
                    aria-label=move || t_string!(i18n, components.colour.any)
                    prop:value=swatch_value
                    on:input=move |ev| {
                        value.set(event_target_value(&ev).trim_start_matches('#').to_ascii_uppercase())
                    }
                />
                <span class="color__hash" aria-hidden="true">"#"</span>
                <input
                    id=id.clone()
                    type="text"
                    class="field__input color__hex"
                    inputmode="text"
                    spellcheck="false"
                    autocomplete="off"
                    maxlength="7"
                    aria-label=move || t_string!(i18n, components.colour.hex)
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    aria-describedby=error_id.clone()
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
            <p class="field__error" id=error_id role="alert" hidden=move || error.with(Option::is_none)>
                {move || error.get()}
            </p>
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::parse_hex;
    use crate::i18n::Locale;

    #[test]
    fn accepts_six_hex_digits_with_or_without_hash() {
        assert_eq!(parse_hex("5299e0", Locale::en).as_deref(), Ok("5299E0"));
        assert_eq!(parse_hex(" #A1a8B3 ", Locale::en).as_deref(), Ok("A1A8B3"));
    }

    #[test]
    fn explains_what_is_wrong() {
        assert!(
            parse_hex("", Locale::en)
                .unwrap_err()
                .contains("six hex digits")
        );
        assert!(
            parse_hex("12345", Locale::en)
                .unwrap_err()
                .contains("this has 5")
        );
        assert!(
            parse_hex("GG0000", Locale::en)
                .unwrap_err()
                .contains("“G” is not a hex digit")
        );
        assert!(
            parse_hex("#1234567", Locale::en)
                .unwrap_err()
                .contains("this has 7")
        );
    }
}
