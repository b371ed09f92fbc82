//! Component styles, added to `<head>` once (thaw's `mount_style` pattern).

/// Adds `css` under `id` unless it is there already.
pub(crate) fn mount_style(id: &str, css: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if document.get_element_by_id(id).is_some() {
        return;
    }
    let (Ok(style), Some(head)) = (document.create_element("style"), document.head()) else {
        return;
    };
    style.set_id(id);
    style.set_text_content(Some(css));
    let _ = head.append_child(&style);
}
