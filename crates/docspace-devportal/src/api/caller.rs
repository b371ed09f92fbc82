//! What a request says about its caller, as extractors: the portal's base URL, the client's
//! address, and the [`Actor`] (a signed-in user and/or an external link's grant).

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::{HeaderMap, header};

use super::{REQUEST_TOKEN_HEADER, Store, extract, link_access};
use crate::auth as credentials;
use crate::auth::Caller;
use crate::envelope::ApiError;
use crate::permissions::{Actor, LinkGrant};
use crate::state::AppState;

/// Absolute base URL of the portal as the client addressed it (`http://host:port`).
pub fn portal_url(headers: &HeaderMap) -> String {
    let host = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            h.chars()
                .all(|c| c.is_ascii_alphanumeric() || ".-:[]".contains(c))
        })
        .unwrap_or("127.0.0.1");
    format!("http://{host}")
}

/// The base URL, as an extractor.
pub struct Portal(pub String);

impl<S: Send + Sync> FromRequestParts<S> for Portal {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
        Ok(Portal(portal_url(&parts.headers)))
    }
}

/// The address of the client a request comes from: every per-address decision (anonymous
/// rate-limit partitions, the sign-in guard) goes through here (see [`crate::client_addr`]).
pub fn client_ip(parts: &Parts, state: &AppState) -> Option<std::net::IpAddr> {
    crate::client_addr::client_ip(parts, state.config.trusted_proxy_secret.as_deref())
}

/// The client's address, as an extractor (`None` when the server runs without connect info).
pub struct ClientIp(pub Option<std::net::IpAddr>);

impl FromRequestParts<AppState> for ClientIp {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        Ok(ClientIp(client_ip(parts, state)))
    }
}

/// The link key a request carries: the `Request-Token` header, else the `share` query parameter.
pub(super) fn link_key(parts: &Parts) -> Option<String> {
    parts
        .headers
        .get(REQUEST_TOKEN_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
        .or_else(|| {
            extract::Query::parse(parts.uri.query())
                .get("share")
                .map(str::to_string)
        })
        .filter(|k| !k.is_empty())
}

/// Resolves an external-link key to what it grants: nothing for unknown, expired or revoked
/// keys, internal links without a sign-in, and protected links without the password cookie
/// ([`link_access::status`]).
pub(crate) fn grant_of(
    conn: &rusqlite::Connection,
    key: &str,
    proof: &link_access::LinkProof,
) -> Result<Option<LinkGrant>, ApiError> {
    Ok(link_access::resolve(conn, key, proof)?
        .filter(|(_, status)| *status == link_access::LinkStatus::Ok)
        // A file's link opens that file only (`permissions::file_level`); it grants nothing in
        // the room around it.
        .map(|(l, _)| LinkGrant {
            link_id: l.id,
            room_id: l.room_id,
            file_id: l.file_id,
            access: l.access,
            deny_download: l.deny_download,
        }))
}

impl FromRequestParts<AppState> for Actor {
    type Rejection = ApiError;

    /// A signed-in user and/or a valid external link; neither is a 401.
    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let user = credentials::caller_of(parts, state).await?.map(|c| c.user);
        let link = match link_key(parts) {
            Some(key) => {
                let proof = link_access::LinkProof::from_headers(&parts.headers, user.is_some());
                state.db.read(move |c| grant_of(c, &key, &proof)).await?
            }
            None => None,
        };
        if user.is_none() && link.is_none() {
            return Err(ApiError::Unauthorized);
        }
        Ok(Actor { user, link })
    }
}

/// What most handlers start from: who calls (an [`Actor`], so a user or an external link), the
/// portal's base URL as they called it, and the database to answer from. It stands where the
/// `Actor` would: that is the one part that can fail (401), the others never do.
pub struct Call {
    /// The caller.
    pub actor: Actor,
    /// The portal's base URL ([`Portal`]).
    pub portal: String,
    /// The database ([`Store`]).
    pub db: Store,
}

/// [`Call`] for the endpoints only a signed-in user may call (a link grants nothing there): the
/// [`Caller`] (401 without one), the portal's base URL and the database.
pub struct SignedInCall {
    /// The signed-in caller.
    pub caller: Caller,
    /// The portal's base URL ([`Portal`]).
    pub portal: String,
    /// The database ([`Store`]).
    pub db: Store,
}

/// Who calls, as `W` extracts them (the part that can fail), then the portal's base URL and the
/// database (the parts that cannot).
async fn call_of<W>(parts: &mut Parts, state: &AppState) -> Result<(W, String, Store), ApiError>
where
    W: FromRequestParts<AppState, Rejection = ApiError>,
{
    let who = W::from_request_parts(parts, state).await?;
    Ok((who, portal_url(&parts.headers), Store(state.db.clone())))
}

impl FromRequestParts<AppState> for Call {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let (actor, portal, db) = call_of(parts, state).await?;
        Ok(Call { actor, portal, db })
    }
}

impl FromRequestParts<AppState> for SignedInCall {
    type Rejection = ApiError;

    async fn from_request_parts(parts: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        let (caller, portal, db) = call_of(parts, state).await?;
        Ok(SignedInCall { caller, portal, db })
    }
}
