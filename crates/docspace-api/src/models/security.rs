//! Embedding: the portal's CSP list (ONLYOFFICE/DocSpace-server: `web/ASC.Web.Api/Api/SecurityController.cs`).

use serde::{Deserialize, Serialize};

use super::common::null_as_default;

/// The sites allowed to embed the portal, and the CSP header the portal builds from them.
///
/// ```
/// let c: docspace_api::models::Csp = serde_json::from_str(
///     r#"{"domains":["https://app.example.com"],"header":"frame-ancestors 'self' https://app.example.com"}"#)?;
/// assert!(c.allows("https://app.example.com"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Csp {
    /// Allowed domains (hosts, origins or `*.` wildcards).
    #[serde(default, deserialize_with = "null_as_default")]
    pub domains: Vec<String>,
    /// The `Content-Security-Policy` value frame pages get.
    #[serde(default)]
    pub header: Option<String>,
}

impl Csp {
    /// Whether `origin` is listed exactly (case-insensitive, ignoring a trailing slash).
    pub fn allows(&self, origin: &str) -> bool {
        let origin = origin.trim_end_matches('/');
        self.domains
            .iter()
            .any(|d| d.trim_end_matches('/').eq_ignore_ascii_case(origin))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csp_decodes_with_and_without_domains() {
        let c: Csp = serde_json::from_str(r#"{"domains":null,"header":null}"#).unwrap();
        assert!(c.domains.is_empty() && c.header.is_none());
        let c: Csp = serde_json::from_str(r#"{"domains":["HTTP://A.example/"]}"#).unwrap();
        assert!(c.allows("http://a.example"));
        assert!(!c.allows("http://b.example"));
    }
}
