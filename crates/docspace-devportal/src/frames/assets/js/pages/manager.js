// /rooms/{shared,personal,archived}/[{id}/]filter?…: the manager. Rooms, folders and files with
// navigation and breadcrumbs, creating rooms, folders and files, room tags, and DocSpace's frame
// behaviour (ONLYOFFICE/docspace-sdk-js `src/instance/index.ts`; ONLYOFFICE/DocSpace-client's
// SDK pages): onAppReady on every setConfig, setIsLoaded
// after every load, the manager's methods, onEditorOpen / onFileManagerClick / onDownload /
// onNotFound / onNoAccess / onSignOut. With `key` it shows the linked room read-only.

import { createHash, getHashSettings, getUserInfo, login, logout } from "../account.js";
import { breadcrumbs } from "../breadcrumbs.js";
import { field, formDialog } from "../dialog.js";
import { add, announce, h, replace } from "../dom.js";
import { VIEWS, entryContent, listItem } from "../folder-view.js";
import { messageOf, notice, redirectIfSignedOut, signInUrl, startPage } from "../frame-page.js";
import { FolderType, isFolder, roomIconUrl, roomTypes } from "../items.js";
import { Listbox } from "../listbox.js";
import { menuButton } from "../menu.js";
import { callEvent, hostHandles, isFramed, requestConfig, serveMethods, setIsLoaded } from "../protocol.js";
import { api, query } from "../rest.js";
import { LinkStatus, linkHeaders, linkedFolderId, validateKey } from "../share.js";
import { applyTheme } from "../theme.js";
import { Tree } from "../tree.js";

// ---------------------------------------------------------------------------------------------
// State

const SECTIONS = {
  shared: { title: "Rooms", path: "/rooms/shared/" },
  personal: { title: "My documents", path: "/rooms/personal/" },
  archived: { title: "Archive", path: "/rooms/archived/" },
};

/** Where the list is and how it is filtered; read from and written to the URL. */
let place = readLocation();
/** The host's config (setConfig); until it arrives, the SDK's defaults apply. */
let config = null;
/** The last folder listing: `{current, pathParts, folders, files, total}`. */
let listing = null;
let entries = [];
let user = null;
let linkFolder = null;
let loading = null;
let viewAs = VIEWS.includes(localStorage.getItem("viewAs")) ? localStorage.getItem("viewAs") : "row";

function readLocation() {
  const m = /^\/rooms\/(shared|personal|archived|share)(?:\/(\d+))?/.exec(window.location.pathname);
  const p = new URLSearchParams(window.location.search);
  const section = m && m[1] !== "share" ? m[1] : "shared";
  const folder = (m && m[2]) || (/^\d+$/.test(p.get("folder") || "") ? p.get("folder") : null);
  const count = Math.min(100, Math.max(1, Number(p.get("count")) || 100));
  return {
    section,
    folderId: folder,
    key: p.get("key") || "",
    filter: {
      count,
      page: Math.max(1, Math.trunc(Number(p.get("page")) || 1)),
      // 2.x sends camelCase keys, 1.x lowercase; both are honoured (DocSpace honours one or the
      // other depending on the list), and so is `search` for room lists.
      sortBy: p.get("sortBy") || p.get("sortby") || "DateAndTime",
      sortOrder: p.get("sortOrder") || p.get("sortorder") || "descending",
      search: p.get("search") ?? p.get("filterValue") ?? "",
      withSubfolders: p.get("withSubfolders") === "true",
    },
  };
}

function urlOf(target) {
  const q = new URLSearchParams();
  if (target.key) q.set("key", target.key);
  if (target.folderId) q.set("folder", target.folderId);
  const f = target.filter;
  q.set("count", String(f.count));
  q.set("page", String(f.page));
  q.set("sortOrder", f.sortOrder);
  q.set("sortBy", f.sortBy);
  q.set("search", f.search);
  if (f.withSubfolders) q.set("withSubfolders", "true");
  const base = SECTIONS[target.section].path;
  return `${base}${target.folderId ? `${target.folderId}/` : ""}filter?${q}`;
}

const readOnly = () => Boolean(place.key) || place.section === "archived";
/** A config option; before the config arrives (or outside a frame) the defaults apply. */
const option = (name, framedDefault, standaloneDefault = framedDefault) =>
  config && config[name] !== undefined && config[name] !== null
    ? config[name]
    : isFramed()
      ? framedDefault
      : standaloneDefault;

// ---------------------------------------------------------------------------------------------
// Layout

const app = startPage("Rooms");
app.classList.add("manager");

const headerBox = h("div", { class: "manager-header-box" });
const menuBox = h("aside", { class: "side-menu", attrs: { "aria-label": "Sections" }, hidden: true });
const titleBox = h("div", { class: "section-title-box" });
const filterBox = h("div", { class: "filter-bar", hidden: true });
const status = h("div", { class: "list-status", attrs: { role: "status" } });
const more = h("button", { type: "button", class: "button load-more", id: "load-more", text: "Show more", hidden: true });
const toolbar = h("div", { class: "selection-toolbar", attrs: { role: "toolbar", "aria-label": "Selected items" }, hidden: true });

const list = new Listbox({
  id: "entries",
  label: "Rooms, folders and files",
  multiselectable: true,
  className: `view-${viewAs}`,
  render: entryContent,
  textOf: (item) => item.title,
  onActivate: (item) => activate(item),
  onSelectionChange: () => paintToolbar(),
  onKey: (e) => {
    if (e.key === "Backspace" || (e.altKey && e.key === "ArrowUp")) {
      goUp();
      return true;
    }
    return false;
  },
});

const tree = new Tree({ label: "Sections", onActivate: (node) => node.go() });
menuBox.appendChild(tree.el);

add(
  app,
  headerBox,
  h(
    "div",
    { class: "manager-main" },
    menuBox,
    h("main", { class: "manager-section" }, titleBox, filterBox, toolbar, list.el, status, more),
  ),
);
more.addEventListener("click", () => load({ append: true }));

// ---------------------------------------------------------------------------------------------
// Protocol

serveMethods({
  setConfig(data) {
    config = data && typeof data === "object" ? data : null;
    if (config) {
      if (config.theme) applyTheme(config.theme);
      callEvent("onAppReady", { frameId: config.frameId });
    }
    paintChrome();
    return data;
  },
  getFolderInfo: () => folderInfo(),
  getSelection: () => list.selectedItems().map(listItem),
  getFiles: () => (listing ? listing.files || [] : []),
  getFolders: () => (listing ? listing.folders || [] : []),
  getList: () => entries.map(listItem),
  getRooms: (filter) => getRooms(filter),
  getUserInfo,
  getHashSettings,
  createHash,
  async login(data) {
    const res = await login(data);
    user = null;
    await Promise.all([loadUser(), load()]);
    return res;
  },
  async logout() {
    await logout();
    setTimeout(() => window.location.assign(signInUrl()), 50);
    return {};
  },
  openModal(data) {
    const { type, options } = data || {};
    if (type === "CreateFile") createFileDialog(options);
    else if (type === "CreateFolder") createFolderDialog();
    else createRoomDialog();
    return undefined;
  },
  async createFile(data) {
    const { folderId, title, templateId, formId } = data || {};
    const file = await api(`files/${folderId}/file`, { method: "POST", body: { title, templateId, formId } });
    refresh();
    return file;
  },
  async createFolder(data) {
    const { parentFolderId, title } = data || {};
    if (typeof title !== "string") throw new TypeError("title is not a string");
    const folder = await api(`files/folder/${parentFolderId}`, { method: "POST", body: { title: title.trimEnd() } });
    refresh();
    return folder;
  },
  async createRoom(data) {
    const room = await api("files/rooms", { method: "POST", body: data });
    refresh();
    refreshMenu();
    return room;
  },
  setListView(data) {
    const type = typeof data === "string" ? data : data && data.viewType;
    setView(type);
    return undefined;
  },
  createTag(data) {
    const name = typeof data === "string" ? data : data && data.name;
    return api("files/tags", { method: "POST", body: { name } });
  },
  async addTagsToRoom(data) {
    const { roomId, tags } = data || {};
    const room = await api(`files/rooms/${roomId}/tags`, { method: "PUT", body: { names: tags } });
    refresh();
    return room;
  },
  async removeTagsFromRoom(data) {
    const { roomId, tags } = data || {};
    const room = await api(`files/rooms/${roomId}/tags`, { method: "DELETE", body: { names: tags } });
    refresh();
    return room;
  },
});

/** The selected folder as DocSpace's `selectedFolderStore` reports it. */
function folderInfo() {
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
async function getRooms(filter) {
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

// ---------------------------------------------------------------------------------------------
// Loading

async function loadUser() {
  if (place.key) return;
  try {
    user = await api("people/@self");
  } catch (err) {
    if (redirectIfSignedOut(err)) return;
    user = null;
  }
  paintChrome();
}

async function resolveLink() {
  const dto = await validateKey(place.key);
  if (!dto || dto.status !== LinkStatus.Ok) {
    const expired = dto && dto.status === LinkStatus.Expired;
    const err = new Error(expired ? "This link has expired." : "This link is not valid.");
    err.status = expired ? 403 : 404;
    throw err;
  }
  linkFolder = linkedFolderId(dto);
}

async function load({ append = false } = {}) {
  if (loading) loading.abort();
  const ctrl = new AbortController();
  loading = ctrl;
  list.el.setAttribute("aria-busy", "true");
  if (!append) replace(status, "Loading…");
  const f = place.filter;
  const common = {
    count: f.count,
    startIndex: append ? entries.length + (f.page - 1) * f.count : (f.page - 1) * f.count,
    sortBy: f.sortBy,
    sortOrder: f.sortOrder,
    filterValue: f.search || undefined,
  };
  try {
    let res;
    if (place.key) {
      if (!linkFolder) await resolveLink();
      res = await api(`files/${place.folderId || linkFolder}${query(common)}`, {
        headers: linkHeaders(place.key),
        signal: ctrl.signal,
      });
    } else if (place.folderId) {
      res = await api(`files/${place.folderId}${query({ ...common, withSubfolders: f.withSubfolders || undefined })}`, {
        signal: ctrl.signal,
      });
    } else if (place.section === "personal") {
      res = await api(`files/@my${query(common)}`, { signal: ctrl.signal });
    } else {
      const searchArea = place.section === "archived" ? "Archive" : "Active";
      res = await api(`files/rooms${query({ ...common, searchArea })}`, { signal: ctrl.signal });
    }
    const page = [...(res.folders || []), ...(res.files || [])];
    listing = append
      ? { ...res, folders: [...listing.folders, ...(res.folders || [])], files: [...listing.files, ...(res.files || [])] }
      : res;
    entries = append ? entries.concat(page) : page;
    list.setItems(entries);
    const total = Number(res.total) || entries.length;
    more.hidden = entries.length + (f.page - 1) * f.count >= total;
    replace(status, entries.length ? "" : emptyText());
    paintChrome();
    if (!append) announce(`${titleOf()}: ${entries.length} items`);
  } catch (err) {
    if (err.name === "AbortError") return;
    if (!place.key && redirectIfSignedOut(err)) return;
    listing = null;
    entries = [];
    list.setItems([]);
    more.hidden = true;
    if (err.status === 404) callEvent("onNotFound");
    if (err.status === 403) callEvent("onNoAccess");
    const title =
      err.status === 404 ? "Not found" : err.status === 403 ? "No access" : "This folder cannot be loaded";
    replace(
      status,
      notice("error", title, messageOf(err), h("button", { type: "button", class: "button", text: "Go to Rooms", on: { click: () => navigate({ section: "shared", folderId: null }) } })),
    );
    paintChrome();
  } finally {
    if (loading === ctrl) loading = null;
    list.el.removeAttribute("aria-busy");
    setIsLoaded();
  }
}

function refresh() {
  return load();
}

function emptyText() {
  if (place.filter.search) return "Nothing matches your search.";
  if (!place.folderId && place.section === "shared") return "There are no rooms yet.";
  if (!place.folderId && place.section === "archived") return "The archive is empty.";
  return "This folder is empty.";
}

function titleOf() {
  if (listing && listing.current && listing.current.title) {
    if (!place.folderId && !place.key) return SECTIONS[place.section].title;
    return listing.current.title;
  }
  return SECTIONS[place.section].title;
}

// ---------------------------------------------------------------------------------------------
// Navigation and actions

/**
 * Goes to another place (`{section, folderId}`: the search is reset, as DocSpace does when the
 * folder changes) or changes the filter (`{filter}`), and loads it.
 */
function navigate(target, { replaceState = false } = {}) {
  const moving = !target.filter;
  const filter = { ...place.filter, ...(target.filter || {}), page: (target.filter && target.filter.page) || 1 };
  if (moving) {
    filter.search = "";
    const search = document.getElementById("filter-search");
    if (search) search.value = "";
  }
  place = { ...place, ...target, filter };
  const url = urlOf(place);
  if (replaceState) window.history.replaceState(null, "", url);
  else window.history.pushState(null, "", url);
  list.clearSelection();
  load();
  tree.setCurrent(currentTreeKey());
}

window.addEventListener("popstate", () => {
  place = readLocation();
  list.clearSelection();
  load();
});

/** pathParts as far up as the visitor may go (a share key opens nothing above its room). */
function visiblePath() {
  const parts = (listing && listing.pathParts) || [];
  if (!place.key) return parts;
  const i = parts.findIndex((p) => String(p.id) === String(linkFolder));
  return i >= 0 ? parts.slice(i) : parts.slice(-1);
}

/** The place a breadcrumb part stands for: a section root or a folder. */
function folderOfPart(part, index) {
  return index === 0 && !place.key ? null : String(part.id);
}

function goUp() {
  const parts = visiblePath();
  if (parts.length < 2) return;
  navigate({ folderId: folderOfPart(parts[parts.length - 2], parts.length - 2) });
}

function activate(item) {
  if (isFolder(item)) navigate({ folderId: String(item.id) });
  else openFile(item);
}

/** A file click: onFileManagerClick if the host wants it, else onEditorOpen, else the editor. */
function openFile(file) {
  if (hostHandles(config, "onFileManagerClick")) {
    callEvent("onFileManagerClick", listItem(file));
    return;
  }
  const canEdit = !readOnly() && !(file.security && file.security.Edit === false);
  const action = canEdit ? "edit" : "view";
  if (hostHandles(config, "onEditorOpen")) {
    callEvent("onEditorOpen", { ...file, share: place.key || undefined, action });
    return;
  }
  const q = new URLSearchParams({ fileId: String(file.id) });
  if (place.key) q.set("share", place.key);
  if (action === "view") q.set("action", "view");
  window.open(`/doceditor?${q}`, "_blank", "noopener");
}

/** Download: onDownload with the URL when the host asked for it (downloadToEvent), else save. */
function download(file) {
  const url = new URL(file.viewUrl || `/filehandler.ashx?action=download&fileid=${file.id}`, window.location.origin);
  if (place.key && !url.searchParams.has("share")) url.searchParams.set("share", place.key);
  if (config && config.downloadToEvent && hostHandles(config, "onDownload")) {
    callEvent("onDownload", url.href);
    return;
  }
  const a = h("a", { href: url.href, attrs: { download: file.title }, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
}

function setView(type) {
  if (!VIEWS.includes(type)) return;
  viewAs = type;
  localStorage.setItem("viewAs", type);
  VIEWS.forEach((v) => list.el.classList.toggle(`view-${v}`, v === type));
  const select = document.getElementById("view-select");
  if (select) select.value = type;
}

function currentFolderId() {
  if (listing && listing.current) return listing.current.id;
  return place.folderId;
}

// ---------------------------------------------------------------------------------------------
// Dialogs

function titleInput(value, name = "title") {
  return h("input", { type: "text", name, value, required: true, maxLength: 165, autocomplete: "off", attrs: { "aria-required": "true" } });
}

function requireTitle(form, name = "title") {
  const value = form.elements[name].value.trim();
  if (!value) {
    form.elements[name].focus();
    throw new Error("Enter a name.");
  }
  return value;
}

async function createFolderDialog() {
  const folder = await formDialog({
    title: "New folder",
    fields: [field("Name", titleInput("New folder"))],
    submitLabel: "Create",
    onSubmit: (form) =>
      api(`files/folder/${currentFolderId()}`, { method: "POST", body: { title: requireTitle(form) } }),
  });
  if (folder) {
    announce(`Folder ${folder.title} created`);
    await refresh();
    focusEntry(folder);
  }
}

const FILE_FORMATS = [
  ["docx", "Document (.docx)"],
  ["xlsx", "Spreadsheet (.xlsx)"],
  ["pptx", "Presentation (.pptx)"],
  ["txt", "Text (.txt)"],
  ["md", "Markdown (.md)"],
  ["csv", "CSV (.csv)"],
];

async function createFileDialog(extension) {
  const ext = String(extension || "docx").replace(/^\./, "").toLowerCase();
  const formats = FILE_FORMATS.some(([e]) => e === ext) ? FILE_FORMATS : [[ext, `.${ext}`], ...FILE_FORMATS];
  const format = h(
    "select",
    { name: "format" },
    formats.map(([e, label]) => h("option", { value: e, text: label, selected: e === ext })),
  );
  const file = await formDialog({
    title: "New file",
    fields: [field("Name", titleInput("New document")), field("Format", format)],
    submitLabel: "Create",
    onSubmit: (form) => {
      const name = requireTitle(form);
      const chosen = form.elements.format.value;
      const title = name.toLowerCase().endsWith(`.${chosen}`) ? name : `${name}.${chosen}`;
      return api(`files/${currentFolderId()}/file`, { method: "POST", body: { title } });
    },
  });
  if (!file) return;
  announce(`File ${file.title} created`);
  if (hostHandles(config, "onEditorOpen")) callEvent("onEditorOpen", file);
  await refresh();
  focusEntry(file);
}

async function createRoomDialog() {
  const type = h(
    "select",
    { name: "roomType" },
    roomTypes().map((t) => h("option", { value: String(t.type), text: t.name, selected: t.type === 5 })),
  );
  const tags = h("input", { type: "text", name: "tags", autocomplete: "off" });
  const room = await formDialog({
    title: "New room",
    fields: [
      field("Name", titleInput("New room")),
      field("Type", type),
      field("Tags", tags, "Separate tags with commas."),
    ],
    submitLabel: "Create",
    onSubmit: (form) => {
      const body = { title: requireTitle(form), roomType: Number(form.elements.roomType.value) };
      const names = splitTags(form.elements.tags.value);
      if (names.length) body.tags = names;
      return api("files/rooms", { method: "POST", body });
    },
  });
  if (!room) return;
  announce(`Room ${room.title} created`);
  refreshMenu();
  if (!place.folderId && place.section === "shared" && !place.key) {
    await refresh();
    focusEntry(room);
  } else navigate({ section: "shared", folderId: String(room.id) });
}

function splitTags(text) {
  return [...new Set(String(text).split(",").map((t) => t.trim()).filter(Boolean))];
}

async function tagsDialog(room) {
  const input = h("input", { type: "text", name: "tags", value: (room.tags || []).join(", "), autocomplete: "off" });
  const updated = await formDialog({
    title: `Tags of ${room.title}`,
    fields: [field("Tags", input, "Separate tags with commas. Remove a tag by deleting it.")],
    submitLabel: "Save",
    onSubmit: async (form) => {
      const wanted = splitTags(form.elements.tags.value);
      const had = room.tags || [];
      const added = wanted.filter((t) => !had.includes(t));
      const removed = had.filter((t) => !wanted.includes(t));
      let result = room;
      if (added.length) {
        const existing = (await api("files/tags")) || [];
        for (const name of added.filter((t) => !existing.includes(t))) {
          await api("files/tags", { method: "POST", body: { name } });
        }
        result = await api(`files/rooms/${room.id}/tags`, { method: "PUT", body: { names: added } });
      }
      if (removed.length) {
        result = await api(`files/rooms/${room.id}/tags`, { method: "DELETE", body: { names: removed } });
      }
      return result;
    },
  });
  if (updated) {
    announce("Tags saved");
    await refresh();
    focusEntry(room);
  }
}

function focusEntry(item) {
  const i = entries.findIndex((e) => e.id === item.id && isFolder(e) === isFolder(item));
  if (i < 0) return;
  list.el.focus();
  list.setActive(i);
  list.selectOnly(i);
}

// ---------------------------------------------------------------------------------------------
// Painting the chrome (header, menu, title, filter, toolbar) from the config

function paintChrome() {
  paintHeader();
  paintMenu();
  paintTitle();
  paintFilter();
  paintToolbar();
  document.title = `${titleOf()} · DocSpace devportal`;
}

function paintHeader() {
  if (!option("showHeader", false, true)) {
    replace(headerBox);
    return;
  }
  const signOut =
    option("showSignOut", true) && !place.key
      ? h("button", {
          type: "button",
          class: "button",
          id: "sign-out",
          text: "Sign out",
          on: {
            click: async () => {
              await logout();
              window.location.assign(signInUrl());
            },
          },
        })
      : null;
  replace(
    headerBox,
    h(
      "header",
      { class: "nav-menu" },
      h("img", { class: "logo", src: "/static/images/logo/lightsmall.svg", alt: "DocSpace devportal", width: 211, height: 24 }),
      h("span", { class: "spacer" }),
      user ? h("span", { class: "user-name", text: user.displayName }) : null,
      signOut,
    ),
  );
}

let menuRooms = null;
async function refreshMenu() {
  if (!option("showMenu", false, true) || place.key) return;
  try {
    const res = await api(`files/rooms${query({ count: 100, searchArea: "Active" })}`);
    menuRooms = (res && res.folders) || [];
  } catch {
    menuRooms = [];
  }
  paintMenu();
}

function currentTreeKey() {
  if (place.folderId && listing && listing.pathParts && listing.pathParts[1] && place.section === "shared") {
    return `room:${listing.pathParts[1].id}`;
  }
  return `section:${place.section}`;
}

function paintMenu() {
  const show = option("showMenu", false, true) && !place.key;
  menuBox.hidden = !show;
  if (!show) return;
  if (menuRooms === null) {
    menuRooms = [];
    refreshMenu();
  }
  const section = (key) => () => navigate({ section: key, folderId: null });
  tree.setNodes([
    {
      key: "section:shared",
      label: "Rooms",
      go: section("shared"),
      children: menuRooms.map((r) => ({
        key: `room:${r.id}`,
        label: r.title,
        icon: roomIconUrl(r.roomType),
        go: () => navigate({ section: "shared", folderId: String(r.id) }),
      })),
    },
    { key: "section:personal", label: "My documents", go: section("personal") },
    { key: "section:archived", label: "Archive", go: section("archived") },
  ]);
  tree.setCurrent(currentTreeKey());
}

function paintTitle() {
  if (!option("showTitle", true)) {
    replace(titleBox);
    return;
  }
  const parts = visiblePath().map((p, i) => ({
    ...p,
    title: i === 0 && !place.key ? SECTIONS[place.section].title : p.title,
  }));
  const crumbs =
    parts.length > 1
      ? breadcrumbs(
          parts,
          (part) => navigate({ folderId: folderOfPart(part, parts.indexOf(part)) }),
          (part) => urlOf({ ...place, folderId: folderOfPart(part, parts.indexOf(part)) }),
        )
      : null;
  replace(
    titleBox,
    crumbs,
    h("div", { class: "section-title" }, h("h1", { text: titleOf() }), createMenu()),
  );
}

function createMenu() {
  if (readOnly() || option("disableActionButton", false) === true || !listing) return null;
  const security = listing.current && listing.current.security;
  if (security && security.Create === false) return null;
  const atRooms = !place.folderId && place.section === "shared";
  const items = atRooms
    ? [{ id: "new-room", label: "New room", onSelect: createRoomDialog }]
    : [
        { id: "new-folder", label: "New folder", onSelect: createFolderDialog },
        { id: "new-file", label: "New file", onSelect: () => createFileDialog("docx") },
      ];
  return menuButton("New", items, { id: "create-button", className: "primary" });
}

function paintFilter() {
  const show = option("showFilter", false, true);
  filterBox.hidden = !show;
  if (!show) {
    replace(filterBox);
    return;
  }
  if (filterBox.childElementCount) return; // built once; keeps focus and typed text
  const search = h("input", {
    type: "search",
    id: "filter-search",
    class: "search",
    value: place.filter.search,
    placeholder: "Search",
    attrs: { "aria-label": "Search in this list", "aria-controls": "entries" },
  });
  let timer = 0;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => navigate({ filter: { search: search.value.trim() } }, { replaceState: true }), 350);
  });
  const sort = h(
    "select",
    { id: "filter-sort", attrs: { "aria-label": "Sort by" } },
    [
      ["DateAndTime", "Last modified"],
      ["AZ", "Name"],
      ["Size", "Size"],
      ["Type", "Type"],
      ["DateAndTimeCreation", "Created"],
    ].map(([v, label]) => h("option", { value: v, text: label, selected: v === place.filter.sortBy })),
  );
  sort.addEventListener("change", () => navigate({ filter: { sortBy: sort.value } }, { replaceState: true }));
  const order = h(
    "select",
    { id: "filter-order", attrs: { "aria-label": "Sort order" } },
    [
      ["descending", "Descending"],
      ["ascending", "Ascending"],
    ].map(([v, label]) => h("option", { value: v, text: label, selected: v === place.filter.sortOrder })),
  );
  order.addEventListener("change", () => navigate({ filter: { sortOrder: order.value } }, { replaceState: true }));
  const view = h(
    "select",
    { id: "view-select", attrs: { "aria-label": "View" } },
    VIEWS.map((v) => h("option", { value: v, text: v[0].toUpperCase() + v.slice(1), selected: v === viewAs })),
  );
  view.addEventListener("change", () => setView(view.value));
  replace(filterBox, search, sort, order, view);
}

function paintToolbar() {
  const selected = list.selectedItems();
  toolbar.hidden = selected.length === 0;
  if (!selected.length) {
    replace(toolbar);
    return;
  }
  const one = selected.length === 1 ? selected[0] : null;
  const files = selected.filter((s) => !isFolder(s));
  const button = (id, text, onClick) => h("button", { type: "button", class: "button", id, text, on: { click: onClick } });
  replace(
    toolbar,
    h("span", { class: "selection-count", text: `${selected.length} selected` }),
    one ? button("open-selected", "Open", () => activate(one)) : null,
    files.length === 1 && selected.length === 1 ? button("download-selected", "Download", () => download(files[0])) : null,
    one && one.roomType && !readOnly() && !(one.security && one.security.EditRoom === false)
      ? button("tags-selected", "Tags…", () => tagsDialog(one))
      : null,
    button("clear-selection", "Clear selection", () => {
      list.clearSelection();
      list.el.focus();
    }),
  );
}

// ---------------------------------------------------------------------------------------------
// Start

window.history.replaceState(null, "", window.location.pathname + window.location.search);
paintChrome();
requestConfig(() => config !== null);
loadUser();
load();
