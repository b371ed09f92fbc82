//! The REST session's sign-in and sign-out through `docspace-api` (the password is hashed in the
//! browser with the portal's PBKDF2 parameters). The frames' session is [`super::frames`].

use docspace_api::{Client, Error};

use crate::app_config::AppConfig;

/// How a REST sign-in is kept.
pub enum Kept {
    /// By the host, in a cookie script cannot read; the client goes through the host.
    ByHost,
    /// By the app: the login token, to keep in memory (and for the tab when asked).
    Token(String),
}

/// Signs in over REST; returns a client acting as the user and how the sign-in is kept. Through
/// a host that keeps sessions, `lasting` asks for a sign-in that outlives the browser session.
pub async fn rest_login(
    config: &AppConfig,
    email: &str,
    password: &str,
    lasting: bool,
) -> Result<(Client, Kept), Error> {
    let builder = Client::builder(config.api_base.clone());
    let client = if config.host_session {
        builder.host_proxy().build()?
    } else {
        builder.build()?
    };
    // Without the host, a browser-session login: no year-long token for a browser tab.
    let session = !(config.host_session && lasting);
    let answer = client
        .auth()
        .login(email, password)
        .session(session)
        .send()
        .await?;
    if answer.needs_second_factor() {
        return Err(Error::invalid(
            "sign-in",
            "this account uses two-factor authentication, which this app does not support yet; \
             sign in on the portal itself",
        ));
    }
    match answer.token {
        // The client now authenticates with the token itself.
        Some(token) => Ok((client, Kept::Token(token.expose().to_string()))),
        // The host took the token out of the answer and keeps it.
        None if config.host_session => Ok((client, Kept::ByHost)),
        None => Err(Error::invalid(
            "sign-in",
            crate::i18n::td_string!(crate::locale::current(), errors.no_session_token),
        )),
    }
}

/// Ends the REST session of `client`.
pub async fn rest_logout(client: &Client) -> Result<(), Error> {
    client.auth().logout().await.map(|_| ())
}
