// /login: the sign-in page a framed page sends its visitor to when there is no session. It hashes
// the password in the page (the portal's PBKDF2 parameters), signs in, and returns to the framed
// page (`returnUrl`, same origin only); the iframe's name, and so the frame id, survives.
// Like DocSpace's login page it sends setIsLoaded, so that the host shows the frame.

import { add, h } from "../dom.js";
import { messageOf, notice, params, startPage } from "../frame-page.js";
import { createPasswordHash } from "../hash.js";
import { serveMethods, setIsLoaded } from "../protocol.js";
import { api } from "../rest.js";

/** A same-origin path to go back to; anything else (other origins, `//host`) is ignored. */
function returnUrl() {
  const raw = params.get("returnUrl") || "";
  if (!raw.startsWith("/") || raw.startsWith("//") || raw.startsWith("/\\")) return "/rooms/shared/filter";
  try {
    const url = new URL(raw, window.location.origin);
    if (url.origin !== window.location.origin) return "/rooms/shared/filter";
    return url.pathname + url.search + url.hash;
  } catch {
    return "/rooms/shared/filter";
  }
}

// No mode lives here: every call is answered "Wrong method for this mode" instead of being left
// unanswered (DocSpace's login page has no listener, which stalls the host's queue).
serveMethods({});

const app = startPage("Sign in");
const email = h("input", {
  type: "email",
  name: "email",
  id: "sign-in-email",
  dataset: { testid: "docspace-sign-in-email" },
  autocomplete: "username",
  required: true,
  attrs: { "aria-required": "true" },
});
const password = h("input", {
  type: "password",
  name: "password",
  id: "sign-in-password",
  dataset: { testid: "docspace-sign-in-password" },
  autocomplete: "current-password",
  required: true,
  attrs: { "aria-required": "true" },
});
const remember = h("input", { type: "checkbox", name: "remember", id: "sign-in-remember" });
const error = h("p", { class: "form-error", id: "sign-in-error", attrs: { role: "alert" }, hidden: true });
const submit = h("button", {
  type: "submit",
  class: "button primary",
  text: "Sign in",
  dataset: { testid: "docspace-sign-in-submit" },
});

const form = h(
  "form",
  { class: "sign-in-form", attrs: { "aria-labelledby": "sign-in-title", novalidate: true } },
  h("div", { class: "field" }, h("label", { htmlFor: email.id, text: "Email" }), email),
  h("div", { class: "field" }, h("label", { htmlFor: password.id, text: "Password" }), password),
  h("div", { class: "field field-inline" }, remember, h("label", { htmlFor: remember.id, text: "Remember me" })),
  error,
  h("div", { class: "form-actions" }, submit),
);

add(
  app,
  h(
    "main",
    { class: "sign-in" },
    h("img", { class: "logo", src: "/static/images/logo/lightsmall.svg", alt: "DocSpace devportal", width: 211, height: 24 }),
    h("h1", { id: "sign-in-title", text: "Sign in to DocSpace" }),
    h("p", { class: "muted", text: "This local portal stands in for ONLYOFFICE DocSpace." }),
    form,
  ),
);

function showError(text, focus) {
  error.textContent = text;
  error.hidden = false;
  if (focus) focus.focus();
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  error.hidden = true;
  const userName = email.value.trim();
  if (!userName) return showError("Enter your email.", email);
  if (!password.value) return showError("Enter your password.", password);
  submit.disabled = true;
  form.setAttribute("aria-busy", "true");
  try {
    const settings = await api("settings?withPassword=true");
    if (!settings || !settings.passwordHash) throw new Error("The portal did not send its password settings.");
    const passwordHash = await createPasswordHash(password.value, settings.passwordHash);
    await api("authentication", {
      method: "POST",
      body: { userName, passwordHash, session: !remember.checked },
    });
    window.location.replace(returnUrl());
  } catch (err) {
    const text =
      err && err.status === 401
        ? "Wrong email or password."
        : err && (err.status === 403 || err.status === 429)
          ? "Too many sign-in attempts or the account is blocked. Try again later."
          : messageOf(err);
    showError(text, password);
  } finally {
    submit.disabled = false;
    form.removeAttribute("aria-busy");
  }
});

if (params.get("authError") === "true") {
  form.before(notice("warning", null, "Your session has ended. Sign in again."));
}
email.focus();
setIsLoaded();
