// DocSpace's enums and the payload shapes its frames send (ONLYOFFICE/docspace-sdk-js: src/enums/index.ts, src/types/index.ts).

/** RoomsType. */
export const RoomType = Object.freeze({ Form: 1, Editing: 2, Custom: 5, Public: 6, VirtualData: 8, AI: 9 });

/** FolderType values the pages care about. */
export const FolderType = Object.freeze({ User: 5, Rooms: 14, Archive: 20, RoomTemplates: 30 });

/** FileType. */
export const FileType = Object.freeze({
  Unknown: 0,
  Archive: 1,
  Video: 2,
  Audio: 3,
  Image: 4,
  Spreadsheet: 5,
  Presentation: 6,
  Document: 7,
  Pdf: 10,
  Diagram: 11,
});

const ROOM_TYPES = [
  { type: RoomType.Form, name: "Form filling room", icon: "formRoom.svg" },
  { type: RoomType.Editing, name: "Collaboration room", icon: "editingRoom.svg" },
  { type: RoomType.Custom, name: "Custom room", icon: "customRoom.svg" },
  { type: RoomType.Public, name: "Public room", icon: "publicRoom.svg" },
  { type: RoomType.VirtualData, name: "Virtual data room", icon: "virtualRoom.svg" },
  { type: RoomType.AI, name: "AI room", icon: "aiRoom.svg" },
];

/** Every room type with its UI name, in DocSpace's menu order. */
export const roomTypes = () => ROOM_TYPES.map((t) => ({ ...t }));

/** The UI name of a room type. */
export function roomTypeName(type) {
  const t = ROOM_TYPES.find((r) => r.type === Number(type));
  return t ? t.name : "Room";
}

/** DocSpace's default room icon at 32px (`getRoomsIcon`), as a portal-relative URL. */
export function roomIconUrl(roomType, isArchive = false) {
  const t = ROOM_TYPES.find((r) => r.type === Number(roomType));
  const file = isArchive ? "archiveRoom.svg" : t ? t.icon : "customRoom.svg";
  return `/static/images/icons/32/rooms/${file}`;
}

export const FOLDER_ICON = "/static/images/icons/32/folder.svg";
export const FILE_ICON = "/static/images/icons/32/file.svg";

/** The icon to show for a list entry. */
export function iconOf(item) {
  if (item.roomType) {
    const logo = item.logo && item.logo.medium;
    return logo || roomIconUrl(item.roomType, item.rootFolderType === FolderType.Archive);
  }
  return isFolder(item) ? FOLDER_ICON : FILE_ICON;
}

/** Whether a REST entry is a folder or room (`fileEntryType` 1, or folder-only fields). */
export function isFolder(item) {
  if (item.fileEntryType !== undefined) return item.fileEntryType === 1;
  return item.fileExst === undefined && item.folderId === undefined;
}

/** A room that has an external link: public rooms, and shared custom or form rooms. */
export function isSharedRoom(room) {
  return (
    room.roomType === RoomType.Public ||
    ((room.roomType === RoomType.Custom || room.roomType === RoomType.Form) && Boolean(room.shared))
  );
}

/** The room selector's item for a room (`convertToItems`), as the Selector holds it. */
export function roomSelectorItem(room) {
  const logo = room.logo || {};
  return {
    id: room.id,
    label: room.title,
    icon: logo.medium ?? "",
    iconOriginal: logo.original,
    color: logo.color,
    roomType: room.roomType,
    shared: room.shared,
    isFolder: true,
    parentId: room.parentId,
    filesCount: room.filesCount,
    foldersCount: room.foldersCount,
    rootFolderType: room.rootFolderType,
    security: room.security,
    cover: logo.cover,
    isTemplate: room.rootFolderType === FolderType.RoomTemplates,
    logo: room.logo,
    title: room.title,
    denyDownload: room.denyDownload,
    indexing: room.indexing,
    lifetime: room.lifetime,
    watermark: room.watermark,
    tags: room.tags,
    quotaLimit: room.quotaLimit,
    isSelected: false,
  };
}

/** `{id, primary, title, requestToken}` of a `GET …/link` answer (a FileShareDto). */
export function requestTokenOf(share) {
  const link = (share && (share.sharedTo || share.sharedLink)) || {};
  return { id: link.id, primary: link.primary, title: link.title, requestToken: link.requestToken };
}

/** The editor's document type for a FileType: word, slide, cell, pdf or null. */
export function documentTypeOf(fileType) {
  switch (Number(fileType)) {
    case FileType.Document:
      return "word";
    case FileType.Presentation:
      return "slide";
    case FileType.Spreadsheet:
      return "cell";
    case FileType.Pdf:
      return "pdf";
    default:
      return null;
  }
}

/** The file selector's `onSelectCallback` payload (without `requestTokens`). */
export function selectedFileInfo(file, inPublic) {
  return {
    id: file.id,
    title: file.title,
    fileExst: file.fileExst,
    fileType: file.fileType,
    viewUrl: file.viewUrl,
    inPublic,
    documentType: file.fileType !== undefined ? documentTypeOf(file.fileType) : null,
  };
}

/** Extensions the stand-in editor edits as plain text. */
const TEXT_EXTENSIONS = new Set([
  ".txt", ".md", ".markdown", ".csv", ".tsv", ".html", ".htm", ".json", ".xml", ".log", ".ini",
  ".yml", ".yaml", ".css", ".js", ".ts", ".rs", ".py", ".sh", ".sql", ".toml", ".svg",
]);

/** Whether the stand-in editor can show `ext` (".txt", ".md", …) as text. */
export function isTextFormat(ext) {
  return TEXT_EXTENSIONS.has(String(ext || "").toLowerCase());
}

/** The extension of a title, with its dot, lower-case ("" when none). */
export function extensionOf(title) {
  const m = /\.[^./\\]+$/.exec(String(title || ""));
  return m ? m[0].toLowerCase() : "";
}

/** "1.2 MB" from bytes, or the server's `contentLength` text. */
export function sizeText(item) {
  if (item.contentLength) return item.contentLength;
  const n = Number(item.pureContentLength);
  if (!Number.isFinite(n)) return "";
  const units = ["bytes", "KB", "MB", "GB", "TB"];
  let v = n;
  let i = 0;
  while (v >= 1024 && i < units.length - 1) {
    v /= 1024;
    i += 1;
  }
  return i === 0 ? `${v} bytes` : `${v.toFixed(1)} ${units[i]}`;
}

/** A short local date from an ApiDateTime string ("" when absent or unparsable). */
export function dateText(s) {
  if (!s) return "";
  const d = new Date(s);
  if (Number.isNaN(d.getTime()) || d.getFullYear() < 2) return "";
  return d.toLocaleDateString(undefined, { year: "numeric", month: "short", day: "numeric" });
}

/**
 * The FilesFilter fields DocSpace sets for a file-selector `filter` parameter
 * (`configureFilterByFilterParam`): an extension list or a FilterType.
 */
function fileFilterQuery(filterParam, webEditableExts = []) {
  const num = Number(filterParam);
  const p = filterParam === undefined || filterParam === null || filterParam === "" ? "ALL" : filterParam;
  if (p === "ALL") return {};
  const byType = (filterType) => ({ applyFilterOption: 1, filterType });
  switch (p) {
    case "DOCX":
      return { applyFilterOption: 1, extension: "DOCX" };
    case "IMG":
      return byType(7);
    case "XLSX":
      return byType(5);
    case "PDF":
      return byType(22);
    case "BackupOnly":
      return { applyFilterOption: 1, extension: "gz,tar" };
    case "EditorSupportedTypes":
      return { applyFilterOption: 1, extension: webEditableExts.map((e) => e.replace(/^\./, "")).join(",") };
    case "PDFTypes":
      return { applyFilterOption: 1, extension: "pdf" };
    default:
      if (!Number.isNaN(num) && String(p).trim() !== "") return byType(num);
      return { applyFilterOption: 1, extension: String(p) };
  }
}

/** Whether a file passes a file-selector filter (the same rules, applied in the page). */
export function fileMatchesFilter(file, filterParam) {
  const q = fileFilterQuery(filterParam);
  const ext = String(file.fileExst || extensionOf(file.title)).replace(/^\./, "").toLowerCase();
  if (q.extension !== undefined) {
    return q.extension.toLowerCase().split(",").map((e) => e.trim()).includes(ext);
  }
  if (q.filterType === undefined) return true;
  const type = Number(file.fileType);
  switch (q.filterType) {
    case 1:
      return true;
    case 2:
      return false;
    case 3:
      return type === FileType.Document;
    case 4:
      return type === FileType.Presentation;
    case 5:
      return type === FileType.Spreadsheet;
    case 7:
      return type === FileType.Image;
    case 10:
      return type === FileType.Archive;
    case 12:
      return type === FileType.Video || type === FileType.Audio;
    case 22:
      return type === FileType.Pdf;
    case 23:
      return type === FileType.Pdf && Boolean(file.isForm);
    case 25:
      return type === FileType.Diagram;
    default:
      return true;
  }
}

/** The subtitle a file selector shows for its filter (`getSelectFormatTranslation`). */
export function filterDescription(filterParam) {
  switch (filterParam) {
    case undefined:
    case null:
    case "":
    case "ALL":
      return "Select any file";
    case "DOCX":
      return "Only .docx files can be selected";
    case "IMG":
      return "Only images can be selected";
    case "XLSX":
      return "Only spreadsheets can be selected";
    case "PDF":
    case "PDFTypes":
    case 22:
    case "22":
      return "Only PDF files can be selected";
    case "BackupOnly":
      return "Only .gz and .tar files can be selected";
    case "EditorSupportedTypes":
      return "Only documents the editors open can be selected";
    default:
      return `Only files matching “${filterParam}” can be selected`;
  }
}
