//! The `files` toolset.

use docspace_api::models::{ConflictResolve, FolderType};
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::CallToolResult;
use rmcp::service::RequestContext;
use rmcp::{RoleServer, tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;

use super::EntryId;
use crate::output::{answer, done, failure, portal_error, text};
use crate::server::{DocSpaceMcp, client, portal};

/// A file by id.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FileIdInput {
    /// The ID of the file.
    pub file_id: i64,
}

/// `update_file` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UpdateFileInput {
    /// The ID of the file to update.
    pub file_id: i64,
    /// The new title of the file, with its extension.
    pub title: String,
}

/// `copy_batch_items` and `move_batch_items` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct BatchInput {
    /// The IDs of the folders to copy or move.
    #[serde(default)]
    pub folder_ids: Vec<EntryId>,
    /// The IDs of the files to copy or move.
    #[serde(default)]
    pub file_ids: Vec<EntryId>,
    /// The ID of the destination folder or room.
    pub dest_folder_id: EntryId,
}

/// `upload_file` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UploadFileInput {
    /// The ID of the room or folder to upload the file to.
    pub parent_id: i64,
    /// The file name, with an extension (`notes.txt`).
    pub filename: String,
    /// The text content of the file.
    pub content: String,
}

/// The call's client and the file `id` as the portal describes it, or returns the tool error
/// (no credentials, or the portal's refusal): what the tools that look at a file first start with.
macro_rules! client_and_file {
    ($self:ident, $ctx:ident, $id:expr) => {{
        let c = client!($self, $ctx);
        let file = portal!(c.files().get($id).send().await);
        (c, file)
    }};
}

/// Extensions whose content is text as stored; anything else needs the portal's conversion.
const TEXT_EXTENSIONS: &[&str] = &[
    ".txt", ".csv", ".md", ".json", ".xml", ".html", ".htm", ".log", ".tsv",
];

#[tool_router(router = files_router, vis = "pub(crate)")]
impl DocSpaceMcp {
    #[tool(
        description = "Copy files and folders to a folder. Copies of items that exist there \
                          get new names."
    )]
    async fn copy_batch_items(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<BatchInput>,
    ) -> CallToolResult {
        self.batch(ctx, p, false).await
    }

    #[tool(
        description = "Move files and folders to a folder. Moved items that exist there \
                          get new names."
    )]
    async fn move_batch_items(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<BatchInput>,
    ) -> CallToolResult {
        self.batch(ctx, p, true).await
    }

    #[tool(description = "Delete a file (it goes to the Trash).")]
    async fn delete_file(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<FileIdInput>,
    ) -> CallToolResult {
        let (c, file) = client_and_file!(self, ctx, p.file_id);
        // Deleting from the Trash deletes for good; the official server refuses to, and so do we.
        if file.root_folder_type == Some(FolderType::Trash) {
            return text("File is already in the trash folder.");
        }
        done(c.files().delete(p.file_id).wait().await, "File deleted.")
    }

    #[tool(
        description = "Download a text file (txt, csv, md, json, xml, html…) and return its \
                          content."
    )]
    async fn download_file_as_text(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<FileIdInput>,
    ) -> CallToolResult {
        let (c, file) = client_and_file!(self, ctx, p.file_id);
        let ext = file
            .file_exst
            .clone()
            .unwrap_or_default()
            .to_ascii_lowercase();
        if !TEXT_EXTENSIONS.contains(&ext.as_str()) {
            return failure(format!(
                "`{}` is not a text file; this server returns the content of text files ({}) \
                 only",
                file.title,
                TEXT_EXTENSIONS.join(", ")
            ));
        }
        match c.files().download(p.file_id).await {
            Ok(bytes) => match String::from_utf8(bytes) {
                Ok(content) => text(content),
                Err(_) => failure(format!("`{}` is not UTF-8 text", file.title)),
            },
            Err(e) => portal_error(&e),
        }
    }

    #[tool(description = "Get file information.")]
    async fn get_file_info(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<FileIdInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        answer(c.files().get(p.file_id).send().await)
    }

    #[tool(description = "Update a file: rename it.")]
    async fn update_file(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<UpdateFileInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        answer(c.files().rename(p.file_id, p.title).await)
    }

    #[tool(
        description = "Upload a text file to a room or folder. A file of the same name is \
                          kept and the new one gets a new name."
    )]
    async fn upload_file(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<UploadFileInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        let has_extension = p
            .filename
            .rsplit_once('.')
            .is_some_and(|(stem, ext)| !stem.is_empty() && !ext.is_empty());
        if !has_extension {
            return failure("the file name needs an extension (`notes.txt`)");
        }
        answer(
            c.files()
                .upload(p.parent_id, p.filename, p.content.into_bytes())
                .create_new_if_exist(true)
                .send()
                .await,
        )
    }
}

impl DocSpaceMcp {
    async fn batch(
        &self,
        ctx: RequestContext<RoleServer>,
        p: BatchInput,
        moving: bool,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        if p.file_ids.is_empty() && p.folder_ids.is_empty() {
            return failure("name at least one file or folder (fileIds, folderIds)");
        }
        let ops = c.operations();
        let builder = if moving {
            ops.move_to(p.dest_folder_id)
        } else {
            ops.copy(p.dest_folder_id)
        };
        // `Duplicate` as the official server (conflictResolveType 2): nothing is overwritten.
        let r = builder
            .files(p.file_ids)
            .folders(p.folder_ids)
            .conflict(ConflictResolve::Duplicate)
            .wait()
            .await;
        done(
            r,
            if moving {
                "Batch items moved."
            } else {
                "Batch items copied."
            },
        )
    }
}
