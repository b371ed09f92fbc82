//! A typed REST client for ONLYOFFICE DocSpace, on wasm32 (browser `fetch`) and native.
//!
//! ```no_run
//! # async fn demo() -> Result<(), docspace_api::Error> {
//! use docspace_api::Client;
//!
//! let client = Client::builder("http://127.0.0.1:8092").api_key("sk-…").build()?;
//! let me = client.people().me().await?;
//! println!("signed in as {}", me.display_name);
//! # Ok(()) }
//! ```

mod client;
mod envelope;
mod error;
pub mod models;
mod people;
mod transport;

pub use client::{Auth, Client, ClientBuilder};
pub use error::Error;
pub use people::PeopleHandler;
