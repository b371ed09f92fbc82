//! Short names for what a release build's wasm and its bindings call each other by (run by
//! [`crate::minify::tree`], after terser, for the app and the bench pages alike).
//!
//! wasm-bindgen names every imported binding `__wbg_<name>_<16 hex digits>` (the digits keep
//! bindings of different crates apart) and offers no option to leave them out
//! (wasm-bindgen/wasm-bindgen#3736). Each name is written twice, in the wasm's import section and
//! as a key of the bindings' import object, and the random digits do not compress: on the
//! one-frame docspace-sdk page they were 3.8 KB of its brotli bytes, on the app's first module
//! 9 KB. Closures' entry points are exported under their symbol hash (`…_h<16 hex digits>`) too.
//!
//! This renames the hashed imports `a`, `b`, … and the hashed exports that the bindings only call
//! (`.name(`) `h0`, `h1`, …, in both files, which stay a matching pair, and leaves out the custom
//! sections that only describe the build ([`DROPPED`]). Nothing else changes. If a name is not
//! where it is expected in the JavaScript, the pair is left as it is. The app's wasm-split chunks
//! import only memory, table and globals from the main module (`split.rs`), none of these names.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use anyhow::{Context, bail};

/// Custom sections that only describe the build (the toolchain's names, the CPU features it
/// assumed, wasm-split's marker for a module it did not split): the browser ignores them
/// (<https://webassembly.github.io/spec/core/appendix/custom.html>).
const DROPPED: [&str; 3] = ["producers", "target_features", "__wasm_split_unstable"];

/// Section ids of the wasm binary format.
const CUSTOM: u8 = 0;
const IMPORT: u8 = 2;
const EXPORT: u8 = 7;

/// Renames every `*_bg.wasm` under `staging` (not below it) with the `.js` beside it; returns the
/// files it rewrote, for their integrity digests.
pub fn tree(staging: &Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut changed = Vec::new();
    for entry in std::fs::read_dir(staging)? {
        let wasm_path = entry?.path();
        let Some(stem) = wasm_path
            .file_name()
            .and_then(|n| n.to_str())
            .and_then(|n| n.strip_suffix("_bg.wasm"))
        else {
            continue;
        };
        let js_path = wasm_path.with_file_name(format!("{stem}.js"));
        let wasm = std::fs::read(&wasm_path)?;
        let js = std::fs::read_to_string(&js_path)
            .with_context(|| format!("reading {}", js_path.display()))?;
        match pair(&wasm, &js) {
            Ok(renamed) => {
                println!(
                    "short names: {} imports and {} exports of {} renamed",
                    renamed.imports,
                    renamed.exports,
                    wasm_path.display()
                );
                std::fs::write(&wasm_path, renamed.wasm)?;
                std::fs::write(&js_path, renamed.js)?;
                changed.extend([wasm_path, js_path]);
            }
            Err(e) => eprintln!("short names: {} left as it is: {e:#}", wasm_path.display()),
        }
    }
    Ok(changed)
}

/// A wasm module and its bindings after renaming.
#[derive(Debug)]
pub struct Renamed {
    pub wasm: Vec<u8>,
    pub js: String,
    pub imports: usize,
    pub exports: usize,
}

/// Renames one pair; an error leaves both as they were.
pub fn pair(wasm: &[u8], js: &str) -> anyhow::Result<Renamed> {
    let module = bindings_module(wasm)?;
    if !js.contains(&module) {
        bail!("the bindings do not name their module {module}");
    }
    let mut imports: HashMap<String, String> = HashMap::new();
    let mut exports: Vec<(String, String)> = Vec::new();
    let mut out = wasm[..8].to_vec();
    for section in sections(wasm)? {
        let (id, body) = section?;
        let body = match id {
            CUSTOM if DROPPED.contains(&Reader::new(body).name()?) => continue,
            IMPORT => rename_imports(body, &module, &mut imports)?,
            EXPORT => rename_exports(body, js, &mut exports)?,
            _ => body.to_vec(),
        };
        out.push(id);
        write_leb(&mut out, body.len() as u64);
        out.extend(body);
    }
    let mut js = js.to_string();
    for (old, short) in &imports {
        if js.matches(old.as_str()).count() != 1 {
            bail!("import {old} is not named exactly once in the bindings");
        }
        js = js.replacen(old.as_str(), short, 1);
    }
    for (old, short) in &exports {
        js = js.replace(&format!(".{old}("), &format!(".{short}("));
    }
    Ok(Renamed {
        wasm: out,
        js,
        imports: imports.len(),
        exports: exports.len(),
    })
}

/// The module the wasm imports its hashed bindings from (`./<name>_bg.js`).
fn bindings_module(wasm: &[u8]) -> anyhow::Result<String> {
    for section in sections(wasm)? {
        let (id, body) = section?;
        if id != IMPORT {
            continue;
        }
        let mut r = Reader::new(body);
        for _ in 0..r.leb()? {
            let (module, _) = r.import()?;
            if module.starts_with("./") && module.ends_with("_bg.js") {
                return Ok(module.to_string());
            }
        }
    }
    bail!("no import from a `./…_bg.js` bindings module")
}

fn is_hashed_import(name: &str) -> bool {
    (name.starts_with("__wbg_") || name.starts_with("__wbindgen_")) && hash_suffix(name, "_")
}

fn is_hashed_export(name: &str) -> bool {
    hash_suffix(name, "_h")
}

/// Whether `name` ends with `sep` and 16 lowercase hex digits.
fn hash_suffix(name: &str, sep: &str) -> bool {
    let Some(head) = name.len().checked_sub(16).and_then(|at| name.get(..at)) else {
        return false;
    };
    head.ends_with(sep)
        && name[head.len()..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn rename_imports(
    body: &[u8],
    module: &str,
    names: &mut HashMap<String, String>,
) -> anyhow::Result<Vec<u8>> {
    rewrite_vector(body, |r, out| {
        let (from, name) = r.import_names()?;
        let desc_start = r.at;
        r.skip_import_desc()?;
        let mut new_name = name.to_string();
        if from == module && is_hashed_import(name) {
            let next = short_name(names.len());
            new_name = names.entry(name.to_string()).or_insert(next).clone();
        }
        write_name(out, from);
        write_name(out, &new_name);
        out.extend(&body[desc_start..r.at]);
        Ok(())
    })
}

fn rename_exports(
    body: &[u8],
    js: &str,
    renamed: &mut Vec<(String, String)>,
) -> anyhow::Result<Vec<u8>> {
    rewrite_vector(body, |r, out| {
        let name = r.name()?;
        let desc_start = r.at;
        r.byte()?; // the kind
        r.leb()?; // the index
        let mut new_name = name.to_string();
        let candidate = format!("h{}", renamed.len());
        // Only where every use in the bindings is a call, so renaming the calls renames all.
        if is_hashed_export(name)
            && only_called(js, name)
            && !js.contains(&format!(".{candidate}("))
        {
            renamed.push((name.to_string(), candidate.clone()));
            new_name = candidate;
        }
        write_name(out, &new_name);
        out.extend(&body[desc_start..r.at]);
        Ok(())
    })
}

/// A section that is a vector (the import and the export sections), rewritten entry by entry:
/// `entry` reads one entry from the reader and writes its new form.
fn rewrite_vector(
    body: &[u8],
    mut entry: impl FnMut(&mut Reader<'_>, &mut Vec<u8>) -> anyhow::Result<()>,
) -> anyhow::Result<Vec<u8>> {
    let mut r = Reader::new(body);
    let count = r.leb()?;
    let mut out = Vec::with_capacity(body.len());
    write_leb(&mut out, count);
    for _ in 0..count {
        entry(&mut r, &mut out)?;
    }
    Ok(out)
}

fn only_called(js: &str, name: &str) -> bool {
    let uses = js.matches(name).count();
    uses > 0 && uses == js.matches(&format!(".{name}(")).count()
}

/// The `n`th short name: a … z, aa, ab, …
fn short_name(mut n: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'a' + (n % 26) as u8);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    s.reverse();
    String::from_utf8_lossy(&s).into_owned()
}

/// The module's sections, `(id, body)`, after the 8-byte header.
fn sections(wasm: &[u8]) -> anyhow::Result<impl Iterator<Item = anyhow::Result<(u8, &[u8])>>> {
    if wasm.len() < 8 || &wasm[..4] != b"\0asm" {
        bail!("not a wasm module");
    }
    let mut r = Reader::new(&wasm[8..]);
    Ok(std::iter::from_fn(move || {
        (r.at < r.bytes.len()).then(|| {
            let id = r.byte()?;
            let len = usize::try_from(r.leb()?)?;
            Ok((id, r.take(len)?))
        })
    }))
}

/// A cursor over wasm bytes that fails, rather than panics, on a truncated module.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn new(bytes: &'a [u8]) -> Self {
        Reader { bytes, at: 0 }
    }

    fn byte(&mut self) -> anyhow::Result<u8> {
        let b = *self.bytes.get(self.at).context("truncated wasm")?;
        self.at += 1;
        Ok(b)
    }

    fn take(&mut self, len: usize) -> anyhow::Result<&'a [u8]> {
        let end = self.at.checked_add(len).context("truncated wasm")?;
        let s = self.bytes.get(self.at..end).context("truncated wasm")?;
        self.at = end;
        Ok(s)
    }

    fn leb(&mut self) -> anyhow::Result<u64> {
        let mut value = 0u64;
        for shift in (0..64).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b < 0x80 {
                return Ok(value);
            }
        }
        bail!("LEB128 number too long")
    }

    fn name(&mut self) -> anyhow::Result<&'a str> {
        let len = usize::try_from(self.leb()?)?;
        Ok(std::str::from_utf8(self.take(len)?)?)
    }

    fn import_names(&mut self) -> anyhow::Result<(&'a str, &'a str)> {
        Ok((self.name()?, self.name()?))
    }

    fn import(&mut self) -> anyhow::Result<(&'a str, &'a str)> {
        let names = self.import_names()?;
        self.skip_import_desc()?;
        Ok(names)
    }

    /// Skips a function, table, memory, global or tag description.
    fn skip_import_desc(&mut self) -> anyhow::Result<()> {
        match self.byte()? {
            0x00 => {
                self.leb()?;
            }
            0x01 => {
                self.byte()?; // the element type
                self.limits()?;
            }
            0x02 => self.limits()?,
            0x03 => {
                self.take(2)?; // value type, mutability
            }
            0x04 => {
                self.byte()?;
                self.leb()?;
            }
            kind => bail!("unknown import kind {kind}"),
        }
        Ok(())
    }

    fn limits(&mut self) -> anyhow::Result<()> {
        let flags = self.leb()?;
        self.leb()?;
        if flags & 1 == 1 {
            self.leb()?;
        }
        Ok(())
    }
}

fn write_leb(out: &mut Vec<u8>, mut value: u64) {
    loop {
        let b = (value & 0x7f) as u8;
        value >>= 7;
        if value == 0 {
            out.push(b);
            return;
        }
        out.push(b | 0x80);
    }
}

fn write_name(out: &mut Vec<u8>, name: &str) {
    write_leb(out, name.len() as u64);
    out.extend(name.as_bytes());
}

#[cfg(test)]
mod tests {
    use super::*;

    const IMPORTED: &str = "__wbg_log_0123456789abcdef";
    const EXPORTED: &str = "closure12_h0123456789abcdef";

    /// A module importing one hashed binding and one plain intrinsic, exporting a hashed closure
    /// and memory, with a `producers` section and a `name`-less custom section kept.
    fn module() -> Vec<u8> {
        let mut imports = Vec::new();
        write_leb(&mut imports, 3);
        for (module, name) in [
            ("./app_bg.js", IMPORTED),
            ("./app_bg.js", "__wbindgen_init_externref_table"),
            ("./snippets/x/inline0.js", "__wbg_other_0123456789abcdef"),
        ] {
            write_name(&mut imports, module);
            write_name(&mut imports, name);
            imports.extend([0x00, 0x00]); // a function of type 0
        }
        let mut exports = Vec::new();
        write_leb(&mut exports, 2);
        write_name(&mut exports, EXPORTED);
        exports.extend([0x00, 0x01]);
        write_name(&mut exports, "memory");
        exports.extend([0x02, 0x00]);
        let mut producers = Vec::new();
        write_name(&mut producers, "producers");
        producers.extend(b"rustc");
        let mut kept = Vec::new();
        write_name(&mut kept, "keep-me");
        let mut wasm = b"\0asm\x01\0\0\0".to_vec();
        for (id, body) in [(0u8, producers), (2, imports), (7, exports), (0, kept)] {
            wasm.push(id);
            write_leb(&mut wasm, body.len() as u64);
            wasm.extend(body);
        }
        wasm
    }

    fn bindings(export_use: &str) -> String {
        format!(
            "const i={{}};i[\"./app_bg.js\"]={{{IMPORTED}:function(){{}},\
             __wbindgen_init_externref_table:function(){{}}}};{export_use}"
        )
    }

    #[test]
    fn hashed_names_are_shortened_in_both_files_and_build_sections_dropped() {
        let js = bindings(&format!("w.{EXPORTED}(1,2);w.{EXPORTED}(3);"));
        let out = pair(&module(), &js).expect("renamed");
        assert_eq!((out.imports, out.exports), (1, 1));
        assert_eq!(
            out.js,
            bindings("w.h0(1,2);w.h0(3);").replace(IMPORTED, "a"),
        );
        let names: Vec<(&str, &str)> = sections(&out.wasm)
            .unwrap()
            .map(Result::unwrap)
            .filter(|(id, _)| *id == IMPORT)
            .flat_map(|(_, body)| {
                let mut r = Reader::new(body);
                let n = r.leb().unwrap();
                (0..n).map(move |_| r.import().unwrap()).collect::<Vec<_>>()
            })
            .collect();
        assert_eq!(
            names,
            [
                ("./app_bg.js", "a"),
                ("./app_bg.js", "__wbindgen_init_externref_table"),
                ("./snippets/x/inline0.js", "__wbg_other_0123456789abcdef"),
            ]
        );
        let text = String::from_utf8_lossy(&out.wasm);
        assert!(text.contains("h0") && !text.contains(EXPORTED), "{text}");
        assert!(!text.contains("producers") && text.contains("keep-me"));
    }

    #[test]
    fn an_export_the_bindings_use_other_than_by_calling_keeps_its_name() {
        let js = bindings(&format!("w.{EXPORTED}(1);const f=w.{EXPORTED};"));
        let out = pair(&module(), &js).expect("renamed");
        assert_eq!(out.exports, 0);
        assert!(
            out.js
                .contains(&format!("w.{EXPORTED}(1);const f=w.{EXPORTED};"))
        );
    }

    #[test]
    fn a_pair_whose_bindings_do_not_match_is_refused() {
        // The import named twice: renaming one place would break the other.
        let twice = bindings("").replace("};", &format!("}};x.{IMPORTED};"));
        assert!(pair(&module(), &twice).is_err());
        // Bindings of another module.
        assert!(pair(&module(), "const i={};").is_err());
        // Not wasm, or cut short.
        assert!(pair(b"not wasm", "").is_err());
        let m = module();
        assert!(pair(&m[..m.len() - 3], &bindings("")).is_err());
    }

    #[test]
    fn short_names_count_like_spreadsheet_columns() {
        let names: Vec<String> = [0, 1, 25, 26, 27, 51, 52, 701, 702]
            .into_iter()
            .map(short_name)
            .collect();
        assert_eq!(names, ["a", "b", "z", "aa", "ab", "az", "ba", "zz", "aaa"]);
    }
}
