//! Request bodies that several endpoints share, as small typed structs.
//!
//! Typed rather than `serde_json::json!`: serialising a `serde_json::Value` brings serde_json's
//! float formatting (a 12 KB table) along, and the rooms list, which needs none, paid for it in the
//! first module of the app's wasm. None of these bodies carries a number with a fraction.

use serde::Serialize;

use crate::models::{FileId, FolderId};

/// `{"title": …}`: renaming a file or folder, creating a folder.
#[derive(Serialize)]
pub(crate) struct Title<'a> {
    pub title: &'a str,
}

/// `{"name": …}`: creating a tag.
#[derive(Serialize)]
pub(crate) struct Name<'a> {
    pub name: &'a str,
}

/// `{"names": […]}`: tags of a room, deleting tags.
#[derive(Serialize)]
pub(crate) struct Names<'a> {
    pub names: &'a [String],
}

/// `{"oldName": …, "newName": …}`: renaming a tag.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Rename<'a> {
    pub old_name: &'a str,
    pub new_name: &'a str,
}

/// The body of DocSpace's delete, archive and unarchive calls: required, even when empty (the
/// server fails these calls without one), with only the fields that were set.
#[derive(Serialize, Default)]
#[serde(rename_all = "camelCase")]
pub(crate) struct DeleteOptions {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub delete_after: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub immediately: Option<bool>,
}

/// `{"enabled": …}`: switching AI access, an MCP server or a plugin on or off.
#[derive(Serialize)]
pub(crate) struct Enabled {
    pub enabled: bool,
}

/// `BaseBatchRequestDto`, `{"folderIds": […], "fileIds": […]}`: adding and removing favourites.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct EntryIds<'a> {
    pub folder_ids: &'a [FolderId],
    pub file_ids: &'a [FileId],
}

/// `{}`: endpoints that want a JSON body with nothing in it.
#[derive(Serialize)]
pub(crate) struct Empty {}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bodies_are_the_json_docspace_reads() {
        let names = ["a".to_string(), "b".to_string()];
        let cases = [
            (
                serde_json::to_string(&Title { title: "T" }),
                r#"{"title":"T"}"#,
            ),
            (
                serde_json::to_string(&Name { name: "n" }),
                r#"{"name":"n"}"#,
            ),
            (
                serde_json::to_string(&Names { names: &names }),
                r#"{"names":["a","b"]}"#,
            ),
            (
                serde_json::to_string(&Rename {
                    old_name: "o",
                    new_name: "n",
                }),
                r#"{"oldName":"o","newName":"n"}"#,
            ),
            (serde_json::to_string(&DeleteOptions::default()), "{}"),
            (
                serde_json::to_string(&DeleteOptions {
                    delete_after: Some(true),
                    immediately: Some(false),
                }),
                r#"{"deleteAfter":true,"immediately":false}"#,
            ),
            (serde_json::to_string(&Empty {}), "{}"),
            (
                serde_json::to_string(&Enabled { enabled: true }),
                r#"{"enabled":true}"#,
            ),
            (
                serde_json::to_string(&EntryIds {
                    folder_ids: &[FolderId::from(7)],
                    file_ids: &[FileId::from(8), FileId::from(9)],
                }),
                r#"{"folderIds":[7],"fileIds":[8,9]}"#,
            ),
        ];
        for (got, want) in cases {
            assert_eq!(got.unwrap(), want);
        }
    }
}
