//! Creating a frame's instance: the checks, the script, adopting a bootstrapped frame, and
//! what follows (failures, events, the ready timeout). The caller holds the lifecycle.

use std::rc::{Rc, Weak};

use wasm_bindgen::{JsCast, JsValue};

use super::{FrameStatus, Shared, set_status};
use crate::boot;
use crate::bridge::instance::{Instance, InstanceSpec};
use crate::bridge::timer;
use crate::config::FrameConfig;
use crate::error::SdkError;
use crate::events::FrameEvent;
use crate::loader::{LoadedSdk, SdkVersion, load_sdk, normalize_portal};
use crate::preflight;

/// Checks the portal, loads the script and creates the frame (the caller holds the lifecycle).
pub(super) async fn mount_instance(shared: &Rc<Shared>) {
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
