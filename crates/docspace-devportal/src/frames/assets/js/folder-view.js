// How rooms, folders and files look in the manager and the public room: one option per entry,
// in row, table or tile layout.

import { h, icon } from "./dom.js";
import { dateText, iconOf, isFolder, roomTypeName, sizeText } from "./items.js";

/** The layouts `setListView` accepts. */
export const VIEWS = ["row", "table", "tile"];

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
