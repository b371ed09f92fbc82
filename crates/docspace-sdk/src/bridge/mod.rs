//! The hardened bridge over api.js: the message guard, the per-frame bus state, frames and their
//! typed methods.

pub(crate) mod channel;
pub mod frame;
pub(crate) mod guard;
pub(crate) mod instance;
pub(crate) mod js;
pub mod methods;
pub(crate) mod timer;

pub use frame::{Applied, Frame, FrameOptions, FrameStatus};
pub use guard::{BridgeStats, bridge_stats};
