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
    /// Bulk-download archives waiting to be fetched.
    pub archives: Arc<crate::archives::Archives>,
    /// DocSpace's brute-force guard on sign-in.
    pub login_guard: Arc<crate::login_guard::LoginGuard>,
    /// The configuration the portal started with.
    pub config: Arc<PortalConfig>,
    /// The clock of scheduled work (OAuth signing-key rotation); tests move it forward.
    pub clock: crate::time::Clock,
}

#[cfg(test)]
impl AppState {
    /// A seeded in-memory portal's state, for handler tests; returns the owner's credentials too.
    pub fn for_tests() -> (AppState, crate::seed::OwnerCredentials) {
        let config = PortalConfig::for_tests();
        let db = Db::open(&config.storage).expect("memory db");
        let owner = db
            .write_now(|tx| crate::seed::prepare(tx, &config))
            .expect("seeded");
        let state = AppState {
            db,
            stats: Arc::default(),
            sdk: Arc::new(SdkAssets::load(None)),
            limiter: RateLimiter::new(config.rate_limits.clone()),
            uploads: crate::upload_budget::UploadBudget::new(config.upload_budget),
            archives: Arc::default(),
            login_guard: Arc::default(),
            config: Arc::new(config),
            clock: crate::time::Clock::default(),
        };
        (state, owner)
    }
}
