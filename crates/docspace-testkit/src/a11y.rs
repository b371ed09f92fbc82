//! Accessibility audits of the page in the browser with [axe-core](https://github.com/dequelabs/axe-core),
//! Deque's rules engine (npm `axe-core`), through WebDriver.
//!
//! [`audit`] puts axe's script into the current page (once per document), runs the rules of
//! WCAG 2.0, 2.1 and 2.2 at levels A and AA on the page's own DOM, and returns what it found,
//! typed. [`assert_accessible`] fails a test on any violation of impact serious or critical and
//! prints each one: the rule, its impact, the elements (as CSS selectors) and how to fix it.
//!
//! Frames are not entered (`iframes: false`): a DocSpace frame comes from the portal's origin,
//! which a page cannot script, and its content is the portal's to audit. The `<iframe>`
//! element itself (its title, for one) is the page's and is audited.
//!
//! The script is read from, in order: the file `$AXE_CORE_JS`, this workspace's
//! `node_modules/axe-core/axe.min.js`, and `./node_modules/axe-core/axe.min.js` (install it with
//! `npm install --save-dev axe-core`).
//!
//! ```no_run
//! # async fn demo(driver: docspace_testkit::thirtyfour::WebDriver) -> docspace_testkit::thirtyfour::error::WebDriverResult<()> {
//! use docspace_testkit::{Audit, assert_accessible};
//!
//! driver.goto("http://127.0.0.1:8080/rooms").await?;
//! assert_accessible(&driver, "rooms").await;
//! // Or look at the findings yourself, leaving out a part of the page you do not own:
//! let found = Audit::wcag2_aa().exclude(".vendor-widget").run(&driver).await;
//! assert!(found.iter().all(|v| !v.is_serious()), "{found:?}");
//! # Ok(()) }
//! ```

use std::fmt;
use std::path::PathBuf;
use std::sync::OnceLock;

use serde_json::{Value, json};
use thirtyfour::prelude::*;

/// The WCAG 2 levels A and AA, as axe-core tags its rules.
const WCAG2_AA: [&str; 5] = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

/// How much a violation hurts the people it affects, as axe-core rates it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Impact {
    /// A nuisance.
    Minor,
    /// Some people are slowed down.
    Moderate,
    /// Some people are seriously hindered.
    Serious,
    /// Some people cannot use the page.
    Critical,
}

impl Impact {
    fn parse(s: &str) -> Option<Impact> {
        match s {
            "minor" => Some(Impact::Minor),
            "moderate" => Some(Impact::Moderate),
            "serious" => Some(Impact::Serious),
            "critical" => Some(Impact::Critical),
            _ => None,
        }
    }

    fn as_str(self) -> &'static str {
        match self {
            Impact::Minor => "minor",
            Impact::Moderate => "moderate",
            Impact::Serious => "serious",
            Impact::Critical => "critical",
        }
    }
}

/// One element that breaks a rule.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Offender {
    /// CSS selectors that find the element (more than one when it sits in a shadow root).
    pub target: Vec<String>,
    /// The element's opening tag, as axe-core shows it.
    pub html: String,
    /// What is wrong with it and the ways to fix it, in axe-core's words.
    pub summary: String,
}

/// A rule the page breaks, with every element that breaks it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Violation {
    /// The rule's id (`color-contrast`, `button-name`, …).
    pub rule: String,
    /// The worst impact among the offending elements (axe-core leaves it out for a few rules).
    pub impact: Option<Impact>,
    /// What the rule asks for, in one sentence.
    pub help: String,
    /// Deque's page about the rule.
    pub help_url: String,
    /// The elements that break it.
    pub nodes: Vec<Offender>,
}

impl Violation {
    /// Whether the violation is serious or critical: what [`assert_accessible`] fails on.
    pub fn is_serious(&self) -> bool {
        self.impact.is_some_and(|i| i >= Impact::Serious)
    }

    fn from_json(v: &Value) -> Violation {
        let text = |v: &Value, key: &str| v[key].as_str().unwrap_or_default().to_string();
        let nodes = v["nodes"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(|n| Offender {
                // A target is a list of selectors, one per shadow root on the way (strings), or
                // for elements in frames a list of those lists; flatten either.
                target: flatten_strings(&n["target"]),
                html: text(n, "html"),
                summary: text(n, "failureSummary"),
            })
            .collect();
        Violation {
            rule: text(v, "id"),
            impact: v["impact"].as_str().and_then(Impact::parse),
            help: text(v, "help"),
            help_url: text(v, "helpUrl"),
            nodes,
        }
    }
}

fn flatten_strings(v: &Value) -> Vec<String> {
    match v {
        Value::String(s) => vec![s.clone()],
        Value::Array(items) => items.iter().flat_map(flatten_strings).collect(),
        _ => Vec::new(),
    }
}

impl fmt::Display for Violation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let impact = self.impact.map_or("unrated", Impact::as_str);
        writeln!(f, "{} ({impact}): {}", self.rule, self.help)?;
        writeln!(f, "  {}", self.help_url)?;
        for node in &self.nodes {
            writeln!(f, "  - {}", node.target.join(" >> "))?;
            writeln!(f, "    {}", node.html)?;
            for line in node.summary.lines() {
                writeln!(f, "      {line}")?;
            }
        }
        Ok(())
    }
}

/// An audit to run: the WCAG 2 A/AA rules, on the page minus the parts excluded.
#[derive(Debug, Clone, Default)]
pub struct Audit {
    exclude: Vec<String>,
}

impl Audit {
    /// The rules of WCAG 2.0, 2.1 and 2.2 at levels A and AA, on the whole page.
    pub fn wcag2_aa() -> Audit {
        Audit::default()
    }

    /// Leaves the elements matching `css` (and what they hold) out of the audit: for content the
    /// page does not own. Say why where you call it.
    pub fn exclude(mut self, css: impl Into<String>) -> Audit {
        self.exclude.push(css.into());
        self
    }

    /// Runs the audit on the page the driver shows and returns every violation, of any impact.
    pub async fn run(&self, driver: &WebDriver) -> Vec<Violation> {
        inject(driver).await;
        let exclude: Vec<Value> = self.exclude.iter().map(|css| json!([css])).collect();
        let options = json!({
            "runOnly": { "type": "tag", "values": WCAG2_AA },
            "iframes": false,
            "resultTypes": ["violations"],
        });
        let ret = driver
            .execute_async(RUN, vec![json!(exclude), options])
            .await
            .unwrap_or_else(|e| panic!("running axe-core: {e}"));
        let out = ret.json();
        if let Some(err) = out["error"].as_str() {
            panic!("axe-core failed: {err}");
        }
        out["violations"]
            .as_array()
            .map(Vec::as_slice)
            .unwrap_or_default()
            .iter()
            .map(Violation::from_json)
            .collect()
    }
}

/// Audits the page the driver shows against WCAG 2 A/AA and returns every violation.
pub async fn audit(driver: &WebDriver) -> Vec<Violation> {
    Audit::wcag2_aa().run(driver).await
}

/// Audits the page (named `page` in the failure) and panics on any serious or critical
/// violation, printing each; lesser ones are printed and let through.
pub async fn assert_accessible(driver: &WebDriver, page: &str) {
    assert_audit(driver, page, &Audit::wcag2_aa()).await;
}

/// Like [`assert_accessible`], running `audit`.
pub async fn assert_audit(driver: &WebDriver, page: &str, audit: &Audit) {
    let found = audit.run(driver).await;
    let (serious, lesser): (Vec<_>, Vec<_>) = found.into_iter().partition(Violation::is_serious);
    for v in &lesser {
        eprintln!("{page}: accessibility note: {v}");
    }
    if !serious.is_empty() {
        let report: String = serious.iter().map(ToString::to_string).collect();
        panic!(
            "{page}: {} serious or critical accessibility violation(s) (axe-core, WCAG 2 A/AA):\n{report}",
            serious.len()
        );
    }
}

/// Runs axe with (exclude, options) and calls back with `{violations}` or `{error}`.
const RUN: &str = r#"
const [exclude, options] = arguments;
const done = arguments[arguments.length - 1];
const context = exclude.length ? { exclude } : document;
axe.run(context, options).then(
  (r) => done({ violations: r.violations }),
  (e) => done({ error: String(e && e.stack || e) }),
);
"#;

/// Puts axe-core into the page unless this document has it already.
async fn inject(driver: &WebDriver) {
    let present = driver
        .execute("return typeof window.axe === 'object';", Vec::new())
        .await
        .map(|r| r.json() == &Value::Bool(true))
        .unwrap_or(false);
    if !present {
        driver
            .execute(axe_source(), Vec::new())
            .await
            .unwrap_or_else(|e| panic!("loading axe-core into the page: {e}"));
    }
}

fn axe_source() -> &'static str {
    static SOURCE: OnceLock<String> = OnceLock::new();
    SOURCE.get_or_init(|| {
        let candidates = [
            std::env::var_os("AXE_CORE_JS").map(PathBuf::from),
            // In this repository; in a published package a directory that does not exist.
            Some(
                PathBuf::from(env!("CARGO_MANIFEST_DIR"))
                    .join("../../node_modules/axe-core/axe.min.js"),
            ),
            Some(PathBuf::from("node_modules/axe-core/axe.min.js")),
        ];
        candidates
            .iter()
            .flatten()
            .find_map(|p| std::fs::read_to_string(p).ok())
            .unwrap_or_else(|| {
                panic!(
                    "axe-core not found (tried $AXE_CORE_JS and node_modules/axe-core/axe.min.js): \
                     run `npm ci` (`cargo xtask test` does) or point AXE_CORE_JS at axe.min.js"
                )
            })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_violation_reads_axes_answer() {
        let v = Violation::from_json(&json!({
            "id": "color-contrast",
            "impact": "serious",
            "help": "Elements must meet minimum color contrast ratio thresholds",
            "helpUrl": "https://dequeuniversity.com/rules/axe/4.14/color-contrast",
            "nodes": [
                { "target": [".badge"], "html": "<span class=\"badge\">", "failureSummary": "Fix any of the following:\n  low contrast" },
                { "target": [["#host", ".inner"]], "html": "<b>", "failureSummary": "" }
            ]
        }));
        assert_eq!(v.rule, "color-contrast");
        assert_eq!(v.impact, Some(Impact::Serious));
        assert!(v.is_serious());
        assert_eq!(v.nodes[0].target, [".badge"]);
        assert_eq!(v.nodes[1].target, ["#host", ".inner"]);
        let shown = v.to_string();
        assert!(
            shown.starts_with("color-contrast (serious): Elements must"),
            "{shown}"
        );
        assert!(shown.contains("  - .badge\n"), "{shown}");
        assert!(shown.contains("      low contrast"), "{shown}");
    }

    #[test]
    fn minor_and_unrated_violations_are_not_serious() {
        let minor = Violation::from_json(&json!({ "id": "x", "impact": "moderate", "nodes": [] }));
        let unrated = Violation::from_json(&json!({ "id": "y", "impact": null }));
        assert!(!minor.is_serious());
        assert!(!unrated.is_serious());
        assert!(Impact::Critical > Impact::Serious && Impact::Serious > Impact::Moderate);
    }
}
