//! [`Frame`]: a handle to an embedded DocSpace frame that stays valid while the frame is loaded,
//! re-created for a new config, or failing; usable with or without Leptos.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::{Rc, Weak};
use std::time::Duration;

use futures::channel::oneshot;
use serde_json::Value;
use wasm_bindgen::JsValue;

use crate::boot;
use crate::bridge::instance::{Instance, InstanceSpec};
use crate::bridge::js::to_js;
use crate::bridge::timer::{self, CallLimit, remaining};
use crate::config::{ConfigChange, FrameConfig, Mode};
use crate::error::SdkError;
use crate::events::{FrameEvent, FrameEvents};
use crate::loader::{LoadedSdk, SdkVersion, load_sdk, normalize_portal};
use crate::preflight;
use crate::protocol::Method;
use wasm_bindgen::JsCast;

/// How the bridge runs a frame: the script version, time limits, accessibility.
///
/// ```
/// use std::time::Duration;
/// use docspace_sdk::{FrameOptions, SdkVersion};
/// let opts = FrameOptions::default()
///     .version(SdkVersion::V2_0_0)
///     .call_timeout(Duration::from_secs(5))
///     .title("Pick the contract's room");
/// assert_eq!(opts.call_timeout_ms(), 5_000);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct FrameOptions {
    version: SdkVersion,
    call_timeout_ms: u32,
    ready_timeout_ms: u32,
    late_reply_grace_ms: u32,
    title: Option<String>,
    focus_on_ready: Option<bool>,
    boot_frame: Option<String>,
    adopt: bool,
}

impl Default for FrameOptions {
    fn default() -> Self {
        FrameOptions {
            version: SdkVersion::default(),
            call_timeout_ms: 15_000,
            ready_timeout_ms: 30_000,
            late_reply_grace_ms: 3_000,
            title: None,
            focus_on_ready: None,
            boot_frame: None,
            adopt: true,
        }
    }
}

fn millis(d: Duration) -> u32 {
    u32::try_from(d.as_millis()).unwrap_or(u32::MAX)
}

impl FrameOptions {
    /// The `api.js` version to load from the portal (default 2.1.0).
    pub fn version(mut self, version: SdkVersion) -> Self {
        self.version = version;
        self
    }

    /// How long a method call may take, waiting included (default 15 s).
    pub fn call_timeout(mut self, limit: Duration) -> Self {
        self.call_timeout_ms = millis(limit);
        self
    }

    /// How long the frame may take to complete its handshake before it is reported as not
    /// ready (default 30 s). The frame stays: it may still get ready, e.g. after a sign-in.
    pub fn ready_timeout(mut self, limit: Duration) -> Self {
        self.ready_timeout_ms = millis(limit);
        self
    }

    /// How long after a timed-out call its late reply is still expected, and dropped; later
    /// calls wait at most this long (default 3 s).
    pub fn late_reply_grace(mut self, grace: Duration) -> Self {
        self.late_reply_grace_ms = millis(grace);
        self
    }

    /// The iframe's `title` (default: the mode's name, e.g. "DocSpace room selector").
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Whether [`title`](Self::title) was given (else the components name the frame in the
    /// app's words, [`Texts::frames`](crate::texts::Texts::frames)).
    pub(crate) fn has_title(&self) -> bool {
        self.title.is_some()
    }

    /// Move focus into the frame when it is ready, and back when it closes (default: for the
    /// selectors only).
    pub fn focus_on_ready(mut self, yes: bool) -> Self {
        self.focus_on_ready = Some(yes);
        self
    }

    /// Adopt the frame the inline bootstrap ([`Bootstrap`](crate::Bootstrap)) created as
    /// `frame_id`. If its settings differ from this frame's (or its bootstrap failed), it is
    /// taken down and the frame created anew. Without this, a bootstrapped frame whose settings
    /// are exactly this frame's is adopted anyway.
    pub fn boot_frame(mut self, frame_id: impl Into<String>) -> Self {
        self.boot_frame = Some(frame_id.into());
        self
    }

    /// Whether to adopt a bootstrapped frame with exactly this frame's settings that
    /// [`boot_frame`](FrameOptions::boot_frame) does not name (default true).
    pub fn adopt(mut self, yes: bool) -> Self {
        self.adopt = yes;
        self
    }

    /// The script version.
    pub fn sdk_version(&self) -> SdkVersion {
        self.version
    }

    /// The call time limit in milliseconds.
    pub fn call_timeout_ms(&self) -> u32 {
        self.call_timeout_ms
    }
}

/// Where a frame is.
///
/// ```no_run
/// # fn demo(frame: docspace_sdk::Frame) {
/// use docspace_sdk::FrameStatus;
/// match frame.status() {
///     FrameStatus::Ready => println!("usable"),
///     FrameStatus::Failed(e) => println!("{}", e.diagnosis().title),
///     other => println!("{other:?}"),
/// }
/// # }
/// ```
#[derive(Debug, Clone, PartialEq)]
pub enum FrameStatus {
    /// Checking the portal and loading the script.
    Loading,
    /// The iframe exists; waiting for DocSpace's handshake.
    Started,
    /// Usable.
    Ready,
    /// It cannot work (see the error's [`diagnosis`](SdkError::diagnosis)). After
    /// [`SdkError::FrameNotReady`] the frame stays and may still become ready.
    Failed(SdkError),
    /// Destroyed.
    Destroyed,
}

/// How [`Frame::reconfigure`] applied a config.
///
/// ```no_run
/// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
/// use docspace_sdk::{Applied, ManagerConfig, Theme};
/// let how = frame.reconfigure(ManagerConfig::new().theme(Theme::Dark)).await?;
/// assert_eq!(how, Applied::Live); // the manager takes its theme through setConfig
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Applied {
    /// Nothing the frame sees changed.
    Unchanged,
    /// Applied to the live frame (`setConfig`, `setListView`, a new size).
    Live,
    /// The frame was created anew.
    Recreated,
}

type StatusListener = Rc<dyn Fn(&FrameStatus)>;

struct Shared {
    /// Where the frame lives: the caller's element, or the bootstrap's for an adopted frame.
    host: RefCell<web_sys::HtmlElement>,
    portal: String,
    options: FrameOptions,
    events: FrameEvents,
    desired: RefCell<FrameConfig>,
    applied: RefCell<Option<FrameConfig>>,
    instance: RefCell<Option<Rc<Instance>>>,
    status: RefCell<FrameStatus>,
    listeners: RefCell<Vec<StatusListener>>,
    waiters: RefCell<Vec<oneshot::Sender<()>>>,
    lifecycle: futures::lock::Mutex<()>,
    generation: Cell<u64>,
    destroyed: Cell<bool>,
    /// Whether the first mount looked for a bootstrapped frame already.
    boot_tried: Cell<bool>,
}

/// An embedded DocSpace frame.
///
/// Created with [`Frame::mount`] inside an element the caller owns; the bridge adds its own
/// child there for api.js and removes everything on [`Frame::destroy`] (or when the last handle
/// is dropped). Handles are cheap clones. The typed methods (`get_files`, `create_room`, …) are
/// in [`methods`](crate::bridge::methods).
///
/// ```no_run
/// # async fn demo(host: web_sys::HtmlElement) -> Result<(), docspace_sdk::SdkError> {
/// use docspace_sdk::{Frame, FrameEvents, FrameOptions, ManagerConfig};
///
/// let frame = Frame::mount(
///     &host,
///     "https://docs.example.com",
///     ManagerConfig::new().show_menu(true),
///     FrameEvents::new().on_error(|e| web_sys::console::error_1(&e.to_string().into())),
///     FrameOptions::default(),
/// );
/// frame.ready().await?;
/// let files = frame.get_files().await?;
/// frame.destroy();
/// # Ok(()) }
/// ```
#[derive(Clone)]
pub struct Frame {
    shared: Rc<Shared>,
    timeout_ms: Option<u32>,
}

impl fmt::Debug for Frame {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Frame")
            .field("portal", &self.shared.portal)
            .field("status", &*self.shared.status.borrow())
            .finish_non_exhaustive()
    }
}

impl PartialEq for Frame {
    fn eq(&self, other: &Self) -> bool {
        Rc::ptr_eq(&self.shared, &other.shared)
    }
}

impl Frame {
    /// Starts embedding `config` from `portal` inside `host`: checks the portal, loads its
    /// `api.js` (once per page), creates the frame. Returns at once; watch
    /// [`status`](Frame::status) or await [`ready`](Frame::ready).
    ///
    /// ```no_run
    /// # fn demo(host: web_sys::HtmlElement) {
    /// use docspace_sdk::{Frame, FrameEvents, FrameOptions, RoomSelectorConfig};
    /// let frame = Frame::mount(&host, "https://docs.example.com", RoomSelectorConfig::new(),
    ///     FrameEvents::new().on_select(|rooms| println!("{rooms:?}")), FrameOptions::default());
    /// # }
    /// ```
    pub fn mount(
        host: &web_sys::HtmlElement,
        portal: &str,
        config: impl Into<FrameConfig>,
        events: FrameEvents,
        options: FrameOptions,
    ) -> Frame {
        let frame = Frame {
            shared: Rc::new(Shared {
                host: RefCell::new(host.clone()),
                portal: normalize_portal(portal).unwrap_or_else(|_| portal.to_string()),
                options,
                events,
                desired: RefCell::new(config.into()),
                applied: RefCell::new(None),
                instance: RefCell::new(None),
                status: RefCell::new(FrameStatus::Loading),
                listeners: RefCell::default(),
                waiters: RefCell::default(),
                lifecycle: futures::lock::Mutex::new(()),
                generation: Cell::new(0),
                destroyed: Cell::new(false),
                boot_tried: Cell::new(false),
            }),
            timeout_ms: None,
        };
        let weak = Rc::downgrade(&frame.shared);
        let generation = frame.shared.generation.get();
        wasm_bindgen_futures::spawn_local(async move {
            let Some(shared) = weak.upgrade() else {
                return;
            };
            let _turn = shared.lifecycle.lock().await;
            if shared.generation.get() == generation {
                mount_instance(&shared).await;
            }
        });
        frame
    }

    /// The same frame, with another time limit for the calls made through this handle.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// use std::time::Duration;
    /// let rooms = frame.with_timeout(Duration::from_secs(60)).get_rooms(&Default::default()).await?;
    /// # Ok(()) }
    /// ```
    pub fn with_timeout(&self, limit: Duration) -> Frame {
        Frame {
            shared: self.shared.clone(),
            timeout_ms: Some(millis(limit)),
        }
    }

    /// The portal origin.
    pub fn portal(&self) -> &str {
        &self.shared.portal
    }

    /// The config the frame shows (or will show).
    pub fn config(&self) -> FrameConfig {
        self.shared.desired.borrow().clone()
    }

    /// The mode.
    pub fn mode(&self) -> Mode {
        self.shared.desired.borrow().mode()
    }

    /// Where the frame is.
    pub fn status(&self) -> FrameStatus {
        self.shared.status.borrow().clone()
    }

    /// Calls `f` on every status change (for as long as the frame lives).
    ///
    /// ```no_run
    /// # fn demo(frame: docspace_sdk::Frame) {
    /// frame.on_status(|s| web_sys::console::log_1(&format!("{s:?}").into()));
    /// # }
    /// ```
    pub fn on_status(&self, f: impl Fn(&FrameStatus) + 'static) {
        self.shared.listeners.borrow_mut().push(Rc::new(f));
    }

    /// The iframe, while there is one.
    pub fn iframe(&self) -> Option<web_sys::HtmlIFrameElement> {
        self.instance().and_then(|i| i.iframe())
    }

    /// The frame id api.js knows the current iframe by (unique on the page, new on re-creation).
    pub fn frame_id(&self) -> Option<String> {
        self.instance().map(|i| i.frame_id.clone())
    }

    /// The page the iframe loads.
    pub fn url(&self) -> Option<String> {
        self.instance().map(|i| i.url.clone())
    }

    /// Messages refused because they named this frame but came from another window or origin.
    pub fn rejected_messages(&self) -> u32 {
        self.instance().map_or(0, |i| i.rejected_messages())
    }

    /// Waits until the frame is ready. Fails with the reason it cannot be: a failed check or
    /// load, [`SdkError::FrameNotReady`] after the ready timeout, or [`SdkError::Destroyed`].
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) {
    /// if let Err(e) = frame.ready().await {
    ///     let d = e.diagnosis();
    ///     println!("{}: {} {}", d.title, d.detail, d.fix);
    /// }
    /// # }
    /// ```
    pub async fn ready(&self) -> Result<(), SdkError> {
        loop {
            match self.status() {
                FrameStatus::Ready => return Ok(()),
                FrameStatus::Failed(e) => return Err(e),
                FrameStatus::Destroyed => return Err(SdkError::Destroyed),
                FrameStatus::Loading | FrameStatus::Started => self.changed().await,
            }
        }
    }

    /// Moves the frame to `config`: live through `setConfig` (and `setListView`) where DocSpace
    /// honours the change, otherwise by creating the frame anew. Concurrent calls are applied
    /// in order; a frame that failed is tried again.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// use docspace_sdk::{Applied, ManagerConfig};
    /// // Another folder is another URL: the frame is created anew, the handle stays valid.
    /// assert_eq!(frame.reconfigure(ManagerConfig::new().folder(7)).await?, Applied::Recreated);
    /// frame.ready().await?;
    /// # Ok(()) }
    /// ```
    pub async fn reconfigure(&self, config: impl Into<FrameConfig>) -> Result<Applied, SdkError> {
        *self.shared.desired.borrow_mut() = config.into();
        let shared = self.shared.clone();
        let _turn = shared.lifecycle.lock().await;
        if shared.destroyed.get() {
            return Err(SdkError::Destroyed);
        }
        let desired = shared.desired.borrow().clone();
        let applied = shared.applied.borrow().clone();
        let live = shared.instance.borrow().clone();
        let (Some(instance), Some(applied)) = (live, applied) else {
            remount(&shared).await;
            return Ok(Applied::Recreated);
        };
        let editor_close = shared.events.wants_editor_close();
        match applied.change_to(&desired, editor_close) {
            ConfigChange::Unchanged => Ok(Applied::Unchanged),
            ConfigChange::Recreate => {
                remount(&shared).await;
                Ok(Applied::Recreated)
            }
            ConfigChange::Live { patch, list_view } => {
                let resized = patch.contains_key("width") || patch.contains_key("height");
                if !patch.is_empty() {
                    instance
                        .call(
                            Method::SetConfig,
                            &[to_js(&Value::Object(patch))],
                            CallLimit::starting_now(self.timeout()),
                        )
                        .await?;
                }
                if resized {
                    // api.js restyles the frame two animation frames after each `setIsLoaded`,
                    // with the size it had then; apply the new one after any such pending restyle.
                    timer::animation_frame().await;
                    timer::animation_frame().await;
                    let (w, h) = desired.size();
                    instance.resize(w, h);
                }
                if let Some(view) = list_view {
                    instance
                        .call(
                            Method::SetListView,
                            &[JsValue::from_str(view.as_str())],
                            CallLimit::starting_now(self.timeout()),
                        )
                        .await?;
                }
                *shared.applied.borrow_mut() = Some(desired);
                Ok(Applied::Live)
            }
        }
    }

    /// Creates the frame anew with its current config (e.g. after fixing what a diagnosis
    /// named).
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) {
    /// frame.retry().await;
    /// # }
    /// ```
    pub async fn retry(&self) {
        let _turn = self.shared.lifecycle.lock().await;
        if !self.shared.destroyed.get() {
            remount(&self.shared).await;
        }
    }

    /// Removes the frame: api.js's iframe and listener, the guard's entry, everything the bridge
    /// added inside the host. Pending calls fail with [`SdkError::Destroyed`]. Idempotent.
    ///
    /// ```no_run
    /// # fn demo(frame: docspace_sdk::Frame) {
    /// frame.destroy();
    /// assert_eq!(frame.status(), docspace_sdk::FrameStatus::Destroyed);
    /// # }
    /// ```
    pub fn destroy(&self) {
        if self.shared.destroyed.replace(true) {
            return;
        }
        self.shared.generation.set(self.shared.generation.get() + 1);
        if let Some(instance) = self.shared.instance.borrow_mut().take() {
            instance.destroy();
        }
        set_status(&self.shared, FrameStatus::Destroyed);
    }

    /// Runs `method` on the current frame.
    pub(crate) async fn call(
        &self,
        method: Method,
        args: &[JsValue],
    ) -> Result<Option<Value>, SdkError> {
        let limit = CallLimit::starting_now(self.timeout());
        let deadline = limit.deadline;
        let instance = loop {
            match self.status() {
                FrameStatus::Destroyed => return Err(SdkError::Destroyed),
                FrameStatus::Loading => {}
                FrameStatus::Failed(e) if self.instance().is_none() => return Err(e),
                _ => {}
            }
            if let Some(i) = self.instance() {
                break i;
            }
            if timer::timeout(remaining(deadline), self.changed())
                .await
                .is_none()
            {
                return Err(SdkError::Timeout {
                    method: method.name().into(),
                    millis: limit.millis,
                });
            }
        };
        instance.call(method, args, limit).await
    }

    fn timeout(&self) -> u32 {
        self.timeout_ms
            .unwrap_or(self.shared.options.call_timeout_ms)
    }

    fn instance(&self) -> Option<Rc<Instance>> {
        self.shared.instance.borrow().clone()
    }

    /// Resolves at the next status change.
    async fn changed(&self) {
        let (tx, rx) = oneshot::channel();
        self.shared.waiters.borrow_mut().push(tx);
        let _ = rx.await;
    }
}

fn set_status(shared: &Shared, status: FrameStatus) {
    if *shared.status.borrow() == status {
        return;
    }
    *shared.status.borrow_mut() = status.clone();
    for w in shared.waiters.borrow_mut().drain(..) {
        let _ = w.send(());
    }
    let listeners = shared.listeners.borrow().clone();
    for l in listeners {
        l(&status);
    }
}

/// Takes down the current frame and mounts the desired config (the caller holds the lifecycle).
async fn remount(shared: &Rc<Shared>) {
    shared.generation.set(shared.generation.get() + 1);
    if let Some(old) = shared.instance.borrow_mut().take() {
        old.destroy();
    }
    shared.applied.borrow_mut().take();
    mount_instance(shared).await;
}

/// Checks the portal, loads the script and creates the frame (the caller holds the lifecycle).
async fn mount_instance(shared: &Rc<Shared>) {
    let generation = shared.generation.get();
    set_status(shared, FrameStatus::Loading);
    let config = shared.desired.borrow().clone();
    if !shared.boot_tried.replace(true) && adopt_boot(shared, &config).await {
        return;
    }
    if shared.destroyed.get() || shared.generation.get() != generation {
        return;
    }
    let sdk = match prepare(&shared.portal, &config, shared.options.version).await {
        Ok(sdk) => sdk,
        Err(e) => return fail(shared, generation, e),
    };
    if shared.destroyed.get() || shared.generation.get() != generation {
        return;
    }
    let weak = Rc::downgrade(shared);
    let sink: Rc<dyn Fn(FrameEvent)> = Rc::new(move |event| on_event(&weak, generation, event));
    let host = shared.host.borrow().clone();
    let created = Instance::create(instance_spec(
        shared,
        &host,
        &shared.portal,
        &sdk,
        &config,
        sink,
    ));
    let instance = match created {
        Ok(i) => i,
        Err(e) => return fail(shared, generation, e),
    };
    *shared.instance.borrow_mut() = Some(instance.clone());
    *shared.applied.borrow_mut() = Some(config);
    set_status(shared, FrameStatus::Started);
    watch_ready(Rc::downgrade(shared), generation, Rc::downgrade(&instance));
}

/// What a created or an adopted instance is made of: the frame's options and events, and where
/// and with what it runs.
fn instance_spec<'a>(
    shared: &'a Shared,
    host: &'a web_sys::HtmlElement,
    portal: &'a str,
    sdk: &'a LoadedSdk,
    config: &'a FrameConfig,
    sink: Rc<dyn Fn(FrameEvent)>,
) -> InstanceSpec<'a> {
    InstanceSpec {
        host,
        portal,
        sdk,
        config,
        events: &shared.events,
        title: shared.options.title.as_deref(),
        focus_on_ready: shared
            .options
            .focus_on_ready
            .unwrap_or(config.mode().is_selector()),
        late_reply_grace_ms: shared.options.late_reply_grace_ms,
        sink,
    }
}

/// Adopts the bootstrapped frame meant for this one, if there is one (the caller holds the
/// lifecycle). After the checks a created frame runs first, since the adopted one exists
/// already: a failure then shows as a diagnosis over it.
async fn adopt_boot(shared: &Rc<Shared>, config: &FrameConfig) -> bool {
    let explicit = shared.options.boot_frame.clone();
    if explicit.is_none() && !shared.options.adopt {
        return false;
    }
    let Ok(portal) = normalize_portal(&shared.portal) else {
        return false;
    };
    let version = shared.options.version;
    let events = &shared.events;
    let expected = |id: &str| boot::spec(&portal, version, id, config, |n| events.wants(n));
    let Some(boot) = boot::take(explicit.as_deref(), expected).await else {
        return false;
    };
    // From here to the guard's registration in `Instance::adopt`: no await.
    let generation = shared.generation.get();
    let sdk = LoadedSdk::adopted(&portal, version, boot.sdk.clone());
    let slot = boot
        .iframe
        .parent_element()
        .and_then(|container| container.parent_element())
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
        .unwrap_or_else(|| shared.host.borrow().clone());
    let weak = Rc::downgrade(shared);
    let sink: Rc<dyn Fn(FrameEvent)> = Rc::new(move |event| on_event(&weak, generation, event));
    let adopted = Instance::adopt(
        instance_spec(shared, &slot, &portal, &sdk, config, sink),
        &boot,
    );
    let instance = match adopted {
        Ok(i) => i,
        Err(e) => {
            fail(shared, generation, e);
            return true;
        }
    };
    crate::loader::remember(sdk);
    move_into(&shared.host.borrow(), &slot);
    *shared.host.borrow_mut() = slot;
    if shared.destroyed.get() {
        instance.destroy();
        return true;
    }
    *shared.instance.borrow_mut() = Some(instance.clone());
    *shared.applied.borrow_mut() = Some(config.clone());
    set_status(shared, FrameStatus::Started);
    instance.connect_boot(&boot);
    watch_ready(Rc::downgrade(shared), generation, Rc::downgrade(&instance));
    let weak = Rc::downgrade(shared);
    let checks_csp = config.checks_csp();
    wasm_bindgen_futures::spawn_local(async move {
        let check = async {
            preflight::check_mixed_content(&preflight::page_origin()?, &portal)?;
            if checks_csp {
                preflight::check_csp(&portal).await?;
            }
            Ok::<(), SdkError>(())
        };
        if let (Err(e), Some(shared)) = (check.await, weak.upgrade()) {
            fail(&shared, generation, e);
        }
    });
    true
}

/// Moves an adopted frame's element into the component's own with `moveBefore`, which keeps an
/// iframe alive across the move (Chromium 133+): the frame then sits in the page's layout where
/// the component is, and the box a parked frame waited in goes. Where `moveBefore` is missing (or the component's element is not in the
/// document) the frame stays where the page's HTML put it: inserting it anywhere else would
/// reload it.
fn move_into(own: &web_sys::HtmlElement, slot: &web_sys::HtmlElement) {
    if own == slot || own.contains(Some(slot)) {
        return;
    }
    let Ok(move_before) = js_sys::Reflect::get(own, &"moveBefore".into()) else {
        return;
    };
    let parking = slot.closest(boot::PARKED_SELECTOR).ok().flatten();
    if let Ok(move_before) = move_before.dyn_into::<js_sys::Function>()
        && move_before.call2(own, slot, &JsValue::NULL).is_ok()
        && let Some(parking) = parking
    {
        // The box the frame waited in would cover the page.
        parking.remove();
    }
}

/// The checks that explain a frame that cannot work, then the script.
async fn prepare(
    portal: &str,
    config: &FrameConfig,
    version: SdkVersion,
) -> Result<crate::loader::LoadedSdk, SdkError> {
    let portal = normalize_portal(portal)?;
    preflight::check_mixed_content(&preflight::page_origin()?, &portal)?;
    let csp = async {
        if config.checks_csp() {
            preflight::check_csp(&portal).await
        } else {
            Ok(())
        }
    };
    let (csp, sdk) = futures::join!(csp, load_sdk(&portal, version));
    csp?;
    match sdk {
        Err(SdkError::ScriptUnreachable { url }) => {
            preflight::check_reachable(&portal).await?;
            Err(SdkError::ScriptUnreachable { url })
        }
        other => other,
    }
}

fn fail(shared: &Shared, generation: u64, error: SdkError) {
    if shared.destroyed.get() || shared.generation.get() != generation {
        return;
    }
    set_status(shared, FrameStatus::Failed(error.clone()));
    shared.events.dispatch(FrameEvent::Error(error));
}

fn on_event(shared: &Weak<Shared>, generation: u64, event: FrameEvent) {
    let Some(shared) = shared.upgrade() else {
        return;
    };
    if shared.generation.get() != generation || shared.destroyed.get() {
        return;
    }
    if event == FrameEvent::Ready {
        set_status(&shared, FrameStatus::Ready);
    }
    shared.events.dispatch(event);
}

/// Reports a frame that does not complete its handshake in time.
fn watch_ready(shared: Weak<Shared>, generation: u64, instance: Weak<Instance>) {
    let Some(limit) = shared.upgrade().map(|s| s.options.ready_timeout_ms) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        timer::sleep(limit).await;
        let (Some(shared), Some(instance)) = (shared.upgrade(), instance.upgrade()) else {
            return;
        };
        if !instance.is_ready() {
            let error = SdkError::FrameNotReady {
                mode: instance.mode,
                url: instance.url.clone(),
                millis: limit,
            };
            fail(&shared, generation, error);
        }
    });
}
