//! Creating a room from a template: its title, tags and colour (the template's by default), then
//! the copy's progress. The room gets the template's type, settings, folders and files.

use docspace_api::Client;
use docspace_api::models::{Color, Room, RoomId};
use leptos::prelude::*;

use super::{CopyFooter, follow};
use crate::components::color_picker::{PRESETS, parse_hex};
use crate::components::{ColorPicker, TagInput, TextField};
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, said, text};
use crate::pages::rooms::room_form::check_title;

/// The body of the "Create room from template" dialog; `on_done` gets the new room's id.
#[component]
pub fn RoomFromTemplate(
    client: Client,
    template: Room,
    #[prop(into)] on_done: Callback<RoomId>,
    #[prop(into)] on_cancel: Callback<()>,
    #[prop(into)] tag_suggestions: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let title = RwSignal::new(template.title.clone());
    let tags = RwSignal::new(template.tags.clone());
    let color = RwSignal::new(
        template
            .color()
            .map(str::to_string)
            .unwrap_or_else(|| PRESETS[0].to_string()),
    );
    let submitted = RwSignal::new(false);
    let title_error = Signal::derive(move || {
        submitted
            .get()
            .then(|| check_title(&title.get(), i18n.get_locale()).err())
            .flatten()
    });
    let color_error = Signal::derive(move || {
        submitted
            .get()
            .then(|| parse_hex(&color.get(), i18n.get_locale()).err())
            .flatten()
    });
    let progress = RwSignal::new(None::<Option<f64>>);
    let error = RwSignal::new(None::<Said>);
    let id = template.id.clone();
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        if progress.get_untracked().is_some() {
            return;
        }
        let (Ok(name), Ok(hex)) = (
            check_title(&title.get_untracked(), i18n.get_locale_untracked()),
            parse_hex(&color.get_untracked(), i18n.get_locale_untracked()),
        ) else {
            return;
        };
        let Ok(color) = Color::from_hex(&hex) else {
            return;
        };
        progress.set(Some(None));
        error.set(None);
        let (id, tags) = (id.clone(), tags.get_untracked());
        leptos::task::spawn_local(async move {
            let client = client.get_value();
            let started = client
                .templates()
                .create_room(id, name)
                .tags(tags)
                .color(color)
                .send()
                .await;
            let outcome = follow(&client, started, |p| progress.set(Some(Some(p)))).await;
            match outcome.map(|s| s.room_id) {
                Ok(Some(room)) => on_done.run(room),
                Ok(None) => {
                    progress.set(None);
                    error.set(Some(said!(rooms.template.unnamed)));
                }
                Err(e) => {
                    progress.set(None);
                    error.set(Some(e));
                }
            }
        });
    };
    view! {
        <form class="stack template-form" data-testid="from-template-form" on:submit=create>
            <p>{t!(i18n, rooms.template.from_intro)}</p>
            <div data-testid="from-template-title">
                <TextField label=text!(i18n, rooms.template.room_title) value=title required=true error=title_error/>
            </div>
            <TagInput label=text!(i18n, common.tags) tags=tags suggestions=tag_suggestions/>
            <div data-testid="from-template-color"><ColorPicker label=text!(i18n, common.colour) value=color error=color_error/></div>
            <CopyFooter testid="from-template" progress=progress error=error on_cancel=on_cancel
                progress_label=text!(i18n, rooms.template.creating) submit_label=text!(i18n, rooms.form.create)/>
        </form>
    }
}
