//! Starting the host.

use std::net::SocketAddr;

use axum::Router;
use axum::extract::State;
use axum::http::header;
use axum::response::IntoResponse;
use axum::routing::{any, get};
use docspace_devportal::RunningPortal;
use serde_json::json;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

use crate::config::{HostConfig, PortalTarget};
use crate::state::{DemoAccount, HostState};

/// A host that is serving.
pub struct RunningHost {
    /// Bound address.
    pub addr: SocketAddr,
    portal_url: String,
    /// The embedded devportal, when the host started one.
    pub embedded: Option<RunningPortal>,
    shutdown: Option<oneshot::Sender<()>>,
    task: Option<JoinHandle<()>>,
}

impl RunningHost {
    /// `http://127.0.0.1:PORT`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// The portal behind the proxy.
    pub fn portal_url(&self) -> &str {
        &self.portal_url
    }

    /// Stops the host (and its embedded portal).
    pub async fn shutdown(mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
        if let Some(t) = self.task.take() {
            let _ = t.await;
        }
        if let Some(p) = self.embedded.take() {
            p.shutdown().await;
        }
    }
}

impl Drop for RunningHost {
    fn drop(&mut self) {
        if let Some(tx) = self.shutdown.take() {
            let _ = tx.send(());
        }
    }
}

/// Binds `config.addr`, starts the embedded portal if asked, and serves in the background.
pub async fn start(config: HostConfig) -> anyhow::Result<RunningHost> {
    // Bound first: the app's own origin has the real port, also when port 0 was asked for.
    let listener = tokio::net::TcpListener::bind(config.addr).await?;
    start_on(listener, config).await
}

/// Serves on a listener the caller bound already (`config.addr` is not used). For a caller that
/// must know the app's origin before the host can start, such as a test that registers the app
/// with a portal first: it holds the port from the choice to the serving, where a port chosen,
/// released and bound again could be taken in between by another server.
pub async fn start_on(
    listener: tokio::net::TcpListener,
    config: HostConfig,
) -> anyhow::Result<RunningHost> {
    let addr = listener.local_addr()?;
    let own_origins = crate::same_origin::OwnOrigins::new(addr, &config.public_origins)
        .map_err(|e| anyhow::anyhow!("public origin: {e}"))?;
    let (portal_url, embedded, proxy_secret) = match config.portal {
        PortalTarget::Remote(url) => (url.trim_end_matches('/').to_string(), None, None),
        PortalTarget::Embedded(mut pc) => {
            let secret = docspace_devportal::auth::random_hex(32);
            pc.trusted_proxy_secret = Some(secret.clone());
            let p = docspace_devportal::start(pc).await?;
            (p.base_url(), Some(p), Some(secret))
        }
    };
    let portal_path = url::Url::parse(&portal_url)
        .map(|u| u.path().trim_end_matches('/').to_string())
        .unwrap_or_default();
    let api_key = config.api_key.or_else(|| {
        embedded
            .as_ref()
            .filter(|_| config.owner_key_for_embedded)
            .map(|p| p.owner.api_key.clone())
    });
    let demo = embedded.as_ref().map(|p| DemoAccount {
        email: p.owner.email.clone(),
        display_name: p.owner.display_name.clone(),
    });
    let oauth_client_id = match (config.oauth_client_id, &embedded) {
        (Some(id), _) => Some(id),
        (None, Some(p)) => {
            let origins = own_origins_list(addr, &config.public_origins);
            match crate::oauth_app::register(&p.base_url(), &p.owner.api_key, &origins).await {
                Ok(id) => Some(id),
                Err(e) => {
                    tracing::warn!("no \"Sign in with DocSpace\": {e}");
                    None
                }
            }
        }
        (None, None) => None,
    };
    let portal_origin = crate::csp::origin_of(&portal_url)
        .ok_or_else(|| anyhow::anyhow!("the portal URL `{portal_url}` is not an http(s) URL"))?;
    let state = HostState {
        portal_url: portal_url.clone(),
        portal_path,
        api_key,
        own_origins,
        proxy_secret,
        sdk_version: config.sdk_version,
        demo,
        http: portal_client(embedded.is_some(), config.portal_proxy.as_deref())?,
        index_html: config.dist.join("index.html"),
        oauth_client_id,
    };
    // No route for `/oauth2/*` or the discovery documents: the browser goes to the portal's own
    // origin for them. The authorize page and its consent must run there, on the portal's session
    // cookie (which never crosses this proxy) and out of any page of ours that could script it;
    // the token endpoint is called there too, as DocSpace's identity service answers it with CORS
    // for every origin (no credentials) and the app's CSP already allows `connect-src` to the
    // portal. Proxying them would only put the host between the user and the portal's sign-in.
    let app = Router::new()
        .route(
            "/api/2.0/{*rest}",
            // The portal's JSON travels to the browser compressed (a rooms page is 15 KB raw).
            any(crate::proxy::forward).layer(compression()),
        )
        // Downloads: not compressed again (archives are zips already).
        .route(crate::proxy::FILE_HANDLER, get(crate::proxy::forward))
        .route("/docspace-config.json", get(app_config))
        // The file page's editor starts while the HTML is parsed, not after the wasm.
        .merge(crate::static_files::router(
            &config.dist,
            portal_origin,
            Router::new().route("/files/{file}", get(crate::frame_boot::file_page)),
        ))
        .with_state(state);
    let (tx, rx) = oneshot::channel::<()>();
    let task = tokio::spawn(async move {
        // The peer address is what the proxy states as the client's in `X-Forwarded-For`.
        let app = app.into_make_service_with_connect_info::<SocketAddr>();
        let serve = axum::serve(listener, app).with_graceful_shutdown(async {
            let _ = rx.await;
        });
        if let Err(e) = serve.await {
            tracing::error!("host stopped: {e}");
        }
    });
    Ok(RunningHost {
        addr,
        portal_url,
        embedded,
        shutdown: Some(tx),
        task: Some(task),
    })
}

/// `GET /docspace-config.json`: what the app needs to know at run time (never a secret: whether
/// the host holds a key, not the key).
async fn app_config(State(state): State<HostState>) -> impl IntoResponse {
    let demo = state.demo.as_ref().map(|d| {
        json!({
            "email": d.email,
            "displayName": d.display_name,
        })
    });
    (
        [(header::CACHE_CONTROL, "no-store")],
        axum::Json(json!({
            "portalUrl": state.portal_url,
            "apiBase": "",
            "sdkVersion": state.sdk_version,
            "hostKey": state.api_key.is_some(),
            // The host keeps the app's sign-in in an HttpOnly cookie (`crate::session`).
            "hostSession": true,
            "demo": demo,
            "oauthClientId": state.oauth_client_id,
        })),
    )
}

/// The origins the app is served from: its own address and the public ones.
fn own_origins_list(addr: SocketAddr, public: &[String]) -> Vec<String> {
    let mut v = vec![format!("http://{addr}")];
    v.extend(public.iter().map(|o| o.trim_end_matches('/').to_string()));
    v
}

/// Compression of proxied answers for browsers that accept it, unless the portal already
/// compressed them. Quality 5 keeps on-the-fly brotli cheap; tiny bodies, images and event
/// streams pass as they are (tower-http's default predicate).
fn compression() -> tower_http::compression::CompressionLayer {
    tower_http::compression::CompressionLayer::new()
        .quality(tower_http::CompressionLevel::Precise(5))
}

/// The HTTP client the proxy forwards with: straight to an embedded devportal (it is on this
/// machine), else through the proxy named, else as the proxy variables say.
fn portal_client(embedded: bool, proxy: Option<&str>) -> anyhow::Result<reqwest::Client> {
    let b = reqwest::Client::builder();
    let b = match (embedded, proxy) {
        (true, _) => b.no_proxy(),
        (false, Some(url)) => b.proxy(reqwest::Proxy::all(url).map_err(|_| {
            // The URL may hold a password: never repeat it.
            anyhow::anyhow!("the portal proxy is not a proxy URL (http://user:password@host:port)")
        })?),
        (false, None) => b,
    };
    Ok(b.build()?)
}
