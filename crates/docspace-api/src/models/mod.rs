//! Typed models of what the portal answers.

mod people;

pub use people::Employee;
