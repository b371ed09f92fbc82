//! Typed frame configuration: every `TFrameConfig` field of the official SDK with its official
//! default (2.1.0), a builder, and one typed entry point per mode ([`modes`]).
//!
//! The bridge never hands a caller's value to api.js: each frame gets a fresh JSON object built
//! from the config, because api.js edits what it is given (it writes `filter.folder`, deletes
//! `withSubfolders` and drops `null` keys in place).

#[macro_use]
mod setters;

pub mod customization;
pub mod enums;
pub mod filter;
pub mod modes;

mod change;
mod culture;
mod share_key;
mod url;
pub(crate) mod wire;

use serde_json::Value;

pub use change::ConfigChange;
pub use culture::culture_for_language;
pub use customization::{Anonymous, EditorCustomization};
pub use enums::{
    EditorAction, EditorType, FilterParam, FrameType, HeaderBanner, Mode, RoomType, SelectorType,
    SortBy, SortOrder, Theme, ViewAs,
};
pub use filter::Filter;
pub use share_key::ShareKey;

use crate::model::ItemId;
use wire::Wire;

builder_struct! {
    /// The whole configuration of one frame: `TFrameConfig` without `src` (the portal, given
    /// separately), `frameId` (generated, unique per frame), `events` (Rust handlers, see
    /// [`FrameEvents`](crate::FrameEvents)) and `init` (only for script-tag auto-init).
    ///
    /// Defaults are the official SDK 2.1.0 defaults. Prefer the typed entry points in [`modes`]
    /// (e.g. [`RoomSelectorConfig`](modes::RoomSelectorConfig)), which only offer what each mode
    /// reads; this type is for the generic [`DocSpace`](crate::components::DocSpace) component.
    ///
    /// ```
    /// use docspace_sdk::{FrameConfig, Mode, Theme};
    ///
    /// let cfg = FrameConfig::new(Mode::Manager).theme(Theme::Dark).show_menu(true);
    /// assert_eq!(cfg.mode(), Mode::Manager);
    /// let wire = cfg.to_wire_json("https://portal.example.com", "f1", false);
    /// assert_eq!(wire["theme"], "Dark");
    /// assert_eq!(wire["showMenu"], true);
    /// assert_eq!(wire["rootPath"], "/rooms/shared/");
    /// ```
    #[derive(Debug, Clone, PartialEq)]
    pub struct FrameConfig {
        plain mode: Mode,
        plain id: Option<ItemId>,
        /// The manager's section (default `/rooms/shared/`; also `/rooms/personal/`,
        /// `/rooms/archived/`, `/files/favorite/`).
        into root_path: String,
        plain request_token: Option<ShareKey>,
        /// CSS width (default `100%`).
        into width: String,
        /// CSS height (default `100%`).
        into height: String,
        /// The `name` DocSpace uses to recognise that it is framed (default `frameDocSpace`).
        /// Changing it disables the frame features that depend on it (`onEditorOpen`,
        /// `onFileManagerClick`, `onDownload`, `onSignOut`): leave it unless you know why.
        into name: String,
        /// Desktop or mobile layout (default desktop).
        value frame_type: FrameType,
        /// The interface language, e.g. `"en-US"`. In the manager and system frames DocSpace
        /// also saves it as the signed-in user's language.
        option locale: String,
        /// Colour theme (default system).
        value theme: Theme,
        /// Editor layout (default desktop).
        value editor_type: EditorType,
        /// Whether the editor shows a way back (default true; with an `on_editor_close` handler
        /// the bridge asks DocSpace to send `onEditorCloseCallback` instead).
        value editor_go_back: bool,
        /// What the file selector lets the user browse (default all).
        value selector_type: SelectorType,
        /// Show the selectors' cancel button (default false).
        value show_selector_cancel: bool,
        /// Show the selectors' header (default false).
        value show_selector_header: bool,
        /// Show the manager's navigation header (default false).
        value show_header: bool,
        /// Which banners the manager shows (default none).
        value show_header_banner: HeaderBanner,
        /// Show the section title (default true).
        value show_title: bool,
        /// Show the manager's left menu (default false).
        value show_menu: bool,
        /// Show the filter bar (default false).
        value show_filter: bool,
        /// Offer sign-out in the profile menu (default true).
        value show_sign_out: bool,
        /// HTML shown where the frame was, after it is destroyed by api.js (the bridge removes it).
        into destroy_text: String,
        /// The manager's list layout (default rows; changed live through `setListView`).
        value view_as: ViewAs,
        /// The manager's table columns (default `Index,Name,Size,Type,Tags`).
        into view_table_columns: String,
        /// Check the portal's allowed-domains list before framing and explain a refusal
        /// (default true). The bridge runs this check itself, before the frame loads and with
        /// the browser's wildcard rules; api.js's own check is not used.
        value check_csp: bool,
        /// Disable the manager's main "+" button (default false).
        value disable_action_button: bool,
        /// Show the table settings (default false).
        value show_settings: bool,
        /// Create the frame without its iframe (default false; a 1.x leftover, such a frame
        /// cannot answer calls).
        value waiting: bool,
        /// No loading spinner (default true; api.js forces false for manager and system).
        value no_loader: bool,
        /// Search in the selectors (default true).
        value with_search: bool,
        /// Breadcrumbs in the file selector (default true).
        value with_bread_crumbs: bool,
        /// Subtitle in the file selector (default true).
        value with_subtitle: bool,
        /// What the file selector offers (default all files).
        into filter_param: FilterParam,
        /// Colour of the 1.x SDK button (unused by 2.x frames).
        into button_color: String,
        /// Show the info panel (default true; not read by current frames).
        value info_panel_visible: bool,
        /// Send downloads to `on_download` instead of downloading (default false).
        value download_to_event: bool,
        /// The manager's list filter.
        into filter: Filter,
        /// Editor options.
        into editor_customization: EditorCustomization,
        /// Room type filter of the selectors.
        option room_type: RoomType,
        /// Label of the selectors' accept button.
        option accept_button_label: String,
        /// Label of the selectors' cancel button.
        option cancel_button_label: String,
    }
}

impl Default for FrameConfig {
    fn default() -> Self {
        FrameConfig::new(Mode::Manager)
    }
}

impl FrameConfig {
    /// The official defaults for `mode`.
    pub fn new(mode: Mode) -> Self {
        FrameConfig {
            mode,
            id: None,
            root_path: "/rooms/shared/".into(),
            request_token: None,
            width: "100%".into(),
            height: "100%".into(),
            name: "frameDocSpace".into(),
            frame_type: FrameType::Desktop,
            locale: None,
            theme: Theme::System,
            editor_type: EditorType::Desktop,
            editor_go_back: true,
            selector_type: SelectorType::All,
            show_selector_cancel: false,
            show_selector_header: false,
            show_header: false,
            show_header_banner: HeaderBanner::None,
            show_title: true,
            show_menu: false,
            show_filter: false,
            show_sign_out: true,
            destroy_text: String::new(),
            view_as: ViewAs::Row,
            view_table_columns: "Index,Name,Size,Type,Tags".into(),
            check_csp: true,
            disable_action_button: false,
            show_settings: false,
            waiting: false,
            no_loader: true,
            with_search: true,
            with_bread_crumbs: true,
            with_subtitle: true,
            filter_param: FilterParam::All,
            button_color: "#5299E0".into(),
            info_panel_visible: true,
            download_to_event: false,
            filter: Filter::default(),
            editor_customization: EditorCustomization::default(),
            room_type: None,
            accept_button_label: None,
            cancel_button_label: None,
        }
    }

    /// The mode.
    ///
    /// ```
    /// use docspace_sdk::{FrameConfig, Mode, RoomSelectorConfig};
    /// assert_eq!(FrameConfig::from(RoomSelectorConfig::new()).mode(), Mode::RoomSelector);
    /// ```
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The room, folder or file id, if set.
    pub fn item_id(&self) -> Option<&ItemId> {
        self.id.as_ref()
    }

    /// Whether the bridge checks the portal's allowed-domains list before framing.
    pub fn checks_csp(&self) -> bool {
        self.check_csp
    }

    /// The manager filter's keys in the SDK's order (JSON objects here are sorted, but api.js
    /// builds the manager's URL in insertion order).
    pub(crate) fn filter_pairs(&self) -> Vec<(&'static str, Wire<'_>)> {
        self.filter.pairs()
    }

    /// The frame's CSS width and height.
    pub fn size(&self) -> (&str, &str) {
        (&self.width, &self.height)
    }

    /// The manager's list layout.
    pub fn view(&self) -> ViewAs {
        self.view_as
    }

    /// The layout type.
    pub fn layout(&self) -> FrameType {
        self.frame_type
    }

    /// The same config in another mode.
    pub fn with_mode(mut self, mode: Mode) -> Self {
        self.mode = mode;
        self
    }

    /// The folder or room (manager, public room, file selector) or file (editor, viewer) to open.
    pub fn id(mut self, id: impl Into<ItemId>) -> Self {
        self.id = Some(id.into());
        self
    }

    /// Clears the id.
    pub fn no_id(mut self) -> Self {
        self.id = None;
        self
    }

    /// The share key of a public room or shared file (`requestToken`).
    pub fn request_token(mut self, key: impl Into<ShareKey>) -> Self {
        self.request_token = Some(key.into());
        self
    }

    /// The config as api.js takes it, as a fresh JSON object: every `TFrameConfig` key except
    /// `events` (the bridge adds its handlers). `editor_close_event` asks DocSpace to report the
    /// editor's close button as `onEditorCloseCallback`; the bridge then sends `"event"` in the
    /// config too, which api.js alone forgets (its later `setConfig` would undo it).
    pub fn to_wire_json(&self, portal: &str, frame_id: &str, editor_close_event: bool) -> Value {
        serde_json::from_str(&self.wire_text(portal, frame_id, editor_close_event))
            .unwrap_or(Value::Null)
    }

    /// [`to_wire_json`](FrameConfig::to_wire_json) as JSON text, written without a JSON tree
    /// (what the bridge hands to `JSON.parse`).
    pub(crate) fn wire_text(
        &self,
        portal: &str,
        frame_id: &str,
        editor_close_event: bool,
    ) -> String {
        let mut pairs = self.settings(editor_close_event);
        for (k, v) in pairs.iter_mut() {
            // The bridge checks the CSP list itself before the frame exists (see `check_csp`).
            if *k == "checkCSP" {
                *v = Wire::Bool(false);
            }
        }
        pairs.push(("src", Wire::from(portal)));
        pairs.push(("frameId", Wire::from(frame_id)));
        let mut out = String::with_capacity(1024);
        wire::write_object(&mut out, &pairs);
        out
    }

    /// Every setting with its wire key, in a fixed order: for the wire config and for comparing
    /// two configs key by key.
    pub(crate) fn settings(&self, editor_close_event: bool) -> Vec<(&'static str, Wire<'_>)> {
        fn opt(v: &Option<String>) -> Wire<'_> {
            v.as_deref().into()
        }
        let go_back = if editor_close_event {
            Wire::from("event")
        } else {
            Wire::Bool(self.editor_go_back)
        };
        vec![
            ("mode", self.mode.as_str().into()),
            ("id", self.id.as_ref().map_or(Wire::Null, ItemId::to_wire)),
            ("rootPath", self.root_path.as_str().into()),
            (
                "requestToken",
                self.request_token.as_ref().map(ShareKey::expose).into(),
            ),
            ("width", self.width.as_str().into()),
            ("height", self.height.as_str().into()),
            ("name", self.name.as_str().into()),
            ("type", self.frame_type.as_str().into()),
            ("locale", opt(&self.locale)),
            ("theme", self.theme.as_str().into()),
            ("editorType", self.editor_type.as_str().into()),
            ("editorGoBack", go_back),
            ("selectorType", self.selector_type.as_str().into()),
            ("showSelectorCancel", self.show_selector_cancel.into()),
            ("showSelectorHeader", self.show_selector_header.into()),
            ("showHeader", self.show_header.into()),
            ("showHeaderBanner", self.show_header_banner.as_str().into()),
            ("showTitle", self.show_title.into()),
            ("showMenu", self.show_menu.into()),
            ("showFilter", self.show_filter.into()),
            ("showSignOut", self.show_sign_out.into()),
            ("destroyText", self.destroy_text.as_str().into()),
            ("viewAs", self.view_as.as_str().into()),
            ("viewTableColumns", self.view_table_columns.as_str().into()),
            ("checkCSP", self.check_csp.into()),
            ("disableActionButton", self.disable_action_button.into()),
            ("showSettings", self.show_settings.into()),
            ("waiting", self.waiting.into()),
            ("noLoader", self.no_loader.into()),
            ("withSearch", self.with_search.into()),
            ("withBreadCrumbs", self.with_bread_crumbs.into()),
            ("withSubtitle", self.with_subtitle.into()),
            ("filterParam", self.filter_param.as_wire().into()),
            ("buttonColor", self.button_color.as_str().into()),
            ("infoPanelVisible", self.info_panel_visible.into()),
            ("downloadToEvent", self.download_to_event.into()),
            ("filter", Wire::Json(self.filter.to_json_text())),
            (
                "editorCustomization",
                Wire::Json(self.editor_customization.wire_text()),
            ),
            (
                "roomType",
                self.room_type
                    .map_or(Wire::Null, |t| Wire::Int(i64::from(t.value()))),
            ),
            ("acceptButtonLabel", opt(&self.accept_button_label)),
            ("cancelButtonLabel", opt(&self.cancel_button_label)),
        ]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_the_official_2_1_0_defaults() {
        let w = FrameConfig::default().to_wire_json("http://p", "f", false);
        let expect: Value = serde_json::from_str(
            r##"{
            "src": "http://p", "frameId": "f", "mode": "manager", "id": null,
            "rootPath": "/rooms/shared/", "requestToken": null, "width": "100%", "height": "100%",
            "name": "frameDocSpace", "type": "desktop", "locale": null, "theme": "System",
            "editorType": "desktop", "editorGoBack": true, "selectorType": "all",
            "showSelectorCancel": false, "showSelectorHeader": false, "showHeader": false,
            "showHeaderBanner": "none", "showTitle": true, "showMenu": false, "showFilter": false,
            "showSignOut": true, "destroyText": "", "viewAs": "row",
            "viewTableColumns": "Index,Name,Size,Type,Tags", "checkCSP": false,
            "disableActionButton": false, "showSettings": false, "waiting": false,
            "noLoader": true, "withSearch": true, "withBreadCrumbs": true, "withSubtitle": true,
            "filterParam": "ALL", "buttonColor": "#5299E0", "infoPanelVisible": true,
            "downloadToEvent": false,
            "filter": {"count": "100", "page": "1", "sortOrder": "descending",
                       "sortBy": "DateAndTime", "search": "", "withSubfolders": false},
            "editorCustomization": {}, "roomType": null, "acceptButtonLabel": null,
            "cancelButtonLabel": null
        }"##,
        )
        .unwrap_or(Value::Null);
        assert_eq!(w, expect);
    }

    #[test]
    fn editor_close_handler_sends_event_in_the_config() {
        let w = FrameConfig::new(Mode::Editor).to_wire_json("http://p", "f", true);
        assert_eq!(w["editorGoBack"], "event");
    }

    #[test]
    fn share_keys_stay_out_of_debug_output() {
        let cfg = FrameConfig::new(Mode::PublicRoom).request_token("s3cr3t-key");
        assert!(!format!("{cfg:?}").contains("s3cr3t"));
        assert_eq!(
            cfg.to_wire_json("http://p", "f", false)["requestToken"],
            "s3cr3t-key"
        );
    }

    #[test]
    fn each_wire_object_is_fresh() {
        let cfg = FrameConfig::default().id(5);
        let mut a = cfg.to_wire_json("http://p", "f", false);
        a["filter"]["folder"] = "x".into();
        let b = cfg.to_wire_json("http://p", "f", false);
        assert!(b["filter"].get("folder").is_none());
    }
}
