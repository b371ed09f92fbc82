//! The app's design system: one component per folder, its CSS beside it (linked from
//! `index.html`). Server text reaches these only as text nodes, never as HTML.

pub mod breadcrumbs;
pub mod button;
pub mod color_picker;
pub mod confirm;
pub mod debounce;
pub mod dialog;
pub mod empty_state;
pub mod field;
pub mod menu;
pub mod pending;
pub mod progress;
pub mod spinner;
pub mod tag_input;
pub mod toast;
pub mod virtual_list;

pub use breadcrumbs::{Breadcrumbs, Crumb};
pub use button::{Button, ButtonAppearance};
pub use color_picker::ColorPicker;
pub use confirm::ConfirmInline;
pub use debounce::after_typing_pause;
pub use dialog::Dialog;
pub use empty_state::{EmptyState, ErrorState};
pub use field::{Checkbox, InputKind, Select, SelectOption, TextField};
pub use menu::{Menu, MenuItem, actions_label};
pub use pending::{Pending, PendingError, use_pending};
pub use progress::ProgressBar;
pub use spinner::Loading;
pub use tag_input::TagInput;
pub use toast::{ToastRegion, Toaster, provide_toaster, use_toaster};
pub use virtual_list::VirtualList;

use std::sync::atomic::{AtomicU64, Ordering};

/// A page-unique element id starting with `prefix`, for label/description wiring.
pub fn unique_id(prefix: &str) -> String {
    static NEXT: AtomicU64 = AtomicU64::new(1);
    format!("{prefix}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// A CSS length in whole pixels. Formatting an `f64` would bring core's float printing (about
/// 10 KB of code and tables) into the app's first module for values that are whole pixels anyway.
pub(crate) fn px(v: f64) -> String {
    format!("{}px", v.round() as i64)
}
