//! The inline bootstrap: a frame that does not wait for the wasm.
//!
//! Without it a page first fetches, compiles and runs its wasm, and only then loads `api.js` and
//! creates the frame. With it the page's HTML carries a small script ([`BOOTSTRAP_JS`]) that
//! starts loading the portal's `api.js` while the HTML is still being parsed, creates the frame
//! as soon as `DocSpace.SDK` exists, and buffers the frame's events. When the component (or
//! [`Frame::mount`](crate::Frame::mount)) starts, it **adopts** that frame and then owns it
//! exactly as one it created: config changes, destroy, the message guard, time limits,
//! diagnostics; the buffered events are delivered first, in the order they fired. The frame is
//! moved into the component's element with `moveBefore`, which keeps an iframe loaded (Chromium
//! 133+); where that is missing it stays where the HTML put it. Each bootstrapped frame marks
//! its first `onContentReady` on the performance timeline as `docspace:content-ready:<id>`, as
//! the bridge does for the frames it creates.
//!
//! [`Bootstrap::render`] writes the HTML for one frame: the element the frame appears in, the
//! frame's settings as an inert JSON block, and the script. The script is the same for every
//! frame and portal, so one CSP hash (`'sha256-…'` of [`BOOTSTRAP_JS`]) allows it everywhere;
//! JSON blocks are not scripts and need none. Nothing secret is in it: the portal, the script
//! version, the frame id and the frame's config (a public room's share key, if the config has
//! one, as the frame's own URL has it too).
//!
//! # The wasm after the frame
//!
//! A frame from the page's own site (a portal on `docs.example.com` embedded in
//! `app.example.com`) runs in the page's renderer process, so compiling and starting the page's
//! wasm at the same time slows the frame down. `window.__docspaceBoot.settled()` resolves once
//! every bootstrapped frame has shown its content or failed (or after 2 s): a page's loader can
//! start its wasm after it. With Trunk, `pattern_script` in `Trunk.toml` does that (see this
//! repository's `Trunk.toml`).
//!
//! # The guard before the wasm
//!
//! The bridge's guard (a capturing `message` listener) stops every message naming one of its
//! frames that does not come from that frame's window and the portal's origin, and every command
//! other than DocSpace's own two. Before the wasm runs there is no such guard, yet the frame
//! already talks to api.js. The bootstrap therefore installs, before `api.js` is even requested,
//! a capturing listener that applies the same rules to its frames: a message naming a
//! bootstrapped frame passes to api.js only if it is trusted, comes from that frame's
//! `contentWindow` and the portal's origin, is not a command other than `setConfig` and
//! `setIsLoaded`, and is not a reply api.js is not waiting for; everything else is stopped with
//! `stopImmediatePropagation` (and counted as refused when it came from elsewhere). Like the
//! bridge, it holds the frame's `setConfig` command back until api.js listens (the iframe's
//! first `load`) and replays it then.
//!
//! It judges in place rather than queueing everything until the wasm runs: api.js reveals the
//! manager and the editor (`onContentReady`) on the frame's `setIsLoaded` command, so holding
//! messages back for the wasm would put the wasm's start back in front of the frame.
//!
//! On adoption, in one turn of the event loop, the bridge registers its guard for the frame and
//! takes over the bootstrap's counters (replies api.js still waits for, refused messages, a
//! held-back command). Listeners on `window` run in the order they were added (seen in
//! Chromium: a listener added later, capturing or not, runs after api.js's), so only a listener
//! added before api.js's can stop a message from reaching it: the bootstrap's listener therefore
//! stays the gate for the adopted frame and hands each of its messages to the bridge's guard,
//! which judges it and marks it judged so that the guard's own listener leaves it alone.

mod adopt;
mod spec;

use crate::config::FrameConfig;
use crate::error::SdkError;
use crate::loader::{SdkVersion, normalize_portal};

pub(crate) use adopt::{Adopted, forget, take};
pub(crate) use spec::{same_spec, spec, with_title};

/// The bootstrap script: the same bytes for every frame (its settings are in the JSON block
/// just before it), so one CSP hash covers it. [`Bootstrap::render`] emits it.
pub const BOOTSTRAP_JS: &str = include_str!("bootstrap.js");

/// A handler whose mere presence changes what DocSpace does, so the bootstrap must know it
/// before the frame exists (the others are always subscribed).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum BootHandler {
    /// `onEditorOpen`: the manager then leaves opening files to the page.
    EditorOpen,
    /// `onEditorCloseCallback`: the editor reports its close button.
    EditorClose,
    /// `onFileManagerClick`: DocSpace leaves file clicks to the page.
    FileClick,
    /// `onDownload`: downloads go to the page (with `download_to_event`).
    Download,
}

impl BootHandler {
    fn event_name(self) -> &'static str {
        match self {
            BootHandler::EditorOpen => "onEditorOpen",
            BootHandler::EditorClose => "onEditorCloseCallback",
            BootHandler::FileClick => "onFileManagerClick",
            BootHandler::Download => "onDownload",
        }
    }
}

/// One bootstrapped frame, to render into a page's HTML.
///
/// ```
/// use docspace_sdk::{Bootstrap, ManagerConfig, SdkVersion, BOOTSTRAP_JS};
/// let html = Bootstrap::new("https://docs.example.com", "files", ManagerConfig::new())
///     .version(SdkVersion::V2_0_0)
///     .render()?;
/// assert!(html.starts_with(r#"<div id="files-slot" class="docspace-boot"><div id="files"></div></div>"#));
/// assert!(html.ends_with(&format!("<script>{BOOTSTRAP_JS}</script>")));
/// # Ok::<(), docspace_sdk::SdkError>(())
/// ```
#[derive(Debug, Clone)]
pub struct Bootstrap {
    portal: String,
    frame_id: String,
    config: FrameConfig,
    version: SdkVersion,
    title: Option<String>,
    handlers: Vec<BootHandler>,
    parked: bool,
}

impl Bootstrap {
    /// A frame of `config` from `portal`, known to api.js (and to the component that adopts it)
    /// as `frame_id`.
    pub fn new(portal: &str, frame_id: &str, config: impl Into<FrameConfig>) -> Bootstrap {
        Bootstrap {
            portal: portal.to_string(),
            frame_id: frame_id.to_string(),
            config: config.into(),
            version: SdkVersion::default(),
            title: None,
            handlers: Vec::new(),
            parked: false,
        }
    }

    /// The `api.js` version (default 2.1.0; the component must use the same).
    pub fn version(mut self, version: SdkVersion) -> Self {
        self.version = version;
        self
    }

    /// The iframe's title (default: the mode's name).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// The component will have this handler (see [`BootHandler`]).
    pub fn handles(mut self, handler: BootHandler) -> Self {
        if !self.handlers.contains(&handler) {
            self.handlers.push(handler);
        }
        self
    }

    /// For a page whose layout the wasm renders (a single-page app): the frame starts in a box
    /// over the whole window (the page's content, what the reader came for, shows first), and
    /// the component that adopts it moves it into its place with `moveBefore`, which keeps it
    /// loaded, and removes the box. Where the browser cannot move a live frame the component
    /// creates its own instead (correct, only not sooner). The box is styled by a `style`
    /// attribute (a page whose CSP forbids inline styles can style `.docspace-boot-parking`).
    pub fn parked(mut self) -> Self {
        self.parked = true;
        self
    }

    /// What belongs first in `<head>`, before the page's own scripts and styles: a preload of
    /// the portal's `api.js`, so that it is fetched first and runs (creating the frame) before the
    /// page's own scripts take the main thread, and a preconnect to the portal, whose frame page
    /// comes next. Optional; [`render`](Bootstrap::render) works without it, only later.
    pub fn head(&self) -> Result<String, SdkError> {
        let portal = normalize_portal(&self.portal)?;
        let script = self.version.script_url(&portal);
        // Both values went through URL parsing and carry no quote or angle bracket.
        Ok(format!(
            r#"<link rel="preconnect" href="{portal}"><link rel="preload" as="script" href="{script}">"#
        ))
    }

    /// `page` with this frame bootstrapped: [`head`](Bootstrap::head), the settings and the
    /// script before the page's first script, stylesheet or style (minifiers drop the `<head>`
    /// tag itself), and the frame's element first in `<body>`. For a server that writes a built page
    /// (as `docspace-host` does for the app's file page).
    pub fn write_into(&self, page: &str) -> Result<String, SdkError> {
        // The settings and the script go into <head> too: a script after a stylesheet waits for
        // it, and the page's stylesheet comes first. The script finds the frame's element later,
        // once api.js has loaded (or when the document is parsed).
        let (head, body) = (format!("{}{}", self.head()?, self.script()?), self.slot());
        let lower = page.to_ascii_lowercase();
        let no_body = || SdkError::MountFailed("the page has no <body> tag".into());
        let body_tag = lower.find("<body").ok_or_else(no_body)?;
        let body_at = lower[body_tag..]
            .find('>')
            .map(|end| body_tag + end + 1)
            .ok_or_else(no_body)?;
        let head_at = ["<script", "<link", "<style", "</head"]
            .iter()
            .filter_map(|tag| lower.find(tag))
            .min()
            .filter(|at| *at < body_tag)
            .unwrap_or(body_tag);
        Ok(format!(
            "{}{head}{}{body}{}",
            &page[..head_at],
            &page[head_at..body_at],
            &page[body_at..]
        ))
    }

    /// The HTML: the element the frame appears in (`#<frame_id>-slot`), the settings, the
    /// script. Put it where the frame should show, early in `<body>`.
    pub fn render(&self) -> Result<String, SdkError> {
        Ok(format!("{}{}", self.slot(), self.script()?))
    }

    /// The settings (an inert JSON block) and the script, without the element.
    fn script(&self) -> Result<String, SdkError> {
        let portal = normalize_portal(&self.portal)?;
        if !valid_frame_id(&self.frame_id) {
            return Err(SdkError::MountFailed(format!(
                "invalid frame id `{}`: use 1 to 64 ASCII letters, digits, `-` or `_`",
                self.frame_id
            )));
        }
        let wants = |name: &str| {
            crate::events::ALWAYS_SUBSCRIBED.contains(&name)
                || self.handlers.iter().any(|h| h.event_name() == name)
        };
        let spec = spec(&portal, self.version, &self.frame_id, &self.config, wants);
        let title = self
            .title
            .clone()
            .unwrap_or_else(|| self.config.mode().label().to_string());
        // `<` never appears raw (`write_str` escapes it), so no value can close the block.
        let json = with_title(&spec, &title);
        Ok(format!(
            r#"<script type="application/json">{json}</script><script>{BOOTSTRAP_JS}</script>"#
        ))
    }

    /// The element the frame appears in (in its box, if parked).
    fn slot(&self) -> String {
        let id = &self.frame_id;
        let slot =
            format!(r#"<div id="{id}-slot" class="docspace-boot"><div id="{id}"></div></div>"#);
        if self.parked {
            format!(
                r#"<div class="docspace-boot-parking" {PARKED_ATTR} style="position:fixed;inset:0;z-index:1">{slot}</div>"#
            )
        } else {
            slot
        }
    }
}

/// Marks the box a [`Bootstrap::parked`] frame waits in.
pub(crate) const PARKED_ATTR: &str = "data-docspace-parked";
/// A CSS selector for [`PARKED_ATTR`], written out so that no `format!` builds it at run time.
pub(crate) const PARKED_SELECTOR: &str = "[data-docspace-parked]";

/// Letters, digits, `-`, `_`: safe in an HTML id, a CSS selector and api.js's frame name.
fn valid_frame_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{EditorConfig, PublicRoomConfig};
    use serde_json::Value;

    #[test]
    fn the_parking_selector_names_the_parking_attribute() {
        assert_eq!(PARKED_SELECTOR, format!("[{PARKED_ATTR}]"));
    }

    #[test]
    fn the_script_is_small_and_the_same_for_every_frame() {
        assert!(BOOTSTRAP_JS.len() < 3_200, "{}", BOOTSTRAP_JS.len());
        let a = Bootstrap::new("http://127.0.0.1:1", "a", EditorConfig::new(1))
            .render()
            .unwrap();
        let b = Bootstrap::new("https://x.example.com/", "b", PublicRoomConfig::new("k"))
            .render()
            .unwrap();
        let script = format!("<script>{BOOTSTRAP_JS}</script>");
        assert!(a.ends_with(&script) && b.ends_with(&script));
    }

    #[test]
    fn a_bootstrap_matches_exactly_its_own_settings() {
        let wants = |_: &str| false;
        let spec_of = |c: crate::FrameConfig| {
            spec(
                "https://x.example.com",
                SdkVersion::default(),
                "f",
                &c,
                wants,
            )
        };
        let expected = spec_of(crate::ManagerConfig::new().root_path("/a<b/").into());
        let page = with_title(&expected, "My \"frame\" <title>");
        assert!(same_spec(&page, &expected));
        let other = spec_of(crate::ManagerConfig::new().root_path("/a<c/").into());
        assert!(!same_spec(&page, &other));
        // Anything besides one title after the settings is another spec.
        let head = expected.strip_suffix('}').unwrap_or_default();
        for forged in [
            format!(r#"{head},"title":"t","x":1}}"#),
            format!(r#"{head},"title":1}}"#),
            format!(r#"{head},"title":"t\"}}"#),
            expected.clone(),
        ] {
            assert!(!same_spec(&forged, &expected), "{forged}");
        }
    }

    #[test]
    fn settings_cannot_break_out_of_their_block() {
        let html = Bootstrap::new(
            "https://x.example.com",
            "f",
            crate::ManagerConfig::new().root_path("/</script><script>alert(1)</script>/"),
        )
        .title("</script>")
        .render()
        .unwrap();
        let json_block = html
            .split(r#"<script type="application/json">"#)
            .nth(1)
            .and_then(|r| r.split("</script>").next())
            .unwrap();
        assert!(!json_block.contains('<'));
        let v: Value = serde_json::from_str(json_block).unwrap();
        assert_eq!(
            v["config"]["rootPath"],
            "/</script><script>alert(1)</script>/"
        );
        assert_eq!(v["title"], "</script>");
        assert_eq!(v["portal"], "https://x.example.com");
        assert_eq!(v["config"]["frameId"], "f");
    }

    #[test]
    fn handlers_that_change_behaviour_are_in_the_settings() {
        let render = |b: Bootstrap| -> Value {
            let html = b.render().unwrap();
            let json = html
                .split(r#"<script type="application/json">"#)
                .nth(1)
                .and_then(|r| r.split("</script>").next())
                .unwrap()
                .to_string();
            serde_json::from_str(&json).unwrap()
        };
        let plain = render(Bootstrap::new("http://h:1", "e", EditorConfig::new(5)));
        let close = render(
            Bootstrap::new("http://h:1", "e", EditorConfig::new(5))
                .handles(BootHandler::EditorClose),
        );
        assert!(
            !plain["events"]
                .to_string()
                .contains("onEditorCloseCallback")
        );
        assert!(
            close["events"]
                .to_string()
                .contains("onEditorCloseCallback")
        );
        assert_eq!(close["config"]["editorGoBack"], "event");
        assert!(plain["events"].to_string().contains("onContentReady"));
    }

    #[test]
    fn a_parked_frame_starts_over_the_window() {
        let plain = Bootstrap::new("http://h:1", "e", EditorConfig::new(5))
            .render()
            .unwrap();
        assert!(plain.starts_with(r#"<div id="e-slot""#));
        let parked = Bootstrap::new("http://h:1", "e", EditorConfig::new(5))
            .parked()
            .render()
            .unwrap();
        assert!(parked.starts_with(r#"<div class="docspace-boot-parking" data-docspace-parked"#));
        assert!(parked.contains("position:fixed;inset:0"));
        assert!(
            parked.contains(
                r#"<div id="e-slot" class="docspace-boot"><div id="e"></div></div></div>"#
            )
        );
    }

    #[test]
    fn a_page_gets_hints_and_script_before_its_resources_and_the_frame_first_in_body() {
        let boot = Bootstrap::new("http://h:1", "e", EditorConfig::new(5));
        // As Trunk's minifier writes it: no <head> tag.
        let page = r#"<!doctype html><html lang=en><meta charset=utf-8><title>t</title><script type=module>x</script><link rel=modulepreload href=/a.js></head><BODY class=b><p>app</p></body></html>"#;
        let out = boot.write_into(page).unwrap();
        let head = format!("{}{}", boot.head().unwrap(), boot.script().unwrap());
        let body = boot.slot();
        assert!(
            boot.script()
                .unwrap()
                .starts_with(r#"<script type="application/json">"#)
        );
        assert_eq!(
            format!("{body}{}", boot.script().unwrap()),
            boot.render().unwrap()
        );
        assert_eq!(
            out,
            format!(
                r#"<!doctype html><html lang=en><meta charset=utf-8><title>t</title>{head}<script type=module>x</script><link rel=modulepreload href=/a.js></head><BODY class=b>{body}<p>app</p></body></html>"#
            )
        );
        assert!(head.contains(
            r#"<link rel="preload" as="script" href="http://h:1/static/scripts/sdk/2.1.0/api.js">"#
        ));
        let bare = boot.write_into("<body></body>").unwrap();
        assert_eq!(bare, format!("{head}<body>{body}</body>"));
        assert!(boot.write_into("<p>no body</p>").is_err());
    }

    #[test]
    fn bad_ids_and_portals_are_refused() {
        for id in ["", "a b", "x\"y", "é", &"a".repeat(65)] {
            assert!(
                Bootstrap::new("http://h:1", id, EditorConfig::new(1))
                    .render()
                    .is_err(),
                "{id}"
            );
        }
        assert!(
            Bootstrap::new("h", "ok", EditorConfig::new(1))
                .render()
                .is_err()
        );
    }
}
