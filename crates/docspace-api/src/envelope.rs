//! Decoding DocSpace's envelope and its error forms (ONLYOFFICE/DocSpace-server: `common/ASC.Api.Core/Middleware/CommonApiResponse.cs`, `ResponseWrapper.cs`).
//!
//! The envelope is parsed once, by non-generic code, keeping its `response` as JSON text; each
//! payload type then adds only its own `Deserialize` on serde_json's one string reader. Decoding
//! through a `serde_json::Value` instead instantiated every model's decoder a second time (for the
//! `Value` deserializer) and made it large in the wasm.

use serde::Deserialize;
use serde::de::{DeserializeOwned, IgnoredAny};
use serde_json::Value;
use serde_json::value::RawValue;

use crate::error::Error;
use crate::scheduler::PortalLimits;
use crate::transport::RawResponse;

/// How much of a body a [`Error::Decode`] keeps.
const SNIPPET: usize = 200;

fn snippet(body: &[u8]) -> String {
    String::from_utf8_lossy(body)
        .chars()
        .take(SNIPPET)
        .collect()
}

fn decode_error(e: &dyn std::fmt::Display, body: &[u8]) -> Error {
    Error::Decode {
        message: e.to_string(),
        snippet: snippet(body),
    }
}

/// The envelope's `response` and `total`.
pub struct Decoded<T> {
    /// The payload.
    pub response: T,
    /// The envelope's `total`, for lists that set it.
    pub total: Option<u64>,
}

/// The envelope fields this client reads, borrowed from the body.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    response: Option<&'a RawValue>,
    /// Raw too: a `total` that is not a non-negative integer reads as absent, not as an error.
    #[serde(borrow, default)]
    total: Option<&'a RawValue>,
}

/// A 2xx answer's `response` as JSON text (`null` when absent or the body is empty) and its
/// `total`. Not generic: one copy serves every payload type.
pub(crate) fn payload(resp: &RawResponse) -> Result<(&str, Option<u64>), Error> {
    if !(200..300).contains(&resp.status) {
        return Err(error_of(resp));
    }
    let body = resp.body.as_slice();
    // JSON is UTF-8; reading it as `str` keeps serde_json to the one (string) reader everywhere.
    let text = std::str::from_utf8(body).map_err(|e| decode_error(&e, body))?;
    match text.trim_ascii_start().as_bytes().first() {
        None => Ok(("null", None)),
        Some(b'{') => {
            let env: Envelope<'_> =
                serde_json::from_str(text).map_err(|e| decode_error(&e, body))?;
            let total = env.total.and_then(|t| t.get().parse::<u64>().ok());
            Ok((env.response.map_or("null", RawValue::get), total))
        }
        Some(_) => match serde_json::from_str::<IgnoredAny>(text) {
            Err(e) => Err(decode_error(&e, body)),
            // `null` reads as an empty envelope; any other JSON value is not an envelope.
            Ok(_) if text.trim_ascii() == "null" => Ok(("null", None)),
            Ok(_) => Err(decode_error(&"the answer is not an envelope", body)),
        },
    }
}

/// Decodes a payload's JSON text; `body` is the whole answer, for the error's snippet.
pub(crate) fn from_payload<T: DeserializeOwned>(json: &str, body: &[u8]) -> Result<T, Error> {
    serde_json::from_str(json).map_err(|e| decode_error(&e, body))
}

/// Turns a 2xx answer into the envelope's `response` (absent or empty bodies read as `null`).
pub fn decode<T: DeserializeOwned>(resp: &RawResponse) -> Result<T, Error> {
    from_payload(payload(resp)?.0, &resp.body)
}

/// Like [`decode`], keeping the envelope's `total`.
pub fn decode_with_total<T: DeserializeOwned>(resp: &RawResponse) -> Result<Decoded<T>, Error> {
    let (json, total) = payload(resp)?;
    Ok(Decoded {
        response: from_payload(json, &resp.body)?,
        total,
    })
}

/// The error a non-2xx answer stands for; empty bodies included.
pub fn error_of(resp: &RawResponse) -> Error {
    // Through `str`, like the payloads: one serde_json reader in the wasm.
    let v: Option<Value> = std::str::from_utf8(&resp.body)
        .ok()
        .and_then(|s| serde_json::from_str(s).ok());
    let message = v
        .as_ref()
        .and_then(|v| {
            v.pointer("/error/message")
                .or_else(|| v.pointer("/response/title"))
                .or_else(|| v.pointer("/message"))
        })
        .and_then(Value::as_str)
        .map(str::to_string);
    let or = |default: &str| message.clone().unwrap_or_else(|| default.to_string());
    match resp.status {
        400 => Error::BadRequest {
            message: or("the portal rejected the request"),
            field_errors: v.as_ref().map(field_errors).unwrap_or_default(),
        },
        401 => Error::Unauthorized {
            message: or("missing or invalid credentials"),
        },
        403 => Error::Forbidden {
            message: or("access denied"),
        },
        404 => Error::NotFound {
            message: or("not found"),
        },
        407 => Error::ProxyAuthentication {
            challenge: resp.header("proxy-authenticate").map(str::to_string),
        },
        429 => Error::RateLimited {
            retry_after: PortalLimits::of(resp).and_then(|l| l.wait()),
        },
        status => Error::Server {
            status,
            message: or(&format!("the portal answered {status}")),
        },
    }
}

/// `(field, message)` pairs of a validation envelope's `response.errors`.
fn field_errors(v: &Value) -> Vec<(String, String)> {
    let Some(errors) = v.pointer("/response/errors").and_then(Value::as_object) else {
        return Vec::new();
    };
    errors
        .iter()
        .flat_map(|(field, msgs)| {
            let msgs: Vec<String> = match msgs {
                Value::Array(a) => a
                    .iter()
                    .filter_map(|m| m.as_str().map(String::from))
                    .collect(),
                Value::String(s) => vec![s.clone()],
                _ => vec![],
            };
            msgs.into_iter().map(move |m| (field.clone(), m))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resp(status: u16, body: &str) -> RawResponse {
        RawResponse {
            status,
            headers: vec![],
            body: body.as_bytes().to_vec(),
        }
    }

    #[test]
    fn success_envelopes_decode_with_total() {
        let r = resp(
            200,
            r#"{"response":[1,2],"count":2,"total":250,"links":[],"status":0,"statusCode":200}"#,
        );
        let d: Decoded<Vec<u8>> = decode_with_total(&r).unwrap();
        assert_eq!((d.response, d.total), (vec![1, 2], Some(250)));
        let created = resp(201, r#"{"response":"x","status":0,"statusCode":201}"#);
        assert_eq!(decode::<String>(&created).unwrap(), "x");
    }

    #[test]
    fn void_answers_decode_as_unit_and_option() {
        decode::<()>(&resp(200, r#"{"count":0,"status":0,"statusCode":200}"#)).unwrap();
        decode::<()>(&resp(204, "")).unwrap();
        assert_eq!(
            decode::<Option<String>>(&resp(200, r#"{"response":null}"#)).unwrap(),
            None
        );
    }

    #[test]
    fn envelope_edge_forms_decode_like_a_json_value_did() {
        // A `total` that is not a non-negative integer reads as absent, never as an error.
        for total in ["\"250\"", "-1", "2.5", "null", "{}", "18446744073709551616"] {
            let body = format!(r#"{{"response":[1],"total":{total}}}"#);
            let d: Decoded<Vec<u8>> = decode_with_total(&resp(200, &body)).unwrap();
            assert_eq!((d.response, d.total), (vec![1], None), "{total}");
        }
        let d: Decoded<Vec<u8>> = decode_with_total(&resp(
            200,
            r#" {"total":18446744073709551615,"response":[]}"#,
        ))
        .unwrap();
        assert_eq!(d.total, Some(u64::MAX));
        // `null`, whitespace, and an envelope without `response` all read as a `null` payload.
        for body in ["null", " \n\tnull ", " \r\n", r#"{"status":0}"#] {
            assert_eq!(
                decode::<Option<u8>>(&resp(200, body)).unwrap(),
                None,
                "{body:?}"
            );
        }
        // Unknown fields of any shape are skipped; escapes inside `response` survive.
        let body = r#"{"links":[{"href":"x"}],"response":{"a":"\u00e9\""},"count":1}"#;
        let m: std::collections::BTreeMap<String, String> = decode(&resp(200, body)).unwrap();
        assert_eq!(m["a"], "é\"");
    }

    #[test]
    fn malformed_envelopes_are_decode_errors() {
        for body in [
            "\"text\"",
            "42",
            "nul",
            r#"{"response":1"#,
            r#"{"response":1} trailing"#,
        ] {
            let e = decode::<Option<u8>>(&resp(200, body)).unwrap_err();
            assert!(matches!(e, Error::Decode { .. }), "{body}: {e:?}");
        }
        let bytes = RawResponse {
            status: 200,
            headers: vec![],
            body: b"{\"response\":\"\xff\"}".to_vec(),
        };
        assert!(matches!(
            decode::<String>(&bytes).unwrap_err(),
            Error::Decode { .. }
        ));
        // A non-2xx answer never reaches the payload decoder.
        assert!(matches!(
            decode::<u8>(&resp(404, r#"{"response":1}"#)).unwrap_err(),
            Error::NotFound { .. }
        ));
    }

    #[test]
    fn undecodable_bodies_keep_a_snippet() {
        let e = decode::<u8>(&resp(200, "<html>proxy error</html>")).unwrap_err();
        match e {
            Error::Decode { snippet, .. } => assert!(snippet.starts_with("<html>")),
            other => panic!("{other:?}"),
        }
        let long = "x".repeat(1000);
        match decode::<u8>(&resp(200, &long)).unwrap_err() {
            Error::Decode { snippet, .. } => assert_eq!(snippet.len(), SNIPPET),
            other => panic!("{other:?}"),
        }
        let e = decode::<u8>(&resp(200, r#"{"response":"nope"}"#)).unwrap_err();
        assert!(matches!(e, Error::Decode { .. }));
        let e = decode::<u8>(&resp(200, "[1]")).unwrap_err();
        assert!(matches!(e, Error::Decode { .. }));
    }

    #[test]
    fn validation_envelopes_keep_field_errors() {
        let r = resp(
            400,
            r#"{"response":{"type":"https://tools.ietf.org/html/rfc9110#section-15.5.1",
                "title":"One or more validation errors occurred.","status":400,
                "errors":{"Count":["The field Count must be between 1 and 100."],"Title":"required"},
                "traceId":"00-x"},"count":1,"links":[],"status":1,"statusCode":400}"#,
        );
        match error_of(&r) {
            Error::BadRequest {
                message,
                field_errors,
            } => {
                assert_eq!(message, "One or more validation errors occurred.");
                assert!(field_errors.contains(&(
                    "Count".into(),
                    "The field Count must be between 1 and 100.".into()
                )));
                assert!(field_errors.contains(&("Title".into(), "required".into())));
            }
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn exception_bodies_keep_the_message() {
        let body = r#"{"error":{"message":"The room is not found","type":"System.IO.FileNotFoundException",
                      "stack":"   at …","hresult":-2146233078},"status":1,"statusCode":404}"#;
        assert_eq!(
            error_of(&resp(404, body)),
            Error::NotFound {
                message: "The room is not found".into()
            }
        );
        let body = r#"{"error":{"message":"Access denied","type":null,"stack":null,"hresult":0},"status":1,"statusCode":403}"#;
        assert_eq!(
            error_of(&resp(403, body)),
            Error::Forbidden {
                message: "Access denied".into()
            }
        );
        let e = error_of(&resp(402, r#"{"error":{"message":"Quota exceeded"}}"#));
        assert_eq!(
            e,
            Error::Server {
                status: 402,
                message: "Quota exceeded".into()
            }
        );
    }

    #[test]
    fn empty_bodies_map_to_every_variant() {
        assert!(matches!(error_of(&resp(400, "")), Error::BadRequest { .. }));
        assert!(matches!(
            error_of(&resp(401, "")),
            Error::Unauthorized { .. }
        ));
        assert!(matches!(error_of(&resp(403, "")), Error::Forbidden { .. }));
        assert!(matches!(error_of(&resp(404, "")), Error::NotFound { .. }));
        assert_eq!(
            error_of(&resp(407, "")),
            Error::ProxyAuthentication { challenge: None }
        );
        assert_eq!(
            error_of(&resp(429, "")),
            Error::RateLimited { retry_after: None }
        );
        let mut limited = resp(429, "");
        limited.headers.push(("retry-after".into(), "7".into()));
        assert_eq!(
            error_of(&limited).retry_after(),
            Some(std::time::Duration::from_secs(7))
        );
        assert_eq!(error_of(&resp(502, "")).status(), Some(502));
    }
}
