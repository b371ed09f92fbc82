// The frame side of DocSpace's Embed SDK protocol (ONLYOFFICE/docspace-sdk-js: src/instance/index.ts; ONLYOFFICE/DocSpace-client: the SDK message handlers).
//
// Messages to the host are JSON strings posted to window.parent with targetOrigin "*", exactly as
// DocSpace's frames send them; the frame id is window.name minus "frameDocSpace__#". Incoming
// method calls are accepted from the parent window only (DocSpace accepts any sender, which lets
// a sibling frame call createRoom or logout; api.js always posts from the parent, so it cannot
// tell the difference), and are answered strictly in arrival order.

const FRAME_PREFIX = "frameDocSpace__#";

/** What DocSpace answers to a method the current page does not implement. */
export const WRONG_METHOD = "Wrong method for this mode";

/** Whether the page runs inside a frame (messages have somewhere to go). */
export const isFramed = () => window.parent !== window;

/** The host's frameId, carried by the iframe's name (it survives navigations, e.g. sign-in). */
export const frameId = () => window.name.replace(FRAME_PREFIX, "");

/**
 * Resolves once the document has loaded and the host has had its turn: api.js registers its
 * message listener in the iframe's `load` handler, which runs right after ours, so anything
 * posted earlier would be lost.
 */
export function afterLoad() {
  return new Promise((resolve) => {
    const later = () => setTimeout(resolve, 0);
    if (document.readyState === "complete") later();
    else window.addEventListener("load", later, { once: true });
  });
}

// Messages wait, in order, until the host listens.
let hostListening = false;
const pending = [];
afterLoad().then(() => {
  hostListening = true;
  for (const text of pending.splice(0)) window.parent.postMessage(text, "*");
});

function post(message) {
  if (!isFramed()) return;
  let text;
  try {
    text = JSON.stringify(message);
  } catch (err) {
    // A value JSON cannot write (a cycle): reply without it rather than stall the host's queue.
    console.error("DocSpace frame: cannot serialize a message", err);
    text = JSON.stringify({ type: message.type, frameId: message.frameId });
  }
  if (hostListening) window.parent.postMessage(text, "*");
  else pending.push(text);
}

/** `onMethodReturn`: the answer to the host's oldest pending call. `undefined` drops the key. */
export function methodReturn(methodReturnData) {
  post({ type: "onMethodReturn", frameId: frameId(), methodReturnData });
}

/** `onEventReturn`: an event; `data` is left out for events without a payload. */
export function callEvent(event, data) {
  post({ type: "onEventReturn", frameId: frameId(), eventReturnData: { event, data } });
}

/** `onCallCommand`: asks the host to run one of its instance methods. */
export function callCommand(commandName, commandData) {
  post({ type: "onCallCommand", frameId: frameId(), commandName, commandData });
}

/** `onCallCommand setIsLoaded`: the host reveals the frame and fires `onContentReady`. */
export function setIsLoaded() {
  callCommand("setIsLoaded");
}

/**
 * Answers the host's method calls with `handlers[methodName](data)`. A handler's value is the
 * reply; a thrown value is the reply too, serialized as DocSpace does (an Error becomes `{}`, an
 * API error its axios-style JSON). Unknown methods get "Wrong method for this mode". Messages
 * without a method name are not calls and get no reply (a reply would shift every later promise
 * on the host).
 */
export function serveMethods(handlers) {
  let queue = Promise.resolve();
  window.addEventListener("message", (e) => {
    if (!isFramed() || e.source !== window.parent) return;
    let message;
    try {
      message = typeof e.data === "string" ? JSON.parse(e.data) : e.data;
    } catch {
      return;
    }
    const call = message && typeof message === "object" ? message.data : null;
    if (!call || typeof call !== "object") return;
    const { methodName, data } = call;
    if (typeof methodName !== "string" || !methodName) return;
    queue = queue.then(async () => {
      let res;
      try {
        const handler = Object.hasOwn(handlers, methodName) ? handlers[methodName] : null;
        res = handler ? await handler(data) : WRONG_METHOD;
      } catch (err) {
        res = err;
      }
      methodReturn(res);
    });
  });
}

/**
 * Starts the handshake: `onCallCommand setConfig {src: origin}`, sent while the page has no
 * config yet. `hasConfig` tells whether the host's `setConfig` arrived; if the first command was
 * lost (posted before the host listened), it is sent once more.
 */
export function requestConfig(hasConfig) {
  if (!isFramed()) return;
  callCommand("setConfig", { src: window.location.origin });
  afterLoad().then(() =>
    setTimeout(() => {
      if (!hasConfig()) callCommand("setConfig", { src: window.location.origin });
    }, 3000),
  );
}

/**
 * Answers `setConfig` and no other method, as DocSpace's /sdk pages do, and starts the handshake.
 * Returns a getter of the host's config (null until it arrives).
 */
export function serveConfigOnly() {
  let config = null;
  serveMethods({
    setConfig(data) {
      config = data;
      return data;
    },
  });
  requestConfig(() => config !== null);
  return () => config;
}

/** Whether the host configured a handler for `name` (functions arrive as their source text). */
export function hostHandles(config, name) {
  return Boolean(config && config.events && config.events[name]);
}
