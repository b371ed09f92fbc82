//! One component per mode, each taking its typed config and the events its frame sends.

use std::sync::Arc;

use leptos::prelude::*;

use super::docspace::{EventProps, embed};
use super::frame_ref::FrameRef;
use crate::bridge::FrameOptions;
use crate::config::FrameConfig;
use crate::config::modes::{
    EditorConfig, FileSelectorConfig, ManagerConfig, PublicRoomConfig, RoomSelectorConfig,
    SystemConfig, ViewerConfig,
};
use crate::error::SdkError;
use crate::events::FrameEvent;
use crate::model::{EditorOpen, FileItem, Item};

fn as_frame_config<C>(config: Signal<C>) -> Signal<FrameConfig>
where
    C: Clone + Into<FrameConfig> + Send + Sync + 'static,
{
    // Only this small closure is made per config type; the derived signal is made once for all
    // (`Signal::derive` per type was 1.5 KB of wasm each).
    derive_config(Arc::new(move || config.get().into()))
}

fn derive_config(get: Arc<dyn Fn() -> FrameConfig + Send + Sync>) -> Signal<FrameConfig> {
    Signal::derive(move || get())
}

fn or_default<C: Default + Send + Sync + 'static>(config: Option<Signal<C>>) -> Signal<C> {
    config.unwrap_or_else(|| Signal::stored(C::default()))
}

frame_component! {
    /// The DocSpace file manager.
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use docspace_sdk::{ManagerConfig, components::Manager};
    ///
    /// let _ = view! {
    ///     <Manager portal="https://docs.example.com" config=ManagerConfig::new().show_menu(true)
    ///         on_file_click=|file: docspace_sdk::FileItem| leptos::logging::log!("{}", file.title)/>
    /// };
    /// ```
    Manager {
        /// What to show (default: the shared rooms list).
        #[prop(optional, into)]
        config: Option<Signal<ManagerConfig>> => as_frame_config(or_default(config)),
        ready: "The frame is usable.",
        /// A file should be opened (the manager then does not open it itself).
        on_editor_open: EditorOpen,
        /// A file was clicked (the manager then does not open it itself).
        on_file_click: FileItem,
        /// A download URL (with `download_to_event`).
        on_download: String,
        /// The user signed out.
        on_sign_out: (),
        /// The folder does not exist.
        on_not_found: (),
        /// No access to the folder.
        on_no_access: (),
    }
}

/// Declares a selector component (the room and file selectors share their props).
macro_rules! selector_component {
    ($(#[$doc:meta])* $name:ident, $config:ty) => {
        frame_component! {
            $(#[$doc])*
            $name {
                /// Selector settings (default: the official defaults).
                #[prop(optional, into)]
                config: Option<Signal<$config>> => as_frame_config(or_default(config)),
                ready: "The frame is usable (focus has moved into it).",
                /// The user picked items (focus returns to where it was).
                on_select: Vec<Item>,
                /// The user cancelled (focus returns to where it was).
                on_close: (),
            }
        }
    };
}

selector_component! {
    /// The room selector: `on_select` gets the picked rooms (with share keys for shared rooms).
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use docspace_sdk::{Item, components::RoomSelector};
    ///
    /// let _ = view! {
    ///     <RoomSelector portal="https://docs.example.com"
    ///         on_select={|rooms: Vec<Item>| leptos::logging::log!("{} room(s)", rooms.len())}/>
    /// };
    /// ```
    RoomSelector, RoomSelectorConfig
}

selector_component! {
    /// The file selector: `on_select` gets the picked file as a one-item list.
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use docspace_sdk::{FileSelectorConfig, FilterParam, Item, components::FileSelector};
    ///
    /// let _ = view! {
    ///     <FileSelector portal="https://docs.example.com"
    ///         config=FileSelectorConfig::new().filter_param(FilterParam::Docx)
    ///         on_select={|files: Vec<Item>| leptos::logging::log!("{:?}", files.first().map(|f| f.title().to_string()))}/>
    /// };
    /// ```
    FileSelector, FileSelectorConfig
}

/// Declares the editor and viewer components.
macro_rules! document_component {
    ($(#[$doc:meta])* $name:ident, $config:ty) => {
        frame_component! {
            $(#[$doc])*
            $name {
                /// The file and editor settings.
                #[prop(into)]
                config: Signal<$config> => as_frame_config(config),
                ready: "The document is open.",
                /// The close button (DocSpace then reports it instead of navigating away).
                on_editor_close: (),
            }
        }
    };
}

document_component! {
    /// The document editor.
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use docspace_sdk::{EditorConfig, components::Editor};
    ///
    /// let _ = view! { <Editor portal="https://docs.example.com" config=EditorConfig::new(42)/> };
    /// ```
    Editor, EditorConfig
}

document_component! {
    /// The read-only document viewer.
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use docspace_sdk::{ViewerConfig, components::Viewer};
    ///
    /// let _ = view! { <Viewer portal="https://docs.example.com" config=ViewerConfig::new(42)/> };
    /// ```
    Viewer, ViewerConfig
}

frame_component! {
    /// A public room, opened by its link's share key (no account needed).
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use docspace_sdk::{PublicRoomConfig, components::PublicRoom};
    ///
    /// let _ = view! {
    ///     <PublicRoom portal="https://docs.example.com" config=PublicRoomConfig::new("key")
    ///         on_no_access=|()| leptos::logging::warn!("the link expired")/>
    /// };
    /// ```
    PublicRoom {
        /// The room's share key and display settings.
        #[prop(into)]
        config: Signal<PublicRoomConfig> => as_frame_config(config),
        ready: "The room is shown.",
        /// The link is invalid.
        on_not_found: (),
        /// The link expired.
        on_no_access: (),
        /// A file was clicked (DocSpace then does not open it itself).
        on_file_click: FileItem,
        /// A download URL (with `download_to_event`).
        on_download: String,
    }
}

frame_component! {
    /// The invisible system frame: a handle for sign-in and user calls through
    /// [`FrameRef`]. It renders nothing visible.
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use docspace_sdk::components::{FrameRef, SystemFrame};
    ///
    /// let system = FrameRef::new();
    /// let sign_in = move |_| {
    ///     if let Some(frame) = system.get_untracked() {
    ///         leptos::task::spawn_local(async move {
    ///             let _ = frame.sign_in("owner@example.com", "secret").await;
    ///         });
    ///     }
    /// };
    /// let _ = view! {
    ///     <SystemFrame portal="https://docs.example.com" frame_ref=system/>
    ///     <button on:click=sign_in>"Sign in"</button>
    /// };
    /// ```
    SystemFrame["docspace--system"] {
        /// Theme and language (default: the official defaults).
        #[prop(optional, into)]
        config: Option<Signal<SystemConfig>> => as_frame_config(or_default(config)),
        ready: "The frame is usable.",
        /// The user signed out.
        on_sign_out: (),
    }
}
