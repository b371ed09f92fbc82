//! ES256 JSON Web Tokens and the JWK set.
//!
//! DocSpace's identity service signs with the newest key of its key-pair repository, `ES256` for
//! EC keys, and names it by `kid` (`ONLYOFFICE/DocSpace-server:
//! common/ASC.Identity/authorization/.../security/oauth/jwks/KeyPairRepositoryJWKSource.java`).
//! The devportal keeps one P-256 key in SQLite (made on first use), so tokens outlive a restart.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use ring::rand::SystemRandom;
use ring::signature::{self, EcdsaKeyPair, KeyPair};
use rusqlite::Connection;
use serde_json::{Value, json};

use super::store;
use crate::envelope::ApiError;

fn key_pair(pkcs8: &[u8]) -> Result<EcdsaKeyPair, ApiError> {
    EcdsaKeyPair::from_pkcs8(
        &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        pkcs8,
        &SystemRandom::new(),
    )
    .map_err(|e| ApiError::Internal(format!("signing key: {e}")))
}

/// The current signing key, made and stored if there is none.
pub fn ensure_key(conn: &Connection) -> Result<(String, Vec<u8>), ApiError> {
    if let Some(k) = store::signing_key(conn)? {
        return Ok(k);
    }
    let doc = EcdsaKeyPair::generate_pkcs8(
        &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        &SystemRandom::new(),
    )
    .map_err(|e| ApiError::Internal(format!("key generation: {e}")))?;
    let kid = uuid::Uuid::new_v4().to_string();
    store::insert_key(
        conn,
        &kid,
        doc.as_ref(),
        &crate::time::db_time(crate::time::now()),
    )?;
    Ok((kid, doc.as_ref().to_vec()))
}

/// Signs `claims` with the current key: `header.payload.signature`.
pub fn sign(conn: &Connection, claims: &Value) -> Result<String, ApiError> {
    let (kid, pkcs8) = ensure_key(conn)?;
    let pair = key_pair(&pkcs8)?;
    let header = json!({"kid": kid, "alg": "ES256"});
    let input = format!(
        "{}.{}",
        B64.encode(header.to_string()),
        B64.encode(claims.to_string())
    );
    let sig = pair
        .sign(&SystemRandom::new(), input.as_bytes())
        .map_err(|e| ApiError::Internal(format!("signing: {e}")))?;
    Ok(format!("{input}.{}", B64.encode(sig.as_ref())))
}

/// Whether `token` has the shape of a JWS (three base64url parts, a JSON header).
pub fn looks_like_jwt(token: &str) -> bool {
    let mut parts = token.split('.');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(h), Some(p), Some(s), None) if h.starts_with("eyJ") && !p.is_empty() && !s.is_empty()
    )
}

/// One base64url part of a JWS as JSON.
fn decode_json(part: &str) -> Option<Value> {
    B64.decode(part)
        .ok()
        .and_then(|b| serde_json::from_slice(&b).ok())
}

/// The claims of a JWS-shaped token, read without checking its signature or expiry: only for
/// decisions a forged token cannot turn to its advantage (the CORS policy of a request, which
/// DocSpace also takes from the token as read, `JwtSecurityToken(accessToken)` in
/// `ONLYOFFICE/DocSpace-server: common/ASC.Api.Core/Cors/DynamicCorsPolicyProvider.cs`).
pub fn unverified_claims(token: &str) -> Option<Value> {
    if !looks_like_jwt(token) {
        return None;
    }
    token.split('.').nth(1).and_then(decode_json)
}

/// The claims of a token signed by one of the stored keys, or `None` (bad shape, unknown `kid`,
/// wrong algorithm or signature). Expiry is the caller's business.
pub fn verify(conn: &Connection, token: &str) -> Result<Option<Value>, ApiError> {
    let mut parts = token.splitn(3, '.');
    let (Some(h), Some(p), Some(s)) = (parts.next(), parts.next(), parts.next()) else {
        return Ok(None);
    };
    let Some(header) = decode_json(h) else {
        return Ok(None);
    };
    if header["alg"] != "ES256" {
        return Ok(None);
    }
    let Some(kid) = header["kid"].as_str() else {
        return Ok(None);
    };
    let Some((_, pkcs8)) = store::keys(conn)?.into_iter().find(|(k, _)| k == kid) else {
        return Ok(None);
    };
    let pair = key_pair(&pkcs8)?;
    let Ok(sig) = B64.decode(s) else {
        return Ok(None);
    };
    let public = signature::UnparsedPublicKey::new(
        &signature::ECDSA_P256_SHA256_FIXED,
        pair.public_key().as_ref(),
    );
    if public.verify(format!("{h}.{p}").as_bytes(), &sig).is_err() {
        return Ok(None);
    }
    Ok(decode_json(p))
}

/// `GET /oauth2/jwks`: every stored key as an EC public JWK (RFC 7517/7518 §6.2).
pub fn jwk_set(conn: &Connection) -> Result<Value, ApiError> {
    let mut keys = Vec::new();
    for (kid, pkcs8) in store::keys(conn)? {
        let pair = key_pair(&pkcs8)?;
        // An uncompressed SEC1 point: 0x04 || x (32 bytes) || y (32 bytes).
        let point = pair.public_key().as_ref();
        if point.len() != 65 {
            continue;
        }
        keys.push(json!({
            "kty": "EC",
            "crv": "P-256",
            "kid": kid,
            "use": "sig",
            "alg": "ES256",
            "x": B64.encode(&point[1..33]),
            "y": B64.encode(&point[33..]),
        }));
    }
    Ok(json!({ "keys": keys }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn signed_tokens_verify_and_tampered_ones_do_not() {
        let db = crate::db::Db::open(&crate::config::Storage::Memory).expect("db");
        let token = db
            .write_now(|tx| sign(tx, &json!({"sub": "u", "n": 1})))
            .expect("signed");
        assert!(looks_like_jwt(&token));
        let claims = db.read_now(|c| verify(c, &token)).expect("verifies");
        assert_eq!(claims.expect("valid")["sub"], "u");
        let (h, rest) = token.split_once('.').expect("parts");
        let (_, s) = rest.split_once('.').expect("parts");
        let forged = format!("{h}.{}.{s}", B64.encode(r#"{"sub":"admin","n":1}"#));
        assert!(db.read_now(|c| verify(c, &forged)).expect("runs").is_none());
        let jwks = db.read_now(jwk_set).expect("jwks");
        assert_eq!(jwks["keys"][0]["crv"], "P-256");
        assert_eq!(jwks["keys"].as_array().map(Vec::len), Some(1));
    }
}
