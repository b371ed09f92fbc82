//! Sending a request: credentials and link key added, through the scheduler, the answer decoded.

use serde::de::DeserializeOwned;

use super::{Auth, Client, LINK_KEY_HEADER};
use crate::envelope::{self, Decoded};
use crate::error::Error;
use crate::paging::Page;
use crate::request::Request;
use crate::scheduler::Admission;
use crate::transport::{BodyReader, RawRequest, RawResponse};

impl Client {
    /// Sends `req` with credentials through the scheduler; a non-2xx answer becomes its error.
    ///
    /// Not `async`: returning `execute_as`'s own future keeps one copy of its state machine in
    /// the wasm (an `async` wrapper inlined a second one).
    pub(crate) fn execute(
        &self,
        req: Request,
    ) -> impl Future<Output = Result<RawResponse, Error>> + '_ {
        self.execute_as(req, true)
    }

    /// Like [`Client::execute`], without credentials (sign-in and public settings).
    pub(crate) fn execute_anonymous(
        &self,
        req: Request,
    ) -> impl Future<Output = Result<RawResponse, Error>> + '_ {
        self.execute_as(req, false)
    }

    async fn execute_as(&self, req: Request, with_auth: bool) -> Result<RawResponse, Error> {
        let idempotent = req.idempotent;
        let raw = self.raw_request(req, with_auth);
        let resp = self
            .inner
            .scheduler
            .send(&self.inner.transport, raw, idempotent)
            .await?;
        if (200..300).contains(&resp.status) {
            Ok(resp)
        } else {
            Err(envelope::error_of(&resp))
        }
    }

    /// Sends `req` with credentials through the scheduler and returns, for a 2xx answer, its
    /// status and headers as soon as they arrive, with its unread body and the scheduler's
    /// admission (held until both are dropped); a non-2xx answer becomes its error.
    pub(crate) async fn open(
        &self,
        req: Request,
    ) -> Result<(RawResponse, BodyReader, Admission), Error> {
        let idempotent = req.idempotent;
        let raw = self.raw_request(req, true);
        let opened = self
            .inner
            .scheduler
            .open(&self.inner.transport, raw, idempotent)
            .await?;
        match opened.body {
            Some((body, admission)) => Ok((opened.head, body, admission)),
            None => Err(envelope::error_of(&opened.head)),
        }
    }

    /// The request as the transport sends it: the portal's URL, credentials, the link key.
    pub(crate) fn raw_request(&self, req: Request, with_auth: bool) -> RawRequest {
        let mut headers = vec![("accept".to_string(), "application/json".to_string())];
        let credentials = self.credentials();
        // The host-proxy marker is no credential: it tells `docspace-host` that the request is
        // its own app's, which is what lets the host keep the session a sign-in opens.
        let sends_header = with_auth || matches!(credentials, Auth::HostProxy);
        if sends_header && let Some((name, value)) = credentials.header() {
            headers.push((name.to_string(), value));
        }
        if let Some(key) = &self.inner.link_key {
            headers.push((LINK_KEY_HEADER.to_string(), key.clone()));
        }
        RawRequest {
            method: req.method,
            url: format!("{}/{}", self.inner.base_url, req.path_and_query()),
            headers,
            body: req.body,
            timeout: self.inner.timeout,
            progress: req.progress,
        }
    }

    /// Sends `req` and decodes the envelope's `response`.
    pub(crate) async fn call<T: DeserializeOwned>(&self, req: Request) -> Result<T, Error> {
        envelope::decode(&self.execute(req).await?)
    }

    /// Sends `req` and decodes a body that is not an envelope (the identity service's answers).
    pub(crate) async fn call_plain<T: DeserializeOwned>(&self, req: Request) -> Result<T, Error> {
        let resp = self.execute(req).await?;
        let text = std::str::from_utf8(&resp.body).unwrap_or("");
        envelope::from_payload(
            if text.trim().is_empty() { "null" } else { text },
            &resp.body,
        )
    }

    /// Sends `req` and reads a page of a listing: the envelope's `response` list and its `total`.
    pub(crate) async fn call_page<T: DeserializeOwned>(
        &self,
        req: Request,
    ) -> Result<Page<T>, Error> {
        let d: Decoded<Vec<T>> = envelope::decode_with_total(&self.execute(req).await?)?;
        Ok(Page {
            items: d.response,
            total: d.total,
        })
    }
}
