// /sdk/public-room?key=…: a room opened by its external link key, read-only. URL parameters
// (getFramePath): key, folder, showFilter, showHeader, showTitle, theme, locale. Like DocSpace's
// /sdk pages it answers only setConfig and sends no onAppReady; setIsLoaded goes out only from
// the password and error screens. Events: onNotFound (invalid link or a failed listing),
// onNoAccess (expired link), onFileManagerClick, onDownload.

import { announce, h, replace } from "../dom.js";
import { breadcrumbs } from "../breadcrumbs.js";
import { download, entryContent, sentFileManagerClick, upKeys } from "../folder-view.js";
import { boolParam, messageOf, notice, params, startPage } from "../frame-page.js";
import { isFolder } from "../items.js";
import { Listbox } from "../listbox.js";
import { callEvent, serveConfigOnly, setIsLoaded } from "../protocol.js";
import { api, query } from "../rest.js";
import { LinkStatus, linkHeaders, linkedFolderId, passwordForm, validateKey } from "../share.js";

const key = params.get("key") || "";
const showTitle = boolParam("showTitle", true);
const showFilter = boolParam("showFilter", false);

const hostConfig = serveConfigOnly();

const app = startPage("Public room");
app.classList.add("public-room");

let roomFolder = null;
let folderId = /^\d+$/.test(params.get("folder") || "") ? params.get("folder") : null;
let listing = null;
let loading = null;

const titleBox = h("div", { class: "section-title-box" });
const searchInput = showFilter
  ? h("input", {
      type: "search",
      id: "filter-search",
      class: "search",
      placeholder: "Search",
      attrs: { "aria-label": "Search in this room", "aria-controls": "entries" },
    })
  : null;
const status = h("div", { class: "list-status", attrs: { role: "status" } });
const toolbar = h("div", { class: "selection-toolbar", attrs: { role: "toolbar", "aria-label": "Selected item" }, hidden: true });
const list = new Listbox({
  id: "entries",
  label: "Folders and files",
  className: "view-row",
  render: entryContent,
  textOf: (item) => item.title,
  onActivate: (item) => (isFolder(item) ? go(String(item.id)) : openFile(item)),
  onSelectionChange: () => paintToolbar(),
  onKey: upKeys(goUp),
});

/** The screens for links that do not open the room. */
function linkProblem(kind) {
  const texts = {
    invalid: ["This link is not valid", "Ask the room's owner for a new link.", "onNotFound"],
    expired: ["This link has expired", "Ask the room's owner for a new link.", "onNoAccess"],
    denied: ["No access", "This link does not open the room for you.", "onNoAccess"],
  };
  const [title, text, event] = texts[kind];
  replace(app, h("main", { class: "link-problem" }, notice("error", title, text)));
  callEvent(event);
  setIsLoaded();
}

function passwordScreen(title) {
  const { form, focus } = passwordForm(key, "room", title, showRoom);
  replace(app, h("main", { class: "sign-in" }, form));
  focus();
  setIsLoaded();
}

function showRoom(dto) {
  roomFolder = String(linkedFolderId(dto));
  replace(
    app,
    titleBox,
    searchInput ? h("div", { class: "filter-bar" }, searchInput) : null,
    toolbar,
    list.el,
    status,
  );
  load();
}

async function start() {
  if (!key) return linkProblem("invalid");
  let dto;
  try {
    dto = await validateKey(key);
  } catch (err) {
    if (err.status === 404 || err.status === 400) return linkProblem("invalid");
    replace(app, notice("error", "The room cannot be opened", messageOf(err)));
    return setIsLoaded();
  }
  switch (dto && dto.status) {
    case LinkStatus.Ok:
      return showRoom(dto);
    case LinkStatus.Expired:
      return linkProblem("expired");
    case LinkStatus.Password:
    case LinkStatus.InvalidPassword:
      return passwordScreen(dto.entityTitle || dto.title);
    case LinkStatus.ExternalAccessDenied:
      return linkProblem("denied");
    default:
      return linkProblem("invalid");
  }
}

async function load() {
  if (loading) loading.abort();
  const ctrl = new AbortController();
  loading = ctrl;
  replace(status, "Loading…");
  const filterValue = searchInput ? searchInput.value.trim() : "";
  try {
    listing = await api(`files/${folderId || roomFolder}${query({ count: 100, filterValue: filterValue || undefined })}`, {
      headers: linkHeaders(key),
      signal: ctrl.signal,
    });
    const entries = [...(listing.folders || []), ...(listing.files || [])];
    list.setItems(entries);
    paintTitle();
    replace(status, entries.length ? "" : filterValue ? "Nothing matches your search." : "This room is empty.");
    announce(`${entries.length} items`);
  } catch (err) {
    if (err.name === "AbortError") return;
    // DocSpace reports any user-level error in a public room as onNotFound.
    if (err.status >= 400 && err.status < 500) callEvent("onNotFound");
    list.setItems([]);
    replace(status, notice("error", "This folder cannot be opened", messageOf(err)));
  } finally {
    if (loading === ctrl) loading = null;
  }
}

/** pathParts from the linked room down (a link opens nothing above its room). */
function roomPath() {
  const parts = (listing && listing.pathParts) || [];
  const i = parts.findIndex((p) => String(p.id) === roomFolder);
  return i >= 0 ? parts.slice(i) : parts.slice(-1);
}

function go(id) {
  folderId = id === roomFolder ? null : id;
  list.clearSelection();
  load();
}

function goUp() {
  const path = roomPath();
  if (path.length > 1) go(String(path[path.length - 2].id));
}

function paintTitle() {
  const path = roomPath();
  replace(
    titleBox,
    path.length > 1 ? breadcrumbs(path, (p) => go(String(p.id))) : null,
    showTitle ? h("h1", { text: (listing && listing.current && listing.current.title) || "Public room" }) : null,
  );
}

function paintToolbar() {
  const [one] = list.selectedItems();
  toolbar.hidden = !one;
  if (!one) return replace(toolbar);
  const button = (id, text, onClick) => h("button", { type: "button", class: "button", id, text, on: { click: onClick } });
  replace(
    toolbar,
    button("open-selected", "Open", () => (isFolder(one) ? go(String(one.id)) : openFile(one))),
    isFolder(one) ? null : button("download-selected", "Download", () => download(one, key, hostConfig())),
  );
}

function openFile(file) {
  if (sentFileManagerClick(hostConfig(), file)) return;
  const q = new URLSearchParams({ fileId: String(file.id), share: key, action: "view" });
  window.open(`/doceditor?${q}`, "_blank", "noopener");
}

if (searchInput) {
  let timer = 0;
  searchInput.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(load, 350);
  });
}
start();
