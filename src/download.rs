//! Downloads, as DocSpace's web UI offers them: one file as it is; several entries, or a folder,
//! as one archive the portal prepares (`PUT files/fileops/bulkdownload`, followed with its
//! progress), handed to the browser when ready.
//!
//! DocSpace's own pages open the file's `viewUrl` (or the archive's `url`) and let the portal's
//! session cookie authenticate it. This app's credentials are not a cookie of the portal's: the
//! bytes are fetched through the client (same origin, through the host's proxy of
//! `/filehandler.ashx`) and saved from a `blob:` URL under the name the portal gave them.

use docspace_api::models::{Entry, FileId, FolderId};
use docspace_api::{Client, Error};
use wasm_bindgen::JsCast;

/// Fetches `entries` (a file alone, else an archive), reporting the archive's progress (0–1),
/// and hands the result to the browser. Returns the saved name.
pub async fn download(
    client: &Client,
    entries: &[Entry],
    progress: impl Fn(f64),
) -> Result<String, Error> {
    let (name, bytes) = match entries {
        [Entry::File(f)] => (
            f.title.clone(),
            client.files().download(f.id.clone()).await?,
        ),
        _ => {
            let (files, folders) = ids(entries);
            let op = client
                .operations()
                .download()
                .files(files)
                .folders(folders)
                .send()
                .await?;
            let done = crate::ops::follow(client, op, progress).await?;
            let archive = client.operations().named_archive(&done).await?;
            let name = archive.name.unwrap_or_else(|| "download.zip".to_string());
            (name, archive.bytes)
        }
    };
    save(&bytes, &name).map_err(|m| Error::invalid("download", m))?;
    Ok(name)
}

/// The ids of `entries`, files and folders apart.
pub fn ids(entries: &[Entry]) -> (Vec<FileId>, Vec<FolderId>) {
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

/// The id of the one link the app keeps for its last download: the browser saves from it, and
/// it stays (hidden) until the next download replaces it, its old `blob:` URL revoked.
const LINK_ID: &str = "app-download";

/// Has the browser save `bytes` as `name`.
fn save(bytes: &[u8], name: &str) -> Result<(), String> {
    let fail = |what: &str| {
        crate::i18n::td_string!(crate::locale::current(), errors.not_saved, what).to_string()
    };
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or_else(|| fail("no document"))?;
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    let blob = web_sys::Blob::new_with_u8_array_sequence(&parts).map_err(|_| fail("blob"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| fail("URL"))?;
    if let Some(old) = document.get_element_by_id(LINK_ID) {
        if let Some(href) = old.get_attribute("href") {
            let _ = web_sys::Url::revoke_object_url(&href);
        }
        old.remove();
    }
    let link = document
        .create_element("a")
        .map_err(|_| fail("link"))?
        .dyn_into::<web_sys::HtmlElement>()
        .map_err(|_| fail("link"))?;
    link.set_id(LINK_ID);
    let _ = link.set_attribute("href", &url);
    let _ = link.set_attribute("download", name);
    let _ = link.set_attribute("hidden", "");
    let _ = link.set_attribute("data-testid", "download-link");
    document
        .body()
        .ok_or_else(|| fail("no body"))?
        .append_child(&link)
        .map_err(|_| fail("link"))?;
    link.click();
    Ok(())
}
