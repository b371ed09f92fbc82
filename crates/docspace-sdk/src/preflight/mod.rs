//! Checks that run before a frame is created, so that a frame that cannot work is explained
//! instead of left blank: mixed content, a portal that does not answer, a page origin missing
//! from the portal's allowed domains.

pub(crate) mod csp;

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::bridge::timer;
use crate::error::SdkError;
use csp::Origin;

/// How long the allowed-domains request may take.
const CSP_TIMEOUT_MS: u32 = 10_000;

/// The page's origin.
pub(crate) fn page_origin() -> Result<Origin, SdkError> {
    let href = web_sys::window()
        .ok_or(SdkError::NoWindow)?
        .location()
        .href()
        .map_err(|_| SdkError::NoWindow)?;
    Origin::parse(&href).ok_or(SdkError::NoWindow)
}

/// An HTTPS page cannot load an HTTP portal (browsers exempt loopback hosts).
pub(crate) fn check_mixed_content(page: &Origin, portal: &str) -> Result<(), SdkError> {
    let Some(p) = Origin::parse(portal) else {
        return Err(SdkError::InvalidPortal(portal.to_string()));
    };
    if page.scheme == "https" && p.scheme == "http" && !p.is_loopback() {
        return Err(SdkError::MixedContent {
            page: page.serialize(),
            portal: portal.to_string(),
        });
    }
    Ok(())
}

/// Asks the portal for its allowed domains (`GET /api/2.0/security/csp`, anonymous) and checks
/// this page against them. `portal` is a normalized origin. Not cached: an admin may change the
/// list at any time, and the request runs while the script loads.
pub(crate) async fn check_csp(portal: &str) -> Result<(), SdkError> {
    let page = page_origin()?;
    let Some(portal_origin) = Origin::parse(portal) else {
        return Err(SdkError::InvalidPortal(portal.to_string()));
    };
    if page == portal_origin {
        return Ok(());
    }
    let body = fetch_json(&format!("{portal}/api/2.0/security/csp"), portal).await?;
    let Some(domains) = body
        .get("response")
        .and_then(|r| r.get("domains"))
        .and_then(Value::as_array)
    else {
        return Err(SdkError::NotAPortal {
            portal: portal.to_string(),
            detail: "/api/2.0/security/csp has no `response.domains` list".into(),
        });
    };
    let domains: Vec<String> = domains
        .iter()
        .filter_map(Value::as_str)
        .map(str::to_string)
        .collect();
    if csp::allowed(&page, &portal_origin.scheme, &domains) {
        Ok(())
    } else {
        Err(SdkError::CspOriginMissing {
            origin: page.serialize(),
            portal: portal.to_string(),
            allowed: domains,
        })
    }
}

/// Whether anything answers at `portal` (an opaque `no-cors` request; only a network failure
/// counts). Turns a script that failed to load into the more useful "portal unreachable".
pub(crate) async fn check_reachable(portal: &str) -> Result<(), SdkError> {
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::NoCors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    send(&format!("{portal}/"), &init, portal).await.map(|_| ())
}

/// Whether anything answers at `portal`, asked from this page as a frame's preflight asks (an
/// opaque request: only a network failure counts). For diagnostics pages.
///
/// ```no_run
/// # async fn demo() {
/// match docspace_sdk::portal_reachable("https://docs.example.com").await {
///     Ok(()) => println!("the portal answers"),
///     Err(e) => println!("{}", e.diagnosis().fix),
/// }
/// # }
/// ```
pub async fn portal_reachable(portal: &str) -> Result<(), SdkError> {
    let portal = crate::loader::normalize_portal(portal)?;
    check_reachable(&portal).await
}

/// Whether this page's origin is in the portal's allowed domains (its CSP list), checked as a
/// frame checks before it is created: [`SdkError::CspOriginMissing`] when it is not. For
/// diagnostics pages.
///
/// ```no_run
/// # async fn demo() {
/// use docspace_sdk::SdkError;
/// match docspace_sdk::origin_allowed("https://docs.example.com").await {
///     Ok(()) => println!("frames may embed the portal here"),
///     Err(SdkError::CspOriginMissing { origin, .. }) => println!("add {origin} to the portal"),
///     Err(e) => println!("{e}"),
/// }
/// # }
/// ```
pub async fn origin_allowed(portal: &str) -> Result<(), SdkError> {
    let portal = crate::loader::normalize_portal(portal)?;
    check_csp(&portal).await
}

async fn fetch_json(url: &str, portal: &str) -> Result<Value, SdkError> {
    let init = web_sys::RequestInit::new();
    init.set_mode(web_sys::RequestMode::Cors);
    init.set_credentials(web_sys::RequestCredentials::Omit);
    init.set_cache(web_sys::RequestCache::NoStore);
    let resp = send(url, &init, portal).await?;
    let not_portal = |detail: String| SdkError::NotAPortal {
        portal: portal.to_string(),
        detail,
    };
    if !resp.ok() {
        return Err(not_portal(format!("{url} answered HTTP {}", resp.status())));
    }
    let text = resp
        .text()
        .map_err(|_| not_portal("unreadable answer".into()))?;
    let text = JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| not_portal("unreadable answer".into()))?;
    crate::bridge::js::parse_json(&text)
        .ok_or_else(|| not_portal(format!("{url} did not answer JSON")))
}

/// Sends a request with a timeout; network failures become [`SdkError::PortalUnreachable`].
async fn send(
    url: &str,
    init: &web_sys::RequestInit,
    portal: &str,
) -> Result<web_sys::Response, SdkError> {
    let window = web_sys::window().ok_or(SdkError::NoWindow)?;
    let abort = web_sys::AbortController::new().ok();
    if let Some(a) = &abort {
        init.set_signal(Some(&a.signal()));
    }
    let request = JsFuture::from(window.fetch_with_str_and_init(url, init));
    let unreachable = |detail: String| SdkError::PortalUnreachable {
        portal: portal.to_string(),
        detail,
    };
    match timer::timeout(CSP_TIMEOUT_MS, request).await {
        Some(Ok(resp)) => resp
            .dyn_into::<web_sys::Response>()
            .map_err(|_| unreachable("not an HTTP response".into())),
        Some(Err(e)) => Err(unreachable(js_error_text(&e))),
        None => {
            if let Some(a) = abort {
                a.abort();
            }
            Err(unreachable(format!("no answer within {CSP_TIMEOUT_MS} ms")))
        }
    }
}

/// The message of a JavaScript exception.
pub(crate) fn js_error_text(e: &wasm_bindgen::JsValue) -> String {
    e.dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| e.as_string())
        .unwrap_or_else(|| "network error".into())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn https_pages_cannot_embed_http_portals_except_loopback() {
        let page = Origin::parse("https://app.example.com").unwrap_or_else(|| panic!("origin"));
        assert!(matches!(
            check_mixed_content(&page, "http://docs.example.com"),
            Err(SdkError::MixedContent { .. })
        ));
        assert!(check_mixed_content(&page, "https://docs.example.com").is_ok());
        assert!(check_mixed_content(&page, "http://127.0.0.1:8092").is_ok());
        let http_page = Origin::parse("http://app.example.com").unwrap_or_else(|| panic!("origin"));
        assert!(check_mixed_content(&http_page, "http://docs.example.com").is_ok());
    }
}
