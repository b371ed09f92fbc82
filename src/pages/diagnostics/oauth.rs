//! After "Sign in with DocSpace" the app holds an OAuth token, which frames cannot use: they
//! run on the portal's origin with the portal's own session cookie, the one its sign-in page
//! gave this browser. Whether the frames have it, and what to do when they do not.
//!
//! And whether the portal lets this page use the app's OAuth tokens at all: a browser app that
//! calls the portal directly needs its origin among the OAuth app's allowed origins, or the portal
//! answers without CORS headers (`OAuthCorsFilter` behaviour; see the devportal's `api/cors.rs`)
//! and every call fails in the browser as a bare network error that names nothing.

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

/// Whether the OAuth app `client_id` lets this page (`origin`) call the API with its tokens.
/// `allowed` is the app's allowed origins, when the caller may read them (DocSpace admins).
pub fn origin_allowed_for_tokens(
    origin: &str,
    api_base: &str,
    client_id: &str,
    allowed: Option<&[String]>,
) -> Finding {
    let same = |a: &str, b: &str| {
        a.trim_end_matches('/')
            .eq_ignore_ascii_case(b.trim_end_matches('/'))
    };
    if api_base.is_empty() || api_base.starts_with('/') || api_base.starts_with(origin) {
        return Finding {
            verdict: Verdict::Ok,
            summary: "The app calls the API through this host, on this page's own origin, so \
                      the OAuth app's allowed origins do not apply."
                .into(),
            fix: None,
        };
    }
    match allowed {
        None => Finding {
            verdict: Verdict::NotChecked,
            summary: "Only a DocSpace admin can read the OAuth app's allowed origins.".into(),
            fix: Some("Sign in as an admin to check them.".into()),
        },
        Some(list) if list.iter().any(|o| same(o, origin)) => Finding {
            verdict: Verdict::Ok,
            summary: format!("The OAuth app {client_id} allows {origin}."),
            fix: None,
        },
        Some(_) => Finding {
            verdict: Verdict::Fail,
            summary: format!(
                "The OAuth app {client_id} does not list {origin} among its allowed origins, so \
                 the portal sends this page no CORS headers for its tokens: every API call after \
                 Sign in with DocSpace fails in the browser as a network error."
            ),
            fix: Some(format!(
                "An admin adds {origin} to the app's allowed origins (Apps and keys here, or the \
                 portal's Developer tools, OAuth)."
            )),
        },
    }
}

/// The portal has no OAuth app with the client id the host was given.
pub fn app_missing(client_id: &str) -> Finding {
    Finding {
        verdict: Verdict::Fail,
        summary: format!(
            "The portal has no OAuth app {client_id}, so Sign in with DocSpace cannot work."
        ),
        fix: Some(
            "Start the host with the client id of an app registered on this portal \
             (--oauth-client-id), or register one in Apps and keys."
                .into(),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_origin_missing_from_the_apps_allowed_origins_is_named_with_the_fix() {
        let page = "https://app.example";
        let direct = "https://p.example/api/2.0";
        let listed = vec!["https://APP.example/".to_string()];
        let other = vec!["https://elsewhere.example".to_string()];
        let f = origin_allowed_for_tokens(page, direct, "c-1", Some(&other));
        assert_eq!(f.verdict, Verdict::Fail);
        assert!(
            f.summary.contains("c-1") && f.summary.contains(page),
            "{}",
            f.summary
        );
        assert!(f.fix.is_some_and(|x| x.contains(page)));
        let ok = origin_allowed_for_tokens(page, direct, "c-1", Some(&listed));
        assert_eq!(ok.verdict, Verdict::Ok, "origins compare as browsers do");
        let unread = origin_allowed_for_tokens(page, direct, "c-1", None);
        assert_eq!(unread.verdict, Verdict::NotChecked);
        // Through the host, the browser never makes a cross-origin call.
        for base in ["", "/api/2.0", "https://app.example/api/2.0"] {
            let f = origin_allowed_for_tokens(page, base, "c-1", Some(&other));
            assert_eq!(f.verdict, Verdict::Ok, "{base}");
        }
    }

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
