//! Typed events and the Rust handlers that receive them.

use std::fmt;
use std::rc::Rc;

use serde_json::Value;

use crate::bridge::js::json_text;
use crate::config::Mode;
use crate::error::SdkError;
use crate::model::{EditorOpen, FileItem, Item};

/// Something a frame reported.
///
/// ```
/// use docspace_sdk::{FrameEvent, FrameEvents};
/// let events = FrameEvents::new().on_event(|e| match e {
///     FrameEvent::Select(items) => println!("{} picked", items.len()),
///     FrameEvent::Error(err) => println!("{}", err.diagnosis().fix),
///     _ => {}
/// });
/// ```
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum FrameEvent {
    /// The frame completed DocSpace's handshake and is usable: it took its config, reported
    /// `onAppReady` in the modes that send one, and its content is shown (`onContentReady`).
    /// Sent once per frame.
    Ready,
    /// `onAppReady`: DocSpace's own ready signal (manager and system repeat it on every
    /// `setConfig`; the editor sends it when the document is open; `/sdk` pages never do).
    AppReady,
    /// `onContentReady`: api.js revealed the frame (after its page loaded or said it was loaded).
    ContentReady,
    /// `onSelectCallback`: the user picked items in a selector. Always a list.
    Select(Vec<Item>),
    /// `onCloseCallback`: the selector's cancel or close button.
    Close,
    /// `onEditorOpen`: the manager asks the host to open a file (only with a handler).
    EditorOpen(EditorOpen),
    /// `onEditorCloseCallback`: the editor's close button (only with a handler).
    EditorClose,
    /// `onFileManagerClick`: a file was clicked (only with a handler; 2.1.0 frames).
    FileClick(FileItem),
    /// `onDownload`: a download URL (only with a handler and `download_to_event`).
    Download(String),
    /// `onAuthSuccess`: sign-in by confirmation link succeeded.
    AuthSuccess,
    /// `onSignOut`: the user signed out in the frame.
    SignOut,
    /// `onNotFound`: the folder or link does not exist.
    NotFound,
    /// `onNoAccess`: no access to the folder, or the link expired.
    NoAccess,
    /// `onAppError`, or a failure of the bridge (see [`SdkError`]).
    Error(SdkError),
}

/// The api.js event names the bridge always listens to. Others are registered only when a
/// handler asks, because DocSpace changes behaviour when they are set (`onEditorOpen` stops
/// the manager from opening files itself; `onEditorCloseCallback` changes the editor's URL).
pub(crate) const ALWAYS_SUBSCRIBED: &[&str] = &[
    "onAppReady",
    "onAppError",
    "onContentReady",
    "onSelectCallback",
    "onCloseCallback",
    "onAuthSuccess",
    "onSignOut",
    "onNotFound",
    "onNoAccess",
];

/// The api.js event names registered only when a handler asks (see [`FrameEvents::wants`]).
pub(crate) const ON_REQUEST: &[&str] = &[
    "onEditorOpen",
    "onEditorCloseCallback",
    "onFileManagerClick",
    "onDownload",
];

/// `first` then `second`, as one array of `N` names, made at compile time: a list of its own
/// in the wasm's data, as if written out (a slice of one list into the other moved the data
/// and made the bench page heavier).
pub(crate) const fn joined<const N: usize>(
    first: &[&'static str],
    second: &[&'static str],
) -> [&'static str; N] {
    assert!(
        first.len() + second.len() == N,
        "N is the sum of the lengths"
    );
    let mut out = [""; N];
    let mut i = 0;
    while i < first.len() {
        out[i] = first[i];
        i += 1;
    }
    let mut j = 0;
    while j < second.len() {
        out[i + j] = second[j];
        j += 1;
    }
    out
}

/// Decodes an api.js event into a [`FrameEvent`] (`None`: an event this version ignores).
pub(crate) fn decode_event(mode: Mode, name: &str, data: Value) -> Option<FrameEvent> {
    let bad = |detail: String| {
        FrameEvent::Error(SdkError::UnexpectedReply {
            method: name.to_string(),
            detail,
        })
    };
    Some(match name {
        "onAppReady" => FrameEvent::AppReady,
        "onContentReady" => FrameEvent::ContentReady,
        "onAppError" => FrameEvent::Error(SdkError::App(error_text(&data))),
        "onSelectCallback" => match selection(mode, data) {
            Ok(items) => FrameEvent::Select(items),
            Err(e) => bad(e),
        },
        "onCloseCallback" => FrameEvent::Close,
        "onEditorOpen" => match EditorOpen::from_json(data) {
            Ok(open) => FrameEvent::EditorOpen(open),
            Err(e) => bad(e),
        },
        "onEditorCloseCallback" => FrameEvent::EditorClose,
        "onFileManagerClick" => match FileItem::from_value(data) {
            Ok(file) => FrameEvent::FileClick(file),
            Err(e) => bad(e),
        },
        "onDownload" => match data {
            Value::String(url) => FrameEvent::Download(url),
            other => bad(format!("expected a URL, got {}", json_text(&other))),
        },
        "onAuthSuccess" => FrameEvent::AuthSuccess,
        "onSignOut" => FrameEvent::SignOut,
        "onNotFound" => FrameEvent::NotFound,
        "onNoAccess" => FrameEvent::NoAccess,
        _ => return None,
    })
}

/// A selection as a list: the room selector sends an array of rooms, the file selector one
/// file object.
pub(crate) fn selection(mode: Mode, data: Value) -> Result<Vec<Item>, String> {
    let decode = |v: Value| match mode {
        Mode::RoomSelector => Item::room(v),
        Mode::FileSelector => Item::file(v),
        _ => Item::from_json(v),
    };
    match data {
        Value::Array(items) => items.into_iter().map(decode).collect(),
        Value::Object(ref m) if m.is_empty() => Ok(Vec::new()),
        obj @ Value::Object(_) => decode(obj).map(|i| vec![i]),
        other => Err(format!("expected items, got {}", json_text(&other))),
    }
}

/// The text of an `onAppError` payload (a string from api.js, a serialized error from frames).
fn error_text(data: &Value) -> String {
    match data {
        Value::String(s) => s.clone(),
        other => other
            .get("message")
            .and_then(Value::as_str)
            .map(str::to_string)
            .unwrap_or_else(|| json_text(other)),
    }
}

type Handler<T> = Option<Rc<dyn Fn(T)>>;

/// Rust handlers for a frame's events; every one is optional. They are released with the frame.
///
/// ```
/// use docspace_sdk::{FrameEvents, Item};
/// let events = FrameEvents::new()
///     .on_select(|items: Vec<Item>| {
///         for item in items {
///             println!("picked {} ({})", item.title(), item.id());
///         }
///     })
///     .on_close(|| println!("cancelled"));
/// assert!(!events.wants("onEditorOpen"));
/// ```
#[derive(Clone, Default)]
pub struct FrameEvents {
    on_event: Handler<FrameEvent>,
    on_ready: Handler<()>,
    on_select: Handler<Vec<Item>>,
    on_close: Handler<()>,
    on_error: Handler<SdkError>,
    on_editor_open: Handler<EditorOpen>,
    on_editor_close: Handler<()>,
    on_file_click: Handler<FileItem>,
    on_download: Handler<String>,
    on_sign_out: Handler<()>,
    on_not_found: Handler<()>,
    on_no_access: Handler<()>,
}

impl fmt::Debug for FrameEvents {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FrameEvents").finish_non_exhaustive()
    }
}

/// Generates a builder method storing a handler with one argument.
macro_rules! handler_with_arg {
    ($( $(#[$doc:meta])* $name:ident : $ty:ty ),+ $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, f: impl Fn($ty) + 'static) -> Self {
                self.$name = Some(Rc::new(f));
                self
            }
        )+
    };
}

/// Generates a builder method storing a handler without arguments.
macro_rules! handler_without_arg {
    ($( $(#[$doc:meta])* $name:ident ),+ $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $name(mut self, f: impl Fn() + 'static) -> Self {
                self.$name = Some(Rc::new(move |()| f()));
                self
            }
        )+
    };
}

impl FrameEvents {
    /// No handlers.
    pub fn new() -> Self {
        FrameEvents::default()
    }

    handler_with_arg! {
        /// Every event, before its specific handler.
        on_event: FrameEvent,
        /// Items picked in a selector.
        on_select: Vec<Item>,
        /// Errors: `onAppError`, failed loads and checks, a frame that never got ready.
        on_error: SdkError,
        /// The manager wants a file opened (DocSpace then does not open it itself).
        on_editor_open: EditorOpen,
        /// A file was clicked in the manager or a public room (DocSpace then does not open it).
        on_file_click: FileItem,
        /// A download URL (with `download_to_event`).
        on_download: String,
    }

    handler_without_arg! {
        /// The frame is usable (see [`FrameEvent::Ready`]).
        on_ready,
        /// The selector was cancelled.
        on_close,
        /// The editor's close button (DocSpace then reports it instead of navigating).
        on_editor_close,
        /// The user signed out.
        on_sign_out,
        /// The folder or link does not exist.
        on_not_found,
        /// No access, or the link expired.
        on_no_access,
    }

    /// Whether the api.js event `name` should be registered with the SDK.
    pub fn wants(&self, name: &str) -> bool {
        ALWAYS_SUBSCRIBED.contains(&name)
            || match name {
                "onEditorOpen" => self.on_editor_open.is_some(),
                "onEditorCloseCallback" => self.on_editor_close.is_some(),
                "onFileManagerClick" => self.on_file_click.is_some(),
                "onDownload" => self.on_download.is_some(),
                _ => false,
            }
    }

    /// Whether DocSpace should report the editor's close button.
    pub(crate) fn wants_editor_close(&self) -> bool {
        self.on_editor_close.is_some()
    }

    /// Hands `event` to `on_event` and then to its specific handler.
    pub(crate) fn dispatch(&self, event: FrameEvent) {
        if let Some(f) = &self.on_event {
            f(event.clone());
        }
        let call = |h: &Handler<()>| {
            if let Some(f) = h {
                f(())
            }
        };
        match event {
            FrameEvent::Ready => call(&self.on_ready),
            FrameEvent::Select(items) => {
                if let Some(f) = &self.on_select {
                    f(items)
                }
            }
            FrameEvent::Close => call(&self.on_close),
            FrameEvent::Error(e) => {
                if let Some(f) = &self.on_error {
                    f(e)
                }
            }
            FrameEvent::EditorOpen(o) => {
                if let Some(f) = &self.on_editor_open {
                    f(o)
                }
            }
            FrameEvent::EditorClose => call(&self.on_editor_close),
            FrameEvent::FileClick(file) => {
                if let Some(f) = &self.on_file_click {
                    f(file)
                }
            }
            FrameEvent::Download(url) => {
                if let Some(f) = &self.on_download {
                    f(url)
                }
            }
            FrameEvent::SignOut => call(&self.on_sign_out),
            FrameEvent::NotFound => call(&self.on_not_found),
            FrameEvent::NoAccess => call(&self.on_no_access),
            FrameEvent::AppReady | FrameEvent::ContentReady | FrameEvent::AuthSuccess => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;
    use std::cell::RefCell;

    #[test]
    fn room_and_file_selections_are_both_lists() {
        let rooms = selection(
            Mode::RoomSelector,
            json!([{"id": 1, "label": "A", "title": "A", "roomType": 5}]),
        );
        assert!(matches!(rooms.as_deref(), Ok([Item::Room(_)])));
        let files = selection(
            Mode::FileSelector,
            json!({"id": 2, "title": "b.docx", "fileExst": ".docx", "fileType": 7}),
        );
        assert!(matches!(files.as_deref(), Ok([Item::File(_)])));
        assert!(selection(Mode::FileSelector, json!("x")).is_err());
    }

    #[test]
    fn malformed_payloads_become_error_events() {
        let ev = decode_event(
            Mode::RoomSelector,
            "onSelectCallback",
            json!([{"no": "id"}]),
        );
        assert!(matches!(
            ev,
            Some(FrameEvent::Error(SdkError::UnexpectedReply { .. }))
        ));
        assert_eq!(
            decode_event(Mode::Manager, "onSomethingNew", json!({})),
            None
        );
        assert_eq!(
            decode_event(Mode::Manager, "onAppError", json!("boom")),
            Some(FrameEvent::Error(SdkError::App("boom".into())))
        );
    }

    #[test]
    fn dispatch_reaches_the_generic_and_the_specific_handler() {
        let log = Rc::new(RefCell::new(Vec::<String>::new()));
        let (a, b) = (log.clone(), log.clone());
        let events = FrameEvents::new()
            .on_event(move |e| a.borrow_mut().push(format!("any:{e:?}")))
            .on_close(move || b.borrow_mut().push("close".into()));
        events.dispatch(FrameEvent::Close);
        assert_eq!(
            *log.borrow(),
            vec!["any:Close".to_string(), "close".to_string()]
        );
    }

    #[test]
    fn every_api_event_is_listed_once_in_order() {
        const BOTH: [&str; 3] = joined::<3>(&["a", "b"], &["c"]);
        assert_eq!(BOTH, ["a", "b", "c"]);
        assert_eq!(
            crate::bridge::instance::API_EVENTS,
            [ALWAYS_SUBSCRIBED, ON_REQUEST].concat()
        );
    }

    #[test]
    fn behaviour_changing_events_need_a_handler() {
        let none = FrameEvents::new();
        assert!(none.wants("onSelectCallback"));
        assert!(!none.wants("onFileManagerClick"));
        assert!(
            FrameEvents::new()
                .on_file_click(|_| {})
                .wants("onFileManagerClick")
        );
    }
}
