//! The measurements behind `cargo xtask bench`, and the small pieces of arithmetic and reporting
//! they share. Every figure is either a count or a ratio against a baseline measured in the same
//! run; nothing here asserts on time.

pub mod report;
pub mod stats;
