//! Decoding DocSpace's envelope and its error forms (`reference/rest-api.md` §1).

use serde::de::DeserializeOwned;
use serde_json::Value;
use std::time::Duration;

use crate::error::Error;
use crate::transport::RawResponse;

const SNIPPET: usize = 200;

fn snippet(body: &[u8]) -> String {
    let s = String::from_utf8_lossy(body);
    s.chars().take(SNIPPET).collect()
}

/// Turns a raw answer into the envelope's `response`, or the matching [`Error`].
pub fn decode<T: DeserializeOwned>(resp: &RawResponse) -> Result<T, Error> {
    if !(200..300).contains(&resp.status) {
        return Err(error_of(resp));
    }
    let v: Value = serde_json::from_slice(&resp.body).map_err(|e| Error::Decode {
        message: e.to_string(),
        snippet: snippet(&resp.body),
    })?;
    let response = v.get("response").cloned().unwrap_or(Value::Null);
    serde_json::from_value(response).map_err(|e| Error::Decode {
        message: e.to_string(),
        snippet: snippet(&resp.body),
    })
}

/// The error a non-2xx answer stands for; empty bodies included.
pub fn error_of(resp: &RawResponse) -> Error {
    let v: Option<Value> = serde_json::from_slice(&resp.body).ok();
    let message = v
        .as_ref()
        .and_then(|v| {
            v.pointer("/error/message")
                .or_else(|| v.pointer("/response/title"))
        })
        .and_then(Value::as_str)
        .map(str::to_string);
    let field_errors = v
        .as_ref()
        .and_then(|v| v.pointer("/response/errors"))
        .and_then(Value::as_object)
        .map(|m| {
            m.iter()
                .flat_map(|(k, msgs)| {
                    let msgs: Vec<String> = match msgs {
                        Value::Array(a) => a
                            .iter()
                            .filter_map(|m| m.as_str().map(String::from))
                            .collect(),
                        Value::String(s) => vec![s.clone()],
                        _ => vec![],
                    };
                    msgs.into_iter().map(move |m| (k.clone(), m))
                })
                .collect()
        })
        .unwrap_or_default();
    let or = |default: &str| message.clone().unwrap_or_else(|| default.to_string());
    match resp.status {
        400 => Error::BadRequest {
            message: or("the portal rejected the request"),
            field_errors,
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
        407 => Error::ProxyAuthentication,
        429 => Error::RateLimited {
            retry_after: resp
                .header("retry-after")
                .and_then(|s| s.trim().parse::<u64>().ok())
                .map(Duration::from_secs),
        },
        status => Error::Server {
            status,
            message: or("the portal failed"),
        },
    }
}
