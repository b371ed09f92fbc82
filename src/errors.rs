//! Turning client errors into sentences for people, keeping the portal's own message.

use docspace_api::Error;

use crate::i18n::td_string;

/// What to tell the user about `e`. The portal's message is kept word for word. A 401 also
/// ends the session ([`crate::state::session_expired`]): the user is sent to sign in again
/// rather than left with a message they cannot act on. The app's own words are in the app's
/// language ([`crate::locale::current`]).
pub fn user_message(e: &Error) -> String {
    let locale = crate::locale::current();
    match e {
        Error::BadRequest {
            message,
            field_errors,
        } => {
            let mut s = message.clone();
            for (field, msg) in field_errors {
                s.push_str(&format!("\n{field}: {msg}"));
            }
            s
        }
        Error::Unauthorized { message } => {
            crate::state::session_expired();
            td_string!(locale, errors.unauthorized, message).to_string()
        }
        Error::Forbidden { message } if crate::state::session::signed_in_with_oauth() => {
            td_string!(locale, errors.forbidden_oauth, message).to_string()
        }
        Error::Forbidden { message } => td_string!(locale, errors.forbidden, message).to_string(),
        Error::NotFound { message } => td_string!(locale, errors.not_found, message).to_string(),
        Error::RateLimited { retry_after } => match retry_after {
            Some(d) => {
                let seconds = d.as_secs().max(1);
                td_string!(locale, errors.rate_limited_for, seconds).to_string()
            }
            None => td_string!(locale, errors.rate_limited).into(),
        },
        Error::Server { message, .. } => message.clone(),
        Error::Network(m) => td_string!(locale, errors.network, message = m).to_string(),
        Error::InvalidInput { field, message } => format!("{field}: {message}"),
        other => other.to_string(),
    }
}
