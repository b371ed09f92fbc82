// How rooms, folders and files look in the manager and the public room: one option per entry,
// in row, table or tile layout.

import { h, icon } from "./dom.js";
import { dateText, iconOf, isFolder, roomTypeName, sizeText } from "./items.js";
import { callEvent, hostHandles } from "./protocol.js";

/** The layouts `setListView` accepts. */
export const VIEWS = ["row", "table", "tile"];

/** The list's keys for the folder above (Backspace, Alt+Up), calling `goUp`: a listbox `onKey`. */
export function upKeys(goUp) {
  return (e) => {
    if (e.key === "Backspace" || (e.altKey && e.key === "ArrowUp")) {
      goUp();
      return true;
    }
    return false;
  };
}

/** The option content for an entry. */
export function entryContent(item) {
  const tags = Array.isArray(item.tags) && item.tags.length
    ? h("span", { class: "tags", attrs: { "aria-label": "Tags" } }, item.tags.map((t) => h("span", { class: "tag", text: t })))
    : null;
  return [
    icon(iconOf(item)),
    h(
      "span",
      { class: "option-text" },
      h("span", { class: "option-title", text: item.title }),
      h(
        "span",
        { class: "option-meta-line" },
        h("span", { class: "option-meta col-type", text: kindOf(item) }),
        h("span", { class: "option-meta col-size", text: detailOf(item) }),
        h("span", { class: "option-meta col-date", text: dateText(item.updated || item.created) }),
      ),
      tags,
    ),
  ];
}

/** "Custom room", "Folder", ".txt file"… */
export function kindOf(item) {
  if (item.roomType) return roomTypeName(item.roomType);
  if (isFolder(item)) return "Folder";
  return item.fileExst ? `${item.fileExst.replace(/^\./, "").toUpperCase()} file` : "File";
}

function detailOf(item) {
  if (isFolder(item)) {
    const n = (Number(item.filesCount) || 0) + (Number(item.foldersCount) || 0);
    return n === 1 ? "1 item" : `${n} items`;
  }
  return sizeText(item);
}

/** A list entry as `getList`/`getSelection` report it: the REST entry plus the list's flags. */
export function listItem(item) {
  const folder = isFolder(item);
  return { ...item, isFolder: folder, isRoom: Boolean(item.roomType) };
}

/** Sends onFileManagerClick with the file's list item when the host handles it; true if it did. */
export function sentFileManagerClick(config, file) {
  if (!hostHandles(config, "onFileManagerClick")) return false;
  callEvent("onFileManagerClick", listItem(file));
  return true;
}

/**
 * Download: onDownload with the URL when the host asked for it (downloadToEvent), else save. A
 * link `key` goes with the URL, as the list was read through it.
 */
export function download(file, key, config) {
  const url = new URL(file.viewUrl || `/filehandler.ashx?action=download&fileid=${file.id}`, window.location.origin);
  if (key && !url.searchParams.has("share")) url.searchParams.set("share", key);
  if (config && config.downloadToEvent && hostHandles(config, "onDownload")) {
    callEvent("onDownload", url.href);
    return;
  }
  const a = h("a", { href: url.href, attrs: { download: file.title }, hidden: true });
  document.body.appendChild(a);
  a.click();
  a.remove();
}
