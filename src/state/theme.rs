//! Light and dark themes: follow the OS unless the user picks one. The choice (not a secret) is
//! remembered in `localStorage`, and in a cookie for the host, which starts the file page's
//! frame in the same theme before the app runs.

use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::closure::Closure;

use crate::i18n::{Locale, t_string, use_i18n};
use crate::state::cookies;
use leptos_i18n::I18nContext;

const STORAGE_KEY: &str = "docspace-embed.theme";

/// What the user asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ThemePreference {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

impl ThemePreference {
    fn as_str(self) -> &'static str {
        match self {
            ThemePreference::System => "system",
            ThemePreference::Light => "light",
            ThemePreference::Dark => "dark",
        }
    }

    fn parse(s: &str) -> ThemePreference {
        match s {
            "light" => ThemePreference::Light,
            "dark" => ThemePreference::Dark,
            _ => ThemePreference::System,
        }
    }

    fn next(self) -> ThemePreference {
        match self {
            ThemePreference::System => ThemePreference::Light,
            ThemePreference::Light => ThemePreference::Dark,
            ThemePreference::Dark => ThemePreference::System,
        }
    }

    /// What the toggle says, in the reader's language.
    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            ThemePreference::System => t_string!(i18n, theme.system),
            ThemePreference::Light => t_string!(i18n, theme.light),
            ThemePreference::Dark => t_string!(i18n, theme.dark),
        }
    }
}

/// The app's theme state.
#[derive(Debug, Clone, Copy)]
pub struct Theme {
    /// The user's choice.
    pub preference: RwSignal<ThemePreference>,
    os_dark: RwSignal<bool>,
}

impl Theme {
    /// Whether the page is dark right now.
    pub fn is_dark(&self) -> bool {
        match self.preference.get() {
            ThemePreference::System => self.os_dark.get(),
            ThemePreference::Light => false,
            ThemePreference::Dark => true,
        }
    }

    /// The theme embedded frames are given: DocSpace's own `System` follows the OS inside the
    /// frame exactly as the page does, so only an explicit choice is passed as such. The host
    /// renders the file page's frame from the same rule (`docspace-host/src/frame_boot.rs`).
    pub fn for_frames(&self) -> docspace_sdk::Theme {
        match self.preference.get() {
            ThemePreference::System => docspace_sdk::Theme::System,
            ThemePreference::Light => docspace_sdk::Theme::Base,
            ThemePreference::Dark => docspace_sdk::Theme::Dark,
        }
    }

    /// Moves to the next preference: system, light, dark.
    pub fn cycle(&self) {
        self.preference.update(|p| *p = p.next());
    }
}

/// Creates the theme state, applies it to `<html data-theme>`, and provides it as context.
pub fn provide_theme() -> Theme {
    let stored = local_storage()
        .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
        .map(|s| ThemePreference::parse(&s))
        .unwrap_or_default();
    let theme = Theme {
        preference: RwSignal::new(stored),
        os_dark: RwSignal::new(false),
    };
    watch_os_scheme(theme.os_dark);
    Effect::new(move |_| {
        let pref = theme.preference.get();
        if let Some(root) = document().document_element() {
            let _ = match pref {
                ThemePreference::System => root.remove_attribute("data-theme"),
                other => root.set_attribute("data-theme", other.as_str()),
            };
        }
        if let Some(s) = local_storage() {
            let _ = s.set_item(STORAGE_KEY, pref.as_str());
        }
        remember_for_host(pref);
    });
    provide_context(theme);
    theme
}

/// The [`Theme`] provided at the root.
pub fn use_theme() -> Theme {
    // Provided by `App` before anything renders.
    expect_context::<Theme>()
}

/// The cookie the host reads to start the file page's frame in the reader's theme before the
/// app runs (`docspace-host/src/frame_boot.rs`, `THEME_COOKIE`). Not a secret.
const THEME_COOKIE: &str = "docspace-embed-theme";

/// Keeps the explicit choice in a cookie (gone for "system", which the host assumes without one).
fn remember_for_host(pref: ThemePreference) {
    let value = match pref {
        ThemePreference::System => None,
        other => Some(other.as_str()),
    };
    cookies::remember(THEME_COOKIE, value);
}

fn local_storage() -> Option<web_sys::Storage> {
    window().local_storage().ok().flatten()
}

/// Keeps `dark` equal to the OS's `prefers-color-scheme: dark`, for the page's lifetime.
fn watch_os_scheme(dark: RwSignal<bool>) {
    let Ok(Some(query)) = window().match_media("(prefers-color-scheme: dark)") else {
        return;
    };
    dark.set(query.matches());
    let on_change = Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(
        move |ev: web_sys::MediaQueryListEvent| dark.set(ev.matches()),
    );
    let _ = query.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    // The theme lives as long as the page; the listener must too.
    on_change.forget();
}

/// A button that cycles the theme.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let theme = use_theme();
    let i18n = use_i18n();
    view! {
        <button
            type="button"
            class="nav__icon-button"
            data-testid="theme-toggle"
            title=move || theme.preference.get().label(i18n)
            aria-label=move || theme.preference.get().label(i18n)
            on:click=move |_| theme.cycle()
        >
            {move || {
                let mark = match theme.preference.get() {
                    ThemePreference::System => Mark::ThemeSystem,
                    ThemePreference::Light => Mark::ThemeLight,
                    ThemePreference::Dark => Mark::ThemeDark,
                };
                view! { <MarkIcon mark=mark/> }
            }}
        </button>
    }
}
