//! One version in a file's history: its number, revision, size, author, date and comment, with
//! restore, mark as revision (the current version), continue the previous revision (a version
//! that starts one), an inline comment editor, and delete behind a confirmation in the row.

use docspace_api::models::File;
use leptos::prelude::*;

use crate::components::{Button, ButtonAppearance, TextField};
use crate::i18n::{t, t_string, use_i18n};

/// What a version row asks the section to do.
#[derive(Debug, Clone)]
pub enum VersionAction {
    /// Make this version's content the newest version.
    Restore(u32),
    /// Store this comment on the version.
    Comment(u32, String),
    /// Delete the version (confirmed in the row).
    Delete(u32),
    /// Store the current version again as the start of a revision of its own.
    Mark(u32),
    /// Merge the revision that starts after this (older) version into this version's.
    Continue(u32),
}

/// What the file's security lets the user do with its versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct VersionRights {
    /// `EditHistory`: restore versions, change revisions and edit comments.
    pub edit: bool,
    /// `Delete`: delete versions other than the current one.
    pub delete: bool,
}

/// What the row shows below its facts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mode {
    Actions,
    EditComment,
    ConfirmDelete,
}

/// A version row. `busy` is the section's: one action at a time.
#[component]
pub fn VersionRow(
    version: File,
    current: bool,
    /// The older version whose revision this one's would continue, when it starts a revision.
    continues: Option<u32>,
    rights: VersionRights,
    busy: RwSignal<bool>,
    on_action: Callback<VersionAction>,
) -> impl IntoView {
    let i18n = use_i18n();
    let n = version.version;
    let tag = crate::locale::tag();
    let bytes = version.pure_content_length;
    let size = move || crate::locale::format_size(bytes, tag.get());
    let author = version
        .updated_by
        .as_ref()
        .or(version.created_by.as_ref())
        .map(|u| u.display_name.clone())
        .unwrap_or_default();
    let updated = version.updated;
    let date = move || {
        updated
            .map(|d| crate::locale::format_date_time(&d, tag.get()))
            .unwrap_or_default()
    };
    let comment = version.comment.clone().unwrap_or_default();
    let group = version.version_group;
    let revision = move || group.map(|g| t_string!(i18n, versions.revision, g).to_string());
    let mode = RwSignal::new(Mode::Actions);
    let draft = RwSignal::new(comment.clone());
    let save_comment = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        mode.set(Mode::Actions);
        on_action.run(VersionAction::Comment(n, draft.get_untracked()));
    };
    let run = move |a: VersionAction| {
        Callback::new(move |_: leptos::ev::MouseEvent| {
            mode.set(Mode::Actions);
            on_action.run(a.clone());
        })
    };
    view! {
        <li class="versions__item" data-testid="version" data-version=n.to_string()>
            <div class="versions__facts">
                <span class="versions__number">{move || t_string!(i18n, versions.version, n).to_string()}</span>
                {current.then(|| view! { <span class="versions__current">{t!(i18n, versions.current)}</span> })}
                <span class="muted" data-testid="version-revision">{revision}</span>
                <span class="muted">{size}</span>
                <span class="muted" data-testid="version-author">{author}</span>
                <span class="muted">{date}</span>
            </div>
            <p class="versions__comment" data-testid="version-comment">{comment}</p>
            {move || match mode.get() {
                Mode::Actions => view! {
                    <div class="versions__actions">
                        {(rights.edit && !current).then(|| view! {
                            <span data-testid="version-restore">
                                <Button appearance=ButtonAppearance::Secondary busy=busy on_click=run(VersionAction::Restore(n))>{t!(i18n, common.restore)}</Button>
                            </span>
                        })}
                        {(rights.edit && current).then(|| view! {
                            <span data-testid="version-mark">
                                <Button appearance=ButtonAppearance::Subtle busy=busy on_click=run(VersionAction::Mark(n))>{t!(i18n, versions.mark)}</Button>
                            </span>
                        })}
                        {continues.filter(|_| rights.edit).map(|older| view! {
                            <span data-testid="version-continue">
                                <Button appearance=ButtonAppearance::Subtle busy=busy on_click=run(VersionAction::Continue(older))>{t!(i18n, versions.continue_previous)}</Button>
                            </span>
                        })}
                        {rights.edit.then(|| view! {
                            <span data-testid="version-edit-comment">
                                <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| mode.set(Mode::EditComment))>{t!(i18n, versions.edit_comment)}</Button>
                            </span>
                        })}
                        // DocSpace never deletes the current version: restore another first.
                        {(rights.delete && !current).then(|| view! {
                            <span data-testid="version-delete">
                                <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| mode.set(Mode::ConfirmDelete))>{t!(i18n, rooms.menu.delete)}</Button>
                            </span>
                        })}
                    </div>
                }.into_any(),
                Mode::EditComment => view! {
                    <form class="versions__comment-form" data-testid="version-comment-form" on:submit=save_comment>
                        <TextField label=Signal::derive(move || t_string!(i18n, versions.comment_on, n).to_string()) value=draft/>
                        <Button appearance=ButtonAppearance::Primary submit=true busy=busy>{t!(i18n, common.save)}</Button>
                        <Button on_click=Callback::new(move |_| mode.set(Mode::Actions))>{t!(i18n, common.cancel)}</Button>
                    </form>
                }.into_any(),
                Mode::ConfirmDelete => view! {
                    <div class="versions__confirm" role="group" aria-label=move || t_string!(i18n, versions.delete_label, n).to_string()>
                        <span>{move || t_string!(i18n, versions.delete_question, n).to_string()}</span>
                        <span data-testid="version-confirm-delete">
                            <Button appearance=ButtonAppearance::Danger busy=busy on_click=run(VersionAction::Delete(n))>{t!(i18n, common.delete)}</Button>
                        </span>
                        <Button on_click=Callback::new(move |_| mode.set(Mode::Actions))>{t!(i18n, common.cancel)}</Button>
                    </div>
                }.into_any(),
            }}
        </li>
    }
}
