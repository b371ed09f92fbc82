//! One module per route.

pub mod agents;
pub mod apps;
pub mod diagnostics;
pub mod file;
pub mod lazy;
pub mod not_found;
pub mod people;
pub mod playground;
pub mod room;
pub mod rooms;
pub mod sections;
pub mod sign_in;
pub mod sign_in_oauth;
pub mod trash;
