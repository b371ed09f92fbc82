//! Signing in and out: with a password (REST, then the frames), with DocSpace (OAuth, its token
//! kept fresh), the frames alone, and out of all of them.

use docspace_api::Auth;
use docspace_api::Client;
use docspace_api::oauth::{HeldTokens, Renewal};
use leptos::prelude::*;

use super::store_token;
use super::{Credential, FramesSession, Session, SessionState};
use crate::errors::user_message;
use crate::locale::{Said, said};
use crate::state::auth::{self, Kept};
use crate::state::sign_in_attempts::SignInAttempts;
use crate::state::{frames, oauth};

impl Session {
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
        self.set_signed_in(user, client, credential);
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
        self.set_signed_in(user, client.clone(), Credential::OAuth);
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
}
