// Access by an external link key: `GET files/share/{key}` and the `Request-Token` header that
// DocSpace's pages send with every request made through the link.

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
