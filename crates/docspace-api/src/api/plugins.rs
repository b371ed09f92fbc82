//! Web plugins, `/api/2.0/settings/webplugins` (<https://api.onlyoffice.com/docspace/api-backend/>,
//! tag "Settings / Webplugins"; ONLYOFFICE/DocSpace-server:
//! `web/ASC.Web.Api/Api/Settings/WebPluginsController.cs`, `web/ASC.Web.Core/WebPluginManager.cs`).
//!
//! Checked before sending: a package is a non-empty `.zip` of at most [`PLUGIN_MAX_SIZE`] bytes
//! (`WebPluginConfigSettings.MaxSize`); names are `^[a-z0-9_.-]+$`, not starting with `.`;
//! settings are at most [`PLUGIN_SETTINGS_MAX`] UTF-16 units. The package's contents are the
//! portal's to check.

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

use super::uploads::{ProgressCallback, UploadProgress};
use crate::client::Client;
use crate::error::Error;
use crate::request::{Request, multipart_file, seg};
use crate::transport::BodyProgress;
use crate::validate;

/// `WebPluginConfigSettings.MaxSize`: 5 MiB.
pub const PLUGIN_MAX_SIZE: usize = 5 * 1024 * 1024;
/// `[StringLength(255)]` of `WebPluginRequests.Settings`.
pub const PLUGIN_SETTINGS_MAX: usize = 255;

/// `WebPluginDto` (the fields a host needs).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct WebPlugin {
    /// Unique name (lower case).
    pub name: String,
    /// Version.
    #[serde(default)]
    pub version: Option<String>,
    /// Oldest DocSpace it runs on.
    #[serde(default)]
    pub min_doc_space_version: Option<String>,
    /// Description.
    #[serde(default)]
    pub description: Option<String>,
    /// Author.
    #[serde(default)]
    pub author: Option<String>,
    /// The global the script sets (`window.Plugins.<pluginName>`).
    pub plugin_name: String,
    /// Comma-separated scopes (`API`, `Settings`, `ContextMenu`, …).
    #[serde(default)]
    pub scopes: Option<String>,
    /// Switched on for the portal.
    #[serde(default)]
    pub enabled: bool,
    /// Installed by the server's administrator.
    #[serde(default)]
    pub system: bool,
    /// `plugin.js`.
    pub url: String,
    /// `plugin.css`, when the package has one.
    #[serde(default)]
    pub css_url: Option<String>,
    /// The admin's settings (JSON text).
    #[serde(default)]
    pub settings: Option<String>,
    /// Localized names.
    #[serde(default)]
    pub name_locale: Option<BTreeMap<String, String>>,
}

fn check_name(name: &str) -> Result<(), Error> {
    let ok = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c));
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(
            "name",
            format!("`{name}` is not a plugin name"),
        ))
    }
}

/// Web plugins; get one with [`Client::plugins`].
#[derive(Debug, Clone, Copy)]
pub struct PluginsHandler<'c> {
    client: &'c Client,
}

impl<'c> PluginsHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        PluginsHandler { client }
    }

    /// Uploads a plugin package (DocSpace admins). It replaces a plugin of the same name, and is
    /// enabled once uploaded.
    pub async fn upload(&self, file_name: &str, zip: &[u8]) -> Result<WebPlugin, Error> {
        self.send_package(file_name, zip, None).await
    }

    /// Like [`PluginsHandler::upload`], telling `on_progress` how much of the package has been
    /// sent. The package goes in one multipart request (DocSpace takes no chunks here), so it
    /// counts as one chunk; in a browser the bytes are told as they go out (an
    /// `XMLHttpRequest`'s upload events), natively once, when the portal answers.
    pub async fn upload_with_progress(
        &self,
        file_name: &str,
        zip: &[u8],
        on_progress: impl ProgressCallback,
    ) -> Result<WebPlugin, Error> {
        let told = BodyProgress::new(move |sent, total| {
            on_progress(UploadProgress {
                bytes_sent: sent,
                bytes_total: total,
                chunks_sent: u64::from(sent >= total),
                chunks_total: 1,
            })
        });
        self.send_package(file_name, zip, Some(told)).await
    }

    async fn send_package(
        &self,
        file_name: &str,
        zip: &[u8],
        progress: Option<BodyProgress>,
    ) -> Result<WebPlugin, Error> {
        if !file_name.to_ascii_lowercase().ends_with(".zip") {
            return Err(Error::invalid("file_name", "a plugin package is a .zip"));
        }
        if zip.is_empty() {
            return Err(Error::invalid("zip", "the package is empty"));
        }
        if zip.len() > PLUGIN_MAX_SIZE {
            return Err(Error::invalid(
                "zip",
                format!("the package is over {PLUGIN_MAX_SIZE} bytes"),
            ));
        }
        let (content_type, body) = multipart_file("file", file_name, zip);
        let mut req = Request::post("settings/webplugins").bytes(content_type, body);
        if let Some(p) = progress {
            req = req.progress(p);
        }
        self.client.call(req).await
    }

    /// The portal's plugins, all or only the enabled (`Some(true)`) or disabled ones.
    pub async fn list(&self, enabled: Option<bool>) -> Result<Vec<WebPlugin>, Error> {
        let req = Request::get("settings/webplugins").query_opt("enabled", enabled);
        self.client.call(req).await
    }

    /// One plugin.
    pub async fn get(&self, name: &str) -> Result<WebPlugin, Error> {
        check_name(&name.to_ascii_lowercase())?;
        self.client
            .call(Request::get(format!("settings/webplugins/{}", seg(name))))
            .await
    }

    /// Enables or disables a plugin and sets its settings (empty for none). Enabling adds the
    /// plugin's CSP domains to the portal's list; disabling removes them.
    pub async fn update(&self, name: &str, enabled: bool, settings: &str) -> Result<(), Error> {
        check_name(&name.to_ascii_lowercase())?;
        validate::max_len("settings", settings, PLUGIN_SETTINGS_MAX)?;
        let req = Request::put(format!("settings/webplugins/{}", seg(name)))
            .json(&PluginUpdate { enabled, settings })?
            .idempotent(true);
        self.client.execute(req).await.map(|_| ())
    }

    /// Deletes a plugin (DocSpace admins).
    pub async fn delete(&self, name: &str) -> Result<(), Error> {
        check_name(&name.to_ascii_lowercase())?;
        let req = Request::delete(format!("settings/webplugins/{}", seg(name)));
        self.client.execute(req).await.map(|_| ())
    }
}

/// `{"enabled": …, "settings": …}`: `WebPluginRequests` of `PUT settings/webplugins/{name}`.
#[derive(Serialize)]
struct PluginUpdate<'a> {
    enabled: bool,
    settings: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plugin_names_follow_validate_plugin() {
        assert!(check_name("my-plugin_1.0").is_ok());
        for bad in ["", ".x", "Up", "a b", "a/b"] {
            assert!(check_name(bad).is_err(), "{bad}");
        }
    }
}
