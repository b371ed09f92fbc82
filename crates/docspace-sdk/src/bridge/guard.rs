//! The message guard: one capturing `message` listener on `window` that sees every message
//! before api.js does. Messages naming one of the bridge's frames pass only when they come from
//! that frame's window and the portal's origin; everything else naming them is stopped with
//! `stopImmediatePropagation`, so forged events never reach handlers and forged replies never
//! resolve calls. Messages for anything else on the page pass untouched.
//!
//! Listeners on `window` run in the order they were added, so the guard is registered with the
//! frame, before api.js adds its own listener at the iframe's first `load`. It is installed with
//! the first frame and removed with the last. A frame adopted from the inline bootstrap is
//! gated by the bootstrap's listener (added before api.js's), which hands its messages to
//! [`judge`]; each message is judged once, whichever listener sees it first.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::bridge::channel::{ChannelState, Verdict};
use crate::bridge::timer::now_ms;
use crate::protocol::parse_incoming;
use crate::vec_map::VecMap;

/// What the guard knows about one frame.
pub(crate) struct Entry {
    /// The bus state.
    pub(crate) state: Rc<RefCell<ChannelState>>,
    /// The iframe's `contentWindow` (set once the iframe exists).
    pub(crate) window: Option<js_sys::Object>,
    /// The portal's origin.
    pub(crate) origin: String,
    /// Called when the frame answered the handshake.
    pub(crate) on_handshake: Rc<dyn Fn()>,
}

#[derive(Default)]
struct Guard {
    frames: VecMap<String, Entry>,
    listener: Option<Closure<dyn FnMut(web_sys::MessageEvent)>>,
    listening: bool,
}

thread_local! {
    static GUARD: RefCell<Guard> = RefCell::new(Guard::default());
    /// Set while the bridge dispatches a message of its own.
    static SYNTHETIC: Cell<bool> = const { Cell::new(false) };
}

/// Counters for tests and diagnostics.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BridgeStats {
    /// Frames the bridge manages right now.
    pub frames: usize,
    /// Whether the guard's `message` listener is registered.
    pub guard_listening: bool,
}

/// What the bridge holds right now: after every frame is gone, no frames and no listener.
///
/// ```no_run
/// let s = docspace_sdk::bridge_stats();
/// assert_eq!(s.frames, 0);
/// assert!(!s.guard_listening);
/// ```
pub fn bridge_stats() -> BridgeStats {
    GUARD.with(|g| {
        let g = g.borrow();
        BridgeStats {
            frames: g.frames.len(),
            guard_listening: g.listening,
        }
    })
}

/// Starts guarding `frame_id`.
pub(crate) fn register(frame_id: &str, entry: Entry) {
    GUARD.with(|g| {
        let mut g = g.borrow_mut();
        g.frames.insert(frame_id.to_string(), entry);
        if !g.listening {
            let listener = g
                .listener
                .get_or_insert_with(|| Closure::new(on_message))
                .as_ref()
                .unchecked_ref::<js_sys::Function>()
                .clone();
            if let Some(w) = web_sys::window() {
                g.listening = w
                    .add_event_listener_with_callback_and_bool("message", &listener, true)
                    .is_ok();
            }
        }
    });
}

/// Records the frame's window once its iframe exists.
pub(crate) fn set_window(frame_id: &str, window: js_sys::Object) {
    GUARD.with(|g| {
        if let Some(e) = g.borrow_mut().frames.get_mut(frame_id) {
            e.window = Some(window);
        }
    });
}

/// Stops guarding `frame_id`; removes the listener with the last frame.
pub(crate) fn unregister(frame_id: &str) {
    GUARD.with(|g| {
        let mut g = g.borrow_mut();
        g.frames.remove(frame_id);
        if g.frames.is_empty() && g.listening {
            if let (Some(w), Some(l)) = (web_sys::window(), g.listener.as_ref()) {
                let _ = w.remove_event_listener_with_callback_and_bool(
                    "message",
                    l.as_ref().unchecked_ref(),
                    true,
                );
            }
            // The closure itself is kept for the next frame: it may be running right now.
            g.listening = false;
        }
    });
}

/// Dispatches `data` as a message from the frame, through the guard and on to api.js.
/// Used to replay the frame's early handshake and to unstick api.js after a timeout.
pub(crate) fn dispatch_synthetic(origin: &str, data: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let init = web_sys::MessageEventInit::new();
    init.set_data(&JsValue::from_str(data));
    init.set_origin(origin);
    let Ok(event) = web_sys::MessageEvent::new_with_event_init_dict("message", &init) else {
        return;
    };
    SYNTHETIC.with(|s| s.set(true));
    // Dispatch is synchronous: the flag covers exactly this message.
    let _ = window.dispatch_event(&event);
    SYNTHETIC.with(|s| s.set(false));
}

/// The guard's judgment as a function, for the inline bootstrap's listener to call.
pub(crate) fn judge() -> js_sys::Function {
    GUARD.with(|g| {
        g.borrow_mut()
            .listener
            .get_or_insert_with(|| Closure::new(on_message))
            .as_ref()
            .unchecked_ref::<js_sys::Function>()
            .clone()
    })
}

fn on_message(event: web_sys::MessageEvent) {
    // Judged once: by whichever of this listener and the bootstrap's sees the message first.
    let judged = JsValue::from_str("__dsJudged");
    if js_sys::Reflect::get(&event, &judged).is_ok_and(|v| v.is_truthy()) {
        return;
    }
    // api.js ignores everything that is not a string.
    let Some(raw) = event.data().as_string() else {
        return;
    };
    // Which frame the message names is decided by the parser api.js itself uses: a message that
    // `JSON.parse` reads but serde_json refuses (a lone surrogate escape, a number out of `f64`
    // range, deep nesting) would otherwise slip past the guard and still reach api.js.
    let Some(frame_id) = frame_id_as_api_js_reads_it(&raw) else {
        return;
    };
    let synthetic = SYNTHETIC.with(Cell::get);
    // Pick what is needed and release the guard before anything else runs.
    let found = GUARD.with(|g| {
        g.borrow().frames.get(frame_id.as_str()).map(|e| {
            let from_frame = e.window.as_ref().is_some_and(|w| {
                event
                    .source()
                    .is_some_and(|s| js_sys::Object::is(w.as_ref(), s.as_ref()))
            });
            let genuine =
                synthetic || (event.is_trusted() && from_frame && event.origin() == e.origin);
            (genuine, e.state.clone(), e.on_handshake.clone())
        })
    });
    let Some((genuine, state, on_handshake)) = found else {
        return; // Not one of the bridge's frames.
    };
    let _ = js_sys::Reflect::set(&event, &judged, &JsValue::TRUE);
    if !genuine {
        state.borrow_mut().rejected += 1;
        event.stop_immediate_propagation();
        return;
    }
    // From the frame, but not something the bridge can model (or read differently from api.js):
    // keep it from api.js rather than let through what was not checked.
    let Some(msg) = parse_incoming(&raw).filter(|m| m.frame_id() == frame_id) else {
        state.borrow_mut().rejected += 1;
        event.stop_immediate_propagation();
        return;
    };
    let verdict = state.borrow_mut().accept(msg, &raw, synthetic, now_ms());
    match verdict {
        Verdict::Pass => {}
        Verdict::Block => event.stop_immediate_propagation(),
        Verdict::PassHandshakeDone => on_handshake(),
    }
}

/// The `frameId` api.js would read from `raw`: `JSON.parse(raw).frameId`, when that is a
/// non-empty string (api.js compares it with `!==` to its own string id, so nothing else can
/// name a frame). `None` for text `JSON.parse` refuses, which api.js drops.
fn frame_id_as_api_js_reads_it(raw: &str) -> Option<String> {
    let parsed = js_sys::JSON::parse(raw).ok()?;
    if !parsed.is_object() {
        return None;
    }
    js_sys::Reflect::get(&parsed, &JsValue::from_str("frameId"))
        .ok()?
        .as_string()
        .filter(|id| !id.is_empty())
}
