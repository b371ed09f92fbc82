//! The DocSpace embed app: room management, a file picker and embedded editors in the browser.
//!
//! Layout: `state/` (session, theme), `components/` (the design system), `layout/` (navigation
//! and the session guard), `pages/` (one module per route).

pub mod app_config;
mod catalog;
pub mod components;
mod download;
mod errors;
mod layout;
pub mod locale;
mod ops;
mod pages;
mod picked_files;
mod rights;
mod split;
pub mod state;
mod url;

// The translations, generated from locales/*.json by build.rs: `crate::i18n`.
include!(concat!(env!("OUT_DIR"), "/i18n/mod.rs"));

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Redirect, Route, Router, Routes};
use leptos_router::{Lazy, path};

use crate::app_config::AppConfig;
use crate::components::{ErrorState, Loading, ToastRegion, provide_toaster};
use crate::i18n::{t, use_i18n};
use crate::layout::{Nav, RequireSession};
use crate::locale::{LocaleProvider, text};
use crate::pages::lazy::{
    AgentsRoute, AppsRoute, DiagnosticsRoute, FavouritesRoute, FileRoute, MyRoute,
    OAuthCallbackRoute, PeopleRoute, PlaygroundRoute, RecentRoute, RoomRoute, SignInRoute,
    TrashRoute,
};
use crate::pages::not_found::NotFound;
use crate::pages::rooms::RoomsPage;
use crate::state::{provide_session, provide_theme};

/// The whole app: loads the host's configuration, then the shell.
#[component]
pub fn App() -> impl IntoView {
    provide_toaster();
    provide_theme();
    let config = LocalResource::new(app_config::load);
    view! {
        <LocaleProvider>
            <Router>
                <SkipLink/>
                {move || match config.get() {
                    None => view! { <Starting/> }.into_any(),
                    Some(Err(e)) => view! { <CannotStart message=e/> }.into_any(),
                    Some(Ok(cfg)) => view! { <Shell config=cfg/> }.into_any(),
                }}
                <ToastRegion/>
            </Router>
        </LocaleProvider>
    }
}

/// "Skip to content", the first stop of every page (WCAG 2.4.1). It moves focus itself: the
/// router takes a same-page link for a navigation and only scrolls to its fragment, which left
/// focus (and the link, shown while focused) where it was.
#[component]
fn SkipLink() -> impl IntoView {
    use wasm_bindgen::JsCast;
    let i18n = use_i18n();
    let skip = move |ev: leptos::ev::MouseEvent| {
        let main = document()
            .get_element_by_id("main")
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(main) = main {
            ev.prevent_default();
            let _ = main.focus();
        }
    };
    view! { <a class="skip-link" href="#main" on:click=skip>{t!(i18n, app.skip_to_content)}</a> }
}

#[component]
fn Starting() -> impl IntoView {
    let i18n = use_i18n();
    view! { <Loading label=text!(i18n, app.starting)/> }
}

#[component]
fn CannotStart(message: String) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="page">
            <ErrorState title=text!(i18n, app.cannot_start) message=message/>
        </div>
    }
}

/// Navigation and routes, once the configuration is known.
#[component]
fn Shell(config: AppConfig) -> impl IntoView {
    let session = provide_session(config);
    locale::follow_profile(move || session.user().and_then(|u| u.culture_name));
    session.keep_profile_language(locale::frame_locale());
    view! {
        <Nav/>
        <main id="main" tabindex="-1">
            <Routes fallback=NotFound>
                <Route path=path!("/sign-in") view={Lazy::<SignInRoute>::new()}/>
                <Route path=path!("/sign-in/oauth") view={Lazy::<OAuthCallbackRoute>::new()}/>
                <Route path=path!("/diagnostics") view={Lazy::<DiagnosticsRoute>::new()}/>
                <ParentRoute path=path!("") view=RequireSession>
                    <Route path=path!("") view=|| view! { <Redirect path="/rooms"/> }/>
                    <Route path=path!("rooms") view=RoomsPage/>
                    <Route path=path!("rooms/:room") view={Lazy::<RoomRoute>::new()}/>
                    <Route path=path!("rooms/:room/folders/:folder") view={Lazy::<RoomRoute>::new()}/>
                    <Route path=path!("trash") view={Lazy::<TrashRoute>::new()}/>
                    <Route path=path!("my") view={Lazy::<MyRoute>::new()}/>
                    <Route path=path!("my/folders/:folder") view={Lazy::<MyRoute>::new()}/>
                    <Route path=path!("recent") view={Lazy::<RecentRoute>::new()}/>
                    <Route path=path!("favourites") view={Lazy::<FavouritesRoute>::new()}/>
                    <Route path=path!("files/:file") view={Lazy::<FileRoute>::new()}/>
                    <Route path=path!("playground") view={Lazy::<PlaygroundRoute>::new()}/>
                    <Route path=path!("people") view={Lazy::<PeopleRoute>::new()}/>
                    <Route path=path!("apps") view={Lazy::<AppsRoute>::new()}/>
                    <Route path=path!("agents") view={Lazy::<AgentsRoute>::new()}/>
                    <Route path=path!("agents/:id") view={Lazy::<AgentsRoute>::new()}/>
                </ParentRoute>
            </Routes>
        </main>
    }
}
