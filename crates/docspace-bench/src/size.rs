//! Transfer sizes (brotli and gzip at their highest levels) of the app's release build, and of
//! the one-frame page made with docspace-sdk against the same page with plain api.js.

use std::path::{Path, PathBuf};

use anyhow::Context;
use docspace_bench::report::{Goal, Report, Section, thousands, times};
use docspace_bench::stats::ratio;
use serde::Serialize;

/// The app must transfer less than this, brotli-compressed.
/// The whole app, every page (issue 14).
const APP_BROTLI_GOAL: u64 = 400 * 1024;
/// What a browser fetches before the rooms list is painted after sign-in.
const FIRST_PAINT_BROTLI_GOAL: u64 = 250 * 1024;
/// The one-frame docspace-sdk page.
const SDK_PAGE_BROTLI_GOAL: u64 = 90 * 1024;

/// Raw, brotli and gzip bytes.
#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct Bytes {
    pub raw: u64,
    pub brotli: u64,
    pub gzip: u64,
}

impl std::ops::Add for Bytes {
    type Output = Bytes;
    fn add(self, o: Bytes) -> Bytes {
        Bytes {
            raw: self.raw + o.raw,
            brotli: self.brotli + o.brotli,
            gzip: self.gzip + o.gzip,
        }
    }
}

pub struct Sizes {
    app: Vec<(String, Bytes)>,
    /// `<link rel=stylesheet>` elements in the app's `index.html`: one request each.
    app_stylesheets: usize,
    sdk_page: Bytes,
    plain_page: Bytes,
    /// An empty Leptos page built the same way, when it was built.
    empty_page: Option<Bytes>,
    api_js: Bytes,
    /// The app's files fetched before the rooms list was painted (`first_paint`), or why that
    /// load could not be measured.
    first_paint: Result<Vec<(String, Bytes)>, String>,
}

pub fn compress(data: &[u8]) -> anyhow::Result<Bytes> {
    let mut br = Vec::new();
    let params = brotli::enc::BrotliEncoderParams {
        quality: 11,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &data[..], &mut br, &params).context("brotli")?;
    let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    std::io::Write::write_all(&mut gz, data).context("gzip")?;
    Ok(Bytes {
        raw: data.len() as u64,
        brotli: br.len() as u64,
        gzip: gz.finish().context("gzip")?.len() as u64,
    })
}

/// The files a browser fetches to show the page: HTML, JS (wasm-bindgen snippets included), wasm,
/// CSS, in `dir` and below (not the `.br`/`.gz` copies, not images or robots.txt).
fn page_files(dir: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut dirs = vec![dir.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for entry in std::fs::read_dir(&d).with_context(|| format!("reading {}", d.display()))? {
            let path = entry?.path();
            let ext = path
                .extension()
                .and_then(|e| e.to_str())
                .unwrap_or_default();
            let hidden = path
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            if hidden {
                continue;
            }
            if path.is_dir() {
                dirs.push(path);
            } else if matches!(ext, "html" | "js" | "wasm" | "css") {
                out.push(path);
            }
        }
    }
    out.sort();
    Ok(out)
}

fn kind(path: &Path) -> String {
    path.extension()
        .and_then(|e| e.to_str())
        .unwrap_or("other")
        .to_string()
}

pub fn dir_bytes(dir: &Path) -> anyhow::Result<Vec<(String, Bytes)>> {
    let mut by_kind: Vec<(String, Bytes)> = Vec::new();
    let files = page_files(dir)?;
    anyhow::ensure!(!files.is_empty(), "{} holds no build", dir.display());
    for f in files {
        let data = std::fs::read(&f).with_context(|| format!("reading {}", f.display()))?;
        let b = compress(&data)?;
        let k = kind(&f);
        match by_kind.iter_mut().find(|(n, _)| *n == k) {
            Some((_, sum)) => *sum = *sum + b,
            None => by_kind.push((k, b)),
        }
    }
    Ok(by_kind)
}

pub fn total(parts: &[(String, Bytes)]) -> Bytes {
    parts.iter().fold(Bytes::default(), |a, (_, b)| a + *b)
}

pub fn measure(
    app: &Path,
    sdk_page: &Path,
    plain: &Path,
    empty: Option<&Path>,
    api_js: &Path,
) -> anyhow::Result<Sizes> {
    let api = std::fs::read(api_js).with_context(|| format!("reading {}", api_js.display()))?;
    let index = app.join("index.html");
    let html =
        std::fs::read_to_string(&index).with_context(|| format!("reading {}", index.display()))?;
    Ok(Sizes {
        app: dir_bytes(app)?,
        app_stylesheets: stylesheet_links(&html),
        sdk_page: total(&dir_bytes(sdk_page)?),
        plain_page: total(&dir_bytes(plain)?),
        empty_page: empty.map(|e| dir_bytes(e).map(|d| total(&d))).transpose()?,
        api_js: compress(&api)?,
        first_paint: Err("not measured".into()),
    })
}

/// How many `<link>` elements of `html` are stylesheets (Trunk writes `rel=stylesheet` unquoted
/// once minified).
fn stylesheet_links(html: &str) -> usize {
    html.split("<link")
        .skip(1)
        .filter(|rest| {
            let tag = rest
                .split('>')
                .next()
                .unwrap_or_default()
                .to_ascii_lowercase();
            ["rel=stylesheet", "rel=\"stylesheet\"", "rel='stylesheet'"]
                .iter()
                .any(|r| tag.contains(r))
        })
        .count()
}

impl Sizes {
    pub fn with_first_paint(self, first_paint: Result<Vec<(String, Bytes)>, String>) -> Sizes {
        Sizes {
            first_paint,
            ..self
        }
    }

    pub fn add_to(self, report: &mut Report) {
        let mut app = Section::new(
            "Size: the app's release build",
            "Trunk release build after wasm-opt (npm binaryen), every HTML, JS, wasm and CSS file the \
             browser fetches, compressed at the highest brotli and gzip levels.",
            &["files", "raw bytes", "brotli", "gzip"],
        );
        for (k, b) in &self.app {
            app.row(&[
                k.clone(),
                thousands(b.raw),
                thousands(b.brotli),
                thousands(b.gzip),
            ]);
        }
        let t = total(&self.app);
        app.row(&[
            "**total**".to_string(),
            thousands(t.raw),
            thousands(t.brotli),
            thousands(t.gzip),
        ]);
        app.data = serde_json::json!({ "byKind": self.app.iter().map(|(k, b)| (k.clone(), *b)).collect::<std::collections::BTreeMap<_, _>>(), "total": t, "stylesheetRequests": self.app_stylesheets });
        report.sections.push(app);
        let budget = |b: u64, goal: u64| {
            format!(
                "{} B brotli ({:.1} KiB; {:.0}% of the budget)",
                thousands(b),
                b as f64 / 1024.0,
                b as f64 / goal as f64 * 100.0
            )
        };
        report.goals.push(Goal {
            goal: "the whole app ≤ 400 KB brotli (HTML, JS, wasm, CSS)".into(),
            measured: budget(t.brotli, APP_BROTLI_GOAL),
            met: Some(t.brotli <= APP_BROTLI_GOAL),
        });
        report
            .goals
            .push(first_paint_goal(&self.first_paint, budget));
        if let Ok(files) = &self.first_paint {
            let mut fp = Section::new(
                "Size: fetched before the rooms list is painted",
                "Headless Chromium signs in through the app, opens `/rooms` afresh and lists the \
                 app's files (HTML, JS, wasm, CSS) whose requests started before the app's \
                 `rooms:rendered` mark; the lazy pages' wasm chunks are not among them.",
                &["file", "raw bytes", "brotli", "gzip"],
            );
            for (name, b) in files {
                fp.row(&[
                    name.clone(),
                    thousands(b.raw),
                    thousands(b.brotli),
                    thousands(b.gzip),
                ]);
            }
            let t = total(files);
            fp.row(&[
                "**total**".to_string(),
                thousands(t.raw),
                thousands(t.brotli),
                thousands(t.gzip),
            ]);
            fp.data = serde_json::json!({ "files": files.iter().map(|(n, b)| (n.clone(), *b)).collect::<std::collections::BTreeMap<_, _>>(), "total": t });
            report.sections.push(fp);
        }
        report.goals.push(Goal {
            goal: "the one-frame docspace-sdk page ≤ 90 KB brotli".into(),
            measured: budget(self.sdk_page.brotli, SDK_PAGE_BROTLI_GOAL),
            met: Some(self.sdk_page.brotli <= SDK_PAGE_BROTLI_GOAL),
        });
        report.goals.push(Goal {
            goal: "the app's styles in one stylesheet request".into(),
            measured: format!("{} stylesheet requests", self.app_stylesheets),
            met: Some(self.app_stylesheets == 1),
        });

        let mut page = Section::new(
            "Size: one manager frame, docspace-sdk vs plain api.js",
            "The page's own files (HTML, JS, wasm, CSS), then with the official api.js 2.1.0 that \
             both load from the portal. The docspace-sdk page is a Leptos app built like the app \
             (release, wasm-opt); the baseline is `bench/plain-api/index.html`.",
            &["", "docspace-sdk", "plain api.js", "ratio"],
        );
        let ours = self.sdk_page;
        let base = self.plain_page;
        let with_api = |b: Bytes| b + self.api_js;
        for (label, o, p) in [
            ("page only, brotli", ours.brotli, base.brotli),
            ("page only, gzip", ours.gzip, base.gzip),
            (
                "page + api.js, brotli",
                with_api(ours).brotli,
                with_api(base).brotli,
            ),
            (
                "page + api.js, gzip",
                with_api(ours).gzip,
                with_api(base).gzip,
            ),
        ] {
            page.row(&[
                label.to_string(),
                thousands(o),
                thousands(p),
                times(ratio(o as f64, p as f64)),
            ]);
        }
        if let Some(empty) = self.empty_page {
            page.row(&[
                "an empty Leptos page built the same way, brotli".to_string(),
                thousands(empty.brotli),
                String::new(),
                String::new(),
            ]);
            page.row(&[
                "what docspace-sdk adds to it, brotli".to_string(),
                thousands(ours.brotli.saturating_sub(empty.brotli)),
                String::new(),
                String::new(),
            ]);
        }
        page.data = serde_json::json!({ "sdkPage": ours, "plainPage": base, "apiJs": self.api_js, "emptyLeptosPage": self.empty_page });
        report.sections.push(page);
    }
}

/// The first-paint goal: what a real load fetched, never the whole build in its place (a failed
/// measurement is reported as unmet, with its error).
fn first_paint_goal(
    first_paint: &Result<Vec<(String, Bytes)>, String>,
    budget: impl Fn(u64, u64) -> String,
) -> Goal {
    let goal = "fetched before the rooms list is painted ≤ 250 KB brotli".to_string();
    match first_paint {
        Ok(files) => {
            let t = total(files);
            Goal {
                goal,
                measured: format!(
                    "{} ({} files)",
                    budget(t.brotli, FIRST_PAINT_BROTLI_GOAL),
                    files.len()
                ),
                met: Some(t.brotli <= FIRST_PAINT_BROTLI_GOAL),
            }
        }
        Err(e) => Goal {
            goal,
            measured: format!("not measured: {e}"),
            met: None,
        },
    }
}

#[cfg(test)]
mod tests {
    use super::{Bytes, first_paint_goal, stylesheet_links};

    #[test]
    fn the_first_paint_goal_counts_only_the_fetched_files() {
        let b = |brotli| Bytes {
            raw: brotli * 3,
            brotli,
            gzip: brotli + 1,
        };
        let budget = |b: u64, _| b.to_string();
        let fetched = Ok(vec![
            ("index.html".into(), b(1_000)),
            ("main.wasm".into(), b(200_000)),
        ]);
        let g = first_paint_goal(&fetched, budget);
        assert_eq!(g.met, Some(true));
        assert!(g.measured.starts_with("201000 (2 files)"), "{}", g.measured);
        let over = Ok(vec![("main.wasm".into(), b(260 * 1024))]);
        assert_eq!(first_paint_goal(&over, budget).met, Some(false));
        let failed = first_paint_goal(&Err("no browser".into()), budget);
        assert_eq!(failed.met, None);
        assert!(failed.measured.contains("no browser"));
    }

    #[test]
    fn counts_stylesheet_links_minified_or_not() {
        let html = "<link href=/app-1.css integrity=sha384-x rel=stylesheet>\
                    <link rel=\"stylesheet\" href=\"/b.css\">\
                    <link crossorigin href=/a.js rel=modulepreload>\
                    <link as=fetch href=/a.wasm rel=preload type=application/wasm>";
        assert_eq!(stylesheet_links(html), 2);
        assert_eq!(stylesheet_links("<p>no links</p>"), 0);
    }
}
