//! The DocSpace embed app: room management, a file picker and embedded editors in the browser.

pub mod app_config;
mod pages;

use leptos::prelude::*;
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

use crate::pages::home::Home;

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    view! {
        <Router>
            <header class="app-header">
                <span class="app-title">"DocSpace Embed"</span>
            </header>
            <main class="app-main">
                <Routes fallback=|| view! { <p role="alert">"Page not found."</p> }>
                    <Route path=path!("/") view=Home/>
                </Routes>
            </main>
        </Router>
    }
}
