//! The checks behind the diagnostics page, each turning what it learns into a [`Finding`].

use docspace_api::{Client, PortalLimits};
use docspace_sdk::{SdkError, SdkVersion};

use crate::app_config::AppConfig;
use crate::errors::user_message;
use crate::i18n::{Locale, t_string};
use crate::state::FramesSession;
use leptos_i18n::I18nContext;

/// How a check came out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Verdict {
    Ok,
    /// Nothing to judge yet (the check needs a sign-in): neither good nor bad news.
    NotChecked,
    Warn,
    Fail,
}

impl Verdict {
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::NotChecked => "not-checked",
            Verdict::Warn => "warn",
            Verdict::Fail => "fail",
        }
    }

    /// The badge, in the reader's language.
    pub fn label(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            Verdict::Ok => t_string!(i18n, diagnostics.verdict.ok),
            Verdict::NotChecked => t_string!(i18n, diagnostics.verdict.not_checked),
            Verdict::Warn => t_string!(i18n, diagnostics.verdict.warn),
            Verdict::Fail => t_string!(i18n, diagnostics.verdict.fail),
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

    fn not_checked(summary: impl Into<String>) -> Finding {
        Finding {
            verdict: Verdict::NotChecked,
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

/// The scheme of an origin or URL, lower-cased (`HTTPS://a` → `https`); empty when it has none.
fn scheme_of(url: &str) -> String {
    url.split_once("://")
        .map(|(s, _)| s.to_ascii_lowercase())
        .unwrap_or_default()
}

/// The host name of an origin or URL, lower-cased, without user info, port or a trailing dot
/// (`http://u@A.b.:1/x` → `a.b`); an IPv6 literal comes without its brackets.
fn host_of(url: &str) -> String {
    let rest = url.split_once("://").map_or(url, |(_, r)| r);
    let authority = rest.split(['/', '?', '#']).next().unwrap_or_default();
    let authority = authority.rsplit_once('@').map_or(authority, |(_, h)| h);
    let host = if let Some(v6) = authority.strip_prefix('[') {
        v6.split_once(']').map_or(v6, |(h, _)| h)
    } else {
        match authority.rsplit_once(':') {
            Some((h, port)) if port.chars().all(|c| c.is_ascii_digit()) => h,
            _ => authority,
        }
    };
    host.trim_end_matches('.').to_ascii_lowercase()
}

/// The cookie "site" of a host name.
///
/// IP addresses (v4 and v6, compared in canonical form) and single-label names such as
/// `localhost` are their own site: a browser never shares cookies between `127.0.0.1` and
/// `127.0.0.2`, and the last two labels of an address mean nothing. Other names are reduced to
/// their last two labels (`docs.example.com` → `example.com`).
///
/// Limitation: without the Public Suffix List this is wrong under multi-label public suffixes:
/// `a.example.co.uk` and `b.other.co.uk` both give `co.uk` and are judged one site, and
/// `x.github.io` and `y.github.io` likewise, although browsers treat them as different sites.
/// The check is a hint before the frames sign in; once they have, their real result wins.
fn site_of(host: &str) -> String {
    if let Ok(ip) = host.parse::<std::net::IpAddr>() {
        return ip.to_string();
    }
    let labels: Vec<&str> = host.split('.').filter(|l| !l.is_empty()).collect();
    labels[labels.len().saturating_sub(2)..]
        .join(".")
        .to_ascii_lowercase()
}

/// Whether two origins are the same site for cookies: same scheme (browsers keep `http` and
/// `https` apart) and same [`site_of`] their hosts.
fn same_site(a: &str, b: &str) -> bool {
    scheme_of(a) == scheme_of(b) && site_of(&host_of(a)) == site_of(&host_of(b))
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
        FramesSession::Pending
        | FramesSession::Unknown
        | FramesSession::Checking
        | FramesSession::NotSignedIn => {}
    }
    if same_site(origin, portal) {
        Finding::ok(
            "The portal seems to be on this page's site (judged by scheme and host name), so its \
             cookie would be first-party inside frames. Sign the frames in to see it working.",
        )
    } else {
        Finding::warn(
            "The portal is another site: its cookie is third-party inside frames.",
            "Browsers that block third-party cookies keep the frames signed out. Sign in to \
             check this browser, or serve the app from the portal's site.",
        )
    }
}

/// One sentence about what the portal said of its limits; `None` when it said nothing useful.
/// The client reads every form of the headers (`docspace_api::PortalLimits`).
pub fn describe_limits(l: &PortalLimits) -> Option<String> {
    let remaining = l.remaining?;
    let mut s = match (l.limit, l.window) {
        (Some(limit), Some(window)) => format!(
            "The portal allows {remaining} more of {limit} requests per {}",
            span(window.as_secs())
        ),
        (Some(limit), None) => format!("The portal allows {remaining} more of {limit} requests"),
        _ => format!("The portal allows {remaining} more requests"),
    };
    if let Some(reset) = l.reset_in {
        s.push_str(&format!(
            " in this window (it resets in {} s)",
            reset.as_secs_f64().ceil()
        ));
    }
    s.push('.');
    Some(s)
}

/// `30 min`, `1 min`, `15 s`, `1 h`, `1 d`.
fn span(secs: u64) -> String {
    match secs {
        s if s >= 86_400 && s % 86_400 == 0 => format!("{} d", s / 86_400),
        s if s >= 3_600 && s % 3_600 == 0 => format!("{} h", s / 3_600),
        s if s >= 60 && s % 60 == 0 => format!("{} min", s / 60),
        s => format!("{s} s"),
    }
}

/// Asks the portal (through the app's API address, with the session's credentials) for the
/// signed-in user and reads the rate-limit headers of the answer. The credentials go in the
/// `Authorization` header only, as the REST client sends them.
pub async fn probe_portal_limits(
    api_base: &str,
    client: &Client,
    now: f64,
) -> Option<PortalLimits> {
    let url = format!("{api_base}/api/2.0/people/@self");
    let mut req = gloo_net::http::Request::get(&url);
    // Cookies go by themselves; everything else is the header the REST client sends.
    if let Some((name, value)) = client.credentials().header() {
        req = req.header(name, &value);
    }
    let resp = req.send().await.ok()?;
    let h = resp.headers();
    PortalLimits::from_headers(|name| h.get(name), now)
}

/// `1 request`, `2 requests`, `0 retries`.
fn count(n: u64, noun: &str) -> String {
    match (n, noun.strip_suffix('y')) {
        (1, _) => format!("1 {noun}"),
        (_, Some(stem)) => format!("{n} {stem}ies"),
        (_, None) => format!("{n} {noun}s"),
    }
}

/// What the portal says about its limits and what the app's REST client has seen.
pub fn rate_limits(client: Option<&Client>, portal: Option<PortalLimits>) -> Finding {
    let Some(client) = client else {
        // Nothing is wrong before a sign-in: nothing was sent.
        return Finding::not_checked(
            "Not signed in: no requests counted yet. Sign in to see how close the app runs to the portal's limits.",
        );
    };
    let m = client.metrics();
    let l = client.rate_limits();
    // DocSpace sends its limit headers only with a refusal (a 429): the probe's answer may carry
    // none, and the client keeps what the last refusal said.
    let portal = portal.or(m.last_refusal);
    let portal_text = portal
        .as_ref()
        .and_then(describe_limits)
        .unwrap_or_else(|| {
            "The portal sent no rate-limit headers (DocSpace sends them only when it refuses a \
             request)."
                .into()
        });
    let summary = format!(
        "{portal_text} This app: {} sent; {} of {} per minute in use; {} refused with 429; {}; \
         {} to stay under the limits (at most {} GET and {} other requests at once).",
        count(m.requests_sent, "request"),
        m.window_used,
        l.per_minute,
        m.rate_limited,
        count(m.retries, "retry"),
        count(m.pauses, "pause"),
        l.concurrent_get,
        l.concurrent_other,
    );
    if portal.is_some_and(|p| p.low()) {
        Finding::warn(
            summary,
            "Less than a tenth of the portal's window is left; requests will wait or be refused \
             until it resets. Other apps using the same account share these limits.",
        )
    } else if m.rate_limited > 0 {
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

    fn said(headers: &[(&str, &str)]) -> PortalLimits {
        let get = |name: &str| {
            headers
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        };
        PortalLimits::from_headers(get, 1_700_000_000.0).unwrap_or_default()
    }

    #[test]
    fn portal_limits_read_as_a_sentence_in_every_form() {
        // The server's form: a number and Unix seconds.
        let server = said(&[
            ("x-ratelimit-limit", "1500"),
            ("x-ratelimit-remaining", "1490"),
            ("x-ratelimit-reset", "1700000030"),
        ]);
        assert_eq!(
            describe_limits(&server).as_deref(),
            Some(
                "The portal allows 1490 more of 1500 requests in this window (it resets in 30 s)."
            )
        );
        assert!(!server.low());
        // The docs' form: requests per window and seconds left.
        let docs = said(&[
            ("x-ratelimit-limit", "100/30m"),
            ("x-ratelimit-remaining", "4"),
            ("x-ratelimit-reset", "12"),
        ]);
        assert!(docs.low());
        assert_eq!(
            describe_limits(&docs).as_deref(),
            Some(
                "The portal allows 4 more of 100 requests per 30 min in this window (it resets in 12 s)."
            )
        );
        assert_eq!(describe_limits(&said(&[("retry-after", "3")])), None);
        assert_eq!(
            (span(1), span(60), span(5_400), span(86_400)),
            ("1 s".into(), "1 min".into(), "90 min".into(), "1 d".into())
        );
    }

    #[test]
    fn before_a_sign_in_the_rate_limit_check_is_not_a_warning() {
        let f = rate_limits(None, None);
        assert_eq!(f.verdict, Verdict::NotChecked);
        assert_eq!(f.fix, None);
    }

    #[test]
    fn counts_read_naturally() {
        assert_eq!(count(1, "request"), "1 request");
        assert_eq!(count(3, "request"), "3 requests");
        assert_eq!(count(0, "retry"), "0 retries");
        assert_eq!(count(1, "retry"), "1 retry");
    }

    #[test]
    fn hosts_and_sites_ignore_scheme_port_and_path() {
        assert_eq!(host_of("http://127.0.0.1:8080"), "127.0.0.1");
        assert_eq!(host_of("https://docs.example.com/x?y"), "docs.example.com");
        assert_eq!(
            host_of("https://user:pw@Docs.Example.com.:443/"),
            "docs.example.com"
        );
        assert_eq!(host_of("http://[::1]:8080/x"), "::1");
        assert_eq!(host_of("http://[::1]"), "::1");
        assert_eq!(site_of("docs.example.com"), "example.com");
        assert_eq!(site_of("127.0.0.1"), "127.0.0.1");
        assert_eq!(site_of("0:0:0:0:0:0:0:1"), "::1");
    }

    #[test]
    fn loopback_and_addresses_are_sites_of_their_own() {
        // The same loopback host on other ports: one site.
        assert!(same_site("http://127.0.0.1:8080", "http://127.0.0.1:8092"));
        assert!(same_site(
            "http://[::1]:8080",
            "http://[0:0:0:0:0:0:0:1]:8092"
        ));
        assert!(same_site("http://localhost:8080", "http://localhost:8092"));
        // Addresses sharing their last two numbers are still different hosts.
        assert!(!same_site("http://10.0.0.1", "http://192.168.0.1"));
        assert!(!same_site("http://127.0.0.1:8080", "http://127.0.1.1:8092"));
        assert!(!same_site("http://127.0.0.1:8080", "http://localhost:8092"));
        assert!(!same_site("http://[::1]:8080", "http://127.0.0.1:8092"));
        // Names: subdomains of one domain are one site; schemes keep sites apart.
        assert!(same_site(
            "https://app.example.com",
            "https://docs.example.com"
        ));
        assert!(!same_site(
            "http://app.example.com",
            "https://docs.example.com"
        ));
        assert!(!same_site("https://example.com", "https://example.org"));
        // The documented limitation: a multi-label public suffix looks like one site.
        assert!(same_site(
            "https://a.example.co.uk",
            "https://b.other.co.uk"
        ));
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
