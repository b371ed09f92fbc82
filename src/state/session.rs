//! Who is signed in, and how.
//!
//! - A sign-in with e-mail and password gets a login token (the password is hashed in the
//!   browser by `docspace-api`). The token lives in memory; only when the user ticks "stay signed
//!   in" is it also kept in `sessionStorage` (gone when the tab closes). Never in `localStorage`.
//! - The same sign-in logs the embedded frames in through the SDK's system frame, so editors and
//!   managers open with the user's session. Signing out signs the frames out too.
//! - When the host holds an API key (`hostKey` in its configuration), the app acts as that key's
//!   user without a sign-in; frames still need one.

use docspace_api::Client;
use docspace_api::models::Employee;
use leptos::prelude::*;

use crate::app_config::AppConfig;
use crate::errors::user_message;
use crate::state::auth;

const STORAGE_KEY: &str = "docspace-embed.session";

/// How the app's API calls are authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    /// The user's own login token.
    Token,
    /// The API key the host adds to requests.
    HostKey,
}

/// Whether the embedded frames share the session.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FramesSession {
    /// Not tried (host-key mode, or after a page reload with a stored token).
    Unknown,
    /// Being signed in.
    Pending,
    /// The portal knows the browser: frames open signed in.
    SignedIn,
    /// The frame sign-in failed; the message says why.
    Failed(String),
}

/// A signed-in user.
#[derive(Debug, Clone)]
pub struct SignedIn {
    /// The user as the portal describes them.
    pub user: Employee,
    /// A client that acts as the user.
    pub client: Client,
    /// How `client` authenticates.
    pub credential: Credential,
}

/// Where the session stands.
#[derive(Debug, Clone)]
pub enum SessionState {
    /// Looking for a stored session or a host key.
    Restoring,
    /// Nobody is signed in.
    SignedOut,
    /// Someone is.
    SignedIn(Box<SignedIn>),
}

/// The session, provided at the root; get it with [`use_session`].
#[derive(Debug, Clone, Copy)]
pub struct Session {
    /// Current state.
    pub state: RwSignal<SessionState>,
    /// Whether frames share it.
    pub frames: RwSignal<FramesSession>,
    /// Why a session could not be resumed (a host key the portal refused), for the sign-in page.
    pub notice: RwSignal<Option<String>>,
    config: StoredValue<AppConfig>,
}

impl Session {
    /// The host's configuration.
    pub fn config(&self) -> AppConfig {
        self.config.get_value()
    }

    /// A client for the signed-in user (`None` when signed out).
    pub fn client(&self) -> Option<Client> {
        self.state.with(|s| match s {
            SessionState::SignedIn(s) => Some(s.client.clone()),
            _ => None,
        })
    }

    /// The signed-in user.
    pub fn user(&self) -> Option<Employee> {
        self.state.with(|s| match s {
            SessionState::SignedIn(s) => Some(s.user.clone()),
            _ => None,
        })
    }

    /// Signs in with e-mail and password: REST first, then the frames. A failure of the frames
    /// leaves the REST session in place and is reported in [`Session::frames`].
    pub async fn sign_in(&self, email: &str, password: &str, stay: bool) -> Result<(), String> {
        let config = self.config();
        let (client, token) =
            auth::rest_login(&config, email, password)
                .await
                .map_err(|e| match e {
                    docspace_api::Error::Unauthorized { message } => {
                        format!("The portal did not accept this e-mail and password ({message}).")
                    }
                    other => user_message(&other),
                })?;
        let user = client.people().me().await.map_err(|e| user_message(&e))?;
        store_token(stay.then_some(token.as_str()));
        self.state.set(SessionState::SignedIn(Box::new(SignedIn {
            user,
            client,
            credential: Credential::Token,
        })));
        self.frames.set(FramesSession::Pending);
        let outcome = auth::sign_in_frames(&config, email, password).await;
        self.frames.set(match outcome {
            Ok(()) => FramesSession::SignedIn,
            Err(e) => FramesSession::Failed(e),
        });
        Ok(())
    }

    /// Signs only the frames in (after a reload, or when the host's key acts for the app).
    pub async fn sign_in_frames(&self, email: &str, password: &str) -> Result<(), String> {
        self.frames.set(FramesSession::Pending);
        let outcome = auth::sign_in_frames(&self.config(), email, password).await;
        self.frames.set(match &outcome {
            Ok(()) => FramesSession::SignedIn,
            Err(e) => FramesSession::Failed(e.clone()),
        });
        outcome
    }

    /// Signs the frames out, ends the REST session, and forgets the token. With a host-held key
    /// only the frames are signed out: the key is the host's to keep.
    pub async fn sign_out(&self) -> Result<(), String> {
        let config = self.config();
        let frames_result = auth::sign_out_frames(&config).await;
        let signed_in = self.state.with_untracked(|s| match s {
            SessionState::SignedIn(s) => Some((s.client.clone(), s.credential)),
            _ => None,
        });
        store_token(None);
        self.state.set(SessionState::SignedOut);
        self.frames.set(FramesSession::Unknown);
        if let Some((client, Credential::Token)) = signed_in {
            auth::rest_logout(&client)
                .await
                .map_err(|e| user_message(&e))?;
        }
        frames_result
    }

    /// Finds a session to resume: a token kept for this tab, else the host's key.
    async fn restore(&self) {
        let config = self.config();
        if let Some(token) = stored_token() {
            if let Ok(client) = token_client(&config, &token)
                && let Ok(user) = client.people().me().await
            {
                self.state.set(SessionState::SignedIn(Box::new(SignedIn {
                    user,
                    client,
                    credential: Credential::Token,
                })));
                return;
            }
            // Expired or revoked: forget it.
            store_token(None);
        }
        if config.host_key {
            match host_key_user(&config).await {
                Ok((client, user)) => {
                    self.state.set(SessionState::SignedIn(Box::new(SignedIn {
                        user,
                        client,
                        credential: Credential::HostKey,
                    })));
                    return;
                }
                Err(e) => self
                    .notice
                    .set(Some(format!("The host's API key does not work ({e}).",))),
            }
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

fn session_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Keeps `token` for this tab (or forgets it with `None`).
fn store_token(token: Option<&str>) {
    let Some(s) = session_storage() else { return };
    let _ = match token {
        Some(t) => s.set_item(STORAGE_KEY, t),
        None => s.remove_item(STORAGE_KEY),
    };
}

fn stored_token() -> Option<String> {
    session_storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// Creates the session, starts restoring it, and provides it as context.
pub fn provide_session(config: AppConfig) -> Session {
    let session = Session {
        state: RwSignal::new(SessionState::Restoring),
        frames: RwSignal::new(FramesSession::Unknown),
        notice: RwSignal::new(None),
        config: StoredValue::new(config),
    };
    provide_context(session);
    leptos::task::spawn_local(async move { session.restore().await });
    session
}

/// The [`Session`] provided at the root.
pub fn use_session() -> Session {
    // `Shell` provides it before any page renders.
    expect_context::<Session>()
}
