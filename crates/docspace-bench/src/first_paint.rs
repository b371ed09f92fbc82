//! What the browser fetches of the app before the rooms list is painted, after sign-in.
//!
//! The app's wasm is split (lazy routes, `cargo xtask split`): the rooms list needs the main
//! module only, and other pages' chunks are fetched when first visited. So the first-paint figure
//! is not the whole build but the files a real load requests: headless Chromium signs in through
//! the app's form, opens `/rooms` afresh and, once the app has marked `rooms:rendered` (the frame
//! after the first page of rooms arrived), reads the Resource Timing entries that started before
//! that mark. Each of the app's own files among them (HTML, JS, wasm, CSS in `dist/`) counts with
//! its brotli size, as in the whole-app figure; the portal's files (api.js, frames) do not.

use std::path::{Path, PathBuf};
use std::time::Duration;

use anyhow::Context;
use docspace_devportal::{PortalConfig, RateLimits, Seed};
use docspace_host::{HostConfig, PortalTarget};

use crate::browser::{Driver, poll};
use crate::load::{BENCH_PASSWORD, held_listener};
use crate::size::{Bytes, compress};

/// The app's files fetched before the rooms list was painted, each with its sizes.
pub type Fetched = Vec<(String, Bytes)>;

/// The navigation's document and every resource that started before the `rooms:rendered` mark,
/// as URLs; `null` until the mark exists.
const FETCHED_JS: &str = "const r = performance.getEntriesByName('rooms:rendered')[0];\
    if (!r) return null;\
    const nav = performance.getEntriesByType('navigation').map(e => e.name);\
    return nav.concat(performance.getEntriesByType('resource')\
      .filter(e => e.startTime <= r.startTime).map(e => e.name));";

pub async fn measure(app_dist: &Path, scratch: &Path) -> anyhow::Result<Fetched> {
    let (listener, origin) = held_listener().await?;
    let portal = docspace_devportal::start(PortalConfig {
        allow_origins: vec![origin.clone()],
        seed: Seed::Demo,
        owner_password: Some(BENCH_PASSWORD.into()),
        rate_limits: RateLimits::off(),
        ..PortalConfig::for_tests()
    })
    .await
    .context("starting the devportal")?;
    let config = HostConfig {
        dist: app_dist.to_path_buf(),
        portal: PortalTarget::Remote(portal.base_url()),
        ..HostConfig::default()
    };
    let host = match docspace_host::start_on(listener, config).await {
        Ok(h) => h,
        Err(e) => {
            portal.shutdown().await;
            return Err(e).context("starting the host");
        }
    };
    let app = host.base_url();
    let profile = scratch.join("chromium-first-paint");
    std::fs::create_dir_all(&profile).context("browser profile dir")?;
    let result = async {
        let chromedriver = Driver::start()?;
        let driver = chromedriver.session(&profile).await?;
        let urls = async {
            crate::dashboard::sign_in(&driver, &app).await?;
            driver.goto("about:blank").await?;
            driver.goto(format!("{app}/rooms")).await?;
            poll(&driver, FETCHED_JS, Duration::from_secs(60))
                .await
                .context("the rooms list never marked `rooms:rendered`")
        }
        .await;
        let _ = driver.quit().await;
        drop(chromedriver);
        let urls: Vec<String> = serde_json::from_value(urls?).context("resource URLs")?;
        sizes(&fetched_files(app_dist, &app, &urls))
    }
    .await;
    drop(host);
    portal.shutdown().await;
    result
}

/// The files of `dist` that `urls` name on the app's `origin`, each once, in order. The first URL
/// is the navigation's document (`/rooms`, served from the SPA fallback): `index.html`. Other
/// origins, API calls and files that are not HTML, JS, wasm or CSS are left out.
pub fn fetched_files(dist: &Path, origin: &str, urls: &[String]) -> Vec<PathBuf> {
    let mut out: Vec<PathBuf> = Vec::new();
    for (i, url) in urls.iter().enumerate() {
        let Some(rest) = url.strip_prefix(origin) else {
            continue;
        };
        if !(rest.is_empty() || rest.starts_with('/')) {
            continue;
        }
        let path = rest.split(['?', '#']).next().unwrap_or_default();
        let relative = path.trim_start_matches('/');
        let candidate = dist.join(relative);
        let file = if !relative.is_empty() && !relative.contains("..") && candidate.is_file() {
            candidate
        } else if i == 0 {
            dist.join("index.html")
        } else {
            continue;
        };
        let ext = file
            .extension()
            .and_then(|e| e.to_str())
            .unwrap_or_default();
        if matches!(ext, "html" | "js" | "wasm" | "css") && !out.contains(&file) {
            out.push(file);
        }
    }
    out
}

fn sizes(files: &[PathBuf]) -> anyhow::Result<Fetched> {
    files
        .iter()
        .map(|f| {
            let data = std::fs::read(f).with_context(|| format!("reading {}", f.display()))?;
            let name = f
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            Ok((name, compress(&data)?))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::fetched_files;

    #[test]
    fn counts_the_apps_files_once_and_the_document_as_index_html() {
        let dist = tempfile::tempdir().expect("temp dir");
        for f in [
            "index.html",
            "app.js",
            "app_bg.wasm",
            "chunk-1.wasm",
            "app.css",
            "logo.svg",
        ] {
            std::fs::write(dist.path().join(f), f).expect("write");
        }
        let o = "http://127.0.0.1:9";
        let urls: Vec<String> = [
            "http://127.0.0.1:9/rooms",
            "http://127.0.0.1:9/app.js",
            "http://127.0.0.1:9/app_bg.wasm?v=1",
            "http://127.0.0.1:9/app.js",
            "http://127.0.0.1:9/app.css",
            "http://127.0.0.1:9/logo.svg",
            "http://127.0.0.1:9/api/2.0/people/@self",
            "http://127.0.0.1:90/app.js",
            "http://127.0.0.1:7/static/scripts/api.js",
        ]
        .map(String::from)
        .to_vec();
        let got: Vec<String> = fetched_files(dist.path(), o, &urls)
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        // Not the API call, not another origin's file, not the chunk that was never fetched.
        assert_eq!(got, ["index.html", "app.js", "app_bg.wasm", "app.css"]);
    }
}
