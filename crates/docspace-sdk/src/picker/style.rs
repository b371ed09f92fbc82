//! The picker's stylesheet, added to the page once, so that the component works without any
//! CSS from its user. Colours come from custom properties with light/dark fallbacks; a page
//! can restyle it by setting `--ds-picker-*` variables.

const STYLE_ID: &str = "docspace-sdk-picker-style";
const CSS: &str = include_str!("picker.css");

/// Adds the stylesheet unless the page has it already.
pub fn ensure() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    if doc.get_element_by_id(STYLE_ID).is_some() {
        return;
    }
    let (Ok(style), Some(head)) = (doc.create_element("style"), doc.head()) else {
        return;
    };
    style.set_id(STYLE_ID);
    style.set_text_content(Some(CSS));
    let _ = head.append_child(&style);
}
