//! The `folders` toolset.

use docspace_api::api::FolderContentsBuilder;
use docspace_api::models::{ApplyFilterOption, FilterType};
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::CallToolResult;
use rmcp::service::RequestContext;
use rmcp::{RoleServer, tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;

use super::{Paging, sort_by};
use crate::output::{answer, done};
use crate::server::{DocSpaceMcp, client};

/// A folder by id.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FolderIdInput {
    /// The ID of the folder.
    pub folder_id: i64,
}

/// `create_folder` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CreateFolderInput {
    /// The ID of the room or folder to create the folder in.
    pub parent_id: i64,
    /// The title of the new folder.
    pub title: String,
}

/// `rename_folder` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RenameFolderInput {
    /// The ID of the folder to rename.
    pub folder_id: i64,
    /// The new title of the folder.
    pub title: String,
}

/// Options of a folder listing.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FolderFilters {
    #[serde(flatten)]
    pub paging: Paging,
    /// The kind of entries to keep: 0 none, 1 files only, 2 folders only, 3 documents,
    /// 4 presentations, 5 spreadsheets, 7 images, 10 archives, 11 by extension, 12 media,
    /// 22 PDF, 23 PDF forms, 25 diagrams.
    pub filter_type: Option<i32>,
    /// Which entries to return: 0 all, 1 files only, 2 folders only.
    #[schemars(range(min = 0, max = 2))]
    pub apply_filter_option: Option<i32>,
    /// Keep files with this extension (with `filterType` 11).
    pub extension: Option<String>,
    /// The property to sort by: `DateAndTime`, `AZ`, `Size`, `Author`, `Type`.
    pub sort_by: Option<String>,
}

/// `get_folder_content` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct FolderContentInput {
    /// The ID of the folder.
    pub folder_id: i64,
    /// Paging, search and sorting options.
    #[serde(default)]
    pub filters: FolderFilters,
}

/// `get_my_folder` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct MyFolderInput {
    /// Paging, search and sorting options.
    #[serde(default)]
    pub filters: FolderFilters,
}

impl FolderFilters {
    fn apply<'c>(&self, mut b: FolderContentsBuilder<'c>) -> FolderContentsBuilder<'c> {
        b = paged!(b, self.paging);
        if let Some(by) = sort_by(&self.sort_by) {
            b = b.sort_by(by);
        }
        if let Some(t) = self.filter_type {
            b = b.filter_type(FilterType::from_value(t));
        }
        if let Some(o) = self.apply_filter_option {
            b = b.apply_filter_option(ApplyFilterOption::from_value(o));
        }
        if let Some(ext) = self.extension.as_deref().filter(|e| !e.is_empty()) {
            b = b.extension(ext);
        }
        b
    }
}

#[tool_router(router = folders_router, vis = "pub(crate)")]
impl DocSpaceMcp {
    #[tool(description = "Create a folder in a room or folder.")]
    async fn create_folder(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<CreateFolderInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        answer(c.folders().create(p.parent_id, p.title).await)
    }

    #[tool(description = "Delete a folder (it goes to the Trash).")]
    async fn delete_folder(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<FolderIdInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        done(
            c.folders().delete(p.folder_id).wait().await,
            "Folder deleted.",
        )
    }

    #[tool(
        description = "Get the content of a folder or room: its files and subfolders, a page \
                          at a time."
    )]
    async fn get_folder_content(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<FolderContentInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        answer(
            p.filters
                .apply(c.folders().contents(p.folder_id))
                .send()
                .await,
        )
    }

    #[tool(description = "Get folder information.")]
    async fn get_folder_info(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<FolderIdInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        answer(c.folders().get(p.folder_id).await)
    }

    #[tool(description = "Get the 'My Documents' folder and its content.")]
    async fn get_my_folder(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<MyFolderInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        answer(p.filters.apply(c.folders().my()).send().await)
    }

    #[tool(description = "Rename a folder.")]
    async fn rename_folder(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<RenameFolderInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        answer(c.folders().rename(p.folder_id, p.title).await)
    }
}
