//! The DocSpace embed app: room management, a file picker and embedded editors in the browser.
//!
//! Layout: `state/` (session, theme), `components/` (the design system), `layout/` (navigation
//! and the session guard), `pages/` (one module per route).

pub mod app_config;
pub mod components;
mod errors;
mod layout;
mod pages;
pub mod state;

use leptos::prelude::*;
use leptos_router::components::{ParentRoute, Route, Router, Routes};
use leptos_router::path;

use crate::app_config::AppConfig;
use crate::components::{ErrorState, Loading, ToastRegion, provide_toaster};
use crate::layout::{Nav, RequireSession};
use crate::pages::home::Home;
use crate::pages::not_found::NotFound;
use crate::pages::sign_in::SignIn;
use crate::state::{provide_session, provide_theme};

/// The whole app: loads the host's configuration, then the shell.
#[component]
pub fn App() -> impl IntoView {
    provide_toaster();
    provide_theme();
    let config = LocalResource::new(app_config::load);
    view! {
        <Router>
            <a class="skip-link" href="#main">"Skip to content"</a>
            {move || match config.get() {
                None => view! { <Loading label="Starting…"/> }.into_any(),
                Some(Err(e)) => view! {
                    <div class="page">
                        <ErrorState title="The app cannot start" message=e/>
                    </div>
                }.into_any(),
                Some(Ok(cfg)) => view! { <Shell config=cfg/> }.into_any(),
            }}
            <ToastRegion/>
        </Router>
    }
}

/// Navigation and routes, once the configuration is known.
#[component]
fn Shell(config: AppConfig) -> impl IntoView {
    provide_session(config);
    view! {
        <Nav/>
        <main id="main" tabindex="-1">
            <Routes fallback=NotFound>
                <Route path=path!("/sign-in") view=SignIn/>
                <ParentRoute path=path!("") view=RequireSession>
                    <Route path=path!("") view=Home/>
                </ParentRoute>
            </Routes>
        </main>
    }
}
