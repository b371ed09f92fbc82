//! Loading the official `api.js`: one load per portal and version, shared by every caller.
//!
//! api.js 2.1.0 is an esbuild IIFE assigned to a top-level `var DocSpace`, which overwrites the
//! `window.DocSpace` it has just filled with `undefined`. Before any script runs we define
//! `window.DocSpace` as an accessor that ignores falsy writes, so both versions keep their global.

use std::cell::RefCell;
use std::rc::Rc;

use futures::channel::oneshot;
use futures::future::{FutureExt, Shared};
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::error::SdkError;
use crate::vec_map::VecMap;
use crate::weburl::WebUrl;

/// Script versions a portal serves.
///
/// ```
/// use docspace_sdk::SdkVersion;
/// assert_eq!(SdkVersion::default(), SdkVersion::V2_1_0);
/// assert_eq!(
///     SdkVersion::V2_0_0.script_url("https://docs.example.com/"),
///     "https://docs.example.com/static/scripts/sdk/2.0.0/api.js"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum SdkVersion {
    /// `/static/scripts/sdk/2.0.0/api.js`
    V2_0_0,
    /// `/static/scripts/sdk/2.1.0/api.js` (what DocSpace itself uses).
    #[default]
    V2_1_0,
}

impl SdkVersion {
    /// The version as in the script path.
    pub fn as_str(self) -> &'static str {
        match self {
            SdkVersion::V2_0_0 => "2.0.0",
            SdkVersion::V2_1_0 => "2.1.0",
        }
    }

    /// The version named as in the script path (`"2.0.0"`, `"2.1.0"`), if it is one of these.
    pub fn parse(name: &str) -> Option<SdkVersion> {
        [SdkVersion::V2_0_0, SdkVersion::V2_1_0]
            .into_iter()
            .find(|v| v.as_str() == name)
    }

    /// The script URL on `portal`.
    pub fn script_url(self, portal: &str) -> String {
        format!(
            "{}/static/scripts/sdk/{}/api.js",
            portal.trim_end_matches('/'),
            self.as_str()
        )
    }
}

#[wasm_bindgen(inline_js = r#"
export function dsInstallTrap() {
  if (window.__dsTrap) return;
  let held = window.DocSpace || undefined;
  Object.defineProperty(window, "DocSpace", {
    configurable: true,
    get() { return held; },
    set(v) { if (v) held = v; },
  });
  window.__dsTrap = { reset() { held = undefined; } };
}
export function dsResetTrap() { window.__dsTrap.reset(); }
export function dsCurrentSdk() {
  const d = window.DocSpace;
  return d && d.SDK ? d.SDK : undefined;
}
"#)]
extern "C" {
    fn dsInstallTrap();
    fn dsResetTrap();
    fn dsCurrentSdk() -> JsValue;
}

/// A loaded SDK: the `DocSpace.SDK` object of one script version from one portal.
///
/// ```no_run
/// # async fn demo() -> Result<(), docspace_sdk::SdkError> {
/// use docspace_sdk::{load_sdk, SdkVersion};
/// let sdk = load_sdk("https://docs.example.com", SdkVersion::V2_1_0).await?;
/// assert_eq!(sdk.portal(), "https://docs.example.com");
/// # Ok(()) }
/// ```
#[derive(Clone, Debug)]
pub struct LoadedSdk {
    portal: String,
    version: SdkVersion,
    sdk: JsValue,
}

impl LoadedSdk {
    /// The portal the script came from.
    pub fn portal(&self) -> &str {
        &self.portal
    }

    /// The script version.
    pub fn version(&self) -> SdkVersion {
        self.version
    }

    /// The SDK an inline bootstrap loaded.
    pub(crate) fn adopted(portal: &str, version: SdkVersion, sdk: JsValue) -> LoadedSdk {
        LoadedSdk {
            portal: portal.to_string(),
            version,
            sdk,
        }
    }

    /// The raw `DocSpace.SDK` object.
    pub fn raw(&self) -> &JsValue {
        &self.sdk
    }
}

type LoadFuture = Shared<futures::future::LocalBoxFuture<'static, Result<LoadedSdk, SdkError>>>;

thread_local! {
    static LOADS: RefCell<VecMap<(String, SdkVersion), LoadFuture>> = const { RefCell::new(VecMap::new()) };
    // Script loads run one at a time so each capture belongs to the script that made it.
    static QUEUE: RefCell<Option<Shared<futures::future::LocalBoxFuture<'static, ()>>>> = const { RefCell::new(None) };
}

/// Loads `api.js` of `version` from `portal` once; concurrent and later calls share the result.
/// A failed load is forgotten so that a retry tries again. Frames call this themselves; call
/// it directly to preload the script.
///
/// ```no_run
/// # async fn demo() {
/// use docspace_sdk::{load_sdk, SdkError, SdkVersion};
/// match load_sdk("https://docs.example.com", SdkVersion::V2_1_0).await {
///     Ok(_) => println!("ready to embed"),
///     Err(e @ SdkError::ScriptUnreachable { .. }) => println!("{}", e.diagnosis().fix),
///     Err(e) => println!("{e}"),
/// }
/// # }
/// ```
pub async fn load_sdk(portal: &str, version: SdkVersion) -> Result<LoadedSdk, SdkError> {
    let portal = normalize_portal(portal)?;
    let key = (portal.clone(), version);
    let fut = LOADS.with(|l| {
        l.borrow_mut()
            .get_or_insert_with(key.clone(), || {
                load_serialized(portal, version).boxed_local().shared()
            })
            .clone()
    });
    let out = fut.await;
    if out.is_err() {
        LOADS.with(|l| l.borrow_mut().remove(&key));
    }
    out
}

/// Remembers a script the inline bootstrap loaded, so later frames of that portal and version
/// use it instead of loading it again.
pub(crate) fn remember(sdk: LoadedSdk) {
    let key = (sdk.portal.clone(), sdk.version);
    LOADS.with(|l| {
        l.borrow_mut().get_or_insert_with(key, || {
            futures::future::ready(Ok(sdk)).boxed_local().shared()
        });
    });
}

/// The portal as the browser serializes its origin (lowercase, no default port, no slash):
/// the form `MessageEvent.origin` has, which the guard compares with.
pub(crate) fn normalize_portal(portal: &str) -> Result<String, SdkError> {
    let invalid = || SdkError::InvalidPortal(portal.to_string());
    let url = WebUrl::parse(portal.trim()).ok_or_else(invalid)?;
    // An http(s) URL that serializes as its origin plus "/" has a host and no user, password,
    // path, query or fragment (an empty `?` or `#` still shows in the serialization).
    let plain = matches!(url.scheme.as_str(), "http" | "https")
        && !url.host.is_empty()
        && url.href.strip_suffix('/') == Some(url.origin.as_str());
    if !plain {
        return Err(invalid());
    }
    Ok(url.origin)
}

async fn load_serialized(portal: String, version: SdkVersion) -> Result<LoadedSdk, SdkError> {
    let (done_tx, done_rx) = oneshot::channel::<()>();
    let done = done_rx.map(|_| ()).boxed_local().shared();
    let previous = QUEUE.with(|q| q.borrow_mut().replace(done));
    if let Some(prev) = previous {
        prev.await;
    }
    let out = load_script(&portal, version).await;
    let _ = done_tx.send(());
    out.map(|sdk| LoadedSdk {
        portal,
        version,
        sdk,
    })
}

async fn load_script(portal: &str, version: SdkVersion) -> Result<JsValue, SdkError> {
    const TIMEOUT_MS: u32 = 15_000;
    let url = version.script_url(portal);
    let window = web_sys::window().ok_or(SdkError::NoWindow)?;
    let document = window.document().ok_or(SdkError::NoWindow)?;
    dsInstallTrap();
    dsResetTrap();

    let script: web_sys::HtmlScriptElement = document
        .create_element("script")
        .map_err(|_| SdkError::NoWindow)?
        .unchecked_into();
    script.set_src(&url);
    script.set_async(true);

    let (tx, rx) = oneshot::channel::<Result<(), SdkError>>();
    let tx = Rc::new(RefCell::new(Some(tx)));
    let settle = {
        let tx = tx.clone();
        move |r: Result<(), SdkError>| {
            if let Some(tx) = tx.borrow_mut().take() {
                let _ = tx.send(r);
            }
        }
    };
    let on_load = {
        let settle = settle.clone();
        Closure::<dyn FnMut()>::new(move || settle(Ok(())))
    };
    let on_error = {
        let settle = settle.clone();
        let url = url.clone();
        Closure::<dyn FnMut()>::new(move || {
            settle(Err(SdkError::ScriptUnreachable { url: url.clone() }))
        })
    };
    let on_timeout = {
        let settle = settle.clone();
        let url = url.clone();
        Closure::<dyn FnMut()>::new(move || {
            settle(Err(SdkError::LoadTimeout {
                url: url.clone(),
                millis: TIMEOUT_MS,
            }))
        })
    };
    script.set_onload(Some(on_load.as_ref().unchecked_ref()));
    script.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    let timer = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(
            on_timeout.as_ref().unchecked_ref(),
            TIMEOUT_MS as i32,
        )
        .unwrap_or(-1);
    let head = document.head().ok_or(SdkError::NoWindow)?;
    head.append_child(&script).map_err(|_| SdkError::NoWindow)?;

    let outcome = rx.await.unwrap_or(Err(SdkError::NoWindow));
    window.clear_timeout_with_handle(timer);
    script.set_onload(None);
    script.set_onerror(None);
    outcome?;
    let sdk = dsCurrentSdk();
    if sdk.is_undefined() || sdk.is_null() {
        return Err(SdkError::NoSdk { url });
    }
    Ok(sdk)
}

#[cfg(test)]
mod tests {
    use super::*;

    // In wasm the browser's `URL` parses: the same answers are required of it.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn portal_urls_are_origins() {
        assert_eq!(
            normalize_portal("https://a.example.com/").as_deref(),
            Ok("https://a.example.com")
        );
        assert!(normalize_portal("a.example.com").is_err());
        assert!(normalize_portal("https://a.example.com/path").is_err());
        assert!(normalize_portal("https://a.example.com/?x=1").is_err());
        assert!(normalize_portal("https://user@a.example.com").is_err());
        assert!(normalize_portal("ftp://a.example.com").is_err());
        for not_plain in [
            "https://a.example.com/?",
            "https://a.example.com/#",
            "https://a.example.com#x",
            "https://:pw@a.example.com",
            "https://a.example.com//",
            "https://a b.example.com",
            "http://a.example.com:99999",
            "mailto:a@example.com",
        ] {
            assert!(normalize_portal(not_plain).is_err(), "{not_plain}");
        }
        assert_eq!(
            normalize_portal("https://Bücher.example:8443").as_deref(),
            Ok("https://xn--bcher-kva.example:8443")
        );
        assert_eq!(
            normalize_portal(" HTTPS://Docs.Example.COM:443/ ").as_deref(),
            Ok("https://docs.example.com")
        );
        assert_eq!(
            normalize_portal("http://127.0.0.1:8092").as_deref(),
            Ok("http://127.0.0.1:8092")
        );
        assert_eq!(
            SdkVersion::V2_0_0.script_url("http://127.0.0.1:8092"),
            "http://127.0.0.1:8092/static/scripts/sdk/2.0.0/api.js"
        );
    }
}
