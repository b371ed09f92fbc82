//! Uploads: files from the button or dropped on the list, each sent in chunks with its own
//! progress bar and a cancel button. A cancelled upload stops sending chunks and its session is
//! aborted on the portal, so no partial file is left behind.

use std::collections::HashMap;

use docspace_api::Client;
use docspace_api::models::FolderId;
use futures::FutureExt;
use futures::channel::oneshot;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::components::ProgressBar;
use crate::errors::user_message;
use crate::locale::{self, format_size};

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
    Failed(String),
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

/// The page's uploads.
#[derive(Clone, Copy)]
pub struct Uploads {
    items: RwSignal<Vec<UploadItem>>,
    cancels: StoredValue<HashMap<u64, oneshot::Sender<()>>, LocalStorage>,
    next: StoredValue<u64>,
    client: StoredValue<Client, LocalStorage>,
}

impl Uploads {
    /// No uploads yet; they go through `client`.
    pub fn new(client: Client) -> Uploads {
        Uploads {
            items: RwSignal::new(Vec::new()),
            cancels: StoredValue::new_local(HashMap::new()),
            next: StoredValue::new(0),
            client: StoredValue::new_local(client),
        }
    }

    /// Uploads every file of `files` into `folder`; `on_stored` runs after each success.
    pub fn add(&self, files: web_sys::FileList, folder: FolderId, on_stored: Callback<()>) {
        for i in 0..files.length() {
            if let Some(file) = files.get(i) {
                self.start(file, folder.clone(), on_stored);
            }
        }
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

    fn start(&self, file: web_sys::File, folder: FolderId, on_stored: Callback<()>) {
        let id = self.next.get_value() + 1;
        self.next.set_value(id);
        let name = file.name();
        self.items.update(|items| {
            items.push(UploadItem {
                id,
                name: name.clone(),
                size: file.size() as u64,
                progress: 0.0,
                state: UploadState::Reading,
            })
        });
        let (tx, rx) = oneshot::channel::<()>();
        self.cancels.update_value(|c| {
            c.insert(id, tx);
        });
        let this = *self;
        leptos::task::spawn_local(async move {
            let outcome = this.run(id, file, folder, name, rx).await;
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
        file: web_sys::File,
        folder: FolderId,
        name: String,
        cancelled: oneshot::Receiver<()>,
    ) -> UploadState {
        let mut cancelled = cancelled.fuse();
        let bytes = futures::select! {
            b = read(&file).fuse() => b,
            _ = cancelled => return UploadState::Cancelled,
        };
        let data = match bytes {
            Ok(d) => d,
            Err(e) => return UploadState::Failed(e),
        };
        self.set(id, |i| i.state = UploadState::Sending);
        let client = self.client.get_value();
        let this = *self;
        let upload = client
            .uploads()
            .chunked(folder, name, data)
            .chunk_size(CHUNK)
            .create_new_if_exist(true)
            .on_progress(move |p| this.set(id, |i| i.progress = p.fraction()));
        let mut session = match upload.start().await {
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

/// The whole file, read in the browser.
async fn read(file: &web_sys::File) -> Result<Vec<u8>, String> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| format!("cannot read {}: {e:?}", file.name()))?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// The files of a drop event, if any.
pub fn dropped_files(ev: &leptos::ev::DragEvent) -> Option<web_sys::FileList> {
    ev.data_transfer()?.files().filter(|f| f.length() > 0)
}

/// The files chosen in an `<input type=file>`.
pub fn chosen_files(ev: &leptos::ev::Event) -> Option<web_sys::FileList> {
    ev.target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()
        .filter(|f| f.length() > 0)
}

/// The list of uploads with their progress.
#[component]
pub fn UploadList(uploads: Uploads) -> impl IntoView {
    let any_finished = move || {
        uploads.items.with(|items| {
            items
                .iter()
                .any(|i| !matches!(i.state, UploadState::Reading | UploadState::Sending))
        })
    };
    view! {
        <Show when=move || uploads.items.with(|i| !i.is_empty())>
            <section class="uploads" aria-label="Uploads" data-testid="uploads">
                <ul class="uploads__list">
                    <For each=move || uploads.items.get() key=|i| i.id let:item>
                        <UploadRow uploads=uploads id=item.id name=item.name.clone() size=item.size/>
                    </For>
                </ul>
                <Show when=any_finished>
                    <button type="button" class="btn btn--subtle" on:click=move |_| uploads.clear_finished()>
                        "Clear finished"
                    </button>
                </Show>
            </section>
        </Show>
    }
}

#[component]
fn UploadRow(uploads: Uploads, id: u64, name: String, size: u64) -> impl IntoView {
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
        UploadState::Reading => "Reading…".to_string(),
        UploadState::Sending => format!("{:.0} %", progress.get().unwrap_or(0.0) * 100.0),
        UploadState::Done => "Uploaded".to_string(),
        UploadState::Failed(e) => format!("Failed: {e}"),
        UploadState::Cancelled => "Cancelled".to_string(),
    };
    let active = move || matches!(state(), UploadState::Reading | UploadState::Sending);
    let label = format!("Uploading {name}");
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
                    aria-label=format!("Cancel uploading {name}")
                    data-testid="upload-cancel"
                    on:click=move |_| uploads.cancel(id)
                >
                    "Cancel"
                </button>
            </Show>
        </li>
    }
}
