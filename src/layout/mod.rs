//! The frame around every page: navigation, the signed-in user, and the guard that sends signed-out
//! visitors to the sign-in page.

mod guard;
mod nav;

pub use guard::RequireSession;
pub use nav::Nav;
