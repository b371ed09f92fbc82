//! Leptos 0.8 components: the generic [`DocSpace`] and one per mode, each rendering a container
//! it owns and handing api.js a child of its own; the frame goes away with the component.

#[macro_use]
mod props;

mod diagnostic;
mod docspace;
mod frame_ref;
mod modes;
mod style;

pub use diagnostic::Diagnostic;
pub use docspace::DocSpace;
pub use frame_ref::FrameRef;
pub use modes::{Editor, FileSelector, Manager, PublicRoom, RoomSelector, SystemFrame, Viewer};
