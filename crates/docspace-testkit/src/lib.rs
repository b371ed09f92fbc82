#![doc = include_str!("../README.md")]
#![warn(missing_docs)]

mod a11y;
mod browser;
mod frames;
pub mod model_server;
pub mod oauth;
mod pages;
#[cfg(feature = "portal")]
mod portal;
mod proxy;

pub use a11y::{Audit, Impact, Offender, Violation, assert_accessible, assert_audit, audit};
pub use browser::{ChromeDriver, script_value, text_of, wait_for, wait_until, with_browser};
pub use frames::DocSpaceFrame;
pub use pages::{DirServer, PageServer};
#[cfg(feature = "portal")]
pub use portal::{Role, TestPortal, TestPortalBuilder};
pub use proxy::AuthProxy;
pub use thirtyfour;

use std::net::{SocketAddr, TcpListener};

use tokio::sync::oneshot;

/// A loopback port that was free a moment ago.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .map(|a| a.port())
        .unwrap_or_else(|e| panic!("no free loopback port: {e}"))
}

/// A loopback listener on a port of its own, and its origin (`http://127.0.0.1:PORT`): for a
/// server whose origin must be known before it can start (a host whose app is registered with a
/// portal first). Unlike [`free_port`], the port stays held until the server takes the listener
/// (`docspace_host::start_on`), so nothing started in between can take it.
pub async fn loopback_listener() -> (tokio::net::TcpListener, String) {
    try_loopback_listener()
        .await
        .unwrap_or_else(|e| panic!("no free loopback port: {e}"))
}

/// [`loopback_listener`] for a caller that reports the failure rather than panicking (a bench,
/// a tool).
pub async fn try_loopback_listener() -> std::io::Result<(tokio::net::TcpListener, String)> {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await?;
    let origin = format!("http://{}", listener.local_addr()?);
    Ok((listener, origin))
}

/// A loopback URL nothing listens on: a port free on `127.0.0.1`, at `127.0.0.2`. The test
/// servers bind `127.0.0.1` only, so another test, in this process or one running beside it,
/// cannot take the address between the choice and its use (a port that is merely free on
/// `127.0.0.1` was: a devportal started by a parallel test answered the "dead" portal).
pub fn dead_url() -> String {
    format!("http://127.0.0.2:{}", free_port())
}

/// Serves `app` on loopback (`port` 0 picks a free one) until the returned sender is dropped.
pub(crate) async fn serve_on_loopback(
    port: u16,
    app: axum::Router,
    what: &str,
) -> (SocketAddr, oneshot::Sender<()>) {
    let listener = tokio::net::TcpListener::bind(("127.0.0.1", port))
        .await
        .unwrap_or_else(|e| panic!("{what} bind: {e}"));
    let addr = listener
        .local_addr()
        .unwrap_or_else(|e| panic!("{what} addr: {e}"));
    let (tx, rx) = oneshot::channel::<()>();
    tokio::spawn(async move {
        let _ = axum::serve(listener, app)
            .with_graceful_shutdown(async {
                let _ = rx.await;
            })
            .await;
    });
    (addr, tx)
}
