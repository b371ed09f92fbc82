// Access by an external link key: `GET files/share/{key}` and the `Request-Token` header that
// DocSpace's pages send with every request made through the link.

import { h } from "./dom.js";
import { messageOf } from "./frame-page.js";
import { api } from "./rest.js";

/** ValidationStatus of an external link. */
export const LinkStatus = Object.freeze({
  Ok: 0,
  Invalid: 1,
  Expired: 2,
  Password: 3,
  InvalidPassword: 4,
  ExternalAccessDenied: 5,
});

/** Headers for requests made through the link `key`. */
export const linkHeaders = (key) => (key ? { "Request-Token": key } : {});

/** The link's `ExternalShareDto` (`status`, `id`, `title`, `entityId`, …). */
export function validateKey(key) {
  return api(`files/share/${encodeURIComponent(key)}`, { headers: linkHeaders(key) });
}

/** The folder or room a valid link opens. */
export function linkedFolderId(dto) {
  return dto.entityId ?? dto.id;
}

/**
 * The form in front of a protected link: posts the password to `files/share/{key}/password`
 * (a right one sets the portal's HttpOnly `sharelink…` cookie, so later requests through the
 * link pass) and calls `onOpened(dto)` once the link opens. Wrong passwords and the portal's
 * refusals (too many tries) are shown in the form; the typed password stays only in the field.
 */
export function passwordForm(key, what, title, onOpened) {
  const input = h("input", { type: "password", id: "link-password", name: "password", autocomplete: "off", required: true });
  const error = h("p", { class: "form-error", id: "link-password-error", attrs: { role: "alert" }, hidden: true });
  const form = h(
    "form",
    { class: "password-form", attrs: { "aria-labelledby": "password-title", novalidate: true } },
    h("h1", { id: "password-title", text: title ? `“${title}” is protected` : `This ${what} is protected` }),
    h("p", {}, `Enter the password of this link to open the ${what}.`),
    h("div", { class: "field" }, h("label", { htmlFor: input.id, text: "Password" }), input),
    error,
    h("div", { class: "form-actions" }, h("button", { type: "submit", class: "button primary", text: "Open" })),
  );
  form.addEventListener("submit", async (e) => {
    e.preventDefault();
    error.hidden = true;
    if (!input.value) {
      error.textContent = "Enter the password.";
    } else {
      try {
        const dto = await api(`files/share/${encodeURIComponent(key)}/password`, {
          method: "POST",
          body: { password: input.value },
          headers: linkHeaders(key),
        });
        if (dto && dto.status === LinkStatus.Ok) return onOpened(dto);
        error.textContent = dto && dto.status === LinkStatus.Expired ? "This link has expired." : "Wrong password.";
      } catch (err) {
        error.textContent = messageOf(err);
      }
    }
    error.hidden = false;
    input.focus();
  });
  return { form, focus: () => input.focus() };
}
