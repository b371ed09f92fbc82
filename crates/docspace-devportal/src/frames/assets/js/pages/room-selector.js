// /sdk/room-selector: pick one room. URL parameters (getFramePath): acceptLabel, cancel,
// cancelLabel, header, roomType, search, theme, locale. Like DocSpace's /sdk pages it completes
// the setConfig handshake but never sends onAppReady or setIsLoaded (the host relies on
// noLoader). Submitting sends onSelectCallback with an array of one room item, with
// requestTokens for shared rooms; Cancel sends onCloseCallback.

import { add, announce, h, icon, replace } from "../dom.js";
import { boolParam, messageOf, notice, params, redirectIfSignedOut, startPage } from "../frame-page.js";
import { isSharedRoom, requestTokenOf, roomIconUrl, roomSelectorItem, roomTypeName } from "../items.js";
import { Listbox } from "../listbox.js";
import { callEvent, requestConfig, serveMethods } from "../protocol.js";
import { api, query } from "../rest.js";

const PAGE_COUNT = 100;
const withHeader = boolParam("header", false);
const withCancel = boolParam("cancel", false);
const withSearch = boolParam("search", false);
const roomTypes = (params.get("roomType") || "")
  .split(",")
  .map((t) => t.trim())
  .filter((t) => /^\d+$/.test(t));

let config = null;
serveMethods({
  setConfig(data) {
    config = data;
    return data;
  },
});
requestConfig(() => config !== null);

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
const acceptBtn = h("button", {
  type: "button",
  class: "button primary",
  id: "accept-button",
  dataset: { testid: "docspace-accept" },
  text: params.get("acceptLabel") || "Select",
  disabled: true,
});
const cancelBtn = withCancel
  ? h("button", {
      type: "button",
      class: "button",
      id: "cancel-button",
      dataset: { testid: "docspace-cancel" },
      text: params.get("cancelLabel") || "Cancel",
      on: { click: () => callEvent("onCloseCallback") },
    })
  : null;
const error = h("p", { class: "form-error", attrs: { role: "alert" }, hidden: true });
const searchInput = withSearch
  ? h("input", {
      type: "search",
      id: "selector-search",
      dataset: { testid: "docspace-search" },
      class: "search",
      placeholder: "Search",
      attrs: { "aria-label": "Search rooms", "aria-controls": "room-list" },
    })
  : null;

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
