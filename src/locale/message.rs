//! A message for people that is worded when it is shown, not when it is made: a toast, an inline
//! error, a failed load. It keeps the facts (a key's arguments, the portal's own words) and
//! wording them in a locale, so that a message already on screen follows a language switch.

use std::fmt;
use std::sync::Arc;

use leptos::prelude::*;
use leptos_i18n::I18nContext;

use crate::i18n::Locale;

/// A message worded in whichever language is current when it is shown ([`Said::shown`]).
/// Made with the crate's `said!` macro from a translation key, or from a `String` for words
/// that are not the app's (the portal's message), which stay as they are in every language.
#[derive(Clone)]
pub struct Said(Arc<dyn Fn(Locale) -> String + Send + Sync>);

impl Said {
    /// A message worded by `word` in the locale it is shown in.
    pub fn new(word: impl Fn(Locale) -> String + Send + Sync + 'static) -> Said {
        Said(Arc::new(word))
    }

    /// The message in `locale`.
    pub fn in_locale(&self, locale: Locale) -> String {
        (self.0)(locale)
    }

    /// The message in the app's language now, read reactively: a view (or a signal) that shows
    /// it is worded again when the language changes. Outside the app's components (no
    /// translations provided) it is worded once in [`crate::locale::current`].
    pub fn shown(&self) -> String {
        let locale = use_context::<I18nContext<Locale>>()
            .map(|i18n| i18n.get_locale())
            .unwrap_or_else(super::current);
        self.in_locale(locale)
    }

    /// `self`, then a line break, then `more` (each worded in the same locale).
    pub fn then_line(self, more: Said) -> Said {
        Said::new(move |l| format!("{}\n{}", self.in_locale(l), more.in_locale(l)))
    }
}

/// An optional message as a text prop (a field's error), following the language.
pub fn shown(message: RwSignal<Option<Said>>) -> Signal<Option<String>> {
    Signal::derive(move || message.with(|m| m.as_ref().map(Said::shown)))
}

/// Words that are the same in every language: the portal's message, a name.
impl From<String> for Said {
    fn from(words: String) -> Said {
        Said::new(move |_| words.clone())
    }
}

/// For text props (`Signal<String>`): the prop follows the language.
impl From<Said> for Signal<String> {
    fn from(said: Said) -> Signal<String> {
        Signal::derive(move || said.shown())
    }
}

impl fmt::Debug for Said {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The English wording stands for the message (tests, logs).
        f.debug_tuple("Said")
            .field(&self.in_locale(Locale::en))
            .finish()
    }
}

/// Two messages are equal when they say the same in English (a message set again with the
/// same words is no change).
impl PartialEq for Said {
    fn eq(&self, other: &Said) -> bool {
        Arc::ptr_eq(&self.0, &other.0) || self.in_locale(Locale::en) == other.in_locale(Locale::en)
    }
}

#[cfg(test)]
mod tests {
    use super::Said;
    use crate::i18n::Locale;

    #[test]
    fn a_key_is_worded_in_the_locale_it_is_shown_in() {
        let name = "Q3".to_string();
        let s = said!(rooms.deleted, title = &name);
        assert_ne!(s.in_locale(Locale::en), s.in_locale(Locale::de));
        assert!(s.in_locale(Locale::de).contains("Q3"), "{s:?}");
    }

    #[test]
    fn the_portals_words_stay_as_they_are() {
        let s = Said::from("Zugriff verweigert".to_string());
        assert_eq!(s.in_locale(Locale::fr), "Zugriff verweigert");
    }
}
