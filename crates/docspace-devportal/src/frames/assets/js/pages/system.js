// /old-sdk/system: no UI (DocSpace shows only a loader); it answers the account methods so that a
// host can sign in before it opens other frames. onAppReady follows every setConfig.

import { createHash, getHashSettings, getUserInfo, login, logout } from "../account.js";
import { h } from "../dom.js";
import { startPage } from "../frame-page.js";
import { callEvent, requestConfig, serveMethods, setIsLoaded } from "../protocol.js";
import { applyTheme } from "../theme.js";

let config = null;

serveMethods({
  setConfig(data) {
    config = data;
    if (data) {
      if (data.theme) applyTheme(data.theme);
      callEvent("onAppReady", { frameId: data.frameId });
    }
    return data;
  },
  getUserInfo,
  getHashSettings,
  createHash,
  login,
  logout,
});

const app = startPage("DocSpace");
app.appendChild(
  h("p", { class: "system-frame", text: "DocSpace devportal · system frame" }),
);
requestConfig(() => config !== null);
setIsLoaded();
