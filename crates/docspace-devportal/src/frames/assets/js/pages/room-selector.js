// /sdk/room-selector: pick one room. URL parameters (getFramePath): acceptLabel, cancel,
// cancelLabel, header, roomType, search, theme, locale. Like DocSpace's /sdk pages it completes
// the setConfig handshake but never sends onAppReady or setIsLoaded (the host relies on
// noLoader). Submitting sends onSelectCallback with an array of one room item, with
// requestTokens for shared rooms; Cancel sends onCloseCallback.

import { add, announce, h, icon, replace } from "../dom.js";
import { boolParam, messageOf, notice, redirectIfSignedOut, roomTypesParam, startPage } from "../frame-page.js";
import { isSharedRoom, requestTokenOf, roomIconUrl, roomSelectorItem, roomTypeName } from "../items.js";
import { Listbox } from "../listbox.js";
import { callEvent, serveConfigOnly } from "../protocol.js";
import { api, query } from "../rest.js";
import { selectorControls } from "../selector.js";

const PAGE_COUNT = 100;
const withHeader = boolParam("header", false);
const roomTypes = roomTypesParam();

serveConfigOnly();

const app = startPage("Select room");
app.classList.add("selector");

const list = new Listbox({
  id: "room-list",
  label: "Rooms",
  render: (item) => [
    icon(item.icon === "" ? roomIconUrl(item.roomType) : item.icon),
    h(
      "span",
      { class: "option-text" },
      h("span", { class: "option-title", text: item.label, dataset: { testid: "docspace-option-title" } }),
      h("span", { class: "option-meta", text: roomTypeName(item.roomType) }),
    ),
  ],
  textOf: (item) => item.label,
  onSelectionChange: () => paintFooter(),
  onActivate: (item) => {
    list.selectOnly(list.items.indexOf(item));
    submit();
  },
});

const status = h("p", { class: "list-status", attrs: { role: "status" } });
const more = h("button", { type: "button", class: "button load-more", text: "Show more rooms", hidden: true });
const { acceptBtn, cancelBtn, error, searchInput } = selectorControls({
  searchLabel: "Search rooms",
  listId: "room-list",
});

add(
  app,
  withHeader ? h("header", { class: "selector-header" }, h("h1", { text: "Select room" })) : null,
  searchInput ? h("div", { class: "selector-search" }, searchInput) : null,
  h("div", { class: "selector-body" }, list.el, status, more),
  h("footer", { class: "selector-footer" }, error, h("div", { class: "footer-buttons" }, acceptBtn, cancelBtn)),
);

let rooms = [];
let total = 0;
let loading = null;

async function load(append = false) {
  if (loading) loading.abort();
  const ctrl = new AbortController();
  loading = ctrl;
  status.textContent = "Loading…";
  const filterValue = searchInput ? searchInput.value.trim() : "";
  const q = {
    count: PAGE_COUNT,
    startIndex: append ? rooms.length : 0,
    searchArea: "Active",
    sortBy: "DateAndTime",
    sortOrder: "descending",
    filterValue: filterValue || undefined,
    type: roomTypes.length ? roomTypes : undefined,
  };
  try {
    const res = await api(`files/rooms${query(q)}`, { signal: ctrl.signal });
    const page = (res && res.folders) || [];
    rooms = append ? rooms.concat(page) : page;
    total = Number(res && res.total) || rooms.length;
    list.setItems(rooms.map(roomSelectorItem));
    status.textContent = rooms.length ? "" : filterValue ? "No rooms match your search." : "There are no rooms yet.";
    more.hidden = rooms.length >= total;
    if (filterValue) announce(`${rooms.length} rooms found`);
  } catch (err) {
    if (err.name === "AbortError") return;
    if (redirectIfSignedOut(err)) return;
    status.textContent = "";
    replace(
      status,
      notice("error", "Rooms cannot be loaded", messageOf(err), h("button", { type: "button", class: "button", text: "Try again", on: { click: () => load() } })),
    );
  } finally {
    if (loading === ctrl) loading = null;
    paintFooter();
  }
}

function paintFooter() {
  acceptBtn.disabled = list.selectedItems().length === 0;
}

async function submit() {
  const [selected] = list.selectedItems();
  if (!selected) return;
  error.hidden = true;
  acceptBtn.disabled = true;
  try {
    const enriched = {
      ...selected,
      icon: selected.icon === "" ? roomIconUrl(selected.roomType, false) : selected.iconOriginal,
    };
    if (isSharedRoom(selected) && selected.id !== undefined && selected.id !== null) {
      const link = await api(`files/rooms/${selected.id}/link`);
      enriched.requestTokens = [requestTokenOf(link)];
    }
    callEvent("onSelectCallback", [enriched]);
    announce(`${selected.label} selected`);
  } catch (err) {
    if (redirectIfSignedOut(err)) return;
    error.textContent = `The room's link cannot be read: ${messageOf(err)}`;
    error.hidden = false;
  } finally {
    paintFooter();
  }
}

acceptBtn.addEventListener("click", submit);
more.addEventListener("click", () => load(true));
if (searchInput) {
  let timer = 0;
  searchInput.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => load(), 300);
  });
  searchInput.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown") {
      e.preventDefault();
      list.el.focus();
    }
  });
}
load();
