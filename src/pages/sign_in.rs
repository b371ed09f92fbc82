//! Sign-in: with DocSpace (OAuth2, [`super::sign_in_oauth`]) where the host names the portal's
//! OAuth app, and with e-mail and password. The password is hashed in the browser before it leaves (by
//! `docspace-api`), and the same sign-in logs the embedded frames in.

use leptos::prelude::*;
use leptos_router::components::Redirect;
use leptos_router::hooks::{use_navigate, use_query_map};

use crate::components::{Button, ButtonAppearance, Checkbox, InputKind, TextField, use_toaster};
use crate::errors::user_message;
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::locale::{Said, said, text};
use crate::pages::sign_in_oauth::DocSpaceButton;
use crate::state::{FramesSession, SessionState, use_session};
use leptos_i18n::I18nContext;

/// Where to go after signing in: only paths inside the app (`/…`, never `//host`).
pub fn safe_next(next: Option<String>) -> String {
    next.filter(|n| n.starts_with('/') && !n.starts_with("//") && !n.starts_with("/\\"))
        .unwrap_or_else(|| "/rooms".to_string())
}

/// What is wrong with `email`, if anything.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum EmailProblem {
    Missing,
    Malformed,
}

fn validate_email(email: &str) -> Option<EmailProblem> {
    let e = email.trim();
    if e.is_empty() {
        Some(EmailProblem::Missing)
    } else if !e.contains('@') || e.starts_with('@') || e.ends_with('@') {
        Some(EmailProblem::Malformed)
    } else {
        None
    }
}

impl EmailProblem {
    fn message(self, i18n: I18nContext<Locale>) -> &'static str {
        match self {
            EmailProblem::Missing => t_string!(i18n, sign_in.enter_email),
            EmailProblem::Malformed => t_string!(i18n, sign_in.not_an_email),
        }
    }
}

/// Checks that the portal answers at all, so that a portal that is down is reported before
/// anyone types a password. Any HTTP answer from the portal itself counts (401 included).
async fn probe_portal(api_base: String) -> Result<(), Said> {
    let client = docspace_api::Client::builder(api_base)
        .build()
        .map_err(|e| user_message(&e))?;
    match client.people().me().await {
        Ok(_) => Ok(()),
        Err(e @ (docspace_api::Error::Network(_) | docspace_api::Error::Timeout(_))) => {
            Err(user_message(&e))
        }
        Err(docspace_api::Error::Server {
            status: 502..=504,
            message,
        }) => Err(Said::from(message)),
        Err(_) => Ok(()),
    }
}

/// The sign-in page.
#[component]
pub fn SignIn() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toaster = use_toaster();
    let navigate = use_navigate();
    let query = use_query_map();
    let next = move || safe_next(query.with_untracked(|q| q.get("next")));
    let demo = session.config().demo;

    // Someone whose session just ended signs in again as themselves.
    let email = RwSignal::new(
        session
            .returning
            .get_untracked()
            .or_else(|| demo.as_ref().map(|d| d.email.clone()))
            .unwrap_or_default(),
    );
    let password = RwSignal::new(String::new());
    let stay = RwSignal::new(false);
    // Through the host the session already lasts across reloads and tabs; ticking keeps it
    // after the browser closes. Without the host it lives in memory unless kept for the tab.
    let host_session = session.config().host_session;
    let stay_label = Signal::derive(move || {
        if host_session {
            t_string!(i18n, sign_in.stay_host)
        } else {
            t_string!(i18n, sign_in.stay_tab)
        }
        .to_string()
    });
    let stay_hint = Signal::derive(move || {
        if host_session {
            t_string!(i18n, sign_in.stay_host_hint)
        } else {
            t_string!(i18n, sign_in.stay_tab_hint)
        }
        .to_string()
    });
    let submitted = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let server_error = RwSignal::new(None::<Said>);

    let email_error = Signal::derive(move || {
        submitted
            .get()
            .then(|| validate_email(&email.get()))
            .flatten()
            .map(|problem| problem.message(i18n).to_string())
    });
    let password_error = Signal::derive(move || {
        (submitted.get() && password.with(String::is_empty))
            .then(|| t_string!(i18n, sign_in.enter_password).to_string())
    });

    let on_submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        server_error.set(None);
        if busy.get_untracked()
            || email_error.get_untracked().is_some()
            || password_error.get_untracked().is_some()
        {
            return;
        }
        busy.set(true);
        let (e, p, s) = (
            email.get_untracked(),
            password.get_untracked(),
            stay.get_untracked(),
        );
        let navigate = navigate.clone();
        let target = next();
        leptos::task::spawn_local(async move {
            match session.sign_in(e.trim(), &p, s).await {
                Ok(()) => {
                    if let FramesSession::Failed(reason) = session.frames.get_untracked() {
                        toaster.error(
                            said!(sign_in.frames_not_signed_in),
                            Said::new(move |l| {
                                let reason = reason.in_locale(l);
                                td_string!(l, sign_in.see_diagnostics, reason).to_string()
                            }),
                        );
                    }
                    navigate(&target, Default::default());
                }
                Err(msg) => server_error.set(Some(msg)),
            }
            // The password is not kept; the fields' own checks wait for the next submit, or
            // the emptied field would add "Enter your password" under the portal's refusal.
            submitted.set(false);
            password.set(String::new());
            busy.set(false);
        });
    };

    let portal = LocalResource::new(move || probe_portal(session.config().api_base));
    let already_in =
        move || matches!(session.state.get(), SessionState::SignedIn(_)) && !busy.get();

    view! {
        <Show when=already_in fallback=move || ()>
            <Redirect path=next()/>
        </Show>
        <div class="page page--narrow">
            <section class="card sign-in">
                <h1>{t!(i18n, sign_in.title)}</h1>
                <p class="muted">
                    {t!(i18n, sign_in.portal)} " " <code data-testid="portal-url">{session.config().portal_url}</code>
                </p>
                {move || session.notice.get().map(|n| view! {
                    <p class="sign-in__error" role="alert" data-testid="session-notice">{move || n.shown()}</p>
                })}
                {move || portal.get().and_then(|r| r.err()).map(|e| view! {
                    <p class="sign-in__error" role="alert" data-testid="portal-error">{move || e.shown()}</p>
                })}
                {demo.map(|d| view! {
                    <div class="sign-in__demo" data-testid="demo-account">
                        <p>
                            {t!(
                                i18n,
                                sign_in.demo,
                                name = d.display_name.clone(),
                                email = d.email.clone(),
                                <strong> = <strong data-testid="demo-owner-name"/>
                            )}
                        </p>
                        <p class="muted">{t!(i18n, sign_in.demo_password)}</p>
                    </div>
                })}
                <DocSpaceButton next=next()/>
                <form class="stack" on:submit=on_submit novalidate=true data-testid="sign-in-form">
                    <TextField
                        label=text!(i18n, sign_in.email)
                        value=email
                        kind=InputKind::Email
                        required=true
                        autocomplete="username"
                        error=email_error
                    />
                    <TextField
                        label=text!(i18n, sign_in.password)
                        value=password
                        kind=InputKind::Password
                        required=true
                        autocomplete="current-password"
                        error=password_error
                    />
                    <Checkbox
                        label=stay_label
                        checked=stay
                        hint=stay_hint
                    />
                    <p class="sign-in__error" role="alert" data-testid="sign-in-error" hidden=move || server_error.with(Option::is_none)>
                        {move || server_error.get().map(|e| e.shown())}
                    </p>
                    <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, sign_in.submit)}</Button>
                </form>
            </section>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_internal_paths_are_followed_after_sign_in() {
        assert_eq!(safe_next(Some("/rooms/5".into())), "/rooms/5");
        assert_eq!(safe_next(Some("//evil.example".into())), "/rooms");
        assert_eq!(safe_next(Some("https://evil.example".into())), "/rooms");
        assert_eq!(safe_next(Some("/\\evil.example".into())), "/rooms");
        assert_eq!(safe_next(None), "/rooms");
    }

    #[test]
    fn e_mail_problems_are_named() {
        assert_eq!(validate_email(""), Some(EmailProblem::Missing));
        assert_eq!(validate_email(" @x"), Some(EmailProblem::Malformed));
        assert_eq!(validate_email("owner"), Some(EmailProblem::Malformed));
        assert!(validate_email("owner@example.com").is_none());
    }
}
