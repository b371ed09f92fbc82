//! Copy, move and delete: each starts a file operation on the portal, shown with its progress
//! until it ends; the folder reloads afterwards.

use docspace_api::Client;
use docspace_api::models::{Entry, FileId, FolderId};
use leptos::prelude::*;

use crate::components::{ProgressBar, Toaster};
use crate::errors::user_message;
use crate::ops;

/// What to do with the chosen entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferKind {
    /// Copy to a folder.
    Copy,
    /// Move to a folder.
    Move,
    /// Delete (to the trash).
    Delete,
}

impl TransferKind {
    fn verb(self) -> &'static str {
        match self {
            TransferKind::Copy => "Copying",
            TransferKind::Move => "Moving",
            TransferKind::Delete => "Deleting",
        }
    }

    fn done(self) -> &'static str {
        match self {
            TransferKind::Copy => "Copied",
            TransferKind::Move => "Moved",
            TransferKind::Delete => "Deleted",
        }
    }
}

/// An operation in progress.
#[derive(Debug, Clone, PartialEq)]
struct Running {
    id: u64,
    label: String,
    progress: Option<f64>,
}

/// The page's running operations.
#[derive(Clone, Copy)]
pub struct Transfers {
    running: RwSignal<Vec<Running>>,
    next: StoredValue<u64>,
    client: StoredValue<Client, LocalStorage>,
    toaster: Toaster,
}

/// The ids of `entries`, files and folders apart.
fn split(entries: &[Entry]) -> (Vec<FileId>, Vec<FolderId>) {
    let mut files = Vec::new();
    let mut folders = Vec::new();
    for e in entries {
        match e {
            Entry::File(f) => files.push(f.id.clone()),
            Entry::Folder(f) => folders.push(f.id.clone()),
        }
    }
    (files, folders)
}

/// "“a.docx”" or "3 items".
pub fn describe(entries: &[Entry]) -> String {
    match entries {
        [one] => format!("“{}”", one.title()),
        many => format!("{} items", many.len()),
    }
}

impl Transfers {
    /// Operations through `client`, reported with `toaster`.
    pub fn new(client: Client, toaster: Toaster) -> Transfers {
        Transfers {
            running: RwSignal::new(Vec::new()),
            next: StoredValue::new(0),
            client: StoredValue::new_local(client),
            toaster,
        }
    }

    /// Starts `kind` on `entries` (into `dest` for copy and move); `on_done` runs when it ends.
    pub fn start(
        &self,
        kind: TransferKind,
        entries: Vec<Entry>,
        dest: Option<FolderId>,
        on_done: Callback<()>,
    ) {
        if entries.is_empty() {
            return;
        }
        let id = self.next.get_value() + 1;
        self.next.set_value(id);
        let what = describe(&entries);
        self.running.update(|r| {
            r.push(Running {
                id,
                label: format!("{} {what}", kind.verb()),
                progress: None,
            })
        });
        let this = *self;
        leptos::task::spawn_local(async move {
            let client = this.client.get_value();
            let (files, folders) = split(&entries);
            let started = match (kind, dest) {
                (TransferKind::Copy, Some(dest)) => {
                    client
                        .operations()
                        .copy(dest)
                        .files(files)
                        .folders(folders)
                        .send()
                        .await
                }
                (TransferKind::Move, Some(dest)) => {
                    client
                        .operations()
                        .move_to(dest)
                        .files(files)
                        .folders(folders)
                        .send()
                        .await
                }
                _ => {
                    client
                        .operations()
                        .delete()
                        .files(files)
                        .folders(folders)
                        .send()
                        .await
                }
            };
            let report = |p: f64| {
                this.running.update(|r| {
                    if let Some(x) = r.iter_mut().find(|x| x.id == id) {
                        x.progress = Some(p);
                    }
                })
            };
            let outcome = match started {
                Ok(op) => ops::follow(&client, op, report).await,
                Err(e) => Err(e),
            };
            this.running.update(|r| r.retain(|x| x.id != id));
            match outcome {
                Ok(_) => this.toaster.success(format!("{} {what}", kind.done())),
                Err(e) => this
                    .toaster
                    .error(format!("{} {what} failed", kind.verb()), user_message(&e)),
            }
            on_done.run(());
        });
    }
}

/// The running operations with their progress.
#[component]
pub fn TransferList(transfers: Transfers) -> impl IntoView {
    view! {
        <div class="transfers" aria-live="polite">
            <For
                each=move || transfers.running.get()
                key=|r| (r.id, r.progress.map(|p| (p * 100.0) as u32))
                let:op
            >
                <div class="transfers__item" data-testid="file-operation">
                    <span>{op.label.clone()} "…"</span>
                    <ProgressBar value=Signal::derive(move || op.progress) label=op.label.clone()/>
                </div>
            </For>
        </div>
    }
}
