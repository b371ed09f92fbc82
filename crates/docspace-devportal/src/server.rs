//! Starting and stopping a portal.

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::extract::State;
use axum::routing::get;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::PortalConfig;
use crate::db::Db;
use crate::envelope::{Envelope, json_response};
use crate::sdk_assets::{self, SdkAssets};
pub use crate::seed::OwnerCredentials;
use crate::state::AppState;
use crate::stats::Stats;
use crate::time::Clock;

/// A portal that is serving requests.
pub struct RunningPortal {
    /// The bound address (the real port when the config asked for port 0).
    pub addr: SocketAddr,
    /// How to sign in as the owner.
    pub owner: OwnerCredentials,
    state: AppState,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl RunningPortal {
    /// The portal's clock: tests move it forward to see hours of key rotation at once.
    pub fn clock(&self) -> &Clock {
        &self.state.clock
    }

    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The live counters.
    pub fn stats(&self) -> crate::stats::StatsSnapshot {
        self.state.stats.snapshot()
    }

    /// Upload bytes held in memory right now, and the most ever held at once.
    pub fn upload_bytes(&self) -> (usize, usize) {
        (self.state.uploads.in_flight(), self.state.uploads.peak())
    }

    /// Stops accepting requests and waits for in-flight ones to finish.
    pub async fn shutdown(mut self) {
        self.stop().await;
    }

    async fn stop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(task) = self.task.take() {
            let _ = task.await;
        }
    }

    /// Serves until the process gets Ctrl-C.
    pub async fn run_until_ctrl_c(mut self) {
        let _ = tokio::signal::ctrl_c().await;
        self.stop().await;
    }
}

impl Drop for RunningPortal {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Opens the database, seeds it, binds the address and starts serving in the background.
pub async fn start(config: PortalConfig) -> anyhow::Result<RunningPortal> {
    let db = Db::open(&config.storage)?;
    let owner = db
        .write_now(|tx| crate::seed::prepare(tx, &config))
        .map_err(|e| anyhow::anyhow!("{e}"))?;
    let state = AppState {
        db,
        stats: Arc::new(Stats::default()),
        sdk: Arc::new(SdkAssets::load(config.sdk_dir.as_deref())),
        limiter: crate::ratelimit::RateLimiter::new(config.rate_limits.clone()),
        uploads: crate::upload_budget::UploadBudget::new(config.upload_budget),
        archives: Arc::default(),
        login_guard: Arc::default(),
        config: Arc::new(config.clone()),
        clock: crate::time::Clock::default(),
    };
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    let addr = listener.local_addr()?;
    let app = router(state.clone());
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        let serve = axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .with_graceful_shutdown(async {
            let _ = rx.await;
        });
        if let Err(e) = serve.await {
            tracing::error!("devportal stopped: {e}");
        }
    });
    Ok(RunningPortal {
        addr,
        owner,
        state,
        shutdown: Some(tx),
        task: Some(task),
    })
}

/// The whole portal as an axum router.
pub fn router(state: AppState) -> Router {
    Router::new()
        .merge(crate::api::routes::router(state.clone()))
        .merge(crate::frames::router())
        .merge(crate::oauth::router())
        .route(
            "/static/scripts/sdk/{version}/api.js",
            get(sdk_assets::serve_script),
        )
        .route("/devportal/stats", get(stats).delete(reset_stats))
        .with_state(state)
        .layer(compression())
}

/// Compresses answers for clients that accept it, as DocSpace's nginx does for its API and
/// scripts (`gzip on` with `gzip_types` including `application/json` and
/// `application/javascript` in `ONLYOFFICE/DocSpace-buildtools: config/nginx/onlyoffice.conf`).
/// Quality 5 keeps on-the-fly brotli cheap while still beating gzip; tiny bodies, images and
/// event streams pass as they are (tower-http's default predicate).
pub fn compression() -> tower_http::compression::CompressionLayer {
    tower_http::compression::CompressionLayer::new()
        .quality(tower_http::CompressionLevel::Precise(5))
}

/// `/devportal/stats` is the owner's: its counters tell who uses the portal and how, and a reset
/// hides rate-limit evidence. The owner's credential must come in the `Authorization` header (the
/// cookie is not enough, so no other site can make a browser reset the counters).
struct StatsReader;

impl axum::extract::FromRequestParts<AppState> for StatsReader {
    type Rejection = crate::envelope::ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        use crate::envelope::ApiError;
        let Some(cred) = crate::auth::header_credential(parts) else {
            return Err(ApiError::Unauthorized);
        };
        let now = state.clock.now();
        let caller = state
            .db
            .read(move |c| crate::auth::resolve(c, &cred, now))
            .await?
            .ok_or(ApiError::Unauthorized)?;
        if !caller.user.is_owner {
            return Err(ApiError::AccessDenied);
        }
        Ok(StatsReader)
    }
}

async fn stats(_: StatsReader, State(state): State<AppState>) -> axum::response::Response {
    let snap = serde_json::to_value(state.stats.snapshot()).unwrap_or_default();
    json_response(axum::http::StatusCode::OK, &snap)
}

async fn reset_stats(_: StatsReader, State(state): State<AppState>) -> Envelope {
    state.stats.reset();
    Envelope::empty()
}
