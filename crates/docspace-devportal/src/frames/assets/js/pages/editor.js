// /doceditor: the devportal's stand-in for ONLYOFFICE Docs, in editor and viewer mode.
//
// It shows a document's text content (plain-text formats) and, in the editor, saves changes
// through the REST API (`PUT files/file/{id}/saveediting`). It does not render office formats
// and says so. Protocol (ONLYOFFICE/docspace-sdk-js `src/instance/index.ts`; ONLYOFFICE/
// DocSpace-client `packages/doceditor/src/hooks/useEditorEvents.ts`): setConfig (merged into the
// config the URL describes), executeInEditor (from the parent window only), setIsLoaded + onAppReady once
// the document is shown (or its error), onEditorCloseCallback when editorGoBack is "event".

import { add, announce, h, replace } from "../dom.js";
import { messageOf, notice, params, redirectIfSignedOut, signInUrl, startPage } from "../frame-page.js";
import { extensionOf, isTextFormat } from "../items.js";
import { callEvent, frameId, requestConfig, serveMethods, setIsLoaded } from "../protocol.js";
import { api, fetchBytes } from "../rest.js";
import { LinkStatus, passwordForm, validateKey } from "../share.js";

const fileId = params.get("fileId") ?? params.get("fileid") ?? "";
const share = params.get("share") || "";
const urlGoBack = params.get("editorGoBack");
const editorType = params.get("editorType") || "desktop";
// The embedded editor type is view-only in ONLYOFFICE Docs.
const viewOnly = params.get("action") === "view" || editorType === "embedded";

/** The config the URL describes (DocSpace's `baseSdkConfig`); setConfig merges into it. */
const baseConfig = dropUndefined({
  frameId: "",
  mode: "",
  src: "",
  editorCustomization: { uiTheme: params.get("theme") ?? undefined },
  editorGoBack: urlGoBack ?? undefined,
  editorType: params.get("editorType") ?? undefined,
  id: fileId || undefined,
  locale: params.get("locale") ?? undefined,
  requestToken: share || undefined,
  theme: params.get("theme") ?? undefined,
  is_file: params.get("is_file") ?? undefined,
  isSDK: params.get("isSDK") ?? undefined,
});

let config = null;
let editor = null;
let readySent = false;

serveMethods({
  setConfig(data) {
    const merged = merge(structuredClone(baseConfig), data);
    // DocSpace lets the config's `editorGoBack: true` overwrite the URL's "event", after which
    // the close event can never fire (`onSDKRequestClose` in useEditorEvents.ts reads only the
    // config); the URL's choice is kept here.
    if (urlGoBack === "event") merged.editorGoBack = "event";
    config = merged;
    renderCloseButton();
    return merged;
  },
  executeInEditor(data) {
    const source = data && data.callback;
    if (typeof source !== "string") return undefined;
    try {
      // The host's function arrives as source text; only the parent window gets this far.
      const run = new Function("instance", "asc", "data", `const c = ${source}; c(instance, asc, data);`);
      run(editor, window.Asc, data.data);
    } catch (err) {
      console.error("Error executing editor callback:", err);
    }
    return undefined;
  },
});

const app = startPage(viewOnly ? "Viewer" : "Editor");
const actions = h("div", { class: "toolbar-actions" });
const titleEl = h("h1", { class: "doc-title", text: "Document" });
const body = h("div", { class: "doc-body" });
add(
  app,
  h(
    "header",
    { class: "doc-header" },
    h("span", { class: "badge", text: viewOnly ? "Viewer stand-in" : "Editor stand-in" }),
    titleEl,
    actions,
  ),
  h(
    "p",
    { class: "stand-in-note" },
    "This is the DocSpace devportal's stand-in for ONLYOFFICE Docs: it shows plain-text documents ",
    viewOnly ? "read-only" : "and saves your edits to the portal",
    ". It cannot render office formats.",
  ),
  body,
);

requestConfig(() => config !== null);
openDocument();

function ready() {
  if (readySent) return;
  readySent = true;
  setIsLoaded();
  callEvent("onAppReady", { frameId: (config && config.frameId) || frameId() });
}

function fail(title, text) {
  replace(body, notice("error", title, text));
  setIsLoaded();
}

function authHeaders() {
  return share ? { "Request-Token": share } : {};
}

async function openDocument() {
  if (!fileId || fileId === "-1" || !/^\d+$/.test(fileId)) {
    fail("No document", "The editor was opened without a file id.");
    return;
  }
  if (share && !(await linkOpens())) return;
  let file;
  try {
    file = await api(`files/file/${fileId}`, { headers: authHeaders() });
  } catch (err) {
    if (!share && redirectIfSignedOut(err)) return;
    if (err.status === 404) return fail("File not found", "The file does not exist or was deleted.");
    if (err.status === 403) return fail("No access", "You do not have access to this file.");
    return fail("The file cannot be opened", messageOf(err));
  }
  titleEl.textContent = file.title;
  document.title = `${file.title} · DocSpace devportal`;
  const ext = file.fileExst || extensionOf(file.title);
  if (!isTextFormat(ext)) {
    replace(
      body,
      notice(
        "info",
        `The stand-in cannot show ${ext || "this"} files`,
        "ONLYOFFICE Docs renders office documents on a real DocSpace. This local stand-in only " +
          "shows and edits plain text, so it does not pretend to display this file.",
        downloadLink(file),
      ),
    );
    editor = standIn(file, null);
    ready();
    return;
  }
  let text;
  try {
    const bytes = await fetchBytes(contentUrl(file), {});
    // Keep a byte-order mark as a character, so that saving writes it back.
    text = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch (err) {
    if (err instanceof TypeError) {
      return fail("Not UTF-8 text", "The file's bytes are not UTF-8 text; editing it here would damage it.");
    }
    return fail("The content cannot be loaded", messageOf(err));
  }
  const canEdit = !viewOnly && !(file.security && file.security.Edit === false);
  editor = canEdit ? showEditor(file, text) : showViewer(file, text);
  ready();
}

/**
 * Whether the share link opens the file now; otherwise shows why (expired, invalid, sign-in
 * needed) or the password form, which opens the document once the password is right.
 */
async function linkOpens() {
  let dto;
  try {
    dto = await validateKey(share);
  } catch (err) {
    fail("The link cannot be checked", messageOf(err));
    return false;
  }
  switch (dto && dto.status) {
    case LinkStatus.Ok:
      return true;
    case LinkStatus.Expired:
      fail("This link has expired", "Ask the person who shared the file for a new link.");
      return false;
    case LinkStatus.ExternalAccessDenied:
      replace(
        body,
        notice(
          "error",
          "Sign in to open this file",
          "This link works only for people signed in to the portal.",
          h("p", {}, h("a", { class: "button primary", href: signInUrl(), text: "Sign in" })),
        ),
      );
      setIsLoaded();
      return false;
    case LinkStatus.Password:
    case LinkStatus.InvalidPassword: {
      titleEl.textContent = dto.entityTitle || dto.title || "Document";
      const { form, focus } = passwordForm(share, "file", dto.entityTitle, () => openDocument());
      replace(body, form);
      focus();
      setIsLoaded();
      return false;
    }
    default:
      fail("This link is not valid", "Ask the person who shared the file for a new link.");
      return false;
  }
}

/** The file's download URL on this origin (a share token travels as `share=`). */
function contentUrl(file) {
  const url = new URL(file.viewUrl || `/filehandler.ashx?action=download&fileid=${file.id}`, window.location.origin);
  const local = new URL(url.pathname + url.search, window.location.origin);
  if (share && !local.searchParams.has("share")) local.searchParams.set("share", share);
  return local.pathname + local.search;
}

function downloadLink(file) {
  return h("p", {}, h("a", { class: "button", href: contentUrl(file), attrs: { download: file.title }, text: "Download" }));
}

function showViewer(file, text) {
  const pre = h("pre", {
    class: "doc-text",
    id: "doc-text",
    tabIndex: 0,
    attrs: { role: "document", "aria-label": `Content of ${file.title}` },
    text,
  });
  replace(body, viewOnly ? null : notice("info", null, "You can view this file but not edit it."), pre);
  replace(actions, downloadButton(file));
  renderCloseButton();
  return standIn(file, { get: () => pre.textContent, set: null, save: null });
}

function showEditor(file, text) {
  let saved = text;
  let current = file;
  const area = h("textarea", {
    class: "doc-text",
    id: "doc-text",
    value: text,
    spellcheck: false,
    attrs: { "aria-label": `Content of ${file.title}` },
  });
  const status = h("span", { class: "save-status", id: "save-status", attrs: { role: "status" } });
  const saveBtn = h("button", { type: "button", class: "button primary", id: "save-button", text: "Save" });
  const dirty = () => area.value !== saved;
  const paint = () => {
    saveBtn.disabled = !dirty();
    if (dirty()) status.textContent = "Unsaved changes";
  };
  async function save() {
    if (!dirty()) return current;
    const text = area.value;
    saveBtn.disabled = true;
    status.textContent = "Saving…";
    try {
      const form = new FormData();
      form.append("FileExtension", current.fileExst || extensionOf(current.title));
      form.append("Forcesave", "false");
      form.append("File", new Blob([text], { type: "text/plain; charset=utf-8" }), current.title);
      const dto = await api(`files/file/${current.id}/saveediting`, { method: "PUT", form, headers: authHeaders() });
      saved = text;
      if (dto && typeof dto === "object") current = { ...current, ...dto };
      status.textContent = current.version ? `Saved · version ${current.version}` : "Saved";
      announce("Document saved");
      return current;
    } catch (err) {
      // The text stays in the editor: nothing typed is lost.
      status.textContent = `Not saved: ${messageOf(err)}`;
      announce(status.textContent);
      throw err;
    } finally {
      // Typing during the save leaves new changes to save; an error message stays visible.
      saveBtn.disabled = !dirty();
    }
  }
  area.addEventListener("input", paint);
  area.addEventListener("keydown", (e) => {
    if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === "s") {
      e.preventDefault();
      save().catch(() => {});
    }
  });
  saveBtn.addEventListener("click", () => save().catch(() => {}));
  window.addEventListener("beforeunload", (e) => {
    if (dirty()) e.preventDefault();
  });
  replace(body, area);
  replace(actions, status, saveBtn, downloadButton(file));
  renderCloseButton();
  paint();
  area.focus();
  return standIn(file, {
    get: () => area.value,
    set: (t) => {
      area.value = String(t);
      paint();
    },
    save,
  });
}

function downloadButton(file) {
  return h("a", { class: "button", href: contentUrl(file), attrs: { download: file.title }, text: "Download" });
}

/** The close button, when the host asked for the close event. */
function renderCloseButton() {
  const wanted = urlGoBack === "event" || (config && config.editorGoBack === "event");
  const existing = document.getElementById("close-button");
  if (!wanted || existing) return;
  actions.appendChild(
    h("button", {
      type: "button",
      class: "button",
      id: "close-button",
      text: "Close",
      on: { click: () => callEvent("onEditorCloseCallback") },
    }),
  );
}

/**
 * What `executeInEditor` callbacks get as `instance` (ONLYOFFICE's DocEditor instance on a real
 * portal): the file, and the text when the stand-in shows it.
 */
function standIn(file, text) {
  return Object.freeze({
    standIn: true,
    file: { ...file },
    getText: () => (text ? text.get() : null),
    setText: (t) => {
      if (!text || !text.set) throw new Error("This document is read-only here.");
      text.set(t);
    },
    save: () => (text && text.save ? text.save() : Promise.reject(new Error("Nothing to save here."))),
  });
}

function dropUndefined(o) {
  for (const k of Object.keys(o)) {
    if (o[k] === undefined) delete o[k];
    else if (o[k] && typeof o[k] === "object" && !Array.isArray(o[k])) dropUndefined(o[k]);
  }
  return o;
}

/** lodash.merge: plain objects and arrays merge deeply; `undefined` in the source is skipped. */
function merge(target, source) {
  if (!source || typeof source !== "object") return target;
  for (const [k, v] of Object.entries(source)) {
    if (v === undefined) continue;
    if (v && typeof v === "object") {
      const base = target[k] && typeof target[k] === "object" ? target[k] : Array.isArray(v) ? [] : {};
      target[k] = merge(base, v);
    } else {
      target[k] = v;
    }
  }
  return target;
}
