//! Room on disk for a run. The target directory is a cache shared by every checkout and every CI
//! clone (README, "Build cache"), and rustc's incremental caches in it grow with each new checkout
//! path and feature set: on the project's CI machine they reached 18 GB of a 53 GB target
//! directory, the disk filled, and a wasm build failed halfway through a test run with an error
//! that said nothing about space. Before building, `cargo xtask test` and `bench` make room by
//! dropping those caches (rustc rebuilds them on demand), and stop with a clear message when that
//! is not enough.

use std::path::{Path, PathBuf};

use anyhow::bail;

const GIB: u64 = 1 << 30;

/// Below this much free space a run drops the incremental caches first: a full test run writes
/// several GiB (debug, wasm32 and release builds, browsers' profiles).
const MAKE_ROOM_BELOW: u64 = 15 * GIB;

/// Below this much, even after dropping the caches, a run would fail partway; it stops at once.
const REFUSE_BELOW: u64 = 4 * GIB;

/// Makes room for a run's builds in `target`, or fails saying what to delete.
pub fn ensure_room(target: &Path) -> anyhow::Result<()> {
    let Some(free) = free_bytes(target) else {
        // No `df` (or an unusual one): nothing to judge by, so the run goes on as before.
        return Ok(());
    };
    if free >= MAKE_ROOM_BELOW {
        return Ok(());
    }
    let caches = incremental_caches(target);
    let dropped: u64 = caches.iter().map(|dir| size_of(dir)).sum();
    for dir in &caches {
        // A cache another build is writing may vanish under us; what is left is still a cache.
        let _ = std::fs::remove_dir_all(dir);
    }
    let free_after = free_bytes(target).unwrap_or(free);
    eprintln!(
        "xtask: {} free on the disk of {}; dropped rustc's incremental caches ({}), now {} free",
        gib(free),
        target.display(),
        gib(dropped),
        gib(free_after),
    );
    if free_after < REFUSE_BELOW {
        bail!(
            "only {} free on the disk of {} (a run needs about {}): delete old build output, \
             e.g. `rm -rf {}`, and run again",
            gib(free_after),
            target.display(),
            gib(REFUSE_BELOW),
            target.join("debug/deps").display(),
        );
    }
    Ok(())
}

/// Free bytes on the filesystem that holds `dir` (or its nearest existing parent), from POSIX
/// `df -Pk`: its second line's fourth column is the space available, in KiB.
fn free_bytes(dir: &Path) -> Option<u64> {
    let existing = dir.ancestors().find(|d| d.exists())?;
    let out = crate::cmd::output({
        let mut c = std::process::Command::new("df");
        c.arg("-Pk").arg(existing);
        c
    })?;
    parse_df_available(&out)
}

fn parse_df_available(df: &str) -> Option<u64> {
    let kib: u64 = df.lines().nth(1)?.split_whitespace().nth(3)?.parse().ok()?;
    Some(kib * 1024)
}

/// `<target>/<profile>/incremental` and `<target>/<triple>/<profile>/incremental`.
fn incremental_caches(target: &Path) -> Vec<PathBuf> {
    let mut found = Vec::new();
    let Ok(entries) = std::fs::read_dir(target) else {
        return found;
    };
    for entry in entries.flatten() {
        let dir = entry.path();
        found.extend(
            [dir.join("incremental")]
                .into_iter()
                .chain(profiles(&dir).map(|p| p.join("incremental")))
                .filter(|d| d.is_dir()),
        );
    }
    found
}

fn profiles(triple_dir: &Path) -> impl Iterator<Item = PathBuf> {
    std::fs::read_dir(triple_dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.is_dir())
}

/// Bytes under `dir`, not following symbolic links.
fn size_of(dir: &Path) -> u64 {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return 0;
    };
    entries
        .flatten()
        .map(|e| match e.file_type() {
            Ok(t) if t.is_dir() => size_of(&e.path()),
            Ok(t) if t.is_file() => e.metadata().map_or(0, |m| m.len()),
            _ => 0,
        })
        .sum()
}

fn gib(bytes: u64) -> String {
    format!("{:.1} GiB", bytes as f64 / GIB as f64)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_available_column_of_posix_df() {
        let df = "Filesystem     1024-blocks      Used Available Capacity Mounted on\n\
                  /dev/vda         263174212  74448148  22019964      78% /\n";
        assert_eq!(parse_df_available(df), Some(22_019_964 * 1024));
        assert_eq!(parse_df_available("Filesystem\n"), None);
        assert_eq!(parse_df_available(""), None);
    }

    #[test]
    fn finds_the_incremental_caches_of_every_profile_and_target() {
        let target = tempfile::tempdir().unwrap();
        let t = target.path();
        for dir in [
            "debug/incremental/a-1",
            "wasm32-unknown-unknown/debug/incremental/b-2",
            "wasm32-unknown-unknown/release/deps",
            "release/deps",
        ] {
            std::fs::create_dir_all(t.join(dir)).unwrap();
        }
        std::fs::write(t.join("debug/incremental/a-1/query"), [0u8; 100]).unwrap();
        let mut found = incremental_caches(t);
        found.sort();
        assert_eq!(
            found,
            [
                t.join("debug/incremental"),
                t.join("wasm32-unknown-unknown/debug/incremental"),
            ]
        );
        assert_eq!(size_of(&t.join("debug")), 100);
    }
}
