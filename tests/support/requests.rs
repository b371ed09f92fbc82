//! The page's own requests, seen and held: a wrapper around `fetch` and `XMLHttpRequest` in the
//! page records each request as "METHOD URL" and can hold chosen ones until the test lets them
//! go. Loopback is fast enough that an upload or a file operation would end before a test could
//! look at it.

use super::*;

/// Records every request the page makes from now on; reading them: [`requests`].
pub async fn record_requests(driver: &WebDriver) {
    wrap(driver, "", "").await;
}

/// Records every request, as [`record_requests`], and holds those whose method is `method` and
/// whose URL contains `needle` until [`release_held`].
pub async fn hold_requests(driver: &WebDriver, method: &str, needle: &str) {
    wrap(driver, method, needle).await;
}

/// Wraps `fetch` and `XMLHttpRequest` once per page (the originals are kept, so a second call
/// changes what is held without wrapping the wrapper); each call starts the record afresh.
async fn wrap(driver: &WebDriver, method: &str, needle: &str) {
    driver
        .execute(
            r#"const [method, needle] = arguments;
               const real = window.__realFetch || window.fetch.bind(window);
               window.__realFetch = real;
               window.__requests = [];
               window.__held = 0;
               let release;
               const gate = new Promise(r => { release = r; });
               window.__release = () => release();
               const holds = (m, url) => method !== "" && m === method && url.includes(needle);
               window.fetch = (input, init) => {
                 const url = typeof input === "string" ? input : input.url;
                 const m = ((init && init.method) || (typeof input === "string" ? "GET" : input.method)).toUpperCase();
                 window.__requests.push(m + " " + url);
                 if (holds(m, url)) {
                   window.__held += 1;
                   return gate.then(() => real(input, init));
                 }
                 return real(input, init);
               };
               // A body whose progress the app follows goes through an XMLHttpRequest (a
               // chunk): recorded and held the same way, at `send`.
               const proto = XMLHttpRequest.prototype;
               const open = window.__realXhrOpen || proto.open;
               const send = window.__realXhrSend || proto.send;
               window.__realXhrOpen = open;
               window.__realXhrSend = send;
               proto.open = function (m, u) {
                 this.__request = [String(m).toUpperCase(), String(u)];
                 return open.apply(this, arguments);
               };
               proto.send = function (body) {
                 const [m, url] = this.__request || ["", ""];
                 window.__requests.push(m + " " + url);
                 if (holds(m, url)) {
                   window.__held += 1;
                   gate.then(() => send.call(this, body));
                   return;
                 }
                 return send.call(this, body);
               };"#,
            vec![serde_json::json!(method), serde_json::json!(needle)],
        )
        .await
        .expect("wrap fetch");
}

/// The requests the page made since the record started, as "METHOD URL".
pub async fn requests(driver: &WebDriver) -> Vec<String> {
    serde_json::from_value(js(driver, "return window.__requests;").await).expect("list of strings")
}

/// How many requests are being held.
pub async fn held(driver: &WebDriver) -> u64 {
    js(driver, "return window.__held;")
        .await
        .as_u64()
        .unwrap_or_default()
}

/// Waits until some request is being held.
pub async fn until_held(driver: &WebDriver) {
    eventually("a request is held", || {
        let driver = driver.clone();
        async move { (held(&driver).await > 0).then_some(()) }
    })
    .await;
}

/// Lets the held requests go.
pub async fn release_held(driver: &WebDriver) {
    js(driver, "window.__release();").await;
}

/// Records every value the upload progress bars take; reading them: [`progress_seen`].
pub async fn record_progress(driver: &WebDriver) {
    js(
        driver,
        r#"window.__progress = [];
           new MutationObserver(() => {
             for (const bar of document.querySelectorAll("[data-testid='uploads'] [role='progressbar']")) {
               const v = bar.getAttribute("aria-valuenow");
               if (v !== null && window.__progress[window.__progress.length - 1] !== v) window.__progress.push(v);
             }
           }).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ["aria-valuenow"] });"#,
    )
    .await;
}

/// The percentages recorded by [`record_progress`], in order.
pub async fn progress_seen(driver: &WebDriver) -> Vec<u32> {
    js(driver, "return window.__progress;")
        .await
        .as_array()
        .expect("array")
        .iter()
        .filter_map(|v| v.as_str()?.parse().ok())
        .collect()
}
