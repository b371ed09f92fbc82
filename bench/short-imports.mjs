// Shortens the names the wasm module imports its JavaScript bindings by, in a Trunk release
// build of a bench page (run by the pages' `post_build` hook, after `cargo xtask minify-js`).
//
// wasm-bindgen names every imported binding `__wbg_<name>_<16 hex digits>` (the digits keep
// bindings of different crates apart) and offers no option to leave them out
// (https://github.com/wasm-bindgen/wasm-bindgen/issues/3736). Each name is written twice, in
// the wasm's import section and as a key of the bindings' import object, and the random digits
// do not compress: on the one-frame docspace-sdk page they were 3.8 KB of its brotli bytes.
// This renames them `a`, `b`, … in both files, which stay a matching pair, and leaves out the
// custom sections that only describe the build (`DROPPED`); nothing else changes. Names without such a hash (the page's own inline JavaScript snippets, wasm-bindgen's
// fixed intrinsics) are left alone. If any name is not found exactly once in the JavaScript,
// nothing is renamed.
//
// No dependencies: Node's standard library only (Node is already needed for terser).

import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const staging = process.env.TRUNK_STAGING_DIR;
if (!staging) {
  console.error("TRUNK_STAGING_DIR is not set: this runs as Trunk's post_build hook");
  process.exit(1);
}
if (process.env.TRUNK_PROFILE !== "release") {
  process.exit(0);
}

const HASHED = /^__wbg_.*_[0-9a-f]{16}$|^__wbindgen_.*_[0-9a-f]{16}$/;
const HASHED_EXPORT = /_h[0-9a-f]{16}$/;

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function leb(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

const utf8 = new TextDecoder();
const encoder = new TextEncoder();

function str(bytes, at) {
  const [len, start] = readLeb(bytes, at);
  return [utf8.decode(bytes.subarray(start, start + len)), start + len];
}

function encodeStr(s) {
  const b = encoder.encode(s);
  return [...leb(b.length), ...b];
}

/// Skips an import's description (function, table, memory, global, tag).
function skipDesc(bytes, at) {
  const kind = bytes[at++];
  switch (kind) {
    case 0x00:
      return readLeb(bytes, at)[1];
    case 0x01: {
      at += 1; // the table's element type
      const [flags, next] = readLeb(bytes, at);
      at = readLeb(bytes, next)[1];
      return flags & 1 ? readLeb(bytes, at)[1] : at;
    }
    case 0x02: {
      const [flags, next] = readLeb(bytes, at);
      at = readLeb(bytes, next)[1];
      return flags & 1 ? readLeb(bytes, at)[1] : at;
    }
    case 0x03:
      return at + 2;
    case 0x04:
      return readLeb(bytes, at + 1)[1];
    default:
      throw new Error(`unknown import kind ${kind}`);
  }
}

/// The `n`th short name: a … z, aa, ab, …
function shortName(n) {
  let s = "";
  do {
    s = String.fromCharCode(97 + (n % 26)) + s;
    n = Math.floor(n / 26) - 1;
  } while (n >= 0);
  return s;
}

// Custom sections that only describe the build (the toolchain's names, the CPU features it
// assumed, wasm-split's marker for a module it did not split): the browser ignores them.
// https://webassembly.github.io/spec/core/appendix/custom.html
const DROPPED = new Set(["producers", "target_features", "__wasm_split_unstable"]);

/// The wasm with the hashed imports of `module` renamed and the `DROPPED` sections left out;
/// the renaming, by old name.
function renameImports(wasm, module, js) {
  const names = new Map();
  const exports = new Map();
  const out = [wasm.subarray(0, 8)];
  let at = 8;
  while (at < wasm.length) {
    const id = wasm[at];
    const [size, start] = readLeb(wasm, at + 1);
    let body = wasm.subarray(start, start + size);
    if (id === 0 && DROPPED.has(str(body, 0)[0])) {
      at = start + size;
      continue;
    }
    if (id === 2) {
      const [count, first] = readLeb(body, 0);
      const rewritten = [Uint8Array.from(leb(count))];
      let p = first;
      for (let i = 0; i < count; i++) {
        const [mod, afterMod] = str(body, p);
        const [name, afterName] = str(body, afterMod);
        const end = skipDesc(body, afterName);
        let newName = name;
        if (mod === module && HASHED.test(name)) {
          if (!names.has(name)) names.set(name, shortName(names.size));
          newName = names.get(name);
        }
        rewritten.push(
          Uint8Array.from([...encodeStr(mod), ...encodeStr(newName)]),
          body.subarray(afterName, end),
        );
        p = end;
      }
      body = Buffer.concat(rewritten);
    }
    if (id === 7) {
      // Exports: the closures' entry points carry a symbol hash (`…_h<16 hex digits>`).
      const [count, first] = readLeb(body, 0);
      const rewritten = [Uint8Array.from(leb(count))];
      let p = first;
      for (let i = 0; i < count; i++) {
        const [name, afterName] = str(body, p);
        const end = readLeb(body, afterName + 1)[1]; // the kind, then the index
        let newName = name;
        if (HASHED_EXPORT.test(name) && onlyCalled(js, name) && !js.includes(`.h${exports.size}(`)) {
          newName = `h${exports.size}`;
          exports.set(name, newName);
        }
        rewritten.push(Uint8Array.from(encodeStr(newName)), body.subarray(afterName, end));
        p = end;
      }
      body = Buffer.concat(rewritten);
    }
    out.push(Uint8Array.from([id, ...leb(body.length)]), body);
    at = start + size;
  }
  return [Buffer.concat(out), names, exports];
}

/// Whether the bindings use export `name` only by calling it (`wasm.<name>(`), so that renaming
/// those calls renames every use. Others keep their name.
function onlyCalled(js, name) {
  const n = occurrences(js, name);
  return n > 0 && n === occurrences(js, `.${name}(`);
}

function occurrences(text, word) {
  let n = 0;
  for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + word.length)) n++;
  return n;
}

// Trunk's index.html pins the JavaScript and wasm it preloads with `integrity` digests of their
// content; a renamed pair must carry the new digests, or the browser refuses to run them. Each
// digest of a file's old content is replaced by the same algorithm's digest of its new content.
function refreshIntegrity(pairs) {
  const index = join(staging, "index.html");
  if (!existsSync(index)) return;
  let html = readFileSync(index, "utf8");
  for (const [before, after] of pairs) {
    for (const alg of ["sha256", "sha384", "sha512"]) {
      const old = `${alg}-${createHash(alg).update(before).digest("base64")}`;
      const now = `${alg}-${createHash(alg).update(after).digest("base64")}`;
      html = html.split(old).join(now);
    }
  }
  writeFileSync(index, html);
}

for (const file of readdirSync(staging)) {
  if (!file.endsWith("_bg.wasm")) continue;
  const jsFile = file.replace(/_bg\.wasm$/, ".js");
  const wasmPath = join(staging, file);
  const jsPath = join(staging, jsFile);
  // The bindings module as the wasm names it (Trunk's file hash is not part of it).
  const wasm = readFileSync(wasmPath);
  const jsBefore = readFileSync(jsPath);
  let js = jsBefore.toString("utf8");
  const module = /\[\s*["']?(\.\/[^"'\]]*_bg\.js)["']?\s*\]|["'](\.\/[^"']*_bg\.js)["']\s*:/.exec(js);
  if (!module) {
    console.error(`short-imports: no bindings module named in ${jsFile}; left as it is`);
    continue;
  }
  const [renamed, names, exports] = renameImports(wasm, module[1] ?? module[2], js);
  const missing = [...names.keys()].filter((n) => occurrences(js, n) !== 1);
  if (missing.length) {
    console.error(`short-imports: ${missing.length} names not found once in ${jsFile}; left as it is`);
    continue;
  }
  for (const [old, short] of names) js = js.replace(old, short);
  for (const [old, short] of exports) js = js.split(`.${old}(`).join(`.${short}(`);
  writeFileSync(wasmPath, renamed);
  writeFileSync(jsPath, js);
  refreshIntegrity([
    [wasm, renamed],
    [jsBefore, Buffer.from(js, "utf8")],
  ]);
  console.log(`short-imports: ${names.size} imports and ${exports.size} exports of ${file} renamed`);
}
