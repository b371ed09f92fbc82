//! Parts of the app fetched when first needed (feature `split`).
//!
//! Pages are split at their routes (`pages/lazy.rs`). Inside the main module, a few parts that the
//! rooms list does not need to paint are split points of their own: the embedded frames' sign-in
//! and sign-out (`state/frames.rs`) and the rooms dialogs (`pages/rooms/dialogs.rs`). Those are
//! declared `fallible` (`wasm_split_helpers`), so a chunk that cannot be fetched (the network went
//! away, a deploy replaced the files) is an error the user is told about, not a panic.

pub use wasm_split_helpers::SplitLoaderError;

/// What the user is told when a chunk could not be fetched, worded when shown.
pub fn not_loaded() -> crate::locale::Said {
    crate::locale::said!(common.not_loaded)
}
