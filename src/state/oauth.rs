//! "Sign in with DocSpace": OAuth2 with PKCE through `docspace_api::oauth`.
//!
//! The tab goes to the portal's own `/oauth2/authorize` (where the user signs in to the portal
//! and consents), and comes back to [`REDIRECT_PATH`]; the state, PKCE verifier and the path to
//! return to wait in `sessionStorage` meanwhile (`docspace_api::oauth::browser`). The access
//! token then lives in memory only, in the REST client; after a reload, or when the portal
//! refuses the token, the tab authorizes again and comes back where it was (the portal skips the
//! consent it already has). A refresh token, where the portal gives one, renews the token
//! before it expires instead. What is kept across the round trip besides the pending request is
//! [`MARKER`], which holds no secret: only that this tab signs in with DocSpace.

#[cfg(target_arch = "wasm32")]
use docspace_api::oauth::browser;
use docspace_api::oauth::{AuthorizationFlow, ErrorCode, Finished, OAuthError, Scope};

use crate::app_config::AppConfig;
use crate::locale::{Said, said};

/// Where the portal sends the tab back (registered with the portal's OAuth app).
pub const REDIRECT_PATH: &str = "/sign-in/oauth";

/// The areas the app works in, read and written, and reading one's own profile: the start of
/// what the app asks an OAuth token for ([`SCOPES`]) and of what it offers an API key
/// (`pages/apps/keys.rs`).
pub const AREAS: [Scope; 7] = [
    Scope::RoomsRead,
    Scope::RoomsWrite,
    Scope::FilesRead,
    Scope::FilesWrite,
    Scope::AccountsRead,
    Scope::AccountsWrite,
    Scope::AccountsSelfRead,
];

/// What the app asks for: the [`AREAS`] and changing one's own profile. An OAuth app cannot
/// have `*:write` (see `Scope::FOR_APPS`), so what only the global scopes cover (API keys, OAuth
/// apps, the portal's embedding settings) needs the password sign-in; the portal's refusal says so.
pub const SCOPES: [Scope; 8] = {
    let [a, b, c, d, e, f, g] = AREAS;
    [a, b, c, d, e, f, g, Scope::AccountsSelfWrite]
};

/// `sessionStorage` key: this tab signed in with DocSpace (not a secret).
pub const MARKER: &str = "docspace-embed.oauth";

/// The flow for this app, when the host names an OAuth app.
pub fn flow(config: &AppConfig) -> Option<AuthorizationFlow> {
    let client_id = config.oauth_client_id.as_deref()?;
    let origin = web_sys::window()?.location().origin().ok()?;
    Some(
        AuthorizationFlow::new(
            config.portal_url.clone(),
            client_id,
            format!("{origin}{REDIRECT_PATH}"),
        )
        .scopes(SCOPES),
    )
}

thread_local! {
    /// Set once the tab is on its way to the portal: several refused requests at once start one
    /// authorization, not one each (each would replace the pending state of the one before).
    static LEAVING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Sends the tab to the portal to authorize, to come back to `return_to`.
pub fn start(config: &AppConfig, return_to: &str) -> Result<(), Said> {
    let flow = flow(config).ok_or_else(|| said!(oauth.no_app))?;
    if LEAVING.with(std::cell::Cell::get) {
        return Ok(());
    }
    browser::start_here(&flow, return_to).map_err(|e| message(&e))?;
    LEAVING.with(|l| l.set(true));
    Ok(())
}

/// Finishes the flow from the tab's address (the code leaves the address bar first).
pub async fn finish(flow: &AuthorizationFlow) -> Result<Finished, OAuthError> {
    browser::finish_here(flow).await
}

/// The app runs in a browser; a native build (its end-to-end test binaries link the library)
/// never reaches these.
#[cfg(not(target_arch = "wasm32"))]
mod browser {
    use docspace_api::oauth::{AuthorizationFlow, Finished, OAuthError};

    fn not_here() -> OAuthError {
        OAuthError::Storage("not in a browser".into())
    }

    pub fn start_here(_: &AuthorizationFlow, _: &str) -> Result<(), OAuthError> {
        Err(not_here())
    }

    pub async fn finish_here(_: &AuthorizationFlow) -> Result<Finished, OAuthError> {
        Err(not_here())
    }
}

/// The tab's path and query: where to come back to.
pub fn here() -> String {
    web_sys::window()
        .map(|w| w.location())
        .and_then(|l| Some(format!("{}{}", l.pathname().ok()?, l.search().ok()?)))
        .unwrap_or_else(|| "/rooms".into())
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}

/// Remembers (or forgets) that this tab signs in with DocSpace.
pub fn mark(yes: bool) {
    if let Some(s) = storage() {
        let _ = if yes {
            s.set_item(MARKER, "1")
        } else {
            s.remove_item(MARKER)
        };
    }
}

/// Whether this tab signed in with DocSpace.
pub fn marked() -> bool {
    storage()
        .and_then(|s| s.get_item(MARKER).ok().flatten())
        .is_some()
}

/// What to tell the user about a failed DocSpace sign-in, worded when shown.
pub fn message(e: &OAuthError) -> Said {
    match e {
        OAuthError::Refused {
            code: ErrorCode::AccessDenied,
            ..
        } => said!(oauth.declined),
        OAuthError::Refused {
            code: ErrorCode::InvalidScope,
            description,
            ..
        } => {
            let description = description.clone();
            said!(oauth.invalid_scope, description = &description)
        }
        OAuthError::Refused {
            code, description, ..
        } => {
            let (code, description) = (format!("{code:?}"), description.clone());
            said!(oauth.refused, code = &code, description = &description)
        }
        OAuthError::StateMismatch | OAuthError::NotStarted => said!(oauth.not_started),
        OAuthError::ScopesNotGranted(missing) => {
            let scopes = missing
                .iter()
                .map(|s| s.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            said!(oauth.scopes_missing, scopes = &scopes)
        }
        other => {
            let reason = other.to_string();
            said!(oauth.unfinished, reason = &reason)
        }
    }
}
