//! ES256 JSON Web Tokens and the JWK set, with the signing keys rotated as DocSpace's identity
//! service rotates them.
//!
//! DocSpace signs with the newest key of its key-pair repository, `ES256` for EC keys, and names
//! it by `kid`; it makes a new key when the newest is older than four access-token lifetimes
//! (4 hours), and keeps publishing (and accepting) a key until it is older than five (rotation
//! plus one lifetime of deprecation), so every token an old key signed stays verifiable until it
//! expires; older keys are deleted (`ONLYOFFICE/DocSpace-server: common/ASC.Identity/
//! authorization/authorization-application/.../security/oauth/jwks/KeyPairRepositoryJWKSource.java`:
//! `rotationPeriod = accessTokenMinutesTTL * 4`, `deprecationPeriod = accessTokenMinutesTTL`,
//! `rotateKeysIfNeeded`, `invalidateKeys`, `getActiveKeyPairs` = keys created after
//! now − rotation − deprecation; `.../authorization-data/.../key/repository/JpaKeyPairRepository.java`).
//! DocSpace checks on a schedule (every 30 minutes, `fixedDelayString = "PT30M"`); the devportal
//! checks whenever it signs or publishes, the limit of that schedule: a key signs for exactly
//! four hours. Time comes from the portal's [`Clock`](crate::time::Clock) through `now`.
//! Keys live in SQLite, so tokens outlive a restart.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD as B64;
use chrono::{DateTime, Duration, Utc};
use ring::rand::SystemRandom;
use ring::signature::{self, EcdsaKeyPair, KeyPair};
use rusqlite::Connection;
use serde_json::{Value, json};

use super::store::{self, StoredKey};
use crate::envelope::ApiError;
use crate::time::{db_time, parse_db_time};

/// How long a key signs: four access-token lifetimes (`rotationPeriod`).
pub fn rotation_period() -> Duration {
    Duration::seconds(super::ACCESS_TTL_SECS * 4)
}

/// How long a key is still published after it stops signing: one access-token lifetime
/// (`deprecationPeriod`).
pub fn deprecation_period() -> Duration {
    Duration::seconds(super::ACCESS_TTL_SECS)
}

fn key_pair(pkcs8: &[u8]) -> Result<EcdsaKeyPair, ApiError> {
    EcdsaKeyPair::from_pkcs8(
        &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        pkcs8,
        &SystemRandom::new(),
    )
    .map_err(|e| ApiError::Internal(format!("signing key: {e}")))
}

/// The keys published at `now`, newest first: made after now − rotation − deprecation
/// (`findActiveKeyPairs`: `createdAt > :cutoff`).
fn published(conn: &Connection, now: DateTime<Utc>) -> Result<Vec<StoredKey>, ApiError> {
    let cutoff = now - rotation_period() - deprecation_period();
    Ok(store::keys(conn)?
        .into_iter()
        .filter(|k| parse_db_time(&k.created) > cutoff)
        .collect())
}

/// The key that signs at `now`: the newest published one, or a new one when there is none or the
/// newest is older than the rotation period. Keys no longer published are deleted, as
/// `invalidateKeys` does.
pub fn ensure_key(conn: &Connection, now: DateTime<Utc>) -> Result<(String, Vec<u8>), ApiError> {
    let cutoff = now - rotation_period() - deprecation_period();
    let stale: Vec<String> = store::keys(conn)?
        .into_iter()
        .filter(|k| parse_db_time(&k.created) < cutoff)
        .map(|k| k.kid)
        .collect();
    store::delete_keys(conn, &stale)?;
    if let Some(k) = published(conn, now)?.into_iter().next()
        && now - parse_db_time(&k.created) <= rotation_period()
    {
        return Ok((k.kid, k.pkcs8));
    }
    let doc = EcdsaKeyPair::generate_pkcs8(
        &signature::ECDSA_P256_SHA256_FIXED_SIGNING,
        &SystemRandom::new(),
    )
    .map_err(|e| ApiError::Internal(format!("key generation: {e}")))?;
    let kid = uuid::Uuid::new_v4().to_string();
    store::insert_key(conn, &kid, doc.as_ref(), &db_time(now))?;
    Ok((kid, doc.as_ref().to_vec()))
}

/// Signs `claims` with the key that signs at `now`: `header.payload.signature`.
pub fn sign(conn: &Connection, claims: &Value, now: DateTime<Utc>) -> Result<String, ApiError> {
    let (kid, pkcs8) = ensure_key(conn, now)?;
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

/// The claims of a token signed by a key published at `now`, or `None` (bad shape, unknown or
/// retired `kid`, wrong algorithm or signature). Expiry is the caller's business.
pub fn verify(
    conn: &Connection,
    token: &str,
    now: DateTime<Utc>,
) -> Result<Option<Value>, ApiError> {
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
    let Some(key) = published(conn, now)?.into_iter().find(|k| k.kid == kid) else {
        return Ok(None);
    };
    let pair = key_pair(&key.pkcs8)?;
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

/// `GET /oauth2/jwks`: every key published at `now` as an EC public JWK (RFC 7517/7518 §6.2),
/// newest first.
pub fn jwk_set(conn: &Connection, now: DateTime<Utc>) -> Result<Value, ApiError> {
    let mut keys = Vec::new();
    for StoredKey { kid, pkcs8, .. } in published(conn, now)? {
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
#[path = "jwt_tests.rs"]
mod tests;
