//! Reading a plugin package as DocSpace does (ONLYOFFICE/DocSpace-server:
//! `web/ASC.Web.Core/WebPluginManager.cs` `AnalyzeZip`, `SafeExtractPluginToTemp`, `ValidatePlugin`,
//! `ExtractWithSizeMonitoring`; limits from `web/ASC.Web.Core/WebPluginSettings.cs`).
//!
//! Every entry is checked before anything is extracted; then only `config.json`, `plugin.js`,
//! `plugin.css` and files under `assets` are read, each with its declared size enforced while it
//! is inflated, so a package never takes more than [`MAX_ENTRIES`] × [`MAX_SIZE`] of memory.
//! Each message is the text of the exception DocSpace throws inside the upload's `try`, which the
//! caller prefixes with `ErrorWebPluginArchive` ("Wrong plugin archive. ").

use std::io::{Cursor, Read};

use serde_json::{Map, Value};
use zip::ZipArchive;

/// `WebPluginConfigSettings.MaxSize`: 5 MiB, for the package and for each entry.
pub const MAX_SIZE: u64 = 5 * 1024 * 1024;
/// `WebPluginConfigSettings.AssetMaxCount`.
pub const ASSET_MAX_COUNT: usize = 10;
/// Asset files, config file, plugin file, asset folder.
pub const MAX_ENTRIES: usize = ASSET_MAX_COUNT + 3;
/// `100:1`.
const MAX_RATIO: u64 = 100;
/// `2 depth levels`.
const MAX_DEPTH: usize = 2;

const CONFIG: &str = "config.json";
const PLUGIN_JS: &str = "plugin.js";
const PLUGIN_CSS: &str = "plugin.css";
const ASSETS: &str = "assets";

/// `ErrorWebPluginName`.
pub const WRONG_NAME: &str = "Wrong plugin name";

/// The string fields of `WebPlugin` a package's `config.json` may set.
pub const CONFIG_FIELDS: [&str; 11] = [
    "name",
    "version",
    "minDocSpaceVersion",
    "description",
    "license",
    "author",
    "homePage",
    "pluginName",
    "scopes",
    "image",
    "cspDomains",
];
/// Its dictionary fields.
pub const LOCALE_FIELDS: [&str; 2] = ["nameLocale", "descriptionLocale"];

/// A checked package.
#[derive(Debug)]
pub struct Package {
    /// `config.json` as `WebPlugin` reads it (case-insensitive keys), with DocSpace's key names.
    pub config: Map<String, Value>,
    /// `name`.
    pub name: String,
    /// `pluginName`.
    pub plugin_name: String,
    /// `(path, bytes)`: `plugin.js`, maybe `plugin.css`, and assets.
    pub files: Vec<(String, Vec<u8>)>,
}

/// `AnalyzeZip`.
fn analyze(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Result<(), String> {
    if zip.len() > MAX_ENTRIES {
        return Err("Too many entries in zip file.".into());
    }
    for i in 0..zip.len() {
        let entry = zip.by_index_raw(i).map_err(|e| e.to_string())?;
        let name = entry.name().to_string();
        if name.trim().is_empty() {
            return Err("Invalid entry name".into());
        }
        let rooted = name.starts_with('\\')
            || (name.len() >= 2
                && name.as_bytes()[1] == b':'
                && name.as_bytes()[0].is_ascii_alphabetic());
        if name.contains("..") || name.starts_with('/') || rooted {
            return Err(format!("Unsafe path detected: {name}"));
        }
        if entry.is_dir() {
            continue;
        }
        let size = entry.size();
        if size == 0 {
            return Err(format!("The entry {name} has unknown size"));
        }
        if size > MAX_SIZE {
            return Err(format!("The entry {name} exceeds the maximum size."));
        }
        let compressed = entry.compressed_size();
        if compressed > 0 && size / compressed > MAX_RATIO {
            return Err(format!(
                "The entry {name} exceeds the maximum compression ratio."
            ));
        }
        if name.split(['/', '\\']).count() > MAX_DEPTH {
            return Err(format!(
                "The entry {name} exceeds the maximum directory depth."
            ));
        }
    }
    Ok(())
}

/// `ExtractWithSizeMonitoring`: inflates at most the declared size (and [`MAX_SIZE`]).
fn extract(zip: &mut ZipArchive<Cursor<&[u8]>>, name: &str) -> Result<Option<Vec<u8>>, String> {
    let mut entry = match zip.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(e.to_string()),
    };
    let declared = entry.size();
    let mut out = Vec::new();
    let mut limited = (&mut entry).take(declared.min(MAX_SIZE) + 1);
    limited
        .read_to_end(&mut out)
        .map_err(|e| format!("The entry {name} could not be read: {e}"))?;
    let read = out.len() as u64;
    if read > declared {
        return Err(format!(
            "The entry {name} actual size exceeds declared size."
        ));
    }
    if read > MAX_SIZE {
        return Err(format!("The entry {name} exceeds the maximum size."));
    }
    if read != declared {
        return Err(format!(
            "The entry {name} size mismatch: expected {declared}, got {read}."
        ));
    }
    Ok(Some(out))
}

/// `config.json` read case-insensitively into `WebPlugin`'s fields.
fn read_config(bytes: &[u8]) -> Result<Map<String, Value>, String> {
    let v: Value =
        serde_json::from_slice(bytes).map_err(|e| format!("'{CONFIG}' is not valid JSON: {e}"))?;
    let Value::Object(raw) = v else {
        return Err("Can't deserialize web plugin config file.".into());
    };
    let mut config = Map::new();
    for (key, value) in raw {
        if let Some(f) = CONFIG_FIELDS.iter().find(|f| f.eq_ignore_ascii_case(&key)) {
            match value {
                Value::String(_) | Value::Null => {
                    config.insert(f.to_string(), value);
                }
                _ => {
                    return Err(format!(
                        "The JSON value could not be converted to System.String. Path: $.{key}"
                    ));
                }
            }
        } else if let Some(f) = LOCALE_FIELDS.iter().find(|f| f.eq_ignore_ascii_case(&key)) {
            let ok = match &value {
                Value::Null => true,
                Value::Object(m) => m.values().all(Value::is_string),
                _ => false,
            };
            if !ok {
                return Err(format!(
                    "The JSON value could not be converted to System.Collections.Generic.Dictionary`2[System.String,System.String]. Path: $.{key}"
                ));
            }
            config.insert(f.to_string(), value);
        }
    }
    Ok(config)
}

/// `ValidatePlugin`'s patterns: `name` `^[a-z0-9_.-]+$` not starting with `.`; `pluginName`
/// `^[0-9a-zA-Z_$]+$`.
pub fn valid_names(name: &str, plugin_name: &str) -> bool {
    let name_ok = !name.is_empty()
        && !name.starts_with('.')
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "_.-".contains(c));
    let plugin_ok = !plugin_name.is_empty()
        && plugin_name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '$');
    name_ok && plugin_ok
}

/// Checks and reads a package (uniqueness against other plugins is the caller's).
pub fn read(data: &[u8]) -> Result<Package, String> {
    let mut zip = ZipArchive::new(Cursor::new(data)).map_err(|e| e.to_string())?;
    analyze(&mut zip)?;
    let config_bytes = extract(&mut zip, CONFIG)?
        .ok_or_else(|| format!("The required entry {CONFIG} not found."))?;
    let config = read_config(&config_bytes)?;
    let text = |k: &str| {
        config
            .get(k)
            .and_then(Value::as_str)
            .unwrap_or("")
            .to_string()
    };
    let (name, plugin_name) = (text("name"), text("pluginName"));
    if !valid_names(&name, &plugin_name) {
        return Err(WRONG_NAME.into());
    }
    let js = extract(&mut zip, PLUGIN_JS)?
        .ok_or_else(|| format!("The required entry {PLUGIN_JS} not found."))?;
    let mut files = vec![(PLUGIN_JS.to_string(), js)];
    if let Some(css) = extract(&mut zip, PLUGIN_CSS)? {
        files.push((PLUGIN_CSS.to_string(), css));
    }
    let assets: Vec<String> = zip
        .file_names()
        .filter(|n| n.starts_with(ASSETS) && !n.ends_with('/'))
        .map(str::to_string)
        .collect();
    let mut sorted = assets;
    sorted.sort();
    for path in sorted.into_iter().take(ASSET_MAX_COUNT) {
        if let Some(bytes) = extract(&mut zip, &path)? {
            files.push((path, bytes));
        }
    }
    Ok(Package {
        config,
        name,
        plugin_name,
        files,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_follow_validate_plugin() {
        assert!(valid_names("my-plugin_1.0", "myPlugin$"));
        for (name, plugin) in [
            ("", "p"),
            (".hidden", "p"),
            ("Upper", "p"),
            ("sp ace", "p"),
            ("ok", ""),
            ("ok", "bad-name"),
        ] {
            assert!(!valid_names(name, plugin), "{name} {plugin}");
        }
    }

    #[test]
    fn config_keys_are_case_insensitive_and_typed() {
        let c = read_config(br#"{"NAME":"x","PluginName":"p","other":1}"#).expect("config");
        assert_eq!(c.get("name"), Some(&Value::from("x")));
        assert_eq!(c.get("pluginName"), Some(&Value::from("p")));
        assert!(c.get("other").is_none());
        assert!(read_config(br#"{"version":1}"#).is_err());
    }
}
