//! The checks behind the diagnostics page, each turning what it learns into a [`Finding`].

use docspace_api::Client;
use docspace_sdk::{SdkError, SdkVersion};

use crate::app_config::AppConfig;
use crate::errors::user_message;
use crate::state::FramesSession;

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    Warn,
    Fail,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Verdict::Ok => "Passed",
            Verdict::Warn => "Attention",
            Verdict::Fail => "Failed",
        }
    }
}

/// What one check found: a verdict, what was seen, and what to do (if anything).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub verdict: Verdict,
    pub summary: String,
    pub fix: Option<String>,
}

impl Finding {
    fn ok(summary: impl Into<String>) -> Finding {
        Finding {
            verdict: Verdict::Ok,
            summary: summary.into(),
            fix: None,
        }
    }

    fn warn(summary: impl Into<String>, fix: impl Into<String>) -> Finding {
        Finding {
            verdict: Verdict::Warn,
            summary: summary.into(),
            fix: Some(fix.into()),
        }
    }

    fn fail(summary: impl Into<String>, fix: impl Into<String>) -> Finding {
        Finding {
            verdict: Verdict::Fail,
            summary: summary.into(),
            fix: Some(fix.into()),
        }
    }

    fn from_sdk(e: &SdkError) -> Finding {
        let d = e.diagnosis();
        Finding::fail(format!("{}: {}", d.title, d.detail), d.fix)
    }
}

/// The portal answers its REST API (through the host) and from this browser (where frames load
/// from).
pub async fn portal(config: &AppConfig, anon: &Client) -> Finding {
    let settings = match anon.auth().settings().await {
        Ok(s) => s,
        Err(e) => {
            return Finding::fail(
                format!("The REST API did not answer: {}", user_message(&e)),
                "Check the portal address the host was started with, and that the portal runs.",
            );
        }
    };
    if let Err(e) = docspace_sdk::portal_reachable(&config.portal_url).await {
        return Finding::from_sdk(&e);
    }
    let version = settings
        .version
        .map(|v| format!(" (version {v})"))
        .unwrap_or_default();
    Finding::ok(format!(
        "{} answers its REST API and this browser{version}.",
        config.portal_url
    ))
}

/// The Embed SDK script loads from the portal.
pub async fn script(config: &AppConfig) -> Finding {
    let version: SdkVersion = config.sdk_version();
    match docspace_sdk::load_sdk(&config.portal_url, version).await {
        Ok(sdk) => Finding::ok(format!(
            "api.js {} loaded from {}.",
            sdk.version().as_str(),
            sdk.version().script_url(sdk.portal())
        )),
        Err(e) => Finding::from_sdk(&e),
    }
}

/// What the CSP check found, with the list when the portal gave it.
#[derive(Debug, Clone, PartialEq)]
pub struct CspState {
    pub finding: Finding,
    /// The allowed domains, when the portal listed them.
    pub domains: Option<Vec<String>>,
    /// Whether this origin is missing (and could be added).
    pub missing: bool,
}

/// This page's origin is in the portal's allowed domains (the frames' `frame-ancestors`).
pub async fn csp(config: &AppConfig, anon: &Client, origin: &str) -> CspState {
    let domains = anon.security().csp().await.ok().map(|c| c.domains);
    match docspace_sdk::origin_allowed(&config.portal_url).await {
        Ok(()) => CspState {
            finding: Finding::ok(format!("{origin} may embed the portal's frames.")),
            domains,
            missing: false,
        },
        Err(e @ SdkError::CspOriginMissing { .. }) => CspState {
            finding: Finding::from_sdk(&e),
            domains,
            missing: true,
        },
        Err(e) => CspState {
            finding: Finding::from_sdk(&e),
            domains,
            missing: false,
        },
    }
}

/// The host name of an origin or URL (`http://a.b:1/x` → `a.b`).
fn host_of(url: &str) -> &str {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    match authority.rsplit_once(':') {
        Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
        _ => authority,
    }
}

/// The last two labels of a host name: a rough "site" (exact for loopback and IP addresses).
fn site_of(host: &str) -> String {
    if host.parse::<std::net::IpAddr>().is_ok() || host == "localhost" {
        return host.to_ascii_lowercase();
    }
    let labels: Vec<&str> = host.split('.').collect();
    labels[labels.len().saturating_sub(2)..]
        .join(".")
        .to_ascii_lowercase()
}

/// Whether the frames can keep the portal's session cookie.
pub fn cookies(
    origin: &str,
    portal: &str,
    cookies_enabled: bool,
    frames: &FramesSession,
) -> Finding {
    if !cookies_enabled {
        return Finding::fail(
            "This browser has cookies turned off.",
            "Allow cookies for this site and for the portal; frames sign in with a cookie.",
        );
    }
    match frames {
        FramesSession::SignedIn => {
            return Finding::ok(
                "The frames are signed in: the portal's session cookie works inside frames.",
            );
        }
        FramesSession::Failed(reason) => {
            return Finding::fail(
                format!("The frames could not sign in: {reason}"),
                "If the browser blocks third-party cookies, allow them for the portal, or serve \
                 the app from the portal's own site.",
            );
        }
        FramesSession::Pending | FramesSession::Unknown => {}
    }
    if site_of(host_of(origin)) == site_of(host_of(portal)) {
        Finding::ok(
            "The portal is on this page's site, so its cookie is first-party inside frames. \
             Sign in to see it working.",
        )
    } else {
        Finding::warn(
            "The portal is another site: its cookie is third-party inside frames.",
            "Browsers that block third-party cookies keep the frames signed out. Sign in to \
             check this browser, or serve the app from the portal's site.",
        )
    }
}

/// What the app's REST client has seen of the portal's rate limits.
pub fn rate_limits(client: Option<&Client>) -> Finding {
    let Some(client) = client else {
        return Finding::warn(
            "Not signed in: no requests counted yet.",
            "Sign in to see how close the app runs to the portal's limits.",
        );
    };
    let m = client.metrics();
    let l = client.rate_limits();
    let summary = format!(
        "{} requests sent; {} of {} per minute in use; {} refused with 429; {} retries; {} \
         pauses to stay under the limits (at most {} GET and {} other requests at once).",
        m.requests_sent,
        m.window_used,
        l.per_minute,
        m.rate_limited,
        m.retries,
        m.pauses,
        l.concurrent_get,
        l.concurrent_other,
    );
    if m.rate_limited > 0 {
        Finding::warn(
            summary,
            "The portal refused some requests; the client waited and retried them. Heavy use \
             from other apps with the same account shares these limits.",
        )
    } else {
        Finding::ok(summary)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hosts_and_sites_ignore_scheme_port_and_path() {
        assert_eq!(host_of("http://127.0.0.1:8080"), "127.0.0.1");
        assert_eq!(host_of("https://docs.example.com/x?y"), "docs.example.com");
        assert_eq!(site_of("docs.example.com"), "example.com");
        assert_eq!(site_of("127.0.0.1"), "127.0.0.1");
    }

    #[test]
    fn cookies_are_judged_by_the_frames_first_then_by_site() {
        let same = cookies(
            "http://127.0.0.1:8080",
            "http://127.0.0.1:8092",
            true,
            &FramesSession::Unknown,
        );
        assert_eq!(same.verdict, Verdict::Ok);
        let cross = cookies(
            "https://app.one.com",
            "https://docs.two.com",
            true,
            &FramesSession::Unknown,
        );
        assert_eq!(cross.verdict, Verdict::Warn);
        let signed = cookies(
            "https://app.one.com",
            "https://docs.two.com",
            true,
            &FramesSession::SignedIn,
        );
        assert_eq!(signed.verdict, Verdict::Ok);
        let off = cookies(
            "https://a.com",
            "https://a.com",
            false,
            &FramesSession::SignedIn,
        );
        assert_eq!(off.verdict, Verdict::Fail);
    }
}
