//! A reactive reference to a component's frame, for calling its methods.

use leptos::prelude::*;

use crate::bridge::{Frame, FrameStatus};

/// Gives access to the [`Frame`] a component embeds, and to its status, reactively.
///
/// ```no_run
/// use leptos::prelude::*;
/// use docspace_sdk::components::{FrameRef, Manager};
///
/// #[component]
/// fn Files() -> impl IntoView {
///     let frame = FrameRef::new();
///     let count = LocalResource::new(move || async move {
///         match frame.get() {
///             Some(f) if frame.is_ready() => f.get_files().await.map(|v| v.len()).ok(),
///             _ => None,
///         }
///     });
///     view! {
///         <Manager portal="https://docs.example.com" frame_ref=frame/>
///         <p>{move || count.get().flatten().map(|n| format!("{n} files"))}</p>
///     }
/// }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct FrameRef {
    frame: RwSignal<Option<Frame>, LocalStorage>,
    status: RwSignal<FrameStatus>,
}

impl Default for FrameRef {
    fn default() -> Self {
        FrameRef::new()
    }
}

impl FrameRef {
    /// An empty reference; pass it to a component's `frame_ref`.
    pub fn new() -> Self {
        FrameRef {
            frame: RwSignal::new_local(None),
            status: RwSignal::new(FrameStatus::Loading),
        }
    }

    /// The frame (tracked), while the component is mounted.
    pub fn get(&self) -> Option<Frame> {
        self.frame.get()
    }

    /// The frame, without tracking.
    pub fn get_untracked(&self) -> Option<Frame> {
        self.frame.get_untracked()
    }

    /// The frame's status (tracked).
    pub fn status(&self) -> FrameStatus {
        self.status.get()
    }

    /// Whether the frame is ready (tracked).
    pub fn is_ready(&self) -> bool {
        self.status.with(|s| *s == FrameStatus::Ready)
    }

    pub(crate) fn attach(&self, frame: Option<Frame>) {
        self.frame.try_set(frame);
    }

    pub(crate) fn set_status(&self, status: FrameStatus) {
        self.status.try_set(status);
    }
}
