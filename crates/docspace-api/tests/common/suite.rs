//! Integration test bodies, run natively against an in-process devportal and in headless Chromium
//! against the devportal `cargo xtask test` starts. They share one portal in the browser, so each
//! works on items it creates under unique names and never assumes an empty portal.
//!
//! The bodies live in one file per subject; this module gathers them under `suite::` for the
//! test binaries' macros, with the helpers they share.

use docspace_api::models::UserId;
use docspace_api::{Client, Error};
use futures::TryStreamExt;

pub use super::account_suite::*;
pub use super::files_suite::*;
pub use super::input_checks_suite::*;
pub use super::people_suite::*;
pub use super::portal_suite::*;
pub use super::rooms_suite::*;

pub fn field(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

pub async fn user_id(client: &Client, email: &str) -> UserId {
    let all: Vec<_> = client
        .people()
        .list()
        .stream()
        .try_collect()
        .await
        .expect("people");
    all.into_iter()
        .find(|u| u.email.as_deref() == Some(email))
        .unwrap_or_else(|| panic!("{email} is not on the portal"))
        .id
}

pub fn bytes_of(n: usize, seed: u8) -> Vec<u8> {
    (0..n)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}
