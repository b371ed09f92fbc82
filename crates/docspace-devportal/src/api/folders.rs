//! Folders: contents with filters and `pathParts`, `@my`, `@root`, `@trash`, and folder CRUD
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/FoldersController.cs`).

use axum::extract::{Path, State};
use rusqlite::Connection;
use serde::Deserialize;
use serde_json::{Value, json};

use super::content_query::ContentQuery;
use super::extract::{JsonBody, Query, title};
use super::lookup::resolve_folder;
use super::{Portal, dto, fileops};
use crate::api::Call;
use crate::db::entries::{self, Folder, ListFilter, NewFolder, folder_type};
use crate::db::rooms::{self as room_db, RoomFilter};
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::permissions::{self, Actor, PortalAction, RoomAction, portal_allows};
use crate::state::AppState;

/// Maximum folder and file title length, in UTF-16 units as DocSpace counts.
pub use docspace_types::ENTRY_TITLE_MAX as TITLE_MAX;

/// The folder `raw` names ([`resolve_folder`]), once `actor` is found to be allowed to read it.
fn readable_folder(conn: &Connection, actor: &Actor, raw: &str) -> Result<Folder, ApiError> {
    let f = resolve_folder(conn, actor, raw)?;
    permissions::folder_level(conn, actor, &f)?.require(RoomAction::Read)?;
    Ok(f)
}

/// The `FolderContentDto` of `folder` (rooms for the Rooms and Archive sections).
pub fn content_of(
    conn: &Connection,
    portal: &str,
    actor: &Actor,
    folder: &Folder,
    cq: &ContentQuery,
) -> Result<Value, ApiError> {
    permissions::folder_level(conn, actor, folder)?.require(RoomAction::Read)?;
    let p = cq.paging;
    if matches!(
        folder.folder_type,
        folder_type::VIRTUAL_ROOMS | folder_type::ARCHIVE
    ) {
        let user = actor.user()?;
        let filter = RoomFilter {
            parents: vec![folder.id],
            search: cq.filter.search.clone(),
            sort: cq.filter.sort,
            descending: cq.filter.descending,
            visible_to: (!portal_allows(user, PortalAction::ReadAnyRoom)).then(|| user.id.clone()),
            pinned_for: user.id.clone(),
            ..RoomFilter::default()
        };
        let (list, total) = room_db::list(conn, &filter, p.start, p.count)?;
        return dto::content(
            conn,
            portal,
            actor,
            folder,
            dto::Page {
                folders: &list,
                files: &[],
                start: p.start,
                total,
            },
        );
    }
    let (folders, files, total) = entries::children(conn, folder.id, &cq.filter, p.start, p.count)?;
    dto::content(
        conn,
        portal,
        actor,
        folder,
        dto::Page {
            folders: &folders,
            files: &files,
            start: p.start,
            total,
        },
    )
}

/// `GET /api/2.0/files/{folderId}` (also `@my`, `@trash`, `@root`, `@recent`, `@favorites`).
pub async fn contents(
    State(state): State<AppState>,
    actor: Actor,
    Portal(portal): Portal,
    Path(folder): Path<String>,
    q: Query,
) -> ApiResult {
    if let Some(tag) = super::sections::section_of(&folder) {
        return super::sections::contents(state, actor, portal, tag, q).await;
    }
    let cq = ContentQuery::parse(&q)?;
    if folder.eq_ignore_ascii_case("@root") {
        let without_trash = q.bool("withoutTrash")?.unwrap_or(false);
        return root(state, actor, portal, cq, without_trash).await;
    }
    let v = state
        .db
        .read(move |c| {
            let f = resolve_folder(c, &actor, &folder)?;
            content_of(c, &portal, &actor, &f, &cq)
        })
        .await?;
    Ok(Envelope::from_value(v))
}

async fn root(
    state: AppState,
    actor: Actor,
    portal: String,
    cq: ContentQuery,
    without_trash: bool,
) -> ApiResult {
    let v = state
        .db
        .read(move |c| {
            let user = actor.user()?.clone();
            let mut sections = Vec::new();
            if portal_allows(&user, PortalAction::MyDocuments)
                && let Some(my) = entries::section(c, folder_type::USER, Some(&user.id))?
            {
                sections.push(my);
            }
            sections.push(super::rooms::rooms_section(c)?);
            sections.push(super::rooms::archive_section(c)?);
            if !without_trash
                && let Some(t) = entries::section(c, folder_type::TRASH, Some(&user.id))?
            {
                sections.push(t);
            }
            sections
                .iter()
                .map(|s| content_of(c, &portal, &actor, s, &cq))
                .collect::<Result<Vec<_>, _>>()
        })
        .await?;
    Ok(Envelope::ok(v))
}

/// `GET /api/2.0/files/{folderId}/subfolders`.
pub async fn subfolders(Call { actor, portal, db }: Call, Path(folder): Path<String>) -> ApiResult {
    db.read(move |c| {
        let f = readable_folder(c, &actor, &folder)?;
        let only_folders = ListFilter {
            folders: true,
            ..ListFilter::default()
        };
        let (list, _, _) = entries::children(c, f.id, &only_folders, 0, 1000)?;
        dto::folders(c, &portal, &actor, &list)
    })
    .await
}

/// `{title}`.
#[derive(Deserialize)]
pub struct TitleRequest {
    title: Option<String>,
}

fn check_container(folder: &Folder) -> Result<(), ApiError> {
    if matches!(
        folder.folder_type,
        folder_type::VIRTUAL_ROOMS | folder_type::ARCHIVE | folder_type::TRASH
    ) {
        return Err(ApiError::AccessDenied);
    }
    Ok(())
}

/// `POST /api/2.0/files/folder/{parentId}` → `FolderDto`.
pub async fn create(
    Call { actor, portal, db }: Call,
    Path(parent): Path<String>,
    JsonBody(req): JsonBody<TitleRequest>,
) -> ApiResult {
    let t = title(req.title.as_deref().unwrap_or(""), "title", TITLE_MAX)?;
    db.write(move |tx| {
        let user = actor.user()?.id.clone();
        let parent = resolve_folder(tx, &actor, &parent)?;
        check_container(&parent)?;
        permissions::folder_level(tx, &actor, &parent)?.require(RoomAction::Create)?;
        let t = entries::unique_folder_title(tx, parent.id, &t)?;
        let f = entries::insert_folder(
            tx,
            &parent,
            &NewFolder {
                title: t,
                folder_type: folder_type::DEFAULT,
                room_type: None,
                owner_id: user,
            },
        )?;
        dto::folder(tx, &portal, &actor, &f)
    })
    .await
}

/// `GET /api/2.0/files/folder/{folderId}` → `FolderDto`.
pub async fn info(Call { actor, portal, db }: Call, Path(id): Path<String>) -> ApiResult {
    db.read(move |c| {
        let f = readable_folder(c, &actor, &id)?;
        dto::folder(c, &portal, &actor, &f)
    })
    .await
}

/// `PUT /api/2.0/files/folder/{folderId}` (rename) → `FolderDto`.
pub async fn rename(
    Call { actor, portal, db }: Call,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<TitleRequest>,
) -> ApiResult {
    let t = title(req.title.as_deref().unwrap_or(""), "title", TITLE_MAX)?;
    db.write(move |tx| {
        let user = actor.user()?.id.clone();
        let f = resolve_folder(tx, &actor, &id)?;
        if f.parent_id.is_none() {
            return Err(ApiError::AccessDenied);
        }
        let level = permissions::folder_level(tx, &actor, &f)?;
        let allowed = if f.is_room() {
            level.allows(RoomAction::EditRoom)
        } else {
            level.may_modify(&actor, &f.owner_id)
        };
        if !allowed {
            return Err(ApiError::AccessDenied);
        }
        entries::rename_folder(tx, f.id, &t, &user)?;
        let f = resolve_folder(tx, &actor, &f.id.to_string())?;
        dto::folder(tx, &portal, &actor, &f)
    })
    .await
}

/// `{deleteAfter?, immediately?}`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct DeleteRequest {
    #[serde(default)]
    #[allow(dead_code)] // Deletion finishes inside the request.
    pub delete_after: Option<bool>,
    #[serde(default)]
    pub immediately: Option<bool>,
}

/// `DELETE /api/2.0/files/folder/{folderId}` (body required) → `FileOperationDto[]`.
pub async fn delete(
    Call { actor, db, .. }: Call,
    Path(id): Path<String>,
    JsonBody(req): JsonBody<DeleteRequest>,
) -> ApiResult {
    db.write(move |tx| {
        let f = resolve_folder(tx, &actor, &id)?;
        if f.is_room() {
            return Err(ApiError::InvalidOperation(
                "Rooms are deleted with DELETE files/rooms/{id}".into(),
            ));
        }
        let op = fileops::remove(tx, &actor, &[f.id], &[], req.immediately.unwrap_or(false))?;
        Ok(json!([op]))
    })
    .await
}

/// `GET /api/2.0/files/folder/{folderId}/path` → the breadcrumb as `FolderDto`s.
pub async fn path(Call { actor, portal, db }: Call, Path(id): Path<String>) -> ApiResult {
    db.read(move |c| {
        let f = readable_folder(c, &actor, &id)?;
        let chain = entries::path(c, &f)?;
        dto::folders(c, &portal, &actor, &chain)
    })
    .await
}
