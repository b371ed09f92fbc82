//! Editor customization (`TEditorCustomization`), merged by DocSpace into the document editor's
//! `editorConfig.customization`.

use serde::Serialize;

use super::wire::{Wire, write_object};

/// Anonymous access settings of the editor.
///
/// ```
/// use docspace_sdk::{Anonymous, EditorCustomization};
/// let c = EditorCustomization::default().anonymous(Anonymous { request: Some(true), label: Some("Guest".into()) });
/// assert_eq!(serde_json::to_value(&c).unwrap()["anonymous"]["label"], "Guest");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Anonymous {
    /// Ask anonymous users for a name.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub request: Option<bool>,
    /// The label for anonymous users.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
}

/// Editor options; unset fields keep the editor's own defaults.
///
/// ```
/// use docspace_sdk::EditorCustomization;
/// let c = EditorCustomization::default().compact_header(true).zoom(120);
/// assert_eq!(serde_json::to_value(&c).unwrap(), serde_json::json!({"compactHeader": true, "zoom": 120}));
/// ```
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct EditorCustomization {
    #[serde(skip_serializing_if = "Option::is_none")]
    anonymous: Option<Anonymous>,
    #[serde(skip_serializing_if = "Option::is_none")]
    autosave: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    comments: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    compact_header: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    compact_toolbar: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    compatible_features: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    forcesave: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    help: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hide_right_menu: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    hide_rulers: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    integration_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    macros: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    macros_mode: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mention_share: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    mobile_force_view: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plugins: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    toolbar_hide_file_name: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    toolbar_no_tabs: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ui_theme: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    unit: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    zoom: Option<i32>,
}

impl EditorCustomization {
    option_setters! {
        /// Anonymous access settings.
        anonymous: Anonymous,
        /// Save automatically.
        autosave: bool,
        /// Allow comments.
        comments: bool,
        /// A compact header.
        compact_header: bool,
        /// A compact toolbar.
        compact_toolbar: bool,
        /// Compatibility features.
        compatible_features: bool,
        /// Force-save on every save.
        forcesave: bool,
        /// Show help.
        help: bool,
        /// Hide the right menu.
        hide_right_menu: bool,
        /// Hide the rulers.
        hide_rulers: bool,
        /// Integration mode (e.g. `"embed"`).
        integration_mode: String,
        /// Allow macros.
        macros: bool,
        /// Macros mode (`"disable"`, `"warn"`, `"enable"`).
        macros_mode: String,
        /// Mention and share.
        mention_share: bool,
        /// Force the mobile view.
        mobile_force_view: bool,
        /// Allow plugins.
        plugins: bool,
        /// Hide the file name in the toolbar.
        toolbar_hide_file_name: bool,
        /// No tabs in the toolbar.
        toolbar_no_tabs: bool,
        /// The editor's UI theme id.
        ui_theme: String,
        /// Measurement unit (`"cm"`, `"pt"`, `"inch"`).
        unit: String,
        /// Zoom in percent.
        zoom: i32,
    }
}

impl Anonymous {
    fn wire_text(&self) -> String {
        let mut pairs = Vec::new();
        if let Some(request) = self.request {
            pairs.push(("request", Wire::Bool(request)));
        }
        if let Some(label) = &self.label {
            pairs.push(("label", Wire::from(label.as_str())));
        }
        let mut out = String::new();
        write_object(&mut out, &pairs);
        out
    }
}

impl EditorCustomization {
    /// The JSON text serde writes for it (the set fields, in declaration order), written with
    /// the crate's own small writer: serde_json's serializer was otherwise linked into every page
    /// that embeds a frame only for this.
    pub(crate) fn wire_text(&self) -> String {
        fn flag(key: &'static str, v: Option<bool>) -> Option<(&'static str, Wire<'static>)> {
            v.map(|b| (key, Wire::Bool(b)))
        }
        fn text<'a>(key: &'static str, v: &'a Option<String>) -> Option<(&'static str, Wire<'a>)> {
            v.as_deref().map(|s| (key, Wire::from(s)))
        }
        let pairs: Vec<(&'static str, Wire<'_>)> = [
            self.anonymous
                .as_ref()
                .map(|a| ("anonymous", Wire::Json(a.wire_text()))),
            flag("autosave", self.autosave),
            flag("comments", self.comments),
            flag("compactHeader", self.compact_header),
            flag("compactToolbar", self.compact_toolbar),
            flag("compatibleFeatures", self.compatible_features),
            flag("forcesave", self.forcesave),
            flag("help", self.help),
            flag("hideRightMenu", self.hide_right_menu),
            flag("hideRulers", self.hide_rulers),
            text("integrationMode", &self.integration_mode),
            flag("macros", self.macros),
            text("macrosMode", &self.macros_mode),
            flag("mentionShare", self.mention_share),
            flag("mobileForceView", self.mobile_force_view),
            flag("plugins", self.plugins),
            flag("toolbarHideFileName", self.toolbar_hide_file_name),
            flag("toolbarNoTabs", self.toolbar_no_tabs),
            text("uiTheme", &self.ui_theme),
            text("unit", &self.unit),
            self.zoom.map(|z| ("zoom", Wire::Int(i64::from(z)))),
        ]
        .into_iter()
        .flatten()
        .collect();
        let mut out = String::new();
        write_object(&mut out, &pairs);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wire_text_is_what_serde_writes() {
        let empty = EditorCustomization::default();
        assert_eq!(empty.wire_text(), "{}");
        let full = EditorCustomization::default()
            .anonymous(Anonymous {
                request: Some(false),
                label: Some("Gu\"est</".into()),
            })
            .autosave(true)
            .comments(false)
            .compact_header(true)
            .compact_toolbar(false)
            .compatible_features(true)
            .forcesave(false)
            .help(true)
            .hide_right_menu(false)
            .hide_rulers(true)
            .integration_mode("embed")
            .macros(false)
            .macros_mode("warn")
            .mention_share(true)
            .mobile_force_view(false)
            .plugins(true)
            .toolbar_hide_file_name(false)
            .toolbar_no_tabs(true)
            .ui_theme("theme-dark")
            .unit("cm")
            .zoom(-5);
        // Escaping aside ('<' is written as `\u003c`), the same text as serde's.
        let plain = full.clone().anonymous(Anonymous {
            request: Some(false),
            label: Some("Gu\"est".into()),
        });
        let anonymous_only = EditorCustomization::default().anonymous(Anonymous::default());
        for c in [&empty, &plain, &anonymous_only] {
            assert_eq!(Some(c.wire_text()), serde_json::to_string(c).ok());
        }
        let ours: serde_json::Value =
            serde_json::from_str(&full.wire_text()).unwrap_or(serde_json::Value::Null);
        assert_eq!(Some(ours), serde_json::to_value(&full).ok());
        assert!(!full.wire_text().contains("</"));
    }
}
