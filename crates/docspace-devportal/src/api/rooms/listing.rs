//! Listing rooms: the Rooms, Archive or Templates section with filters and paging.

use super::settings::parse_room_type;
use super::{archive_section, rooms_section};
use serde_json::Value;

use crate::api::extract::{Paging, Query};
use crate::api::{Portal, Store, dto};
use crate::auth::Caller;
use crate::db::entries::{Folder, SortBy};
use crate::db::rooms::{self, RoomFilter};
use crate::envelope::{ApiError, ApiResult};
use crate::permissions::{PortalAction, portal_allows};

/// `GET /api/2.0/files/rooms`: the Rooms (or Archive) section with filters and paging.
pub async fn list(db: Store, caller: Caller, Portal(portal): Portal, q: Query) -> ApiResult {
    let paging = Paging::from_query(&q)?;
    let mut types = Vec::new();
    for t in q.all("type") {
        types.push(parse_room_type(&Value::String(t.to_string()))?);
    }
    let area = q
        .enum_value(
            "searchArea",
            &[
                ("Active", 0),
                ("Archive", 1),
                ("Any", 2),
                ("RecentByLinks", 3),
                ("Templates", 4),
                ("Knowledge", 5),
                ("ResultStorage", 6),
                ("AiAgents", 7),
            ],
        )?
        .unwrap_or(0);
    let tag_list: Vec<String> = match q.get("tags") {
        Some(raw) => serde_json::from_str(raw).map_err(|_| {
            ApiError::field(
                "Tags",
                "The tags must be a JSON array of strings, e.g. [\"a\",\"b\"].",
            )
        })?,
        None => Vec::new(),
    };
    for name in [
        "provider",
        "subjectFilter",
        "quotaFilter",
        "storageFilter",
        "groupId",
    ] {
        q.int(name)?;
    }
    let without_tags = q.bool("withoutTags")?.unwrap_or(false);
    let exclude_subject = q.bool("excludeSubject")?.unwrap_or(false);
    let sort = SortBy::parse(q.get("sortBy").unwrap_or("DateAndTime"));
    let descending = match q.get("sortOrder") {
        Some(s) => matches!(s.to_ascii_lowercase().as_str(), "1" | "descending"),
        None => sort != SortBy::Title,
    };
    let subject = q.get("subjectId").map(str::to_string);
    let owner = q.get("subjectOwnerId").map(str::to_string);
    let search = q.get("filterValue").map(str::to_string);
    let user = caller.user.clone();
    let actor = caller.actor();
    db.read(move |c| {
        let rooms_root = rooms_section(c)?;
        let archive = archive_section(c)?;
        let (current, parents) = match area {
            0 => (rooms_root.clone(), vec![rooms_root.id]),
            1 => (archive.clone(), vec![archive.id]),
            2 => (rooms_root.clone(), vec![rooms_root.id, archive.id]),
            // `SearchArea.Templates`: the templates section (`FolderType.RoomTemplates`), see
            // ONLYOFFICE/DocSpace-server `products/ASC.Files/Core/Services/WCFService/FileStorageService.cs`.
            4 => match crate::db::templates::section(c)? {
                Some(t) => (t.clone(), vec![t.id]),
                None => (rooms_root.clone(), vec![]),
            },
            _ => (rooms_root.clone(), vec![]),
        };
        let filter = RoomFilter {
            parents,
            types,
            subject: subject.clone().filter(|_| !exclude_subject),
            owner,
            without_tags,
            tags: tag_list,
            search,
            sort,
            descending,
            visible_to: (!portal_allows(&user, PortalAction::ReadAnyRoom)).then(|| user.id.clone()),
            pinned_for: user.id.clone(),
        };
        let (list, total) = if filter.parents.is_empty() {
            (Vec::new(), 0)
        } else {
            rooms::list(c, &filter, paging.start, paging.count)?
        };
        let list: Vec<Folder> = match (&subject, exclude_subject) {
            (Some(s), true) => list.into_iter().filter(|r| &r.owner_id != s).collect(),
            _ => list,
        };
        dto::content(
            c,
            &portal,
            &actor,
            &current,
            dto::Page {
                folders: &list,
                files: &[],
                start: paging.start,
                total,
            },
        )
    })
    .await
}
