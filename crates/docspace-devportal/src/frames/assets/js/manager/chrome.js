// The manager's header bar and its sections menu (Rooms with the active rooms, My documents,
// Archive), as DocSpace's manager shows them with `showHeader` and `showMenu`.

import { logout } from "../account.js";
import { h } from "../dom.js";
import { signInUrl } from "../frame-page.js";
import { roomIconUrl } from "../items.js";
import { api, query } from "../rest.js";

/** The header: the logo, the signed-in `user`'s name and, with `withSignOut`, a Sign out button. */
export function headerBar(user, withSignOut) {
  const signOut = withSignOut
    ? h("button", {
        type: "button",
        class: "button",
        id: "sign-out",
        text: "Sign out",
        on: {
          click: async () => {
            await logout();
            window.location.assign(signInUrl());
          },
        },
      })
    : null;
  return h(
    "header",
    { class: "nav-menu" },
    h("img", { class: "logo", src: "/static/images/logo/lightsmall.svg", alt: "DocSpace devportal", width: 211, height: 24 }),
    h("span", { class: "spacer" }),
    user ? h("span", { class: "user-name", text: user.displayName }) : null,
    signOut,
  );
}

/** The active rooms the menu lists (none when they cannot be read). */
export async function menuRoomsList() {
  try {
    const res = await api(`files/rooms${query({ count: 100, searchArea: "Active" })}`);
    return (res && res.folders) || [];
  } catch {
    return [];
  }
}

/** The menu's tree nodes: the sections, the rooms under Rooms; `navigate` goes to a place. */
export function sectionNodes(rooms, navigate) {
  const section = (key) => () => navigate({ section: key, folderId: null });
  return [
    {
      key: "section:shared",
      label: "Rooms",
      go: section("shared"),
      children: rooms.map((r) => ({
        key: `room:${r.id}`,
        label: r.title,
        icon: roomIconUrl(r.roomType),
        go: () => navigate({ section: "shared", folderId: String(r.id) }),
      })),
    },
    { key: "section:personal", label: "My documents", go: section("personal") },
    { key: "section:archived", label: "Archive", go: section("archived") },
  ];
}
