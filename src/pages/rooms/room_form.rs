//! Creating and editing a room: title, type (each with what it is for), colour, privacy, quota,
//! tags, indexing and download restrictions. Everything is checked before anything is sent; what
//! the portal still refuses is shown with its message, and nothing is created by a refused form.

use docspace_api::models::{Color, Room, RoomId, RoomType};
use docspace_api::{Client, Error};
use docspace_types::{ROOM_TITLE_MAX, TitleError};
use leptos::prelude::*;

use crate::catalog::{ROOM_TYPES, room_type_description, room_type_label, supports_indexing};
use crate::components::color_picker::{PRESETS, parse_hex};
use crate::components::{
    Button, ButtonAppearance, Checkbox, ColorPicker, InputKind, Select, SelectOption, TagInput,
    TextField, unique_id,
};
use crate::errors::user_message;
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::locale::{Said, said, text};

const MIB: i64 = 1024 * 1024;

/// Checks a title as DocSpace will: not blank, at most 170 UTF-16 units (so an emoji counts
/// twice), no control characters ([`docspace_types::check_title`]). The message is in `locale`.
pub fn check_title(title: &str, locale: Locale) -> Result<String, String> {
    let t = title.trim();
    match docspace_types::check_title(t, ROOM_TITLE_MAX) {
        Ok(()) => Ok(t.to_string()),
        Err(TitleError::Blank) => Err(td_string!(locale, rooms.form.title_blank).into()),
        Err(TitleError::TooLong { len, max }) => {
            Err(td_string!(locale, rooms.form.title_too_long, max, len).to_string())
        }
        Err(TitleError::ControlChar(_)) => Err(td_string!(locale, rooms.form.title_control).into()),
    }
}

/// The quota to send: the portal's default (−2), unlimited (−1), or megabytes; the message is
/// in `locale`.
pub fn check_quota(mode: &str, megabytes: &str, locale: Locale) -> Result<i64, String> {
    match mode {
        "default" => Ok(-2),
        "unlimited" => Ok(-1),
        _ => match docspace_types::parse_decimal(megabytes) {
            Some(mb) if mb > 0.0 && mb < 1e12 => Ok((mb * MIB as f64).round() as i64),
            _ => Err(td_string!(locale, rooms.form.quota_invalid).into()),
        },
    }
}

/// What the form holds: one signal per setting, starting from the room being edited (or the
/// defaults of a new room).
#[derive(Clone, Copy)]
struct RoomDraft {
    title: RwSignal<String>,
    room_type: RwSignal<RoomType>,
    color: RwSignal<String>,
    private: RwSignal<bool>,
    /// `default`, `unlimited` or `custom` (then `quota_mb`).
    quota_mode: RwSignal<String>,
    quota_mb: RwSignal<String>,
    tags: RwSignal<Vec<String>>,
    indexing: RwSignal<bool>,
    deny_download: RwSignal<bool>,
}

impl RoomDraft {
    fn new(editing: Option<&Room>) -> Self {
        let (quota_mode, quota_mb) = match editing.and_then(|r| r.quota_limit) {
            Some(q) if q > 0 && editing.and_then(|r| r.is_custom_quota) == Some(true) => {
                ("custom", format!("{}", q / MIB))
            }
            Some(-1) => ("unlimited", String::new()),
            _ => ("default", String::new()),
        };
        RoomDraft {
            title: RwSignal::new(editing.map(|r| r.title.clone()).unwrap_or_default()),
            room_type: RwSignal::new(
                editing
                    .and_then(|r| r.room_type)
                    .unwrap_or(RoomType::Editing),
            ),
            color: RwSignal::new(
                editing
                    .and_then(|r| r.color().map(str::to_string))
                    .unwrap_or_else(|| PRESETS[0].to_string()),
            ),
            private: RwSignal::new(editing.is_some_and(|r| r.private)),
            quota_mode: RwSignal::new(quota_mode.to_string()),
            quota_mb: RwSignal::new(quota_mb),
            tags: RwSignal::new(editing.map(|r| r.tags.clone()).unwrap_or_default()),
            indexing: RwSignal::new(editing.is_some_and(|r| r.indexing)),
            deny_download: RwSignal::new(editing.is_some_and(|r| r.deny_download)),
        }
    }

    /// The quota as the form checks it, worded in `locale` when wrong.
    fn quota(&self, locale: Locale) -> Result<i64, String> {
        check_quota(
            &self.quota_mode.get_untracked(),
            &self.quota_mb.get_untracked(),
            locale,
        )
    }

    /// Creates the room (`edit_id: None`) or saves the changes to it, with the checked title,
    /// colour and quota.
    async fn send(
        &self,
        client: &Client,
        edit_id: Option<RoomId>,
        title: String,
        color: Color,
        quota: i64,
    ) -> Result<Room, Error> {
        let kind = self.room_type.get_untracked();
        let tags = self.tags.get_untracked();
        let private = self.private.get_untracked();
        let indexing = supports_indexing(kind) && self.indexing.get_untracked();
        let deny = self.deny_download.get_untracked();
        let rooms = client.rooms();
        // The settings a new room and a changed one send alike; the two builders are different
        // types with the same setters.
        macro_rules! with_settings {
            ($builder:expr) => {{
                let b = $builder
                    .color(color)
                    .deny_download(deny)
                    .quota(quota)
                    .tags(tags);
                if supports_indexing(kind) {
                    b.indexing(indexing)
                } else {
                    b
                }
            }};
        }
        match edit_id {
            None => {
                with_settings!(rooms.create(title, kind).private(private))
                    .send()
                    .await
            }
            Some(id) => with_settings!(rooms.update(id).title(title)).send().await,
        }
    }
}

/// The room form; `editing` is the room being edited, `None` to create one. `on_saved` gets the
/// room as the portal stored it.
#[component]
pub fn RoomForm(
    client: Client,
    editing: Option<Room>,
    #[prop(into)] on_saved: Callback<Room>,
    #[prop(into)] on_cancel: Callback<()>,
    #[prop(into)] tag_suggestions: Signal<Vec<String>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let is_edit = editing.is_some();
    let edit_id = editing.as_ref().map(|r| r.id.clone());
    let draft = RoomDraft::new(editing.as_ref());
    let RoomDraft {
        title,
        room_type,
        color,
        private,
        quota_mode,
        quota_mb,
        tags,
        indexing,
        deny_download,
    } = draft;

    let submitted = RwSignal::new(false);
    let busy = RwSignal::new(false);
    let form_error = RwSignal::new(None::<Said>);
    let server_title_error = RwSignal::new(None::<Said>);
    let server_color_error = RwSignal::new(None::<Said>);
    let color_touched = RwSignal::new(false);
    Effect::new(move |_| {
        color.track();
        server_color_error.set(None);
    });
    Effect::new(move |prev: Option<()>| {
        color.track();
        if prev.is_some() {
            color_touched.set(true);
        }
    });

    let title_error = Signal::derive(move || {
        server_title_error.get().map(|e| e.shown()).or_else(|| {
            submitted
                .get()
                .then(|| check_title(&title.get(), i18n.get_locale()).err())
                .flatten()
        })
    });
    let color_error = Signal::derive(move || {
        server_color_error.get().map(|e| e.shown()).or_else(|| {
            (submitted.get() || color_touched.get())
                .then(|| parse_hex(&color.get(), i18n.get_locale()).err())
                .flatten()
        })
    });
    let quota_error = Signal::derive(move || {
        submitted
            .get()
            .then(|| check_quota(&quota_mode.get(), &quota_mb.get(), i18n.get_locale()).err())
            .flatten()
    });

    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        submitted.set(true);
        form_error.set(None);
        server_title_error.set(None);
        server_color_error.set(None);
        if busy.get_untracked() {
            return;
        }
        let locale = i18n.get_locale_untracked();
        let (Ok(t), Ok(hex), Ok(quota)) = (
            check_title(&title.get_untracked(), locale),
            parse_hex(&color.get_untracked(), locale),
            draft.quota(locale),
        ) else {
            return;
        };
        let Ok(color) = Color::from_hex(&hex) else {
            server_color_error.set(Some(said!(rooms.form.not_a_colour)));
            return;
        };
        busy.set(true);
        let edit_id = edit_id.clone();
        leptos::task::spawn_local(async move {
            let result = draft
                .send(&client.get_value(), edit_id, t, color, quota)
                .await;
            busy.set(false);
            match result {
                Ok(room) => on_saved.run(room),
                Err(Error::InvalidInput {
                    field: "title",
                    message,
                }) => server_title_error.set(Some(Said::from(message))),
                Err(Error::InvalidInput {
                    field: "color",
                    message,
                }) => server_color_error.set(Some(Said::from(message))),
                Err(e) => form_error.set(Some(user_message(&e))),
            }
        });
    };

    let quota_options = Signal::derive(move || {
        vec![
            SelectOption::new("default", t_string!(i18n, rooms.form.quota_default)),
            SelectOption::new("unlimited", t_string!(i18n, rooms.form.quota_unlimited)),
            SelectOption::new("custom", t_string!(i18n, rooms.form.quota_custom)),
        ]
    });

    view! {
        <form class="stack room-form" on:submit=save novalidate=true data-testid="room-form">
            <div data-testid="room-title">
                <TextField label=text!(i18n, common.title) value=title required=true error=title_error/>
            </div>
            <RoomTypeChoice room_type=room_type fixed=is_edit/>
            <div data-testid="room-color">
                <ColorPicker label=text!(i18n, common.colour) value=color error=color_error/>
            </div>
            <div class="room-form__row">
                <Select label=text!(i18n, rooms.form.quota) value=quota_mode options=quota_options/>
                <Show when=move || quota_mode.get() == "custom">
                    <TextField label=text!(i18n, rooms.form.quota_mb) value=quota_mb kind=InputKind::Number error=quota_error/>
                </Show>
            </div>
            <TagInput label=text!(i18n, common.tags) tags=tags suggestions=tag_suggestions/>
            {(!is_edit).then(|| view! {
                <Checkbox
                    label=text!(i18n, rooms.form.private)
                    checked=private
                    hint=text!(i18n, rooms.form.private_hint)
                />
            })}
            <Show when=move || supports_indexing(room_type.get())>
                <Checkbox label=text!(i18n, rooms.form.indexing) checked=indexing/>
            </Show>
            <Checkbox
                label=text!(i18n, rooms.form.deny_download)
                checked=deny_download
                hint=text!(i18n, rooms.form.deny_download_hint)
            />
            <p class="form-error" role="alert" data-testid="room-form-error" hidden=move || form_error.with(Option::is_none)>
                {move || form_error.get().map(|e| e.shown())}
            </p>
            <div class="dialog__actions">
                <Button on_click=Callback::new(move |_| on_cancel.run(()))>{t!(i18n, common.cancel)}</Button>
                <span data-testid="room-save">
                    <Button appearance=ButtonAppearance::Primary submit=true busy=busy>
                        {move || if is_edit { t_string!(i18n, common.save) } else { t_string!(i18n, rooms.form.create) }}
                    </Button>
                </span>
            </div>
        </form>
    }
}

/// The room types as radio buttons, each with what it is for. A room's type cannot change once
/// it exists (`fixed`), as in DocSpace.
#[component]
fn RoomTypeChoice(room_type: RwSignal<RoomType>, fixed: bool) -> impl IntoView {
    let i18n = use_i18n();
    let type_group = unique_id("room-type");
    let type_options = ROOM_TYPES
        .into_iter()
        .map(|t| {
            let id = format!("{type_group}-{}", t.value());
            let desc_id = format!("{id}-desc");
            view! {
                <div class="room-type">
                    <input
                        type="radio"
                        id=id.clone()
                        name=type_group.clone()
                        value=t.value().to_string()
                        disabled=fixed
                        aria-describedby=desc_id.clone()
                        prop:checked=move || room_type.get() == t
                        on:change=move |_| room_type.set(t)
                    />
                    <label for=id>
                        <span class="room-type__name">{move || room_type_label(t, i18n.get_locale())}</span>
                        <span class="room-type__desc" id=desc_id>{move || room_type_description(t, i18n.get_locale())}</span>
                    </label>
                </div>
            }
        })
        .collect_view();
    view! {
        <fieldset class="room-types" data-testid="room-types">
            <legend class="field__label">{t!(i18n, rooms.room_type)}</legend>
            {fixed.then(|| view! { <p class="field__hint">{t!(i18n, rooms.form.type_fixed)}</p> })}
            {type_options}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_trimmed_and_bounded() {
        assert_eq!(check_title("  Q3  ", Locale::en).as_deref(), Ok("Q3"));
        assert!(check_title("   ", Locale::en).is_err());
        assert!(
            check_title(&"x".repeat(171), Locale::en)
                .unwrap_err()
                .contains("171")
        );
        assert!(
            check_title(&"é".repeat(170), Locale::en).is_ok(),
            "characters, not bytes"
        );
        assert!(check_title("a\u{7}b", Locale::en).is_err());
    }

    /// 100 emoji are 200 UTF-16 units, which is what DocSpace counts: the form says so before
    /// sending, as the client and the portal would refuse it.
    #[test]
    fn a_hundred_emoji_title_gets_the_form_message() {
        assert_eq!(
            check_title(&"😀".repeat(100), Locale::en),
            Err(
                "A title has at most 170 characters (an emoji counts as two); this has 200.".into()
            )
        );
        assert!(check_title(&"😀".repeat(85), Locale::en).is_ok());
    }

    #[test]
    fn quotas_are_megabytes_or_a_special_value() {
        assert_eq!(check_quota("default", "", Locale::en), Ok(-2));
        assert_eq!(check_quota("unlimited", "junk", Locale::en), Ok(-1));
        assert_eq!(check_quota("custom", "1.5", Locale::en), Ok(1_572_864));
        assert!(check_quota("custom", "-3", Locale::en).is_err());
        assert!(check_quota("custom", "abc", Locale::en).is_err());
        assert!(check_quota("custom", "NaN", Locale::en).is_err());
    }
}
