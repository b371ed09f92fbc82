//! What the caller may do with an entry (DocSpace's `security` object).

use std::collections::BTreeMap;

use serde::{Deserialize, Serialize};

/// What the caller may do with an entry: DocSpace's `security` object, PascalCase action names
/// to booleans (`Read`, `Edit`, `Delete`, `EditRoom`, …). Actions the portal does not list are
/// not allowed.
///
/// ```
/// let s: docspace_api::models::EntrySecurity = serde_json::from_str(r#"{"Read":true,"Edit":false}"#)?;
/// assert!(s.can("Read") && !s.can("Edit") && !s.can("Delete"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct EntrySecurity(pub BTreeMap<String, bool>);

impl EntrySecurity {
    /// Whether `action` (a PascalCase name such as `"Edit"`) is allowed.
    pub fn can(&self, action: &str) -> bool {
        self.0.get(action).copied().unwrap_or(false)
    }

    /// The allowed actions.
    pub fn allowed(&self) -> impl Iterator<Item = &str> {
        self.0.iter().filter(|(_, v)| **v).map(|(k, _)| k.as_str())
    }
}
