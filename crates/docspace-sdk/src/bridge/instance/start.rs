//! Starting an instance: the iframe api.js creates, its handlers and the first `load`.

use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::*;

impl Instance {
    /// The iframe's title, and for the system frame its removal from the tab order.
    pub(super) fn dress(&self, iframe: &web_sys::HtmlIFrameElement, title: Option<&str>) {
        let title = title.map_or_else(|| self.mode.label().to_string(), str::to_string);
        iframe.set_title(&title);
        if self.mode == Mode::System {
            // Only a loader shows in it: keep it out of the tab order and the accessibility tree.
            let _ = iframe.set_attribute("aria-hidden", "true");
            let _ = iframe.set_attribute("tabindex", "-1");
        }
    }

    pub(super) fn start(
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
    pub(super) fn listen_for_load(
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
}
