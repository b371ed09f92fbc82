//! Secrets and their hashes: random tokens, API keys, and DocSpace's password hashing. No request
//! or database in sight, so every layer (the database's link keys, OAuth's codes and tokens, the
//! seed, the credential checks in `auth`) can use it without depending on the others.

use rand::RngCore;
use sha2::{Digest, Sha256};

/// PBKDF2 iterations DocSpace advertises by default.
pub const PASSWORD_ITERATIONS: u32 = 100_000;
/// Derived key size in bits.
pub const PASSWORD_SIZE_BITS: u32 = 256;

/// A fresh API key: `sk-` and 64 lowercase hex digits (32 random bytes).
pub fn generate_api_key() -> String {
    format!("sk-{}", random_hex(32))
}

/// `n` random bytes as lowercase hex.
pub fn random_hex(n: usize) -> String {
    let mut bytes = vec![0u8; n];
    rand::rng().fill_bytes(&mut bytes);
    hex::encode(bytes)
}

/// Whether `key` has the shape of a DocSpace API key.
pub fn is_api_key(key: &str) -> bool {
    key.len() == 67
        && key.starts_with("sk-")
        && key[3..]
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

/// SHA-256 of a high-entropy secret (API key, login token), as stored.
///
/// A slow KDF buys nothing for 256-bit random secrets and would make every request pay for it.
pub fn hash_secret(secret: &str) -> String {
    hex::encode(Sha256::digest(secret.as_bytes()))
}

/// DocSpace's client-side password hash: lowercase hex of PBKDF2-HMAC-SHA256 over the password,
/// with the UTF-8 bytes of the salt *string* as salt (ONLYOFFICE/DocSpace-server: `common/ASC.Common/Security/Cryptography/PasswordHasher.cs`).
pub fn password_hash(password: &str, salt: &str, iterations: u32, size_bits: u32) -> String {
    let mut out = vec![0u8; (size_bits / 8) as usize];
    pbkdf2::pbkdf2_hmac::<Sha256>(password.as_bytes(), salt.as_bytes(), iterations, &mut out);
    hex::encode(out)
}

/// What the database keeps for a password: a salted SHA-256 of the client-side hash.
pub fn store_password(client_hash: &str) -> String {
    let salt = random_hex(16);
    format!(
        "{salt}${}",
        hex::encode(Sha256::digest(format!("{salt}{client_hash}")))
    )
}

/// Checks a client-side hash against the stored form, in constant time.
pub fn verify_password(client_hash: &str, stored: &str) -> bool {
    let Some((salt, expected)) = stored.split_once('$') else {
        return false;
    };
    let actual = hex::encode(Sha256::digest(format!("{salt}{client_hash}")));
    constant_time_eq(actual.as_bytes(), expected.as_bytes())
}

/// Compares secrets without an early exit, so the time taken says nothing about a near match.
pub fn constant_time_eq(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}
