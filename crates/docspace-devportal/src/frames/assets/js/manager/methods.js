// The manager's methods that are one REST call each: the host names what to create or tag, and
// the list is reloaded after a change (ONLYOFFICE/docspace-sdk-js `src/instance/index.ts`).

import { api } from "../rest.js";

/** The methods, reloading with `refresh` (and the rooms menu with `refreshMenu`) after a change. */
export function restMethods({ refresh, refreshMenu }) {
  return {
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
  };
}
