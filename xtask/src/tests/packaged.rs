//! The consumer project built and tested on the packaged crates, and the publish dry run: the
//! published crates as crates.io would get them.

use std::path::{Path, PathBuf};
use std::process::Stdio;

use anyhow::{Context, bail};

use crate::cmd::{self, step};

/// Where the dry run and the packaging write: a directory of their own beside the main build.
fn publish_target(root: &Path) -> PathBuf {
    cmd::target_dir(root).join("publish-check")
}

/// A user's project outside the workspace (its own `Cargo.toml`), built and tested as a user
/// would: the README's "Use the crates", made executable.
const CONSUMER: &str = "examples/consumer";

/// The consumer project's manifest, after giving it the workspace's lock file: it then builds
/// with exactly the versions the workspace is tested with (Cargo only drops what it does not
/// use), and no second lock file falls behind the workspace's.
pub(super) fn consumer_manifest(root: &Path) -> anyhow::Result<PathBuf> {
    let dir = root.join(CONSUMER);
    std::fs::copy(root.join("Cargo.lock"), dir.join("Cargo.lock"))?;
    Ok(dir.join("Cargo.toml"))
}

/// Builds the consumer project's page with Trunk and runs its own headless test against a
/// devportal it starts in-process. It runs on a copy whose dependencies are the published crates
/// as `cargo package` packs them, not their sources: a file left out of a package, or a path that
/// only exists in this repository, fails here as it would fail a user. That build is also the
/// packages' build check, so the dry run need not build each package a second time.
pub(super) fn consumer_tests(root: &Path, filter: &[String]) -> anyhow::Result<()> {
    step(
        "the consumer project's own tests, on the packaged crates",
        || {
            let project = packaged_consumer(root)?;
            let mut c = cmd::cargo(root);
            c.arg("test")
                .arg("--manifest-path")
                .arg(project.join("Cargo.toml"))
                .arg("--")
                .args(filter)
                .env("CHROMEDRIVER", "/usr/bin/chromedriver")
                // As a user of the published devportal would: its package holds no `api.js`.
                .env("DOCSPACE_SDK_DIR", root.join("node_modules"));
            cmd::run(c)
        },
    )
}

/// A copy of the consumer project under the target directory, its `docspace-*` dependencies
/// (and theirs, through `[patch.crates-io]`) pointed at the crates `cargo package` just packed and
/// unpacked beside it.
///
/// The copy is made afresh beside the last one and then moved over it file by file, keeping each
/// file whose content is unchanged (see [`sync_tree`]): Cargo decides by modification times, so a
/// package that did not change stays built and only what changed is rebuilt. Written afresh each
/// time, every package looked changed and the step rebuilt all of them on every run.
fn packaged_consumer(root: &Path) -> anyhow::Result<PathBuf> {
    let project = cmd::target_dir(root).join("consumer-packaged");
    let next = cmd::target_dir(root).join("consumer-packaged.next");
    if next.exists() {
        std::fs::remove_dir_all(&next).with_context(|| format!("emptying {}", next.display()))?;
    }
    write_packaged_consumer(root, &next)?;
    sync_tree(&next, &project).with_context(|| format!("updating {}", project.display()))?;
    std::fs::remove_dir_all(&next)?;

    // Let Cargo record the patched sources in the copied lock file, so that Trunk's `--locked`
    // build accepts it; nothing else in the lock changes.
    let mut c = cmd::cargo(root);
    c.args(["metadata", "--format-version", "1", "--manifest-path"])
        .arg(project.join("Cargo.toml"))
        .stdout(Stdio::null());
    cmd::run(c)?;
    Ok(project)
}

/// Writes the consumer project into `project` (which must not exist) with the packages
/// `cargo package` packs now.
fn write_packaged_consumer(root: &Path, project: &Path) -> anyhow::Result<()> {
    let packages = publish_target(root).join("package");
    cmd::run(packaging(root, &["package"]))?;
    copy_project(&root.join(CONSUMER), project)?;
    std::fs::copy(root.join("Cargo.lock"), project.join("Cargo.lock"))?;

    let unpacked = project.join("packaged");
    std::fs::create_dir_all(&unpacked)?;
    let mut crates = Vec::new();
    for entry in
        std::fs::read_dir(&packages).with_context(|| format!("reading {}", packages.display()))?
    {
        let path = entry?.path();
        let Some(stem) = path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix(".crate"))
        else {
            continue;
        };
        // `--touch`: `cargo package` stamps every file with one fixed time (2006), and Cargo
        // decides from modification times whether a path dependency changed; kept, a package's
        // new sources would look older than the last build's output in this shared target
        // directory, and the consumer would build against the previous package's stale library.
        let mut tar = std::process::Command::new("tar");
        tar.args(["-xz", "--touch", "-f"])
            .arg(&path)
            .arg("-C")
            .arg(&unpacked);
        cmd::run(tar)?;
        crates.push(stem.to_owned());
    }
    let manifest = project.join("Cargo.toml");
    let text = std::fs::read_to_string(&manifest)?;
    std::fs::write(&manifest, point_at_packages(&text, &crates)?)?;
    Ok(())
}

/// Makes `to` hold what `from` holds. A file whose bytes are already the same is left alone, so
/// it keeps its modification time; a new or changed one is copied (and dated now); whatever `to`
/// holds beyond `from` (an old package, the last build's `dist/`) is removed.
fn sync_tree(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    let mut wanted = std::collections::HashSet::new();
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let (src, dst) = (entry.path(), to.join(entry.file_name()));
        wanted.insert(entry.file_name());
        if entry.file_type()?.is_dir() {
            if dst.is_file() {
                std::fs::remove_file(&dst)?;
            }
            sync_tree(&src, &dst)?;
        } else if !same_bytes(&src, &dst) {
            if dst.is_dir() {
                std::fs::remove_dir_all(&dst)?;
            }
            std::fs::copy(&src, &dst)
                .with_context(|| format!("copying {} to {}", src.display(), dst.display()))?;
        }
    }
    for entry in std::fs::read_dir(to)? {
        let entry = entry?;
        if !wanted.contains(&entry.file_name()) {
            let path = entry.path();
            if entry.file_type()?.is_dir() {
                std::fs::remove_dir_all(&path)?;
            } else {
                std::fs::remove_file(&path)?;
            }
        }
    }
    Ok(())
}

/// Whether both files exist and hold the same bytes.
fn same_bytes(a: &Path, b: &Path) -> bool {
    let same_len = match (std::fs::metadata(a), std::fs::metadata(b)) {
        (Ok(a), Ok(b)) => a.is_file() && b.is_file() && a.len() == b.len(),
        _ => false,
    };
    same_len && matches!((std::fs::read(a), std::fs::read(b)), (Ok(x), Ok(y)) if x == y)
}

/// Copies a project's sources (not its build output or lock file).
fn copy_project(from: &Path, to: &Path) -> anyhow::Result<()> {
    std::fs::create_dir_all(to)?;
    for entry in std::fs::read_dir(from)? {
        let entry = entry?;
        let name = entry.file_name();
        if ["dist", "target", "Cargo.lock"].iter().any(|n| name == *n) {
            continue;
        }
        let (src, dst) = (entry.path(), to.join(&name));
        if entry.file_type()?.is_dir() {
            copy_project(&src, &dst)?;
        } else {
            std::fs::copy(&src, &dst)?;
        }
    }
    Ok(())
}

/// The consumer's manifest with each `path = "../../crates/NAME"` replaced by the unpacked
/// package `packaged/NAME-VERSION`, and a `[patch.crates-io]` entry per package so that the
/// packages' own dependencies on each other (a version only, once packed) find them too.
/// `crates` holds the packages' `NAME-VERSION` stems.
fn point_at_packages(manifest: &str, crates: &[String]) -> anyhow::Result<String> {
    let mut out = manifest.to_owned();
    let mut patch = String::from("\n[patch.crates-io]\n");
    for stem in crates {
        let Some((name, _version)) = stem
            .rsplit_once('-')
            .filter(|(_, v)| v.starts_with(|c: char| c.is_ascii_digit()))
        else {
            bail!("`{stem}.crate` is not named NAME-VERSION.crate");
        };
        out = out.replace(
            &format!("path = \"../../crates/{name}\""),
            &format!("path = \"packaged/{stem}\""),
        );
        patch.push_str(&format!("{name} = {{ path = \"packaged/{stem}\" }}\n"));
    }
    if out.contains("../../crates/") {
        bail!("the consumer depends on a workspace crate that was not packaged:\n{out}");
    }
    out.push_str(&patch);
    Ok(out)
}

/// The crates that are not published (`publish = false`); every other member must package and
/// build from its packaged sources alone, as crates.io would get it.
const UNPUBLISHED: [&str; 6] = [
    "docspace-embed",
    "docspace-host",
    "docspace-bench",
    "docspace-bench-min-page",
    "docspace-mcp",
    "xtask",
];

/// `cargo publish --dry-run` of the published crates, together: Cargo checks each package
/// (metadata, files outside the crate, path dependencies without a version). It does not build
/// them (`--no-verify`): the consumer project's test builds and runs the same packages.
pub(super) fn publish_dry_run(root: &Path) -> std::process::Command {
    packaging(root, &["publish", "--dry-run"])
}

/// `cargo <verb…>` packing the published crates without building them, into the dry run's own
/// target directory. `--allow-dirty`: what is checked is the packages, not whether the work tree
/// is committed.
fn packaging(root: &Path, verb: &[&str]) -> std::process::Command {
    let mut c = cmd::cargo(root);
    c.args(verb).args([
        "--workspace",
        "--locked",
        "--allow-dirty",
        "--no-verify",
        "--target-dir",
    ]);
    c.arg(publish_target(root));
    for name in UNPUBLISHED {
        c.args(["--exclude", name]);
    }
    c
}

#[cfg(test)]
mod publish_tests {
    use super::{UNPUBLISHED, point_at_packages};
    use std::path::{Path, PathBuf};

    /// Every member manifest with its package name and whether it says `publish = false`.
    fn members() -> Vec<(PathBuf, String, bool)> {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
        let mut dirs = vec![
            root.clone(),
            root.join("bench/min-page"),
            root.join("xtask"),
        ];
        let crates = std::fs::read_dir(root.join("crates")).expect("crates/ is readable");
        dirs.extend(crates.filter_map(|e| e.ok()).map(|e| e.path()));
        dirs.into_iter()
            .filter(|d| d.join("Cargo.toml").is_file())
            .map(|d| {
                let text = std::fs::read_to_string(d.join("Cargo.toml")).expect("manifest");
                let package = text.split("[package]").nth(1).expect("a [package] table");
                let package = package.split("\n[").next().unwrap_or(package);
                let name = package
                    .lines()
                    .find_map(|l| l.trim().strip_prefix("name = "))
                    .expect("a package name")
                    .trim_matches('"')
                    .to_string();
                let unpublished = package.lines().any(|l| l.trim() == "publish = false");
                (d, name, unpublished)
            })
            .collect()
    }

    /// The dry run excludes exactly the crates that are not published: a crate marked
    /// `publish = false` but not excluded would fail the step, and one excluded but published
    /// would go unchecked.
    #[test]
    fn the_packaged_consumer_depends_on_the_packages_only() {
        let manifest = "[dependencies]\n\
            docspace-api = { path = \"../../crates/docspace-api\", version = \"0.1.0\" }\n";
        let crates = [
            "docspace-api-0.1.0".to_owned(),
            "docspace-types-0.1.0".to_owned(),
        ];
        let out = point_at_packages(manifest, &crates).expect("rewritten");
        assert!(out.contains(
            "docspace-api = { path = \"packaged/docspace-api-0.1.0\", version = \"0.1.0\" }"
        ));
        assert!(out.contains(
            "[patch.crates-io]\ndocspace-api = { path = \"packaged/docspace-api-0.1.0\" }"
        ));
        assert!(out.contains("docspace-types = { path = \"packaged/docspace-types-0.1.0\" }"));
        // A workspace crate the consumer uses but that was not packaged is an error, not a
        // silent build from the sources.
        let err = point_at_packages(manifest, &crates[1..]).expect_err("unpackaged dependency");
        assert!(err.to_string().contains("not packaged"), "{err}");
        let err =
            point_at_packages(manifest, &["docspace-api".to_owned()]).expect_err("no version");
        assert!(err.to_string().contains("NAME-VERSION"), "{err}");
    }

    #[test]
    fn dry_run_excludes_exactly_the_unpublished_crates() {
        let mut unpublished: Vec<String> = members()
            .into_iter()
            .filter(|(_, _, u)| *u)
            .map(|(_, n, _)| n)
            .collect();
        unpublished.sort();
        let mut excluded: Vec<String> = UNPUBLISHED.iter().map(|s| s.to_string()).collect();
        excluded.sort();
        assert_eq!(unpublished, excluded);
    }

    /// Each published crate has its README as the docs' front page (so its example is a doctest)
    /// and the license file in its package.
    #[test]
    fn published_crates_have_readme_front_page_and_license() {
        let published: Vec<_> = members().into_iter().filter(|(_, _, u)| !*u).collect();
        assert!(published.len() >= 5, "{published:?}");
        for (dir, name, _) in published {
            for file in ["README.md", "LICENSE"] {
                assert!(dir.join(file).is_file(), "{name} has no {file}");
            }
            let lib = std::fs::read_to_string(dir.join("src/lib.rs")).expect("lib.rs");
            assert!(
                lib.starts_with("#![doc = include_str!(\"../README.md\")]"),
                "{name}'s docs do not start with its README"
            );
        }
    }
}

#[cfg(test)]
mod sync_tests {
    use super::sync_tree;
    use std::path::Path;
    use std::time::{Duration, SystemTime};

    fn write(path: &Path, text: &str) {
        std::fs::create_dir_all(path.parent().expect("a parent")).expect("mkdir");
        std::fs::write(path, text).expect("write");
    }

    fn mtime(path: &Path) -> SystemTime {
        std::fs::metadata(path)
            .and_then(|m| m.modified())
            .expect("mtime")
    }

    #[test]
    fn an_unchanged_file_keeps_its_time_and_the_rest_follows_the_source() {
        let dir = tempfile::tempdir().expect("tempdir");
        let (from, to) = (dir.path().join("next"), dir.path().join("project"));
        write(&from.join("pkg/src/lib.rs"), "same");
        write(&from.join("pkg/src/new.rs"), "new");
        write(&from.join("Cargo.toml"), "changed");
        write(&to.join("pkg/src/lib.rs"), "same");
        write(&to.join("Cargo.toml"), "old");
        write(&to.join("old-pkg/src/lib.rs"), "gone");
        write(&to.join("dist/index.html"), "built");
        let an_hour_ago = SystemTime::now() - Duration::from_secs(3600);
        for file in ["pkg/src/lib.rs", "Cargo.toml"] {
            std::fs::File::options()
                .write(true)
                .open(to.join(file))
                .and_then(|f| f.set_modified(an_hour_ago))
                .expect("set mtime");
        }

        sync_tree(&from, &to).expect("sync");

        assert_eq!(mtime(&to.join("pkg/src/lib.rs")), an_hour_ago);
        assert!(mtime(&to.join("Cargo.toml")) > an_hour_ago);
        let read = |p: &str| std::fs::read_to_string(to.join(p)).expect("read");
        assert_eq!(read("Cargo.toml"), "changed");
        assert_eq!(read("pkg/src/new.rs"), "new");
        assert!(!to.join("old-pkg").exists());
        assert!(!to.join("dist").exists());
    }
}
