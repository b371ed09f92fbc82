// What every frame page shares: the URL's parameters, the theme, the page skeleton, notices, and
// the way to the sign-in page.

import { h, replace } from "./dom.js";
import { applyUrlTheme } from "./theme.js";

/** The page's query parameters. */
export const params = new URLSearchParams(window.location.search);

/** A boolean URL parameter as DocSpace's pages read them ("true"/"false"), else `fallback`. */
export function boolParam(name, fallback) {
  const v = params.get(name);
  if (v === "true") return true;
  if (v === "false") return false;
  return fallback;
}

/** The `roomType` parameter: the room types (numbers) a selector offers; empty for all. */
export function roomTypesParam() {
  return (params.get("roomType") || "")
    .split(",")
    .map((t) => t.trim())
    .filter((t) => /^\d+$/.test(t));
}

/** The sign-in page, returning here afterwards. */
export function signInUrl() {
  return `/login?returnUrl=${encodeURIComponent(window.location.pathname + window.location.search)}`;
}

/** Sends the visitor to sign in when `err` says the session is gone; true if it did. */
export function redirectIfSignedOut(err) {
  if (err && err.status === 401) {
    window.location.assign(signInUrl());
    return true;
  }
  return false;
}

/**
 * Replaces the loading placeholder with the page's own skeleton and returns its root. Also adds
 * a polite live region (see `announce`) and applies the URL's theme.
 */
export function startPage(title) {
  applyUrlTheme();
  if (title) document.title = `${title} · DocSpace devportal`;
  const app = document.getElementById("app");
  app.removeAttribute("aria-busy");
  // A stable hook for tests (docspace-testkit's frame drivers, or any JavaScript test runner).
  app.dataset.testid = "docspace-page";
  replace(app);
  if (!document.getElementById("live-region")) {
    document.body.appendChild(
      h("div", { id: "live-region", class: "visually-hidden", attrs: { "aria-live": "polite", role: "status" } }),
    );
  }
  return app;
}

/** A boxed message: `kind` is info, error or warning. Extra children (links, buttons) follow. */
export function notice(kind, title, text, ...extra) {
  return h(
    "div",
    { class: ["notice", `notice-${kind}`], attrs: { role: kind === "error" ? "alert" : null } },
    title ? h("h2", { class: "notice-title", text: title }) : null,
    text ? h("p", { text }) : null,
    extra,
  );
}

/** The message of any error, for people. */
export function messageOf(err) {
  if (!err) return "Something went wrong.";
  return err.userMessage || err.message || String(err);
}
