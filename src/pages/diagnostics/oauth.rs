//! After "Sign in with DocSpace" the app holds an OAuth token, which frames cannot use: they
//! run on the portal's origin with the portal's own session cookie, the one its sign-in page
//! gave this browser. Whether the frames have it, and what to do when they do not.
//!
//! And whether the portal lets this page use the app's OAuth tokens at all: a browser app that
//! calls the portal directly needs its origin among the OAuth app's allowed origins, or the portal
//! answers without CORS headers (`OAuthCorsFilter` behaviour; see the devportal's `api/cors.rs`)
//! and every call fails in the browser as a bare network error that names nothing.

use super::checks::{Fact, Finding, Verdict};
use crate::state::FramesSession;

/// The finding for a user signed in with DocSpace, given what the frames check found.
pub fn frames_after_oauth(frames: &FramesSession, portal: &str) -> Finding {
    let portal = portal.to_string();
    match frames {
        FramesSession::SignedIn => Finding::new(Verdict::Ok, Fact::OAuthFramesShared),
        FramesSession::Unknown | FramesSession::Checking | FramesSession::Pending => {
            Finding::new(Verdict::NotChecked, Fact::OAuthFramesLater { portal })
        }
        FramesSession::NotSignedIn => {
            Finding::new(Verdict::Fail, Fact::OAuthFramesWithout { portal })
        }
        FramesSession::Failed(reason) => Finding::new(
            Verdict::Fail,
            Fact::OAuthFramesFailed {
                portal,
                reason: reason.clone(),
            },
        ),
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
        return Finding::new(Verdict::Ok, Fact::OAuthThroughHost);
    }
    let (client_id, origin_owned) = (client_id.to_string(), origin.to_string());
    match allowed {
        None => Finding::new(Verdict::NotChecked, Fact::OAuthUnreadable),
        Some(list) if list.iter().any(|o| same(o, origin)) => Finding::new(
            Verdict::Ok,
            Fact::OAuthAllowed {
                client_id,
                origin: origin_owned,
            },
        ),
        Some(_) => Finding::new(
            Verdict::Fail,
            Fact::OAuthNotListed {
                client_id,
                origin: origin_owned,
            },
        ),
    }
}

/// The portal has no OAuth app with the client id the host was given.
pub fn app_missing(client_id: &str) -> Finding {
    Finding::new(
        Verdict::Fail,
        Fact::OAuthAppMissing {
            client_id: client_id.to_string(),
        },
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Locale;

    #[test]
    fn an_origin_missing_from_the_apps_allowed_origins_is_named_with_the_fix() {
        let page = "https://app.example";
        let direct = "https://p.example/api/2.0";
        let listed = vec!["https://APP.example/".to_string()];
        let other = vec!["https://elsewhere.example".to_string()];
        let f = origin_allowed_for_tokens(page, direct, "c-1", Some(&other));
        assert_eq!(f.verdict, Verdict::Fail);
        let summary = f.fact.summary(Locale::en);
        assert!(
            summary.contains("c-1") && summary.contains(page),
            "{summary}"
        );
        assert!(f.fact.fix(Locale::en).is_some_and(|x| x.contains(page)));
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
        assert!(
            f.fact
                .fix(Locale::de)
                .is_some_and(|x| x.contains("https://p.example"))
        );
        let ok = frames_after_oauth(&FramesSession::SignedIn, "https://p.example");
        assert_eq!((ok.verdict, ok.fact.fix(Locale::en)), (Verdict::Ok, None));
        let later = frames_after_oauth(&FramesSession::Unknown, "https://p.example");
        assert_eq!(later.verdict, Verdict::NotChecked);
    }
}
