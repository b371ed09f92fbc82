//! What to tell people when a frame cannot work: what is wrong and how to fix it.
//!
//! The words are [`Texts::diagnosis`](crate::texts::Texts::diagnosis), so an app that speaks
//! other languages explains problems in them too ([`SdkError::diagnosis_in`]); this module only
//! fills in the facts.

use crate::error::SdkError;
use crate::texts::{DiagnosisTexts, Explanation, FrameNames, Texts, fill};

/// A problem explained for the person embedding DocSpace.
///
/// ```
/// use docspace_sdk::SdkError;
/// let d = SdkError::PortalUnreachable { portal: "http://127.0.0.1:9".into(), detail: "refused".into() }.diagnosis();
/// assert_eq!(d.title, "Cannot reach the DocSpace portal");
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnosis {
    /// One line: what is wrong.
    pub title: String,
    /// The facts behind it.
    pub detail: String,
    /// What to do about it.
    pub fix: String,
}

impl SdkError {
    /// Explains the error for people, in English ([`SdkError::diagnosis_in`] with the default
    /// [`Texts`]).
    ///
    /// ```
    /// use docspace_sdk::SdkError;
    /// let d = SdkError::CspOriginMissing {
    ///     origin: "http://127.0.0.1:3000".into(),
    ///     portal: "https://docs.example.com".into(),
    ///     allowed: vec!["http://127.0.0.1".into()],
    /// }
    /// .diagnosis();
    /// assert!(d.fix.contains("http://127.0.0.1:3000"));
    /// ```
    pub fn diagnosis(&self) -> Diagnosis {
        self.diagnosis_with(&DiagnosisTexts::default(), &FrameNames::default())
    }

    /// Explains the error for people in the words of `texts` (an app's translation).
    ///
    /// ```
    /// use docspace_sdk::{SdkError, texts::Texts};
    /// let mut texts = Texts::default();
    /// texts.diagnosis.invalid_portal.detail = "« {portal} » n'est pas une origine.".into();
    /// let d = SdkError::InvalidPortal("docs".into()).diagnosis_in(&texts);
    /// assert_eq!(d.detail, "« docs » n'est pas une origine.");
    /// ```
    pub fn diagnosis_in(&self, texts: &Texts) -> Diagnosis {
        self.diagnosis_with(&texts.diagnosis, &texts.frames)
    }

    /// [`diagnosis_in`](Self::diagnosis_in) from the two parts of [`Texts`] it reads: a frame
    /// whose app provides no texts builds only these, not the picker's words.
    pub(crate) fn diagnosis_with(&self, t: &DiagnosisTexts, frames: &FrameNames) -> Diagnosis {
        let seconds = |millis: &u32| (millis / 1000).to_string();
        let explain = |e: &Explanation, values: &[(&str, &str)]| Diagnosis {
            title: fill(&e.title, values),
            detail: fill(&e.detail, values),
            fix: fill(&e.fix, values),
        };
        match self {
            SdkError::PortalUnreachable { portal, detail } => explain(
                &t.portal_unreachable,
                &[("portal", portal), ("detail", detail)],
            ),
            SdkError::NotAPortal { portal, detail } => {
                explain(&t.not_a_portal, &[("portal", portal), ("detail", detail)])
            }
            SdkError::ScriptUnreachable { url } => explain(&t.script_unreachable, &[("url", url)]),
            SdkError::NoSdk { url } => explain(&t.no_sdk, &[("url", url)]),
            SdkError::LoadTimeout { url, millis } => {
                explain(&t.load_timeout, &[("url", url), ("s", &seconds(millis))])
            }
            SdkError::CspOriginMissing {
                origin,
                portal,
                allowed,
            } => {
                let allowed = if allowed.is_empty() {
                    t.no_site.to_string()
                } else {
                    allowed.join(", ")
                };
                explain(
                    &t.csp_origin_missing,
                    &[
                        ("origin", origin),
                        ("portal", portal),
                        ("allowed", &allowed),
                    ],
                )
            }
            SdkError::MixedContent { page, portal } => {
                explain(&t.mixed_content, &[("page", page), ("portal", portal)])
            }
            SdkError::FrameNotReady { mode, url, millis } => explain(
                &t.frame_not_ready,
                &[
                    ("frame", frames.of(*mode)),
                    ("url", url),
                    ("s", &seconds(millis)),
                ],
            ),
            SdkError::InvalidPortal(p) => explain(&t.invalid_portal, &[("portal", p)]),
            SdkError::Timeout { method, millis } => {
                explain(&t.timeout, &[("method", method), ("s", &seconds(millis))])
            }
            SdkError::LoginFailed { message, .. } => {
                explain(&t.login_failed, &[("message", message)])
            }
            other => explain(&t.other, &[("error", &detail_of(other, t, frames))]),
        }
    }
}

/// The detail line of a problem explained by [`DiagnosisTexts::other`](crate::texts::DiagnosisTexts::other),
/// in the words of `t` and `frames`.
fn detail_of(e: &SdkError, t: &DiagnosisTexts, frames: &FrameNames) -> String {
    let d = &t.details;
    match e {
        SdkError::NoWindow => d.no_window.to_string(),
        SdkError::MountFailed(reason) => fill(&d.mount_failed, &[("reason", reason)]),
        SdkError::Destroyed => d.destroyed.to_string(),
        SdkError::WrongMode { method, mode } => fill(
            &d.wrong_mode,
            &[("method", method), ("frame", frames.of(*mode))],
        ),
        SdkError::Frame {
            method, message, ..
        } => fill(&d.frame_failed, &[("method", method), ("message", message)]),
        SdkError::UnexpectedReply { method, detail } => fill(
            &d.unexpected_reply,
            &[("method", method), ("detail", detail)],
        ),
        SdkError::InvalidArgument(reason) => fill(&d.invalid_argument, &[("reason", reason)]),
        SdkError::App(message) => fill(&d.app_error, &[("message", message)]),
        // The problems with an explanation of their own (`diagnosis_in`) have no detail line
        // here; should one reach this, its description is all there is.
        other => other.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::config::Mode;

    #[test]
    fn the_facts_fill_the_apps_words() {
        let mut texts = Texts::default();
        texts.frames.editor = "Editor von DocSpace".into();
        texts.diagnosis.frame_not_ready.detail = "Der {frame} unter {url}: {s} s.".into();
        texts.diagnosis.no_site = "keine Website".into();
        texts.diagnosis.csp_origin_missing.detail = "{portal}: {allowed}; {origin}".into();
        let not_ready = SdkError::FrameNotReady {
            mode: Mode::Editor,
            url: "https://p/doceditor".into(),
            millis: 15_000,
        };
        assert_eq!(
            not_ready.diagnosis_in(&texts).detail,
            "Der Editor von DocSpace unter https://p/doceditor: 15 s."
        );
        let csp = SdkError::CspOriginMissing {
            origin: "https://a".into(),
            portal: "https://p".into(),
            allowed: vec![],
        };
        assert_eq!(
            csp.diagnosis_in(&texts).detail,
            "https://p: keine Website; https://a"
        );
        // Untouched problems keep the English defaults.
        assert_eq!(
            csp.diagnosis_in(&texts).title,
            "This site is not allowed to embed the portal"
        );
    }

    #[test]
    fn the_english_defaults_name_the_facts() {
        let d = SdkError::FrameNotReady {
            mode: Mode::Viewer,
            url: "https://p/doceditor".into(),
            millis: 15_000,
        }
        .diagnosis();
        assert_eq!(
            d.detail,
            "The DocSpace document viewer at https://p/doceditor loaded but did not complete the \
             SDK handshake in 15 s."
        );
        let other = SdkError::Destroyed.diagnosis();
        assert_eq!(
            other.detail,
            "The frame was closed, or created again for a new configuration, before it answered."
        );
        let wrong = SdkError::WrongMode {
            method: "getFiles".into(),
            mode: Mode::Editor,
        };
        assert_eq!(
            wrong.diagnosis().detail,
            "getFiles is not available in the DocSpace document editor."
        );
    }

    #[test]
    fn every_problem_without_its_own_explanation_has_a_worded_detail() {
        let mut texts = Texts::default();
        let d = &mut texts.diagnosis.details;
        for (field, text) in [
            (&mut d.no_window, "A"),
            (&mut d.mount_failed, "B {reason}"),
            (&mut d.destroyed, "C"),
            (&mut d.wrong_mode, "D {method} {frame}"),
            (&mut d.frame_failed, "E {method} {message}"),
            (&mut d.unexpected_reply, "F {method} {detail}"),
            (&mut d.invalid_argument, "G {reason}"),
            (&mut d.app_error, "H {message}"),
        ] {
            *field = text.into();
        }
        let errors = [
            (SdkError::NoWindow, "A"),
            (SdkError::MountFailed("x".into()), "B x"),
            (SdkError::Destroyed, "C"),
            (
                SdkError::WrongMode {
                    method: "m".into(),
                    mode: Mode::System,
                },
                "D m DocSpace system frame",
            ),
            (
                SdkError::Frame {
                    method: "m".into(),
                    message: "y".into(),
                    status: Some(500),
                },
                "E m y",
            ),
            (
                SdkError::UnexpectedReply {
                    method: "m".into(),
                    detail: "z".into(),
                },
                "F m z",
            ),
            (SdkError::InvalidArgument("w".into()), "G w"),
            (SdkError::App("v".into()), "H v"),
        ];
        for (e, detail) in errors {
            assert_eq!(e.diagnosis_in(&texts).detail, detail, "{e:?}");
        }
    }
}
