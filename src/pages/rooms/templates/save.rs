//! Saving a room as a template: a title (the room's by default) and whether everyone on the
//! portal may use it, then the copy's progress as the portal reports it.

use docspace_api::Client;
use docspace_api::models::Room;
use leptos::prelude::*;

use super::{CopyFooter, follow};
use crate::components::{Checkbox, TextField};
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, said, text};

/// The body of the "Save as template" dialog for `room`; `on_done` gets the template's title.
#[component]
pub fn SaveTemplate(
    client: Client,
    room: Room,
    #[prop(into)] on_done: Callback<String>,
    #[prop(into)] on_cancel: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let title = RwSignal::new(room.title.clone());
    let public = RwSignal::new(false);
    // `Some(None)` while starting, `Some(Some(p))` while copying.
    let progress = RwSignal::new(None::<Option<f64>>);
    let error = RwSignal::new(None::<Said>);
    let id = room.id.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if progress.get_untracked().is_some() {
            return;
        }
        let name = title.get_untracked().trim().to_string();
        if name.is_empty() {
            error.set(Some(said!(rooms.template.title_blank)));
            return;
        }
        progress.set(Some(None));
        error.set(None);
        let (id, open) = (id.clone(), public.get_untracked());
        leptos::task::spawn_local(async move {
            let client = client.get_value();
            let started = client
                .templates()
                .save(id)
                .title(name.clone())
                .public(open)
                .send()
                .await;
            let outcome = follow(&client, started, |p| progress.set(Some(Some(p)))).await;
            match outcome {
                Ok(_) => on_done.run(name),
                Err(e) => {
                    progress.set(None);
                    error.set(Some(e));
                }
            }
        });
    };
    view! {
        <form class="stack template-form" data-testid="save-template-form" on:submit=save>
            <p>{t!(i18n, rooms.template.intro)}</p>
            <div data-testid="template-title"><TextField label=text!(i18n, rooms.template.template_title) value=title required=true/></div>
            <div data-testid="save-template-public"><Checkbox label=text!(i18n, rooms.template.public) checked=public/></div>
            <CopyFooter testid="save-template" progress=progress error=error on_cancel=on_cancel
                progress_label=text!(i18n, rooms.template.saving) submit_label=text!(i18n, rooms.template.save)/>
        </form>
    }
}
