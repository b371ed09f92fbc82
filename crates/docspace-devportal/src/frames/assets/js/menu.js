// A menu button (WAI-ARIA APG "menu button"): Enter, Space or ArrowDown opens the menu on its
// first item, ArrowUp on its last; arrows move, Home/End jump, Enter activates, Escape and Tab
// close it and return focus to the button.

import { h, uid } from "./dom.js";

/** `items`: `[{label, onSelect, id?}]`. Returns the wrapper element. */
export function menuButton(label, items, { id, className } = {}) {
  const menuId = uid("menu");
  const button = h("button", {
    type: "button",
    id,
    class: ["button", className],
    text: label,
    attrs: { "aria-haspopup": "menu", "aria-expanded": "false", "aria-controls": menuId },
  });
  const entries = items.map((item) =>
    h("li", {
      id: item.id,
      class: "menuitem",
      text: item.label,
      tabIndex: -1,
      attrs: { role: "menuitem" },
      on: {
        click: () => {
          close(false);
          item.onSelect();
        },
      },
    }),
  );
  const menu = h("ul", { id: menuId, class: "menu", hidden: true, attrs: { role: "menu", "aria-label": label } }, entries);
  const wrap = h("div", { class: "menu-wrap" }, button, menu);

  function openAt(index) {
    menu.hidden = false;
    button.setAttribute("aria-expanded", "true");
    entries[(index + entries.length) % entries.length].focus();
  }
  function close(returnFocus = true) {
    menu.hidden = true;
    button.setAttribute("aria-expanded", "false");
    if (returnFocus) button.focus();
  }
  button.addEventListener("click", () => (menu.hidden ? openAt(0) : close()));
  button.addEventListener("keydown", (e) => {
    if (e.key === "ArrowDown" || e.key === "Enter" || e.key === " ") {
      e.preventDefault();
      openAt(0);
    } else if (e.key === "ArrowUp") {
      e.preventDefault();
      openAt(-1);
    }
  });
  menu.addEventListener("keydown", (e) => {
    const i = entries.indexOf(document.activeElement);
    switch (e.key) {
      case "ArrowDown":
        entries[(i + 1) % entries.length].focus();
        break;
      case "ArrowUp":
        entries[(i - 1 + entries.length) % entries.length].focus();
        break;
      case "Home":
        entries[0].focus();
        break;
      case "End":
        entries[entries.length - 1].focus();
        break;
      case "Enter":
      case " ":
        if (i >= 0) entries[i].click();
        break;
      case "Escape":
        close();
        break;
      case "Tab":
        close(false);
        return;
      default:
        return;
    }
    e.preventDefault();
  });
  wrap.addEventListener("focusout", (e) => {
    if (!wrap.contains(e.relatedTarget)) close(false);
  });
  return wrap;
}
