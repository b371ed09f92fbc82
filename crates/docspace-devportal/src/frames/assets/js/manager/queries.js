// The manager's reads: a page of the list it shows, and what the host may ask about rooms and
// folders, as DocSpace's manager answers `getFolderInfo` and `getRooms`
// (ONLYOFFICE/docspace-sdk-js `src/instance/index.ts`).

import { FolderType } from "../items.js";
import { api, query } from "../rest.js";
import { linkHeaders } from "../share.js";

/**
 * One page of `place`'s list (`{section, folderId, key, filter}`, see `location.js`) from
 * `startIndex`: through a link key (its room is `linkFolder`), a folder, My documents, or the
 * Rooms or Archive section.
 */
export function listPage(place, startIndex, linkFolder, signal) {
  const f = place.filter;
  const common = {
    count: f.count,
    startIndex,
    sortBy: f.sortBy,
    sortOrder: f.sortOrder,
    filterValue: f.search || undefined,
  };
  if (place.key) {
    return api(`files/${place.folderId || linkFolder}${query(common)}`, { headers: linkHeaders(place.key), signal });
  }
  if (place.folderId) {
    return api(`files/${place.folderId}${query({ ...common, withSubfolders: f.withSubfolders || undefined })}`, { signal });
  }
  if (place.section === "personal") return api(`files/@my${query(common)}`, { signal });
  const searchArea = place.section === "archived" ? "Archive" : "Active";
  return api(`files/rooms${query({ ...common, searchArea })}`, { signal });
}

/**
 * The selected folder of `listing` (`{current, pathParts, …}`) as DocSpace's
 * `selectedFolderStore` reports it.
 */
export function folderInfo(listing) {
  if (!listing || !listing.current) return {};
  const current = listing.current;
  const pathParts = listing.pathParts || [];
  const isRoom = Boolean(current.roomType);
  return {
    ...current,
    pathParts,
    navigationPath: pathParts
      .slice(0, -1)
      .reverse()
      .map((p, i, all) => ({
        id: p.id,
        title: p.title,
        isRoom: Boolean(p.roomType),
        roomType: p.roomType,
        isRootRoom: i === all.length - 1 && p.folderType === FolderType.Rooms,
      })),
    isRoom,
    isFolder: true,
    isArchive: current.rootFolderType === FolderType.Archive,
    isTemplate: current.rootFolderType === FolderType.RoomTemplates,
    tags: current.tags || [],
  };
}

/**
 * `getRooms(filter)`: RoomsFilter's defaults overlaid with the host's RoomsFilter-named keys
 * (`page`, `pageCount`, `filterValue`, `type`, `sortBy`, `sortOrder`, `searchArea`, `tags`, …).
 */
export async function getRooms(filter) {
  const f = {
    page: 0,
    pageCount: 25,
    searchArea: "Active",
    sortBy: "DateAndTime",
    sortOrder: "descending",
    ...(filter && typeof filter === "object" ? filter : {}),
  };
  const pageCount = Number(f.pageCount) || 25;
  const q = {
    count: pageCount,
    startIndex: f.startIndex || (Number(f.page) || 0) * pageCount,
    filterValue: (f.filterValue ?? "").trim() || undefined,
    provider: f.provider,
    type: f.type,
    subjectId: f.subjectId,
    searchInContent: f.searchInContent,
    withSubfolders: f.withSubfolders,
    searchArea: f.searchArea,
    tags: Array.isArray(f.tags) ? JSON.stringify(f.tags) : f.tags,
    sortBy: f.sortBy,
    sortOrder: f.sortOrder,
    excludeSubject: f.excludeSubject,
    withoutTags: f.withoutTags,
    subjectFilter: f.subjectFilter,
    quotaFilter: f.quotaFilter,
    storageFilter: f.storageFilter,
  };
  return api(`files/rooms${query(q)}`);
}
