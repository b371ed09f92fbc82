// An accessible tree view (WAI-ARIA APG "tree" pattern, roving tabindex): ArrowUp/ArrowDown
// move through visible items, ArrowRight expands or enters, ArrowLeft collapses or goes to the
// parent, Home/End jump, Enter or Space activates, typing jumps to a matching label.

import { h, icon } from "./dom.js";

export class Tree {
  /**
   * @param {object} o
   * @param {string} o.label accessible name
   * @param {(node) => void} o.onActivate
   */
  constructor(o) {
    this.o = o;
    this.nodes = [];
    this.current = null;
    this.focusedKey = null;
    this.expanded = new Set();
    this.el = h("ul", {
      class: "tree",
      attrs: { role: "tree", "aria-label": o.label },
      on: { keydown: (e) => this.onKeyDown(e) },
    });
  }

  /** Nodes: `{key, label, icon?, children?: Node[]}`; `expanded` keys stay open across updates. */
  setNodes(nodes) {
    this.nodes = nodes;
    this.render();
  }

  /** Marks the node for the page being shown (`aria-selected`). */
  setCurrent(key) {
    this.current = key;
    this.render();
  }

  render() {
    const hadFocus = this.el.contains(document.activeElement);
    this.el.replaceChildren(...this.nodes.map((n, i) => this.item(n, 1, i, this.nodes.length)));
    const items = this.visible();
    const focusKey = items.some((x) => x.node.key === this.focusedKey)
      ? this.focusedKey
      : items.some((x) => x.node.key === this.current)
        ? this.current
        : items[0] && items[0].node.key;
    for (const x of items) x.li.tabIndex = x.node.key === focusKey ? 0 : -1;
    if (hadFocus) this.focus(focusKey);
  }

  item(node, level, index, count) {
    const hasChildren = Array.isArray(node.children) && node.children.length > 0;
    const open = hasChildren && this.expanded.has(node.key);
    const li = h(
      "li",
      {
        class: ["treeitem", node.key === this.current && "current"],
        attrs: {
          role: "treeitem",
          "aria-level": String(level),
          "aria-setsize": String(count),
          "aria-posinset": String(index + 1),
          "aria-expanded": hasChildren ? String(open) : null,
          "aria-selected": node.key === this.current ? "true" : "false",
        },
        tabIndex: -1,
        dataset: { key: node.key },
        on: {
          click: (e) => {
            e.stopPropagation();
            this.focusedKey = node.key;
            if (hasChildren && e.target.closest(".twisty")) this.toggle(node);
            else this.o.onActivate(node);
          },
          focus: (e) => {
            if (e.target === li) this.focusedKey = node.key;
          },
        },
      },
      h(
        "span",
        { class: "treeitem-row" },
        h("span", { class: ["twisty", hasChildren && (open ? "open" : "closed")], attrs: { "aria-hidden": "true" } }),
        node.icon ? icon(node.icon, "icon icon-small") : null,
        h("span", { class: "treeitem-label", text: node.label }),
      ),
    );
    if (open) {
      li.appendChild(
        h(
          "ul",
          { attrs: { role: "group" } },
          node.children.map((c, i) => this.item(c, level + 1, i, node.children.length)),
        ),
      );
    }
    return li;
  }

  /** Visible items in document order: `{node, li, parentKey}`. */
  visible() {
    const out = [];
    const walk = (nodes, parentKey) => {
      for (const node of nodes) {
        const li = this.el.querySelector(`li[data-key="${CSS.escape(node.key)}"]`);
        if (!li) continue;
        out.push({ node, li, parentKey });
        if (Array.isArray(node.children) && this.expanded.has(node.key)) walk(node.children, node.key);
      }
    };
    walk(this.nodes, null);
    return out;
  }

  focus(key) {
    const items = this.visible();
    for (const x of items) x.li.tabIndex = x.node.key === key ? 0 : -1;
    const target = items.find((x) => x.node.key === key);
    if (target) {
      this.focusedKey = key;
      target.li.focus();
    }
  }

  toggle(node, open = !this.expanded.has(node.key)) {
    if (open) this.expanded.add(node.key);
    else this.expanded.delete(node.key);
    this.focusedKey = node.key;
    this.render();
    this.focus(node.key);
  }

  onKeyDown(e) {
    const items = this.visible();
    const idx = items.findIndex((x) => x.li === e.target);
    if (idx < 0) return;
    const { node, parentKey } = items[idx];
    const hasChildren = Array.isArray(node.children) && node.children.length > 0;
    const open = this.expanded.has(node.key);
    let handled = true;
    switch (e.key) {
      case "ArrowDown":
        if (items[idx + 1]) this.focus(items[idx + 1].node.key);
        break;
      case "ArrowUp":
        if (items[idx - 1]) this.focus(items[idx - 1].node.key);
        break;
      case "Home":
        this.focus(items[0].node.key);
        break;
      case "End":
        this.focus(items[items.length - 1].node.key);
        break;
      case "ArrowRight":
        if (hasChildren && !open) this.toggle(node, true);
        else if (hasChildren && items[idx + 1]) this.focus(items[idx + 1].node.key);
        break;
      case "ArrowLeft":
        if (hasChildren && open) this.toggle(node, false);
        else if (parentKey) this.focus(parentKey);
        break;
      case "Enter":
      case " ":
        this.o.onActivate(node);
        break;
      default:
        handled = false;
        if (e.key.length === 1 && !e.ctrlKey && !e.metaKey && !e.altKey) {
          const q = e.key.toLowerCase();
          const n = items.length;
          for (let k = 1; k <= n; k += 1) {
            const x = items[(idx + k) % n];
            if (x.node.label.toLowerCase().startsWith(q)) {
              this.focus(x.node.key);
              handled = true;
              break;
            }
          }
        }
    }
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  }
}
