//! Early requests: a page's first GET started while its HTML is parsed, before the wasm that
//! would send it has been fetched, compiled and started, and handed to the client when it sends
//! that GET.
//!
//! A page on the portal's origin, or behind `docspace-host` ([`crate::Auth::HostProxy`]), puts the
//! script [`EarlyRequest::script`] writes in its `<head>`. The script starts `fetch` for each
//! request and keeps the pending answer in `window.docspaceEarly`, keyed by the request's path
//! and query. When the client later sends a GET to exactly that path and query, the browser
//! transport takes the answer (once) instead of fetching again; everything after (status,
//! envelope, errors, the scheduler's accounting of `X-RateLimit-*`) is as for any answer. A GET
//! the script did not start, or one asked for a second time, goes to the network as usual.
//!
//! ```
//! use docspace_api::Client;
//! use docspace_api::early::EarlyRequest;
//!
//! // What the page's wasm will ask first, described by the same builder that sends it.
//! let client = Client::builder("http://127.0.0.1:8080").host_proxy().build()?;
//! let first = client.rooms().list().early()?;
//! let script = EarlyRequest::script(&[first]);
//! assert!(script.contains(r#""/api/2.0/files/rooms?startIndex=0&count=100""#));
//! // Written into the page as `<script>{script}</script>` (it has no `</script>` in it).
//! # Ok::<(), docspace_api::Error>(())
//! ```
//!
//! Only what an HTML page may hold is written into one: a request whose credentials are a secret
//! (an API key, a token, an external link's key) is refused with [`Error::InvalidInput`], and
//! the transport never hands an early answer to a request that carries one, as the early fetch
//! could not have sent it.

use serde_json::json;

use crate::client::{Client, LINK_KEY_HEADER};
use crate::error::Error;
use crate::request::Request;
use crate::transport::Method;

/// The global the script keeps the pending answers in.
pub const EARLY_GLOBAL: &str = "docspaceEarly";

/// A GET for a page's script to start early: its path and query on the page's origin, and the
/// headers the client will send with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct EarlyRequest {
    path_and_query: String,
    headers: Vec<(String, String)>,
    timeout_ms: u128,
}

impl EarlyRequest {
    /// The request's path and query, as the page fetches it (`/api/2.0/files/rooms?…`).
    pub fn path_and_query(&self) -> &str {
        &self.path_and_query
    }

    /// The JavaScript that starts `requests` and keeps their answers for the client: the body
    /// of an inline `<script>` in the page's `<head>`. Each fetch gives up after the client's
    /// timeout, as the client's own would.
    pub fn script(requests: &[EarlyRequest]) -> String {
        let mut js = format!("(()=>{{const e=self.{EARLY_GLOBAL}??={{}};");
        for r in requests {
            let headers: serde_json::Map<_, _> = r
                .headers
                .iter()
                .map(|(k, v)| (k.clone(), json!(v)))
                .collect();
            let url = json!(r.path_and_query).to_string();
            js.push_str(&format!(
                "e[{url}]=fetch({url},{{headers:{},signal:AbortSignal.timeout({})}});",
                serde_json::Value::Object(headers),
                r.timeout_ms
            ));
        }
        js.push_str("})();");
        // JSON leaves `<` as it is: a `</script>` in a value would end the element early.
        js.replace('<', "\\u003c")
    }
}

impl Client {
    /// `req` as an early request, or why a page may not start it: the request as the client
    /// would send it (`raw_request`, one home for its headers), if none of them is a secret.
    pub(crate) fn early(&self, req: Request) -> Result<EarlyRequest, Error> {
        if req.method != Method::Get {
            return Err(Error::invalid(
                "early request",
                "only a GET can be started before the client asks for it",
            ));
        }
        let raw = self.raw_request(req, true);
        if raw.headers.iter().any(|(name, _)| is_secret(name)) {
            return Err(Error::invalid(
                "early request",
                "its credential (an API key, a token or an external link's key) is a secret, \
                 and a page's script must not hold one: sign in with the portal's cookie or \
                 through docspace-host",
            ));
        }
        Ok(EarlyRequest {
            path_and_query: path_of(&raw.url).to_string(),
            headers: raw.headers,
            timeout_ms: raw.timeout.as_millis(),
        })
    }
}

/// Whether a request header carries a secret, which no page's script may hold, so no early
/// fetch can have sent it.
fn is_secret(name: &str) -> bool {
    name == "authorization" || name == LINK_KEY_HEADER
}

/// The path (and query) part of a URL (`http://host:8080/portal/` → `/portal`, no trailing
/// slash): the page fetches on its own origin.
fn path_of(base_url: &str) -> &str {
    let after_scheme = base_url
        .split_once("://")
        .map_or(base_url, |(_, rest)| rest);
    after_scheme
        .find('/')
        .map_or("", |i| &after_scheme[i..])
        .trim_end_matches('/')
}

/// The early answer kept for a GET of `url`, taken out so that it serves once; `None` when
/// there is none, or the request carries a credential the early fetch could not have sent.
#[cfg(target_arch = "wasm32")]
pub(crate) fn take(url: &str, headers: &[(String, String)]) -> Option<js_sys::Promise> {
    use wasm_bindgen::{JsCast, JsValue};

    if headers.iter().any(|(name, _)| is_secret(name)) {
        return None;
    }
    let window = web_sys::window()?;
    let kept = js_sys::Reflect::get(&window, &JsValue::from_str(EARLY_GLOBAL)).ok()?;
    if !kept.is_object() {
        return None;
    }
    let origin = window.location().origin().ok()?;
    let key = JsValue::from_str(url.strip_prefix(origin.as_str()).unwrap_or(url));
    let answer = js_sys::Reflect::get(&kept, &key).ok()?;
    let answer = answer.dyn_into::<js_sys::Promise>().ok()?;
    let _ = js_sys::Reflect::delete_property(kept.unchecked_ref::<js_sys::Object>(), &key);
    Some(answer)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::client::Auth;

    fn client(auth: Auth) -> Client {
        Client::builder("http://127.0.0.1:8080/")
            .auth(auth)
            .build()
            .expect("client")
    }

    #[test]
    fn the_base_urls_path_prefixes_the_request() {
        assert_eq!(path_of("http://127.0.0.1:8080"), "");
        assert_eq!(path_of("http://127.0.0.1:8080/"), "");
        assert_eq!(path_of("https://example.org/portal/"), "/portal");
    }

    #[test]
    fn the_script_starts_the_get_with_the_clients_headers_and_timeout() {
        let early = client(Auth::HostProxy)
            .early(Request::get("files/rooms").query("count", 100))
            .expect("a host-proxy GET may start early");
        assert_eq!(early.path_and_query(), "/api/2.0/files/rooms?count=100");
        let script = EarlyRequest::script(&[early]);
        assert_eq!(
            script,
            "(()=>{const e=self.docspaceEarly??={};\
             e[\"/api/2.0/files/rooms?count=100\"]=fetch(\"/api/2.0/files/rooms?count=100\",\
             {headers:{\"accept\":\"application/json\",\"x-docspace-host-key\":\"1\"},\
             signal:AbortSignal.timeout(30000)});})();"
        );
    }

    #[test]
    fn a_value_cannot_end_the_script_element() {
        let early = client(Auth::Cookie)
            .early(Request::get("files/rooms").query("filterValue", "</script><b>"))
            .expect("early");
        let script = EarlyRequest::script(&[early]);
        assert!(!script.contains("</script>"), "{script}");
        assert!(!script.contains('<'), "{script}");
    }

    #[test]
    fn secrets_and_writes_are_refused() {
        for auth in [
            Auth::ApiKey("sk-1".into()),
            Auth::Token("t".into()),
            Auth::OAuth("j".into()),
        ] {
            let err = client(auth)
                .early(Request::get("files/rooms"))
                .expect_err("a secret stays out of the page");
            assert!(err.to_string().contains("secret"), "{err}");
        }
        let linked = Client::builder("http://127.0.0.1:8080")
            .link_key("k")
            .build()
            .expect("client");
        assert!(linked.early(Request::get("files/rooms")).is_err());
        assert!(
            client(Auth::Cookie)
                .early(Request::post("files/rooms"))
                .is_err()
        );
    }
}
