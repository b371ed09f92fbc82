//! DocSpace's response envelope and error bodies (ONLYOFFICE/DocSpace-server: `common/ASC.Api.Core/Middleware/CommonApiResponse.cs`, `ResponseWrapper.cs`).
//!
//! Success: `{"response":…,"count":n,["total":n,]"links":[{"href","action"}],"status":0,"statusCode":200}`.
//! Exceptions: `{"error":{"message","type","stack","hresult"},"status":1,"statusCode":n}`.
//! Validation failures: a ProblemDetails inside the success-shaped envelope with `status: 1`.
//! Authentication, scope and rate-limit refusals: the status code with an empty body.

use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use serde::Serialize;
use serde_json::{Value, json};

tokio::task_local! {
    /// The self link of the request being answered, set by [`with_request_link`].
    static REQUEST_LINK: RequestLink;
}

/// The request's absolute URL and method, echoed in every envelope's `links`.
#[derive(Clone, Debug)]
pub struct RequestLink {
    /// Absolute request URL, including the query.
    pub href: String,
    /// HTTP method.
    pub action: String,
    /// The `?fields=` list (dot paths), when the request has one.
    pub fields: Option<Vec<String>>,
}

/// Runs `fut` with `link` as the self link of every envelope it produces.
pub async fn with_request_link<F: Future>(link: RequestLink, fut: F) -> F::Output {
    REQUEST_LINK.scope(link, fut).await
}

fn links() -> Value {
    REQUEST_LINK
        .try_with(|l| json!([{ "href": l.href, "action": l.action }]))
        .unwrap_or_else(|_| json!([]))
}

/// A successful answer: `response` wrapped in DocSpace's envelope.
#[derive(Debug)]
pub struct Envelope {
    response: Option<Value>,
    status: StatusCode,
    total: Option<u64>,
    count: Option<u64>,
}

impl Envelope {
    /// Wraps any serializable value.
    pub fn ok<T: Serialize>(value: T) -> Envelope {
        // Serializing our own DTOs cannot fail (no maps with non-string keys); a failure becomes a 500.
        match serde_json::to_value(value) {
            Ok(v) => Envelope::from_value(v),
            Err(e) => Envelope {
                response: Some(json!(e.to_string())),
                status: StatusCode::INTERNAL_SERVER_ERROR,
                total: None,
                count: None,
            },
        }
    }

    /// Wraps a JSON value; `null` is omitted as DocSpace does for void actions.
    pub fn from_value(v: Value) -> Envelope {
        Envelope {
            response: if v.is_null() { None } else { Some(v) },
            status: StatusCode::OK,
            total: None,
            count: None,
        }
    }

    /// An action that returns nothing.
    pub fn empty() -> Envelope {
        Envelope::from_value(Value::Null)
    }

    /// Sets the envelope's `total` (lists that compute it).
    pub fn with_total(mut self, total: u64) -> Envelope {
        self.total = Some(total);
        self
    }

    /// Answers with another success code (201 for finished uploads).
    pub fn with_status(mut self, status: StatusCode) -> Envelope {
        self.status = status;
        self
    }

    /// The wrapped value, for tests and for callers that post-process it.
    pub fn response(&self) -> Option<&Value> {
        self.response.as_ref()
    }

    fn count_of(&self) -> u64 {
        if let Some(c) = self.count {
            return c;
        }
        match &self.response {
            None => 0,
            Some(Value::Array(a)) => a.len() as u64,
            Some(_) => 1,
        }
    }
}

/// Keeps only the listed (dot-pathed) properties of `value`; arrays are pruned element-wise.
pub fn prune_fields(value: &mut Value, fields: &[String]) {
    match value {
        Value::Array(items) => items.iter_mut().for_each(|v| prune_fields(v, fields)),
        Value::Object(map) => {
            let mut keep = serde_json::Map::new();
            for (k, mut v) in std::mem::take(map) {
                let nested: Vec<String> = fields
                    .iter()
                    .filter_map(|f| {
                        f.strip_prefix(&format!("{}.", k.to_ascii_lowercase()))
                            .map(str::to_string)
                    })
                    .collect();
                let whole = fields.iter().any(|f| *f == k.to_ascii_lowercase());
                if whole {
                    keep.insert(k, v);
                } else if !nested.is_empty() {
                    prune_fields(&mut v, &nested);
                    keep.insert(k, v);
                }
            }
            *map = keep;
        }
        _ => {}
    }
}

fn requested_fields() -> Option<Vec<String>> {
    REQUEST_LINK.try_with(|l| l.fields.clone()).ok().flatten()
}

impl IntoResponse for Envelope {
    fn into_response(mut self) -> Response {
        if let (Some(fields), Some(r)) = (requested_fields(), self.response.as_mut()) {
            prune_fields(r, &fields);
        }
        let mut body = serde_json::Map::new();
        if let Some(r) = &self.response {
            body.insert("response".into(), r.clone());
        }
        body.insert("count".into(), json!(self.count_of()));
        if let Some(t) = self.total {
            body.insert("total".into(), json!(t));
        }
        body.insert("links".into(), links());
        body.insert("status".into(), json!(0));
        body.insert("statusCode".into(), json!(self.status.as_u16()));
        json_response(self.status, &Value::Object(body))
    }
}

/// Writes `value` as `application/json; charset=utf-8` with `status`.
pub fn json_response(status: StatusCode, value: &Value) -> Response {
    let mut resp = (status, value.to_string()).into_response();
    resp.headers_mut().insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("application/json; charset=utf-8"),
    );
    resp
}

/// Every way a request can fail, each answered in DocSpace's shape.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// No or invalid credentials: 401, empty body.
    #[error("unauthorized")]
    Unauthorized,
    /// Wrong login: 401 with an error body (an `AuthenticationException`, no stack).
    #[error("{0}")]
    AuthenticationFailed(String),
    /// The API key or token lacks the scope: 403, empty body.
    #[error("scope missing")]
    ScopeForbidden,
    /// The user may not do this: 403 `Access denied`.
    #[error("Access denied")]
    AccessDenied,
    /// A `SecurityException` with its own message (DocSpace's AI services throw them with texts
    /// such as "You don't have permission to manage providers"): 403.
    #[error("{0}")]
    Forbidden(String),
    /// An `InvalidOperationException`: 403 with its message.
    #[error("{0}")]
    InvalidOperation(String),
    /// A 403 without stack (`type`/`stack` null), as DocSpace answers a `BruteForceCredentialException`
    /// (too many sign-in attempts) or a `CustomHttpException`; also the cross-site write refusal.
    #[error("{0}")]
    Refused(String),
    /// An item that does not exist: 404 with a message.
    #[error("{0}")]
    NotFound(String),
    /// An `ArgumentException`: 400 with its message.
    #[error("{0}")]
    BadRequest(String),
    /// Model binding or validation failed: 400 ProblemDetails inside the envelope.
    #[error("validation failed: {0:?}")]
    Validation(Vec<(String, String)>),
    /// A body over the size limit: 413.
    #[error("request body too large")]
    PayloadTooLarge,
    /// An upload of a type the portal does not accept: 415.
    #[error("{0}")]
    UnsupportedMedia(String),
    /// DocSpace's `TenantQuotaException` (a file or chunk over the size limit): 402 with its message.
    #[error("{0}")]
    QuotaExceeded(String),
    /// A body whose `Content-Type` no input formatter reads (not JSON): 415 with ASP.NET's
    /// ProblemDetails inside the envelope.
    #[error("unsupported content type")]
    UnsupportedContentType,
    /// A rate limit refused the request: 429, empty body, `X-RateLimit-*` headers.
    #[error("rate limited")]
    RateLimited(HeaderMap),
    /// Anything else: 500.
    #[error("{0}")]
    Internal(String),
}

/// Handlers return this.
pub type ApiResult<T = Envelope> = Result<T, ApiError>;

impl ApiError {
    /// A validation failure of one field.
    pub fn field(field: &str, message: impl Into<String>) -> ApiError {
        ApiError::Validation(vec![(field.to_string(), message.into())])
    }

    /// The HTTP status this error is answered with.
    pub fn status(&self) -> StatusCode {
        match self {
            ApiError::Unauthorized | ApiError::AuthenticationFailed(_) => StatusCode::UNAUTHORIZED,
            ApiError::ScopeForbidden
            | ApiError::AccessDenied
            | ApiError::Forbidden(_)
            | ApiError::InvalidOperation(_)
            | ApiError::Refused(_) => StatusCode::FORBIDDEN,
            ApiError::NotFound(_) => StatusCode::NOT_FOUND,
            ApiError::BadRequest(_) | ApiError::Validation(_) => StatusCode::BAD_REQUEST,
            ApiError::PayloadTooLarge => StatusCode::PAYLOAD_TOO_LARGE,
            ApiError::QuotaExceeded(_) => StatusCode::PAYMENT_REQUIRED,
            ApiError::UnsupportedMedia(_) | ApiError::UnsupportedContentType => {
                StatusCode::UNSUPPORTED_MEDIA_TYPE
            }
            ApiError::RateLimited(_) => StatusCode::TOO_MANY_REQUESTS,
            ApiError::Internal(_) => StatusCode::INTERNAL_SERVER_ERROR,
        }
    }
}

fn exception_body(status: StatusCode, message: &str, type_name: Option<&str>) -> Value {
    // DocSpace keeps nulls in error bodies; "no stack" exceptions have null type/stack and hresult 0.
    let (ty, stack, hresult) = match type_name {
        Some(t) => (json!(t), json!(format!("   at {t}")), json!(-2146233088)),
        None => (Value::Null, Value::Null, json!(0)),
    };
    json!({
        "error": { "message": message, "type": ty, "stack": stack, "hresult": hresult },
        "status": 1,
        "statusCode": status.as_u16(),
    })
}

/// ASP.NET Core's answer to a `[FromBody]` parameter sent with a content type no input formatter
/// reads (DocSpace registers only the JSON formatter): `UnsupportedContentTypeFilter` turns the
/// model-state error into a 415, the client-error mapping of `[ApiController]` into a
/// ProblemDetails, and DocSpace's `CustomResponseFilterAttribute` wraps that ObjectResult in its
/// success envelope (`ONLYOFFICE/DocSpace-server: common/ASC.Api.Core/Middleware/ResponseWrapper.cs`).
/// `SuccessApiResponse` (`common/ASC.Api.Core/Middleware/CommonApiResponse.cs`) only marks a
/// *validation* ProblemDetails with `status: 1`; any other keeps `status: 0` and the status code the
/// response had when the filter ran, which is still 200, so the envelope says 200 while the HTTP
/// status is 415. The quirk is reproduced: clients must go by the HTTP status.
fn unsupported_media_body() -> Value {
    json!({
        "response": {
            "type": "https://tools.ietf.org/html/rfc9110#section-15.5.16",
            "title": "Unsupported Media Type",
            "status": 415,
            "traceId": format!("00-{}-00", uuid::Uuid::new_v4().simple()),
        },
        "count": 1,
        "links": links(),
        "status": 0,
        "statusCode": 200,
    })
}

fn validation_body(errors: &[(String, String)]) -> Value {
    let mut map = serde_json::Map::new();
    for (field, msg) in errors {
        let entry = map.entry(field.clone()).or_insert_with(|| json!([]));
        if let Value::Array(a) = entry {
            a.push(json!(msg));
        }
    }
    json!({
        "response": {
            "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1",
            "title": "One or more validation errors occurred.",
            "status": 400,
            "errors": map,
            "traceId": format!("00-{}-00", uuid::Uuid::new_v4().simple()),
        },
        "count": 1,
        "links": links(),
        "status": 1,
        "statusCode": 400,
    })
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let status = self.status();
        match self {
            ApiError::Unauthorized | ApiError::ScopeForbidden => status.into_response(),
            ApiError::RateLimited(headers) => (status, headers).into_response(),
            ApiError::Validation(errors) => json_response(status, &validation_body(&errors)),
            ApiError::AuthenticationFailed(m) | ApiError::Refused(m) => {
                json_response(status, &exception_body(status, &m, None))
            }
            ApiError::UnsupportedContentType => json_response(status, &unsupported_media_body()),
            ApiError::AccessDenied => json_response(
                status,
                &exception_body(
                    status,
                    "Access denied",
                    Some("System.Security.SecurityException"),
                ),
            ),
            ApiError::Forbidden(m) => json_response(
                status,
                &exception_body(status, &m, Some("System.Security.SecurityException")),
            ),
            ApiError::InvalidOperation(m) => json_response(
                status,
                &exception_body(status, &m, Some("System.InvalidOperationException")),
            ),
            ApiError::NotFound(m) => json_response(
                status,
                &exception_body(status, &m, Some("ASC.Common.Web.ItemNotFoundException")),
            ),
            ApiError::BadRequest(m) => json_response(
                status,
                &exception_body(status, &m, Some("System.ArgumentException")),
            ),
            ApiError::PayloadTooLarge => json_response(
                status,
                &exception_body(status, "Request body too large", None),
            ),
            ApiError::QuotaExceeded(m) => json_response(
                status,
                &exception_body(status, &m, Some("ASC.Core.Tenants.TenantQuotaException")),
            ),
            ApiError::UnsupportedMedia(m) => {
                json_response(status, &exception_body(status, &m, None))
            }
            ApiError::Internal(m) => {
                tracing::error!("internal error: {m}");
                json_response(
                    status,
                    &exception_body(status, &m, Some("System.Exception")),
                )
            }
        }
    }
}

impl From<rusqlite::Error> for ApiError {
    fn from(e: rusqlite::Error) -> Self {
        ApiError::Internal(format!("database: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_prune_objects_arrays_and_dot_paths() {
        let mut v =
            json!([{ "id": 1, "title": "a", "createdBy": { "id": "u", "displayName": "U" } }]);
        prune_fields(&mut v, &["id".into(), "createdby.displayname".into()]);
        assert_eq!(v, json!([{ "id": 1, "createdBy": { "displayName": "U" } }]));
    }
}
