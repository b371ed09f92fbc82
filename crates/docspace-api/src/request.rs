//! What an endpoint asks the client to send: method, path below `/api/2.0`, query, body, and
//! whether sending it twice is harmless.

use std::fmt::Display;

use serde::Serialize;

use crate::error::Error;
use crate::transport::{Body, BodyProgress, Method};

/// One API call, before authentication and scheduling.
#[derive(Debug, Clone)]
pub(crate) struct Request {
    pub method: Method,
    /// Path below the portal root, already percent-encoded (`api/2.0/files/rooms/57`).
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Body,
    /// Safe to send again when the first outcome is unknown.
    pub idempotent: bool,
    /// Told how much of the body has gone out.
    pub progress: Option<BodyProgress>,
}

impl Request {
    fn new(method: Method, api_path: impl Into<String>) -> Request {
        Request {
            method,
            path: format!("api/2.0/{}", api_path.into()),
            query: Vec::new(),
            body: Body::Empty,
            // HTTP's idempotent methods; endpoints that start work on PUT override this.
            idempotent: method != Method::Post,
            progress: None,
        }
    }

    /// `GET /api/2.0/{path}`.
    pub fn get(path: impl Into<String>) -> Request {
        Request::new(Method::Get, path)
    }

    /// `POST /api/2.0/{path}`.
    pub fn post(path: impl Into<String>) -> Request {
        Request::new(Method::Post, path)
    }

    /// `PUT /api/2.0/{path}`.
    pub fn put(path: impl Into<String>) -> Request {
        Request::new(Method::Put, path)
    }

    /// `DELETE /api/2.0/{path}`.
    pub fn delete(path: impl Into<String>) -> Request {
        Request::new(Method::Delete, path)
    }

    /// A GET of a path outside `/api/2.0` (file downloads).
    pub fn get_raw(path: impl Into<String>) -> Request {
        Request {
            path: path.into(),
            ..Request::new(Method::Get, "")
        }
    }

    /// Adds a query parameter.
    pub fn query(mut self, key: &str, value: impl Display) -> Request {
        self.query.push((key.to_string(), value.to_string()));
        self
    }

    /// Adds a query parameter when there is a value.
    pub fn query_opt<V: Display>(self, key: &str, value: Option<V>) -> Request {
        match value {
            Some(v) => self.query(key, v),
            None => self,
        }
    }

    /// Sets a JSON body.
    pub fn json<B: Serialize + ?Sized>(mut self, body: &B) -> Result<Request, Error> {
        let json = serde_json::to_string(body)
            .map_err(|e| Error::invalid("body", format!("cannot be encoded: {e}")))?;
        self.body = Body::Json(json);
        Ok(self)
    }

    /// Sets a raw body.
    pub fn bytes(mut self, content_type: String, data: bytes::Bytes) -> Request {
        self.body = Body::Bytes { content_type, data };
        self
    }

    /// Reports the body's upload progress to `p`.
    pub fn progress(mut self, p: BodyProgress) -> Request {
        self.progress = Some(p);
        self
    }

    /// Overrides whether the request may be sent twice.
    pub fn idempotent(mut self, yes: bool) -> Request {
        self.idempotent = yes;
        self
    }

    /// The path and encoded query (`api/2.0/files/rooms?count=5`).
    pub fn path_and_query(&self) -> String {
        if self.query.is_empty() {
            return self.path.clone();
        }
        let mut q = form_urlencoded::Serializer::new(String::new());
        for (k, v) in &self.query {
            q.append_pair(k, v);
        }
        format!("{}?{}", self.path, q.finish())
    }
}

/// Percent-encodes one path segment (ids of third-party entries contain `/`, `|`, spaces).
pub(crate) fn seg(value: impl Display) -> String {
    // Unreserved characters stay, and `@` (DocSpace's `@my`, `@root` aliases).
    let out = docspace_types::percent::encode(&value.to_string(), b"-._~@");
    // "." and ".." would be resolved away by URL normalisation.
    match out.as_str() {
        "." => "%2E".to_string(),
        ".." => "%2E%2E".to_string(),
        _ => out,
    }
}

/// A `multipart/form-data` body with one file part, built by hand so both targets send the
/// same bytes.
pub(crate) fn multipart_file(field: &str, file_name: &str, data: &[u8]) -> (String, bytes::Bytes) {
    let boundary = format!("----docspace-api-{:016x}", crate::rt::random_u64());
    // Quotes, CR and LF cannot appear inside the quoted file name.
    let safe_name: String = file_name
        .chars()
        .map(|c| match c {
            '"' => '\'',
            '\r' | '\n' => ' ',
            c => c,
        })
        .collect();
    let mut body = Vec::with_capacity(data.len() + 256);
    body.extend_from_slice(
        format!(
            "--{boundary}\r\nContent-Disposition: form-data; name=\"{field}\"; filename=\"{safe_name}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
        )
        .as_bytes(),
    );
    body.extend_from_slice(data);
    body.extend_from_slice(format!("\r\n--{boundary}--\r\n").as_bytes());
    (
        format!("multipart/form-data; boundary={boundary}"),
        bytes::Bytes::from(body),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_are_encoded() {
        assert_eq!(seg(57), "57");
        assert_eq!(seg("sbox-12|/a b"), "sbox-12%7C%2Fa%20b");
        assert_eq!(seg("@my"), "@my");
        assert_eq!(seg(".."), "%2E%2E");
        assert_eq!(seg("ü"), "%C3%BC");
    }

    #[test]
    fn queries_are_encoded_and_repeatable() {
        let r = Request::get("files/rooms")
            .query("type", 1)
            .query("type", 5)
            .query("tags", r#"["a b","c&d"]"#)
            .query_opt::<u8>("count", None);
        assert_eq!(
            r.path_and_query(),
            "api/2.0/files/rooms?type=1&type=5&tags=%5B%22a+b%22%2C%22c%26d%22%5D"
        );
        assert_eq!(Request::get("x").path_and_query(), "api/2.0/x");
    }

    /// application/x-www-form-urlencoded, byte for byte what `url`'s serializer (and a browser's
    /// `URLSearchParams`) writes: space is `+`, a literal `+` is `%2B`, `*-._` stay, and every
    /// other byte of the UTF-8 is `%XX` in upper case.
    #[test]
    fn query_values_encode_like_url_search_params() {
        let q = |v: &str| Request::get("x").query("q", v).path_and_query();
        assert_eq!(q("a b"), "api/2.0/x?q=a+b");
        assert_eq!(q("1+1=2"), "api/2.0/x?q=1%2B1%3D2");
        assert_eq!(q("a/b?c#d&e"), "api/2.0/x?q=a%2Fb%3Fc%23d%26e");
        assert_eq!(q("*-._~!'()"), "api/2.0/x?q=*-._%7E%21%27%28%29");
        assert_eq!(q("Grüße"), "api/2.0/x?q=Gr%C3%BC%C3%9Fe");
        assert_eq!(q("📁 1"), "api/2.0/x?q=%F0%9F%93%81+1");
        assert_eq!(q("%20"), "api/2.0/x?q=%2520");
        assert_eq!(q(""), "api/2.0/x?q=");
        assert_eq!(
            Request::get("x").query("a b", "c").path_and_query(),
            "api/2.0/x?a+b=c"
        );
    }

    #[test]
    fn idempotency_follows_the_method_unless_overridden() {
        assert!(Request::get("x").idempotent);
        assert!(Request::put("x").idempotent);
        assert!(Request::delete("x").idempotent);
        assert!(!Request::post("x").idempotent);
        assert!(
            !Request::put("files/fileops/copy")
                .idempotent(false)
                .idempotent
        );
    }

    #[test]
    fn multipart_bodies_frame_the_file() {
        let (ct, body) = multipart_file("File", "a\"b.txt", b"hello");
        let boundary = ct.strip_prefix("multipart/form-data; boundary=").unwrap();
        let text = String::from_utf8(body.to_vec()).unwrap();
        assert!(text.starts_with(&format!("--{boundary}\r\n")));
        assert!(text.contains("filename=\"a'b.txt\""));
        assert!(text.contains("\r\n\r\nhello\r\n"));
        assert!(text.ends_with(&format!("--{boundary}--\r\n")));
    }
}
