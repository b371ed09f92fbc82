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
use crate::events::{ALWAYS_SUBSCRIBED, FrameEvent, FrameEvents, ON_REQUEST, decode_event, joined};
use crate::loader::LoadedSdk;
use crate::preflight::js_error_text;
use crate::protocol::{Method, classify_reply, timed_out_reply};

mod start;
mod teardown;

/// Every api.js event name (2.1.0).
pub(crate) const API_EVENTS: &[&str] =
    &joined::<{ ALWAYS_SUBSCRIBED.len() + ON_REQUEST.len() }>(ALWAYS_SUBSCRIBED, ON_REQUEST);

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
}
