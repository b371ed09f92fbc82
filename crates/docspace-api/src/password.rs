//! DocSpace's client-side password hash, so the plain password never leaves the client
//! (ONLYOFFICE/DocSpace-server: `common/ASC.Common/Security/Cryptography/PasswordHasher.cs`): lowercase hex of PBKDF2-HMAC-SHA256 over the password's UTF-8
//! bytes, with the UTF-8 bytes of the portal's salt *string*, its iteration count and size.
//!
//! In browsers the work runs in WebCrypto (`SubtleCrypto.deriveBits`, native speed, off the main
//! thread's JS); elsewhere, and where WebCrypto is missing (insecure contexts), in pure Rust.

use sha2::Sha256;

use crate::error::Error;
use crate::models::PasswordHashParams;

/// Most PBKDF2 rounds the client accepts from a portal, so a broken or hostile portal cannot
/// make it spin for minutes.
const MAX_ITERATIONS: u32 = 10_000_000;

fn check(params: &PasswordHashParams) -> Result<(), Error> {
    if params.iterations == 0 || params.iterations > MAX_ITERATIONS {
        return Err(Error::invalid(
            "password_hash.iterations",
            format!("{} is outside 1..={MAX_ITERATIONS}", params.iterations),
        ));
    }
    if params.size == 0 || !params.size.is_multiple_of(8) || params.size > 4096 {
        return Err(Error::invalid(
            "password_hash.size",
            format!("{} bits is not a multiple of 8 in 8..=4096", params.size),
        ));
    }
    Ok(())
}

/// The hash in pure Rust (blocking; ~100 000 HMAC rounds).
///
/// ```
/// use docspace_api::models::PasswordHashParams;
/// use docspace_api::password::hash_blocking;
///
/// let params = PasswordHashParams { size: 256, iterations: 1, salt: "salt".into() };
/// // RFC 7914 §11's PBKDF2-HMAC-SHA256 vector ("passwd", "salt", 1 round), first 32 bytes.
/// let h = hash_blocking("passwd", &params)?;
/// assert_eq!(h, "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc");
/// # Ok::<(), docspace_api::Error>(())
/// ```
pub fn hash_blocking(password: &str, params: &PasswordHashParams) -> Result<String, Error> {
    check(params)?;
    let mut out = vec![0u8; (params.size / 8) as usize];
    pbkdf2::pbkdf2_hmac::<Sha256>(
        password.as_bytes(),
        params.salt.as_bytes(),
        params.iterations,
        &mut out,
    );
    Ok(hex::encode(out))
}

/// The hash, computed without blocking the caller's executor: on a blocking thread natively,
/// in WebCrypto in browsers.
///
/// ```no_run
/// # async fn demo() -> Result<(), docspace_api::Error> {
/// use docspace_api::models::PasswordHashParams;
/// let params = PasswordHashParams { size: 256, iterations: 100_000, salt: "5a9e".into() };
/// let hash = docspace_api::password::hash("correct horse", &params).await?;
/// assert_eq!(hash.len(), 64);
/// # Ok(()) }
/// ```
pub async fn hash(password: &str, params: &PasswordHashParams) -> Result<String, Error> {
    check(params)?;
    platform_hash(password, params).await
}

#[cfg(not(target_arch = "wasm32"))]
async fn platform_hash(password: &str, params: &PasswordHashParams) -> Result<String, Error> {
    let (password, params) = (password.to_string(), params.clone());
    tokio::task::spawn_blocking(move || hash_blocking(&password, &params))
        .await
        .map_err(|e| Error::Network(format!("the hashing task failed: {e}")))?
}

#[cfg(target_arch = "wasm32")]
async fn platform_hash(password: &str, params: &PasswordHashParams) -> Result<String, Error> {
    match webcrypto::hash(password, params).await {
        Some(h) => Ok(h),
        // No WebCrypto (insecure context, old engine): same result, slower.
        None => hash_blocking(password, params),
    }
}

/// The WebCrypto path, public for tests that compare it with the pure-Rust one.
#[cfg(target_arch = "wasm32")]
pub mod webcrypto {
    use js_sys::{Array, Object, Reflect, Uint8Array};
    use wasm_bindgen::{JsCast, JsValue};
    use wasm_bindgen_futures::JsFuture;
    use web_sys::{CryptoKey, Pbkdf2Params, SubtleCrypto};

    use crate::models::PasswordHashParams;

    fn subtle() -> Option<SubtleCrypto> {
        let crypto = Reflect::get(&js_sys::global(), &JsValue::from_str("crypto")).ok()?;
        let crypto: web_sys::Crypto = crypto.dyn_into().ok()?;
        let subtle = Reflect::get(&crypto, &JsValue::from_str("subtle")).ok()?;
        // `crypto.subtle` is undefined outside secure contexts.
        subtle.dyn_into().ok()
    }

    /// PBKDF2 through `SubtleCrypto.deriveBits`; `None` when WebCrypto is unavailable or fails.
    ///
    /// ```no_run
    /// # async fn demo() {
    /// use docspace_api::models::PasswordHashParams;
    /// let p = PasswordHashParams { size: 256, iterations: 1, salt: "salt".into() };
    /// let h = docspace_api::password::webcrypto::hash("passwd", &p).await;
    /// assert_eq!(h.as_deref(), Some("55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"));
    /// # }
    /// ```
    pub async fn hash(password: &str, params: &PasswordHashParams) -> Option<String> {
        let subtle = subtle()?;
        let usages = Array::of1(&JsValue::from_str("deriveBits"));
        let key_data = Uint8Array::from(password.as_bytes());
        let key = subtle
            .import_key_with_str("raw", &key_data, "PBKDF2", false, &usages)
            .ok()?;
        let key: CryptoKey = JsFuture::from(key).await.ok()?.dyn_into().ok()?;
        let salt = Uint8Array::from(params.salt.as_bytes());
        let algorithm = Pbkdf2Params::new_with_str("PBKDF2", "SHA-256", params.iterations, &salt);
        let bits = subtle
            .derive_bits_with_object(algorithm.unchecked_ref::<Object>(), &key, params.size)
            .ok()?;
        let bits = JsFuture::from(bits).await.ok()?;
        Some(hex::encode(Uint8Array::new(&bits).to_vec()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn params(iterations: u32, size: u32, salt: &str) -> PasswordHashParams {
        PasswordHashParams {
            size,
            iterations,
            salt: salt.into(),
        }
    }

    #[test]
    fn matches_published_pbkdf2_sha256_vectors() {
        // RFC 7914 §11.
        assert_eq!(
            hash_blocking("passwd", &params(1, 512, "salt")).unwrap(),
            "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc\
             49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783"
        );
        // Widely published vector: "password", "salt", 4096 rounds, 32 bytes.
        assert_eq!(
            hash_blocking("password", &params(4096, 256, "salt")).unwrap(),
            "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a"
        );
    }

    #[test]
    fn the_salt_is_the_string_not_its_hex_decoding() {
        let as_string = hash_blocking("pw", &params(10, 256, "00ff")).unwrap();
        let mut as_bytes = [0u8; 32];
        pbkdf2::pbkdf2_hmac::<Sha256>(b"pw", &[0x00, 0xff], 10, &mut as_bytes);
        assert_ne!(as_string, hex::encode(as_bytes));
        assert_eq!(as_string.len(), 64);
        assert!(
            as_string
                .bytes()
                .all(|b| b.is_ascii_hexdigit() && !b.is_ascii_uppercase())
        );
    }

    #[test]
    fn absurd_parameters_are_refused() {
        let e = hash_blocking("pw", &params(0, 256, "s")).unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidInput {
                field: "password_hash.iterations",
                ..
            }
        ));
        assert!(hash_blocking("pw", &params(MAX_ITERATIONS + 1, 256, "s")).is_err());
        let e = hash_blocking("pw", &params(1, 250, "s")).unwrap_err();
        assert!(matches!(
            e,
            Error::InvalidInput {
                field: "password_hash.size",
                ..
            }
        ));
    }

    #[cfg(not(target_arch = "wasm32"))]
    #[tokio::test]
    async fn the_async_hash_equals_the_blocking_one() {
        let p = params(1000, 256, "5a9e");
        assert_eq!(
            hash("pässwörd", &p).await.unwrap(),
            hash_blocking("pässwörd", &p).unwrap()
        );
    }
}
