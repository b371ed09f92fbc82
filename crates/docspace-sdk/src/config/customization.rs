//! Editor customization (`TEditorCustomization`), merged by DocSpace into the document editor's
//! `editorConfig.customization`.

use serde::Serialize;

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

/// Generates one builder setter per optional field.
macro_rules! setters {
    ($( $(#[$doc:meta])* $field:ident : $ty:ty ),+ $(,)?) => {
        $(
            $(#[$doc])*
            pub fn $field(mut self, value: impl Into<$ty>) -> Self {
                self.$field = Some(value.into());
                self
            }
        )+
    };
}

impl EditorCustomization {
    setters! {
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
