//! A static page server on its own loopback origin.

use std::collections::HashMap;
use std::net::SocketAddr;
use std::sync::{Arc, Mutex};

use axum::Router;
use axum::extract::{Path, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use tokio::sync::oneshot;

type Pages = Arc<Mutex<HashMap<String, String>>>;

/// Serves HTML pages registered with [`PageServer::page`] at `/{name}`; stops on drop.
pub struct PageServer {
    addr: SocketAddr,
    pages: Pages,
    _stop: oneshot::Sender<()>,
}

impl PageServer {
    /// Starts on a free loopback port (`port` 0) or the given one.
    pub async fn start(port: u16) -> PageServer {
        let pages: Pages = Arc::default();
        let app = Router::new()
            .route("/{name}", get(serve))
            .with_state(pages.clone());
        let (addr, tx) = crate::serve_on_loopback(port, app, "page server").await;
        PageServer {
            addr,
            pages,
            _stop: tx,
        }
    }

    /// The server's origin, `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Registers `html` at `/{name}` and returns its URL.
    pub fn page(&self, name: &str, html: impl Into<String>) -> String {
        if let Ok(mut p) = self.pages.lock() {
            p.insert(name.to_string(), html.into());
        }
        format!("{}/{name}", self.origin())
    }
}

/// Serves the files of a directory (a built app: HTML, JS, wasm, CSS) on its own loopback
/// origin; stops on drop.
pub struct DirServer {
    addr: SocketAddr,
    _stop: oneshot::Sender<()>,
}

impl DirServer {
    /// Starts serving `dir` on a free loopback port (`index.html` for `/`).
    pub async fn start(dir: impl Into<std::path::PathBuf>) -> DirServer {
        let app = Router::new().fallback_service(tower_http::services::ServeDir::new(dir.into()));
        let (addr, tx) = crate::serve_on_loopback(0, app, "directory server").await;
        DirServer { addr, _stop: tx }
    }

    /// The server's origin, `http://127.0.0.1:PORT`.
    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }
}

async fn serve(State(pages): State<Pages>, Path(name): Path<String>) -> Response {
    let page = pages.lock().ok().and_then(|p| p.get(&name).cloned());
    match page {
        Some(html) => ([(header::CONTENT_TYPE, "text/html; charset=utf-8")], html).into_response(),
        None => (StatusCode::NOT_FOUND, "no such page").into_response(),
    }
}
