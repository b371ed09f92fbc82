// An accessible listbox (WAI-ARIA APG "listbox" pattern with aria-activedescendant):
// the list takes focus; ArrowUp/ArrowDown/Home/End/PageUp/PageDown move the active option,
// typing jumps to a matching label, Space selects (toggles in a multi-select list), Enter
// activates; a click selects, a double click activates.

import { h, uid } from "./dom.js";

export class Listbox {
  /**
   * @param {object} o
   * @param {string} o.label accessible name
   * @param {boolean} [o.multiselectable]
   * @param {(item) => Node} o.render the option's content
   * @param {(item) => string} o.textOf the label used for type-ahead
   * @param {(item, how) => void} [o.onActivate] Enter or double click
   * @param {(items) => void} [o.onSelectionChange]
   * @param {(event, item) => boolean} [o.onKey] extra keys; return true when handled
   * @param {string} [o.className]
   * @param {string} [o.id]
   */
  constructor(o) {
    this.o = o;
    this.items = [];
    this.active = -1;
    this.selected = new Set();
    this.typed = "";
    this.typedAt = 0;
    this.idBase = uid("opt");
    this.el = h("ul", {
      id: o.id,
      class: ["listbox", o.className],
      attrs: {
        role: "listbox",
        tabindex: "0",
        "aria-label": o.label,
        "aria-multiselectable": o.multiselectable ? "true" : null,
      },
      on: {
        keydown: (e) => this.onKeyDown(e),
        focus: () => {
          if (this.active < 0 && this.items.length) this.setActive(0);
        },
      },
    });
  }

  /** Replaces the options. Selection is kept for items whose `id` is still present. */
  setItems(items) {
    const keep = new Set(this.selectedItems().map((i) => keyOf(i)));
    const activeKey = this.active >= 0 && this.items[this.active] ? keyOf(this.items[this.active]) : null;
    this.items = items;
    this.selected = new Set();
    items.forEach((item, i) => {
      if (keep.has(keyOf(item))) this.selected.add(i);
    });
    const nextActive = activeKey === null ? -1 : items.findIndex((i) => keyOf(i) === activeKey);
    this.active = -1;
    this.el.replaceChildren(...items.map((item, i) => this.option(item, i)));
    this.el.tabIndex = items.length ? 0 : -1;
    this.el.removeAttribute("aria-activedescendant");
    if (nextActive >= 0) this.setActive(nextActive, false);
    else if (items.length && document.activeElement === this.el) this.setActive(0);
  }

  option(item, i) {
    return h(
      "li",
      {
        id: `${this.idBase}-${i}`,
        class: ["option", this.selected.has(i) && "selected"],
        attrs: { role: "option", "aria-selected": this.selected.has(i) ? "true" : "false" },
        dataset: { index: String(i), testid: "docspace-option" },
        on: {
          click: (e) => {
            this.setActive(i);
            if (this.o.multiselectable && (e.ctrlKey || e.metaKey)) this.toggle(i);
            else this.selectOnly(i);
            this.el.focus({ preventScroll: true });
          },
          dblclick: () => this.activate(i, "dblclick"),
        },
      },
      this.o.render(item),
    );
  }

  /** The selected items, in list order. */
  selectedItems() {
    return [...this.selected].sort((a, b) => a - b).map((i) => this.items[i]).filter(Boolean);
  }

  /** The item under the keyboard cursor. */
  activeItem() {
    return this.active >= 0 ? this.items[this.active] : undefined;
  }

  setActive(i, scroll = true) {
    if (i < 0 || i >= this.items.length) return;
    const prev = this.el.children[this.active];
    if (prev) prev.classList.remove("active");
    this.active = i;
    const opt = this.el.children[i];
    opt.classList.add("active");
    this.el.setAttribute("aria-activedescendant", opt.id);
    if (scroll) opt.scrollIntoView({ block: "nearest" });
  }

  selectOnly(i) {
    this.selected = new Set(i >= 0 ? [i] : []);
    this.paintSelection();
  }

  toggle(i) {
    if (this.selected.has(i)) this.selected.delete(i);
    else this.selected.add(i);
    this.paintSelection();
  }

  clearSelection() {
    this.selectOnly(-1);
  }

  paintSelection() {
    [...this.el.children].forEach((opt, i) => {
      const on = this.selected.has(i);
      opt.classList.toggle("selected", on);
      opt.setAttribute("aria-selected", on ? "true" : "false");
    });
    if (this.o.onSelectionChange) this.o.onSelectionChange(this.selectedItems());
  }

  activate(i, how) {
    if (i < 0 || !this.items[i]) return;
    if (this.o.onActivate) this.o.onActivate(this.items[i], how);
  }

  onKeyDown(e) {
    const n = this.items.length;
    if (!n) return;
    const item = this.activeItem();
    if (this.o.onKey && this.o.onKey(e, item)) {
      e.preventDefault();
      return;
    }
    const page = Math.max(1, Math.floor(this.el.clientHeight / 48));
    let next = null;
    switch (e.key) {
      case "ArrowDown":
        next = Math.min(n - 1, this.active + 1);
        break;
      case "ArrowUp":
        next = Math.max(0, this.active - 1);
        break;
      case "Home":
        next = 0;
        break;
      case "End":
        next = n - 1;
        break;
      case "PageDown":
        next = Math.min(n - 1, this.active + page);
        break;
      case "PageUp":
        next = Math.max(0, this.active - page);
        break;
      case " ":
        if (this.active >= 0) {
          if (this.o.multiselectable) this.toggle(this.active);
          else if (!this.selected.has(this.active)) this.selectOnly(this.active);
        }
        e.preventDefault();
        return;
      case "Enter":
        this.activate(this.active, "enter");
        e.preventDefault();
        return;
      case "a":
        if (this.o.multiselectable && (e.ctrlKey || e.metaKey)) {
          this.selected = new Set(this.items.map((_, i) => i));
          this.paintSelection();
          e.preventDefault();
          return;
        }
        break;
      default:
        break;
    }
    if (next !== null) {
      this.setActive(next);
      e.preventDefault();
      return;
    }
    if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) this.typeAhead(e.key);
  }

  typeAhead(ch) {
    const now = Date.now();
    this.typed = now - this.typedAt > 700 ? ch : this.typed + ch;
    this.typedAt = now;
    const q = this.typed.toLowerCase();
    const n = this.items.length;
    for (let k = 1; k <= n; k += 1) {
      const i = (this.active + (this.typed.length > 1 ? k - 1 : k) + n) % n;
      if (String(this.o.textOf(this.items[i]) || "").toLowerCase().startsWith(q)) {
        this.setActive(i);
        return;
      }
    }
  }
}

/** Items are identified by kind and id (a folder and a file may share an id). */
function keyOf(item) {
  return `${item.fileExst !== undefined ? "f" : "d"}:${item.id}`;
}
