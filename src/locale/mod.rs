//! The reader's language: which one the app speaks, the picker that changes it, and dates, sizes
//! and numbers written the way that language writes them.
//!
//! The words themselves live in `locales/<locale>.json`, compiled into the `i18n` module by
//! `build.rs` (leptos_i18n); this module decides the locale. In order:
//! 1. the reader's own choice in the picker (a cookie, so that the host can start the file
//!    page's frame in it too);
//! 2. once signed in, the language of the reader's DocSpace profile (`cultureName`), as
//!    DocSpace's own web UI speaks the profile's language;
//! 3. the first of the browser's languages the app has (leptos_i18n reads
//!    `navigator.languages`), else English.
//!
//! Embedded DocSpace frames speak the same language ([`frame_locale`]): without a choice here
//! they are given no `locale` and speak the profile's language, as the app then does; after a
//! choice they are given it. (DocSpace's frames store a `locale` they are given as the signed-in
//! user's profile language, so only a deliberate choice may reach them.)

/// A translated text as a `Signal<String>`, for props that take text and must follow the
/// language: `text!(i18n, app.starting)`.
macro_rules! text {
    ($i18n:ident, $($key:tt)+) => {
        ::leptos::prelude::Signal::derive(move || $crate::i18n::t_string!($i18n, $($key)+).to_string())
    };
}
pub(crate) use text;

/// A counted text in the plural form `n` takes in `locale`: `counted!(locale, n, rooms.count)`
/// picks one of the key's `one`, `few`, `many` and `other` forms ([`plural`]), each of which
/// has `{{ n }}` (written with the locale's digit grouping, [`format_count`]). A `String`.
macro_rules! counted {
    ($locale:expr, $n:expr, $($key:ident).+) => {{
        let locale: $crate::i18n::Locale = $locale;
        let count: u64 = $n;
        let tag = ::leptos_i18n::Locale::as_str(locale);
        let n = $crate::locale::format_count(count, tag);
        match $crate::locale::plural(count, tag) {
            $crate::locale::Plural::One => $crate::i18n::td_string!(locale, $($key).+.one, n).to_string(),
            $crate::locale::Plural::Few => $crate::i18n::td_string!(locale, $($key).+.few, n).to_string(),
            $crate::locale::Plural::Many => $crate::i18n::td_string!(locale, $($key).+.many, n).to_string(),
            $crate::locale::Plural::Other => $crate::i18n::td_string!(locale, $($key).+.other, n).to_string(),
        }
    }};
}
pub(crate) use counted;

/// A message worded when shown ([`Said`]), from a translation key and its arguments:
/// `said!(rooms.deleted, title = &title)`. The arguments are kept (moved into the message) and
/// worded again in whatever language is current when it is shown.
macro_rules! said {
    ($($key:ident).+ $(, $($args:tt)*)?) => {
        $crate::locale::Said::new(move |locale| {
            $crate::i18n::td_string!(locale, $($key).+ $(, $($args)*)?).to_string()
        })
    };
}
pub(crate) use said;

mod format;
mod message;
mod picker;
mod plural;
pub(crate) mod sdk_texts;

pub use format::{format_count, format_date_time, format_duration, format_size};
pub use message::{Said, shown};
pub use picker::LanguagePicker;
pub use plural::{Plural, plural};

use leptos::prelude::*;

use leptos_i18n::{I18nContext, Locale as _};

use crate::i18n::{I18nContextProvider, Locale, use_i18n};
use crate::state::cookies;

/// The cookie that keeps the reader's choice (`de`, `fr`, …; absent: follow the browser).
/// `docspace-host/src/frame_boot.rs` reads it under the same name. Not a secret.
pub const LOCALE_COOKIE: &str = "docspace-embed-locale";

/// The app's languages, each named in itself, in the picker's order.
pub const LANGUAGES: [(Locale, &str); 5] = [
    (Locale::en, "English"),
    (Locale::de, "Deutsch"),
    (Locale::fr, "Français"),
    (Locale::es, "Español"),
    (Locale::ru, "Русский"),
];

/// The language the reader picked here, if any (else the app follows profile and browser).
#[derive(Debug, Clone, Copy)]
struct Chosen(RwSignal<Option<Locale>>);

/// Provides the translations to `children` in the reader's language, and keeps `<html lang>`
/// equal to it.
#[component]
pub fn LocaleProvider(children: Children) -> impl IntoView {
    view! {
        <I18nContextProvider>
            <RememberedChoice/>
            {children()}
        </I18nContextProvider>
    }
}

/// Applies the remembered choice: before the first render, and again once the provider's own
/// first effect has set the browser's language (it runs after this component is created, and
/// would otherwise win).
#[component]
fn RememberedChoice() -> impl IntoView {
    let i18n = use_i18n();
    let remembered = cookies::read(LOCALE_COOKIE).and_then(|c| c.parse::<Locale>().ok());
    if let Some(locale) = remembered {
        i18n.set_locale(locale);
        Effect::new(move |_| i18n.set_locale(locale));
    }
    provide_context(Chosen(RwSignal::new(remembered)));
}

fn chosen() -> RwSignal<Option<Locale>> {
    // Provided by `LocaleProvider` around the whole app.
    expect_context::<Chosen>().0
}

/// Changes the app's language; taken while a component is created (it reads context), used
/// later from event handlers.
#[derive(Debug, Clone, Copy)]
pub struct Chooser {
    i18n: I18nContext<Locale>,
    chosen: RwSignal<Option<Locale>>,
}

/// The [`Chooser`] of the app around the calling component.
pub fn chooser() -> Chooser {
    Chooser {
        i18n: use_i18n(),
        chosen: chosen(),
    }
}

impl Chooser {
    /// Switches the app to `locale` and remembers it for the next visit.
    pub fn choose(self, locale: Locale) {
        self.i18n.set_locale(locale);
        self.chosen.set(Some(locale));
        cookies::remember(LOCALE_COOKIE, Some(locale.as_str()));
    }
}

/// The current locale's BCP 47 tag (`en`, `de`, …) for `Intl`, as a signal (the language can
/// change while a page is open).
pub fn tag() -> Signal<&'static str> {
    let i18n = use_i18n();
    Signal::derive(move || i18n.get_locale().as_str())
}

/// `locale`'s BCP 47 tag (`en`, `de`, …) for `Intl`.
pub fn tag_of(locale: Locale) -> &'static str {
    locale.as_str()
}

/// The app's language now, for texts made where no component's context is at hand (an async
/// task, a plain function): read from `<html lang>`, which the provider keeps equal to it. Not
/// reactive; inside components use `use_i18n()`. English outside a browser.
pub fn current() -> Locale {
    #[cfg(target_arch = "wasm32")]
    {
        document()
            .document_element()
            .and_then(|e| e.get_attribute("lang"))
            .and_then(|l| l.parse().ok())
            .unwrap_or_default()
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        Locale::en
    }
}

/// Follows the signed-in reader's DocSpace profile language (`cultureName`, e.g. `de-DE`)
/// unless they picked one here. `culture` is read reactively.
pub fn follow_profile(culture: impl Fn() -> Option<String> + 'static) {
    let i18n = use_i18n();
    let chosen = chosen();
    Effect::new(move |_| {
        let from_profile = culture().and_then(|c| locale_of_culture(&c));
        if let Some(locale) = from_profile
            && chosen.get_untracked().is_none()
        {
            i18n.set_locale(locale);
        }
    });
}

/// The app's locale for a DocSpace culture name: its language, if the app speaks it.
fn locale_of_culture(culture: &str) -> Option<Locale> {
    let language = culture.split(['-', '_']).next()?.to_ascii_lowercase();
    language.parse().ok()
}

/// The `locale` DocSpace's frames are given: the reader's choice here, as a DocSpace culture;
/// none without a choice (the frames then speak the profile's language, as the app does).
/// The host starts the file page's frame from the same cookie
/// (`docspace-host/src/frame_boot.rs`), so the app adopts that frame instead of replacing it.
pub fn frame_locale() -> Signal<Option<String>> {
    let chosen = chosen();
    Signal::derive(move || chosen.get().map(|l| docspace_culture(l).to_string()))
}

/// DocSpace's culture name for `locale` ([`docspace_sdk::culture_for_language`], which the
/// host's editor boot uses too).
pub fn docspace_culture(locale: Locale) -> &'static str {
    // Every app language is mapped (the `locales_agree` tests check it).
    docspace_sdk::culture_for_language(locale.as_str()).unwrap_or("en-US")
}

#[cfg(test)]
mod locales_agree;
#[cfg(test)]
mod no_english;
