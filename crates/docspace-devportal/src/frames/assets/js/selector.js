// What the room and file selectors share: their footer buttons, error line and search box, read
// from the URL parameters getFramePath writes (acceptLabel, cancel, cancelLabel, search).

import { h } from "./dom.js";
import { boolParam, params } from "./frame-page.js";
import { callEvent } from "./protocol.js";

/**
 * The selector's controls: `acceptBtn` (disabled until something is selected), `cancelBtn`
 * (sends onCloseCallback; null without `cancel`), `error` (hidden) and `searchInput` (null
 * without `search`), labelled `searchLabel` and controlling the list `listId`.
 */
export function selectorControls({ searchLabel, listId }) {
  const acceptBtn = h("button", {
    type: "button",
    class: "button primary",
    id: "accept-button",
    dataset: { testid: "docspace-accept" },
    text: params.get("acceptLabel") || "Select",
    disabled: true,
  });
  const cancelBtn = boolParam("cancel", false)
    ? h("button", {
        type: "button",
        class: "button",
        id: "cancel-button",
        dataset: { testid: "docspace-cancel" },
        text: params.get("cancelLabel") || "Cancel",
        on: { click: () => callEvent("onCloseCallback") },
      })
    : null;
  const error = h("p", { class: "form-error", attrs: { role: "alert" }, hidden: true });
  const searchInput = boolParam("search", false)
    ? h("input", {
        type: "search",
        id: "selector-search",
        dataset: { testid: "docspace-search" },
        class: "search",
        placeholder: "Search",
        attrs: { "aria-label": searchLabel, "aria-controls": listId },
      })
    : null;
  return { acceptBtn, cancelBtn, error, searchInput };
}
