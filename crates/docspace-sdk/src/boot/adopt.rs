//! Taking a bootstrapped frame over from the bootstrap's registry (`window.__docspaceBoot`).

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::bridge::{guard, timer};

#[wasm_bindgen(inline_js = r#"
export function dsBootIds() {
  const b = window.__docspaceBoot;
  return b ? Object.keys(b.frames).filter(id => !b.frames[id].judge) : [];
}
export function dsBootAdopt(entry, judge) { entry.judge = judge; }
export function dsBootForget(id) {
  const b = window.__docspaceBoot;
  if (b && b.frames[id] && b.frames[id].judge) b.release(id);
}
export function dsBootEntry(id) {
  const b = window.__docspaceBoot;
  return b ? b.frames[id] : undefined;
}
export function dsBootRelease(id, entry) {
  const b = window.__docspaceBoot;
  if (b && b.frames[id] === entry) b.release(id);
}
export function dsBootConnect(entry, sink) {
  while (entry.queue.length) { const e = entry.queue.shift(); sink(e[0], e[1]); }
  entry.sink = sink;
}
"#)]
extern "C" {
    fn dsBootIds() -> Vec<String>;
    fn dsBootEntry(id: &str) -> JsValue;
    fn dsBootRelease(id: &str, entry: &JsValue);
    fn dsBootAdopt(entry: &JsValue, judge: &js_sys::Function);
    fn dsBootForget(id: &str);
    fn dsBootConnect(entry: &JsValue, sink: &js_sys::Function);
}

/// How long to wait for a bootstrap still loading `api.js` (the loader's own limit).
const WAIT_MS: u32 = 15_000;

/// A bootstrapped frame, taken from the bootstrap: from now on the bridge guards it.
pub(crate) struct Adopted {
    pub(crate) frame_id: String,
    /// `DocSpace.SDK` of the script the bootstrap loaded.
    pub(crate) sdk: JsValue,
    /// The api.js instance.
    pub(crate) instance: JsValue,
    pub(crate) iframe: web_sys::HtmlIFrameElement,
    /// Whether api.js listens (the iframe had its first `load`).
    pub(crate) loaded: bool,
    /// Handshake replies api.js still waits for.
    pub(crate) pending: u32,
    /// Whether the frame answered a handshake.
    pub(crate) handshake: bool,
    /// A `setConfig` command held back until api.js listens.
    pub(crate) stash: Vec<String>,
    /// Messages the bootstrap refused.
    pub(crate) rejected: u32,
    entry: JsValue,
}

impl Adopted {
    /// Delivers the buffered events in order through `sink`, then every later one.
    pub(crate) fn connect(&self, sink: js_sys::Function) {
        dsBootConnect(&self.entry, &sink);
    }
}

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &key.into()).unwrap_or(JsValue::UNDEFINED)
}

/// Whether the entry's settings are `expected` (its title aside).
fn spec_matches(entry: &JsValue, expected: &str) -> bool {
    get(entry, "spec")
        .as_string()
        .is_some_and(|page| super::same_spec(&page, expected))
}

/// Takes the bootstrapped frame this frame should be: the one named `explicit`, or else the
/// first whose settings are exactly `expected(frame_id)`. A named frame whose settings differ,
/// or whose bootstrap failed, is taken down and `None` returned: the caller creates its own.
/// Everything after the last `await` runs in one turn, so the caller can install the guard
/// before any message from the frame is judged by no one.
pub(crate) async fn take(
    explicit: Option<&str>,
    expected: impl Fn(&str) -> String,
) -> Option<Adopted> {
    let id = match explicit {
        Some(id) => id.to_string(),
        None => dsBootIds().into_iter().find(|id| {
            let entry = dsBootEntry(id);
            spec_matches(&entry, &expected(id))
        })?,
    };
    let entry = dsBootEntry(&id);
    if entry.is_undefined() {
        return None;
    }
    if let Ok(done) = get(&entry, "done").dyn_into::<js_sys::Promise>() {
        let _ = timer::timeout(WAIT_MS, wasm_bindgen_futures::JsFuture::from(done)).await;
    }
    if !js_sys::Object::is(&dsBootEntry(&id), &entry) || !get(&entry, "judge").is_null() {
        return None; // Someone else took it meanwhile.
    }
    let instance = get(&entry, "instance");
    let iframe = get(&entry, "iframe")
        .dyn_into::<web_sys::HtmlIFrameElement>()
        .ok();
    let matches = spec_matches(&entry, &expected(&id));
    // A parked frame is only of use if it can be moved into place without a reload.
    let placeable = iframe.as_ref().is_some_and(|i| {
        i.closest(super::PARKED_SELECTOR).ok().flatten().is_none() || can_move_live_frames()
    });
    let (Some(iframe), true, true, true) =
        (iframe, matches, placeable, get(&entry, "error").is_null())
    else {
        dsBootRelease(&id, &entry);
        discard(&instance, &id);
        return None;
    };
    // The bootstrap's listener was added before api.js's, and listeners on `window` run in the
    // order they were added: it stays the gate, and from now on asks the bridge's guard.
    dsBootAdopt(&entry, &guard::judge());
    let count = |k: &str| get(&entry, k).as_f64().map_or(0, |n| n as u32);
    let stash = js_sys::Array::from(&get(&entry, "stash"))
        .iter()
        .filter_map(|v| v.as_string())
        .collect();
    Some(Adopted {
        frame_id: id,
        sdk: get(&entry, "sdk"),
        instance,
        iframe,
        loaded: get(&entry, "loaded").is_truthy(),
        pending: count("pending"),
        handshake: get(&entry, "handshake").is_truthy(),
        stash,
        rejected: count("rejected"),
        entry,
    })
}

/// Whether this browser moves an element without reloading the iframes in it (`moveBefore`).
fn can_move_live_frames() -> bool {
    web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
        .is_some_and(|b| {
            js_sys::Reflect::get(&b, &"moveBefore".into()).is_ok_and(|f| f.is_function())
        })
}

/// Lets go of an adopted frame that is being destroyed.
pub(crate) fn forget(frame_id: &str) {
    dsBootForget(frame_id);
}

/// Takes down a bootstrapped frame nobody will own.
fn discard(instance: &JsValue, frame_id: &str) {
    web_sys::console::warn_1(
        &format!(
            "docspace-sdk: the bootstrapped frame `{frame_id}` failed, has other settings than \
             its component, or is parked where this browser cannot move it; creating the frame \
             anew"
        )
        .into(),
    );
    if let Ok(destroy) = get(instance, "destroyFrame").dyn_into::<js_sys::Function>() {
        let _ = destroy.call0(instance);
    }
    if let Some(node) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(frame_id))
    {
        node.remove();
    }
}
