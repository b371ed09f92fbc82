//! The start page: who is signed in, and whether the portal's Embed SDK loads.

use docspace_api::Client;
use docspace_sdk::{SdkVersion, load_sdk};
use leptos::prelude::*;

use crate::app_config;

/// Shows the signed-in user and the SDK status.
#[component]
pub fn Home() -> impl IntoView {
    let me = LocalResource::new(|| async {
        let client = Client::builder("").build().map_err(|e| e.to_string())?;
        client.people().me().await.map_err(|e| e.to_string())
    });
    let sdk = LocalResource::new(|| async {
        let cfg = app_config::load().await?;
        let version = if cfg.sdk_version == "2.0.0" {
            SdkVersion::V2_0_0
        } else {
            SdkVersion::V2_1_0
        };
        load_sdk(&cfg.portal_url, version)
            .await
            .map(|s| s.version().as_str().to_string())
            .map_err(|e| e.to_string())
    });

    view! {
        <section class="card">
            <h1>"Welcome"</h1>
            <Suspense fallback=|| view! { <p aria-busy="true">"Loading your profile…"</p> }>
                {move || me.get().map(|r| match r {
                    Ok(user) => view! {
                        <p>"Signed in as " <strong data-testid="user-name">{user.display_name}</strong></p>
                    }.into_any(),
                    Err(e) => view! {
                        <p role="alert" class="error" data-testid="user-error">{e}</p>
                    }.into_any(),
                })}
            </Suspense>
            <Suspense fallback=|| view! { <p aria-busy="true">"Loading the Embed SDK…"</p> }>
                {move || sdk.get().map(|r| match r {
                    Ok(v) => view! {
                        <p data-testid="sdk-status">"Embed SDK " {v} " ready"</p>
                    }.into_any(),
                    Err(e) => view! {
                        <p role="alert" class="error" data-testid="sdk-error">{e}</p>
                    }.into_any(),
                })}
            </Suspense>
        </section>
    }
}
