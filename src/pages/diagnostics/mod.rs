//! The diagnostics page: whether this browser, this host and the portal can work together —
//! portal reachable, SDK script, this origin in the portal's CSP list (with a button for admins
//! to add it), cookies in frames, this origin among the OAuth app's allowed origins, the
//! rate-limit state the REST client sees, and whether the portal's brute-force guard has refused
//! this tab's sign-ins.

mod checks;
mod facts;
mod oauth;

use docspace_api::Client;
use leptos::prelude::*;

use self::checks::{CspState, Fact, Finding, Verdict};
use crate::components::{Button, ButtonAppearance, use_toaster};
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{said, text};
use crate::state::{Credential, SessionState, use_session};

/// This page's origin, as browsers serialize it.
fn page_origin() -> String {
    web_sys::window()
        .and_then(|w| w.location().origin().ok())
        .unwrap_or_default()
}

fn cookies_enabled() -> bool {
    // `navigator.cookieEnabled` (not bound by web-sys); assume yes when it cannot be read.
    web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"cookieEnabled".into()).ok())
        .and_then(|v| v.as_bool())
        .unwrap_or(true)
}

/// `/diagnostics`: open to everyone, signed in or not.
#[component]
pub fn DiagnosticsPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let config = session.config();
    // Bumped by "Check again".
    let run = RwSignal::new(0u32);
    let anon = Client::builder(config.api_base.clone()).build().ok();
    let origin = page_origin();

    let portal = {
        let (config, anon) = (config.clone(), anon.clone());
        LocalResource::new(move || {
            run.track();
            let (config, anon) = (config.clone(), anon.clone());
            async move {
                match anon {
                    Some(anon) => checks::portal(&config, &anon).await,
                    None => no_client(),
                }
            }
        })
    };
    let script = {
        let config = config.clone();
        LocalResource::new(move || {
            run.track();
            let config = config.clone();
            async move { checks::script(&config).await }
        })
    };
    let csp = {
        let (config, anon, origin) = (config.clone(), anon.clone(), origin.clone());
        LocalResource::new(move || {
            run.track();
            let (config, anon, origin) = (config.clone(), anon.clone(), origin.clone());
            async move {
                match anon {
                    Some(anon) => checks::csp(&config, &anon, &origin).await,
                    None => CspState {
                        finding: no_client(),
                        domains: None,
                        missing: false,
                    },
                }
            }
        })
    };
    let cookies = {
        let (origin, portal_url) = (origin.clone(), config.portal_url.clone());
        Memo::new(move |_| {
            run.track();
            checks::cookies(
                &origin,
                &portal_url,
                cookies_enabled(),
                &session.frames.get(),
            )
        })
    };
    let oauth_frames = {
        let portal_url = config.portal_url.clone();
        Memo::new(move |_| {
            let via_oauth = session.state.with(
                |s| matches!(s, SessionState::SignedIn(s) if s.credential == Credential::OAuth),
            );
            via_oauth.then(|| oauth::frames_after_oauth(&session.frames.get(), &portal_url))
        })
    };
    let oauth_origin = config.oauth_client_id.clone().map(|client_id| {
        let (origin, api_base) = (origin.clone(), config.api_base.clone());
        LocalResource::new(move || {
            run.track();
            let (origin, api_base, client_id) =
                (origin.clone(), api_base.clone(), client_id.clone());
            let admin = session.user().is_some_and(|u| u.is_admin || u.is_owner);
            let client = session.client().filter(|_| admin);
            async move {
                let read = match &client {
                    Some(c) => Some(c.oauth_apps().get(&client_id).await),
                    None => None,
                };
                let allowed = match read {
                    None => None,
                    Some(Ok(app)) => Some(app.allowed_origins),
                    Some(Err(docspace_api::Error::NotFound { .. })) => {
                        return oauth::app_missing(&client_id);
                    }
                    // Not readable (network, rights): the check says it was not made.
                    Some(Err(_)) => None,
                };
                oauth::origin_allowed_for_tokens(&origin, &api_base, &client_id, allowed.as_deref())
            }
        })
    });
    let limits = {
        let api_base = config.api_base.clone();
        LocalResource::new(move || {
            run.track();
            let client = session.client();
            let api_base = api_base.clone();
            async move {
                let now = js_sys::Date::now() / 1000.0;
                let portal = match &client {
                    Some(c) => checks::probe_portal_limits(&api_base, c, now).await,
                    None => None,
                };
                checks::rate_limits(client.as_ref(), portal)
            }
        })
    };

    let sign_ins = Memo::new(move |_| {
        run.track();
        let signed_in = session
            .state
            .with(|s| matches!(s, SessionState::SignedIn(_)));
        session
            .sign_ins
            .with(|a| checks::sign_in_attempts(a, signed_in, js_sys::Date::now()))
    });

    view! {
        <div class="page diagnostics">
            <div class="page-header">
                <h1>{t!(i18n, nav.diagnostics)}</h1>
                <Button appearance=ButtonAppearance::Secondary on_click=Callback::new(move |_| run.update(|n| *n += 1))>
                    {t!(i18n, diagnostics.again)}
                </Button>
            </div>
            <p class="muted">
                {t!(i18n, diagnostics.intro)} " "
                {t!(i18n, diagnostics.page_origin)} " "
                <code data-testid="diag-origin">{origin.clone()}</code>
                ", " {t!(i18n, diagnostics.portal)} " "
                <code>{config.portal_url.clone()}</code>
            </p>
            <ul class="diagnostics__list" aria-live="polite">
                <Check id="portal" title=text!(i18n, diagnostics.check.portal) finding=Signal::derive(move || portal.get())/>
                <Check id="script" title=text!(i18n, diagnostics.check.script) finding=Signal::derive(move || script.get())/>
                <Check id="csp" title=text!(i18n, diagnostics.check.csp) finding=Signal::derive(move || csp.get().map(|c| c.finding))>
                    <CspDetails state=Signal::derive(move || csp.get()) origin=origin.clone() on_added=Callback::new(move |()| run.update(|n| *n += 1))/>
                </Check>
                <Check id="cookies" title=text!(i18n, diagnostics.check.cookies) finding=Signal::derive(move || Some(cookies.get()))/>
                <Show when=move || oauth_frames.with(Option::is_some)>
                    <Check id="oauth-frames" title=text!(i18n, diagnostics.check.oauth_frames) finding=Signal::derive(move || oauth_frames.get())/>
                </Show>
                {oauth_origin.map(|r| view! {
                    <Check id="oauth-origin" title=text!(i18n, diagnostics.check.oauth_origin) finding=Signal::derive(move || r.get())/>
                })}
                <Check id="limits" title=text!(i18n, diagnostics.check.limits) finding=Signal::derive(move || limits.get())/>
                <Check id="sign-in" title=text!(i18n, diagnostics.check.sign_in) finding=Signal::derive(move || Some(sign_ins.get()))/>
            </ul>
        </div>
    }
}

fn no_client() -> Finding {
    Finding::new(Verdict::Fail, Fact::NoClient)
}

/// One check: its title, a verdict badge, what it found and what to do.
#[component]
fn Check(
    id: &'static str,
    #[prop(into)] title: Signal<String>,
    finding: Signal<Option<Finding>>,
    #[prop(optional)] children: Option<Children>,
) -> impl IntoView {
    let i18n = use_i18n();
    let verdict = move || finding.with(|f| f.as_ref().map_or("pending", |f| f.verdict.as_str()));
    view! {
        <li class="diag" data-testid=format!("diag-{id}") data-verdict=verdict>
            <div class="diag__head">
                <h2 class="diag__title">{title}</h2>
                <span class=move || format!("diag__badge diag__badge--{}", verdict())>
                    {move || finding.with(|f| f.as_ref().map_or(t_string!(i18n, diagnostics.checking), |f| f.verdict.label(i18n)))}
                </span>
            </div>
            // Worded here, from the facts: a new language re-words them without checking again.
            {move || finding.get().map(|f| {
                let locale = i18n.get_locale();
                view! {
                    <p class="diag__summary" data-testid="diag-summary">{f.fact.summary(locale)}</p>
                    {f.fact.fix(locale).map(|fix| view! { <p class="diag__fix" data-testid="diag-fix">{fix}</p> })}
                }
            })}
            {children.map(|c| c())}
        </li>
    }
}

/// The allowed domains, and for admins a button that adds this origin.
#[component]
fn CspDetails(
    state: Signal<Option<CspState>>,
    origin: String,
    on_added: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let toaster = use_toaster();
    let busy = RwSignal::new(false);
    let is_admin = move || session.user().is_some_and(|u| u.is_admin || u.is_owner);
    let add = {
        let origin = origin.clone();
        Callback::new(move |_| {
            let Some(client) = session.client() else {
                return;
            };
            let current = state
                .with_untracked(|s| s.as_ref().and_then(|s| s.domains.clone()))
                .unwrap_or_default();
            let origin = origin.clone();
            busy.set(true);
            leptos::task::spawn_local(async move {
                let mut domains = current;
                if !domains.iter().any(|d| d.eq_ignore_ascii_case(&origin)) {
                    domains.push(origin.clone());
                }
                match client.security().set_csp().domains(domains).send().await {
                    Ok(_) => {
                        toaster.success(said!(diagnostics.csp_added, origin = &origin));
                        on_added.run(());
                    }
                    Err(e) => toaster.error(said!(diagnostics.csp_not_changed), user_message(&e)),
                }
                busy.set(false);
            });
        })
    };
    let add_label = move || t_string!(i18n, diagnostics.csp_add, origin = &origin).to_string();
    move || {
        let s = state.get()?;
        let label = add_label();
        let domains = s.domains.clone().unwrap_or_default();
        let list = (!domains.is_empty()).then(|| view! {
            <p class="diag__detail">{t!(i18n, diagnostics.allowed)}" "</p>
            <ul class="diag__domains" data-testid="csp-domains">
                {domains.into_iter().map(|d| view! { <li><code>{d}</code></li> }).collect_view()}
            </ul>
        });
        let action = match (s.missing, is_admin()) {
            (true, true) => Some(
                view! {
                    <div data-testid="csp-add">
                        <Button appearance=ButtonAppearance::Primary busy=busy on_click=add>
                            {label}
                        </Button>
                    </div>
                }
                .into_any(),
            ),
            (true, false) => Some(
                view! {
                    <p class="diag__fix">{t!(i18n, diagnostics.csp_ask_admin)}</p>
                }
                .into_any(),
            ),
            _ => None,
        };
        Some(view! { {list} {action} })
    }
}
