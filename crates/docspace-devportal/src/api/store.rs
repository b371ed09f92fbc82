//! The database as handlers use it: the handler's logic runs on a connection (a read, or a write
//! in one transaction) and its value is the answer, in DocSpace's envelope. So a handler starts at
//! its logic and ends with it, without the `let v = state.db.read(…).await?; Ok(Envelope…)` around.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use rusqlite::{Connection, Transaction};
use serde::Serialize;

use crate::db::Db;
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::state::AppState;

/// The portal's database, as an extractor (it never fails, so its place among a handler's
/// extractors changes nothing).
pub struct Store(pub Db);

impl FromRequestParts<AppState> for Store {
    type Rejection = ApiError;

    async fn from_request_parts(_: &mut Parts, state: &AppState) -> Result<Self, ApiError> {
        Ok(Store(state.db.clone()))
    }
}

impl Store {
    /// Runs `f` on a read connection and answers its value.
    pub async fn read<T, F>(&self, f: F) -> ApiResult
    where
        T: Serialize + Send + 'static,
        F: FnOnce(&Connection) -> Result<T, ApiError> + Send + 'static,
    {
        self.0.read(f).await.map(Envelope::ok)
    }

    /// Runs `f` in a write transaction (committed only if it succeeds) and answers its value.
    pub async fn write<T, F>(&self, f: F) -> ApiResult
    where
        T: Serialize + Send + 'static,
        F: FnOnce(&Transaction<'_>) -> Result<T, ApiError> + Send + 'static,
    {
        self.0.write(f).await.map(Envelope::ok)
    }

    /// Runs `f` on a read connection and answers the page it returns with the envelope's `total`.
    pub async fn read_page<T, F>(&self, f: F) -> ApiResult
    where
        T: Serialize + Send + 'static,
        F: FnOnce(&Connection) -> Result<(T, u64), ApiError> + Send + 'static,
    {
        let (items, total) = self.0.read(f).await?;
        Ok(Envelope::ok(items).with_total(total))
    }
}
