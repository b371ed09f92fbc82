//! Routes that need a signed-in user.

use leptos::prelude::*;
use leptos_router::components::{Outlet, Redirect};
use leptos_router::hooks::use_location;

use crate::components::Loading;
use crate::i18n::use_i18n;
use crate::locale::text;
use crate::state::{SessionState, use_session};

/// Renders the nested route when someone is signed in; otherwise redirects to `/sign-in`,
/// remembering where the visitor wanted to go.
#[component]
pub fn RequireSession() -> impl IntoView {
    let session = use_session();
    let location = use_location();
    let i18n = use_i18n();
    move || match session.state.get() {
        SessionState::Restoring => {
            view! { <Loading label=text!(i18n, app.checking_session)/> }.into_any()
        }
        SessionState::SignedOut => {
            let here = format!(
                "{}{}",
                location.pathname.get_untracked(),
                location.search.get_untracked()
            );
            let path = if here == "/" {
                "/sign-in".to_string()
            } else {
                format!("/sign-in?next={}", crate::url::encode(&here))
            };
            view! { <Redirect path=path/> }.into_any()
        }
        SessionState::SignedIn(_) => view! { <Outlet/> }.into_any(),
    }
}
