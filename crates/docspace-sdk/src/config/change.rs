//! What it takes to move a live frame from one config to another.

use serde_json::{Map, Value};

use super::wire::Wire;
use super::{FrameConfig, Mode, ViewAs};

/// How a config change reaches a live frame.
#[derive(Debug, Clone, PartialEq)]
pub enum ConfigChange {
    /// Nothing the frame sees changed.
    Unchanged,
    /// DocSpace honours the change on the live frame.
    Live {
        /// The changed keys, sent with api.js's `setConfig` (empty: nothing to send).
        patch: Map<String, Value>,
        /// A new list layout, applied with `setListView` (the manager ignores `viewAs` in
        /// `setConfig`).
        list_view: Option<ViewAs>,
    },
    /// The frame must be created anew (its URL or its structure changes).
    Recreate,
}

/// Keys that shape the iframe itself: api.js reads them only when it creates the frame.
const STRUCTURAL: &[&str] = &["mode", "type", "name", "checkCSP", "noLoader", "waiting"];

/// Keys the manager's page reads from `setConfig` (besides its URL).
const MANAGER_LIVE: &[&str] = &[
    "theme",
    "locale",
    "showHeader",
    "showHeaderBanner",
    "showTitle",
    "showMenu",
    "showFilter",
    "showSignOut",
    "showSettings",
    "disableActionButton",
    "viewTableColumns",
    "infoPanelVisible",
    "downloadToEvent",
    "buttonColor",
];

/// Keys every mode can change live: the size (the bridge restyles the frame, and api.js must know
/// it for its next `setIsLoaded`) and the host-side destroy text.
const ALWAYS_LIVE: &[&str] = &["width", "height", "destroyText"];

impl FrameConfig {
    /// Classifies the move from `self` (what the frame shows) to `next`.
    ///
    /// ```
    /// use docspace_sdk::{ConfigChange, FrameConfig, Mode, Theme};
    /// let old = FrameConfig::new(Mode::Manager);
    /// assert!(matches!(old.change_to(&old.clone().theme(Theme::Dark), false), ConfigChange::Live { .. }));
    /// assert_eq!(old.change_to(&old.clone().id(5), false), ConfigChange::Recreate);
    /// assert_eq!(old.change_to(&old.clone(), false), ConfigChange::Unchanged);
    /// ```
    pub fn change_to(&self, next: &FrameConfig, editor_close_event: bool) -> ConfigChange {
        if self.mode != next.mode
            || self.frame_path(editor_close_event) != next.frame_path(editor_close_event)
        {
            return ConfigChange::Recreate;
        }
        // Both lists have the same keys in the same order.
        let old = self.settings(editor_close_event);
        let new = next.settings(editor_close_event);
        let changed: Vec<&(&'static str, Wire<'_>)> = new
            .iter()
            .zip(&old)
            .filter(|(n, o)| n != o)
            .map(|(n, _)| n)
            .collect();
        if changed.is_empty() {
            return ConfigChange::Unchanged;
        }
        if changed.iter().any(|(k, _)| STRUCTURAL.contains(k)) {
            return ConfigChange::Recreate;
        }
        // The editor reads its customization once, when the document editor starts.
        if matches!(self.mode, Mode::Editor | Mode::Viewer)
            && changed.iter().any(|(k, _)| *k == "editorCustomization")
        {
            return ConfigChange::Recreate;
        }
        let live = |k: &str| {
            ALWAYS_LIVE.contains(&k) || (self.mode == Mode::Manager && MANAGER_LIVE.contains(&k))
        };
        // Inserted one by one: collecting into a map sorts, and a sort is ~3 KB of wasm.
        let mut patch = Map::new();
        for (k, v) in changed.iter().filter(|(k, _)| live(k)) {
            patch.insert((*k).to_string(), v.to_value());
        }
        let list_view =
            (self.mode == Mode::Manager && self.view_as != next.view_as).then_some(next.view_as);
        ConfigChange::Live { patch, list_view }
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;
    use serde_json::Map;

    #[test]
    fn url_changes_recreate() {
        let s = FrameConfig::new(Mode::RoomSelector);
        assert_eq!(
            s.change_to(&s.clone().accept_button_label("Choose"), false),
            ConfigChange::Recreate
        );
        assert_eq!(
            s.change_to(&s.clone().with_mode(Mode::FileSelector), false),
            ConfigChange::Recreate
        );
        // The theme is in every URL but the manager's.
        assert_eq!(
            s.change_to(&s.clone().theme(Theme::Dark), false),
            ConfigChange::Recreate
        );
    }

    #[test]
    fn manager_settings_go_live() {
        let m = FrameConfig::new(Mode::Manager);
        let ConfigChange::Live { patch, list_view } = m.change_to(
            &m.clone()
                .theme(Theme::Dark)
                .show_menu(true)
                .view_as(ViewAs::Tile),
            false,
        ) else {
            panic!("expected a live change");
        };
        assert_eq!(patch.get("theme"), Some(&Value::from("Dark")));
        assert_eq!(patch.get("showMenu"), Some(&Value::from(true)));
        assert!(!patch.contains_key("viewAs"));
        assert_eq!(list_view, Some(ViewAs::Tile));
    }

    #[test]
    fn sizes_go_live_everywhere_and_structure_recreates() {
        let e = FrameConfig::new(Mode::Editor).id(1);
        let ConfigChange::Live { patch, .. } = e.change_to(&e.clone().height("480px"), false)
        else {
            panic!("expected a live change");
        };
        assert_eq!(patch.len(), 1);
        assert_eq!(
            e.change_to(&e.clone().frame_type(FrameType::Mobile), false),
            ConfigChange::Recreate
        );
        assert_eq!(
            e.change_to(
                &e.clone()
                    .editor_customization(EditorCustomization::default().zoom(90)),
                false
            ),
            ConfigChange::Recreate
        );
    }

    #[test]
    fn settings_a_mode_ignores_change_nothing_on_the_frame() {
        let s = FrameConfig::new(Mode::RoomSelector);
        assert_eq!(
            s.change_to(&s.clone().show_menu(true), false),
            ConfigChange::Live {
                patch: Map::new(),
                list_view: None
            }
        );
    }
}
