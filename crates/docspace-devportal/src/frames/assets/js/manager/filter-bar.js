// The manager's filter bar: search (typed text applies after a pause), sort, order and view.

import { h } from "../dom.js";
import { VIEWS } from "../folder-view.js";

/**
 * The bar's controls for the list's `filter` (`{search, sortBy, sortOrder}`) and layout `viewAs`:
 * a change calls `onFilter` with the changed keys, or `onView` with the layout.
 */
export function filterControls(filter, viewAs, onFilter, onView) {
  const search = h("input", {
    type: "search",
    id: "filter-search",
    class: "search",
    value: filter.search,
    placeholder: "Search",
    attrs: { "aria-label": "Search in this list", "aria-controls": "entries" },
  });
  let timer = 0;
  search.addEventListener("input", () => {
    clearTimeout(timer);
    timer = setTimeout(() => onFilter({ search: search.value.trim() }), 350);
  });
  const sort = h(
    "select",
    { id: "filter-sort", attrs: { "aria-label": "Sort by" } },
    [
      ["DateAndTime", "Last modified"],
      ["AZ", "Name"],
      ["Size", "Size"],
      ["Type", "Type"],
      ["DateAndTimeCreation", "Created"],
    ].map(([v, label]) => h("option", { value: v, text: label, selected: v === filter.sortBy })),
  );
  sort.addEventListener("change", () => onFilter({ sortBy: sort.value }));
  const order = h(
    "select",
    { id: "filter-order", attrs: { "aria-label": "Sort order" } },
    [
      ["descending", "Descending"],
      ["ascending", "Ascending"],
    ].map(([v, label]) => h("option", { value: v, text: label, selected: v === filter.sortOrder })),
  );
  order.addEventListener("change", () => onFilter({ sortOrder: order.value }));
  const view = h(
    "select",
    { id: "view-select", attrs: { "aria-label": "View" } },
    VIEWS.map((v) => h("option", { value: v, text: v[0].toUpperCase() + v.slice(1), selected: v === viewAs })),
  );
  view.addEventListener("change", () => onView(view.value));
  return [search, sort, order, view];
}
