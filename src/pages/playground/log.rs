//! The event log's lines: what the frame reported, kept as facts and worded when shown, so that
//! a new language re-words the log already on screen. Event names (`onAppReady`, …) are the
//! SDK's own and stay as they are.

use docspace_sdk::{FrameEvent, Item, Mode, SdkError};

use crate::i18n::{Locale, td_string};
use crate::locale::{counted, sdk_texts};

/// One line of the event log.
#[derive(Debug, Clone, PartialEq)]
pub enum Line {
    /// The SDK's ready: the frame answers.
    Ready,
    /// `onSelectCallback`, with the picked items' titles.
    Selected(Vec<String>),
    /// `onNotFound`.
    NotFound,
    /// `onNoAccess`.
    NoAccess,
    /// The SDK or DocSpace reported an error (named by its diagnosis).
    Error(SdkError),
    /// A new frame for another mode.
    Mode(Mode),
    /// An event told by its name (and a file's title), the same in every language.
    Named(String),
}

impl Line {
    /// The line for `event`.
    pub fn of(event: &FrameEvent) -> Line {
        match event {
            FrameEvent::Ready => Line::Ready,
            FrameEvent::AppReady => Line::Named("onAppReady".into()),
            FrameEvent::ContentReady => Line::Named("onContentReady".into()),
            FrameEvent::Select(items) => {
                Line::Selected(items.iter().map(|i| Item::title(i).to_string()).collect())
            }
            FrameEvent::Close => Line::Named("onCloseCallback".into()),
            FrameEvent::EditorOpen(o) => Line::Named(format!("onEditorOpen: {}", o.file.title)),
            FrameEvent::EditorClose => Line::Named("onEditorCloseCallback".into()),
            FrameEvent::FileClick(f) => Line::Named(format!("onFileManagerClick: {}", f.title)),
            FrameEvent::Download(_) => Line::Named("onDownload".into()),
            FrameEvent::AuthSuccess => Line::Named("onAuthSuccess".into()),
            FrameEvent::SignOut => Line::Named("onSignOut".into()),
            FrameEvent::NotFound => Line::NotFound,
            FrameEvent::NoAccess => Line::NoAccess,
            FrameEvent::Error(err) => Line::Error(err.clone()),
            // FrameEvent is non-exhaustive: events added later show as they are.
            other => Line::Named(format!("{other:?}")),
        }
    }

    /// The line in `locale`; `mode_label` names a mode as the form's mode picker does.
    pub fn text(&self, locale: Locale, mode_label: fn(Mode, Locale) -> &'static str) -> String {
        match self {
            Line::Ready => td_string!(locale, playground.log.ready).into(),
            Line::Selected(titles) => {
                let items = counted!(locale, titles.len() as u64, playground.log.items);
                format!("onSelectCallback: {items}: {}", titles.join(", "))
            }
            Line::NotFound => td_string!(locale, playground.log.not_found).into(),
            Line::NoAccess => td_string!(locale, playground.log.no_access).into(),
            Line::Error(e) => {
                let message = e.diagnosis_in(&sdk_texts::texts(locale)).title;
                td_string!(locale, playground.log.error, message).to_string()
            }
            Line::Mode(m) => {
                td_string!(locale, playground.log.mode, mode = mode_label(*m, locale)).to_string()
            }
            Line::Named(text) => text.clone(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn label(_: Mode, _: Locale) -> &'static str {
        "Manager"
    }

    #[test]
    fn lines_are_worded_in_the_language_asked_for() {
        let not_found = Line::of(&FrameEvent::NotFound);
        assert_eq!(
            not_found.text(Locale::en, label),
            "onNotFound: no folder or file with this id"
        );
        assert!(
            not_found
                .text(Locale::de, label)
                .starts_with("onNotFound: "),
            "the event's name stays"
        );
        assert_ne!(
            not_found.text(Locale::de, label),
            not_found.text(Locale::en, label)
        );
        let picked = Line::Selected(vec!["a.docx".into()]);
        assert_eq!(
            picked.text(Locale::en, label),
            "onSelectCallback: 1 item: a.docx"
        );
        let error = Line::Error(SdkError::InvalidPortal("x".into()));
        assert_eq!(
            error.text(Locale::fr, label),
            "erreur : L’adresse du portail n’est pas valide"
        );
    }
}
