//! One api.js frame: created in a node the bridge owns, guarded, called one method at a time,
//! and taken apart without leftovers.

use std::cell::{Cell, RefCell};
use std::rc::{Rc, Weak};

use futures::channel::oneshot;
use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::boot::Adopted;
use crate::bridge::channel::ChannelState;
use crate::bridge::guard::{self, Entry};
use crate::bridge::js::{content_ready_mark, from_js, performance_mark};
use crate::bridge::timer::{self, CallLimit, now_ms, remaining};
use crate::config::{FrameConfig, FrameType, Mode};
use crate::error::SdkError;
use crate::events::{FrameEvent, FrameEvents, decode_event};
use crate::loader::LoadedSdk;
use crate::preflight::js_error_text;
use crate::protocol::{Method, classify_reply, timed_out_reply};

/// Every api.js event name (2.1.0).
pub(crate) const API_EVENTS: &[&str] = &[
    "onAppReady",
    "onAppError",
    "onContentReady",
    "onSelectCallback",
    "onCloseCallback",
    "onAuthSuccess",
    "onSignOut",
    "onNotFound",
    "onNoAccess",
    "onEditorOpen",
    "onEditorCloseCallback",
    "onFileManagerClick",
    "onDownload",
];

/// Where the frame is in its start-up.
#[derive(Debug, Default)]
struct Flags {
    handshake: bool,
    app_ready: bool,
    content_ready: bool,
    ready: bool,
    destroyed: bool,
}

/// What an instance needs from its creator.
pub(crate) struct InstanceSpec<'a> {
    pub(crate) host: &'a web_sys::HtmlElement,
    pub(crate) portal: &'a str,
    pub(crate) sdk: &'a LoadedSdk,
    pub(crate) config: &'a FrameConfig,
    pub(crate) events: &'a FrameEvents,
    pub(crate) title: Option<&'a str>,
    pub(crate) focus_on_ready: bool,
    pub(crate) late_reply_grace_ms: u32,
    /// Receives every event (and the bridge's own `Ready`).
    pub(crate) sink: Rc<dyn Fn(FrameEvent)>,
}

/// A live api.js frame.
pub(crate) struct Instance {
    pub(crate) frame_id: String,
    pub(crate) mode: Mode,
    /// The page the iframe loads.
    pub(crate) url: String,
    portal: String,
    sdk: LoadedSdk,
    js: RefCell<JsValue>,
    iframe: RefCell<Option<web_sys::HtmlIFrameElement>>,
    host: web_sys::HtmlElement,
    channel: Rc<RefCell<ChannelState>>,
    flags: RefCell<Flags>,
    waiters: RefCell<Vec<oneshot::Sender<()>>>,
    calls: futures::lock::Mutex<()>,
    saved_overscroll: RefCell<Option<String>>,
    focus_return: RefCell<Option<web_sys::HtmlElement>>,
    focus_on_ready: bool,
    late_reply_grace_ms: u32,
    sink: Rc<dyn Fn(FrameEvent)>,
}

thread_local! {
    static NEXT_FRAME: Cell<u64> = const { Cell::new(0) };
}

/// A frame id no other frame on the page has (api.js keys everything on it).
fn new_frame_id() -> String {
    let n = NEXT_FRAME.with(|c| {
        c.set(c.get() + 1);
        c.get()
    });
    let salt = (js_sys::Math::random() * 2f64.powi(40)) as u64;
    format!("docspace-frame-{n}-{salt:x}")
}

impl Instance {
    /// An instance with its guard entry, not yet started.
    fn new(spec: &InstanceSpec<'_>, frame_id: String) -> Rc<Instance> {
        let editor_close = spec.events.wants_editor_close();
        let mode = spec.config.mode();
        let instance = Rc::new(Instance {
            url: [spec.portal, &spec.config.frame_path(editor_close)].concat(),
            frame_id: frame_id.clone(),
            mode,
            portal: spec.portal.to_string(),
            sdk: spec.sdk.clone(),
            js: RefCell::new(JsValue::UNDEFINED),
            iframe: RefCell::new(None),
            host: spec.host.clone(),
            channel: Rc::default(),
            flags: RefCell::default(),
            waiters: RefCell::default(),
            calls: futures::lock::Mutex::new(()),
            saved_overscroll: RefCell::new(None),
            focus_return: RefCell::new(None),
            focus_on_ready: spec.focus_on_ready,
            late_reply_grace_ms: spec.late_reply_grace_ms,
            sink: spec.sink.clone(),
        });
        let weak = Rc::downgrade(&instance);
        guard::register(
            &frame_id,
            Entry {
                state: instance.channel.clone(),
                window: None,
                origin: spec.portal.to_string(),
                on_handshake: Rc::new(move || {
                    if let Some(i) = weak.upgrade() {
                        i.on_handshake();
                    }
                }),
            },
        );
        instance
    }

    /// Creates the frame inside `spec.host`.
    pub(crate) fn create(spec: InstanceSpec<'_>) -> Result<Rc<Instance>, SdkError> {
        let window = web_sys::window().ok_or(SdkError::NoWindow)?;
        let document = window.document().ok_or(SdkError::NoWindow)?;
        let instance = Instance::new(&spec, new_frame_id());
        match instance.start(&document, spec) {
            Ok(()) => Ok(instance),
            Err(e) => {
                instance.destroy();
                Err(e)
            }
        }
    }

    /// Takes over a frame the inline bootstrap created (`spec.host` is the element it is in):
    /// the guard from now on, the bootstrap's counters, the iframe's attributes. Must run in the
    /// same turn as [`boot::take`](crate::boot::take), so that no message goes unjudged. The
    /// buffered events follow with [`Instance::connect_boot`].
    pub(crate) fn adopt(spec: InstanceSpec<'_>, boot: &Adopted) -> Result<Rc<Instance>, SdkError> {
        let instance = Instance::new(&spec, boot.frame_id.clone());
        if let Some(w) = boot.iframe.content_window() {
            guard::set_window(&instance.frame_id, w.into());
        }
        instance.channel.borrow_mut().adopt(
            boot.loaded,
            boot.pending,
            boot.stash.clone(),
            boot.rejected,
        );
        instance.flags.borrow_mut().handshake = boot.handshake;
        *instance.js.borrow_mut() = boot.instance.clone();
        if instance.focus_on_ready {
            *instance.focus_return.borrow_mut() = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.active_element())
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        }
        instance.dress(&boot.iframe, spec.title);
        if !boot.loaded
            && let Err(e) = instance.listen_for_load(&boot.iframe)
        {
            instance.destroy();
            return Err(e);
        }
        *instance.iframe.borrow_mut() = Some(boot.iframe.clone());
        Ok(instance)
    }

    /// Delivers the events the bootstrap buffered, in order, then every later one.
    pub(crate) fn connect_boot(self: &Rc<Self>, boot: &Adopted) {
        let weak = Rc::downgrade(self);
        let sink =
            Closure::<dyn FnMut(String, JsValue)>::new(move |name: String, data: JsValue| {
                if let Some(i) = weak.upgrade()
                    && let Some(name) = API_EVENTS.iter().copied().find(|n| *n == name)
                {
                    i.on_api_event(name, from_js(&data));
                }
            });
        boot.connect(sink.into_js_value().unchecked_into());
        self.check_ready();
    }

    /// The iframe's title, and for the system frame its removal from the tab order.
    fn dress(&self, iframe: &web_sys::HtmlIFrameElement, title: Option<&str>) {
        let title = title.map_or_else(|| self.mode.label().to_string(), str::to_string);
        iframe.set_title(&title);
        if self.mode == Mode::System {
            // Only a loader shows in it: keep it out of the tab order and the accessibility tree.
            let _ = iframe.set_attribute("aria-hidden", "true");
            let _ = iframe.set_attribute("tabindex", "-1");
        }
    }

    fn start(
        self: &Rc<Self>,
        document: &web_sys::Document,
        spec: InstanceSpec<'_>,
    ) -> Result<(), SdkError> {
        let cfg = spec.config;
        if cfg.layout() == FrameType::Mobile
            && let Some(body) = document.body()
        {
            *self.saved_overscroll.borrow_mut() = body
                .style()
                .get_property_value("overscroll-behavior-y")
                .ok();
        }
        if self.focus_on_ready {
            *self.focus_return.borrow_mut() = document
                .active_element()
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        }

        // api.js replaces the node whose id is the frame id: a node of ours inside the host,
        // never the host that the app (Leptos) owns.
        let placeholder = document
            .create_element("div")
            .map_err(|_| SdkError::NoWindow)?;
        placeholder.set_id(&self.frame_id);
        self.host
            .append_child(&placeholder)
            .map_err(|e| SdkError::MountFailed(js_error_text(&e)))?;

        // Fresh objects, filter included (its keys in the SDK's order, which api.js keeps in
        // the manager's URL): api.js edits what it is given.
        let config = js_sys::JSON::parse(&cfg.wire_text(
            spec.portal,
            &self.frame_id,
            spec.events.wants_editor_close(),
        ))
        .map_err(|e| SdkError::MountFailed(js_error_text(&e)))?;
        let events = self.event_handlers(spec.events);
        js_sys::Reflect::set(&config, &"events".into(), &events)
            .map_err(|e| SdkError::MountFailed(js_error_text(&e)))?;
        let init = js_sys::Reflect::get(spec.sdk.raw(), &"init".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(|| SdkError::MountFailed("DocSpace.SDK has no init".into()))?;
        let js = init
            .call1(spec.sdk.raw(), &config)
            .map_err(|e| SdkError::MountFailed(js_error_text(&e)))?;
        *self.js.borrow_mut() = js;

        let iframe = document
            .get_element_by_id(&self.frame_id)
            .and_then(|e| e.dyn_into::<web_sys::HtmlIFrameElement>().ok())
            .filter(|f| self.host.contains(Some(f)))
            .ok_or_else(|| {
                SdkError::MountFailed("api.js created no iframe (is `waiting` set?)".into())
            })?;
        self.dress(&iframe, spec.title);
        if let Some(w) = iframe.content_window() {
            guard::set_window(&self.frame_id, w.into());
        }
        self.listen_for_load(&iframe)?;
        *self.iframe.borrow_mut() = Some(iframe);
        Ok(())
    }

    /// The `events` object for api.js: a function per event this frame wants.
    fn event_handlers(self: &Rc<Self>, events: &FrameEvents) -> js_sys::Object {
        let obj = js_sys::Object::new();
        for name in API_EVENTS.iter().copied().filter(|n| events.wants(n)) {
            let weak = Rc::downgrade(self);
            let handler = Closure::<dyn FnMut(JsValue)>::new(move |data: JsValue| {
                if let Some(i) = weak.upgrade() {
                    // The bootstrap marks the frames it created; these are the bridge's own.
                    if name == "onContentReady" && !i.flags.borrow().content_ready {
                        performance_mark(&content_ready_mark(&i.frame_id));
                    }
                    i.on_api_event(name, from_js(&data));
                }
            });
            // Owned by the JS garbage collector: api.js may still call a handler (from an
            // animation frame) after the frame is gone; it then finds no instance and returns.
            let _ = js_sys::Reflect::set(&obj, &name.into(), &handler.into_js_value());
        }
        obj
    }

    /// api.js starts listening at the iframe's first `load` (its handler was added first, so it
    /// has run when this one does); then the frame's early handshake is replayed.
    fn listen_for_load(
        self: &Rc<Self>,
        iframe: &web_sys::HtmlIFrameElement,
    ) -> Result<(), SdkError> {
        let weak: Weak<Instance> = Rc::downgrade(self);
        let on_load = Closure::<dyn FnMut(JsValue)>::new(move |_| {
            let Some(i) = weak.upgrade() else {
                return;
            };
            let replay = i.channel.borrow_mut().start_listening();
            for raw in replay {
                guard::dispatch_synthetic(&i.portal, &raw);
            }
            i.wake();
        });
        let opts = web_sys::AddEventListenerOptions::new();
        opts.set_once(true);
        iframe
            .add_event_listener_with_callback_and_add_event_listener_options(
                "load",
                on_load.into_js_value().unchecked_ref(),
                &opts,
            )
            .map_err(|e| SdkError::MountFailed(js_error_text(&e)))?;
        Ok(())
    }

    fn on_api_event(&self, name: &str, data: Value) {
        let Some(event) = decode_event(self.mode, name, data) else {
            return;
        };
        match event {
            FrameEvent::AppReady => self.flags.borrow_mut().app_ready = true,
            FrameEvent::ContentReady => self.flags.borrow_mut().content_ready = true,
            _ => {}
        }
        let closes = matches!(event, FrameEvent::Select(_) | FrameEvent::Close);
        (self.sink)(event);
        if closes {
            self.return_focus();
        }
        self.check_ready();
    }

    fn on_handshake(&self) {
        self.flags.borrow_mut().handshake = true;
        self.check_ready();
    }

    /// Ready: the frame took its config, said so where its page sends `onAppReady`, and api.js
    /// revealed its content (`onContentReady`: at load for the `/sdk` pages, when the page says
    /// it has loaded its data for the others — before that the manager has no folder to report).
    fn check_ready(&self) {
        let became_ready = {
            let mut f = self.flags.borrow_mut();
            let ready = !f.destroyed
                && f.handshake
                && f.content_ready
                && (f.app_ready || !self.mode.sends_app_ready());
            let became = ready && !f.ready;
            f.ready |= ready;
            became
        };
        if became_ready {
            if self.focus_on_ready
                && let Some(iframe) = self.iframe.borrow().as_ref()
            {
                let _ = iframe.focus();
            }
            self.wake();
            (self.sink)(FrameEvent::Ready);
        }
    }

    /// Whether the frame completed its start-up.
    pub(crate) fn is_ready(&self) -> bool {
        self.flags.borrow().ready
    }

    /// Messages refused because they did not come from this frame.
    pub(crate) fn rejected_messages(&self) -> u32 {
        self.channel.borrow().rejected
    }

    /// The iframe.
    pub(crate) fn iframe(&self) -> Option<web_sys::HtmlIFrameElement> {
        self.iframe.borrow().clone()
    }

    /// Calls `method` with `args` and waits for its reply, until `limit` runs out.
    ///
    /// Calls run one at a time per frame, as api.js matches replies by order. A call that times
    /// out takes its place out of api.js's queue with a synthetic reply (which only the guard
    /// lets through), so later calls are not stuck behind it; its real reply, should it still
    /// come within the grace period, is dropped.
    pub(crate) async fn call(
        &self,
        method: Method,
        args: &[JsValue],
        limit: CallLimit,
    ) -> Result<Option<Value>, SdkError> {
        let deadline = limit.deadline;
        let timed_out = || SdkError::Timeout {
            method: method.name().into(),
            millis: limit.millis,
        };
        let _turn = timer::timeout(remaining(deadline), self.calls.lock())
            .await
            .ok_or_else(timed_out)?;
        self.wait_until(deadline, |i| i.channel.borrow().listening)
            .await
            .map_err(|e| e.unwrap_or_else(timed_out))?;
        loop {
            let quarantine = self.channel.borrow().quarantine(now_ms());
            let Some(until) = quarantine else {
                break;
            };
            if now_ms() >= deadline {
                return Err(timed_out());
            }
            timer::sleep(remaining(until.min(deadline)).min(50)).await;
        }
        self.ensure_alive()?;
        let (id, reply) = self.channel.borrow_mut().push_call();
        if let Err(e) = self.invoke(method, args) {
            self.channel.borrow_mut().cancel_call(id);
            return Err(SdkError::Frame {
                method: method.name().into(),
                message: e,
                status: None,
            });
        }
        match timer::timeout(remaining(deadline), reply).await {
            Some(Ok(raw)) => classify_reply(method, self.mode, raw),
            Some(Err(oneshot::Canceled)) => Err(SdkError::Destroyed),
            None => {
                let grace_until = now_ms() + f64::from(self.late_reply_grace_ms);
                let n = self.channel.borrow_mut().unstick(id, grace_until);
                let synthetic = timed_out_reply(&self.frame_id, method.name());
                for _ in 0..n {
                    guard::dispatch_synthetic(&self.portal, &synthetic);
                }
                Err(timed_out())
            }
        }
    }

    /// Runs the api.js method (which posts the message, or queues it behind the handshake).
    fn invoke(&self, method: Method, args: &[JsValue]) -> Result<(), String> {
        let js = self.js.borrow().clone();
        let f = js_sys::Reflect::get(&js, &method.name().into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .ok_or_else(|| format!("this SDK version has no {}", method.name()))?;
        let args: js_sys::Array = args.iter().collect();
        f.apply(&js, &args)
            .map(|_| ())
            .map_err(|e| js_error_text(&e))
    }

    fn ensure_alive(&self) -> Result<(), SdkError> {
        if self.flags.borrow().destroyed {
            Err(SdkError::Destroyed)
        } else {
            Ok(())
        }
    }

    /// Waits until `cond` holds. `Err(None)`: the deadline passed; `Err(Some(_))`: destroyed.
    pub(crate) async fn wait_until(
        &self,
        deadline: f64,
        cond: impl Fn(&Instance) -> bool,
    ) -> Result<(), Option<SdkError>> {
        loop {
            self.ensure_alive().map_err(Some)?;
            if cond(self) {
                return Ok(());
            }
            let (tx, rx) = oneshot::channel();
            self.waiters.borrow_mut().push(tx);
            if timer::timeout(remaining(deadline), rx).await.is_none() {
                return Err(None);
            }
        }
    }

    fn wake(&self) {
        for w in self.waiters.borrow_mut().drain(..) {
            let _ = w.send(());
        }
    }

    /// Applies a new size at once (api.js learns it through `setConfig`).
    pub(crate) fn resize(&self, width: &str, height: &str) {
        if let Some(iframe) = self.iframe.borrow().as_ref() {
            let style = iframe.style();
            let _ = style.set_property("width", width);
            let _ = style.set_property("height", height);
            if let Some(container) = iframe
                .parent_element()
                .and_then(|p| p.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = container.style().set_property("width", width);
                let _ = container.style().set_property("height", height);
            }
        }
    }

    /// Gives focus back to where it was before a selector took it.
    fn return_focus(&self) {
        let Some(target) = self.focus_return.borrow_mut().take() else {
            return;
        };
        let document = web_sys::window().and_then(|w| w.document());
        let focus_in_frame = match (
            document.as_ref().and_then(|d| d.active_element()),
            self.iframe(),
        ) {
            (Some(active), Some(iframe)) => {
                active == *iframe.unchecked_ref::<web_sys::Element>()
                    || document
                        .as_ref()
                        .and_then(|d| d.body())
                        .is_some_and(|b| active == *b.unchecked_ref::<web_sys::Element>())
            }
            (None, _) => true,
            _ => false,
        };
        if focus_in_frame && target.is_connected() {
            let _ = target.focus();
        }
    }

    /// Takes the frame apart: api.js's frame and listener, the guard's entry, the SDK registry
    /// entries, leftover nodes and styles, the body style a mobile frame changed; pending calls
    /// fail with [`SdkError::Destroyed`]. Idempotent.
    pub(crate) fn destroy(&self) {
        if std::mem::replace(&mut self.flags.borrow_mut().destroyed, true) {
            return;
        }
        guard::unregister(&self.frame_id);
        crate::boot::forget(&self.frame_id);
        self.channel.borrow_mut().close();
        self.return_focus();
        let js = self.js.replace(JsValue::UNDEFINED);
        if let Some(destroy) = js_sys::Reflect::get(&js, &"destroyFrame".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
        {
            let _ = destroy.call0(&js);
        }
        self.forget_in_registries();
        self.remove_leftovers();
        if let Some(saved) = self.saved_overscroll.borrow_mut().take()
            && let Some(body) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.body())
        {
            let _ = body.style().set_property("overscroll-behavior-y", &saved);
        }
        self.iframe.borrow_mut().take();
        self.wake();
    }

    /// api.js registers frames on the SDK object it was called on *and* on whatever
    /// `window.DocSpace.SDK` is (another version's, when both are loaded); it deletes only the
    /// latter.
    fn forget_in_registries(&self) {
        let key = JsValue::from_str(&self.frame_id);
        let mut registries = vec![js_sys::Reflect::get(self.sdk.raw(), &"frames".into()).ok()];
        registries.push(
            web_sys::window()
                .and_then(|w| js_sys::Reflect::get(&w, &"DocSpace".into()).ok())
                .and_then(|d| js_sys::Reflect::get(&d, &"SDK".into()).ok())
                .and_then(|s| js_sys::Reflect::get(&s, &"frames".into()).ok()),
        );
        for frames in registries.into_iter().flatten() {
            if let Some(obj) = frames.dyn_ref::<js_sys::Object>() {
                let _ = js_sys::Reflect::delete_property(obj, &key);
            }
        }
    }

    /// api.js leaves a fresh `div#frameId` where the frame was, and a loader `<style>` per frame.
    fn remove_leftovers(&self) {
        let Some(document) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for id in [
            self.frame_id.clone(),
            [&self.frame_id, "-container"].concat(),
        ] {
            if let Some(node) = document.get_element_by_id(&id)
                && self.host.contains(Some(&node))
            {
                node.remove();
            }
        }
        let loader_class = [".", &self.frame_id, "-loader__element"].concat();
        if let Ok(styles) = document.query_selector_all("head > style") {
            for i in 0..styles.length() {
                if let Some(style) = styles.item(i)
                    && style
                        .text_content()
                        .is_some_and(|t| crate::scan::find(&t, &loader_class).is_some())
                    && let Some(el) = style.dyn_ref::<web_sys::Element>()
                {
                    el.remove();
                }
            }
        }
    }
}

impl Drop for Instance {
    fn drop(&mut self) {
        self.destroy();
    }
}
