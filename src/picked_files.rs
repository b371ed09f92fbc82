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

/// The files of a drop event, if any.
pub fn dropped_files(ev: &leptos::ev::DragEvent) -> Option<web_sys::FileList> {
    ev.data_transfer()?.files().filter(|f| f.length() > 0)
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
