// Breadcrumbs: where the list is, and a way back to each level.

import { h } from "./dom.js";

/**
 * `parts`: `[{id, title}]` root → current. Every level but the last is a link (or a button when
 * `hrefOf` is not given) that calls `onNavigate(part)`; the last is marked `aria-current`.
 */
export function breadcrumbs(parts, onNavigate, hrefOf) {
  return h(
    "nav",
    { class: "breadcrumbs", attrs: { "aria-label": "Breadcrumb" } },
    h(
      "ol",
      {},
      parts.map((part, i) => {
        const last = i === parts.length - 1;
        if (last) return h("li", {}, h("span", { attrs: { "aria-current": "page" }, text: part.title }));
        const go = (e) => {
          if (e.ctrlKey || e.metaKey || e.shiftKey || e.button === 1) return;
          e.preventDefault();
          onNavigate(part);
        };
        const target = hrefOf
          ? h("a", { href: hrefOf(part), text: part.title, on: { click: go } })
          : h("button", { type: "button", class: "link-button", text: part.title, on: { click: go } });
        return h("li", {}, target);
      }),
    ),
  );
}
