//! The `rooms` toolset.

use docspace_api::models::{FileShare, RoomType, SearchArea, ShareFilterType};
use rmcp::handler::server::wrapper::Parameters;
use rmcp::model::CallToolResult;
use rmcp::service::RequestContext;
use rmcp::{RoleServer, tool, tool_router};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::json;

use super::{Paging, sort_by};
use crate::output::{answer, done, failure, json, portal_error};
use crate::server::{DocSpaceMcp, client, portal};

/// A room by id.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RoomIdInput {
    /// The ID of the room.
    pub room_id: i64,
}

/// `create_room` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct CreateRoomInput {
    /// The title of the room.
    pub title: String,
    /// The type of the room (see get_room_types): 1 form filling, 2 collaboration, 5 custom,
    /// 6 public (the default), 8 virtual data room.
    #[serde(default = "public_room")]
    pub room_type: i32,
}

fn public_room() -> i32 {
    RoomType::Public.value()
}

/// `update_room` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct UpdateRoomInput {
    /// The ID of the room to update.
    pub room_id: i64,
    /// The new title of the room.
    pub title: Option<String>,
}

/// One member change of `set_room_security`.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct Invitation {
    /// The ID of a user to invite, change or remove. Give either `id` or `email`.
    pub id: Option<String>,
    /// The e-mail of a person to invite. Give either `id` or `email`.
    pub email: Option<String>,
    /// The access level to give (see get_room_access_levels); 0 removes the user.
    pub access: i32,
}

/// `set_room_security` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SetRoomSecurityInput {
    /// The ID of the room.
    pub room_id: i64,
    /// The invitations, changes and removals to make.
    pub invitations: Vec<Invitation>,
    /// Whether to e-mail the people.
    pub notify: Option<bool>,
    /// A message for the invitation e-mail.
    pub message: Option<String>,
    /// The language of the invitation e-mail (`en-US`).
    pub culture: Option<String>,
}

/// Options of the members listing.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct SecurityFilters {
    #[serde(flatten)]
    pub paging: Paging,
    /// Which entries: 0 users and groups, 1 invitation links, 2 external links, 15 all links,
    /// 16 users, 32 groups.
    pub filter_type: Option<i32>,
}

/// `get_room_security_info` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RoomSecurityInfoInput {
    /// The ID of the room.
    pub room_id: i64,
    /// Paging and search options.
    #[serde(default)]
    pub filters: SecurityFilters,
}

/// Options of the rooms listing.
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RoomsFilters {
    #[serde(flatten)]
    pub paging: Paging,
    /// Keep rooms of these types (see get_room_types).
    #[serde(rename = "type", default)]
    pub types: Vec<i32>,
    /// Keep rooms this user (ID) is a member of.
    pub subject_id: Option<String>,
    /// With `subjectId`: keep the rooms the user is not a member of.
    pub exclude_subject: Option<bool>,
    /// Which rooms: 0 active (the default), 1 archived, 2 any, 3 opened through links.
    #[schemars(range(min = 0, max = 3))]
    pub search_area: Option<i32>,
    /// Keep rooms without tags.
    pub without_tags: Option<bool>,
    /// Keep rooms with any of these tags.
    #[serde(default)]
    pub tags: Vec<String>,
    /// The property to sort by: `DateAndTime`, `AZ`, `Author`, `RoomType`, `Tags`.
    pub sort_by: Option<String>,
}

/// `get_rooms_folder` input.
#[derive(Debug, Deserialize, JsonSchema)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RoomsFolderInput {
    /// Paging, search, sorting and filtering options.
    #[serde(default)]
    pub filters: RoomsFilters,
}

/// The room types the official server offers, with its descriptions
/// (`ONLYOFFICE/docspace-mcp: lib/api/core/schemas.ts`, `RoomTypeSchema`).
const ROOM_TYPES: &[(RoomType, &str)] = &[
    (
        RoomType::FillingForms,
        "Form Filling Room. Upload PDF forms into the room. Invite members and guests to fill \
         out a PDF form. Review completed forms and analyze data automatically collected in a \
         spreadsheet.",
    ),
    (
        RoomType::Editing,
        "Collaboration room. Collaborate on one or multiple documents with your team.",
    ),
    (
        RoomType::Custom,
        "Custom room. Apply your own settings to use this room for any custom purpose.",
    ),
    (
        RoomType::Public,
        "Public room. Share documents for viewing, editing, commenting, or reviewing without \
         registration. You can also embed this room into any web interface.",
    ),
    (
        RoomType::VirtualData,
        "Virtual Data Room. Use VDR for advanced file security and transparency. Set \
         watermarks, automatically index and track all content, restrict downloading and \
         copying.",
    ),
];

/// What each invitation access level means (the official server's words,
/// `ONLYOFFICE/docspace-mcp: lib/mcp/regular-tools.ts`, `RoomInvitationAccessSchema`).
fn access_description(a: FileShare) -> &'static str {
    match a {
        FileShare::None => "None. No access to the room (removes a member).",
        FileShare::Read => "Viewer. File viewing.",
        FileShare::Review => {
            "Reviewer. Operations with existing files: viewing, reviewing, commenting."
        }
        FileShare::Comment => "Commenter. Operations with existing files: viewing, commenting.",
        FileShare::FillForms => {
            "Form filler. Form fillers can fill out forms and view only their completed/started \
             forms within the Complete and In Process folders."
        }
        FileShare::RoomManager => {
            "Room manager (Paid). Room managers can manage the assigned rooms, invite new users \
             and assign roles below their level."
        }
        FileShare::Editing => {
            "Editor. Operations with existing files: viewing, editing, form filling, reviewing, \
             commenting."
        }
        FileShare::ContentCreator => {
            "Content creator. Content creators can create and edit files in the room, but can't \
             manage users, or access settings."
        }
        _ => "",
    }
}

#[tool_router(router = rooms_router, vis = "pub(crate)")]
impl DocSpaceMcp {
    #[tool(description = "Archive a room.")]
    async fn archive_room(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<RoomIdInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        done(c.rooms().archive(p.room_id).wait().await, "Room archived.")
    }

    #[tool(description = "Create a room.")]
    async fn create_room(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<CreateRoomInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        let room_type = RoomType::from_value(p.room_type);
        if room_type.name().is_none() {
            return failure(format!(
                "{} is not a room type (see get_room_types)",
                p.room_type
            ));
        }
        answer(c.rooms().create(p.title, room_type).send().await)
    }

    #[tool(description = "Get the access levels a room can give the people it invites.")]
    async fn get_room_access_levels(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<RoomIdInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        let room = portal!(c.rooms().get(p.room_id).await);
        let Some(levels) = room.room_type.and_then(RoomType::user_accesses) else {
            return failure(format!("`{}` is not a room of a known type", room.title));
        };
        let levels: Vec<_> = levels
            .iter()
            .map(|a| json!({ "access": a.value(), "name": a.name(), "description": access_description(*a) }))
            .collect();
        json(&levels)
    }

    #[tool(description = "Get room information.")]
    async fn get_room_info(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<RoomIdInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        answer(c.rooms().get(p.room_id).await)
    }

    #[tool(description = "Get the users and groups of a room with their access levels.")]
    async fn get_room_security_info(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<RoomSecurityInfoInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        let f = &p.filters;
        let mut b = c.rooms().members(p.room_id).count(f.paging.count());
        if let Some(n) = f.paging.start_index {
            b = b.start_index(n);
        }
        if let Some(v) = f.paging.filter_value() {
            b = b.filter_value(v);
        }
        if let Some(t) = f.filter_type {
            b = b.filter_type(ShareFilterType::from_value(t));
        }
        match b.send().await {
            Ok(page) => json(&json!({ "total": page.total, "members": page.items })),
            Err(e) => portal_error(&e),
        }
    }

    #[tool(description = "Get the list of room types a room can be created with.")]
    async fn get_room_types(&self) -> CallToolResult {
        let types: Vec<_> = ROOM_TYPES
            .iter()
            .map(|(t, d)| json!({ "roomType": t.value(), "name": t.name(), "description": d }))
            .collect();
        json(&types)
    }

    #[tool(description = "Get the 'Rooms' folder: the rooms the user can see, a page at a time.")]
    async fn get_rooms_folder(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<RoomsFolderInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        let f = &p.filters;
        let mut b = paged!(c.rooms().list(), f.paging);
        if let Some(by) = sort_by(&f.sort_by) {
            b = b.sort_by(by);
        }
        for t in &f.types {
            b = b.room_type(RoomType::from_value(*t));
        }
        if let Some(s) = f.subject_id.as_deref().filter(|s| !s.is_empty()) {
            b = b.subject(s);
        }
        if let Some(x) = f.exclude_subject {
            b = b.exclude_subject(x);
        }
        if let Some(a) = f.search_area {
            b = b.search_area(SearchArea::from_value(a));
        }
        if let Some(w) = f.without_tags {
            b = b.without_tags(w);
        }
        if !f.tags.is_empty() {
            b = b.tags(f.tags.iter().cloned());
        }
        answer(b.send().await)
    }

    #[tool(
        description = "Invite people to a room, change their access levels, or remove them \
                          (access 0)."
    )]
    async fn set_room_security(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<SetRoomSecurityInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        let mut b = c.rooms().share(p.room_id);
        for inv in p.invitations {
            let access = FileShare::from_value(inv.access);
            b = match (inv.id, inv.email) {
                (Some(id), None) => b.user(id.as_str(), access),
                (None, Some(email)) => b.email(email, access),
                _ => return failure("each invitation needs either `id` or `email`, not both"),
            };
        }
        if let Some(n) = p.notify {
            b = b.notify(n);
        }
        if let Some(m) = p.message {
            b = b.message(m);
        }
        if let Some(l) = p.culture {
            b = b.culture(l);
        }
        answer(b.send().await)
    }

    #[tool(description = "Update a room: rename it.")]
    async fn update_room(
        &self,
        ctx: RequestContext<RoleServer>,
        Parameters(p): Parameters<UpdateRoomInput>,
    ) -> CallToolResult {
        let c = client!(self, ctx);
        let mut b = c.rooms().update(p.room_id);
        if let Some(t) = p.title {
            b = b.title(t);
        }
        answer(b.send().await)
    }
}
