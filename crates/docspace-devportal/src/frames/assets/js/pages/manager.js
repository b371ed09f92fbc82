// /rooms/{shared,personal,archived}/[{id}/]filter?…: the manager. Rooms, folders and files with
// navigation and breadcrumbs, creating rooms, folders and files, room tags, and DocSpace's frame
// behaviour (ONLYOFFICE/docspace-sdk-js `src/instance/index.ts`; ONLYOFFICE/DocSpace-client's
// SDK pages): onAppReady on every setConfig, setIsLoaded
// after every load, the manager's methods, onEditorOpen / onFileManagerClick / onDownload /
// onNotFound / onNoAccess / onSignOut. With `key` it shows the linked room read-only.
// The parts that do not hold the page's state live in `../manager/`.

import { createHash, getHashSettings, getUserInfo, login, logout } from "../account.js";
import { breadcrumbs } from "../breadcrumbs.js";
import { add, announce, h, replace } from "../dom.js";
import { VIEWS, download, entryContent, listItem, sentFileManagerClick, upKeys } from "../folder-view.js";
import { messageOf, notice, redirectIfSignedOut, signInUrl, startPage } from "../frame-page.js";
import { isFolder } from "../items.js";
import { Listbox } from "../listbox.js";
import { headerBar, menuRoomsList, sectionNodes } from "../manager/chrome.js";
import { createFileDialog, createFolderDialog, createRoomDialog, tagsDialog } from "../manager/dialogs.js";
import { filterControls } from "../manager/filter-bar.js";
import { SECTIONS, readLocation, urlOf } from "../manager/location.js";
import { restMethods } from "../manager/methods.js";
import { folderInfo, getRooms, listPage } from "../manager/queries.js";
import { menuButton } from "../menu.js";
import { callEvent, hostHandles, isFramed, requestConfig, serveMethods, setIsLoaded } from "../protocol.js";
import { api } from "../rest.js";
import { LinkStatus, linkedFolderId, validateKey } from "../share.js";
import { applyTheme } from "../theme.js";
import { Tree } from "../tree.js";

// ---------------------------------------------------------------------------------------------
// State

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
  onKey: upKeys(goUp),
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
  getFolderInfo: () => folderInfo(listing),
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
    if (type === "CreateFile") newFile(options);
    else if (type === "CreateFolder") newFolder();
    else newRoom();
    return undefined;
  },
  setListView(data) {
    const type = typeof data === "string" ? data : data && data.viewType;
    setView(type);
    return undefined;
  },
  ...restMethods({ refresh, refreshMenu }),
});

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
  const startIndex = append ? entries.length + (f.page - 1) * f.count : (f.page - 1) * f.count;
  try {
    if (place.key && !linkFolder) await resolveLink();
    const res = await listPage(place, startIndex, linkFolder, ctrl.signal);
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
  if (sentFileManagerClick(config, file)) return;
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

async function newFolder() {
  const folder = await createFolderDialog(currentFolderId);
  if (folder) {
    announce(`Folder ${folder.title} created`);
    await refresh();
    focusEntry(folder);
  }
}

async function newFile(extension) {
  const file = await createFileDialog(currentFolderId, extension);
  if (!file) return;
  announce(`File ${file.title} created`);
  if (hostHandles(config, "onEditorOpen")) callEvent("onEditorOpen", file);
  await refresh();
  focusEntry(file);
}

async function newRoom() {
  const room = await createRoomDialog();
  if (!room) return;
  announce(`Room ${room.title} created`);
  refreshMenu();
  if (!place.folderId && place.section === "shared" && !place.key) {
    await refresh();
    focusEntry(room);
  } else navigate({ section: "shared", folderId: String(room.id) });
}

async function editTags(room) {
  const updated = await tagsDialog(room);
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
  replace(headerBox, headerBar(user, option("showSignOut", true) && !place.key));
}

let menuRooms = null;
async function refreshMenu() {
  if (!option("showMenu", false, true) || place.key) return;
  menuRooms = await menuRoomsList();
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
  tree.setNodes(sectionNodes(menuRooms, navigate));
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
    ? [{ id: "new-room", label: "New room", onSelect: newRoom }]
    : [
        { id: "new-folder", label: "New folder", onSelect: newFolder },
        { id: "new-file", label: "New file", onSelect: () => newFile("docx") },
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
  const filterChange = (changes) => navigate({ filter: changes }, { replaceState: true });
  replace(filterBox, ...filterControls(place.filter, viewAs, filterChange, setView));
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
    files.length === 1 && selected.length === 1 ? button("download-selected", "Download", () => download(files[0], place.key, config)) : null,
    one && one.roomType && !readOnly() && !(one.security && one.security.EditRoom === false)
      ? button("tags-selected", "Tags…", () => editTags(one))
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
