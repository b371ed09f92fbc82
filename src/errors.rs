//! Turning client errors into sentences for people, keeping the portal's own message.

use docspace_api::Error;

/// What to tell the user about `e`. The portal's message is kept word for word. A 401 also
/// ends the session ([`crate::state::session_expired`]): the user is sent to sign in again
/// rather than left with a message they cannot act on.
pub fn user_message(e: &Error) -> String {
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
            format!("Not signed in, or the session expired ({message}).")
        }
        Error::Forbidden { message } if crate::state::session::signed_in_with_oauth() => format!(
            "You may not do this: {message}. You signed in with DocSpace, so the app has only the \
             permissions you allowed, and none of them reaches API keys, OAuth apps or portal \
             settings: sign in with e-mail and password for those, or sign in with DocSpace \
             again allowing everything the app asks for."
        ),
        Error::Forbidden { message } => format!("You may not do this: {message}"),
        Error::NotFound { message } => format!("Not found: {message}"),
        Error::RateLimited { retry_after } => match retry_after {
            Some(d) => format!(
                "The portal is rate limiting requests; try again in {} s.",
                d.as_secs().max(1)
            ),
            None => "The portal is rate limiting requests; try again shortly.".into(),
        },
        Error::Server { message, .. } => message.clone(),
        Error::Network(m) => format!("The portal cannot be reached: {m}"),
        Error::InvalidInput { field, message } => format!("{field}: {message}"),
        other => other.to_string(),
    }
}
