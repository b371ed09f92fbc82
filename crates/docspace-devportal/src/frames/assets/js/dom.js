// Building the DOM without HTML strings: every piece of data goes in as text.

/**
 * Creates an element. `props` keys: `class`, `text`, `dataset` (object), `on` (object of event
 * listeners), `attrs` (object of attributes, e.g. role and aria-*), and any other key is set as a
 * property (`id`, `type`, `value`, `disabled`, `hidden`, `href`, `src`, …). Children may be nodes,
 * strings (inserted as text), arrays, or null/false (skipped).
 */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props || {})) {
    if (value === undefined || value === null) continue;
    switch (key) {
      case "class":
        el.className = Array.isArray(value) ? value.filter(Boolean).join(" ") : value;
        break;
      case "text":
        el.textContent = String(value);
        break;
      case "dataset":
        Object.assign(el.dataset, value);
        break;
      case "on":
        for (const [type, fn] of Object.entries(value)) el.addEventListener(type, fn);
        break;
      case "attrs":
        for (const [name, v] of Object.entries(value)) {
          if (v === undefined || v === null || v === false) continue;
          el.setAttribute(name, v === true ? "" : String(v));
        }
        break;
      default:
        el[key] = value;
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else if (child instanceof Node) el.appendChild(child);
    else el.appendChild(document.createTextNode(String(child)));
  }
}

/** Appends children to `el`, skipping null/false (unlike `Element.append`, which writes "null"). */
export function add(el, ...children) {
  append(el, children);
  return el;
}

/** Replaces all children of `el`. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let idCounter = 0;
/** A document-unique id with a readable prefix. */
export function uid(prefix) {
  idCounter += 1;
  return `${prefix}-${idCounter}`;
}

/** A decorative image (empty alt: the text next to it says what it is). */
export function icon(src, className = "icon") {
  return h("img", { class: className, src, alt: "", attrs: { "aria-hidden": "true" }, width: 32, height: 32 });
}

/** Moves a short message into the page's polite live region, for screen readers. */
export function announce(text) {
  const region = document.getElementById("live-region");
  if (!region) return;
  region.textContent = "";
  // A separate task, so that repeating the same text is announced again.
  setTimeout(() => {
    region.textContent = text;
  }, 30);
}
