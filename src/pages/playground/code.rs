//! The playground's settings, the frame config they make, and the code that makes the same frame
//! in a Leptos app or a plain HTML page.

use docspace_sdk::{FrameConfig, Mode, SdkVersion, Theme};
use serde_json::{Map, Value};

/// What the playground's form sets.
#[derive(Debug, Clone, PartialEq)]
pub struct Settings {
    pub mode: Mode,
    /// File id (editor, viewer) or folder/room id (manager, file selector, public room).
    pub id: String,
    /// A public room's share key.
    pub share_key: String,
    pub theme: Theme,
    pub height: String,
    pub show_header: bool,
    pub show_title: bool,
    pub show_menu: bool,
    pub show_filter: bool,
    pub show_selector_header: bool,
    pub show_selector_cancel: bool,
    pub with_search: bool,
}

impl Default for Settings {
    fn default() -> Self {
        let d = FrameConfig::new(Mode::Manager);
        let wire = d.to_wire_json("", "", false);
        let flag = |k: &str| wire.get(k).and_then(Value::as_bool).unwrap_or_default();
        Settings {
            mode: Mode::Manager,
            id: String::new(),
            share_key: String::new(),
            theme: Theme::System,
            height: "100%".into(),
            show_header: flag("showHeader"),
            show_title: flag("showTitle"),
            show_menu: flag("showMenu"),
            show_filter: flag("showFilter"),
            show_selector_header: flag("showSelectorHeader"),
            show_selector_cancel: flag("showSelectorCancel"),
            with_search: flag("withSearch"),
        }
    }
}

/// What the id field holds for a mode (its label is worded in `mod.rs`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IdField {
    /// The file to open (editor, viewer).
    File,
    /// The room or folder to start in, optional (manager, file selector).
    Folder,
    /// A folder in the public room, optional.
    PublicRoomFolder,
}

/// What a mode still needs before its frame can start.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Missing {
    /// The editor and viewer need a file id.
    File,
    /// A public room needs its share key.
    ShareKey,
}

/// Which fields a mode reads.
pub struct Applies {
    pub id: Option<IdField>,
    pub share_key: bool,
    pub manager_flags: bool,
    pub selector_flags: bool,
}

impl Settings {
    /// The fields that mean something for the chosen mode (the form shows only these).
    pub fn applies(mode: Mode) -> Applies {
        Applies {
            id: match mode {
                Mode::Editor | Mode::Viewer => Some(IdField::File),
                Mode::Manager | Mode::FileSelector => Some(IdField::Folder),
                Mode::PublicRoom => Some(IdField::PublicRoomFolder),
                Mode::RoomSelector | Mode::System => None,
            },
            share_key: mode == Mode::PublicRoom,
            manager_flags: mode == Mode::Manager,
            selector_flags: mode.is_selector(),
        }
    }

    /// Whether the chosen mode can start (the editor and viewer need a file, a public room its key).
    pub fn missing(&self) -> Option<Missing> {
        match self.mode {
            Mode::Editor | Mode::Viewer if self.id.trim().is_empty() => Some(Missing::File),
            Mode::PublicRoom if self.share_key.trim().is_empty() => Some(Missing::ShareKey),
            _ => None,
        }
    }

    /// The frame config these settings make.
    pub fn config(&self) -> FrameConfig {
        let a = Settings::applies(self.mode);
        let mut c = FrameConfig::new(self.mode).theme(self.theme);
        let height = self.height.trim();
        if !height.is_empty() {
            c = c.height(height);
        }
        if a.id.is_some() && !self.id.trim().is_empty() {
            c = c.id(self.id.trim());
        }
        if a.share_key && !self.share_key.trim().is_empty() {
            c = c.request_token(self.share_key.trim());
        }
        if a.manager_flags {
            c = c
                .show_header(self.show_header)
                .show_title(self.show_title)
                .show_menu(self.show_menu)
                .show_filter(self.show_filter);
        }
        if a.selector_flags {
            c = c
                .show_selector_header(self.show_selector_header)
                .show_selector_cancel(self.show_selector_cancel)
                .with_search(self.with_search);
        }
        c
    }

    /// Leptos code that embeds the same frame with `docspace-sdk`.
    pub fn leptos(&self, portal: &str) -> String {
        let a = Settings::applies(self.mode);
        let base = FrameConfig::new(self.mode);
        let mut calls = Vec::new();
        if a.id.is_some() && !self.id.trim().is_empty() {
            calls.push(format!(".id({})", rust_str(self.id.trim())));
        }
        if a.share_key && !self.share_key.trim().is_empty() {
            calls.push(format!(
                ".request_token({})",
                rust_str(self.share_key.trim())
            ));
        }
        if self.theme != Theme::System {
            calls.push(format!(".theme(Theme::{:?})", self.theme));
        }
        let height = self.height.trim();
        if !height.is_empty() && height != base.size().1 {
            calls.push(format!(".height({})", rust_str(height)));
        }
        let wire = self.config().to_wire_json(portal, "", false);
        let base_wire = base.to_wire_json(portal, "", false);
        let flags: &[(&str, &str)] = &[
            ("showHeader", "show_header"),
            ("showTitle", "show_title"),
            ("showMenu", "show_menu"),
            ("showFilter", "show_filter"),
            ("showSelectorHeader", "show_selector_header"),
            ("showSelectorCancel", "show_selector_cancel"),
            ("withSearch", "with_search"),
        ];
        for (key, setter) in flags {
            if wire.get(key) != base_wire.get(key) {
                let on = wire.get(key).and_then(Value::as_bool).unwrap_or_default();
                calls.push(format!(".{setter}({on})"));
            }
        }
        let theme_import = if self.theme != Theme::System {
            ", Theme"
        } else {
            ""
        };
        let mut config = format!("FrameConfig::new(Mode::{:?})", self.mode);
        for c in &calls {
            config.push_str("\n                ");
            config.push_str(c);
        }
        format!(
            r#"use docspace_sdk::{{FrameConfig, FrameEvent, Mode{theme_import}, components::DocSpace}};
use leptos::prelude::*;

#[component]
pub fn Embedded() -> impl IntoView {{
    view! {{
        <DocSpace
            portal={portal}
            config={config}
            on_event=|e: FrameEvent| leptos::logging::log!("{{e:?}}")
            on_error=|e: docspace_sdk::SdkError| leptos::logging::warn!("{{}}", e.diagnosis().fix)
        />
    }}
}}
"#,
            portal = rust_str(portal),
        )
    }

    /// A plain HTML page that embeds the same frame with the portal's `api.js`: only the keys
    /// that differ from api.js's defaults, plus the ones every frame names.
    pub fn html(&self, portal: &str, version: SdkVersion) -> String {
        const FRAME_ID: &str = "ds-frame";
        let mut wire = self.config().to_wire_json(portal, FRAME_ID, false);
        let base = FrameConfig::new(self.mode).to_wire_json(portal, FRAME_ID, false);
        let always = ["src", "mode", "frameId", "width", "height"];
        let mut out = Map::new();
        if let Value::Object(m) = &mut wire {
            // api.js checks the CSP list itself on a plain page.
            m.insert("checkCSP".into(), Value::Bool(true));
            for (k, v) in m.iter() {
                if always.contains(&k.as_str()) || (base.get(k) != Some(v) && k != "checkCSP") {
                    out.insert(k.clone(), v.clone());
                }
            }
        }
        let mut config = serde_json::to_string_pretty(&Value::Object(out)).unwrap_or_default();
        // Indent the object under `initFrame(`.
        config = config.replace('\n', "\n      ");
        let config = config.replace("</", "<\\/");
        format!(
            r#"<!doctype html>
<html lang="en">
  <body>
    <div id="{FRAME_ID}" style="height: 100vh"></div>
    <script src="{script}"></script>
    <script>
      const frame = DocSpace.SDK.initFrame({config_with_events});
    </script>
  </body>
</html>
"#,
            script = html_attr(&version.script_url(portal)),
            config_with_events = with_events(&config),
        )
    }
}

/// Adds an `events` member that logs every event to the console.
fn with_events(config: &str) -> String {
    let events = "\"events\": {\n        \"onAppReady\": () => console.log(\"ready\"),\n        \"onSelectCallback\": (items) => console.log(\"selected\", items),\n        \"onAppError\": (e) => console.error(e)\n      }";
    match config.rfind('}') {
        Some(end) if config[..end].trim_end().ends_with('{') => {
            format!("{{\n      {events}\n      }}")
        }
        Some(end) => format!("{},\n      {events}\n    }}", config[..end].trim_end()),
        None => config.to_string(),
    }
}

/// A Rust string literal.
fn rust_str(s: &str) -> String {
    format!("{s:?}")
}

/// Text safe inside a double-quoted HTML attribute.
fn html_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PORTAL: &str = "http://127.0.0.1:8092";

    fn viewer() -> Settings {
        Settings {
            mode: Mode::Viewer,
            id: "42".into(),
            theme: Theme::Dark,
            ..Settings::default()
        }
    }

    #[test]
    fn the_config_carries_only_what_the_mode_reads() {
        let wire = viewer().config().to_wire_json(PORTAL, "f", false);
        assert_eq!(wire["mode"], "viewer");
        assert_eq!(wire["id"], 42);
        assert_eq!(wire["theme"], "Dark");
        let rooms = Settings {
            mode: Mode::RoomSelector,
            id: "7".into(),
            ..Settings::default()
        };
        assert_eq!(rooms.config().item_id(), None, "room selectors take no id");
    }

    #[test]
    fn leptos_code_names_the_mode_and_the_changed_settings() {
        let code = viewer().leptos(PORTAL);
        assert!(code.contains("FrameConfig::new(Mode::Viewer)"), "{code}");
        assert!(code.contains(".id(\"42\")"), "{code}");
        assert!(code.contains(".theme(Theme::Dark)"), "{code}");
        assert!(code.contains("portal=\"http://127.0.0.1:8092\""), "{code}");
        assert!(
            !code.contains(".show_menu("),
            "unchanged settings are left out: {code}"
        );
    }

    #[test]
    fn html_code_is_a_page_with_the_script_and_the_changed_keys() {
        let code = viewer().html(PORTAL, SdkVersion::V2_1_0);
        assert!(
            code.contains(&SdkVersion::V2_1_0.script_url(PORTAL)),
            "{code}"
        );
        assert!(code.contains("\"mode\": \"viewer\""), "{code}");
        assert!(code.contains("\"id\": 42"), "{code}");
        assert!(code.contains("\"theme\": \"Dark\""), "{code}");
        assert!(code.contains("\"frameId\": \"ds-frame\""), "{code}");
        assert!(code.contains("\"onAppReady\""), "{code}");
        assert!(
            !code.contains("showSettings"),
            "defaults are left out: {code}"
        );
    }

    #[test]
    fn text_that_could_end_the_script_is_escaped() {
        let s = Settings {
            mode: Mode::PublicRoom,
            share_key: "</script><script>alert(1)</script>".into(),
            ..Settings::default()
        };
        let code = s.html(PORTAL, SdkVersion::V2_1_0);
        assert!(!code.contains("</script><script>alert(1)"), "{code}");
        assert_eq!(code.matches("</script>").count(), 2, "{code}");
    }

    #[test]
    fn editors_and_public_rooms_say_what_they_need() {
        let mut s = Settings {
            mode: Mode::Editor,
            ..Settings::default()
        };
        assert!(s.missing().is_some());
        s.id = "5".into();
        assert_eq!(s.missing(), None);
    }
}
