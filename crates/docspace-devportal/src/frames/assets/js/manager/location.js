// Where the manager is: a section, a folder, a link key and the list's filter, read from and
// written to the URL as DocSpace's manager does (`/rooms/{section}/[{id}/]filter?…`).

/** The manager's sections: their titles and paths. */
export const SECTIONS = {
  shared: { title: "Rooms", path: "/rooms/shared/" },
  personal: { title: "My documents", path: "/rooms/personal/" },
  archived: { title: "Archive", path: "/rooms/archived/" },
};

/** The place the page's URL names. */
export function readLocation() {
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

/** The URL of a place (`{section, folderId, key, filter}`), as DocSpace's manager writes it. */
export function urlOf(target) {
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
