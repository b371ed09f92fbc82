//! One version in a file's history: its number, revision, size, author, date and comment, with
//! restore, mark as revision (the current version), continue the previous revision (a version
//! that starts one), an inline comment editor, and delete behind a confirmation in the row.

use docspace_api::models::File;
use leptos::prelude::*;

use super::versions::VersionAction;
use crate::components::{Button, ButtonAppearance, TextField};

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
    let n = version.version;
    let size = version.content_length.clone().unwrap_or_default();
    let author = version
        .updated_by
        .as_ref()
        .or(version.created_by.as_ref())
        .map(|u| u.display_name.clone())
        .unwrap_or_default();
    let date = version
        .updated
        .map(|d| d.date_and_minutes())
        .unwrap_or_default();
    let comment = version.comment.clone().unwrap_or_default();
    let revision = version.version_group.map(|g| format!("revision {g}"));
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
                <span class="versions__number">{format!("Version {n}")}</span>
                {current.then(|| view! { <span class="versions__current">"current"</span> })}
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
                                <Button appearance=ButtonAppearance::Secondary busy=busy on_click=run(VersionAction::Restore(n))>"Restore"</Button>
                            </span>
                        })}
                        {(rights.edit && current).then(|| view! {
                            <span data-testid="version-mark">
                                <Button appearance=ButtonAppearance::Subtle busy=busy on_click=run(VersionAction::Mark(n))>"Mark as revision"</Button>
                            </span>
                        })}
                        {continues.filter(|_| rights.edit).map(|older| view! {
                            <span data-testid="version-continue">
                                <Button appearance=ButtonAppearance::Subtle busy=busy on_click=run(VersionAction::Continue(older))>"Continue previous revision"</Button>
                            </span>
                        })}
                        {rights.edit.then(|| view! {
                            <span data-testid="version-edit-comment">
                                <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| mode.set(Mode::EditComment))>"Edit comment"</Button>
                            </span>
                        })}
                        // DocSpace never deletes the current version: restore another first.
                        {(rights.delete && !current).then(|| view! {
                            <span data-testid="version-delete">
                                <Button appearance=ButtonAppearance::Subtle on_click=Callback::new(move |_| mode.set(Mode::ConfirmDelete))>"Delete…"</Button>
                            </span>
                        })}
                    </div>
                }.into_any(),
                Mode::EditComment => view! {
                    <form class="versions__comment-form" data-testid="version-comment-form" on:submit=save_comment>
                        <TextField label=format!("Comment on version {n}") value=draft/>
                        <Button appearance=ButtonAppearance::Primary submit=true busy=busy>"Save"</Button>
                        <Button on_click=Callback::new(move |_| mode.set(Mode::Actions))>"Cancel"</Button>
                    </form>
                }.into_any(),
                Mode::ConfirmDelete => view! {
                    <div class="versions__confirm" role="group" aria-label=format!("Delete version {n}?")>
                        <span>{format!("Delete version {n} for good?")}</span>
                        <span data-testid="version-confirm-delete">
                            <Button appearance=ButtonAppearance::Danger busy=busy on_click=run(VersionAction::Delete(n))>"Delete"</Button>
                        </span>
                        <Button on_click=Callback::new(move |_| mode.set(Mode::Actions))>"Cancel"</Button>
                    </div>
                }.into_any(),
            }}
        </li>
    }
}
