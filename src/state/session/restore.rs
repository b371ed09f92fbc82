//! Resuming a session after a page load: one the host keeps, a token kept for this tab, the
//! host's key, or "Sign in with DocSpace" again.

use docspace_api::Client;
use docspace_api::models::Employee;
use leptos::prelude::*;

use super::{Credential, Session, SessionState};
use super::{store_token, stored_token};
use crate::app_config::AppConfig;
use crate::errors::user_message;
use crate::i18n::td_string;
use crate::locale::Said;
use crate::state::oauth;

impl Session {
    /// Finds a session to resume: one the host keeps, a token kept for this tab, else the
    /// host's key.
    pub(super) async fn restore(&self) {
        let config = self.config();
        // The redirect back from the portal: its page finishes the sign-in.
        if web_sys::window()
            .and_then(|w| w.location().pathname().ok())
            .as_deref()
            == Some(oauth::REDIRECT_PATH)
        {
            self.state.set(SessionState::SignedOut);
            return;
        }
        if config.host_session && host_keeps_a_session() {
            match host_key_user(&config).await {
                Ok((client, user)) => {
                    self.set_signed_in(user, client, Credential::HostSession);
                    return;
                }
                // Ended on the portal: the host has cleared its cookie; go on without it.
                Err(docspace_api::Error::Unauthorized { .. }) => {}
                Err(e) => {
                    let reason = user_message(&e);
                    self.notice.set(Some(Said::new(move |l| {
                        let reason = reason.in_locale(l);
                        td_string!(l, session.not_resumed, reason).to_string()
                    })));
                    self.state.set(SessionState::SignedOut);
                    return;
                }
            }
        }
        if let Some(token) = stored_token() {
            if let Ok(client) = token_client(&config, &token)
                && let Ok(user) = client.people().me().await
            {
                self.set_signed_in(user, client, Credential::Token);
                return;
            }
            // Expired or revoked: forget it.
            store_token(None);
        }
        if config.host_key {
            match host_key_user(&config).await {
                Ok((client, user)) => {
                    self.set_signed_in(user, client, Credential::HostKey);
                    return;
                }
                Err(e) => self.notice.set(Some(Said::new({
                    let reason = user_message(&e);
                    move |l| {
                        let reason = reason.in_locale(l);
                        td_string!(l, session.host_key_broken, reason).to_string()
                    }
                }))),
            }
        }
        // Signed in with DocSpace before this reload: the token was in memory only. Authorize
        // again (the portal skips the consent it has) and come back here.
        if oauth::marked() && oauth::start(&config, &oauth::here()).is_ok() {
            return;
        }
        self.state.set(SessionState::SignedOut);
    }
}

async fn host_key_user(config: &AppConfig) -> Result<(Client, Employee), docspace_api::Error> {
    let client = Client::builder(config.api_base.clone())
        .host_proxy()
        .build()?;
    let user = client.people().me().await?;
    Ok((client, user))
}

fn token_client(config: &AppConfig, token: &str) -> Result<Client, docspace_api::Error> {
    Client::builder(config.api_base.clone())
        .token(token)
        .build()
}

/// Whether the host says it keeps a session: its marker cookie (not secret; the token's own
/// cookie is out of script's reach).
fn host_keeps_a_session() -> bool {
    // `document.cookie` through Reflect, as the theme writes it: no `HtmlDocument` binding.
    let cookies = js_sys::Reflect::get(&document(), &"cookie".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    cookies
        .split(';')
        .any(|c| c.trim() == "docspace-embed-signed-in=1")
}
