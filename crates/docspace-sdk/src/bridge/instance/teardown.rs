//! Taking an instance apart without leftovers, and giving focus back.

use wasm_bindgen::JsCast;

use super::*;

impl Instance {
    /// Gives focus back to where it was before a selector took it.
    pub(super) fn return_focus(&self) {
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
