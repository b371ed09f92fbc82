//! Files a user hands the page, chosen in an `<input type=file>` or dropped on it, and read
//! whole in the browser: the room's uploads and the plugin packages on Apps and keys.

use wasm_bindgen::JsCast;

use crate::locale::Said;

/// The files chosen in an `<input type=file>`, if any.
pub fn chosen_files(ev: &leptos::ev::Event) -> Option<web_sys::FileList> {
    ev.target()?
        .dyn_into::<web_sys::HtmlInputElement>()
        .ok()?
        .files()
        .filter(|f| f.length() > 0)
}

/// Lets the same file be chosen again in the input `ev` came from (after a fix, or a retry):
/// an input whose value is unchanged fires no `change`.
pub fn forget_choice(ev: &leptos::ev::Event) {
    if let Some(input) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        input.set_value("");
    }
}

/// The whole file, read in the browser; the error names it, in the reader's language.
pub async fn read_whole(file: &web_sys::File) -> Result<Vec<u8>, Said> {
    let buffer = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|e| {
            // The browser's own report, as it gave it, after the app's sentence.
            let (name, report) = (file.name(), format!(" ({e:?})"));
            Said::new(move |l| {
                let text = crate::i18n::td_string!(l, room.uploads.unreadable, name = &name);
                format!("{text}{report}")
            })
        })?;
    Ok(js_sys::Uint8Array::new(&buffer).to_vec())
}

/// A file to upload and the folders it sits in under what was chosen or dropped (`Photos/2024`
/// for `Photos/2024/beach.jpg`; `None` for a file chosen or dropped by itself).
#[derive(Debug, Clone)]
pub struct Picked {
    /// The file.
    pub file: web_sys::File,
    /// Its folders, joined by `/`.
    pub dir: Option<String>,
}

impl Picked {
    /// A file by itself.
    pub fn loose(file: web_sys::File) -> Picked {
        Picked { file, dir: None }
    }

    /// Where it goes, as shown: `Photos/2024/beach.jpg`.
    pub fn shown_name(&self) -> String {
        match &self.dir {
            Some(d) => format!("{d}/{}", self.file.name()),
            None => self.file.name(),
        }
    }
}

/// Files DocSpace's web client leaves out of a folder upload: system files and hidden ones (a
/// name starting with a dot: its `createFoldersTree` and `getFilesFromEvent`,
/// ONLYOFFICE/DocSpace-client `packages/client/src/store/FilesActionsStore.js`,
/// `packages/shared/utils/get-files-from-event.ts`). Hidden folders are left out with what is
/// in them.
pub fn left_out(name: &str) -> bool {
    const SYSTEM: [&str; 2] = [".DS_Store", "Thumbs.db"];
    // DocSpace's test is `/(^|\/)\.[^\/\.]/`: a dot, then anything but a slash or a dot.
    let mut chars = name.chars();
    let hidden = chars.next() == Some('.') && chars.next().is_some_and(|c| c != '.' && c != '/');
    SYSTEM.contains(&name) || hidden
}

/// The files chosen in an `<input type=file webkitdirectory>`: each with its folders from the
/// file's `webkitRelativePath` (`Photos/2024/beach.jpg`: the chosen folder first), hidden and
/// system files left out.
pub fn chosen_folder(ev: &leptos::ev::Event) -> Vec<Picked> {
    let Some(files) = chosen_files(ev) else {
        return Vec::new();
    };
    (0..files.length())
        .filter_map(|i| files.get(i))
        .filter_map(|file| {
            let path = js_sys::Reflect::get(&file, &"webkitRelativePath".into())
                .ok()
                .and_then(|p| p.as_string())
                .unwrap_or_default();
            let mut parts: Vec<&str> = path.split('/').filter(|p| !p.is_empty()).collect();
            // The last part is the file's own name.
            parts.pop();
            if parts.iter().any(|p| left_out(p)) || left_out(&file.name()) {
                return None;
            }
            let dir = (!parts.is_empty()).then(|| parts.join("/"));
            Some(Picked { file, dir })
        })
        .collect()
}

// The File and Directory Entries API, as far as a drop needs it, bound by shape: web-sys has it
// behind features that would rebuild the web-sys every crate of the app shares.
#[wasm_bindgen::prelude::wasm_bindgen]
extern "C" {
    /// A `DataTransferItem`.
    type DropItem;
    #[wasm_bindgen(method, js_name = webkitGetAsEntry)]
    fn webkit_get_as_entry(this: &DropItem) -> Option<FsEntry>;
    #[wasm_bindgen(method, js_name = getAsFile)]
    fn get_as_file(this: &DropItem) -> Option<web_sys::File>;

    /// A `FileSystemEntry`: a file or a directory.
    type FsEntry;
    #[wasm_bindgen(method, getter, js_name = isDirectory)]
    fn is_directory(this: &FsEntry) -> bool;
    #[wasm_bindgen(method, getter)]
    fn name(this: &FsEntry) -> String;
    #[wasm_bindgen(method, js_name = createReader)]
    fn create_reader(this: &FsEntry) -> FsReader;
    #[wasm_bindgen(method)]
    fn file(this: &FsEntry, ok: &js_sys::Function, err: &js_sys::Function);

    /// A `FileSystemDirectoryReader`.
    type FsReader;
    #[wasm_bindgen(method, js_name = readEntries)]
    fn read_entries(this: &FsReader, ok: &js_sys::Function, err: &js_sys::Function);
}

/// What a drop brought, taken while the drop event lasts (its items are unreadable after).
pub struct Dropped(Vec<DroppedItem>);

enum DroppedItem {
    File(web_sys::File),
    Entry(FsEntry),
}

/// The items of a drop: folders as entries to walk ([`Dropped::files`]), files as they are.
/// Without the entries API (or on an item that has no entry) the item's file is taken.
pub fn dropped(ev: &leptos::ev::DragEvent) -> Dropped {
    let Some(dt) = ev.data_transfer() else {
        return Dropped(Vec::new());
    };
    let items = js_sys::Reflect::get(&dt, &"items".into()).ok();
    let count = items
        .as_ref()
        .and_then(|i| js_sys::Reflect::get(i, &"length".into()).ok())
        .and_then(|n| n.as_f64())
        .unwrap_or(0.0) as u32;
    let mut taken = Vec::new();
    for i in 0..count {
        let Some(item) = items
            .as_ref()
            .and_then(|list| js_sys::Reflect::get_u32(list, i).ok())
            .filter(|v| v.is_object())
        else {
            continue;
        };
        let kind = js_sys::Reflect::get(&item, &"kind".into())
            .ok()
            .and_then(|k| k.as_string());
        if kind.as_deref() != Some("file") {
            continue;
        }
        let item: DropItem = item.unchecked_into();
        let has_entries =
            js_sys::Reflect::get(&item, &"webkitGetAsEntry".into()).is_ok_and(|f| f.is_function());
        match has_entries.then(|| item.webkit_get_as_entry()).flatten() {
            Some(entry) if entry.is_directory() => taken.push(DroppedItem::Entry(entry)),
            _ => {
                if let Some(f) = item.get_as_file() {
                    taken.push(DroppedItem::File(f));
                }
            }
        }
    }
    if taken.is_empty()
        && let Some(files) = dt.files()
    {
        // No items (an older browser): the plain files.
        taken.extend(
            (0..files.length())
                .filter_map(|i| files.get(i))
                .map(DroppedItem::File),
        );
    }
    Dropped(taken)
}

impl Dropped {
    /// Whether nothing was dropped.
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Every file, the dropped folders walked to the bottom (hidden and system entries left
    /// out); the error names a folder or file the browser would not read.
    pub async fn files(self) -> Result<Vec<Picked>, Said> {
        let mut out = Vec::new();
        for item in self.0 {
            match item {
                DroppedItem::File(f) => {
                    if !left_out(&f.name()) {
                        out.push(Picked::loose(f));
                    }
                }
                DroppedItem::Entry(e) => walk(e, &mut out).await?,
            }
        }
        Ok(out)
    }
}

/// The files under the directory `top`, each with its folders from `top` down.
async fn walk(top: FsEntry, out: &mut Vec<Picked>) -> Result<(), Said> {
    let mut dirs = vec![(top.name(), top)];
    while let Some((path, dir)) = dirs.pop() {
        if path.split('/').any(left_out) {
            continue;
        }
        let reader = dir.create_reader();
        // `readEntries` gives a batch at a time (100 in Chromium), then an empty one.
        loop {
            let batch = callback_promise(|ok, err| reader.read_entries(ok, err))
                .await
                .map_err(|e| unreadable(&path, &e))?;
            let batch: js_sys::Array = batch.unchecked_into();
            if batch.length() == 0 {
                break;
            }
            for entry in batch.iter() {
                let entry: FsEntry = entry.unchecked_into();
                let name = entry.name();
                if left_out(&name) {
                    continue;
                }
                if entry.is_directory() {
                    dirs.push((format!("{path}/{name}"), entry));
                } else {
                    let file = callback_promise(|ok, err| entry.file(ok, err))
                        .await
                        .map_err(|e| unreadable(&format!("{path}/{name}"), &e))?;
                    out.push(Picked {
                        file: file.unchecked_into(),
                        dir: Some(path.clone()),
                    });
                }
            }
        }
    }
    Ok(())
}

/// A callback-style call (`ok(value)` or `err(error)`) awaited.
async fn callback_promise(
    call: impl FnOnce(&js_sys::Function, &js_sys::Function),
) -> Result<wasm_bindgen::JsValue, wasm_bindgen::JsValue> {
    let mut call = Some(call);
    let promise = js_sys::Promise::new(&mut |resolve, reject| {
        if let Some(call) = call.take() {
            call(&resolve, &reject);
        }
    });
    wasm_bindgen_futures::JsFuture::from(promise).await
}

/// "cannot read Photos/2024", with the browser's report after it.
fn unreadable(name: &str, e: &wasm_bindgen::JsValue) -> Said {
    let (name, report) = (name.to_string(), format!(" ({e:?})"));
    Said::new(move |l| {
        let text = crate::i18n::td_string!(l, room.uploads.unreadable, name = &name);
        format!("{text}{report}")
    })
}

#[cfg(test)]
mod tests {
    use super::left_out;

    #[test]
    fn hidden_and_system_entries_are_left_out_as_docspace_leaves_them() {
        for name in [".DS_Store", "Thumbs.db", ".git", ".hidden.txt", ".x"] {
            assert!(left_out(name), "{name}");
        }
        for name in ["photo.jpg", "Thumbs.db.bak", "a.DS_Store", ".", "..", "..x"] {
            assert!(!left_out(name), "{name}");
        }
    }
}
