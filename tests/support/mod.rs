//! End-to-end harness, in the words of a user's steps:
//!
//! - `stack` starts the real host and devportal on loopback;
//! - `seed` puts rooms, folders and files on the portal through its REST API (what a test starts
//!   from), and `portal` reads what it holds (what a test checks against);
//! - `act` does what a user does in the browser (find, click, type, sign in, open);
//! - `check` waits for what a user would see;
//! - `requests` records the page's own requests, and holds chosen ones.
//!
//! Browser sessions come from `docspace-testkit`.

// Each e2e file uses a different subset.
#![allow(dead_code, unused_imports)]

mod act;
mod ai;
mod check;
mod portal;
mod requests;
mod seed;
mod stack;

pub use act::*;
pub use ai::*;
pub use check::*;
pub use docspace_testkit::thirtyfour::prelude::*;
pub use docspace_testkit::{
    dead_url, loopback_listener, text_of, wait_for, wait_until, with_browser,
};
pub use portal::*;
pub use requests::*;
pub use seed::*;
pub use stack::*;
