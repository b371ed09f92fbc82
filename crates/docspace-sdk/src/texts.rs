//! The words the crate's components show (the file picker, a diagnosis and its retry button, the
//! frames' names), in English unless the embedding app supplies its own.
//!
//! The crate has no translations of its own and depends on no i18n library: an app that speaks
//! other languages builds a [`Texts`] from its translations and provides it once, above the
//! components, with [`provide_texts`]. It is a signal, so the components follow a change of
//! language without being created again. Fields not set keep their English default
//! (`..Texts::default()`).
//!
//! ```no_run
//! use docspace_sdk::texts::{Texts, provide_texts};
//! use leptos::prelude::*;
//!
//! #[component]
//! fn App() -> impl IntoView {
//!     let german = RwSignal::new(true);
//!     provide_texts(Signal::derive(move || {
//!         if german.get() {
//!             Texts { picker_cancel: "Abbrechen".into(), load_more: "Mehr laden".into(), ..Texts::default() }
//!         } else {
//!             Texts::default()
//!         }
//!     }));
//!     // … the app, with its FilePicker, DocSpace frames and so on …
//! }
//! ```
//!
//! Some texts are templates: `{name}`, `{n}`, `{max}`, `{place}`, `{tally}`, `{ids}` and the
//! diagnosis's `{portal}`, `{url}` and others are replaced as each field's documentation says;
//! keep them in a translation. Counts are put in as
//! digits; word a template so that it reads for any count ("Selected: {n}" rather than a plural
//! form), as the crate does not know the language's plural rules.

use std::borrow::Cow;

use leptos::prelude::*;

use crate::config::Mode;

/// One text, fixed or a template.
pub type Text = Cow<'static, str>;

/// Everything the components say. [`Texts::default`] is English.
#[derive(Debug, Clone, PartialEq)]
pub struct Texts {
    /// A diagnosis's retry button: "Try again".
    pub try_again: Text,
    /// The picker's name when its config sets none: "Choose files".
    pub picker_title: Text,
    /// The picker's confirm button when its config sets none: "Choose".
    pub picker_accept: Text,
    /// The picker's cancel button when its config sets none: "Cancel".
    pub picker_cancel: Text,
    /// The search field's name: "Search in this place".
    pub search_label: Text,
    /// The search field's placeholder: "Search".
    pub search_placeholder: Text,
    /// The type filter's name: "File type".
    pub file_type: Text,
    /// Type filter choices: "All types".
    pub type_all: Text,
    /// "Documents".
    pub type_documents: Text,
    /// "Spreadsheets".
    pub type_spreadsheets: Text,
    /// "Presentations".
    pub type_presentations: Text,
    /// "PDF".
    pub type_pdf: Text,
    /// "Images".
    pub type_images: Text,
    /// The breadcrumb's name: "Location".
    pub location: Text,
    /// The rooms list, in the breadcrumb and the tree: "Rooms".
    pub rooms: Text,
    /// A folder whose title is not known yet: "this folder".
    pub this_folder: Text,
    /// What a room row says it is: "Room".
    pub room: Text,
    /// A folder row's contents; `{n}` files: "{n} files".
    pub files_count: Text,
    /// The list's name; `{place}` is the room or folder: "Contents of {place}".
    pub contents_of: Text,
    /// An empty place: "Nothing here.".
    pub nothing_here: Text,
    /// A search without results: "Nothing matches the search.".
    pub nothing_matches: Text,
    /// While a page loads: "Loading…".
    pub loading: Text,
    /// The button that fetches the next page: "Load more".
    pub load_more: Text,
    /// The selected entries' list name: "Selected".
    pub selected_list: Text,
    /// The footer for a destination; `{place}` is the folder: "Into {place}".
    pub into: Text,
    /// How many are selected: "{n} selected".
    pub selected_count: Text,
    /// How many are selected, with a maximum: "{n} of at most {max} selected".
    pub selected_of_max: Text,
    /// A row's tick box: "Select {name}".
    pub select: Text,
    /// A ticked row's box and a chip's remove button: "Deselect {name}".
    pub deselect: Text,
    /// A row that may not be picked: "{name} cannot be selected".
    pub cannot_select: Text,
    /// Announced after loading: "{n} items in {place}.".
    pub items_in: Text,
    /// Announced after ticking; `{tally}` is the count sentence: "Selected {name}. {tally}".
    pub announce_selected: Text,
    /// Announced after unticking: "Deselected {name}. {tally}".
    pub announce_deselected: Text,
    /// Announced at the maximum: "Cannot select {name}: {tally} That is the maximum.".
    pub announce_limit: Text,
    /// Pre-selected files the portal did not find; `{ids}` lists them:
    /// "Some pre-selected files could not be found: {ids}.".
    pub missing_preselected: Text,
    /// What [`SdkError::diagnosis_in`](crate::SdkError::diagnosis_in) says of each problem.
    pub diagnosis: DiagnosisTexts,
    /// Each mode's frame, by name (frame titles, diagnoses).
    pub frames: FrameNames,
}

impl Default for Texts {
    fn default() -> Self {
        Texts {
            try_again: TRY_AGAIN.into(),
            picker_title: "Choose files".into(),
            picker_accept: "Choose".into(),
            picker_cancel: "Cancel".into(),
            search_label: "Search in this place".into(),
            search_placeholder: "Search".into(),
            file_type: "File type".into(),
            type_all: "All types".into(),
            type_documents: "Documents".into(),
            type_spreadsheets: "Spreadsheets".into(),
            type_presentations: "Presentations".into(),
            type_pdf: "PDF".into(),
            type_images: "Images".into(),
            location: "Location".into(),
            rooms: "Rooms".into(),
            this_folder: "this folder".into(),
            room: "Room".into(),
            files_count: "{n} files".into(),
            contents_of: "Contents of {place}".into(),
            nothing_here: "Nothing here.".into(),
            nothing_matches: "Nothing matches the search.".into(),
            loading: "Loading…".into(),
            load_more: "Load more".into(),
            selected_list: "Selected".into(),
            into: "Into {place}".into(),
            selected_count: "{n} selected".into(),
            selected_of_max: "{n} of at most {max} selected".into(),
            select: "Select {name}".into(),
            deselect: "Deselect {name}".into(),
            cannot_select: "{name} cannot be selected".into(),
            items_in: "{n} items in {place}.".into(),
            announce_selected: "Selected {name}. {tally}".into(),
            announce_deselected: "Deselected {name}. {tally}".into(),
            announce_limit: "Cannot select {name}: {tally} That is the maximum.".into(),
            missing_preselected: "Some pre-selected files could not be found: {ids}.".into(),
            diagnosis: DiagnosisTexts::default(),
            frames: FrameNames::default(),
        }
    }
}

/// One problem explained: what is wrong, the facts behind it, what to do about it
/// ([`Diagnosis`](crate::Diagnosis) once filled in).
#[derive(Debug, Clone, PartialEq)]
pub struct Explanation {
    /// One line: what is wrong.
    pub title: Text,
    /// The facts behind it.
    pub detail: Text,
    /// What to do about it.
    pub fix: Text,
}

impl Explanation {
    fn new(title: &'static str, detail: &'static str, fix: &'static str) -> Self {
        Explanation {
            title: title.into(),
            detail: detail.into(),
            fix: fix.into(),
        }
    }
}

/// The diagnoses of [`SdkError`](crate::SdkError)s, one [`Explanation`] per problem. Each field
/// names the slots its templates may use (`{s}` is a number of seconds).
#[derive(Debug, Clone, PartialEq)]
pub struct DiagnosisTexts {
    /// `{portal}`, `{detail}` (what the browser reported).
    pub portal_unreachable: Explanation,
    /// `{portal}`, `{detail}` (what was wrong with the answer).
    pub not_a_portal: Explanation,
    /// `{url}`.
    pub script_unreachable: Explanation,
    /// `{url}`.
    pub no_sdk: Explanation,
    /// `{url}`, `{s}`.
    pub load_timeout: Explanation,
    /// `{origin}` (this page), `{portal}`, `{allowed}` (the listed sites, or [`no_site`](Self::no_site)).
    pub csp_origin_missing: Explanation,
    /// The allowed sites when the portal lists none: "no site".
    pub no_site: Text,
    /// `{page}`, `{portal}`.
    pub mixed_content: Explanation,
    /// `{frame}` (its [name](FrameNames)), `{url}`, `{s}`.
    pub frame_not_ready: Explanation,
    /// `{portal}` (as given).
    pub invalid_portal: Explanation,
    /// A method without an answer: `{method}`, `{s}`.
    pub timeout: Explanation,
    /// The portal refused a sign-in: `{message}` (the portal's words).
    pub login_failed: Explanation,
    /// Any other problem: `{error}` (its detail line, from [`details`](Self::details)).
    pub other: Explanation,
    /// The detail lines of the problems that share [`other`](Self::other)'s title and fix.
    pub details: ErrorDetails,
}

/// The detail line of each problem that has no explanation of its own, with its facts (a
/// portal's or the SDK script's own message stays in its words).
#[derive(Debug, Clone, PartialEq)]
pub struct ErrorDetails {
    /// Called outside a browser page.
    pub no_window: Text,
    /// `api.js` refused to create the frame: `{reason}` (its words).
    pub mount_failed: Text,
    /// The frame went away before it answered.
    pub destroyed: Text,
    /// A method the frame's page does not have: `{method}`, `{frame}` (its [name](FrameNames)).
    pub wrong_mode: Text,
    /// The frame answered with an error: `{method}`, `{message}` (the frame's words).
    pub frame_failed: Text,
    /// The frame answered with data of another shape: `{method}`, `{detail}`.
    pub unexpected_reply: Text,
    /// An argument refused before sending: `{reason}`.
    pub invalid_argument: Text,
    /// The SDK or the frame reported an application error: `{message}` (its words).
    pub app_error: Text,
}

impl Default for ErrorDetails {
    fn default() -> Self {
        ErrorDetails {
            no_window: "There is no browser window: the SDK works only in a web page.".into(),
            mount_failed: "The SDK script could not create the frame: {reason}".into(),
            destroyed: "The frame was closed, or created again for a new configuration, before \
                        it answered."
                .into(),
            wrong_mode: "{method} is not available in the {frame}.".into(),
            frame_failed: "{method} failed in the frame: {message}".into(),
            unexpected_reply: "{method} answered with data the SDK does not understand: {detail}"
                .into(),
            invalid_argument: "An argument was refused before anything was sent: {reason}".into(),
            app_error: "DocSpace reported an error: {message}".into(),
        }
    }
}

impl Default for DiagnosisTexts {
    fn default() -> Self {
        let e = Explanation::new;
        DiagnosisTexts {
            portal_unreachable: e(
                "Cannot reach the DocSpace portal",
                "Nothing answered at {portal} ({detail}).",
                "Check that the portal address is right and the portal is running, and that \
                 this browser can open {portal}.",
            ),
            not_a_portal: e(
                "This address is not a DocSpace portal",
                "{portal} answered, but not like DocSpace: {detail}.",
                "Use the portal's own address (scheme, host and port, no path), e.g. \
                 https://yourname.onlyoffice.com.",
            ),
            script_unreachable: e(
                "The DocSpace SDK script did not load",
                "The browser could not load {url}.",
                "Open that URL in the browser: the portal must serve this SDK version. If it \
                 opens, this page's own Content-Security-Policy must allow scripts from the \
                 portal (script-src).",
            ),
            no_sdk: e(
                "The script is not the DocSpace SDK",
                "{url} loaded but defined no DocSpace.SDK.",
                "Check the portal address and the SDK version; a proxy or error page may be \
                 answering instead of the portal.",
            ),
            load_timeout: e(
                "The DocSpace SDK script is too slow",
                "{url} did not finish loading in {s} s.",
                "Check the network and the portal's load, then try again.",
            ),
            csp_origin_missing: e(
                "This site is not allowed to embed the portal",
                "{portal} allows embedding only from: {allowed}. This page is {origin}.",
                "As a DocSpace admin, add {origin} exactly (scheme, host and port) under \
                 Developer Tools → JavaScript SDK, or send it with POST /api/2.0/security/csp.",
            ),
            no_site: "no site".into(),
            mixed_content: e(
                "An HTTPS page cannot embed an HTTP portal",
                "This page is {page}; the portal is {portal}. Browsers block it as mixed content.",
                "Serve the portal over HTTPS (or, in development, the page over HTTP).",
            ),
            frame_not_ready: e(
                "DocSpace did not start in the frame",
                "The {frame} at {url} loaded but did not complete the SDK handshake in {s} s.",
                "Open the URL in a new tab: a sign-in page means there is no session (sign in \
                 through the system frame); an error page names the problem. If the browser \
                 blocks third-party cookies, host the portal on the same site as this page.",
            ),
            invalid_portal: e(
                "The portal address is not valid",
                "`{portal}` is not an origin.",
                "Give the portal as http(s)://host[:port], without a path.",
            ),
            timeout: e(
                "The frame did not answer",
                "{method} got no answer from the frame in {s} s.",
                "Try again; if it persists, check the portal's status.",
            ),
            login_failed: e(
                "The portal did not accept the sign-in",
                "{message}",
                "Check the e-mail address and password, then try again.",
            ),
            other: e(
                "DocSpace reported a problem",
                "{error}",
                "Try again; if it persists, check the portal's status.",
            ),
            details: ErrorDetails::default(),
        }
    }
}

/// What each mode's frame is called: the iframe's title and the name a diagnosis uses.
#[derive(Debug, Clone, PartialEq)]
pub struct FrameNames {
    /// "DocSpace file manager".
    pub manager: Text,
    /// "DocSpace document editor".
    pub editor: Text,
    /// "DocSpace document viewer".
    pub viewer: Text,
    /// "DocSpace room selector".
    pub room_selector: Text,
    /// "DocSpace file selector".
    pub file_selector: Text,
    /// "DocSpace system frame".
    pub system: Text,
    /// "DocSpace public room".
    pub public_room: Text,
}

impl FrameNames {
    /// The name of `mode`'s frame.
    pub fn of(&self, mode: Mode) -> &str {
        match mode {
            Mode::Manager => &self.manager,
            Mode::Editor => &self.editor,
            Mode::Viewer => &self.viewer,
            Mode::RoomSelector => &self.room_selector,
            Mode::FileSelector => &self.file_selector,
            Mode::System => &self.system,
            Mode::PublicRoom => &self.public_room,
        }
    }
}

impl Default for FrameNames {
    /// The English names, [`Mode::label`].
    fn default() -> Self {
        let n = |m: Mode| Text::from(m.label());
        FrameNames {
            manager: n(Mode::Manager),
            editor: n(Mode::Editor),
            viewer: n(Mode::Viewer),
            room_selector: n(Mode::RoomSelector),
            file_selector: n(Mode::FileSelector),
            system: n(Mode::System),
            public_room: n(Mode::PublicRoom),
        }
    }
}

/// A diagnosis's retry button in English ([`Texts::try_again`]'s default).
pub(crate) const TRY_AGAIN: &str = "Try again";

/// Context carrying the app's texts.
#[derive(Clone, Copy)]
struct ProvidedTexts(Signal<Texts>);

/// Makes the components below the calling one speak `texts` (reactively: a new value re-words
/// what is on screen). Without it they speak English.
pub fn provide_texts(texts: Signal<Texts>) {
    provide_context(ProvidedTexts(texts));
}

/// The texts in effect where the calling component is created.
pub fn use_texts() -> Signal<Texts> {
    provided_texts().unwrap_or_else(|| Signal::stored(Texts::default()))
}

/// The texts the app provided above the calling component, if it did. The frame components
/// read this rather than [`use_texts`]: without the app's texts they need only the English
/// diagnoses and frame names, and building a whole [`Texts::default`] linked the picker's words
/// into every page with a frame.
pub(crate) fn provided_texts() -> Option<Signal<Texts>> {
    use_context::<ProvidedTexts>().map(|p| p.0)
}

/// `template` with each `{key}` replaced by its value, in one pass: a value is never read as a
/// template itself (a portal's message or a URL may hold braces).
///
/// ```
/// use docspace_sdk::texts::fill;
/// assert_eq!(fill("{n} of at most {max} selected", &[("n", "2"), ("max", "5")]), "2 of at most 5 selected");
/// ```
pub fn fill(template: &str, values: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    // Splits rather than index ranges: no char-boundary panic in the wasm (see `crate::scan`).
    while let Some((text, after)) = rest.split_once('{') {
        out.push_str(text);
        let known = after.split_once('}').and_then(|(key, tail)| {
            values
                .iter()
                .find(|(k, _)| *k == key)
                .map(|(_, v)| (*v, tail))
        });
        match known {
            Some((value, tail)) => {
                out.push_str(value);
                rest = tail;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_are_filled_and_unknown_keys_left() {
        let t = Texts::default();
        assert_eq!(fill(&t.select, &[("name", "a.docx")]), "Select a.docx");
        assert_eq!(fill("{x} {n}", &[("n", "1")]), "{x} 1");
        assert_eq!(fill("{a}{b}", &[("a", "{b}"), ("b", "2")]), "{b}2");
        assert_eq!(fill("{ {n} }", &[("n", "1")]), "{ 1 }");
    }
}
