//! What the live frame last said about itself, shown above it.
//!
//! `ready` means the frame started and answers, not that what it shows exists: for a folder or
//! file id the portal does not have, DocSpace's manager starts as usual and then sends
//! `onNotFound` (`onNoAccess` where the user may not open it). The status keeps the problem in
//! view whichever order the events arrive in, so "ready" never hides a not-found page.

use crate::i18n::{Locale, td_string};
use docspace_sdk::FrameEvent;

/// The frame's state as its events tell it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FrameStatus {
    /// Nothing heard yet.
    Starting,
    /// Ready, and no problem reported.
    Ready,
    /// `onNotFound`.
    NotFound,
    /// `onNoAccess`.
    NoAccess,
    /// The SDK or DocSpace reported an error.
    Failed,
}

impl FrameStatus {
    /// The status after `event`: a reported problem stays until the settings change.
    pub fn after(self, event: &FrameEvent) -> FrameStatus {
        match event {
            FrameEvent::NotFound => FrameStatus::NotFound,
            FrameEvent::NoAccess => FrameStatus::NoAccess,
            FrameEvent::Error(_) => FrameStatus::Failed,
            FrameEvent::Ready if self == FrameStatus::Starting => FrameStatus::Ready,
            _ => self,
        }
    }

    /// The status once the settings changed: a frame that was usable stays so (`setConfig` sends
    /// no new ready), and a problem it reported is forgotten until reported again.
    pub fn settings_changed(self) -> FrameStatus {
        if self == FrameStatus::Starting {
            self
        } else {
            FrameStatus::Ready
        }
    }

    /// What the badge says, in `locale`.
    pub fn text(self, locale: Locale) -> &'static str {
        match self {
            FrameStatus::Starting => td_string!(locale, playground.status.starting),
            FrameStatus::Ready => td_string!(locale, playground.status.ready),
            FrameStatus::NotFound => td_string!(locale, playground.status.not_found),
            FrameStatus::NoAccess => td_string!(locale, playground.status.no_access),
            FrameStatus::Failed => td_string!(locale, playground.status.failed),
        }
    }

    /// A problem the user should see.
    pub fn is_problem(self) -> bool {
        matches!(
            self,
            FrameStatus::NotFound | FrameStatus::NoAccess | FrameStatus::Failed
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(events: &[FrameEvent]) -> FrameStatus {
        events.iter().fold(FrameStatus::Starting, |s, e| s.after(e))
    }

    #[test]
    fn a_not_found_frame_is_not_reported_ready_whatever_the_order() {
        assert_eq!(
            run(&[FrameEvent::Ready, FrameEvent::NotFound]),
            FrameStatus::NotFound
        );
        assert_eq!(
            run(&[FrameEvent::NotFound, FrameEvent::Ready]),
            FrameStatus::NotFound
        );
        assert_eq!(
            run(&[
                FrameEvent::AppReady,
                FrameEvent::NoAccess,
                FrameEvent::Ready
            ]),
            FrameStatus::NoAccess
        );
    }

    #[test]
    fn ready_needs_the_sdks_ready() {
        assert_eq!(run(&[FrameEvent::AppReady]), FrameStatus::Starting);
        assert_eq!(
            run(&[
                FrameEvent::AppReady,
                FrameEvent::ContentReady,
                FrameEvent::Ready
            ]),
            FrameStatus::Ready
        );
        assert!(!FrameStatus::Ready.is_problem());
        assert_eq!(FrameStatus::NotFound.settings_changed(), FrameStatus::Ready);
        assert_eq!(
            FrameStatus::Starting.settings_changed(),
            FrameStatus::Starting
        );
        assert!(FrameStatus::NotFound.is_problem());
    }
}
