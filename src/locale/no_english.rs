//! No English sentence written into the app's code: every text people read goes through
//! `locales/*.json`. A sentence in a string literal (`format!("Provider {t} added")`, an
//! `aria-label="Address of …"`, a `"← Back"` link) would show in English whatever the reader
//! chose, and `locales_agree` cannot see it.
//!
//! What counts as a sentence: a literal that starts with a capitalised word and goes on after a
//! space (`"Key {} revoked"`), or with an arrow (`"← Back"`). CSS classes, selectors, URLs and
//! the portal's or SDK's names (`"DocSpace Embed"`, `"onSelectCallback: …"`) do not look like
//! that. Test code (after `#[cfg(test)]`, and the test-only files below) is not read.

use std::path::{Path, PathBuf};

/// Files compiled only for tests.
const TEST_ONLY: [&str; 2] = ["locale/locales_agree.rs", "locale/no_english.rs"];

/// The string literals of one line of Rust, roughly: enough for the app's code (no raw strings
/// with quotes inside; a `'"'` character is not a string).
fn literals(line: &str) -> Vec<String> {
    let line = line.replace("'\"'", "").replace("'\\\"'", "");
    let mut found = Vec::new();
    let mut chars = line.chars();
    while let Some(c) = chars.next() {
        if c != '"' {
            continue;
        }
        let mut s = String::new();
        while let Some(c) = chars.next() {
            match c {
                '\\' => {
                    if let Some(escaped) = chars.next() {
                        s.push(escaped);
                    }
                }
                '"' => break,
                c => s.push(c),
            }
        }
        found.push(s);
    }
    found
}

/// Whether `text` reads like an English sentence for people.
fn is_prose(text: &str) -> bool {
    let text = text.trim_start();
    if text.starts_with('←') {
        return true;
    }
    let mut chars = text.chars();
    if !chars.next().is_some_and(|c| c.is_ascii_uppercase()) {
        return false;
    }
    let rest: String = chars.collect();
    let lower = rest.chars().take_while(char::is_ascii_lowercase).count();
    lower > 0 && rest[lower..].starts_with(' ')
}

/// The sentences in `source` (one file), as `line: text`, up to its tests.
fn sentences(source: &str) -> Vec<String> {
    source
        .lines()
        .enumerate()
        .take_while(|(_, line)| !line.trim_start().starts_with("#[cfg(test)]"))
        .filter(|(_, line)| !line.trim_start().starts_with("//"))
        .flat_map(|(n, line)| {
            literals(line)
                .into_iter()
                .filter(|s| is_prose(s))
                .map(move |s| format!("{}: {s:?}", n + 1))
        })
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let entries = std::fs::read_dir(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

#[test]
fn the_apps_code_writes_no_english_sentence() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    assert!(files.len() > 50, "the app's sources are found");
    let mut found = Vec::new();
    for file in files {
        let name = file
            .strip_prefix(&src)
            .map(|p| p.to_string_lossy().replace('\\', "/"))
            .unwrap_or_default();
        if TEST_ONLY.contains(&name.as_str()) {
            continue;
        }
        let source = std::fs::read_to_string(&file).unwrap_or_default();
        found.extend(
            sentences(&source)
                .into_iter()
                .map(|s| format!("src/{name}:{s}")),
        );
    }
    assert!(
        found.is_empty(),
        "English for people written in code; give it a key in locales/*.json:\n{}",
        found.join("\n")
    );
}

#[test]
fn the_check_finds_what_it_is_for_and_not_code() {
    for line in [
        r#"toaster.success(format!("Provider {t} added"));"#,
        r#"<input aria-label=format!("Address of {title}")/>"#,
        r#"<span>"Client id " <code>{id}</code></span>"#,
        r#"<A href=back>"← Back"</A>"#,
    ] {
        assert_eq!(sentences(line).len(), 1, "{line}");
    }
    for line in [
        r#"<div class="page page--fill rooms" data-testid="rooms">"#,
        r#"<A href="/" attr:class="nav__brand">"DocSpace Embed"</A>"#,
        r#"format!("onSelectCallback: {items}: {}", titles.join(", "))"#,
        r#"let quote = '"'; let s = "a \"Quoted\" word";"#,
        r#"// "This is a comment""#,
    ] {
        assert_eq!(sentences(line), Vec::<String>::new(), "{line}");
    }
}
