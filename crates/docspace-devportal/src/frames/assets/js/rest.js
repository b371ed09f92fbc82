// The portal's REST API as the frame pages use it: same origin, cookie session, DocSpace's
// envelope unwrapped to its `response`.

const BASE = "/api/2.0";

/**
 * A failed request. Serialized (as a method reply) like the AxiosError DocSpace's frames send:
 * `{message, name, code, status, config}` — without the request body, which for a login holds
 * the password hash.
 */
export class ApiError extends Error {
  constructor(status, serverMessage, method, path) {
    const message =
      status === 0
        ? "Network Error"
        : status === 429
          ? "Request limit exceeded"
          : `Request failed with status code ${status}`;
    super(message);
    this.name = "AxiosError";
    this.status = status;
    this.serverMessage = serverMessage || "";
    this.method = method;
    this.path = path;
  }

  /** What a person should read. */
  get userMessage() {
    if (this.serverMessage) return this.serverMessage;
    switch (this.status) {
      case 0:
        return "The portal cannot be reached.";
      case 401:
        return "You are not signed in.";
      case 403:
        return "Access denied.";
      case 404:
        return "Not found.";
      case 429:
        return "Too many requests; try again in a minute.";
      default:
        return `The portal answered ${this.status}.`;
    }
  }

  toJSON() {
    const code =
      this.status === 0 ? "ERR_NETWORK" : this.status >= 500 ? "ERR_BAD_RESPONSE" : "ERR_BAD_REQUEST";
    return {
      message: this.message,
      name: this.name,
      config: { method: this.method.toLowerCase(), url: this.path, baseURL: BASE },
      code,
      status: this.status,
    };
  }
}

/** A query string from an object: arrays repeat their key, null/undefined are left out. */
export function query(params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params || {})) {
    if (v === undefined || v === null) continue;
    if (Array.isArray(v)) v.forEach((x) => q.append(k, String(x)));
    else q.append(k, String(v));
  }
  const s = q.toString();
  return s ? `?${s}` : "";
}

/**
 * Calls `/api/2.0/{path}`. `body` is sent as JSON, `form` as multipart. Resolves with the
 * envelope's `response` (undefined when there is none); rejects with an {@link ApiError}.
 */
export async function api(path, { method = "GET", body, form, headers = {}, signal } = {}) {
  const url = `${BASE}/${path.replace(/^\//, "")}`;
  const init = { method, headers: { Accept: "application/json", ...headers }, credentials: "same-origin", signal };
  if (form) init.body = form;
  else if (body !== undefined) {
    init.headers["Content-Type"] = "application/json";
    init.body = JSON.stringify(body);
  }
  let resp;
  try {
    resp = await fetch(url, init);
  } catch (err) {
    if (err && err.name === "AbortError") throw err;
    throw new ApiError(0, "", method, `/${path}`);
  }
  const text = await resp.text();
  let json = null;
  if (text) {
    try {
      json = JSON.parse(text);
    } catch {
      json = null;
    }
  }
  if (!resp.ok) {
    throw new ApiError(resp.status, errorMessageOf(json), method, `/${path}`);
  }
  if (json && json.status === 1) {
    throw new ApiError(json.statusCode || 400, errorMessageOf(json), method, `/${path}`);
  }
  return json ? json.response : undefined;
}

function errorMessageOf(json) {
  if (!json) return "";
  if (json.error && typeof json.error.message === "string") return json.error.message;
  const problem = json.response;
  if (problem && problem.errors && typeof problem.errors === "object") {
    return Object.values(problem.errors).flat().join(" ");
  }
  if (problem && typeof problem.title === "string") return problem.title;
  return "";
}

/** `GET` of a file's content (its `viewUrl`), as bytes. */
export async function fetchBytes(url, { signal } = {}) {
  let resp;
  try {
    resp = await fetch(url, { credentials: "same-origin", signal });
  } catch {
    throw new ApiError(0, "", "GET", url);
  }
  if (!resp.ok) throw new ApiError(resp.status, "", "GET", url);
  return resp.arrayBuffer();
}
