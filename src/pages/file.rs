//! A file in the embedded editor or viewer (`docspace-sdk` components over the portal's own
//! `api.js`). The editor's Close returns to the folder the file was opened from.

use docspace_api::models::FileId;
use docspace_sdk::components::{Editor, Viewer};
use docspace_sdk::{EditorConfig, FrameOptions, ViewerConfig};
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_params_map, use_query_map};

use crate::components::{Button, ButtonAppearance, InputKind, TextField, use_toaster};
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::text;
use crate::locale::{Said, frame_locale, said};
use crate::pages::sign_in::safe_next;
use crate::state::frames::explain;
use crate::state::{FramesSession, use_session, use_theme};
use crate::url::decode;

/// The frame id the host bootstraps the file's frame under (`docspace-host/src/frame_boot.rs`).
const FILE_FRAME_ID: &str = "file-frame";

/// The editor/viewer page: `/files/:file?mode=edit|view&back=/rooms/…`.
#[component]
pub fn FilePage() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    let theme = use_theme();
    let toaster = use_toaster();
    let navigate = use_navigate();
    let params = use_params_map();
    let query = use_query_map();
    let file = Memo::new(move |_| params.with(|p| p.get("file").map(|f| decode(&f))));
    let editing = Memo::new(move |_| query.with(|q| q.get("mode").as_deref() != Some("view")));
    let back = Memo::new(move |_| query.with(|q| safe_next(q.get("back"))));
    let portal = session.config().portal_url;
    let frame_theme = Signal::derive(move || theme.for_frames());
    let frame_locale = frame_locale();
    // On a cold load the host has bootstrapped this frame in the HTML: adopt it (or, if its
    // settings differ from these, replace it).
    let options = FrameOptions::default()
        .version(session.config().sdk_version())
        .boot_frame(FILE_FRAME_ID);

    let title = LocalResource::new(move || {
        let id = file.get();
        async move {
            let client = session.client()?;
            let id = FileId::from(id?);
            // Opening a file puts it at the top of Recent: DocSpace's editor page calls
            // `POST files/file/{id}/recent` when it opens one (`addFileToRecentlyViewed` in
            // ONLYOFFICE/DocSpace-client). Where that is refused, the title still comes.
            match client.files().mark_recent(&id).await {
                Ok(f) => Some(f.title),
                Err(_) => client.files().get(id).send().await.ok().map(|f| f.title),
            }
        }
    });

    let close = {
        let navigate = navigate.clone();
        Callback::new(move |()| navigate(&back.get_untracked(), Default::default()))
    };
    let on_error = Callback::new(move |e: docspace_sdk::SdkError| {
        toaster.error(said!(file.frame_problem), explain(&e));
    });
    let switch_href = move || {
        let f = file.get().unwrap_or_default();
        let mode = if editing.get() { "view" } else { "edit" };
        format!(
            "/files/{}?mode={mode}&back={}",
            crate::url::encode(&f),
            crate::url::encode(&back.get())
        )
    };

    view! {
        <div class="page page--fill file-page">
            <div class="file-page__bar">
                <A href=move || back.get() attr:class="btn btn--subtle" attr:data-testid="file-back">{move || t_string!(i18n, file.back)}</A>
                <h1 class="file-page__title" data-testid="file-title">{move || title.get().flatten().unwrap_or_default()}</h1>
                <span class="muted">{move || if editing.get() { t_string!(i18n, file.editor) } else { t_string!(i18n, file.viewer) }}</span>
                <A href=switch_href attr:class="btn btn--secondary">
                    {move || if editing.get() { t_string!(i18n, room.entry.open_viewer) } else { t_string!(i18n, file.open_editor) }}
                </A>
            </div>
            <FramesNotice/>
            <div class="file-page__frame" data-testid="file-frame">
                {move || {
                    let Some(id) = file.get() else {
                        return view! { <p role="alert">{t!(i18n, file.no_file)}</p> }.into_any();
                    };
                    let portal = portal.clone();
                    let options = options.clone();
                    if editing.get() {
                        let config = Signal::derive(move || {
                            let config = EditorConfig::new(id.clone()).theme(frame_theme.get());
                            match frame_locale.get() {
                                Some(locale) => config.locale(locale),
                                None => config,
                            }
                        });
                        view! { <Editor portal=portal config=config options=options on_editor_close=close on_error=on_error/> }.into_any()
                    } else {
                        let config = Signal::derive(move || {
                            let config = ViewerConfig::new(id.clone()).theme(frame_theme.get());
                            match frame_locale.get() {
                                Some(locale) => config.locale(locale),
                                None => config,
                            }
                        });
                        view! { <Viewer portal=portal config=config options=options on_editor_close=close on_error=on_error/> }.into_any()
                    }
                }}
            </div>
        </div>
    }
}

/// When the frames have no portal session (the host's key acts for the app, or their sign-in
/// failed), offers to sign them in with the user's password.
#[component]
pub fn FramesNotice() -> impl IntoView {
    let i18n = use_i18n();
    let session = use_session();
    // Ask the portal before asking for a password: after a page load the frames usually still
    // share the session.
    Effect::new(move |_| {
        if session.frames.get() == FramesSession::Unknown && session.user().is_some() {
            leptos::task::spawn_local(async move { session.check_frames().await });
        }
    });
    // Only once the portal has said the frames are not signed in (or their sign-in failed).
    let needed = move || {
        matches!(
            session.frames.get(),
            FramesSession::NotSignedIn | FramesSession::Failed(_)
        ) && session.user().is_some()
    };
    let password = RwSignal::new(String::new());
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(email) = session.user().and_then(|u| u.email) else {
            error.set(Some(said!(file.no_email)));
            return;
        };
        if password.with_untracked(String::is_empty) || busy.get_untracked() {
            return;
        }
        busy.set(true);
        let p = password.get_untracked();
        leptos::task::spawn_local(async move {
            if let Err(e) = session.sign_in_frames(&email, &p).await {
                error.set(Some(e));
            }
            password.set(String::new());
            busy.set(false);
        });
    };
    view! {
        <Show when=needed>
            <form class="frames-notice" on:submit=submit data-testid="frames-notice">
                <p>
                    {move || match session.frames.get() {
                        FramesSession::Failed(reason) => t_string!(i18n, file.frames_failed, reason = reason.shown()).to_string(),
                        _ => t_string!(i18n, file.frames_need_password).to_string(),
                    }}
                </p>
                <TextField label=text!(i18n, sign_in.password) value=password kind=InputKind::Password autocomplete="current-password"/>
                <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, file.sign_in_frames)}</Button>
                <p class="error-text" role="alert" hidden=move || error.with(Option::is_none)>{move || error.get().map(|e| e.shown())}</p>
            </form>
        </Show>
    }
}
