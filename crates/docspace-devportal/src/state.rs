//! Shared state of a running portal.

use std::sync::Arc;

use axum::extract::FromRef;

use crate::config::PortalConfig;
use crate::db::Db;
use crate::ratelimit::RateLimiter;
use crate::sdk_assets::SdkAssets;
use crate::stats::Stats;

/// Cloned into every handler.
#[derive(Clone)]
pub struct AppState {
    /// The database.
    pub db: Db,
    /// Counters for `/devportal/stats` and the per-user concurrency gauges.
    pub stats: Arc<Stats>,
    /// The official SDK scripts.
    pub sdk: Arc<SdkAssets>,
    /// DocSpace's rate limits.
    pub limiter: Arc<RateLimiter>,
    /// Upload bytes held in memory, portal-wide.
    pub uploads: Arc<crate::upload_budget::UploadBudget>,
    /// Bulk-download archives waiting to be fetched.
    pub archives: Arc<crate::archives::Archives>,
    /// DocSpace's brute-force guard on sign-in.
    pub login_guard: Arc<crate::login_guard::LoginGuard>,
    /// The configuration the portal started with.
    pub config: Arc<PortalConfig>,
    /// The clock of scheduled work (OAuth signing-key rotation); tests move it forward.
    pub clock: crate::time::Clock,
}

/// The SDK scripts alone, for their handler (so `sdk_assets` needs nothing of the state).
impl FromRef<AppState> for Arc<SdkAssets> {
    fn from_ref(state: &AppState) -> Self {
        state.sdk.clone()
    }
}
