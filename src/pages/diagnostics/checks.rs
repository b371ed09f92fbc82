//! The checks behind the diagnostics page, each turning what it learns into a [`Finding`].

use docspace_api::{Client, PortalLimits};
use docspace_sdk::{SdkError, SdkVersion};

pub use super::facts::{Fact, LimitsSeen};
use crate::app_config::AppConfig;
use crate::errors::user_message;
use crate::i18n::{Locale, t_string};
use crate::state::FramesSession;
use crate::state::sign_in_attempts::SignInAttempts;
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

/// What one check found: a verdict, and the fact behind it (worded when shown, [`Fact`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Finding {
    pub verdict: Verdict,
    pub fact: Fact,
}

impl Finding {
    pub fn new(verdict: Verdict, fact: Fact) -> Finding {
        Finding { verdict, fact }
    }

    fn from_sdk(e: SdkError) -> Finding {
        Finding::new(Verdict::Fail, Fact::Sdk(e))
    }
}

/// The portal answers its REST API (through the host) and from this browser (where frames load
/// from).
pub async fn portal(config: &AppConfig, anon: &Client) -> Finding {
    let settings = match anon.auth().settings().await {
        Ok(s) => s,
        Err(e) => {
            let reason = user_message(&e);
            return Finding::new(Verdict::Fail, Fact::RestSilent { reason });
        }
    };
    if let Err(e) = docspace_sdk::portal_reachable(&config.portal_url).await {
        return Finding::from_sdk(e);
    }
    Finding::new(
        Verdict::Ok,
        Fact::PortalAnswers {
            portal: config.portal_url.clone(),
            version: settings.version,
        },
    )
}

/// The Embed SDK script loads from the portal.
pub async fn script(config: &AppConfig) -> Finding {
    let version: SdkVersion = config.sdk_version();
    match docspace_sdk::load_sdk(&config.portal_url, version).await {
        Ok(sdk) => Finding::new(
            Verdict::Ok,
            Fact::ScriptLoaded {
                version: sdk.version().as_str().to_string(),
                url: sdk.version().script_url(sdk.portal()),
            },
        ),
        Err(e) => Finding::from_sdk(e),
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
            finding: Finding::new(
                Verdict::Ok,
                Fact::CspAllowed {
                    origin: origin.to_string(),
                },
            ),
            domains,
            missing: false,
        },
        Err(e @ SdkError::CspOriginMissing { .. }) => CspState {
            finding: Finding::from_sdk(e),
            domains,
            missing: true,
        },
        Err(e) => CspState {
            finding: Finding::from_sdk(e),
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
        return Finding::new(Verdict::Fail, Fact::CookiesOff);
    }
    match frames {
        FramesSession::SignedIn => return Finding::new(Verdict::Ok, Fact::FramesSignedIn),
        FramesSession::Failed(reason) => {
            let reason = reason.clone();
            return Finding::new(Verdict::Fail, Fact::FramesFailed { reason });
        }
        FramesSession::Pending
        | FramesSession::Unknown
        | FramesSession::Checking
        | FramesSession::NotSignedIn => {}
    }
    if same_site(origin, portal) {
        Finding::new(Verdict::Ok, Fact::SameSite)
    } else {
        Finding::new(Verdict::Warn, Fact::OtherSite)
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

/// What the portal says about its limits and what the app's REST client has seen.
pub fn rate_limits(client: Option<&Client>, portal: Option<PortalLimits>) -> Finding {
    let Some(client) = client else {
        // Nothing is wrong before a sign-in: nothing was sent.
        return Finding::new(Verdict::NotChecked, Fact::LimitsUnknown);
    };
    let metrics = client.metrics();
    // DocSpace sends its limit headers only with a refusal (a 429): the probe's answer may carry
    // none, and the client keeps what the last refusal said.
    let seen = LimitsSeen {
        portal: portal.or(metrics.last_refusal),
        metrics,
        limits: client.rate_limits().clone(),
    };
    let verdict = if seen.low() || seen.metrics.rate_limited > 0 {
        Verdict::Warn
    } else {
        Verdict::Ok
    };
    Finding::new(verdict, Fact::Limits(Box::new(seen)))
}

/// Whether the portal's brute-force guard has refused this tab's sign-ins, from what the
/// session recorded (`attempts`), at `now_ms`. A refusal stays news until a sign-in succeeds:
/// trying again while blocked only extends the block.
pub fn sign_in_attempts(attempts: &SignInAttempts, signed_in: bool, now_ms: f64) -> Finding {
    if let Some(lockout) = &attempts.lockout {
        let ago_secs = ((now_ms - lockout.at_ms).max(0.0) / 1000.0).round() as u64;
        let message = lockout.message.clone();
        return Finding::new(Verdict::Fail, Fact::SignInLocked { ago_secs, message });
    }
    match (attempts.wrong_in_a_row, signed_in) {
        (0, true) => Finding::new(Verdict::Ok, Fact::SignInClean),
        (0, false) => Finding::new(Verdict::NotChecked, Fact::SignInNone),
        (count, _) => Finding::new(Verdict::Warn, Fact::SignInWrong { count }),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn before_a_sign_in_the_rate_limit_check_is_not_a_warning() {
        let f = rate_limits(None, None);
        assert_eq!(f.verdict, Verdict::NotChecked);
        assert_eq!(f.fact.fix(Locale::en), None);
    }

    #[test]
    fn a_lockout_fails_the_check_until_a_sign_in_succeeds() {
        let mut attempts = SignInAttempts::default();
        let none = sign_in_attempts(&attempts, false, 0.0);
        assert_eq!(none.verdict, Verdict::NotChecked);
        assert_eq!(sign_in_attempts(&attempts, true, 0.0).verdict, Verdict::Ok);
        attempts.wrong_in_a_row = 2;
        let wrong = sign_in_attempts(&attempts, false, 0.0);
        assert_eq!(wrong.verdict, Verdict::Warn);
        assert_eq!(
            wrong.fact.summary(Locale::en),
            "2 wrong e-mails or passwords in a row from this tab."
        );
        attempts.lockout = Some(crate::state::sign_in_attempts::Lockout {
            at_ms: 1_000.0,
            message: "Too many login attempts. Please try again later".into(),
        });
        let locked = sign_in_attempts(&attempts, false, 46_000.0);
        assert_eq!(locked.verdict, Verdict::Fail);
        let summary = locked.fact.summary(Locale::en);
        assert!(summary.contains("45 s ago"), "{summary}");
        assert!(summary.contains("Too many login attempts"), "{summary}");
        assert!(locked.fact.fix(Locale::ru).is_some());
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
