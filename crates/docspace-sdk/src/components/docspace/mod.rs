//! The generic component: any mode, any config.

use std::cell::RefCell;
use std::rc::Rc;

use leptos::prelude::*;
use send_wrapper::SendWrapper;

use super::frame_ref::FrameRef;
use super::style::mount_style;
use crate::bridge::{Frame, FrameOptions, FrameStatus};
use crate::components::diagnostic::panel;
use crate::config::{FrameConfig, Mode};
use crate::error::SdkError;
use crate::events::{FrameEvent, FrameEvents};
use crate::loader::normalize_portal;
use crate::model::{EditorOpen, FileItem, Item};
use crate::texts::{TRY_AGAIN, Texts};

/// The event callbacks a component was given.
#[derive(Default, Clone, Copy)]
pub(crate) struct EventProps {
    pub(crate) on_ready: Option<Callback<()>>,
    pub(crate) on_event: Option<Callback<FrameEvent>>,
    pub(crate) on_error: Option<Callback<SdkError>>,
    pub(crate) on_select: Option<Callback<Vec<Item>>>,
    pub(crate) on_close: Option<Callback<()>>,
    pub(crate) on_editor_open: Option<Callback<EditorOpen>>,
    pub(crate) on_editor_close: Option<Callback<()>>,
    pub(crate) on_file_click: Option<Callback<FileItem>>,
    pub(crate) on_download: Option<Callback<String>>,
    pub(crate) on_sign_out: Option<Callback<()>>,
    pub(crate) on_not_found: Option<Callback<()>>,
    pub(crate) on_no_access: Option<Callback<()>>,
}

impl EventProps {
    /// The bridge's handlers for these callbacks (only set callbacks become handlers, because
    /// some change DocSpace's behaviour just by existing).
    fn handlers(self) -> FrameEvents {
        let mut h = FrameEvents::new();
        if let Some(cb) = self.on_event {
            h = h.on_event(move |e| {
                cb.try_run(e);
            });
        }
        if let Some(cb) = self.on_ready {
            h = h.on_ready(move || {
                cb.try_run(());
            });
        }
        if let Some(cb) = self.on_error {
            h = h.on_error(move |e| {
                cb.try_run(e);
            });
        }
        if let Some(cb) = self.on_select {
            h = h.on_select(move |items| {
                cb.try_run(items);
            });
        }
        if let Some(cb) = self.on_close {
            h = h.on_close(move || {
                cb.try_run(());
            });
        }
        if let Some(cb) = self.on_editor_open {
            h = h.on_editor_open(move |o| {
                cb.try_run(o);
            });
        }
        if let Some(cb) = self.on_editor_close {
            h = h.on_editor_close(move || {
                cb.try_run(());
            });
        }
        if let Some(cb) = self.on_file_click {
            h = h.on_file_click(move |f| {
                cb.try_run(f);
            });
        }
        if let Some(cb) = self.on_download {
            h = h.on_download(move |u| {
                cb.try_run(u);
            });
        }
        if let Some(cb) = self.on_sign_out {
            h = h.on_sign_out(move || {
                cb.try_run(());
            });
        }
        if let Some(cb) = self.on_not_found {
            h = h.on_not_found(move || {
                cb.try_run(());
            });
        }
        if let Some(cb) = self.on_no_access {
            h = h.on_no_access(move || {
                cb.try_run(());
            });
        }
        h
    }
}

frame_component! {
    /// Embeds any DocSpace mode. Prefer the mode components ([`Manager`](super::Manager),
    /// [`RoomSelector`](super::RoomSelector), …), which take typed configs.
    ///
    /// The component renders a `div.docspace` it owns; the frame lives in a child node the bridge
    /// creates, so api.js never replaces a node Leptos owns. A changed `config` is applied through
    /// `setConfig` where DocSpace honours it and by creating the frame anew otherwise; a changed
    /// `portal` creates it anew. When the frame cannot work, a [`Diagnostic`] says why and
    /// `on_error` gets the typed error. The frame is destroyed when the component goes away.
    ///
    /// ```no_run
    /// use leptos::prelude::*;
    /// use docspace_sdk::{FrameConfig, Mode, Theme, components::DocSpace};
    ///
    /// #[component]
    /// fn Embed() -> impl IntoView {
    ///     let dark = RwSignal::new(false);
    ///     let config = Signal::derive(move || {
    ///         FrameConfig::new(Mode::Manager).theme(if dark.get() { Theme::Dark } else { Theme::Base })
    ///     });
    ///     view! {
    ///         <button on:click=move |_| dark.update(|d| *d = !*d)>"Theme"</button>
    ///         <DocSpace portal="https://docs.example.com" config=config
    ///             on_error=|e: docspace_sdk::SdkError| leptos::logging::warn!("{e}")/>
    ///     }
    /// }
    /// ```
    DocSpace {
        /// What to embed.
        #[prop(into)]
        config: Signal<FrameConfig> => config,
        ready: "The frame is usable.",
        /// Items picked in a selector.
        on_select: Vec<Item>,
        /// A selector was cancelled.
        on_close: (),
        /// The manager wants a file opened (it then does not open it itself).
        on_editor_open: EditorOpen,
        /// The editor's close button.
        on_editor_close: (),
        /// A file was clicked (DocSpace then does not open it itself).
        on_file_click: FileItem,
        /// A download URL (with `download_to_event`).
        on_download: String,
        /// The user signed out.
        on_sign_out: (),
        /// The folder or link does not exist.
        on_not_found: (),
        /// No access, or the link expired.
        on_no_access: (),
    }
}

/// The shared body of every component.
///
/// One effect follows `portal` and `config`; the frame's status reaches the DOM through a plain
/// callback (the `data-status` and `aria-busy` attributes, the diagnostic panel), not through
/// signals and a reactive view: that reactivity was a large part of a one-frame page's wasm.
pub(crate) fn embed(
    portal: Signal<String>,
    config: Signal<FrameConfig>,
    options: FrameOptions,
    frame_ref: Option<FrameRef>,
    class: MaybeProp<String>,
    events: EventProps,
) -> impl IntoView {
    mount_style("docspace-embed-style", include_str!("docspace.css"));
    let outer = NodeRef::<leptos::html::Div>::new();
    let host = NodeRef::<leptos::html::Div>::new();
    // The frame is !Send; this component only ever runs on the browser's one thread.
    let current: SendWrapper<Rc<RefCell<Option<Frame>>>> = SendWrapper::new(Rc::default());
    // The app's texts, if it provided any; else the English diagnoses and frame names only.
    let texts = crate::texts::provided_texts();
    // The status view of the frame now mounted, for the effect below.
    let shown: SendWrapper<Rc<RefCell<Option<Rc<StatusView>>>>> = SendWrapper::new(Rc::default());

    let own_title = options.has_title();
    let config_signal = config;

    let slot = current.clone();
    let shown_by_mount = shown.clone();
    Effect::new(move |_| {
        let portal = portal.get();
        let config = config.get();
        let (Some(el), Some(outer)) = (host.get(), outer.get()) else {
            return;
        };
        let existing = slot.borrow().clone();
        let same_portal = existing
            .as_ref()
            .is_some_and(|f| normalize_portal(&portal).is_ok_and(|p| p == f.portal()));
        if let (Some(frame), true) = (existing.clone(), same_portal) {
            wasm_bindgen_futures::spawn_local(async move {
                if let Err(e) = frame.reconfigure(config).await
                    && e != SdkError::Destroyed
                    && let Some(cb) = events.on_error
                {
                    cb.try_run(e);
                }
            });
            return;
        }
        if let Some(old) = existing {
            old.destroy();
        }
        let host_el: web_sys::HtmlElement = el.into();
        let options = if options.has_title() {
            options.clone()
        } else {
            let name = frame_name(texts, config.mode());
            options.clone().title(name)
        };
        let frame = Frame::mount(&host_el, &portal, config, events.handlers(), options);
        let weak = Rc::downgrade(&*slot);
        let retry: Rc<dyn Fn()> = Rc::new(move || {
            if let Some(frame) = weak.upgrade().and_then(|s| s.borrow().clone()) {
                wasm_bindgen_futures::spawn_local(async move { frame.retry().await });
            }
        });
        let view = Rc::new(StatusView {
            outer: outer.into(),
            host: host_el,
            panel: RefCell::new(None),
            failed: RefCell::new(None),
            retry,
            texts,
            config: config_signal,
            own_title,
        });
        view.show(&frame.status());
        *shown_by_mount.borrow_mut() = Some(view.clone());
        frame.on_status(move |s| {
            view.show(s);
            if let Some(r) = frame_ref {
                r.set_status(s.clone());
            }
        });
        if let Some(r) = frame_ref {
            r.set_status(frame.status());
            r.attach(Some(frame.clone()));
        }
        *slot.borrow_mut() = Some(frame);
    });

    // A diagnosis on screen is worded anew when the app's language changes (one small effect
    // rather than a reactive panel, see `StatusView`), and so is the frame's title unless the
    // app gave its own (an adopted frame came with the host page's English one).
    if let Some(texts) = texts {
        Effect::new(move |_| {
            texts.track();
            if let Some(view) = shown.borrow().as_ref() {
                view.reword();
                view.retitle();
            }
        });
    }

    let slot = current.clone();
    on_cleanup(move || {
        if let Some(frame) = slot.borrow_mut().take() {
            frame.destroy();
        }
        if let Some(r) = frame_ref {
            r.attach(None);
        }
    });

    // The app's extra classes, set by an effect rather than a reactive `class` attribute: that
    // attribute alone linked Leptos' render effects into a one-frame page. The effect runs
    // before the first paint, as the frame's own effect above does.
    Effect::new(move |_| {
        let extra = class.get();
        if let Some(outer) = outer.get() {
            match extra {
                Some(c) => outer.set_class_name(&["docspace ", &c].concat()),
                None => outer.set_class_name("docspace"),
            }
        }
    });

    view! {
        <div
            class="docspace"
            data-status="loading"
            aria-busy="true"
            node_ref=outer
        >
            <div class="docspace__host" node_ref=host></div>
        </div>
    }
}

/// What the frame of `mode` is called: in the app's words, else in English ([`Mode::label`],
/// [`FrameNames`](crate::texts::FrameNames)' defaults).
fn frame_name(texts: Option<Signal<Texts>>, mode: Mode) -> String {
    match texts {
        Some(texts) => texts.with_untracked(|t| t.frames.of(mode).to_string()),
        None => mode.label().to_string(),
    }
}

/// Shows a frame's status on the component's element.
struct StatusView {
    outer: web_sys::HtmlElement,
    host: web_sys::HtmlElement,
    /// The diagnostic panel while the frame has failed.
    panel: RefCell<Option<web_sys::Element>>,
    /// The failure the panel explains, to word it again in another language.
    failed: RefCell<Option<SdkError>>,
    retry: Rc<dyn Fn()>,
    /// The app's words for the panel and the frame's title ([`crate::texts`]), if it gave any.
    texts: Option<Signal<Texts>>,
    /// The frame's config, for its mode's name.
    config: Signal<FrameConfig>,
    /// Whether the app named the frame itself ([`FrameOptions::title`]).
    own_title: bool,
}

impl StatusView {
    fn show(&self, status: &FrameStatus) {
        let (state, busy) = match status {
            FrameStatus::Loading => ("loading", "true"),
            FrameStatus::Started => ("started", "true"),
            FrameStatus::Ready => ("ready", "false"),
            FrameStatus::Failed(_) => ("failed", "false"),
            FrameStatus::Destroyed => ("destroyed", "false"),
        };
        let _ = self.outer.set_attribute("data-status", state);
        let _ = self.outer.set_attribute("aria-busy", busy);
        let failed = match status {
            FrameStatus::Failed(error) => Some(error.clone()),
            _ => None,
        };
        *self.failed.borrow_mut() = failed;
        self.reword();
        if matches!(status, FrameStatus::Started | FrameStatus::Ready) {
            self.retitle();
        }
    }

    /// Names the iframe in the app's words, unless the app named it: a frame this component
    /// mounted was named so already, but one adopted from the host page's bootstrap was not.
    fn retitle(&self) {
        if self.own_title {
            return;
        }
        if let Ok(Some(iframe)) = self.outer.query_selector("iframe") {
            let mode = self.config.with_untracked(FrameConfig::mode);
            let _ = iframe.set_attribute("title", &frame_name(self.texts, mode));
        }
    }

    /// Shows the panel for the failure, if any, in the current words (replacing one shown).
    fn reword(&self) {
        if let Some(old) = self.panel.borrow_mut().take() {
            old.remove();
        }
        let failed = self.failed.borrow();
        let Some(error) = failed.as_ref() else {
            return;
        };
        let retry = Some(self.retry.clone());
        let shown = self
            .outer
            .owner_document()
            .and_then(|document| match self.texts {
                Some(texts) => texts.with_untracked(|t| {
                    panel(&document, error, error.diagnosis_in(t), retry, &t.try_again)
                }),
                None => panel(&document, error, error.diagnosis(), retry, TRY_AGAIN),
            });
        if let Some(panel) = shown {
            let _ = self.outer.insert_before(&panel, Some(&self.host));
            *self.panel.borrow_mut() = Some(panel);
        }
    }
}
