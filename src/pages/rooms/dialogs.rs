//! The dashboard's dialogs (create or edit a room, delete a room, the room template dialogs),
//! loaded apart from the list.
//!
//! Under feature `split`, [`dialog_view`] is a split point: the forms, their validation and the
//! calls they make are in the `forms` chunk (with the sign-in page, `pages/lazy.rs`), fetched when
//! the browser is idle after the list has painted ([`preload`]), or on the first opening,
//! whichever comes first. [`open`] opens a dialog only once
//! its code is there, so the dialog never shows empty and its focus lands on its first field as
//! before the split; a chunk that cannot be fetched is a message, not an empty dialog.

use docspace_api::Client;
use docspace_api::models::{Room, RoomId};
use leptos::prelude::*;

use super::delete::DeleteRoom;
use super::room_form::RoomForm;
use super::templates::{RoomFromTemplate, SaveTemplate, TemplatePublic};
use crate::components::{ErrorState, Toaster};
use crate::locale::said;
use crate::split::{SplitLoaderError, not_loaded};

/// Which dialog, with what it needs.
pub enum RoomsDialog {
    /// Create a room (`editing: None`) or edit one.
    Form {
        client: Client,
        editing: Option<Room>,
        on_saved: Callback<Room>,
        on_cancel: Callback<()>,
        tag_suggestions: Signal<Vec<String>>,
    },
    /// Delete `room` (with progress).
    Delete {
        client: Client,
        room: Room,
        on_done: Callback<()>,
        on_cancel: Callback<()>,
    },
    /// Save `room` as a template (with progress); `on_done` gets the template's title.
    SaveTemplate {
        client: Client,
        room: Room,
        on_done: Callback<String>,
        on_cancel: Callback<()>,
    },
    /// Create a room from `template` (with progress); `on_done` gets the new room.
    FromTemplate {
        client: Client,
        template: Room,
        on_done: Callback<RoomId>,
        on_cancel: Callback<()>,
        tag_suggestions: Signal<Vec<String>>,
    },
    /// Make `template` public or not; `on_done` gets the setting.
    TemplatePublic {
        client: Client,
        template: Room,
        on_done: Callback<bool>,
        on_cancel: Callback<()>,
    },
}

/// Starts fetching the dialogs' code ahead of the first opening (feature `split`; otherwise
/// there is nothing to fetch). A failure is reported by [`open`].
pub fn preload() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = fetch_chunk().await;
    });
}

/// Opens a dialog once its code is there; if it cannot be fetched, says so and stays closed.
pub fn open(dialog: RwSignal<bool>, toaster: Toaster) {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async move {
        match fetch_chunk().await {
            Ok(()) => dialog.set(true),
            Err(_) => toaster.error(said!(common.dialog_open_failed), not_loaded()),
        }
    });
    #[cfg(not(feature = "split"))]
    {
        let _ = toaster;
        dialog.set(true);
    }
}

/// The content of an open dialog. [`open`] has fetched its code, so it renders at once.
pub fn content(dialog: RoomsDialog) -> impl IntoView {
    let shown = |view: Result<AnyView, SplitLoaderError>| {
        view.unwrap_or_else(|_| {
            view! { <ErrorState title=said!(common.dialog_load_failed) message=not_loaded()/> }
                .into_any()
        })
    };
    #[cfg(feature = "split")]
    {
        // `Suspend` wants a `Send` future; the app is single-threaded in the browser. Once the
        // chunk is there, the future is ready at its first poll and the view renders at once.
        Suspend::new(send_wrapper::SendWrapper::new(async move {
            shown(dialog_view(dialog).await)
        }))
    }
    #[cfg(not(feature = "split"))]
    {
        shown(dialog_view(dialog))
    }
}

/// The split point: one for every dialog, so they are one chunk.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(forms, fallible, preload(fetch_chunk))
)]
fn dialog_view(dialog: RoomsDialog) -> Result<AnyView, SplitLoaderError> {
    Ok(match dialog {
        RoomsDialog::Form {
            client,
            editing,
            on_saved,
            on_cancel,
            tag_suggestions,
        } => view! {
            <RoomForm
                client=client
                editing=editing
                on_saved=on_saved
                on_cancel=on_cancel
                tag_suggestions=tag_suggestions
            />
        }
        .into_any(),
        RoomsDialog::Delete {
            client,
            room,
            on_done,
            on_cancel,
        } => view! { <DeleteRoom client=client room=room on_done=on_done on_cancel=on_cancel/> }
            .into_any(),
        RoomsDialog::SaveTemplate {
            client,
            room,
            on_done,
            on_cancel,
        } => view! { <SaveTemplate client=client room=room on_done=on_done on_cancel=on_cancel/> }
            .into_any(),
        RoomsDialog::FromTemplate {
            client,
            template,
            on_done,
            on_cancel,
            tag_suggestions,
        } => view! {
            <RoomFromTemplate
                client=client
                template=template
                on_done=on_done
                on_cancel=on_cancel
                tag_suggestions=tag_suggestions
            />
        }
        .into_any(),
        RoomsDialog::TemplatePublic {
            client,
            template,
            on_done,
            on_cancel,
        } => view! {
            <TemplatePublic client=client template=template on_done=on_done on_cancel=on_cancel/>
        }
        .into_any(),
    })
}
