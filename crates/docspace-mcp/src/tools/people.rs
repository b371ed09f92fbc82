//! The `people` toolset.

use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::CallToolResult;
use rmcp::service::RequestContext;
use rmcp::{RoleServer, tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;

use super::Paging;
use crate::output::{json, portal_error};
use crate::server::{DocSpaceMcp, client};

/// Options of the people listing.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct PeopleFilters {
    #[serde(flatten)]
    pub paging: Paging,
    /// The field to sort by (`firstname`, `lastname`, `displayname`).
    pub sort_by: Option<String>,
}

/// `get_all_people` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct AllPeopleInput {
    /// Paging, search and sorting options.
    #[serde(default)]
    pub filters: PeopleFilters,
}

#[tool_router(router = people_router, vis = "pub(crate)")]
impl DocSpaceMcp {
    #[tool(
        description = "Get the portal's people, a page at a time, with their ids, names, \
                          e-mails and types."
    )]
    async fn get_all_people(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<AllPeopleInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        let f = &p.filters;
        let mut b = paged!(c.people().list(), f.paging);
        if let Some(by) = f.sort_by.as_deref().filter(|s| !s.trim().is_empty()) {
            b = b.sort_by(by);
        }
        match b.send().await {
            Ok(page) => json(&serde_json::json!({ "total": page.total, "people": page.items })),
            Err(e) => portal_error(&e),
        }
    }
}
