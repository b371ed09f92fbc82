//! The flow in a browser tab: the pending request in `sessionStorage` (never `localStorage`),
//! the redirect to the portal, and the way back, whose `code` and `state` leave the address bar
//! (`history.replaceState`) before anything else runs.
//!
//! ```no_run
//! # async fn f() -> Result<(), docspace_api::oauth::OAuthError> {
//! use docspace_api::oauth::{AuthorizationFlow, Scope, browser};
//! let flow = AuthorizationFlow::new("https://portal.example.com", "client-id",
//!     "https://app.example.com/sign-in/oauth").scopes([Scope::RoomsRead]);
//! if browser::is_redirect_back_here() {
//!     let done = browser::finish_here(&flow).await?;
//!     // use done.tokens.access_token(); go to done.return_to
//! } else {
//!     browser::start_here(&flow, "/rooms")?; // the tab leaves for the portal
//! }
//! # Ok(()) }
//! ```

use wasm_bindgen::JsValue;

use super::{AuthorizationFlow, Finished, FlowStorage, OAuthError, is_redirect_back};

/// The tab's `sessionStorage`.
pub struct SessionStorage(web_sys::Storage);

impl SessionStorage {
    /// This tab's storage (an error where the browser blocks it).
    pub fn open() -> Result<SessionStorage, OAuthError> {
        web_sys::window()
            .and_then(|w| w.session_storage().ok().flatten())
            .map(SessionStorage)
            .ok_or_else(|| OAuthError::Storage("sessionStorage is not available".into()))
    }
}

impl FlowStorage for SessionStorage {
    fn get(&self, key: &str) -> Option<String> {
        self.0.get_item(key).ok().flatten()
    }

    fn set(&self, key: &str, value: &str) -> Result<(), OAuthError> {
        self.0
            .set_item(key, value)
            .map_err(|e| OAuthError::Storage(describe(&e)))
    }

    fn remove(&self, key: &str) {
        let _ = self.0.remove_item(key);
    }
}

fn describe(e: &JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

fn location() -> Result<web_sys::Location, OAuthError> {
    web_sys::window()
        .map(|w| w.location())
        .ok_or_else(|| OAuthError::Storage("no window".into()))
}

/// The tab's address.
pub fn current_url() -> Option<String> {
    location().ok()?.href().ok()
}

/// Whether the tab's address is a redirect back from the portal.
pub fn is_redirect_back_here() -> bool {
    current_url().is_some_and(|u| is_redirect_back(&u))
}

/// Replaces the tab's address with `path` without a navigation or a history entry.
pub fn replace_url(path: &str) {
    if let Some(h) = web_sys::window().and_then(|w| w.history().ok()) {
        let _ = h.replace_state_with_url(&JsValue::NULL, "", Some(path));
    }
}

/// Starts the flow and sends the tab to the portal's authorize page; `return_to` (a path of
/// this app) comes back in [`Finished::return_to`].
pub fn start_here(flow: &AuthorizationFlow, return_to: &str) -> Result<(), OAuthError> {
    let url = flow.start(&SessionStorage::open()?, return_to)?;
    location()?
        .assign(&url)
        .map_err(|e| OAuthError::Storage(describe(&e)))
}

/// Finishes the flow from the tab's address: the code and state are taken out of the address
/// bar first (whatever the outcome, so that a reload does not replay them and the code is not
/// left in the history), then checked and exchanged.
pub async fn finish_here(flow: &AuthorizationFlow) -> Result<Finished, OAuthError> {
    let here = current_url().ok_or(OAuthError::NoCode)?;
    let path = location()?.pathname().unwrap_or_else(|_| "/".into());
    replace_url(&path);
    flow.finish(&SessionStorage::open()?, &here).await
}
