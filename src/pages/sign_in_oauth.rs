//! "Sign in with DocSpace": the button on the sign-in page, and the page the portal sends the
//! tab back to ([`crate::state::oauth::REDIRECT_PATH`]).

use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

use crate::components::{Button, ButtonAppearance, Loading};
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, text};
use crate::state::use_session;

/// The button, when the host names the portal's OAuth app; `next` is where to come back to.
#[component]
pub fn DocSpaceButton(next: String) -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let error = RwSignal::new(None::<Said>);
    let busy = RwSignal::new(false);
    let go = Callback::new(move |_| {
        busy.set(true);
        if let Err(e) = session.sign_in_with_docspace(&next) {
            error.set(Some(e));
            busy.set(false);
        }
    });
    session.config().oauth_client_id.map(|_| {
        view! {
            <div class="sign-in__oauth stack" data-testid="oauth-sign-in">
                <Button appearance=ButtonAppearance::Primary on_click=go busy=busy>
                    {t!(i18n, oauth.sign_in)}
                </Button>
                <p class="muted">
                    {t!(i18n, oauth.hint)}
                </p>
                <p class="sign-in__error" role="alert" data-testid="oauth-error"
                    hidden=move || error.with(Option::is_none)>
                    {move || error.get().map(|e| e.shown())}
                </p>
                <p class="muted sign-in__or">{t!(i18n, oauth.or_password)}</p>
            </div>
        }
    })
}

/// Where the portal sends the tab back: finishes the sign-in, then goes where the user was.
#[component]
pub fn OAuthCallback() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let navigate = use_navigate();
    let error = RwSignal::new(None::<Said>);
    leptos::task::spawn_local(async move {
        match session.finish_docspace_sign_in().await {
            Ok(to) => navigate(&to, Default::default()),
            Err(e) => error.set(Some(e)),
        }
    });
    let again = Callback::new(move |_| {
        if let Err(e) = session.sign_in_with_docspace("/rooms") {
            error.set(Some(e));
        }
    });
    view! {
        <div class="page page--narrow">
            <section class="card sign-in">
                <h1>{t!(i18n, oauth.signing_in)}</h1>
                {move || match error.get() {
                    None => view! { <Loading label=text!(i18n, oauth.finishing)/> }.into_any(),
                    Some(e) => view! {
                        <p class="sign-in__error" role="alert" data-testid="oauth-error">{move || e.shown()}</p>
                        <div class="row">
                            <Button appearance=ButtonAppearance::Primary on_click=again>
                                {t!(i18n, oauth.again)}
                            </Button>
                            <a class="btn" href="/sign-in" data-testid="password-sign-in">
                                {t!(i18n, oauth.with_password)}
                            </a>
                        </div>
                    }.into_any(),
                }}
            </section>
        </div>
    }
}
