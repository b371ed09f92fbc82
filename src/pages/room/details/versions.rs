//! A file's history in its details panel: every version (number, size, author, date, comment),
//! its revision; restoring one, marking the current version as a revision of its own, continuing
//! the previous revision, editing a version's comment, deleting an older version after
//! confirmation.
//! Each action is offered only where the file's `security` allows it (DocSpace's web UI shows
//! the history for `ReadHistory`, restore and comments for `EditHistory`, deleting versions for
//! `Delete`), and a refusal is shown in the section, beside what it concerns.

use docspace_api::Client;
use docspace_api::models::{File, FileId};
use leptos::prelude::*;

use super::version_row::{VersionAction, VersionRights, VersionRow};
use crate::components::{EmptyState, ErrorState, Loading};
use crate::errors::user_message;
use crate::i18n::{t, use_i18n};
use crate::locale::{Said, text};

/// The history section of `file`'s details. `on_changed` runs after a change that made a new
/// current version (the folder list shows the file's size and date).
#[component]
pub fn Versions(
    client: Client,
    file: File,
    #[prop(into)] on_changed: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let s = &file.security;
    if !s.can("ReadHistory") {
        return view! {
            <p class="muted" data-testid="versions-hidden">{t!(i18n, versions.hidden)}</p>
        }
        .into_any();
    }
    let rights = VersionRights {
        edit: s.can("EditHistory"),
        delete: s.can("Delete"),
    };
    let client = StoredValue::new_local(client);
    let id = StoredValue::new(file.id.clone());
    let reload = RwSignal::new(0u32);
    let history = LocalResource::new(move || {
        reload.track();
        async move {
            client
                .get_value()
                .files()
                .history(id.get_value())
                .await
                .map_err(|e| user_message(&e))
        }
    });
    let busy = RwSignal::new(false);
    let error = RwSignal::new(None::<Said>);
    let on_action = Callback::new(move |a: VersionAction| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        error.set(None);
        leptos::task::spawn_local(async move {
            let new_current = matches!(a, VersionAction::Restore(_) | VersionAction::Mark(_));
            match apply(&client.get_value(), id.get_value(), a).await {
                Ok(()) => {
                    if new_current {
                        on_changed.run(());
                    }
                }
                Err(e) => error.set(Some(e)),
            }
            busy.set(false);
            reload.update(|v| *v += 1);
        });
    });

    view! {
        <section class="details__section" data-testid="versions" aria-labelledby="versions-heading">
            <h3 id="versions-heading" class="details__heading">{t!(i18n, versions.title)}</h3>
            <p class="details__error" role="alert" data-testid="versions-error" hidden=move || error.with(Option::is_none)>
                {move || error.get().map(|e| e.shown())}
            </p>
            {move || match history.get() {
                None => view! { <Loading label=text!(i18n, versions.loading)/> }.into_any(),
                Some(Err(e)) => view! { <ErrorState title=text!(i18n, versions.load_failed) message=e/> }.into_any(),
                Some(Ok(list)) if list.is_empty() => view! { <EmptyState title=text!(i18n, versions.none)/> }.into_any(),
                Some(Ok(list)) => {
                    // Newest first: the first one is the current version.
                    let current = list.iter().map(|v| v.version).max().unwrap_or_default();
                    let starts = revision_starts(&list);
                    view! {
                        <ol class="versions" data-testid="version-list">
                            {list.into_iter().zip(starts).map(|(v, after)| {
                                let is_current = v.version == current;
                                view! { <VersionRow version=v current=is_current continues=after rights=rights busy=busy on_action=on_action/> }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
        </section>
    }
    .into_any()
}

/// Runs `action` on file `id`, waiting for a deletion to finish.
async fn apply(client: &Client, id: FileId, action: VersionAction) -> Result<(), Said> {
    let files = client.files();
    let done = match action {
        VersionAction::Restore(v) => files.restore_version(id, v).await.map(drop),
        VersionAction::Comment(v, text) => files.update_comment(id, v, text).await.map(drop),
        VersionAction::Delete(v) => files.delete_versions(id, [v]).wait().await.map(drop),
        VersionAction::Mark(v) => files.change_history(id, v).send().await.map(drop),
        VersionAction::Continue(v) => files
            .change_history(id, v)
            .continue_version(true)
            .send()
            .await
            .map(drop),
    };
    done.map_err(|e| user_message(&e))
}

/// For each version of `list` (newest first): the older version before it when it starts a
/// revision of its own (its group differs from that version's), else `None`.
fn revision_starts(list: &[File]) -> Vec<Option<u32>> {
    list.iter()
        .enumerate()
        .map(|(i, v)| {
            let older = list.get(i + 1)?;
            (older.version_group != v.version_group).then_some(older.version)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn version(n: u32, group: u32) -> File {
        serde_json::from_value(serde_json::json!({
            "id": 7, "title": "a.txt", "version": n, "versionGroup": group
        }))
        .expect("file")
    }

    #[test]
    fn a_version_starts_a_revision_when_its_group_differs_from_the_older_one() {
        let list = [version(4, 3), version(3, 2), version(2, 2), version(1, 1)];
        assert_eq!(revision_starts(&list), [Some(3), None, Some(1), None]);
        assert!(revision_starts(&[]).is_empty());
    }
}
