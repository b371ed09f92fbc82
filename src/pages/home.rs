//! The start page: whether the portal's Embed SDK loads.

use docspace_sdk::load_sdk;
use leptos::prelude::*;

use crate::state::use_session;

/// Shows the SDK status.
#[component]
pub fn Home() -> impl IntoView {
    let session = use_session();
    let sdk = LocalResource::new(move || async move {
        let cfg = session.config();
        load_sdk(&cfg.portal_url, cfg.sdk_version())
            .await
            .map(|s| s.version().as_str().to_string())
            .map_err(|e| e.to_string())
    });
    view! {
        <div class="page">
            <section class="card">
                <h1>"Welcome"</h1>
                <Suspense fallback=|| view! { <p aria-busy="true">"Loading the Embed SDK…"</p> }>
                    {move || sdk.get().map(|r| match r {
                        Ok(v) => view! { <p data-testid="sdk-status">"Embed SDK " {v} " ready"</p> }.into_any(),
                        Err(e) => view! { <p role="alert" class="error-text" data-testid="sdk-error">{e}</p> }.into_any(),
                    })}
                </Suspense>
            </section>
        </div>
    }
}
