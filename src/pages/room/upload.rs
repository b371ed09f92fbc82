//! Uploads: files from the button or dropped on the list, each sent in chunks with its own
//! progress bar and a cancel button. A cancelled upload stops sending chunks and its session is
//! aborted on the portal, so no partial file is left behind.
//!
//! Before sending, the app asks the portal which of the names the folder already holds
//! (`upload/check`) and, if any, whether to overwrite them (a new version of the file there),
//! keep both (the upload gets a free "name (1)" title) or skip them, as DocSpace's web UI does
//! (its `UploadDataStore.handleUploadConflicts`).
//!
//! A folder (chosen with "Upload folder" or dropped) goes file by file, each with its folders as
//! DocSpace's `relativePath`: the portal finds or creates them when the file's session opens.
//! Nothing is asked about them, as DocSpace's web client checks only the files that land in the
//! open folder itself (`handleUploadConflicts` skips the check when none does); a folder of the
//! same name there is the one the portal fills (its `FileUploader.GetFolderIdAsync` looks the
//! title up before creating), and a file whose name is taken in it is kept beside the other
//! ("name (1)"), as the web client sends folder contents with `CreateNewIfExist`. Sessions of
//! folder files open one at a time, so that two files never create the same folder twice.

use std::rc::Rc;

use std::collections::HashMap;

use docspace_api::Client;
use docspace_api::models::{ConflictResolve, FolderId};
use futures::FutureExt;
use futures::channel::oneshot;
use futures::lock::Mutex;
use leptos::prelude::*;

use super::conflict::{Clash, ConflictDialog};
use crate::components::ProgressBar;
use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::{self, Said, format_size};
use crate::picked_files::{Picked, read_whole};

/// Chunk size: small enough that progress moves visibly, large enough to keep requests few.
const CHUNK: usize = 2 << 20;

/// Where an upload stands.
#[derive(Debug, Clone, PartialEq)]
pub enum UploadState {
    /// Reading the file from disk.
    Reading,
    /// Sending chunks.
    Sending,
    /// Stored on the portal.
    Done,
    /// Failed with this message.
    Failed(Said),
    /// Cancelled by the user.
    Cancelled,
}

/// One file being uploaded.
#[derive(Debug, Clone, PartialEq)]
pub struct UploadItem {
    id: u64,
    name: String,
    size: u64,
    progress: f64,
    state: UploadState,
}

/// Files waiting for the user's answer about names the folder already holds.
struct Pending {
    files: Vec<Picked>,
    folder: FolderId,
    on_stored: Callback<()>,
    /// The names that clash, as the portal returned them (as asked).
    taken: Vec<String>,
}

/// The page's uploads.
#[derive(Clone, Copy)]
pub struct Uploads {
    items: RwSignal<Vec<UploadItem>>,
    cancels: StoredValue<HashMap<u64, oneshot::Sender<()>>, LocalStorage>,
    next: StoredValue<u64>,
    client: StoredValue<Client, LocalStorage>,
    /// Whether the clash question is open, and what it is about.
    asking: RwSignal<bool>,
    clash: RwSignal<Clash>,
    pending: StoredValue<Option<Pending>, LocalStorage>,
    /// Held while a folder file's session opens (the portal creates its folders then).
    opening: StoredValue<Rc<Mutex<()>>, LocalStorage>,
}

/// What to send for each file once the user has answered: `Some(create_new_if_exist)`, or
/// `None` to leave it out. Names that do not clash are sent as new files.
fn plan(choice: &ConflictResolve, taken: bool) -> Option<bool> {
    match (taken, choice) {
        (false, _) | (true, ConflictResolve::Duplicate) => Some(true),
        (true, ConflictResolve::Overwrite) => Some(false),
        (true, _) => None,
    }
}

impl Uploads {
    /// No uploads yet; they go through `client`.
    pub fn new(client: Client) -> Uploads {
        Uploads {
            items: RwSignal::new(Vec::new()),
            cancels: StoredValue::new_local(HashMap::new()),
            next: StoredValue::new(0),
            client: StoredValue::new_local(client),
            asking: RwSignal::new(false),
            clash: RwSignal::new(Clash::default()),
            pending: StoredValue::new_local(None),
            opening: StoredValue::new_local(Rc::new(Mutex::new(()))),
        }
    }

    /// Uploads every file of `files` into `folder`; `on_stored` runs after each success. If some
    /// names are taken there, the user is asked first.
    pub fn add(&self, files: web_sys::FileList, folder: FolderId, on_stored: Callback<()>) {
        // Taken out now: the input is emptied for the next choice as soon as this returns.
        let files = (0..files.length())
            .filter_map(|i| files.get(i))
            .map(Picked::loose)
            .collect();
        self.add_picked(files, folder, on_stored);
    }

    /// Uploads `picked` into `folder`, each file into its folders there; `on_stored` runs
    /// after each success. Files of their own whose names are taken in `folder` wait for the
    /// user's answer; files in folders go at once (see the module's notes).
    pub fn add_picked(&self, picked: Vec<Picked>, folder: FolderId, on_stored: Callback<()>) {
        let (in_folders, files): (Vec<Picked>, Vec<Picked>) =
            picked.into_iter().partition(|p| p.dir.is_some());
        for p in in_folders {
            self.start(p, folder.clone(), true, on_stored);
        }
        if files.is_empty() {
            return;
        }
        let this = *self;
        leptos::task::spawn_local(async move {
            let names: Vec<String> = files.iter().map(|f| f.file.name()).collect();
            let checked = this
                .client
                .get_value()
                .uploads()
                .check(folder.clone(), names)
                .await;
            match checked {
                Ok(taken) if taken.is_empty() => {
                    for file in files {
                        this.start(file, folder.clone(), true, on_stored);
                    }
                }
                Ok(taken) => {
                    this.clash.set(Clash {
                        names: taken.clone(),
                        folders: false,
                        files: true,
                        moving: false,
                    });
                    this.pending.set_value(Some(Pending {
                        files,
                        folder,
                        on_stored,
                        taken,
                    }));
                    this.asking.set(true);
                }
                // Nothing is sent blind: each file says why it was not uploaded.
                Err(e) => {
                    let message = user_message(&e);
                    for file in files {
                        this.push(&file, UploadState::Failed(message.clone()));
                    }
                }
            }
        });
    }

    /// The user's answer to the clash question: the waiting files go as it says.
    fn resolve(&self, choice: ConflictResolve) {
        let Some(p) = self.pending.try_update_value(Option::take).flatten() else {
            return;
        };
        for file in p.files {
            let taken = p.taken.contains(&file.file.name());
            if let Some(create_new) = plan(&choice, taken) {
                self.start(file, p.folder.clone(), create_new, p.on_stored);
            }
        }
    }

    /// The user closed the clash question without an answer: nothing is uploaded.
    fn cancel_pending(&self) {
        self.pending.set_value(None);
    }

    /// Lists `file` in `state`; returns its id.
    fn push(&self, file: &Picked, state: UploadState) -> u64 {
        let id = self.next.get_value() + 1;
        self.next.set_value(id);
        self.items.update(|items| {
            items.push(UploadItem {
                id,
                name: file.shown_name(),
                size: file.file.size() as u64,
                progress: 0.0,
                state,
            })
        });
        id
    }

    /// Removes finished, failed and cancelled uploads from the list.
    pub fn clear_finished(&self) {
        self.items.update(|items| {
            items.retain(|i| matches!(i.state, UploadState::Reading | UploadState::Sending))
        });
    }

    fn set(&self, id: u64, f: impl FnOnce(&mut UploadItem)) {
        self.items.update(|items| {
            if let Some(item) = items.iter_mut().find(|i| i.id == id) {
                f(item);
            }
        });
    }

    fn cancel(&self, id: u64) {
        if let Some(tx) = self.cancels.try_update_value(|c| c.remove(&id)).flatten() {
            let _ = tx.send(());
        }
    }

    /// Sends `file`; `create_new` is DocSpace's `createNewIfExist` (false: a same-named file
    /// gets a new version).
    fn start(&self, file: Picked, folder: FolderId, create_new: bool, on_stored: Callback<()>) {
        let id = self.push(&file, UploadState::Reading);
        let (tx, rx) = oneshot::channel::<()>();
        self.cancels.update_value(|c| {
            c.insert(id, tx);
        });
        let this = *self;
        leptos::task::spawn_local(async move {
            let outcome = this.run(id, file, folder, create_new, rx).await;
            this.cancels.update_value(|c| {
                c.remove(&id);
            });
            this.set(id, |i| i.state = outcome.clone());
            if outcome == UploadState::Done {
                on_stored.run(());
            }
        });
    }

    async fn run(
        &self,
        id: u64,
        picked: Picked,
        folder: FolderId,
        create_new: bool,
        cancelled: oneshot::Receiver<()>,
    ) -> UploadState {
        let mut cancelled = cancelled.fuse();
        let bytes = futures::select! {
            b = read_whole(&picked.file).fuse() => b,
            _ = cancelled => return UploadState::Cancelled,
        };
        let data = match bytes {
            Ok(d) => d,
            Err(e) => return UploadState::Failed(e),
        };
        self.set(id, |i| i.state = UploadState::Sending);
        let client = self.client.get_value();
        let this = *self;
        let mut upload = client
            .uploads()
            .chunked(folder, picked.file.name(), data)
            .chunk_size(CHUNK)
            .create_new_if_exist(create_new)
            .on_progress(move |p| this.set(id, |i| i.progress = p.fraction()));
        // A folder file's session creates its folders: one at a time (the lock is dropped as
        // soon as the session is open; the chunks go side by side).
        let lock = picked.dir.as_ref().map(|_| self.opening.get_value());
        let _opening = match &lock {
            Some(l) => Some(l.lock().await),
            None => None,
        };
        if let Some(dir) = picked.dir {
            upload = upload.relative_path(dir);
        }
        let opened = upload.start().await;
        drop(_opening);
        let mut session = match opened {
            Ok(s) => s,
            Err(e) => return UploadState::Failed(user_message(&e)),
        };
        let finished = {
            let run = session.run().fuse();
            futures::pin_mut!(run);
            futures::select! {
                r = run => Some(r),
                _ = cancelled => None,
            }
        };
        match finished {
            Some(Ok(_)) => {
                self.set(id, |i| i.progress = 1.0);
                UploadState::Done
            }
            Some(Err(e)) => UploadState::Failed(user_message(&e)),
            None => {
                // Dropping the run stopped further chunks; tell the portal to discard the rest.
                let _ = session.abort().await;
                UploadState::Cancelled
            }
        }
    }
}

/// The list of uploads with their progress.
#[component]
pub fn UploadList(uploads: Uploads) -> impl IntoView {
    let i18n = use_i18n();
    let any_finished = move || {
        uploads.items.with(|items| {
            items
                .iter()
                .any(|i| !matches!(i.state, UploadState::Reading | UploadState::Sending))
        })
    };
    view! {
        <ConflictDialog
            open=uploads.asking
            clash=uploads.clash
            on_choose=Callback::new(move |c| uploads.resolve(c))
            on_cancel=Callback::new(move |()| uploads.cancel_pending())
        />
        <Show when=move || uploads.items.with(|i| !i.is_empty())>
            <section class="uploads" aria-label=move || t_string!(i18n, room.uploads.list) data-testid="uploads">
                <ul class="uploads__list">
                    <For each=move || uploads.items.get() key=|i| i.id let:item>
                        <UploadRow uploads=uploads id=item.id name=item.name.clone() size=item.size/>
                    </For>
                </ul>
                <Show when=any_finished>
                    <button type="button" class="btn btn--subtle" on:click=move |_| uploads.clear_finished()>
                        {t!(i18n, room.uploads.clear_finished)}
                    </button>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn UploadRow(uploads: Uploads, id: u64, name: String, size: u64) -> impl IntoView {
    let i18n = use_i18n();
    let tag = locale::tag();
    let item = Memo::new(move |_| {
        uploads
            .items
            .with(|i| i.iter().find(|x| x.id == id).cloned())
    });
    let state = move || {
        item.get()
            .map(|i| i.state)
            .unwrap_or(UploadState::Cancelled)
    };
    let progress = Signal::derive(move || match state() {
        UploadState::Reading => None,
        UploadState::Done => Some(1.0),
        _ => item.get().map(|i| i.progress),
    });
    let status = move || match state() {
        UploadState::Reading => t_string!(i18n, room.uploads.reading).to_string(),
        UploadState::Sending => format!("{:.0} %", progress.get().unwrap_or(0.0) * 100.0),
        UploadState::Done => t_string!(i18n, room.uploads.done).to_string(),
        UploadState::Failed(e) => {
            t_string!(i18n, room.uploads.failed, reason = e.shown()).to_string()
        }
        UploadState::Cancelled => t_string!(i18n, room.uploads.cancelled).to_string(),
    };
    let active = move || matches!(state(), UploadState::Reading | UploadState::Sending);
    let label = {
        let name = name.clone();
        Signal::derive(move || t_string!(i18n, room.uploads.uploading, name = &name).to_string())
    };
    view! {
        <li class="uploads__item" data-testid="upload-item" data-state=move || match state() {
            UploadState::Reading | UploadState::Sending => "active",
            UploadState::Done => "done",
            UploadState::Failed(_) => "failed",
            UploadState::Cancelled => "cancelled",
        }>
            <span class="uploads__name">{name.clone()}</span>
            <span class="uploads__size muted">{move || format_size(size, tag.get())}</span>
            <ProgressBar value=progress label=label/>
            <span class="uploads__status" class:error-text=move || matches!(state(), UploadState::Failed(_))>{status}</span>
            <Show when=active>
                <button
                    type="button"
                    class="btn btn--subtle"
                    aria-label={
                        let name = name.clone();
                        move || t_string!(i18n, room.uploads.cancel_one, name = &name).to_string()
                    }
                    data-testid="upload-cancel"
                    on:click=move |_| uploads.cancel(id)
                >
                    {t!(i18n, common.cancel)}
                </button>
            </Show>
        </li>
    }
}

#[cfg(test)]
mod tests {
    use super::{ConflictResolve, plan};

    #[test]
    fn each_answer_sends_clashing_files_as_docspace_does() {
        assert_eq!(
            plan(&ConflictResolve::Overwrite, true),
            Some(false),
            "a new version"
        );
        assert_eq!(
            plan(&ConflictResolve::Duplicate, true),
            Some(true),
            "a new file"
        );
        assert_eq!(plan(&ConflictResolve::Skip, true), None, "left out");
        for c in [
            ConflictResolve::Overwrite,
            ConflictResolve::Duplicate,
            ConflictResolve::Skip,
        ] {
            assert_eq!(
                plan(&c, false),
                Some(true),
                "names that do not clash are sent"
            );
        }
    }
}
