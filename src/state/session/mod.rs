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

use docspace_api::models::Employee;
use docspace_api::oauth::{HeldTokens, Renewal};
use docspace_api::{Auth, Client};
use leptos::prelude::*;

use crate::app_config::AppConfig;
use crate::errors::user_message;
use crate::i18n::td_string;
use crate::locale::{Said, said};
use crate::state::auth::{self, Kept};
use crate::state::sign_in_attempts::SignInAttempts;
use crate::state::{frames, oauth};

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

    /// The signed-in user.
    pub fn user(&self) -> Option<Employee> {
        self.state.with(|s| match s {
            SessionState::SignedIn(s) => Some(s.user.clone()),
            _ => None,
        })
    }

    /// Keeps the signed-in user's DocSpace profile language equal to the one they chose here
    /// (`chosen`, a DocSpace culture; `None`: no choice, the app follows the profile instead).
    ///
    /// DocSpace writes its messages, API errors included, in the profile's language
    /// (`common/ASC.Api.Core/Middleware/CultureMiddleware.cs` in ONLYOFFICE/DocSpace-server; no
    /// `Accept-Language`), so without this a portal's message would come in another language
    /// than the app's words around it. DocSpace's own language picker sets the profile the same
    /// way (`updateProfileCulture`, `packages/client/src/pages/Profile/…/main-profile` in
    /// ONLYOFFICE/DocSpace-client), and so do its frames with the `locale` they are given
    /// (`packages/client/src/pages/Home/Hooks/useSDK.js`), but only once one opens. A refusal
    /// (a token without `accounts:write`) leaves the profile as it is: the app's own words still
    /// follow the choice.
    ///
    /// The session's copy of the user is left as it is: a new one would re-render every page
    /// that reads the session (and undo what the reader was doing there); what was sent is
    /// remembered instead, so that a choice is sent once and the next is compared with it.
    pub fn keep_profile_language(&self, chosen: Signal<Option<String>>) {
        let session = *self;
        let sent = StoredValue::new(None::<(String, String)>);
        Effect::new(move |_| {
            let Some(culture) = chosen.get() else {
                return;
            };
            let Some((client, user)) = session.state.with(|s| match s {
                SessionState::SignedIn(s) => Some((s.client.clone(), s.user.clone())),
                _ => None,
            }) else {
                return;
            };
            // The profile's language now: the last one sent for this user, else the session's.
            let id = user.id.to_string();
            let profile = sent
                .with_value(|s| s.clone())
                .filter(|(who, _)| *who == id)
                .map(|(_, c)| c)
                .or(user.culture_name.clone());
            if same_language(profile.as_deref(), &culture) {
                return;
            }
            sent.set_value(Some((id, culture.clone())));
            leptos::task::spawn_local(async move {
                let _ = client.people().set_culture(&user.id, &culture).await;
            });
        });
    }

    /// Signs in with e-mail and password: REST first, then the frames. A failure of the frames
    /// leaves the REST session in place and is reported in [`Session::frames`].
    pub async fn sign_in(&self, email: &str, password: &str, stay: bool) -> Result<(), Said> {
        let config = self.config();
        // The frames' code downloads while the REST sign-in runs.
        frames::preload();
        let (client, kept) = auth::rest_login(&config, email, password, stay)
            .await
            .map_err(|e| match e {
                docspace_api::Error::Unauthorized { message } => {
                    self.sign_ins.update(SignInAttempts::wrong);
                    said!(session.rejected, message = &message)
                }
                // A sign-in answered 403 is the portal's brute-force guard: say so, and keep it
                // for the diagnostics page.
                docspace_api::Error::Forbidden { message } => {
                    let now = js_sys::Date::now();
                    self.sign_ins.update(|a| a.locked(&message, now));
                    said!(session.locked_out, message = &message)
                }
                other => user_message(&other),
            })?;
        self.sign_ins.update(SignInAttempts::succeeded);
        let user = client.people().me().await.map_err(|e| user_message(&e))?;
        let credential = match kept {
            Kept::ByHost => Credential::HostSession,
            Kept::Token(token) => {
                store_token(stay.then_some(token.as_str()));
                Credential::Token
            }
        };
        self.notice.set(None);
        self.state.set(SessionState::SignedIn(Box::new(SignedIn {
            user,
            client,
            credential,
        })));
        self.frames.set(FramesSession::Pending);
        let outcome = frames::sign_in(&config, email, password).await;
        self.frames.set(match outcome {
            Ok(()) => FramesSession::SignedIn,
            Err(e) => FramesSession::Failed(e),
        });
        Ok(())
    }

    /// Starts "Sign in with DocSpace": the tab leaves for the portal and comes back to
    /// `return_to`.
    pub fn sign_in_with_docspace(&self, return_to: &str) -> Result<(), Said> {
        oauth::start(&self.config(), return_to)
    }

    /// Finishes "Sign in with DocSpace" on the redirect back; returns where to go.
    pub async fn finish_docspace_sign_in(&self) -> Result<String, Said> {
        let config = self.config();
        let flow = oauth::flow(&config).ok_or_else(|| said!(oauth.no_app))?;
        // Set again on success: a failed sign-in must not send every reload back to the portal.
        oauth::mark(false);
        let done = oauth::finish(&flow).await.map_err(|e| oauth::message(&e))?;
        let client = Client::builder(config.api_base.clone())
            .oauth_token(done.tokens.access_token())
            .build()
            .map_err(|e| user_message(&e))?;
        // Without the user's own scope the app cannot even say who is signed in.
        done.tokens
            .require(&[docspace_api::oauth::Scope::AccountsSelfRead])
            .map_err(|e| oauth::message(&e))?;
        let user = client.people().me().await.map_err(|e| match e {
            // Not `user_message`: a refused fresh token must not start another round trip.
            docspace_api::Error::Unauthorized { message } => {
                said!(session.rejected_new, message = &message)
            }
            other => user_message(&other),
        })?;
        oauth::mark(true);
        self.tokens.set_value(Some(done.tokens.clone()));
        self.notice.set(None);
        self.state.set(SessionState::SignedIn(Box::new(SignedIn {
            user,
            client: client.clone(),
            credential: Credential::OAuth,
        })));
        // The portal knows this browser from its own sign-in page; the frames check finds out.
        self.frames.set(FramesSession::Unknown);
        self.keep_fresh(client, done.tokens);
        Ok(crate::pages::sign_in::safe_next(Some(done.return_to)))
    }

    /// Refreshes the token before it expires, as long as it is this session's and the portal
    /// gave a refresh token; without one the next refusal authorizes again
    /// ([`session_expired`]).
    fn keep_fresh(&self, client: Client, held: HeldTokens) {
        let session = *self;
        leptos::task::spawn_local(async move {
            let mut held = held;
            loop {
                let now = web_time::SystemTime::now();
                let Some(wait) = held.fresh_for(now) else {
                    return;
                };
                gloo_timers::future::sleep(wait).await;
                let current = session.tokens.with_value(|t| {
                    t.as_ref()
                        .is_some_and(|t| t.access_token() == held.access_token())
                });
                if !current || held.renewal(web_time::SystemTime::now()) != Renewal::Refresh {
                    return;
                }
                let Some(flow) = oauth::flow(&session.config()) else {
                    return;
                };
                match flow.refresh(&held).await {
                    Ok(next) => {
                        client.set_credentials(Auth::OAuth(next.access_token().to_string()));
                        session.tokens.set_value(Some(next.clone()));
                        held = next;
                    }
                    // Spent or revoked: the next request's 401 authorizes again.
                    Err(_) => return,
                }
            }
        });
    }

    /// Signs only the frames in (after a reload, or when the host's key acts for the app).
    pub async fn sign_in_frames(&self, email: &str, password: &str) -> Result<(), Said> {
        frames::preload();
        self.frames.set(FramesSession::Pending);
        let outcome = frames::sign_in(&self.config(), email, password).await;
        self.frames.set(match &outcome {
            Ok(()) => FramesSession::SignedIn,
            Err(e) => FramesSession::Failed(e.clone()),
        });
        outcome
    }

    /// Finds out, without a password, whether the frames already share the user's session (after
    /// a page load they usually do: the portal's own cookie outlives the page). Runs once per
    /// unknown state; the outcome replaces [`FramesSession::Unknown`] unless the frames are not
    /// signed in, which leaves it for the notice that offers to sign them in.
    pub async fn check_frames(&self) {
        let Some(user_id) = self.user().map(|u| u.id.to_string()) else {
            return;
        };
        if self.frames.get_untracked() != FramesSession::Unknown {
            return;
        }
        self.frames.set(FramesSession::Checking);
        let outcome = frames::user(&self.config()).await;
        self.frames.set(match outcome {
            Ok(Some(id)) if id == user_id => FramesSession::SignedIn,
            Ok(Some(_)) => FramesSession::Failed(said!(session.frames_other_user)),
            Ok(None) => FramesSession::NotSignedIn,
            Err(e) => FramesSession::Failed(e),
        });
    }

    /// Signs the frames out, ends the REST session, and forgets the token. With a host-held key
    /// only the frames are signed out: the key is the host's to keep.
    pub async fn sign_out(&self) -> Result<(), Said> {
        let config = self.config();
        let frames_result = frames::sign_out(&config).await;
        let signed_in = self.state.with_untracked(|s| match s {
            SessionState::SignedIn(s) => Some((s.client.clone(), s.credential)),
            _ => None,
        });
        store_token(None);
        oauth::mark(false);
        self.tokens.set_value(None);
        self.state.set(SessionState::SignedOut);
        self.frames.set(FramesSession::Unknown);
        if let Some((client, Credential::Token | Credential::HostSession)) = signed_in {
            auth::rest_logout(&client)
                .await
                .map_err(|e| user_message(&e))?;
        }
        frames_result
    }

    /// Finds a session to resume: one the host keeps, a token kept for this tab, else the
    /// host's key.
    async fn restore(&self) {
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
                    self.state.set(SessionState::SignedIn(Box::new(SignedIn {
                        user,
                        client,
                        credential: Credential::HostSession,
                    })));
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

/// Whether a profile's culture (`de-DE`, `en-US`) is in the language of `culture`.
fn same_language(profile: Option<&str>, culture: &str) -> bool {
    let language = |c: &str| c.split(['-', '_']).next().map(str::to_ascii_lowercase);
    profile.is_some_and(|p| language(p) == language(culture))
}

/// The [`Session`] provided at the root.
pub fn use_session() -> Session {
    // `Shell` provides it before any page renders.
    expect_context::<Session>()
}
