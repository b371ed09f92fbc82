// Modal dialogs on the native <dialog> element: it traps focus, closes on Escape and marks the
// rest of the page inert. Focus returns to whatever opened the dialog.

import { h, uid } from "./dom.js";

/**
 * Opens a modal form dialog and resolves with what `onSubmit` returned, or `null` when it was
 * cancelled. `onSubmit(form)` may throw an Error: its message is shown in the dialog, which stays
 * open so that nothing typed is lost.
 *
 * @param {object} o
 * @param {string} o.title
 * @param {Node[]} o.fields the form's content
 * @param {string} o.submitLabel
 * @param {(form: HTMLFormElement) => Promise<any>} o.onSubmit
 */
export function formDialog({ title, fields, submitLabel, onSubmit }) {
  const opener = document.activeElement;
  const titleId = uid("dialog-title");
  const error = h("p", { class: "form-error", attrs: { role: "alert" }, hidden: true });
  const submit = h("button", { type: "submit", class: "button primary", text: submitLabel });
  const cancel = h("button", { type: "button", class: "button", text: "Cancel" });
  const form = h(
    "form",
    { class: "dialog-form", attrs: { method: "dialog", novalidate: true } },
    h("h2", { id: titleId, class: "dialog-title", text: title }),
    fields,
    error,
    h("div", { class: "dialog-actions" }, cancel, submit),
  );
  const dialog = h("dialog", { class: "dialog", attrs: { "aria-labelledby": titleId } }, form);
  document.body.appendChild(dialog);

  return new Promise((resolve) => {
    let result = null;
    const close = () => dialog.close();
    dialog.addEventListener("close", () => {
      dialog.remove();
      if (opener && opener.isConnected && typeof opener.focus === "function") opener.focus();
      resolve(result);
    });
    cancel.addEventListener("click", close);
    form.addEventListener("submit", async (e) => {
      e.preventDefault();
      error.hidden = true;
      submit.disabled = true;
      form.setAttribute("aria-busy", "true");
      try {
        result = await onSubmit(form);
        close();
      } catch (err) {
        error.textContent = (err && (err.userMessage || err.message)) || "Something went wrong.";
        error.hidden = false;
      } finally {
        submit.disabled = false;
        form.removeAttribute("aria-busy");
      }
    });
    dialog.showModal();
    const first = form.querySelector("input, select, textarea");
    if (first) first.focus();
  });
}

/** A labelled form field. `control` is an input/select/textarea element with a `name`. */
export function field(label, control, hint) {
  const id = control.id || uid("field");
  control.id = id;
  let hintEl = null;
  if (hint) {
    hintEl = h("p", { class: "field-hint", id: `${id}-hint`, text: hint });
    control.setAttribute("aria-describedby", hintEl.id);
  }
  return h("div", { class: "field" }, h("label", { htmlFor: id, text: label }), control, hintEl);
}
