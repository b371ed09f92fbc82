//! Copy, move, delete, download, and Trash's restore, delete forever and empty: each starts a
//! file operation on the portal (`perform`), shown with its progress until it ends; the list
//! reloads afterwards. A copy, a move or a restore first asks the portal what it would clash
//! with in the destination (for a restore, each folder the entries were deleted from) and, if
//! anything, asks the user whether to overwrite, keep both or skip, as DocSpace's web UI does,
//! instead of letting the portal pick. DocSpace restores with a move and asks the same question
//! first (ONLYOFFICE/DocSpace-client `packages/client/src/components/FilesSelector/index.tsx`:
//! `checkFileConflicts` then the `ConflictResolveDialog`, for `isRestore` as for `isMove`).

use docspace_api::Client;
use docspace_api::models::{ConflictResolve, Entry, EntryBase, FileEntryType, FolderId};
use leptos::prelude::*;

use super::conflict::{Clash, ConflictDialog};
pub use super::perform::TransferKind;
use super::perform::{by_origin, perform};
use crate::components::{ProgressBar, Toaster};
use crate::download::ids;
use crate::errors::user_message;
use crate::i18n::{Locale, td_string};
use crate::locale::{Said, counted, said};

/// One text per kind at `stage` of `room.transfer` (`doing`, `done` or `failed`), each with the
/// entries described as `what`: a macro because leptos_i18n checks keys at compile time, so the
/// key cannot be chosen at run time.
macro_rules! transfer_text {
    ($kind:expr, $stage:ident, $what:expr, $locale:expr) => {{
        let (what, locale) = ($what, $locale);
        match $kind {
            TransferKind::Copy => td_string!(locale, room.transfer.$stage.copy, what).to_string(),
            TransferKind::Move => td_string!(locale, room.transfer.$stage.moving, what).to_string(),
            TransferKind::Delete => {
                td_string!(locale, room.transfer.$stage.delete, what).to_string()
            }
            TransferKind::Download => {
                td_string!(locale, room.transfer.$stage.download, what).to_string()
            }
            TransferKind::Restore => {
                td_string!(locale, room.transfer.$stage.restore, what).to_string()
            }
            TransferKind::DeleteForever => {
                td_string!(locale, room.transfer.$stage.delete_forever, what).to_string()
            }
            TransferKind::EmptyTrash => {
                td_string!(locale, room.transfer.$stage.empty_trash, what).to_string()
            }
        }
    }};
}

impl TransferKind {
    /// "Copying “a.txt”": the operation under way on `what`.
    fn under_way(self, what: &Said) -> Said {
        let what = what.clone();
        Said::new(move |l| transfer_text!(self, doing, what.in_locale(l), l))
    }

    /// "Copied 2 items": the operation done.
    fn finished(self, what: &Said) -> Said {
        let what = what.clone();
        Said::new(move |l| transfer_text!(self, done, what.in_locale(l), l))
    }

    /// "Copying 2 items failed".
    fn failed(self, what: &Said) -> Said {
        let what = what.clone();
        Said::new(move |l| transfer_text!(self, failed, what.in_locale(l), l))
    }
}

/// An operation in progress.
#[derive(Debug, Clone, PartialEq)]
struct Running {
    id: u64,
    label: Said,
    progress: Option<f64>,
}

/// A copy, move or restore waiting for the user's answer about name clashes.
struct Pending {
    kind: TransferKind,
    entries: Vec<Entry>,
    /// Where to (none for a restore: each entry's origin).
    dest: Option<FolderId>,
    on_done: Callback<()>,
    /// The clashing entries, as [`entry_key`]s.
    clashing: Vec<(bool, String)>,
}

/// The page's running operations.
#[derive(Clone, Copy)]
pub struct Transfers {
    running: RwSignal<Vec<Running>>,
    next: StoredValue<u64>,
    client: StoredValue<Client, LocalStorage>,
    toaster: Toaster,
    /// Whether the clash question is open, and what it is about.
    asking: RwSignal<bool>,
    clash: RwSignal<Clash>,
    pending: StoredValue<Option<Pending>, LocalStorage>,
}

/// An entry as (is a folder, id): files and folders are numbered apart.
fn entry_key(e: &Entry) -> (bool, String) {
    match e {
        Entry::File(f) => (false, f.id.to_string()),
        Entry::Folder(f) => (true, f.id.to_string()),
    }
}

/// A clash the portal reported, keyed as [`entry_key`].
fn clash_key(e: &EntryBase) -> (bool, String) {
    (
        e.file_entry_type == Some(FileEntryType::Folder),
        e.id.to_string(),
    )
}

/// What the dialog says about the portal's clashes (it lists folders first) for a copy or, if
/// `moving`, a move.
fn describe_clash(clashes: &[EntryBase], moving: bool) -> Clash {
    let folder = |e: &EntryBase| e.file_entry_type == Some(FileEntryType::Folder);
    Clash {
        names: clashes.iter().map(|e| e.title.clone()).collect(),
        folders: clashes.iter().any(folder),
        files: clashes.iter().any(|e| !folder(e)),
        moving,
    }
}

/// Whether `e` is already in `dest`.
fn is_in(e: &Entry, dest: &FolderId) -> bool {
    let parent = match e {
        Entry::File(f) => f.folder_id.as_ref(),
        Entry::Folder(f) => f.parent_id.as_ref(),
    };
    parent == Some(dest)
}

/// The entries left to send once the clashing files are skipped. A clashing folder is still
/// sent: with Skip the portal merges it into the folder of the same name, adding only what that
/// one lacks (DocSpace's `FileMoveCopyOperation.MoveOrCopyFoldersAsync`; its web client's
/// `ConflictResolveDialog` likewise sends every folder and leaves out only the clashing files).
fn without_clashing_files(entries: Vec<Entry>, clashing: &[(bool, String)]) -> Vec<Entry> {
    entries
        .into_iter()
        .filter(|e| matches!(e, Entry::Folder(_)) || !clashing.contains(&entry_key(e)))
        .collect()
}

/// "“a.docx”" or "3 items" (the Trash, for emptying it).
pub fn describe(entries: &[Entry], locale: Locale) -> String {
    match entries {
        [] => td_string!(locale, room.transfer.the_trash).into(),
        [one] => td_string!(locale, room.transfer.quoted, title = one.title()).to_string(),
        many => counted!(locale, many.len() as u64, room.transfer.items),
    }
}

/// [`describe`] worded when shown: the titles or the count are kept, not the sentence.
fn described(entries: &[Entry]) -> Said {
    match entries {
        [] => said!(room.transfer.the_trash),
        [one] => {
            let title = one.title().to_string();
            said!(room.transfer.quoted, title = &title)
        }
        many => {
            let n = many.len() as u64;
            Said::new(move |l| counted!(l, n, room.transfer.items))
        }
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
            asking: RwSignal::new(false),
            clash: RwSignal::new(Clash::default()),
            pending: StoredValue::new_local(None),
        }
    }

    /// Downloads `entries`: a file as it is, several or a folder as an archive.
    pub fn download(&self, entries: Vec<Entry>) {
        self.start(
            TransferKind::Download,
            entries,
            None,
            Callback::new(|()| {}),
        );
    }

    /// Starts `kind` on `entries` (into `dest` for copy and move); `on_done` runs when it ends.
    /// A copy or move that would clash with names in `dest` waits for the user's answer; if they
    /// cancel, nothing happens.
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
        match (kind, dest) {
            (TransferKind::Copy | TransferKind::Move, Some(dest)) => {
                self.check_then_run(kind, entries, dest, on_done)
            }
            (TransferKind::Restore, _) => self.check_restore_then_run(entries, on_done),
            (_, dest) => self.run(kind, entries, dest, None, on_done),
        }
    }

    /// Asks the portal what a copy or move would clash with; runs it at once if nothing, else
    /// opens the question.
    fn check_then_run(
        &self,
        kind: TransferKind,
        entries: Vec<Entry>,
        dest: FolderId,
        on_done: Callback<()>,
    ) {
        // An entry moved to where it already is is left out of the move. The portal leaves it
        // alone with Skip, but with Overwrite a file becomes a new version of itself and with
        // Duplicate a folder moves into a new one with a numbered title (DocSpace's
        // `MoveOrCopyFilesAsync` and `MoveOrCopyFoldersAsync` do), which no move there means.
        let entries: Vec<Entry> = match kind {
            TransferKind::Move => entries.into_iter().filter(|e| !is_in(e, &dest)).collect(),
            _ => entries,
        };
        if entries.is_empty() {
            self.toaster.info(said!(room.transfer.already_there));
            return;
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            let client = this.client.get_value();
            let (files, folders) = ids(&entries);
            let ops = client.operations();
            let op = if kind == TransferKind::Copy {
                ops.copy(dest.clone())
            } else {
                ops.move_to(dest.clone())
            };
            let checked = op.files(files).folders(folders).clashes().await;
            this.ask_or_run(checked, kind, entries, Some(dest), on_done);
        });
    }

    /// Asks the portal what restoring `entries` would clash with in the folders they were
    /// deleted from; restores at once if nothing, else opens the question (a restore is a
    /// move: keeping both keeps the names).
    fn check_restore_then_run(&self, entries: Vec<Entry>, on_done: Callback<()>) {
        let kind = TransferKind::Restore;
        let this = *self;
        leptos::task::spawn_local(async move {
            let client = this.client.get_value();
            let checked = async {
                let mut clashes = Vec::new();
                for (origin, group) in by_origin(&entries)? {
                    let (files, folders) = ids(&group);
                    let op = client.operations().move_to(origin);
                    clashes.extend(op.files(files).folders(folders).clashes().await?);
                }
                Ok::<_, docspace_api::Error>(clashes)
            };
            this.ask_or_run(checked.await, kind, entries, None, on_done);
        });
    }

    /// After the portal's answer on what a copy, move or restore of `entries` to `dest` would
    /// clash with: runs it if nothing, else keeps it waiting and opens the question.
    fn ask_or_run(
        &self,
        checked: Result<Vec<EntryBase>, docspace_api::Error>,
        kind: TransferKind,
        entries: Vec<Entry>,
        dest: Option<FolderId>,
        on_done: Callback<()>,
    ) {
        match checked {
            Ok(clashes) if clashes.is_empty() => self.run(kind, entries, dest, None, on_done),
            Ok(clashes) => {
                // A restore is a move.
                let moving = kind != TransferKind::Copy;
                self.clash.set(describe_clash(&clashes, moving));
                self.pending.set_value(Some(Pending {
                    kind,
                    entries,
                    dest,
                    on_done,
                    clashing: clashes.iter().map(clash_key).collect(),
                }));
                self.asking.set(true);
            }
            Err(e) => self
                .toaster
                .error(kind.failed(&described(&entries)), user_message(&e)),
        }
    }

    /// The user's answer to the clash question: the waiting copy or move runs with it (for
    /// Skip, without the clashing files, as DocSpace's web client leaves them out; clashing
    /// folders go, to be merged).
    fn resolve(&self, choice: ConflictResolve) {
        let Some(p) = self.pending.try_update_value(Option::take).flatten() else {
            return;
        };
        let entries = if choice == ConflictResolve::Skip {
            without_clashing_files(p.entries, &p.clashing)
        } else {
            p.entries
        };
        if entries.is_empty() {
            self.toaster.info(said!(room.transfer.nothing_to_do));
            return;
        }
        self.run(p.kind, entries, p.dest, Some(choice), p.on_done);
    }

    /// The user closed the clash question without an answer: the copy or move is dropped.
    fn cancel_pending(&self) {
        self.pending.set_value(None);
    }

    /// Runs an operation now, showing its progress.
    fn run(
        &self,
        kind: TransferKind,
        entries: Vec<Entry>,
        dest: Option<FolderId>,
        conflict: Option<ConflictResolve>,
        on_done: Callback<()>,
    ) {
        let id = self.next.get_value() + 1;
        self.next.set_value(id);
        let what = described(&entries);
        self.running.update(|r| {
            r.push(Running {
                id,
                label: kind.under_way(&what),
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
            let outcome = perform(&client, kind, &entries, dest, conflict, report).await;
            this.running.update(|r| r.retain(|x| x.id != id));
            match outcome {
                Ok(_) => this.toaster.success(kind.finished(&what)),
                Err(e) => this.toaster.error(kind.failed(&what), user_message(&e)),
            }
            on_done.run(());
        });
    }
}

/// The running operations with their progress, and the clash question when one is open.
#[component]
pub fn TransferList(transfers: Transfers) -> impl IntoView {
    view! {
        <ConflictDialog
            open=transfers.asking
            clash=transfers.clash
            on_choose=Callback::new(move |c| transfers.resolve(c))
            on_cancel=Callback::new(move |()| transfers.cancel_pending())
        />
        <div class="transfers" aria-live="polite">
            <For
                each=move || transfers.running.get()
                key=|r| (r.id, r.progress.map(|p| (p * 100.0) as u32))
                let:op
            >
                <div class="transfers__item" data-testid="file-operation">
                    <span>{let label = op.label.clone(); move || label.shown()} "…"</span>
                    <ProgressBar value=Signal::derive(move || op.progress) label=op.label.clone()/>
                </div>
            </For>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A folder "Seven" (id 7) and files "a.txt" (id 7) and "b.txt" (id 8).
    fn entries() -> Vec<Entry> {
        let content: docspace_api::models::FolderContent =
            serde_json::from_value(serde_json::json!({
                "folders": [{ "id": 7, "title": "Seven" }],
                "files": [{ "id": 7, "title": "a.txt" }, { "id": 8, "title": "b.txt" }],
                "current": { "id": 1, "title": "Here" },
            }))
            .expect("content");
        content.into_entries()
    }

    /// The titles of [`entries`] sent on when the user skips `clashes`.
    fn titles_left(clashes: &[EntryBase]) -> Vec<String> {
        let keys: Vec<_> = clashes.iter().map(clash_key).collect();
        without_clashing_files(entries(), &keys)
            .iter()
            .map(|e| e.title().to_string())
            .collect()
    }

    #[test]
    fn skipping_leaves_out_exactly_the_clashing_files() {
        // A file and a folder may share an id; only the clashing file goes.
        let clashes: Vec<EntryBase> = serde_json::from_value(serde_json::json!([
            { "id": 7, "title": "a.txt", "fileEntryType": 2 },
        ]))
        .expect("clashes");
        let left = titles_left(&clashes);
        assert_eq!(left, ["Seven", "b.txt"]);
        let clash = describe_clash(&clashes, false);
        assert_eq!(clash.names, ["a.txt"]);
        assert!(clash.files && !clash.folders && !clash.moving);
    }

    #[test]
    fn skipping_still_sends_a_clashing_folder_to_be_merged() {
        let clashes: Vec<EntryBase> = serde_json::from_value(serde_json::json!([
            { "id": 7, "title": "Seven", "fileEntryType": 1 },
        ]))
        .expect("clashes");
        let left = titles_left(&clashes);
        assert_eq!(left, ["Seven", "a.txt", "b.txt"]);
        assert!(describe_clash(&clashes, true).moving);
    }

    #[test]
    fn an_entry_knows_whether_it_is_already_in_the_destination() {
        let mut list = entries();
        if let Entry::File(f) = &mut list[1] {
            f.folder_id = Some(FolderId::from(1));
        }
        assert!(is_in(&list[1], &FolderId::from(1)));
        assert!(!is_in(&list[1], &FolderId::from(2)));
        assert!(!is_in(&list[2], &FolderId::from(1)), "no parent known");
    }
}
