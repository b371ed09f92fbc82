//! Typed Leptos components and a hardened bridge over the official ONLYOFFICE DocSpace Embed SDK.
//!
//! The portal's own `api.js` is the engine; this crate loads it once per portal and version,
//! copes with 2.1.0's lost global, and reports typed errors.
//!
//! ```no_run
//! # async fn demo() -> Result<(), docspace_sdk::SdkError> {
//! use docspace_sdk::{SdkVersion, load_sdk};
//!
//! let sdk = load_sdk("http://127.0.0.1:8092", SdkVersion::V2_1_0).await?;
//! assert_eq!(sdk.version(), SdkVersion::V2_1_0);
//! # Ok(()) }
//! ```

mod error;
mod loader;

pub use error::SdkError;
pub use loader::{LoadedSdk, SdkVersion, load_sdk};
