//! Toolsets: the official server's groups of tools, chosen with `--toolsets` as it chooses them
//! with `DOCSPACE_TOOLSETS` (`ONLYOFFICE/docspace-mcp: docs/configuration/global-configuration.md`).

use std::fmt;
use std::str::FromStr;

/// A group of related tools.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Toolset {
    /// Copy, move, delete, read, rename and upload files.
    Files,
    /// Create, list, rename and delete folders.
    Folders,
    /// The portal's users.
    People,
    /// Rooms, their settings and members.
    Rooms,
}

impl Toolset {
    /// Every toolset, in the official server's order.
    pub const ALL: &'static [Toolset] = &[
        Toolset::Files,
        Toolset::Folders,
        Toolset::People,
        Toolset::Rooms,
    ];

    /// The toolset's name (`files`, `folders`, `people`, `rooms`).
    pub const fn name(self) -> &'static str {
        match self {
            Toolset::Files => "files",
            Toolset::Folders => "folders",
            Toolset::People => "people",
            Toolset::Rooms => "rooms",
        }
    }
}

impl fmt::Display for Toolset {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.name())
    }
}

impl FromStr for Toolset {
    type Err = String;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        Toolset::ALL
            .iter()
            .copied()
            .find(|t| t.name().eq_ignore_ascii_case(s))
            .ok_or_else(|| {
                let names: Vec<_> = Toolset::ALL.iter().map(|t| t.name()).collect();
                format!(
                    "unknown toolset `{s}` (known: {}, or `all`)",
                    names.join(", ")
                )
            })
    }
}

/// Parses a comma-separated list (`rooms,folders`); `all` means every toolset. Duplicates are
/// dropped; an empty list is an error (a server with no tools is a misconfiguration).
///
/// ```
/// use docspace_mcp::{Toolset, parse_toolsets};
/// assert_eq!(parse_toolsets("rooms, files").unwrap(), vec![Toolset::Files, Toolset::Rooms]);
/// assert_eq!(parse_toolsets("all").unwrap(), Toolset::ALL.to_vec());
/// assert!(parse_toolsets("chats").is_err());
/// assert!(parse_toolsets(" , ").is_err());
/// ```
pub fn parse_toolsets(list: &str) -> Result<Vec<Toolset>, String> {
    let mut out = Vec::new();
    for part in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
        if part.eq_ignore_ascii_case("all") {
            out.extend_from_slice(Toolset::ALL);
        } else {
            out.push(part.parse()?);
        }
    }
    out.sort();
    out.dedup();
    if out.is_empty() {
        return Err("no toolset named (use `all` for every toolset)".into());
    }
    Ok(out)
}
