//! What a bootstrapped frame starts with, as JSON text, and comparing it with what a component
//! would start.

use crate::config::FrameConfig;
use crate::config::wire::write_str;
use crate::loader::SdkVersion;

/// What the bootstrap starts the frame with; the adopter compares it with what it would start
/// (the title aside), so a frame is adopted only if it is exactly the one the component wants.
pub(crate) fn spec(
    portal: &str,
    version: SdkVersion,
    frame_id: &str,
    config: &FrameConfig,
    wants: impl Fn(&str) -> bool,
) -> String {
    // Written as text in a fixed order (no JSON tree): the adopter compares texts, and both
    // sides come from this function.
    let editor_close = wants("onEditorCloseCallback");
    let mut out = String::with_capacity(2048);
    out.push_str("{\"portal\":");
    write_str(&mut out, portal);
    out.push_str(",\"version\":");
    write_str(&mut out, version.as_str());
    out.push_str(",\"frameId\":");
    write_str(&mut out, frame_id);
    out.push_str(",\"config\":");
    out.push_str(&config.wire_text(portal, frame_id, editor_close));
    out.push_str(",\"filter\":[");
    for (i, (k, v)) in config.filter_pairs().iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        out.push('[');
        write_str(&mut out, k);
        out.push(',');
        v.write(&mut out);
        out.push(']');
    }
    out.push_str("],\"events\":[");
    let events = crate::bridge::instance::API_EVENTS
        .iter()
        .filter(|n| wants(n));
    for (i, n) in events.enumerate() {
        if i > 0 {
            out.push(',');
        }
        write_str(&mut out, n);
    }
    out.push_str("]}");
    // `<` never appears raw (the editor customization is serde's text), so no value can close
    // the page's `<script>` block.
    out.replace('<', "\\u003c")
}

/// The same text with the bootstrap's `title` last: [`spec`] without its closing brace, then
/// `,"title":"…"}`.
pub(crate) fn with_title(spec: &str, title: &str) -> String {
    let mut out = spec.strip_suffix('}').unwrap_or(spec).to_string();
    out.push_str(",\"title\":");
    write_str(&mut out, title);
    out.push('}');
    out
}

/// Whether `page` (a bootstrap's spec) is `expected` with a title: what [`with_title`] makes.
pub(crate) fn same_spec(page: &str, expected: &str) -> bool {
    let title = expected
        .strip_suffix('}')
        .and_then(|head| page.strip_prefix(head))
        .and_then(|rest| rest.strip_prefix(",\"title\":"))
        .and_then(|rest| rest.strip_suffix('}'));
    title.is_some_and(is_json_string)
}

/// One JSON string literal and nothing else.
fn is_json_string(s: &str) -> bool {
    let Some(inner) = s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) else {
        return false;
    };
    let mut escaped = false;
    for c in inner.chars() {
        match (escaped, c) {
            (true, _) => escaped = false,
            (false, '\\') => escaped = true,
            (false, '"') => return false,
            _ => {}
        }
    }
    !escaped
}
