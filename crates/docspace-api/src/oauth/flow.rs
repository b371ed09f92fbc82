//! The authorization-code flow with PKCE as a page or a tool runs it: [`AuthorizationFlow::start`]
//! makes a `state` and a PKCE pair, keeps them with the place to come back to in a
//! [`FlowStorage`], and gives the URL to send the browser to; [`AuthorizationFlow::finish`]
//! reads the redirect back, checks its `state` against the kept one (and forgets it: a pending
//! request is answered once), and exchanges the code. [`HeldTokens`] then says when to refresh,
//! or, without a refresh token, to authorize again.
//!
//! In a browser the storage is `sessionStorage` (`oauth::browser`, wasm32 only): it survives the
//! round trip to the portal and back in the same tab, and ends with the tab; `localStorage` would
//! keep the PKCE verifier (a secret until the exchange) on disk for every tab of the origin.
//! Tests and tools use [`MemoryStorage`].

use std::cell::RefCell;
use std::collections::HashMap;
use std::time::Duration;

use serde::{Deserialize, Serialize};
use web_time::SystemTime;

use super::{
    AuthorizeRequest, ErrorCode, OAuthClient, OAuthError, Pkce, Scope, TokenSet,
    code_from_redirect, random_state,
};

/// The key under which a flow keeps its pending request.
pub const PENDING_KEY: &str = "docspace-api.oauth.pending";

/// How long before expiry [`HeldTokens::renewal`] asks for a new token, so that a request sent
/// just before the deadline does not arrive just after it.
pub const RENEW_MARGIN: Duration = Duration::from_secs(60);

/// Where a flow keeps its pending request between leaving for the portal and coming back.
pub trait FlowStorage {
    /// The value under `key`.
    fn get(&self, key: &str) -> Option<String>;
    /// Keeps `value` under `key`.
    fn set(&self, key: &str, value: &str) -> Result<(), OAuthError>;
    /// Forgets `key`.
    fn remove(&self, key: &str);
}

/// A [`FlowStorage`] in memory (native tools, tests).
#[derive(Debug, Default)]
pub struct MemoryStorage(RefCell<HashMap<String, String>>);

impl FlowStorage for MemoryStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.0.borrow().get(key).cloned()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), OAuthError> {
        self.0.borrow_mut().insert(key.into(), value.into());
        Ok(())
    }

    fn remove(&self, key: &str) {
        self.0.borrow_mut().remove(key);
    }
}

#[derive(Serialize, Deserialize)]
struct Pending {
    state: String,
    verifier: String,
    return_to: String,
}

/// One client's authorization flow against one portal.
#[derive(Debug, Clone)]
pub struct AuthorizationFlow {
    portal: String,
    client_id: String,
    redirect_uri: String,
    scopes: Vec<Scope>,
}

/// A finished flow: the tokens, and where the user was when it started.
#[derive(Debug)]
pub struct Finished {
    /// The tokens, with their deadline.
    pub tokens: HeldTokens,
    /// The `return_to` given to [`AuthorizationFlow::start`].
    pub return_to: String,
}

impl AuthorizationFlow {
    /// A flow for `client_id` (a PKCE client: no secret) coming back to `redirect_uri`, one of
    /// the client's registered URIs (DocSpace compares them exactly).
    pub fn new(
        portal: impl Into<String>,
        client_id: impl Into<String>,
        redirect_uri: impl Into<String>,
    ) -> Self {
        AuthorizationFlow {
            portal: portal.into().trim_end_matches('/').to_string(),
            client_id: client_id.into(),
            redirect_uri: redirect_uri.into(),
            scopes: Vec::new(),
        }
    }

    /// The scopes to ask for.
    pub fn scopes(mut self, scopes: impl IntoIterator<Item = Scope>) -> Self {
        self.scopes = scopes.into_iter().collect();
        self
    }

    /// The redirect URI.
    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }

    /// Starts an authorization: keeps a new `state`, PKCE verifier and `return_to` in `store`
    /// (replacing any earlier pending one) and returns the portal's authorize URL.
    pub fn start(&self, store: &dyn FlowStorage, return_to: &str) -> Result<String, OAuthError> {
        let pkce = Pkce::generate()?;
        let state = random_state()?;
        let pending = Pending {
            state: state.clone(),
            verifier: pkce.verifier().to_string(),
            return_to: return_to.to_string(),
        };
        let json = serde_json::to_string(&pending)
            .map_err(|e| OAuthError::Storage(format!("cannot encode: {e}")))?;
        store.set(PENDING_KEY, &json)?;
        Ok(AuthorizeRequest::new(&self.client_id, &self.redirect_uri)
            .scopes(self.scopes.iter().copied())
            .state(&state)
            .pkce(&pkce)
            .url(&self.portal))
    }

    /// Reads the redirect (`?code=…&state=…`, or `?error=…`): checks it against the pending
    /// request, which is forgotten whatever the outcome. Returns the code, the PKCE pair and
    /// `return_to`. A denial is [`OAuthError::Refused`] with [`ErrorCode::AccessDenied`].
    pub fn callback(
        &self,
        store: &dyn FlowStorage,
        redirected: &str,
    ) -> Result<(String, Pkce, String), OAuthError> {
        let pending = store.get(PENDING_KEY);
        store.remove(PENDING_KEY);
        let pending: Pending = pending
            .and_then(|p| serde_json::from_str(&p).ok())
            .ok_or(OAuthError::NotStarted)?;
        let code = code_from_redirect(redirected, &pending.state)?;
        let pkce = Pkce::from_verifier(&pending.verifier)?;
        Ok((code, pkce, pending.return_to))
    }

    /// [`AuthorizationFlow::callback`], then the code exchange at the portal's token endpoint.
    pub async fn finish(
        &self,
        store: &dyn FlowStorage,
        redirected: &str,
    ) -> Result<Finished, OAuthError> {
        let (code, pkce, return_to) = self.callback(store, redirected)?;
        let tokens = self
            .token_client()?
            .exchange_code(&code, &self.redirect_uri, &pkce)
            .await?;
        Ok(Finished {
            tokens: HeldTokens::new(tokens, SystemTime::now()),
            return_to,
        })
    }

    /// Renews `held` with its refresh token ([`OAuthError::NoRefreshToken`] without one: then
    /// [`AuthorizationFlow::start`] again).
    pub async fn refresh(&self, held: &HeldTokens) -> Result<HeldTokens, OAuthError> {
        let refresh = held
            .tokens
            .refresh_token
            .as_deref()
            .ok_or(OAuthError::NoRefreshToken)?;
        let tokens = self.token_client()?.refresh(refresh).await?;
        Ok(HeldTokens::new(tokens, SystemTime::now()))
    }

    /// Revokes the held access token (a public client may revoke its own tokens only where the
    /// portal allows it; DocSpace wants the client's secret, so this mostly serves tools).
    pub async fn revoke(&self, held: &HeldTokens) -> Result<(), OAuthError> {
        self.token_client()?.revoke(held.access_token()).await
    }

    fn token_client(&self) -> Result<OAuthClient, OAuthError> {
        OAuthClient::new(self.portal.clone(), self.client_id.clone(), None)
    }
}

/// What to do before the next request with [`HeldTokens`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Renewal {
    /// The access token is good for longer than [`RENEW_MARGIN`].
    Fresh,
    /// Refresh it now ([`AuthorizationFlow::refresh`]).
    Refresh,
    /// No refresh token: authorize again ([`AuthorizationFlow::start`]) once it expires.
    Reauthorize,
}

/// A token set with the moment it expires. Secrets stay out of `Debug`.
#[derive(Debug, Clone)]
pub struct HeldTokens {
    tokens: TokenSet,
    expires_at: Option<SystemTime>,
}

impl HeldTokens {
    /// `tokens` received at `received`.
    pub fn new(tokens: TokenSet, received: SystemTime) -> Self {
        let expires_at = tokens.expires_in.map(|s| received + Duration::from_secs(s));
        HeldTokens { tokens, expires_at }
    }

    /// The access token, for [`crate::ClientBuilder::oauth_token`].
    pub fn access_token(&self) -> &str {
        &self.tokens.access_token
    }

    /// The token set.
    pub fn tokens(&self) -> &TokenSet {
        &self.tokens
    }

    /// When the access token expires (unknown when the server gave no `expires_in`).
    pub fn expires_at(&self) -> Option<SystemTime> {
        self.expires_at
    }

    /// How long until [`HeldTokens::renewal`] stops answering [`Renewal::Fresh`].
    pub fn fresh_for(&self, now: SystemTime) -> Option<Duration> {
        let deadline = self.expires_at?.checked_sub(RENEW_MARGIN)?;
        Some(deadline.duration_since(now).unwrap_or(Duration::ZERO))
    }

    /// Whether to refresh, or authorize again, before using the token at `now`.
    pub fn renewal(&self, now: SystemTime) -> Renewal {
        match self.fresh_for(now) {
            Some(d) if d.is_zero() => {
                if self.tokens.refresh_token.is_some() {
                    Renewal::Refresh
                } else {
                    Renewal::Reauthorize
                }
            }
            _ => Renewal::Fresh,
        }
    }

    /// Checks that every scope in `needed` was granted; the error names the missing ones.
    pub fn require(&self, needed: &[Scope]) -> Result<(), OAuthError> {
        let granted = self.tokens.scopes();
        let implied = |s: &Scope| {
            granted.contains(s)
                || granted.contains(&Scope::AllWrite)
                || (s.as_str().ends_with(":read") && granted.contains(&Scope::AllRead))
        };
        let missing: Vec<Scope> = needed.iter().copied().filter(|s| !implied(s)).collect();
        if missing.is_empty() {
            Ok(())
        } else {
            Err(OAuthError::ScopesNotGranted(missing))
        }
    }
}

/// Whether `url` is a redirect back from the authorization server (`code` or `error` with
/// `state` in its query): what a page checks before calling [`AuthorizationFlow::finish`].
pub fn is_redirect_back(url: &str) -> bool {
    let query = url
        .split_once('?')
        .map(|(_, q)| q.split('#').next().unwrap_or(""))
        .unwrap_or("");
    let names: Vec<String> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, _)| k.into_owned())
        .collect();
    let has = |n: &str| names.iter().any(|k| k == n);
    has("state") && (has("code") || has("error"))
}

/// Whether `e` is the user declining on the consent page.
pub fn is_denied(e: &OAuthError) -> bool {
    matches!(
        e,
        OAuthError::Refused {
            code: ErrorCode::AccessDenied,
            ..
        }
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn token(expires_in: Option<u64>, refresh: bool, scope: &str) -> TokenSet {
        serde_json::from_value(serde_json::json!({
            "access_token": "at", "token_type": "Bearer", "expires_in": expires_in,
            "refresh_token": refresh.then_some("rt"), "scope": scope,
        }))
        .expect("token set")
    }

    #[test]
    fn a_pending_request_is_answered_once_and_only_by_its_state() {
        let flow = AuthorizationFlow::new("https://p.test/", "cid", "https://app.test/cb")
            .scopes([Scope::RoomsRead]);
        let store = MemoryStorage::default();
        let url = flow.start(&store, "/rooms/5").expect("url");
        assert!(url.starts_with("https://p.test/oauth2/authorize?"), "{url}");
        let kept: Pending =
            serde_json::from_str(&store.get(PENDING_KEY).expect("kept")).expect("json");
        assert!(url.contains(&format!("state={}", kept.state)));
        assert!(!url.contains(&kept.verifier), "the verifier never leaves");

        // Another state: refused, and the pending request is gone.
        let e = flow.callback(&store, "https://app.test/cb?code=c&state=forged");
        assert_eq!(e.err(), Some(OAuthError::StateMismatch));
        assert_eq!(store.get(PENDING_KEY), None);
        let back = format!("https://app.test/cb?code=c&state={}", kept.state);
        assert_eq!(
            flow.callback(&store, &back).err(),
            Some(OAuthError::NotStarted)
        );

        // The right one, once.
        flow.start(&store, "/rooms/5").expect("url");
        let kept: Pending =
            serde_json::from_str(&store.get(PENDING_KEY).expect("kept")).expect("json");
        let back = format!("https://app.test/cb?code=c&state={}", kept.state);
        assert!(is_redirect_back(&back));
        let (code, pkce, to) = flow.callback(&store, &back).expect("answered");
        assert_eq!((code.as_str(), to.as_str()), ("c", "/rooms/5"));
        assert_eq!(pkce.verifier(), kept.verifier);
        assert_eq!(
            flow.callback(&store, &back).err(),
            Some(OAuthError::NotStarted)
        );
    }

    #[test]
    fn a_denial_and_a_redirect_without_code_are_typed() {
        let flow = AuthorizationFlow::new("https://p.test", "cid", "https://app.test/cb");
        let store = MemoryStorage::default();
        flow.start(&store, "/").expect("url");
        let kept: Pending =
            serde_json::from_str(&store.get(PENDING_KEY).expect("kept")).expect("json");
        let denied = format!(
            "https://app.test/cb?error=access_denied&error_description=no&state={}",
            kept.state
        );
        assert!(is_redirect_back(&denied));
        let e = flow.callback(&store, &denied).expect_err("denied");
        assert!(is_denied(&e), "{e:?}");
        flow.start(&store, "/").expect("url");
        let kept: Pending =
            serde_json::from_str(&store.get(PENDING_KEY).expect("kept")).expect("json");
        let bare = format!("https://app.test/cb?state={}", kept.state);
        assert!(!is_redirect_back(&bare));
        assert_eq!(flow.callback(&store, &bare).err(), Some(OAuthError::NoCode));
        store.set(PENDING_KEY, "not json").expect("set");
        assert_eq!(
            flow.callback(&store, &bare).err(),
            Some(OAuthError::NotStarted)
        );
    }

    #[test]
    fn renewal_refreshes_before_expiry_or_authorizes_again() {
        let t0 = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000_000);
        let held = HeldTokens::new(token(Some(3600), true, "rooms:read"), t0);
        assert_eq!(held.renewal(t0), Renewal::Fresh);
        assert_eq!(held.fresh_for(t0), Some(Duration::from_secs(3540)));
        assert_eq!(
            held.renewal(t0 + Duration::from_secs(3541)),
            Renewal::Refresh
        );
        let public = HeldTokens::new(token(Some(3600), false, "rooms:read"), t0);
        assert_eq!(
            public.renewal(t0 + Duration::from_secs(4000)),
            Renewal::Reauthorize
        );
        let unknown = HeldTokens::new(token(None, false, ""), t0);
        assert_eq!(
            unknown.renewal(t0 + Duration::from_secs(99_999)),
            Renewal::Fresh
        );
        assert!(!format!("{held:?}").contains("\"at\""));
    }

    #[test]
    fn missing_scopes_are_named() {
        let t0 = SystemTime::UNIX_EPOCH;
        let held = HeldTokens::new(token(None, false, "rooms:read accounts.self:read"), t0);
        assert_eq!(held.require(&[Scope::RoomsRead]), Ok(()));
        assert_eq!(
            held.require(&[Scope::RoomsRead, Scope::FilesWrite, Scope::AccountsRead]),
            Err(OAuthError::ScopesNotGranted(vec![
                Scope::FilesWrite,
                Scope::AccountsRead
            ]))
        );
        let all = HeldTokens::new(token(None, false, "*:read"), t0);
        assert_eq!(all.require(&[Scope::FilesRead]), Ok(()));
        assert!(all.require(&[Scope::FilesWrite]).is_err());
    }
}
