//! After "Sign in with DocSpace" the app holds an OAuth token, which frames cannot use: they
//! run on the portal's origin with the portal's own session cookie, the one its sign-in page
//! gave this browser. Whether the frames have it, and what to do when they do not.

use super::checks::{Finding, Verdict};
use crate::state::FramesSession;

/// The finding for a user signed in with DocSpace, given what the frames check found.
pub fn frames_after_oauth(frames: &FramesSession, portal: &str) -> Finding {
    let (verdict, summary) = match frames {
        FramesSession::SignedIn => {
            return Finding {
                verdict: Verdict::Ok,
                summary: "You signed in with DocSpace, and the frames share the portal session \
                          that sign-in gave this browser."
                    .into(),
                fix: None,
            };
        }
        FramesSession::Unknown | FramesSession::Checking | FramesSession::Pending => (
            Verdict::NotChecked,
            "You signed in with DocSpace; whether the frames share the portal's session is \
             checked when a page with a frame opens."
                .to_string(),
        ),
        FramesSession::NotSignedIn => (
            Verdict::Fail,
            "You signed in with DocSpace, but the frames cannot share that session: the app's \
             OAuth token cannot be handed to a frame, and inside frames this browser has no \
             portal session."
                .to_string(),
        ),
        FramesSession::Failed(reason) => (
            Verdict::Fail,
            format!("You signed in with DocSpace, but the frames are not signed in: {reason}"),
        ),
    };
    Finding {
        verdict,
        summary,
        fix: Some(format!(
            "Sign in on the portal itself ({portal}) in this browser, or sign the frames in with \
             your password where a frame offers it. If the browser blocks third-party cookies, \
             allow them for the portal, or serve the app from the portal's site."
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frames_without_the_portal_session_say_what_to_do() {
        let f = frames_after_oauth(&FramesSession::NotSignedIn, "https://p.example");
        assert_eq!(f.verdict, Verdict::Fail);
        assert!(f.fix.is_some_and(|x| x.contains("https://p.example")));
        let ok = frames_after_oauth(&FramesSession::SignedIn, "https://p.example");
        assert_eq!((ok.verdict, ok.fix), (Verdict::Ok, None));
        let later = frames_after_oauth(&FramesSession::Unknown, "https://p.example");
        assert_eq!(later.verdict, Verdict::NotChecked);
    }
}
