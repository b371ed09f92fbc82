// The manager's forms: new folder, new file, new room and a room's tags. Each asks, makes the
// REST calls and resolves with what the server answered (null when cancelled); what the list does
// next is the manager's.

import { field, formDialog } from "../dialog.js";
import { h } from "../dom.js";
import { roomTypes } from "../items.js";
import { api } from "../rest.js";

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

function splitTags(text) {
  return [...new Set(String(text).split(",").map((t) => t.trim()).filter(Boolean))];
}

/** A new folder in the folder `folderOf()` names when the form is sent. */
export function createFolderDialog(folderOf) {
  return formDialog({
    title: "New folder",
    fields: [field("Name", titleInput("New folder"))],
    submitLabel: "Create",
    onSubmit: (form) => api(`files/folder/${folderOf()}`, { method: "POST", body: { title: requireTitle(form) } }),
  });
}

const FILE_FORMATS = [
  ["docx", "Document (.docx)"],
  ["xlsx", "Spreadsheet (.xlsx)"],
  ["pptx", "Presentation (.pptx)"],
  ["txt", "Text (.txt)"],
  ["md", "Markdown (.md)"],
  ["csv", "CSV (.csv)"],
];

/**
 * A new file in the folder `folderOf()` names when the form is sent, of the format `extension`
 * unless another is picked.
 */
export function createFileDialog(folderOf, extension) {
  const ext = String(extension || "docx").replace(/^\./, "").toLowerCase();
  const formats = FILE_FORMATS.some(([e]) => e === ext) ? FILE_FORMATS : [[ext, `.${ext}`], ...FILE_FORMATS];
  const format = h(
    "select",
    { name: "format" },
    formats.map(([e, label]) => h("option", { value: e, text: label, selected: e === ext })),
  );
  return formDialog({
    title: "New file",
    fields: [field("Name", titleInput("New document")), field("Format", format)],
    submitLabel: "Create",
    onSubmit: (form) => {
      const name = requireTitle(form);
      const chosen = form.elements.format.value;
      const title = name.toLowerCase().endsWith(`.${chosen}`) ? name : `${name}.${chosen}`;
      return api(`files/${folderOf()}/file`, { method: "POST", body: { title } });
    },
  });
}

/** A new room, with its type and tags. */
export function createRoomDialog() {
  const type = h(
    "select",
    { name: "roomType" },
    roomTypes().map((t) => h("option", { value: String(t.type), text: t.name, selected: t.type === 5 })),
  );
  const tags = h("input", { type: "text", name: "tags", autocomplete: "off" });
  return formDialog({
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
}

/** The tags of `room`: new names are created as tags first, then added; missing ones removed. */
export function tagsDialog(room) {
  const input = h("input", { type: "text", name: "tags", value: (room.tags || []).join(", "), autocomplete: "off" });
  return formDialog({
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
}
