// The account methods the manager and the system frame answer: getUserInfo, getHashSettings,
// createHash, login, logout (ONLYOFFICE/DocSpace-client: the frame side's `createHash`, `login`, `logout` handlers).

import { createPasswordHash } from "./hash.js";
import { callEvent, isFramed } from "./protocol.js";
import { api } from "./rest.js";

/** `GET people/@self`; signed out, DocSpace resolves `undefined` (the host then sees `{}`). */
export async function getUserInfo() {
  try {
    return await api("people/@self");
  } catch (err) {
    if (err && err.status === 401) return undefined;
    throw err;
  }
}

/** `GET settings?withPassword=true` → its `passwordHash` `{size, iterations, salt}`. */
export async function getHashSettings() {
  const settings = await api("settings?withPassword=true");
  return settings ? settings.passwordHash : undefined;
}

/** `{password, hashSettings}` → the hex hash; bad parameters throw `Error("Invalid params.")`. */
export function createHash(data) {
  const { password, hashSettings } = data || {};
  return createPasswordHash(password, hashSettings);
}

/**
 * `{email, passwordHash}` → `POST authentication` with a browser-session cookie, as DocSpace's
 * frames do (`password` and `session` from the host are ignored there too). Resolves
 * `{url: "/"}`; a refused login rejects with the API error.
 */
export async function login(data) {
  const { email, passwordHash } = data || {};
  const res = await api("authentication", {
    method: "POST",
    body: { userName: email, passwordHash, session: true },
  });
  if (!res || (!res.token && !res.tfa)) throw new Error("The portal did not sign in.");
  if (res.tfa && res.confirmUrl) {
    return { url: String(res.confirmUrl).replace(window.location.origin, ""), user: email, hash: passwordHash };
  }
  return { url: "/" };
}

/** `POST authentication/logout`, then `onSignOut` when framed. Resolves the SSO logout URL, if any. */
export async function logout() {
  let ssoLogoutUrl;
  try {
    ssoLogoutUrl = await api("authentication/logout", { method: "POST" });
  } catch {
    ssoLogoutUrl = undefined;
  }
  if (isFramed()) callEvent("onSignOut");
  return ssoLogoutUrl || undefined;
}
