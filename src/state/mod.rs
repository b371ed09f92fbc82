//! App-wide state, provided as context at the root.

pub mod auth;
pub(crate) mod cookies;
pub mod frames;
pub mod oauth;
pub mod session;
pub mod sign_in_attempts;
pub mod theme;

pub use session::{
    Credential, FramesSession, Session, SessionState, provide_session, session_expired, use_session,
};
pub use theme::{Theme, ThemeToggle, provide_theme, use_theme};
