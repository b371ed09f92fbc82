//! The `Content-Security-Policy` of frame pages.
//!
//! `frame-ancestors` is what really decides who may embed the portal (ONLYOFFICE/DocSpace-server:
//! `products/ASC.Files/Core/Helpers/CspSettingsHelper.cs`; the SDK's own pre-check only reports). It lists `'self'` and the portal's CSP domains.
//! The other directives lock the pages down to their own origin: they load only the portal's
//! modules, styles and images and talk only to the portal's API.

use crate::state::AppState;

/// The portal's CSP domains (the origins allowed to frame it), as `POST /api/2.0/security/csp`
/// stored them. If the database cannot be read the list is empty: only the portal itself may
/// frame its pages, which fails closed.
pub async fn domains(state: &AppState) -> Vec<String> {
    match state.db.read(crate::api::csp::domains).await {
        Ok(d) => d,
        Err(e) => {
            tracing::error!("reading the CSP domains: {e}");
            Vec::new()
        }
    }
}

/// Whether `domain` can be written into a CSP source list as one source expression.
///
/// The list is admin input; a `;`, a quote or whitespace would inject directives, so anything
/// but host, scheme, port, path and wildcard characters is refused.
pub fn is_safe_source(domain: &str) -> bool {
    !domain.is_empty()
        && domain.len() <= 2048
        && domain.bytes().all(|b| {
            b.is_ascii_alphanumeric()
                || matches!(b, b'.' | b'-' | b':' | b'/' | b'*' | b'_' | b'[' | b']')
        })
}

/// `frame-ancestors 'self' <domains…>`, skipping (and logging) entries that are not safe sources.
pub fn frame_ancestors(domains: &[String]) -> String {
    let mut out = String::from("frame-ancestors 'self'");
    for d in domains.iter().map(|d| d.trim()) {
        if is_safe_source(d) {
            out.push(' ');
            out.push_str(d);
        } else if !d.is_empty() {
            tracing::warn!(
                "CSP domain {d:?} is not a valid CSP source; left out of frame-ancestors"
            );
        }
    }
    out
}

/// The whole policy of a frame page. `allow_eval` is for the editor, whose `executeInEditor`
/// compiles the host's callback (accepted from the parent window only).
pub fn page_policy(domains: &[String], allow_eval: bool) -> String {
    let script = if allow_eval {
        "script-src 'self' 'unsafe-eval'"
    } else {
        "script-src 'self'"
    };
    format!(
        "default-src 'self'; {script}; style-src 'self'; img-src 'self' data: blob:; \
         connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; {}",
        frame_ancestors(domains)
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_self_and_every_valid_domain() {
        let d = vec![
            "http://127.0.0.1:8080".to_string(),
            "https://app.example.com".to_string(),
            "*.partner.io".to_string(),
        ];
        assert_eq!(
            frame_ancestors(&d),
            "frame-ancestors 'self' http://127.0.0.1:8080 https://app.example.com *.partner.io"
        );
    }

    #[test]
    fn refuses_entries_that_would_inject_directives() {
        let d = vec![
            "https://ok.example".to_string(),
            "https://x.example; script-src *".to_string(),
            "'unsafe-inline'".to_string(),
            "a b".to_string(),
            "   ".to_string(),
        ];
        assert_eq!(
            frame_ancestors(&d),
            "frame-ancestors 'self' https://ok.example"
        );
    }

    #[test]
    fn only_the_editor_may_eval() {
        assert!(!page_policy(&[], false).contains("unsafe-eval"));
        assert!(page_policy(&[], true).contains("script-src 'self' 'unsafe-eval'"));
        assert!(page_policy(&[], false).ends_with("frame-ancestors 'self'"));
    }
}
