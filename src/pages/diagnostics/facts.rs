//! What the checks found, worded in the reader's language when shown. The checks keep facts,
//! not sentences, so that switching language re-words the page without checking again.

use docspace_api::{Metrics, PortalLimits, RateLimits};
use docspace_sdk::SdkError;

use crate::i18n::{Locale, td_string};
use crate::locale::{Said, counted, format_duration, sdk_texts, tag_of};

/// One thing a check found.
#[derive(Debug, Clone, PartialEq)]
pub enum Fact {
    /// The app's API address cannot make a client.
    NoClient,
    /// The portal's REST API did not answer, for `reason`.
    RestSilent { reason: Said },
    /// The SDK explains the problem ([`SdkError::diagnosis_in`]).
    Sdk(SdkError),
    /// The portal answers the REST API and this browser.
    PortalAnswers {
        portal: String,
        version: Option<String>,
    },
    /// `api.js` loaded.
    ScriptLoaded { version: String, url: String },
    /// This origin is in the portal's CSP list.
    CspAllowed { origin: String },
    /// `navigator.cookieEnabled` is false.
    CookiesOff,
    /// The frames signed in: their cookie works.
    FramesSignedIn,
    /// The frames' sign-in failed, for `reason`.
    FramesFailed { reason: Said },
    /// No frame sign-in yet, and the portal is on this page's site.
    SameSite,
    /// No frame sign-in yet, and the portal is another site.
    OtherSite,
    /// Nobody is signed in: no requests to count.
    LimitsUnknown,
    /// What the portal said of its limits and what the app's client did (boxed: by far the
    /// largest fact).
    Limits(Box<LimitsSeen>),
    /// Signed in with DocSpace; the frames share the portal's session.
    OAuthFramesShared,
    /// Signed in with DocSpace; the frames are checked when a page with one opens.
    OAuthFramesLater { portal: String },
    /// Signed in with DocSpace; the frames have no portal session.
    OAuthFramesWithout { portal: String },
    /// Signed in with DocSpace; the frames' sign-in failed.
    OAuthFramesFailed { portal: String, reason: Said },
    /// The app calls the API on its own origin: the OAuth app's origins do not apply.
    OAuthThroughHost,
    /// Only admins can read the OAuth app's allowed origins.
    OAuthUnreadable,
    /// The OAuth app lists this origin.
    OAuthAllowed { client_id: String, origin: String },
    /// The OAuth app does not list this origin.
    OAuthNotListed { client_id: String, origin: String },
    /// The portal has no OAuth app with this client id.
    OAuthAppMissing { client_id: String },
    /// The portal's brute-force guard refused a sign-in from this tab `ago_secs` ago, saying
    /// `message`; none has succeeded since.
    SignInLocked { ago_secs: u64, message: String },
    /// Wrong e-mails or passwords in a row from this tab, with no lockout yet.
    SignInWrong { count: u32 },
    /// Signed in, and no sign-in from this tab was refused since the last success.
    SignInClean,
    /// No password sign-in from this tab yet.
    SignInNone,
}

/// The rate-limit check's facts.
#[derive(Debug, Clone, PartialEq)]
pub struct LimitsSeen {
    /// What the portal said, when it said something.
    pub portal: Option<PortalLimits>,
    /// The app's REST client's counters.
    pub metrics: Metrics,
    /// The limits the client keeps to.
    pub limits: RateLimits,
}

impl LimitsSeen {
    /// Less than a tenth of the portal's window is left.
    pub fn low(&self) -> bool {
        self.portal.is_some_and(|p| p.low())
    }
}

impl Fact {
    /// What was found, in `locale`.
    pub fn summary(&self, locale: Locale) -> String {
        let l = locale;
        match self {
            Fact::NoClient => td_string!(l, diagnostics.found.no_client).into(),
            Fact::RestSilent { reason } => {
                let reason = reason.in_locale(l);
                td_string!(l, diagnostics.found.rest_silent, reason).to_string()
            }
            Fact::Sdk(e) => {
                let d = e.diagnosis_in(&sdk_texts::texts(l));
                format!("{}: {}", d.title, d.detail)
            }
            Fact::PortalAnswers {
                portal,
                version: Some(version),
            } => td_string!(l, diagnostics.found.portal_version, portal, version).to_string(),
            Fact::PortalAnswers {
                portal,
                version: None,
            } => td_string!(l, diagnostics.found.portal, portal).to_string(),
            Fact::ScriptLoaded { version, url } => {
                td_string!(l, diagnostics.found.script, version, url).to_string()
            }
            Fact::CspAllowed { origin } => {
                td_string!(l, diagnostics.found.csp_allowed, origin).to_string()
            }
            Fact::CookiesOff => td_string!(l, diagnostics.found.cookies_off).into(),
            Fact::FramesSignedIn => td_string!(l, diagnostics.found.frames_signed_in).into(),
            Fact::FramesFailed { reason } => {
                let reason = reason.in_locale(l);
                td_string!(l, diagnostics.found.frames_failed, reason).to_string()
            }
            Fact::SameSite => td_string!(l, diagnostics.found.same_site).into(),
            Fact::OtherSite => td_string!(l, diagnostics.found.other_site).into(),
            Fact::LimitsUnknown => td_string!(l, diagnostics.found.limits_unknown).into(),
            Fact::Limits(seen) => limits_summary(seen, l),
            Fact::OAuthFramesShared => td_string!(l, diagnostics.found.oauth_shared).into(),
            Fact::OAuthFramesLater { .. } => td_string!(l, diagnostics.found.oauth_later).into(),
            Fact::OAuthFramesWithout { .. } => {
                td_string!(l, diagnostics.found.oauth_without).into()
            }
            Fact::OAuthFramesFailed { reason, .. } => {
                let reason = reason.in_locale(l);
                td_string!(l, diagnostics.found.oauth_failed, reason).to_string()
            }
            Fact::OAuthThroughHost => td_string!(l, diagnostics.found.oauth_host).into(),
            Fact::OAuthUnreadable => td_string!(l, diagnostics.found.oauth_unreadable).into(),
            Fact::OAuthAllowed { client_id, origin } => {
                td_string!(l, diagnostics.found.oauth_allowed, client_id, origin).to_string()
            }
            Fact::OAuthNotListed { client_id, origin } => {
                td_string!(l, diagnostics.found.oauth_not_listed, client_id, origin).to_string()
            }
            Fact::OAuthAppMissing { client_id } => {
                td_string!(l, diagnostics.found.oauth_app_missing, client_id).to_string()
            }
            Fact::SignInLocked { ago_secs, message } => {
                let ago = format_duration(*ago_secs, tag_of(l));
                td_string!(l, diagnostics.found.sign_in_locked, ago, message).to_string()
            }
            Fact::SignInWrong { count } => {
                counted!(l, u64::from(*count), diagnostics.found.sign_in_wrong)
            }
            Fact::SignInClean => td_string!(l, diagnostics.found.sign_in_clean).into(),
            Fact::SignInNone => td_string!(l, diagnostics.found.sign_in_none).into(),
        }
    }

    /// What to do about it, in `locale`; `None` when nothing needs doing.
    pub fn fix(&self, locale: Locale) -> Option<String> {
        let l = locale;
        let fix: String = match self {
            Fact::NoClient => td_string!(l, diagnostics.fix.no_client).into(),
            Fact::RestSilent { .. } => td_string!(l, diagnostics.fix.rest_silent).into(),
            Fact::Sdk(e) => e.diagnosis_in(&sdk_texts::texts(l)).fix,
            Fact::CookiesOff => td_string!(l, diagnostics.fix.cookies_off).into(),
            Fact::FramesFailed { .. } => td_string!(l, diagnostics.fix.frames_failed).into(),
            Fact::OtherSite => td_string!(l, diagnostics.fix.other_site).into(),
            Fact::Limits(seen) if seen.low() => td_string!(l, diagnostics.fix.limits_low).into(),
            Fact::Limits(seen) if seen.metrics.rate_limited > 0 => {
                td_string!(l, diagnostics.fix.limits_refused).into()
            }
            Fact::OAuthFramesLater { portal }
            | Fact::OAuthFramesWithout { portal }
            | Fact::OAuthFramesFailed { portal, .. } => {
                td_string!(l, diagnostics.fix.oauth_frames, portal).to_string()
            }
            Fact::OAuthUnreadable => td_string!(l, diagnostics.fix.oauth_unreadable).into(),
            Fact::OAuthNotListed { origin, .. } => {
                td_string!(l, diagnostics.fix.oauth_not_listed, origin).to_string()
            }
            Fact::OAuthAppMissing { .. } => td_string!(l, diagnostics.fix.oauth_app_missing).into(),
            Fact::SignInLocked { .. } => td_string!(l, diagnostics.fix.sign_in_locked).into(),
            Fact::SignInWrong { .. } => td_string!(l, diagnostics.fix.sign_in_wrong).into(),
            Fact::PortalAnswers { .. }
            | Fact::ScriptLoaded { .. }
            | Fact::CspAllowed { .. }
            | Fact::FramesSignedIn
            | Fact::SameSite
            | Fact::LimitsUnknown
            | Fact::Limits(_)
            | Fact::OAuthFramesShared
            | Fact::OAuthThroughHost
            | Fact::OAuthAllowed { .. }
            | Fact::SignInClean
            | Fact::SignInNone => return None,
        };
        Some(fix)
    }
}

/// What the portal said of its limits, then what the app's client did.
fn limits_summary(seen: &LimitsSeen, locale: Locale) -> String {
    let portal = seen
        .portal
        .as_ref()
        .and_then(|p| describe_limits(p, locale))
        .unwrap_or_else(|| td_string!(locale, diagnostics.limits.no_headers).to_string());
    let (m, l) = (&seen.metrics, &seen.limits);
    let app = td_string!(
        locale,
        diagnostics.limits.app,
        sent = counted!(locale, m.requests_sent, diagnostics.limits.sent),
        used = m.window_used,
        per_minute = l.per_minute,
        refused = counted!(locale, m.rate_limited, diagnostics.limits.refused),
        retries = counted!(locale, m.retries, diagnostics.limits.retries),
        pauses = counted!(locale, m.pauses, diagnostics.limits.pauses),
        get = l.concurrent_get,
        other = l.concurrent_other
    );
    format!("{portal} {app}")
}

/// What the portal said of its limits, in one or two sentences; `None` when it said nothing
/// useful. The client reads every form of the headers (`docspace_api::PortalLimits`).
pub fn describe_limits(p: &PortalLimits, locale: Locale) -> Option<String> {
    let remaining = p.remaining?;
    let tag = tag_of(locale);
    let mut s = match (p.limit, p.window) {
        (Some(limit), Some(window)) => td_string!(
            locale,
            diagnostics.limits.per_window,
            remaining,
            limit,
            window = format_duration(window.as_secs(), tag)
        )
        .to_string(),
        (Some(limit), None) => {
            td_string!(locale, diagnostics.limits.of_limit, remaining, limit).to_string()
        }
        _ => td_string!(locale, diagnostics.limits.remaining, remaining).to_string(),
    };
    if let Some(reset) = p.reset_in {
        let reset = format_duration(reset.as_secs_f64().ceil() as u64, tag);
        s.push(' ');
        s.push_str(&td_string!(locale, diagnostics.limits.resets, reset).to_string());
    }
    Some(s)
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
    fn portal_limits_read_as_sentences_in_every_form() {
        // The server's form: a number and Unix seconds.
        let server = said(&[
            ("x-ratelimit-limit", "1500"),
            ("x-ratelimit-remaining", "1490"),
            ("x-ratelimit-reset", "1700000030"),
        ]);
        assert_eq!(
            describe_limits(&server, Locale::en).as_deref(),
            Some("The portal allows 1490 more of 1500 requests. Its window resets in 30 s.")
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
            describe_limits(&docs, Locale::en).as_deref(),
            Some("The portal allows 4 more of 100 requests per 30 min. Its window resets in 12 s.")
        );
        assert_eq!(
            describe_limits(&docs, Locale::de).as_deref(),
            Some(
                "Das Portal erlaubt noch 4 von 100 Anfragen pro 30 min. Sein Zeitfenster beginnt \
                 in 12 s neu."
            )
        );
        assert_eq!(
            describe_limits(&said(&[("retry-after", "3")]), Locale::en),
            None
        );
    }

    #[test]
    fn the_app_counts_in_each_languages_plural_forms() {
        let seen = |sent, refused| LimitsSeen {
            portal: None,
            metrics: Metrics {
                requests_sent: sent,
                rate_limited: refused,
                retries: refused,
                ..Metrics::default()
            },
            limits: RateLimits::default(),
        };
        let en = Fact::Limits(Box::new(seen(1, 0))).summary(Locale::en);
        assert!(en.contains("1 request sent;"), "{en}");
        assert!(en.contains("0 retries"), "{en}");
        let ru = Fact::Limits(Box::new(seen(3, 0))).summary(Locale::ru);
        assert!(ru.contains("3 запроса"), "{ru}");
        // Refusals are news: what to do about them is said.
        let refused = Fact::Limits(Box::new(seen(5, 2)));
        assert!(refused.fix(Locale::fr).is_some());
        assert_eq!(Fact::Limits(Box::new(seen(5, 0))).fix(Locale::fr), None);
    }

    #[test]
    fn a_fact_reads_in_each_language_with_its_values() {
        let fact = Fact::OAuthNotListed {
            client_id: "c-1".into(),
            origin: "https://app.example".into(),
        };
        let mut summaries = Vec::new();
        for locale in [Locale::en, Locale::de, Locale::fr, Locale::es, Locale::ru] {
            let s = fact.summary(locale);
            assert!(
                s.contains("c-1") && s.contains("https://app.example"),
                "{s}"
            );
            let fix = fact.fix(locale).unwrap_or_default();
            assert!(fix.contains("https://app.example"), "{fix}");
            summaries.push(s);
        }
        summaries.dedup();
        assert_eq!(summaries.len(), 5, "each language has its own words");
        let sdk = Fact::Sdk(SdkError::InvalidPortal("x".into()));
        assert!(
            sdk.summary(Locale::es)
                .starts_with("La dirección del portal no es válida: ")
        );
    }
}
