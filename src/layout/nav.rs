//! The top bar: where to go, who is signed in, the theme, and signing out.

use docspace_sdk::picker::{Mark, MarkIcon};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_location, use_navigate};

use crate::components::use_toaster;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{LanguagePicker, said};
use crate::state::{Credential, FramesSession, SessionState, ThemeToggle, use_session};

/// The app's navigation bar.
#[component]
pub fn Nav() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let menu_open = RwSignal::new(false);
    let location = use_location();
    // Following a link closes the phone menu.
    Effect::new(move |_| {
        location.pathname.track();
        menu_open.set(false);
    });
    let signed_in = move || matches!(session.state.get(), SessionState::SignedIn(_));
    let admin = move || session.user().is_some_and(|u| u.is_admin || u.is_owner);
    // Guests have no My documents (DocSpace's portal refuses them `files/@my`, and its web UI
    // leaves the section out of their navigation).
    let has_my = move || signed_in() && session.user().is_some_and(|u| !u.is_visitor);
    view! {
        <header class="nav">
            <A href="/" attr:class="nav__brand">"DocSpace Embed"</A>
            <button
                type="button"
                class="nav__icon-button nav__menu-toggle"
                aria-label=move || t_string!(i18n, nav.menu)
                aria-controls="nav-links"
                aria-expanded=move || if menu_open.get() { "true" } else { "false" }
                on:click=move |_| menu_open.update(|o| *o = !*o)
            >
                <MarkIcon mark=Mark::Menu/>
            </button>
            <nav id="nav-links" class="nav__links" class:nav__links--open=move || menu_open.get() aria-label=move || t_string!(i18n, nav.main)>
                <Show when=has_my>
                    <A href="/my" attr:class="nav__link">{t!(i18n, nav.my_documents)}</A>
                </Show>
                <Show when=signed_in>
                    <A href="/rooms" attr:class="nav__link">{t!(i18n, nav.rooms)}</A>
                    <A href="/recent" attr:class="nav__link">{t!(i18n, nav.recent)}</A>
                    <A href="/favourites" attr:class="nav__link">{t!(i18n, nav.favourites)}</A>
                    <A href="/trash" attr:class="nav__link">{t!(i18n, nav.trash)}</A>
                    <A href="/people" attr:class="nav__link">{t!(i18n, nav.people)}</A>
                    <A href="/agents" attr:class="nav__link">{t!(i18n, nav.agents)}</A>
                    <A href="/playground" attr:class="nav__link">{t!(i18n, nav.playground)}</A>
                </Show>
                <Show when=admin>
                    <A href="/apps" attr:class="nav__link">{t!(i18n, nav.apps)}</A>
                </Show>
                <A href="/diagnostics" attr:class="nav__link">{t!(i18n, nav.diagnostics)}</A>
                // On a phone the top bar has no room for the picker: it moves into the menu.
                <div class="nav__menu-language">
                    <LanguagePicker test_id="language-picker-menu"/>
                </div>
            </nav>
            <div class="nav__end">
                <LanguagePicker/>
                <ThemeToggle/>
                <UserArea/>
            </div>
        </header>
    }
}

#[component]
fn UserArea() -> impl IntoView {
    let session = use_session();
    let i18n = use_i18n();
    let toaster = use_toaster();
    let navigate = use_navigate();
    let busy = RwSignal::new(false);
    let sign_out = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        let navigate = navigate.clone();
        leptos::task::spawn_local(async move {
            if let Err(e) = session.sign_out().await {
                toaster.error(said!(nav.sign_out_failed), e);
            }
            busy.set(false);
            navigate("/sign-in", Default::default());
        });
    };
    move || match session.state.get() {
        SessionState::SignedIn(s) => {
            let via_key = s.credential == Credential::HostKey;
            let frames = move || match session.frames.get() {
                FramesSession::SignedIn => Some((
                    "nav__frames nav__frames--ok",
                    t_string!(i18n, nav.frames_signed_in),
                )),
                FramesSession::Pending => {
                    Some(("nav__frames", t_string!(i18n, nav.frames_pending)))
                }
                FramesSession::Failed(_) | FramesSession::NotSignedIn => Some((
                    "nav__frames nav__frames--bad",
                    t_string!(i18n, nav.frames_not_signed_in),
                )),
                FramesSession::Unknown | FramesSession::Checking => None,
            };
            view! {
                <div class="nav__user">
                    <span class="nav__user-name" data-testid="user-name">{s.user.display_name}</span>
                    {via_key.then(|| view! {
                        <span class="nav__badge" title=move || t_string!(i18n, nav.host_key_title)>
                            {t!(i18n, nav.host_key)}
                        </span>
                    })}
                    {move || frames().map(|(class, text)| view! {
                        <span class=class data-testid="frames-status" title=text>
                            <span class="visually-hidden">{text}</span>
                        </span>
                    })}
                    <button
                        type="button"
                        class="btn btn--subtle"
                        data-testid="sign-out"
                        aria-busy=move || busy.get().then_some("true")
                        on:click=sign_out.clone()
                    >
                        {t!(i18n, nav.sign_out)}
                    </button>
                </div>
            }
                .into_any()
        }
        SessionState::SignedOut => {
            view! { <A href="/sign-in" attr:class="nav__link">{t!(i18n, nav.sign_in)}</A> }
                .into_any()
        }
        SessionState::Restoring => ().into_any(),
    }
}
