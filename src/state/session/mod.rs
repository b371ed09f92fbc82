//! Who is signed in, and how.
//!
//! - A sign-in with e-mail and password (the password is hashed in the browser by
//!   `docspace-api`). Served by `docspace-host`, the host keeps the login token in a cookie that
//!   script cannot read, so the session lasts across reloads, typed URLs and tabs, until the
//!   browser closes (or as long as the token, when the user ticks "stay signed in"). Elsewhere the
//!   token lives in memory, and in `sessionStorage` for the tab when asked. Never in
//!   `localStorage`.
//! - A session that ends while in use (the portal answers 401) sends the user to sign in again
//!   and back to where they were ([`session_expired`]).
//! - The same sign-in logs the embedded frames in through the SDK's system frame, so editors and
//!   managers open with the user's session. Signing out signs the frames out too.
//! - "Sign in with DocSpace" (OAuth2 with PKCE, [`super::oauth`]) when the host names the
//!   portal's OAuth app: the access token lives in memory only; a refresh token renews it before
//!   it expires, else the tab authorizes again and comes back where it was. The frames use the
//!   portal's own session, which the sign-in on the portal's page gave this browser.
//! - When the host holds an API key (`hostKey` in its configuration), the app acts as that key's
//!   user without a sign-in; frames still need one.
//!
//! Here the session's state, its expiry and the token kept for the tab; signing in and out in
//! `sign_in.rs`, resuming after a page load in `restore.rs`, the profile's language in
//! `language.rs`.

mod language;
mod restore;
mod sign_in;

use docspace_api::Client;
use docspace_api::models::Employee;
use docspace_api::oauth::HeldTokens;
use leptos::prelude::*;

use crate::app_config::AppConfig;
use crate::locale::{Said, said};
use crate::state::oauth;
use crate::state::sign_in_attempts::SignInAttempts;

const STORAGE_KEY: &str = "docspace-embed.session";

/// How the app's API calls are authenticated.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Credential {
    /// The user's own login token.
    Token,
    /// The user's own sign-in, kept by the host.
    HostSession,
    /// The API key the host adds to requests.
    HostKey,
    /// An OAuth access token from "Sign in with DocSpace".
    OAuth,
}

/// Whether the embedded frames share the session.
#[derive(Debug, Clone, PartialEq)]
pub enum FramesSession {
    /// Not known yet (after a page load, or in host-key mode).
    Unknown,
    /// Being checked: asking the portal, through a hidden frame, whom it knows.
    Checking,
    /// Checked: the portal does not know this browser, so frames would ask to sign in.
    NotSignedIn,
    /// Being signed in.
    Pending,
    /// The portal knows the browser: frames open signed in.
    SignedIn,
    /// The frame sign-in failed; the message says why.
    Failed(Said),
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
    pub notice: RwSignal<Option<Said>>,
    /// The e-mail of a user whose session ended while in use, to sign in again with.
    pub returning: RwSignal<Option<String>>,
    /// This tab's refused password sign-ins, for the diagnostics page.
    pub sign_ins: RwSignal<SignInAttempts>,
    config: StoredValue<AppConfig>,
    tokens: StoredValue<Option<HeldTokens>>,
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

    fn set_signed_in(&self, user: Employee, client: Client, credential: Credential) {
        self.state.set(SessionState::SignedIn(Box::new(SignedIn {
            user,
            client,
            credential,
        })));
    }

    /// The signed-in user.
    pub fn user(&self) -> Option<Employee> {
        self.state.with(|s| match s {
            SessionState::SignedIn(s) => Some(s.user.clone()),
            _ => None,
        })
    }
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
        returning: RwSignal::new(None),
        sign_ins: RwSignal::new(SignInAttempts::load()),
        config: StoredValue::new(config),
        tokens: StoredValue::new(None),
    };
    provide_context(session);
    CURRENT.with(|c| c.set(Some(session)));
    leptos::task::spawn_local(async move { session.restore().await });
    session
}

thread_local! {
    /// The session, for [`session_expired`], which runs where no reactive context is at hand.
    static CURRENT: std::cell::Cell<Option<Session>> = const { std::cell::Cell::new(None) };
}

/// The portal refused the signed-in user's credentials (401) while in use: the session has
/// ended. Forget it, so that the route guard sends the user to sign in and back here, with a
/// notice saying why. Nothing happens when nobody was signed in (a wrong password).
pub fn session_expired() {
    let Some(session) = CURRENT.with(std::cell::Cell::get) else {
        return;
    };
    let was_signed_in = session
        .state
        .with_untracked(|s| matches!(s, SessionState::SignedIn(_)));
    let via_oauth = session.state.with_untracked(
        |s| matches!(s, SessionState::SignedIn(s) if s.credential == Credential::OAuth),
    );
    // A refused OAuth token (expired, revoked): authorize again and come back here. The portal
    // still knows the browser, so this is usually a round trip without a page to click.
    if via_oauth && oauth::start(&session.config(), &oauth::here()).is_ok() {
        session.tokens.set_value(None);
        return;
    }
    if was_signed_in {
        let email = session.state.with_untracked(|s| match s {
            SessionState::SignedIn(s) => s.user.email.clone(),
            _ => None,
        });
        session.returning.set(email);
        store_token(None);
        session.frames.set(FramesSession::Unknown);
        session.notice.set(Some(said!(session.ended)));
        session.state.set(SessionState::SignedOut);
    }
}

/// Whether the signed-in user came through "Sign in with DocSpace" (a refusal may then be a
/// scope the user did not allow).
pub fn signed_in_with_oauth() -> bool {
    CURRENT.with(std::cell::Cell::get).is_some_and(|session| {
        session.state.with_untracked(
            |s| matches!(s, SessionState::SignedIn(s) if s.credential == Credential::OAuth),
        )
    })
}

/// The [`Session`] provided at the root.
pub fn use_session() -> Session {
    // `Shell` provides it before any page renders.
    expect_context::<Session>()
}
