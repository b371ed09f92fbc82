//! `/api/2.0/security/csp`: which sites may embed the portal.

use serde::Serialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::Csp;
use crate::request::Request;

/// Embedding settings; get one with [`Client::security`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// let csp = client.security().csp().await?;
/// if !csp.allows("https://app.example.com") {
///     let mut domains = csp.domains.clone();
///     domains.push("https://app.example.com".into());
///     client.security().set_csp().domains(domains).send().await?;
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct SecurityHandler<'c> {
    client: &'c Client,
}

impl<'c> SecurityHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        SecurityHandler { client }
    }

    /// The CSP list (anonymous callers may read it).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// println!("{:?}", client.security().csp().await?.domains);
    /// # Ok(()) }
    /// ```
    pub async fn csp(&self) -> Result<Csp, Error> {
        self.client.call(Request::get("security/csp")).await
    }

    /// Starts replacing the CSP list (admins only). The list replaces the stored one: send all
    /// domains.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.security().set_csp().domain("https://app.example.com").domain("*.partner.io").send().await?;
    /// # Ok(()) }
    /// ```
    pub fn set_csp(&self) -> SetCspBuilder<'c> {
        SetCspBuilder {
            client: self.client,
            domains: Vec::new(),
        }
    }
}

/// `POST /api/2.0/security/csp`; see [`SecurityHandler::set_csp`].
#[derive(Debug, Clone)]
pub struct SetCspBuilder<'c> {
    client: &'c Client,
    domains: Vec<String>,
}

impl<'c> SetCspBuilder<'c> {
    /// Adds a domain: a host, `scheme://host[:port]`, or a `*.` wildcard.
    pub fn domain(mut self, domain: impl Into<String>) -> Self {
        self.domains.push(domain.into());
        self
    }

    /// Adds domains.
    pub fn domains<I, S>(mut self, domains: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.domains.extend(domains.into_iter().map(Into::into));
        self
    }

    /// Stores the list; an empty list removes every domain.
    pub async fn send(self) -> Result<Csp, Error> {
        for d in &self.domains {
            let bad = d.trim().is_empty()
                || !d.is_ascii()
                || d.chars()
                    .any(|c| c.is_whitespace() || c.is_control() || c == ';' || c == ',');
            if bad {
                return Err(Error::invalid(
                    "domains",
                    format!("`{d}` is not an ASCII host or origin (use punycode for IDNs)"),
                ));
            }
        }
        let req = Request::post("security/csp")
            .json(&Domains {
                domains: &self.domains,
            })?
            // Storing the same list twice has the same effect.
            .idempotent(true);
        self.client.call(req).await
    }
}

/// `{"domains": [...]}`: the CSP request.
#[derive(Serialize)]
struct Domains<'a> {
    domains: &'a [String],
}
