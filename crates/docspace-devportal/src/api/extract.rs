//! Request inputs as DocSpace binds them: JSON bodies (400 validation envelope on malformed or
//! missing bodies), case-insensitive query parameters, paging (`startIndex`, `count` 1..100), ids.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Path, Request};
use axum::http::request::Parts;
use serde::de::DeserializeOwned;

use docspace_types::TitleError;

use crate::envelope::ApiError;
use crate::state::AppState;

/// The largest JSON body accepted (uploads have their own limit).
pub const JSON_LIMIT: usize = 1024 * 1024;

/// A JSON body deserialized into `T`; a missing, malformed or mistyped body is a 400 validation
/// failure, as ASP.NET's `[ApiController]` answers it.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        // DocSpace binds bodies with ASP.NET's JSON input formatter only, so any other declared
        // type (`text/plain`, a form) is a 415 (see `ApiError::UnsupportedContentType`), before
        // the body is read.
        let content_type = content_type(&req);
        if content_type
            .as_deref()
            .is_some_and(|ct| !crate::csrf::is_json(ct))
        {
            return Err(ApiError::UnsupportedContentType);
        }
        let bytes = body_bytes(req, state).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Err(ApiError::field("", "A non-empty request body is required."));
        }
        decode_json(content_type.as_deref(), &bytes).map(JsonBody)
    }
}

/// A JSON body when the request has one, else `None`: for DocSpace's endpoints that read their
/// input from the body or, without one, from the query (`DELETE files/favorites`). A body that is
/// there is bound as [`JsonBody`] binds it.
pub struct OptionalJsonBody<T>(pub Option<T>);

impl<T: DeserializeOwned> FromRequest<AppState> for OptionalJsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let content_type = content_type(&req);
        let bytes = body_bytes(req, state).await?;
        if bytes.iter().all(u8::is_ascii_whitespace) {
            return Ok(OptionalJsonBody(None));
        }
        decode_json(content_type.as_deref(), &bytes).map(|v| OptionalJsonBody(Some(v)))
    }
}

fn content_type(req: &Request) -> Option<String> {
    req.headers()
        .get(axum::http::header::CONTENT_TYPE)
        .map(|v| v.to_str().unwrap_or("").to_string())
}

/// The body, at most [`JSON_LIMIT`] bytes.
async fn body_bytes(req: Request, state: &AppState) -> Result<Bytes, ApiError> {
    let bytes = Bytes::from_request(req, state)
        .await
        .map_err(|_| ApiError::PayloadTooLarge)?;
    if bytes.len() > JSON_LIMIT {
        return Err(ApiError::PayloadTooLarge);
    }
    Ok(bytes)
}

/// A non-empty body as `T`: 415 unless declared JSON, else a validation failure naming where the
/// JSON went wrong.
fn decode_json<T: DeserializeOwned>(
    content_type: Option<&str>,
    bytes: &[u8],
) -> Result<T, ApiError> {
    // A body without a type: no formatter claims it either.
    if !content_type.is_some_and(crate::csrf::is_json) {
        return Err(ApiError::UnsupportedContentType);
    }
    serde_json::from_slice(bytes).map_err(|e| {
        let path = format!("$ (line {}, column {})", e.line(), e.column());
        ApiError::field(&path, json_error_message(&e))
    })
}

fn json_error_message(e: &serde_json::Error) -> String {
    use serde_json::error::Category;
    match e.classify() {
        Category::Syntax | Category::Eof => format!("The JSON value is not valid: {e}"),
        Category::Data => format!("The JSON value could not be converted: {e}"),
        Category::Io => format!("The request body could not be read: {e}"),
    }
}

/// An id from the path and a JSON body, with the body's error first. DocSpace binds an action's
/// body before the action looks the id up, and an id that is not an `int` is routed to the
/// third-party controller of the same path (the internal ones are `[ConstraintRoute("int")]`,
/// `products/ASC.Files/Server/Api/FilesController.cs`, `VirtualRoomsController.cs`), which binds
/// the body too: a request wrong in both gets the body's 400, not the id's 404.
pub struct PathAndBody<Id, T>(pub Id, pub T);

impl<Id, T> FromRequest<AppState> for PathAndBody<Id, T>
where
    Id: FromRequestParts<AppState, Rejection = ApiError> + Send,
    T: DeserializeOwned,
{
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let id = Id::from_request_parts(&mut parts, state).await;
        let JsonBody(body) =
            JsonBody::from_request(Request::from_parts(parts, body), state).await?;
        Ok(PathAndBody(id?, body))
    }
}

/// The query string as case-insensitive, repeatable parameters.
#[derive(Debug, Clone, Default)]
pub struct Query(Vec<(String, String)>);

impl Query {
    /// Parses a raw query string.
    pub fn parse(raw: Option<&str>) -> Query {
        let pairs = raw
            .unwrap_or("")
            .split('&')
            .filter(|s| !s.is_empty())
            .map(|kv| {
                let (k, v) = kv.split_once('=').unwrap_or((kv, ""));
                (decode(k).to_ascii_lowercase(), decode(v))
            })
            .collect();
        Query(pairs)
    }

    /// The first value of `name`.
    pub fn get(&self, name: &str) -> Option<&str> {
        let name = name.to_ascii_lowercase();
        self.0
            .iter()
            .find(|(k, _)| *k == name)
            .map(|(_, v)| v.as_str())
            .filter(|v| !v.is_empty())
    }

    /// Every value of `name` (repeated keys, and comma-separated lists as the SDK sends them).
    pub fn all(&self, name: &str) -> Vec<&str> {
        let name = name.to_ascii_lowercase();
        self.0
            .iter()
            .filter(|(k, _)| *k == name || *k == format!("{name}[]"))
            .flat_map(|(_, v)| v.split(','))
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .collect()
    }

    /// An integer parameter; a non-number is a validation failure naming the field.
    pub fn int(&self, name: &str) -> Result<Option<i64>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => v.trim().parse().map(Some).map_err(|_| {
                ApiError::field(
                    &pascal(name),
                    format!("The value '{v}' is not valid for {name}."),
                )
            }),
        }
    }

    /// A boolean parameter (`true`/`false`, any case; also 1/0).
    pub fn bool(&self, name: &str) -> Result<Option<bool>, ApiError> {
        match self.get(name).map(str::to_ascii_lowercase).as_deref() {
            None => Ok(None),
            Some("true" | "1") => Ok(Some(true)),
            Some("false" | "0") => Ok(Some(false)),
            Some(v) => Err(ApiError::field(
                &pascal(name),
                format!("The value '{v}' is not valid for {name}."),
            )),
        }
    }

    /// A parameter that is an enum given by name or number.
    pub fn enum_value(&self, name: &str, names: &[(&str, i64)]) -> Result<Option<i64>, ApiError> {
        match self.get(name) {
            None => Ok(None),
            Some(v) => parse_enum(v, names).map(Some).ok_or_else(|| {
                ApiError::field(
                    &pascal(name),
                    format!("The value '{v}' is not valid for {name}."),
                )
            }),
        }
    }
}

/// An enum from its name (case-insensitive) or its number, if either is known.
pub fn parse_enum(v: &str, names: &[(&str, i64)]) -> Option<i64> {
    let v = v.trim();
    if let Ok(n) = v.parse::<i64>() {
        return names.iter().any(|(_, x)| *x == n).then_some(n);
    }
    names
        .iter()
        .find(|(k, _)| k.eq_ignore_ascii_case(v))
        .map(|(_, n)| *n)
}

fn pascal(name: &str) -> String {
    let mut c = name.chars();
    c.next()
        .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
        .unwrap_or_default()
}

/// A query key or value: `+` is a space, `%XX` a byte.
fn decode(s: &str) -> String {
    docspace_types::percent::decode_form(s)
}

impl<S: Send + Sync> FromRequestParts<S> for Query {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Query::parse(parts.uri.query()))
    }
}

/// `startIndex` and `count` (1..100, default 100) as DocSpace validates them.
#[derive(Debug, Clone, Copy)]
pub struct Paging {
    /// First item (0-based).
    pub start: i64,
    /// Page size.
    pub count: i64,
}

impl Paging {
    /// Reads and validates the paging parameters.
    pub fn from_query(q: &Query) -> Result<Paging, ApiError> {
        let start = q.int("startIndex")?.unwrap_or(0);
        if start < 0 {
            return Err(ApiError::field(
                "StartIndex",
                "The field StartIndex must be between 0 and 2147483647.",
            ));
        }
        let count = q.int("count")?.unwrap_or(100);
        if !(1..=100).contains(&count) {
            return Err(ApiError::field(
                "Count",
                "The field Count must be between 1 and 100.",
            ));
        }
        Ok(Paging { start, count })
    }
}

/// The path's one id as a typed extractor, for the handlers of one kind of item:
/// `RoomInPath(id): RoomInPath` instead of a `Path<String>` parsed in the body. Anything but a positive
/// integer is the same 404 as an unknown item ([`int_id`]). DocSpace binds these ids as `int`
/// route values, so a malformed id never reaches the endpoint's checks; after the caller's
/// extractor in a handler's arguments, a request without credentials is still a 401 first.
macro_rules! path_id {
    ($(#[$doc:meta])* $name:ident, $what:literal) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy)]
        pub struct $name(pub i64);

        impl<S: Send + Sync> FromRequestParts<S> for $name {
            type Rejection = ApiError;

            async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, ApiError> {
                // No id at all is as unknown as a malformed one: `int_id` answers both.
                let raw = Path::<String>::from_request_parts(parts, state)
                    .await
                    .map(|Path(raw)| raw)
                    .unwrap_or_default();
                int_id(&raw, $what).map($name)
            }
        }
    };
}

path_id!(
    /// A room's id from the path (`files/rooms/{id}/...`).
    RoomInPath,
    "Room"
);
path_id!(
    /// A file's id from the path (`files/file/{id}/...`).
    FileInPath,
    "File"
);
path_id!(
    /// A folder's id from the path (AI agents and chats address their room as a folder).
    FolderInPath,
    "Folder"
);

/// An int id from the path: anything else, or a non-positive number, is a 404 like an unknown item.
pub fn int_id(raw: &str, what: &str) -> Result<i64, ApiError> {
    raw.parse::<i64>()
        .ok()
        .filter(|n| *n > 0)
        .ok_or_else(|| ApiError::NotFound(format!("{what} not found")))
}

/// A title from a request: trimmed, non-empty, no control characters, at most `max` UTF-16
/// units. DocSpace's `[StringLength(n)]` counts .NET's `string.Length`, UTF-16 code units
/// (ONLYOFFICE/DocSpace-server `products/ASC.Files/Server/ApiModels/RequestDto/CreateRoomRequestDto.cs`),
/// so 100 emoji (200 units) are too long for a room's 170.
pub fn title(raw: &str, field: &str, max: usize) -> Result<String, ApiError> {
    let t = raw.trim();
    match docspace_types::check_title(t, max) {
        Ok(()) => {}
        Err(TitleError::Blank) => {
            return Err(ApiError::BadRequest(format!("The {field} is empty")));
        }
        Err(TitleError::ControlChar(_)) => {
            return Err(ApiError::BadRequest(format!(
                "The {field} contains control characters"
            )));
        }
        Err(TitleError::TooLong { .. }) => {
            return Err(ApiError::field(
                &pascal(field),
                format!(
                    "The field {} must be a string with a maximum length of {max}.",
                    pascal(field)
                ),
            ));
        }
    }
    if t.contains(['/', '\\', ':', '*', '?', '"', '<', '>', '|']) && field == "title" {
        return Ok(t
            .chars()
            .map(|c| if "/\\:*?\"<>|".contains(c) { '_' } else { c })
            .collect());
    }
    Ok(t.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn query_is_case_insensitive_and_repeatable() {
        let q = Query::parse(Some("Type=1&type=5&tags=%5B%22a%22%5D&Count=10&x="));
        assert_eq!(q.all("type"), vec!["1", "5"]);
        assert_eq!(q.get("tags"), Some("[\"a\"]"));
        assert_eq!(q.int("count").unwrap(), Some(10));
        assert_eq!(q.get("x"), None);
    }

    #[test]
    fn paging_is_validated() {
        assert!(Paging::from_query(&Query::parse(Some("count=500"))).is_err());
        assert!(Paging::from_query(&Query::parse(Some("count=0"))).is_err());
        assert!(Paging::from_query(&Query::parse(Some("startIndex=-1"))).is_err());
        assert!(Paging::from_query(&Query::parse(Some("count=abc"))).is_err());
        let p = Paging::from_query(&Query::parse(None)).unwrap();
        assert_eq!((p.start, p.count), (0, 100));
    }

    #[test]
    fn titles_are_checked() {
        assert!(title("   ", "title", 10).is_err());
        assert!(title("a\u{7}b", "title", 10).is_err());
        assert!(title(&"é".repeat(11), "title", 10).is_err());
        assert_eq!(title(" Ünïcødé 📄 ", "title", 10).unwrap(), "Ünïcødé 📄");
        assert_eq!(title("a/b", "title", 10).unwrap(), "a_b");
    }

    #[test]
    fn percent_decoding_survives_garbage() {
        assert_eq!(decode("%"), "%");
        assert_eq!(decode("%zz"), "%zz");
        assert_eq!(decode("a%20b+c"), "a b c");
        assert_eq!(decode("%e2%82%ac"), "€");
    }
}
