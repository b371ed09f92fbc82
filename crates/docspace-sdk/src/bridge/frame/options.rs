//! [`FrameOptions`]: how the bridge runs a frame.

use std::time::Duration;

use crate::loader::SdkVersion;

/// How the bridge runs a frame: the script version, time limits, accessibility.
///
/// ```
/// use std::time::Duration;
/// use docspace_sdk::{FrameOptions, SdkVersion};
/// let opts = FrameOptions::default()
///     .version(SdkVersion::V2_0_0)
///     .call_timeout(Duration::from_secs(5))
///     .title("Pick the contract's room");
/// assert_eq!(opts.call_timeout_ms(), 5_000);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FrameOptions {
    pub(super) version: SdkVersion,
    pub(super) call_timeout_ms: u32,
    pub(super) ready_timeout_ms: u32,
    pub(super) late_reply_grace_ms: u32,
    pub(super) title: Option<String>,
    pub(super) focus_on_ready: Option<bool>,
    pub(super) boot_frame: Option<String>,
    pub(super) adopt: bool,
}

impl Default for FrameOptions {
    fn default() -> Self {
        FrameOptions {
            version: SdkVersion::default(),
            call_timeout_ms: 15_000,
            ready_timeout_ms: 30_000,
            late_reply_grace_ms: 3_000,
            title: None,
            focus_on_ready: None,
            boot_frame: None,
            adopt: true,
        }
    }
}

pub(super) fn millis(d: Duration) -> u32 {
    u32::try_from(d.as_millis()).unwrap_or(u32::MAX)
}

impl FrameOptions {
    /// The `api.js` version to load from the portal (default 2.1.0).
    pub fn version(mut self, version: SdkVersion) -> Self {
        self.version = version;
        self
    }

    /// How long a method call may take, waiting included (default 15 s).
    pub fn call_timeout(mut self, limit: Duration) -> Self {
        self.call_timeout_ms = millis(limit);
        self
    }

    /// How long the frame may take to complete its handshake before it is reported as not
    /// ready (default 30 s). The frame stays: it may still get ready, e.g. after a sign-in.
    pub fn ready_timeout(mut self, limit: Duration) -> Self {
        self.ready_timeout_ms = millis(limit);
        self
    }

    /// How long after a timed-out call its late reply is still expected, and dropped; later
    /// calls wait at most this long (default 3 s).
    pub fn late_reply_grace(mut self, grace: Duration) -> Self {
        self.late_reply_grace_ms = millis(grace);
        self
    }

    /// The iframe's `title` (default: the mode's name, e.g. "DocSpace room selector").
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Whether [`title`](Self::title) was given (else the components name the frame in the
    /// app's words, [`Texts::frames`](crate::texts::Texts::frames)).
    pub(crate) fn has_title(&self) -> bool {
        self.title.is_some()
    }

    /// Move focus into the frame when it is ready, and back when it closes (default: for the
    /// selectors only).
    pub fn focus_on_ready(mut self, yes: bool) -> Self {
        self.focus_on_ready = Some(yes);
        self
    }

    /// Adopt the frame the inline bootstrap ([`Bootstrap`](crate::Bootstrap)) created as
    /// `frame_id`. If its settings differ from this frame's (or its bootstrap failed), it is
    /// taken down and the frame created anew. Without this, a bootstrapped frame whose settings
    /// are exactly this frame's is adopted anyway.
    pub fn boot_frame(mut self, frame_id: impl Into<String>) -> Self {
        self.boot_frame = Some(frame_id.into());
        self
    }

    /// Whether to adopt a bootstrapped frame with exactly this frame's settings that
    /// [`boot_frame`](FrameOptions::boot_frame) does not name (default true).
    pub fn adopt(mut self, yes: bool) -> Self {
        self.adopt = yes;
        self
    }

    /// The script version.
    pub fn sdk_version(&self) -> SdkVersion {
        self.version
    }

    /// The call time limit in milliseconds.
    pub fn call_timeout_ms(&self) -> u32 {
        self.call_timeout_ms
    }
}
