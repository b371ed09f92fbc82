//! Breadcrumbs: where a folder sits, each step a link, the last one the current page.

use leptos::prelude::*;
use leptos_router::components::A;

use crate::i18n::{t_string, use_i18n};

/// One step of a path.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Crumb {
    /// What the user reads (server text, rendered as text).
    pub label: String,
    /// Where the step leads.
    pub href: String,
}

/// Renders `crumbs`; the last is marked as the current page.
#[component]
pub fn Breadcrumbs(#[prop(into)] crumbs: Signal<Vec<Crumb>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <nav class="crumbs" aria-label=move || t_string!(i18n, components.breadcrumb)>
            <ol class="crumbs__list">
                {move || {
                    let all = crumbs.get();
                    let last = all.len().saturating_sub(1);
                    all.into_iter()
                        .enumerate()
                        .map(|(i, c)| {
                            if i == last {
                                view! {
                                    <li class="crumbs__item">
                                        <span aria-current="page" data-testid="crumb-current">{c.label}</span>
                                    </li>
                                }
                                    .into_any()
                            } else {
                                view! {
                                    <li class="crumbs__item">
                                        <A href=c.href>{c.label}</A>
                                    </li>
                                }
                                    .into_any()
                            }
                        })
                        .collect_view()
                }}
            </ol>
        </nav>
    }
}
