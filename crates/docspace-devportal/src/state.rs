//! Shared state of a running portal.

use std::sync::Arc;

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
    /// The configuration the portal started with.
    pub config: Arc<PortalConfig>,
}
