//! [`Frame`]: a handle to an embedded DocSpace frame that stays valid while the frame is loaded,
//! re-created for a new config, or failing; usable with or without Leptos.

use std::cell::{Cell, RefCell};
use std::fmt;
use std::rc::Rc;
use std::time::Duration;

use futures::channel::oneshot;
use serde_json::Value;
use wasm_bindgen::JsValue;

use crate::bridge::instance::Instance;
use crate::bridge::js::to_js;
use crate::bridge::timer::{self, CallLimit, remaining};
use crate::config::{ConfigChange, FrameConfig, Mode};
use crate::error::SdkError;
use crate::events::FrameEvents;
use crate::loader::normalize_portal;
use crate::protocol::Method;

mod mount;
mod options;

use mount::mount_instance;
pub use options::FrameOptions;
use options::millis;

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
