//! The redirect of a command-line tool (RFC 8252 §7.3): a listener on `127.0.0.1` that takes
//! the browser's one redirect back and answers it with a page saying the tool has it.
//!
//! DocSpace matches redirect URIs exactly, so register `http://127.0.0.1:PORT/callback` with the
//! port given to [`LoopbackRedirect::bind`] (or bind port 0 and register the URI it reports).
//!
//! ```no_run
//! # async fn f() -> Result<(), docspace_api::oauth::OAuthError> {
//! use std::time::Duration;
//! use docspace_api::oauth::{AuthorizationFlow, MemoryStorage, loopback::LoopbackRedirect};
//! let listener = LoopbackRedirect::bind(53682).await?;
//! let flow = AuthorizationFlow::new("https://portal.example.com", "client-id", listener.redirect_uri());
//! let store = MemoryStorage::default();
//! println!("Open {}", flow.start(&store, "")?);
//! let back = listener.wait(Duration::from_secs(300)).await?;
//! let tokens = flow.finish(&store, &back).await?.tokens;
//! # Ok(()) }
//! ```

use std::time::Duration;

use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

use super::{OAuthError, is_redirect_back};

/// The path the browser comes back to.
pub const CALLBACK_PATH: &str = "/callback";

/// The most a request line and headers may take; a redirect's are far smaller.
const MAX_HEAD: usize = 16 * 1024;

/// A loopback listener waiting for one redirect.
#[derive(Debug)]
pub struct LoopbackRedirect {
    listener: TcpListener,
    redirect_uri: String,
}

impl LoopbackRedirect {
    /// Listens on `127.0.0.1:port` (0: a free port). Loopback only: nothing else on the network
    /// can hand the tool a code.
    pub async fn bind(port: u16) -> Result<LoopbackRedirect, OAuthError> {
        let listener = TcpListener::bind(("127.0.0.1", port)).await.map_err(|e| {
            OAuthError::Transport(format!("cannot listen on 127.0.0.1:{port}: {e}"))
        })?;
        let port = listener
            .local_addr()
            .map_err(|e| OAuthError::Transport(e.to_string()))?
            .port();
        Ok(LoopbackRedirect {
            listener,
            redirect_uri: format!("http://127.0.0.1:{port}{CALLBACK_PATH}"),
        })
    }

    /// `http://127.0.0.1:PORT/callback`.
    pub fn redirect_uri(&self) -> &str {
        &self.redirect_uri
    }

    /// Waits at most `timeout` for the redirect and returns its full URL (for
    /// [`super::AuthorizationFlow::finish`]). Other requests (a favicon) get a 404 and the wait
    /// goes on.
    pub async fn wait(self, timeout: Duration) -> Result<String, OAuthError> {
        tokio::time::timeout(timeout, self.accept_redirect())
            .await
            .map_err(|_| OAuthError::Timeout(timeout))?
    }

    async fn accept_redirect(&self) -> Result<String, OAuthError> {
        loop {
            let (mut stream, _) = self
                .listener
                .accept()
                .await
                .map_err(|e| OAuthError::Transport(e.to_string()))?;
            let Some(target) = request_target(&mut stream).await else {
                let _ = respond(&mut stream, "400 Bad Request", "Not a redirect.").await;
                continue;
            };
            let url = format!(
                "{}{}",
                self.redirect_uri.trim_end_matches(CALLBACK_PATH),
                target
            );
            let path = target.split('?').next().unwrap_or("");
            if path != CALLBACK_PATH || !is_redirect_back(&url) {
                let _ = respond(&mut stream, "404 Not Found", "Nothing here.").await;
                continue;
            }
            let page = if url.contains("error=") {
                "The sign-in was not completed. You can close this tab; the tool says why."
            } else {
                "Signed in. You can close this tab and go back to the tool."
            };
            let _ = respond(&mut stream, "200 OK", page).await;
            return Ok(url);
        }
    }
}

/// The request target of a `GET` (`/callback?code=…`), reading at most [`MAX_HEAD`] bytes.
async fn request_target(stream: &mut TcpStream) -> Option<String> {
    let mut head = Vec::new();
    let mut buf = [0u8; 2048];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let n = stream.read(&mut buf).await.ok()?;
        if n == 0 || head.len() + n > MAX_HEAD {
            return None;
        }
        head.extend_from_slice(&buf[..n]);
    }
    let text = std::str::from_utf8(&head).ok()?;
    let mut parts = text.lines().next()?.split(' ');
    let (method, target) = (parts.next()?, parts.next()?);
    (method == "GET" && target.starts_with('/')).then(|| target.to_string())
}

async fn respond(stream: &mut TcpStream, status: &str, text: &str) -> std::io::Result<()> {
    let body =
        format!("<!doctype html><meta charset=utf-8><title>DocSpace sign-in</title><p>{text}</p>");
    let head = format!(
        "HTTP/1.1 {status}\r\ncontent-type: text/html; charset=utf-8\r\ncontent-length: {}\r\n\
         cache-control: no-store\r\nreferrer-policy: no-referrer\r\nconnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes()).await?;
    stream.write_all(body.as_bytes()).await?;
    stream.shutdown().await
}
