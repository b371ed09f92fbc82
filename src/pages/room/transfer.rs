//! Copy, move, delete, download, and Trash's restore, delete forever and empty: each starts a
//! file operation on the portal (`perform`), shown with its progress until it ends; the list
//! reloads afterwards.

use docspace_api::Client;
use docspace_api::models::{Entry, FolderId};
use leptos::prelude::*;

use super::perform::perform;
use crate::components::{ProgressBar, Toaster};
use crate::errors::user_message;

/// What to do with the chosen entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TransferKind {
    /// Copy to a folder.
    Copy,
    /// Move to a folder.
    Move,
    /// Delete (to the trash).
    Delete,
    /// Download: a file as it is, anything else as an archive.
    Download,
    /// Move out of the Trash, each entry back where it was deleted from.
    Restore,
    /// Delete for good (from the Trash).
    DeleteForever,
    /// Delete everything in the Trash for good.
    EmptyTrash,
}

impl TransferKind {
    fn verb(self) -> &'static str {
        match self {
            TransferKind::Copy => "Copying",
            TransferKind::Move => "Moving",
            TransferKind::Delete => "Deleting",
            TransferKind::Download => "Downloading",
            TransferKind::Restore => "Restoring",
            TransferKind::DeleteForever => "Deleting forever",
            TransferKind::EmptyTrash => "Emptying",
        }
    }

    fn done(self) -> &'static str {
        match self {
            TransferKind::Copy => "Copied",
            TransferKind::Move => "Moved",
            TransferKind::Delete => "Deleted",
            TransferKind::Download => "Downloaded",
            TransferKind::Restore => "Restored",
            TransferKind::DeleteForever => "Deleted forever",
            TransferKind::EmptyTrash => "Emptied",
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

/// "“a.docx”" or "3 items" (the Trash, for emptying it).
pub fn describe(entries: &[Entry]) -> String {
    match entries {
        [] => "the Trash".into(),
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
        if entries.is_empty() && kind != TransferKind::EmptyTrash {
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
            let report = |p: f64| {
                this.running.update(|r| {
                    if let Some(x) = r.iter_mut().find(|x| x.id == id) {
                        x.progress = Some(p);
                    }
                })
            };
            let outcome = perform(&client, kind, &entries, dest, report).await;
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
