//! People: `/api/2.0/people…`.

use axum::http::HeaderMap;

use super::portal_url;
use crate::auth::Caller;
use crate::envelope::{ApiResult, Envelope};

/// `GET /api/2.0/people/@self`: the caller's `EmployeeFullDto`.
pub async fn get_self(caller: Caller, headers: HeaderMap) -> ApiResult {
    Ok(Envelope::ok(caller.user.to_full_dto(&portal_url(&headers))))
}
