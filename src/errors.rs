//! Turning client errors into sentences for people, keeping the portal's own message.
//!
//! The app's words around the portal's message are a [`Said`], worded when shown, so that a
//! message already on screen follows a language switch. The portal's words are its own: DocSpace
//! writes them in the signed-in user's profile language, else the portal's
//! (`common/ASC.Api.Core/Middleware/CultureMiddleware.cs` in ONLYOFFICE/DocSpace-server; it
//! reads no `Accept-Language`), which the app keeps equal to the reader's choice
//! ([`crate::locale::Chooser::choose`]). One already received stays in the language it came in.

use docspace_api::Error;

use crate::locale::{Said, said};

/// What to tell the user about `e`. The portal's message is kept word for word. A 401 also
/// ends the session ([`crate::state::session_expired`]), once, here: the user is sent to sign
/// in again rather than left with a message they cannot act on.
pub fn user_message(e: &Error) -> Said {
    match e {
        Error::Unauthorized { .. } => crate::state::session_expired(),
        Error::Forbidden { .. } if crate::state::session::signed_in_with_oauth() => {
            return forbidden_oauth(e);
        }
        _ => {}
    }
    worded(e.clone())
}

/// The 403 of a reader signed in with DocSpace, whose token lacks the scopes.
fn forbidden_oauth(e: &Error) -> Said {
    let message = portal_words(e);
    said!(errors.forbidden_oauth, message = &message)
}

/// The portal's (or the client's) own words in `e`.
fn portal_words(e: &Error) -> String {
    match e {
        Error::Unauthorized { message }
        | Error::Forbidden { message }
        | Error::NotFound { message } => message.clone(),
        other => other.to_string(),
    }
}

/// `e` in the app's words, around the portal's own; no side effects.
fn worded(e: Error) -> Said {
    match e {
        Error::BadRequest {
            message,
            field_errors,
        } => {
            let mut s = message;
            for (field, msg) in field_errors {
                s.push_str(&format!("\n{field}: {msg}"));
            }
            Said::from(s)
        }
        Error::Unauthorized { message } => said!(errors.unauthorized, message = &message),
        Error::Forbidden { message } => said!(errors.forbidden, message = &message),
        Error::NotFound { message } => said!(errors.not_found, message = &message),
        Error::RateLimited {
            retry_after: Some(d),
        } => {
            let seconds = d.as_secs().max(1);
            said!(errors.rate_limited_for, seconds)
        }
        Error::RateLimited { retry_after: None } => said!(errors.rate_limited),
        Error::Server { message, .. } => Said::from(message),
        Error::Network(m) => said!(errors.network, message = &m),
        Error::Timeout(d) => {
            let seconds = d.as_secs().max(1);
            said!(errors.timeout, seconds)
        }
        // The browser answers a proxy's challenge itself; the client's advice (`HTTPS_PROXY`)
        // is for native programs, so the app says only what happened.
        Error::ProxyAuthentication { .. } => said!(errors.proxy_authentication),
        Error::Decode { message, .. } => said!(errors.decode, message = &message),
        Error::OperationFailed { message, .. } => {
            said!(errors.operation_failed, message = &message)
        }
        Error::EventTooLarge { limit } => {
            let kib = limit / 1024;
            said!(errors.event_too_large, kib)
        }
        Error::StreamInterrupted(m) => said!(errors.stream_cut, message = &m),
        // The client's own check of what the app gave it (a field the app filled).
        Error::InvalidInput { field, message } => Said::from(format!("{field}: {message}")),
        // `Error` is non-exhaustive: a kind added later speaks the client's English until
        // it is given words here.
        other => Said::from(other.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use std::time::Duration;

    use docspace_api::Error;

    use super::worded;
    use crate::i18n::Locale;

    #[test]
    fn the_apps_words_follow_the_locale_and_the_portals_stay() {
        let e = worded(Error::NotFound {
            message: "Room not found".into(),
        });
        let (en, de) = (e.in_locale(Locale::en), e.in_locale(Locale::de));
        assert_ne!(en, de);
        assert!(de.contains("Room not found"), "{de}");
    }

    #[test]
    fn the_clients_own_failures_are_the_apps_words() {
        for e in [
            Error::Timeout(Duration::from_secs(30)),
            Error::ProxyAuthentication { challenge: None },
            Error::EventTooLarge { limit: 1 << 20 },
            Error::StreamInterrupted("reset".into()),
        ] {
            let said = worded(e.clone());
            for locale in [Locale::de, Locale::fr, Locale::es, Locale::ru] {
                assert_ne!(said.in_locale(locale), e.to_string(), "{e:?} in {locale:?}");
                assert_ne!(said.in_locale(locale), said.in_locale(Locale::en), "{e:?}");
            }
        }
    }
}
