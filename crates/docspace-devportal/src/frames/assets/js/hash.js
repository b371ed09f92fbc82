// DocSpace's client-side password hash (`createHash`, the sign-in form): PBKDF2-HMAC-SHA256 over
// the password with the UTF-8 bytes of the salt string, as lowercase hex, with the parameter
// checks and truncation of DocSpace's `createPasswordHash` (sjcl: one 256-bit block, then the
// first `size / 32` words). WebCrypto does the work where the page is a secure context; a small
// SHA-256 below covers plain-HTTP origins.

const hasOwn = (o, k) => Object.prototype.hasOwnProperty.call(o, k);

/** Throws `Error("Invalid params.")` (which a method reply serializes to `{}`) like DocSpace. */
function checkParams(password, hashSettings) {
  if (
    !password ||
    !hashSettings ||
    typeof password !== "string" ||
    typeof hashSettings !== "object" ||
    !hasOwn(hashSettings, "salt") ||
    !hasOwn(hashSettings, "size") ||
    !hasOwn(hashSettings, "iterations") ||
    typeof hashSettings.size !== "number" ||
    typeof hashSettings.iterations !== "number" ||
    typeof hashSettings.salt !== "string"
  ) {
    throw new Error("Invalid params.");
  }
}

/** The hex password hash for `hashSettings` `{size, iterations, salt}`. */
export async function createPasswordHash(password, hashSettings) {
  checkParams(password, hashSettings);
  const { size, iterations, salt } = hashSettings;
  // sjcl's pbkdf2: a zero count means its default; a negative one is refused.
  const count = iterations || 10000;
  if (count < 0) throw { message: "invalid params to pbkdf2" };
  if (!Number.isFinite(count) || count > 10_000_000) throw new Error("Invalid params.");
  const block = await pbkdf2Block(password, salt, Math.trunc(count));
  const words = [];
  for (let i = 0; i < 32; i += 4) words.push(block.slice(i, i + 4));
  return words
    .slice(0, size / 32)
    .map((w) => Array.from(w, (b) => b.toString(16).padStart(2, "0")).join(""))
    .join("");
}

/** The first (and only, for 256 bits) PBKDF2-HMAC-SHA256 block. */
async function pbkdf2Block(password, salt, iterations) {
  const enc = new TextEncoder();
  const pass = enc.encode(password);
  const saltBytes = enc.encode(salt);
  if (globalThis.crypto && crypto.subtle) {
    const key = await crypto.subtle.importKey("raw", pass, "PBKDF2", false, ["deriveBits"]);
    const bits = await crypto.subtle.deriveBits(
      { name: "PBKDF2", hash: "SHA-256", salt: saltBytes, iterations },
      key,
      256,
    );
    return new Uint8Array(bits);
  }
  return pbkdf2Sha256(pass, saltBytes, iterations);
}

/** PBKDF2-HMAC-SHA256, first block, in plain JS (exported for the self-test). */
export function pbkdf2Sha256(pass, salt, iterations) {
  const mac = hmacSha256(pass);
  const first = new Uint8Array(salt.length + 4);
  first.set(salt);
  first[salt.length + 3] = 1;
  let u = mac(first);
  const out = u.slice();
  for (let i = 1; i < iterations; i += 1) {
    u = mac(u);
    for (let j = 0; j < 32; j += 1) out[j] ^= u[j];
  }
  return out;
}

function hmacSha256(keyBytes) {
  let key = keyBytes.length > 64 ? sha256(keyBytes) : keyBytes;
  const padded = new Uint8Array(64);
  padded.set(key);
  const ipad = padded.map((b) => b ^ 0x36);
  const opad = padded.map((b) => b ^ 0x5c);
  return (msg) => {
    const inner = new Uint8Array(64 + msg.length);
    inner.set(ipad);
    inner.set(msg, 64);
    const ih = sha256(inner);
    const outer = new Uint8Array(96);
    outer.set(opad);
    outer.set(ih, 64);
    return sha256(outer);
  };
}

const K = new Uint32Array([
  0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
  0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
  0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
  0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
  0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
  0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
  0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
  0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2,
]);

/** SHA-256 of `bytes` (exported for the self-test). */
export function sha256(bytes) {
  const bitLen = bytes.length * 8;
  const total = Math.ceil((bytes.length + 9) / 64) * 64;
  const msg = new Uint8Array(total);
  msg.set(bytes);
  msg[bytes.length] = 0x80;
  const view = new DataView(msg.buffer);
  view.setUint32(total - 8, Math.floor(bitLen / 2 ** 32));
  view.setUint32(total - 4, bitLen >>> 0);
  const hv = new Uint32Array([
    0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a, 0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19,
  ]);
  const w = new Uint32Array(64);
  const rotr = (x, n) => (x >>> n) | (x << (32 - n));
  for (let off = 0; off < total; off += 64) {
    for (let i = 0; i < 16; i += 1) w[i] = view.getUint32(off + i * 4);
    for (let i = 16; i < 64; i += 1) {
      const s0 = rotr(w[i - 15], 7) ^ rotr(w[i - 15], 18) ^ (w[i - 15] >>> 3);
      const s1 = rotr(w[i - 2], 17) ^ rotr(w[i - 2], 19) ^ (w[i - 2] >>> 10);
      w[i] = (w[i - 16] + s0 + w[i - 7] + s1) >>> 0;
    }
    let [a, b, c, d, e, f, g, hh] = hv;
    for (let i = 0; i < 64; i += 1) {
      const t1 = (hh + (rotr(e, 6) ^ rotr(e, 11) ^ rotr(e, 25)) + ((e & f) ^ (~e & g)) + K[i] + w[i]) >>> 0;
      const t2 = ((rotr(a, 2) ^ rotr(a, 13) ^ rotr(a, 22)) + ((a & b) ^ (a & c) ^ (b & c))) >>> 0;
      hh = g;
      g = f;
      f = e;
      e = (d + t1) >>> 0;
      d = c;
      c = b;
      b = a;
      a = (t1 + t2) >>> 0;
    }
    hv[0] += a;
    hv[1] += b;
    hv[2] += c;
    hv[3] += d;
    hv[4] += e;
    hv[5] += f;
    hv[6] += g;
    hv[7] += hh;
  }
  const out = new Uint8Array(32);
  const ov = new DataView(out.buffer);
  hv.forEach((x, i) => ov.setUint32(i * 4, x));
  return out;
}
