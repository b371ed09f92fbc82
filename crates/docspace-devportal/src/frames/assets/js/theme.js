// Light and dark: the `theme` parameter (Base, Dark or System, any case) or the config's theme.
// System follows prefers-color-scheme (in the stylesheet).

/** `Base`/`Dark`/`System` → the stylesheet's `light`/`dark`/`system`. */
export function themeClass(theme) {
  switch (String(theme || "").toLowerCase()) {
    case "base":
    case "light":
      return "light";
    case "dark":
      return "dark";
    default:
      return "system";
  }
}

/** Applies `theme` to the page. */
export function applyTheme(theme) {
  document.documentElement.dataset.theme = themeClass(theme);
}

/** Applies the URL's `theme`, if it has one. */
export function applyUrlTheme() {
  const theme = new URLSearchParams(window.location.search).get("theme");
  if (theme) applyTheme(theme);
}
