// /sdk/file-selector: browse rooms and folders and pick one file. URL parameters
// (getFramePath): acceptLabel, cancel, cancelLabel, header, roomType, search, breadCrumbs,
// filter (filterParam), id, selectorType, subtitle, theme, locale. No onAppReady or setIsLoaded,
// as in DocSpace's /sdk pages. Submitting sends onSelectCallback with one object
// {id, title, fileExst, fileType, viewUrl, inPublic, documentType} (+ requestTokens when the file
// is in a shared room); Cancel sends onCloseCallback.

import { add, announce, h, icon, replace } from "../dom.js";
import { breadcrumbs } from "../breadcrumbs.js";
import { boolParam, messageOf, notice, params, redirectIfSignedOut, roomTypesParam, startPage } from "../frame-page.js";
import {
  FOLDER_ICON,
  RoomType,
  fileMatchesFilter,
  filterDescription,
  iconOf,
  isFolder,
  requestTokenOf,
  roomTypeName,
  selectedFileInfo,
  sizeText,
} from "../items.js";
import { Listbox } from "../listbox.js";
import { callEvent, serveConfigOnly } from "../protocol.js";
import { api, query } from "../rest.js";
import { selectorControls } from "../selector.js";

const PAGE_COUNT = 100;
const withHeader = boolParam("header", false);
const withBreadCrumbs = boolParam("breadCrumbs", false);
const withSubtitle = boolParam("subtitle", false);
const selectorType = params.get("selectorType") || "all";
const rawFilter = params.get("filter");
const filterParam = rawFilter === null ? undefined : Number.isNaN(+rawFilter) ? rawFilter : +rawFilter;
const startId = Number(params.get("id")) || null;
const roomTypes = roomTypesParam();

serveConfigOnly();

const ROOT = { kind: "root", title: "DocSpace" };
const ROOMS = { kind: "rooms", title: "Rooms" };
const MY = { kind: "my", title: "My documents" };

const app = startPage("Select file");
app.classList.add("selector");

const list = new Listbox({
  id: "file-list",
  label: "Folders and files",
  render: (item) => [
    icon(item.section ? FOLDER_ICON : iconOf(item)),
    h(
      "span",
      { class: "option-text" },
      h("span", { class: "option-title", text: item.title, dataset: { testid: "docspace-option-title" } }),
      h("span", { class: "option-meta", text: metaOf(item) }),
    ),
  ],
  textOf: (item) => item.title,
  onSelectionChange: () => paintFooter(),
  onActivate: (item) => {
    if (isContainer(item)) open(item);
    else {
      list.selectOnly(list.items.indexOf(item));
      submit();
    }
  },
  onKey: (e, item) => {
    if (e.key === "ArrowRight" && item && isContainer(item)) {
      open(item);
      return true;
    }
    if ((e.key === "ArrowLeft" || e.key === "Backspace") && trail.length > 1) {
      goTo(trail[trail.length - 2]);
      return true;
    }
    return false;
  },
});

const crumbsBox = h("div", { class: "selector-crumbs", hidden: !withBreadCrumbs });
const status = h("div", { class: "list-status", attrs: { role: "status" } });
const more = h("button", { type: "button", class: "button load-more", text: "Show more", hidden: true });
const { acceptBtn, cancelBtn, error, searchInput } = selectorControls({
  searchLabel: "Search in this folder",
  listId: "file-list",
});
const description =
  withSubtitle && rawFilter ? h("p", { class: "selector-subtitle", text: filterDescription(filterParam) }) : null;

add(
  app,
  withHeader ? h("header", { class: "selector-header" }, h("h1", { text: "Select file" })) : null,
  description,
  searchInput ? h("div", { class: "selector-search" }, searchInput) : null,
  crumbsBox,
  h("div", { class: "selector-body" }, list.el, status, more),
  h("footer", { class: "selector-footer" }, error, h("div", { class: "footer-buttons" }, acceptBtn, cancelBtn)),
);

/** Where the list is: `[{kind, id?, title, roomType?}]`, root first. */
let trail = [];
let items = [];
let total = 0;
let loading = null;
const roomShared = new Map();

function isContainer(item) {
  return Boolean(item.section) || isFolder(item);
}

function metaOf(item) {
  if (item.section) return "Section";
  if (item.roomType) return roomTypeName(item.roomType);
  if (isFolder(item)) return "Folder";
  return [item.fileExst, sizeText(item)].filter(Boolean).join(" · ");
}

function start() {
  if (startId) return goTo({ kind: "folder", id: startId });
  if (selectorType === "roomsOnly") return goTo(ROOMS);
  if (selectorType === "userFolderOnly") return goTo(MY);
  if (params.get("id")) return goTo(ROOMS); // a non-numeric id: the rooms root, as DocSpace does
  return goTo(ROOT);
}

function open(item) {
  if (item.section) return goTo(item.section);
  if (item.roomType) roomShared.set(item.id, Boolean(item.shared));
  return goTo({ kind: "folder", id: item.id });
}

async function goTo(place, append = false) {
  if (loading) loading.abort();
  const ctrl = new AbortController();
  loading = ctrl;
  replace(status, "Loading…");
  error.hidden = true;
  const filterValue = searchInput ? searchInput.value.trim() : "";
  try {
    let res;
    let next;
    if (place.kind === "root") {
      res = {
        folders: [
          selectorType !== "userFolderOnly" ? { section: ROOMS, id: "rooms", title: "Rooms" } : null,
          selectorType !== "roomsOnly" ? { section: MY, id: "my", title: "My documents" } : null,
        ].filter(Boolean),
        files: [],
        total: 2,
      };
      next = [ROOT];
    } else if (place.kind === "rooms") {
      const q = {
        count: PAGE_COUNT,
        startIndex: append ? items.length : 0,
        searchArea: "Active",
        filterValue: filterValue || undefined,
        type: roomTypes.length ? roomTypes : undefined,
      };
      res = await api(`files/rooms${query(q)}`, { signal: ctrl.signal });
      for (const r of res.folders || []) roomShared.set(r.id, Boolean(r.shared));
      next = [...rootCrumb(), { ...ROOMS, id: res.current && res.current.id }];
    } else {
      const path = place.kind === "my" ? "@my" : String(place.id);
      // Folders stay navigable whatever the filter, so the filter is applied to files here
      // (DocSpace's `applyFilterOption: Files` would hide the folders).
      const q = {
        count: PAGE_COUNT,
        startIndex: append ? items.length : 0,
        filterValue: filterValue || undefined,
      };
      res = await api(`files/${path}${query(q)}`, { signal: ctrl.signal });
      next = crumbsOf(res.pathParts || []);
    }
    const files = (res.files || []).filter((f) => fileMatchesFilter(f, filterParam));
    const page = [...(res.folders || []), ...files];
    items = append ? items.concat(page) : page;
    total = Number(res.total) || items.length;
    trail = next;
    list.setItems(items);
    paintCrumbs();
    replace(status, items.length ? "" : filterValue ? "Nothing matches your search." : "This folder is empty.");
    more.hidden = items.length >= total || place.kind === "root";
    more.onclick = () => goTo(place, true);
    announce(`${trail[trail.length - 1].title}: ${items.length} items`);
  } catch (err) {
    if (err.name === "AbortError") return;
    if (redirectIfSignedOut(err)) return;
    const title = err.status === 404 ? "Folder not found" : err.status === 403 ? "No access to this folder" : "The folder cannot be loaded";
    replace(
      status,
      notice("error", title, messageOf(err), h("button", { type: "button", class: "button", text: "Go to the start", on: { click: start } })),
    );
    list.setItems([]);
  } finally {
    if (loading === ctrl) loading = null;
    paintFooter();
  }
}

function rootCrumb() {
  return selectorType === "roomsOnly" || selectorType === "userFolderOnly" ? [] : [ROOT];
}

/** Breadcrumbs from a listing's pathParts (Rooms, room, folders… or My documents, folders…). */
function crumbsOf(pathParts) {
  const out = [...rootCrumb()];
  pathParts.forEach((p, i) => {
    const isRoomsRoot = i === 0 && (p.folderType === 14 || (p.roomType === undefined && pathParts[1] && pathParts[1].roomType));
    const isMy = i === 0 && p.folderType === 5;
    if (isRoomsRoot) out.push({ ...ROOMS, id: p.id, title: p.title || "Rooms" });
    else if (isMy) out.push({ ...MY, id: p.id, title: p.title || "My documents" });
    else out.push({ kind: "folder", id: p.id, title: p.title, roomType: p.roomType });
  });
  return out.length ? out : [{ kind: "folder", id: startId, title: "Folder" }];
}

function paintCrumbs() {
  if (!withBreadCrumbs) return;
  replace(crumbsBox, breadcrumbs(trail, (part) => goTo(part)));
}

function paintFooter() {
  const [sel] = list.selectedItems();
  acceptBtn.disabled = !sel || isContainer(sel) || trail.length === 0;
}

/** The room of the current folder when it has an external link (DocSpace's `inPublic`). */
async function sharedRoom() {
  for (const crumb of trail) {
    if (crumb.roomType === RoomType.Public || crumb.roomType === RoomType.Form) return crumb;
    if (crumb.roomType === RoomType.Custom) {
      if (!roomShared.has(crumb.id)) {
        const room = await api(`files/rooms/${crumb.id}`);
        roomShared.set(crumb.id, Boolean(room && room.shared));
      }
      if (roomShared.get(crumb.id)) return crumb;
    }
  }
  return null;
}

/**
 * `{id, primary, title, requestToken}` of the file's external link (`GET files/file/{id}/link`).
 * A portal without file links (the route answers an empty 404) gets the room's primary link,
 * which opens the file as well.
 */
async function fileToken(file, room) {
  try {
    return requestTokenOf(await api(`files/file/${file.id}/link`));
  } catch (err) {
    if (err.status !== 404 || err.serverMessage) throw err;
    return requestTokenOf(await api(`files/rooms/${room.id}/link`));
  }
}

async function submit() {
  const [file] = list.selectedItems();
  if (!file || isContainer(file)) return;
  error.hidden = true;
  acceptBtn.disabled = true;
  try {
    const room = await sharedRoom();
    const info = selectedFileInfo(file, Boolean(room));
    if (room) info.requestTokens = [await fileToken(file, room)];
    callEvent("onSelectCallback", info);
    announce(`${file.title} selected`);
  } catch (err) {
    if (redirectIfSignedOut(err)) return;
    error.textContent = `The file cannot be selected: ${messageOf(err)}`;
    error.hidden = false;
  } finally {
    paintFooter();
  }
}

acceptBtn.addEventListener("click", submit);
if (searchInput) {
  let timer = 0;
  searchInput.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      const here = trail[trail.length - 1] || ROOT;
      goTo(here.kind === "root" ? ROOMS : here);
    }, 300);
  });
  searchInput.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      list.el.focus();
    }
  });
}
start();
