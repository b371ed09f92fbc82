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
#[component]
pub fn Manager(
    /// The portal's origin.
    #[prop(into)]
    portal: Signal<String>,
    /// What to show (default: the shared rooms list).
    #[prop(optional, into)]
    config: Option<Signal<ManagerConfig>>,
    /// Script version, time limits, iframe title.
    #[prop(optional)]
    options: FrameOptions,
    /// Receives the frame, to call its methods.
    #[prop(optional)]
    frame_ref: Option<FrameRef>,
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The frame is usable.
    #[prop(optional, into)]
    on_ready: Option<Callback<()>>,
    /// Every event.
    #[prop(optional, into)]
    on_event: Option<Callback<FrameEvent>>,
    /// The frame cannot work, or DocSpace reported an error.
    #[prop(optional, into)]
    on_error: Option<Callback<SdkError>>,
    /// A file should be opened (the manager then does not open it itself).
    #[prop(optional, into)]
    on_editor_open: Option<Callback<EditorOpen>>,
    /// A file was clicked (the manager then does not open it itself).
    #[prop(optional, into)]
    on_file_click: Option<Callback<FileItem>>,
    /// A download URL (with `download_to_event`).
    #[prop(optional, into)]
    on_download: Option<Callback<String>>,
    /// The user signed out.
    #[prop(optional, into)]
    on_sign_out: Option<Callback<()>>,
    /// The folder does not exist.
    #[prop(optional, into)]
    on_not_found: Option<Callback<()>>,
    /// No access to the folder.
    #[prop(optional, into)]
    on_no_access: Option<Callback<()>>,
) -> impl IntoView {
    let events = EventProps {
        on_ready,
        on_event,
        on_error,
        on_editor_open,
        on_file_click,
        on_download,
        on_sign_out,
        on_not_found,
        on_no_access,
        ..EventProps::default()
    };
    embed(
        portal,
        as_frame_config(or_default(config)),
        options,
        frame_ref,
        class,
        events,
    )
}

/// Declares a selector component (the room and file selectors share their props).
macro_rules! selector_component {
    ($(#[$doc:meta])* $name:ident, $config:ty) => {
        $(#[$doc])*
        #[component]
        pub fn $name(
            /// The portal's origin.
            #[prop(into)]
            portal: Signal<String>,
            /// Selector settings (default: the official defaults).
            #[prop(optional, into)]
            config: Option<Signal<$config>>,
            /// Script version, time limits, iframe title, focus.
            #[prop(optional)]
            options: FrameOptions,
            /// Receives the frame.
            #[prop(optional)]
            frame_ref: Option<FrameRef>,
            /// Extra classes.
            #[prop(optional, into)]
            class: MaybeProp<String>,
            /// The frame is usable (focus has moved into it).
            #[prop(optional, into)]
            on_ready: Option<Callback<()>>,
            /// Every event.
            #[prop(optional, into)]
            on_event: Option<Callback<FrameEvent>>,
            /// The frame cannot work, or DocSpace reported an error.
            #[prop(optional, into)]
            on_error: Option<Callback<SdkError>>,
            /// The user picked items (focus returns to where it was).
            #[prop(optional, into)]
            on_select: Option<Callback<Vec<Item>>>,
            /// The user cancelled (focus returns to where it was).
            #[prop(optional, into)]
            on_close: Option<Callback<()>>,
        ) -> impl IntoView {
            let events = EventProps {
                on_ready,
                on_event,
                on_error,
                on_select,
                on_close,
                ..EventProps::default()
            };
            embed(portal, as_frame_config(or_default(config)), options, frame_ref, class, events)
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
        $(#[$doc])*
        #[component]
        pub fn $name(
            /// The portal's origin.
            #[prop(into)]
            portal: Signal<String>,
            /// The file and editor settings.
            #[prop(into)]
            config: Signal<$config>,
            /// Script version, time limits, iframe title.
            #[prop(optional)]
            options: FrameOptions,
            /// Receives the frame.
            #[prop(optional)]
            frame_ref: Option<FrameRef>,
            /// Extra classes.
            #[prop(optional, into)]
            class: MaybeProp<String>,
            /// The document is open.
            #[prop(optional, into)]
            on_ready: Option<Callback<()>>,
            /// Every event.
            #[prop(optional, into)]
            on_event: Option<Callback<FrameEvent>>,
            /// The frame cannot work, or DocSpace reported an error.
            #[prop(optional, into)]
            on_error: Option<Callback<SdkError>>,
            /// The close button (DocSpace then reports it instead of navigating away).
            #[prop(optional, into)]
            on_editor_close: Option<Callback<()>>,
        ) -> impl IntoView {
            let events = EventProps {
                on_ready,
                on_event,
                on_error,
                on_editor_close,
                ..EventProps::default()
            };
            embed(portal, as_frame_config(config), options, frame_ref, class, events)
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
#[component]
pub fn PublicRoom(
    /// The portal's origin.
    #[prop(into)]
    portal: Signal<String>,
    /// The room's share key and display settings.
    #[prop(into)]
    config: Signal<PublicRoomConfig>,
    /// Script version, time limits, iframe title.
    #[prop(optional)]
    options: FrameOptions,
    /// Receives the frame.
    #[prop(optional)]
    frame_ref: Option<FrameRef>,
    /// Extra classes.
    #[prop(optional, into)]
    class: MaybeProp<String>,
    /// The room is shown.
    #[prop(optional, into)]
    on_ready: Option<Callback<()>>,
    /// Every event.
    #[prop(optional, into)]
    on_event: Option<Callback<FrameEvent>>,
    /// The frame cannot work, or DocSpace reported an error.
    #[prop(optional, into)]
    on_error: Option<Callback<SdkError>>,
    /// The link is invalid.
    #[prop(optional, into)]
    on_not_found: Option<Callback<()>>,
    /// The link expired.
    #[prop(optional, into)]
    on_no_access: Option<Callback<()>>,
    /// A file was clicked (DocSpace then does not open it itself).
    #[prop(optional, into)]
    on_file_click: Option<Callback<FileItem>>,
    /// A download URL (with `download_to_event`).
    #[prop(optional, into)]
    on_download: Option<Callback<String>>,
) -> impl IntoView {
    let events = EventProps {
        on_ready,
        on_event,
        on_error,
        on_not_found,
        on_no_access,
        on_file_click,
        on_download,
        ..EventProps::default()
    };
    embed(
        portal,
        as_frame_config(config),
        options,
        frame_ref,
        class,
        events,
    )
}

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
#[component]
pub fn SystemFrame(
    /// The portal's origin.
    #[prop(into)]
    portal: Signal<String>,
    /// Theme and language (default: the official defaults).
    #[prop(optional, into)]
    config: Option<Signal<SystemConfig>>,
    /// Script version, time limits.
    #[prop(optional)]
    options: FrameOptions,
    /// Receives the frame, to call its methods.
    #[prop(optional)]
    frame_ref: Option<FrameRef>,
    /// The frame is usable.
    #[prop(optional, into)]
    on_ready: Option<Callback<()>>,
    /// Every event.
    #[prop(optional, into)]
    on_event: Option<Callback<FrameEvent>>,
    /// The frame cannot work, or DocSpace reported an error.
    #[prop(optional, into)]
    on_error: Option<Callback<SdkError>>,
    /// The user signed out.
    #[prop(optional, into)]
    on_sign_out: Option<Callback<()>>,
) -> impl IntoView {
    let events = EventProps {
        on_ready,
        on_event,
        on_error,
        on_sign_out,
        ..EventProps::default()
    };
    let class = MaybeProp::from("docspace--system".to_string());
    embed(
        portal,
        as_frame_config(or_default(config)),
        options,
        frame_ref,
        class,
        events,
    )
}
