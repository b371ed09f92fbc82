//! The embed playground: pick a mode, set its config fields, watch the live frame and its
//! events, and copy the code that makes the same frame in a Leptos app or a plain HTML page.

mod code;
mod log;
mod status;

use docspace_sdk::components::DocSpace;
use docspace_sdk::{FrameEvent, Mode, SdkError, Theme};
use leptos::prelude::*;

use self::code::{IdField, Missing, Settings};
use self::log::Line;
use self::status::FrameStatus;
use crate::components::{
    Button, ButtonAppearance, Checkbox, EmptyState, Select, SelectOption, TextField, Toaster,
    use_toaster,
};
use crate::i18n::{Locale, t, t_string, td_string, use_i18n};
use crate::locale::{said, text};
use crate::pages::file::FramesNotice;
use crate::state::{use_session, use_theme};

/// How many events the log keeps.
const LOG_LEN: usize = 100;

/// The form's state, one signal per field.
#[derive(Clone, Copy)]
struct Form {
    mode: RwSignal<String>,
    id: RwSignal<String>,
    share_key: RwSignal<String>,
    theme: RwSignal<String>,
    height: RwSignal<String>,
    show_header: RwSignal<bool>,
    show_title: RwSignal<bool>,
    show_menu: RwSignal<bool>,
    show_filter: RwSignal<bool>,
    show_selector_header: RwSignal<bool>,
    show_selector_cancel: RwSignal<bool>,
    with_search: RwSignal<bool>,
}

impl Form {
    fn new(initial: Settings) -> Form {
        Form {
            mode: RwSignal::new(initial.mode.as_str().to_string()),
            id: RwSignal::new(initial.id),
            share_key: RwSignal::new(initial.share_key),
            theme: RwSignal::new(initial.theme.as_str().to_string()),
            height: RwSignal::new(initial.height),
            show_header: RwSignal::new(initial.show_header),
            show_title: RwSignal::new(initial.show_title),
            show_menu: RwSignal::new(initial.show_menu),
            show_filter: RwSignal::new(initial.show_filter),
            show_selector_header: RwSignal::new(initial.show_selector_header),
            show_selector_cancel: RwSignal::new(initial.show_selector_cancel),
            with_search: RwSignal::new(initial.with_search),
        }
    }

    fn settings(&self) -> Settings {
        Settings {
            mode: Mode::from_wire(&self.mode.get()).unwrap_or(Mode::Manager),
            id: self.id.get(),
            share_key: self.share_key.get(),
            theme: Theme::from_wire(&self.theme.get()).unwrap_or(Theme::System),
            height: self.height.get(),
            show_header: self.show_header.get(),
            show_title: self.show_title.get(),
            show_menu: self.show_menu.get(),
            show_filter: self.show_filter.get(),
            show_selector_header: self.show_selector_header.get(),
            show_selector_cancel: self.show_selector_cancel.get(),
            with_search: self.with_search.get(),
        }
    }
}

/// `/playground`.
#[component]
pub fn PlaygroundPage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let app_theme = use_theme();
    let toaster = use_toaster();
    let config = session.config();
    let portal = config.portal_url.clone();
    let version = config.sdk_version();
    let form = Form::new(Settings {
        theme: if app_theme.is_dark() {
            Theme::Dark
        } else {
            Theme::Base
        },
        ..Settings::default()
    });
    let settings = Memo::new(move |_| form.settings());
    let mode = Memo::new(move |_| settings.with(|s| s.mode));
    let missing = Memo::new(move |_| settings.with(Settings::missing));
    let frame_config = Signal::derive(move || settings.with(Settings::config));

    let log = RwSignal::new(Vec::<(u64, Line)>::new());
    let next = StoredValue::new(0u64);
    let push = move |line: Line| {
        let n = next.get_value() + 1;
        next.set_value(n);
        log.update(|l| {
            l.push((n, line));
            let excess = l.len().saturating_sub(LOG_LEN);
            l.drain(..excess);
        });
    };
    let status = RwSignal::new(FrameStatus::Starting);
    let on_event = Callback::new(move |e: FrameEvent| {
        status.update(|s| *s = s.after(&e));
        push(Line::of(&e));
    });
    let on_error = Callback::new(move |e: SdkError| {
        status.set(FrameStatus::Failed);
        push(Line::Error(e));
    });
    // Changed settings reach the frame by `setConfig` or as a new frame: a problem reported
    // before is about the old settings, and the frame reports it again if it still holds.
    Effect::watch(
        move || settings.get(),
        move |_, _, _| status.update(|s| *s = s.settings_changed()),
        false,
    );
    // A new mode is always a new frame: a new log, so that no event of the previous mode's frame
    // reads as this one's.
    Effect::watch(
        move || mode.get(),
        move |m, _, _| {
            status.set(FrameStatus::Starting);
            log.set(Vec::new());
            push(Line::Mode(*m));
        },
        false,
    );

    let html_tab = RwSignal::new(false);
    let code = {
        let portal = portal.clone();
        Memo::new(move |_| {
            settings.with(|s| {
                if html_tab.get() {
                    s.html(&portal, version)
                } else {
                    s.leptos(&portal)
                }
            })
        })
    };

    view! {
        <div class="page playground">
            <div class="page-header">
                <h1>{t!(i18n, playground.title)}</h1>
            </div>
            <FramesNotice/>
            <div class="playground__grid">
                <SettingsForm form=form mode=mode/>
                <section class="playground__frame" data-testid="playground-frame" aria-label=move || t_string!(i18n, playground.live_frame)>
                    <Show when=move || missing.with(Option::is_none)>
                        <p class="playground__status" role="status" data-testid="playground-status"
                            class:playground__status--problem=move || status.get().is_problem()>
                            {move || status.get().text(i18n.get_locale())}
                        </p>
                    </Show>
                    {move || match missing.get() {
                        Some(needs) => view! { <EmptyState title=text!(i18n, playground.nothing_yet) description=Signal::derive(move || missing_text(needs, i18n.get_locale()).to_string())/> }.into_any(),
                        None => {
                            let portal = portal.clone();
                            view! {
                                <DocSpace portal=portal config=frame_config on_event=on_event on_error=on_error
                                    class="playground__docspace"/>
                            }.into_any()
                        }
                    }}
                </section>
                <EventLog log=log/>
                <section class="playground__code card" aria-label=move || t_string!(i18n, playground.code)>
                    <div class="playground__code-head">
                        <div class="segmented" role="group" aria-label=move || t_string!(i18n, playground.code_for)>
                            <button type="button" class="segmented__item" data-testid="code-tab-leptos"
                                aria-pressed=move || (!html_tab.get()).to_string()
                                on:click=move |_| html_tab.set(false)>"Leptos"</button>
                            <button type="button" class="segmented__item" data-testid="code-tab-html"
                                aria-pressed=move || html_tab.get().to_string()
                                on:click=move |_| html_tab.set(true)>"HTML + api.js"</button>
                        </div>
                        <div data-testid="copy-code">
                            <Button appearance=ButtonAppearance::Secondary
                                on_click=Callback::new(move |_| copy(code.get_untracked(), toaster))>{t!(i18n, links.copy)}</Button>
                        </div>
                    </div>
                    <pre class="playground__pre"><code data-testid="playground-code">{move || code.get()}</code></pre>
                </section>
            </div>
        </div>
    }
}

/// The frame's settings: its mode, the id it opens, theme and height, and the flags of the
/// manager and the selectors. Only what applies to the chosen mode is shown.
#[component]
fn SettingsForm(form: Form, mode: Memo<Mode>) -> impl IntoView {
    let i18n = use_i18n();
    let modes = Signal::derive(move || {
        let locale = i18n.get_locale();
        Mode::ALL
            .iter()
            .map(|m| SelectOption::new(m.as_str(), mode_label(*m, locale)))
            .collect::<Vec<_>>()
    });
    let themes = Signal::stored(
        Theme::ALL
            .iter()
            .map(|t| SelectOption::new(t.as_str(), t.as_str()))
            .collect::<Vec<_>>(),
    );
    let applies = move || Settings::applies(mode.get());

    view! {
        <form class="playground__form card" on:submit=|ev| ev.prevent_default() aria-label=move || t_string!(i18n, playground.settings)>
            <div data-testid="playground-mode">
                <Select label=text!(i18n, playground.mode) value=form.mode options=modes/>
            </div>
            <p class="muted playground__about">{move || mode_about(mode.get(), i18n.get_locale())}</p>
            {move || Settings::applies(mode.get()).id.map(|field| view! {
                <div data-testid="playground-id">
                    <TextField label=Signal::derive(move || id_label(field, i18n.get_locale()).to_string()) value=form.id/>
                </div>
            })}
            <Show when=move || applies().share_key>
                <TextField label=text!(i18n, playground.share_key) value=form.share_key/>
            </Show>
            <div data-testid="playground-theme">
                <Select label=text!(i18n, playground.theme) value=form.theme options=themes/>
            </div>
            <TextField label=text!(i18n, playground.height) value=form.height hint=text!(i18n, playground.height_hint)/>
            <Show when=move || applies().manager_flags>
                <fieldset class="playground__flags">
                    <legend>{t!(i18n, playground.modes.manager)}</legend>
                    <Checkbox label=text!(i18n, playground.header) checked=form.show_header/>
                    <Checkbox label=text!(i18n, common.title) checked=form.show_title/>
                    <Checkbox label=text!(i18n, playground.left_menu) checked=form.show_menu/>
                    <Checkbox label=text!(i18n, playground.filter_bar) checked=form.show_filter/>
                </fieldset>
            </Show>
            <Show when=move || applies().selector_flags>
                <fieldset class="playground__flags">
                    <legend>{t!(i18n, playground.selector)}</legend>
                    <Checkbox label=text!(i18n, playground.header) checked=form.show_selector_header/>
                    <Checkbox label=text!(i18n, playground.cancel_button) checked=form.show_selector_cancel/>
                    <Checkbox label=text!(i18n, sdk.search_placeholder) checked=form.with_search/>
                </fieldset>
            </Show>
        </form>
    }
}

/// What the frame has said, newest first, at most [`LOG_LEN`] lines.
#[component]
fn EventLog(log: RwSignal<Vec<(u64, Line)>>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <section class="playground__events card" aria-label=move || t_string!(i18n, playground.events)>
            <div class="playground__events-head">
                <h2>{t!(i18n, playground.events)}</h2>
                <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| log.set(Vec::new()))>{t!(i18n, playground.clear)}</Button>
            </div>
            <ol class="playground__log" data-testid="playground-events" aria-live="polite">
                <For each=move || log.get().into_iter().rev() key=|(n, _)| *n let:((_, line))>
                    <li>{move || line.text(i18n.get_locale(), mode_label)}</li>
                </For>
            </ol>
            <Show when=move || log.with(Vec::is_empty)>
                <p class="muted">{t!(i18n, playground.events_hint)}</p>
            </Show>
        </section>
    }
}

fn mode_label(m: Mode, locale: Locale) -> &'static str {
    match m {
        Mode::Manager => td_string!(locale, playground.modes.manager),
        Mode::Editor => td_string!(locale, file.editor),
        Mode::Viewer => td_string!(locale, file.viewer),
        Mode::RoomSelector => td_string!(locale, playground.modes.room_selector),
        Mode::FileSelector => td_string!(locale, playground.modes.file_selector),
        Mode::System => td_string!(locale, playground.modes.system),
        Mode::PublicRoom => td_string!(locale, catalog.type_name.public),
    }
}

fn mode_about(m: Mode, locale: Locale) -> &'static str {
    match m {
        Mode::Manager => td_string!(locale, playground.about.manager),
        Mode::Editor => td_string!(locale, playground.about.editor),
        Mode::Viewer => td_string!(locale, playground.about.viewer),
        Mode::RoomSelector => td_string!(locale, playground.about.room_selector),
        Mode::FileSelector => td_string!(locale, playground.about.file_selector),
        Mode::System => td_string!(locale, playground.about.system),
        Mode::PublicRoom => td_string!(locale, playground.about.public_room),
    }
}

/// The id field's label.
fn id_label(field: IdField, locale: Locale) -> &'static str {
    match field {
        IdField::File => td_string!(locale, playground.id.file),
        IdField::Folder => td_string!(locale, playground.id.folder),
        IdField::PublicRoomFolder => td_string!(locale, playground.id.public_room),
    }
}

/// What the mode still needs before it can start.
fn missing_text(needs: Missing, locale: Locale) -> &'static str {
    match needs {
        Missing::File => td_string!(locale, playground.needs_file),
        Missing::ShareKey => td_string!(locale, playground.needs_share_key),
    }
}

/// Puts `text` on the clipboard and says whether that worked.
fn copy(text: String, toaster: Toaster) {
    let Some(clipboard) = web_sys::window().map(|w| w.navigator().clipboard()) else {
        return;
    };
    leptos::task::spawn_local(async move {
        match wasm_bindgen_futures::JsFuture::from(clipboard.write_text(&text)).await {
            Ok(_) => toaster.success(said!(playground.copied)),
            Err(_) => toaster.error(
                said!(playground.not_copied),
                said!(playground.clipboard_denied),
            ),
        }
    });
}
