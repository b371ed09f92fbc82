//! Tests of [`super`]: signatures, and the key rotation of DocSpace's identity service
//! (`ONLYOFFICE/DocSpace-server: common/ASC.Identity/authorization/authorization-application/
//! .../security/oauth/jwks/KeyPairRepositoryJWKSource.java`), with the time given, not waited for.

use super::*;
use crate::db::Db;
use chrono::TimeZone;

fn db() -> Db {
    Db::open(&crate::config::Storage::Memory).expect("db")
}

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 1, 1, 0, 0, 0)
        .single()
        .expect("valid date")
}

fn kid_of(token: &str) -> String {
    let header = token
        .split('.')
        .next()
        .and_then(decode_json)
        .expect("header");
    header["kid"].as_str().expect("kid").to_string()
}

fn published_kids(db: &Db, now: DateTime<Utc>) -> Vec<String> {
    let set = db.read_now(|c| jwk_set(c, now)).expect("jwks");
    set["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .map(|k| k["kid"].as_str().expect("kid").to_string())
        .collect()
}

fn verifies(db: &Db, token: &str, now: DateTime<Utc>) -> bool {
    db.read_now(|c| verify(c, token, now))
        .expect("runs")
        .is_some()
}

#[test]
fn signed_tokens_verify_and_tampered_ones_do_not() {
    let db = db();
    let now = t0();
    let token = db
        .write_now(|tx| sign(tx, &json!({"sub": "u", "n": 1}), now))
        .expect("signed");
    assert!(looks_like_jwt(&token));
    let claims = db.read_now(|c| verify(c, &token, now)).expect("verifies");
    assert_eq!(claims.expect("valid")["sub"], "u");
    let (h, rest) = token.split_once('.').expect("parts");
    let (_, s) = rest.split_once('.').expect("parts");
    let forged = format!("{h}.{}.{s}", B64.encode(r#"{"sub":"admin","n":1}"#));
    assert!(!verifies(&db, &forged, now));
    let jwks = db.read_now(|c| jwk_set(c, now)).expect("jwks");
    assert_eq!(jwks["keys"][0]["crv"], "P-256");
    assert_eq!(published_kids(&db, now), vec![kid_of(&token)]);
}

/// The periods DocSpace derives from its 60-minute access tokens: a new key every 4 hours, the
/// old one published for 1 more hour.
#[test]
fn periods_follow_the_access_token_lifetime() {
    assert_eq!(rotation_period(), Duration::hours(4));
    assert_eq!(deprecation_period(), Duration::hours(1));
}

/// A key signs until it is older than the rotation period (`compareTo(rotationPeriod) > 0`),
/// then a new key signs and both are published; the old key's tokens verify until it is older
/// than rotation + deprecation (`createdAt > cutoff`), then neither JWKS nor verification know it.
#[test]
fn a_rotated_key_keeps_verifying_its_tokens_for_one_token_lifetime_then_retires() {
    let db = db();
    let sign_at = |now: DateTime<Utc>| {
        db.write_now(|tx| sign(tx, &json!({"sub": "u"}), now))
            .expect("signed")
    };
    let first = sign_at(t0());
    let old_kid = kid_of(&first);
    // Four hours on the dot: still the first key.
    let at_four = sign_at(t0() + Duration::hours(4));
    assert_eq!(kid_of(&at_four), old_kid);
    assert_eq!(
        published_kids(&db, t0() + Duration::hours(4)),
        vec![old_kid.clone()]
    );

    // Past four hours: a new key signs, and its `kid` names it in the header and in the JWKS.
    let rotated_at = t0() + Duration::hours(4) + Duration::seconds(1);
    let second = sign_at(rotated_at);
    let new_kid = kid_of(&second);
    assert_ne!(new_kid, old_kid);
    assert_eq!(
        published_kids(&db, rotated_at),
        vec![new_kid.clone(), old_kid.clone()],
        "during the overlap the JWKS lists the new key first and the old one still"
    );
    assert!(verifies(&db, &second, rotated_at));
    assert!(verifies(&db, &at_four, rotated_at));

    // The old key's last token (signed at 4 h, expiring at 5 h) verifies until the key is 5 h old.
    let last_moment = t0() + Duration::hours(5) - Duration::seconds(1);
    assert!(verifies(&db, &at_four, last_moment));
    assert_eq!(published_kids(&db, last_moment).len(), 2);

    // At five hours the old key is no longer published: its tokens fail, the new key's do not.
    let retired = t0() + Duration::hours(5);
    assert!(!verifies(&db, &first, retired));
    assert!(!verifies(&db, &at_four, retired));
    assert!(verifies(&db, &second, retired));
    assert_eq!(published_kids(&db, retired), vec![new_kid.clone()]);

    // The next signing deletes it (`invalidateKeys`) and keeps signing with the new key.
    let later = retired + Duration::seconds(1);
    assert_eq!(kid_of(&sign_at(later)), new_kid);
    let stored = db.read_now(store::keys).expect("keys");
    assert_eq!(
        stored.iter().map(|k| k.kid.clone()).collect::<Vec<_>>(),
        vec![new_kid]
    );
}

/// After a long pause (no key published at all) the next signing makes a key, as
/// `rotateKeysIfNeeded` does when `getLatestActiveKeyPair()` is null.
#[test]
fn after_a_long_pause_a_fresh_key_signs_and_the_old_tokens_fail() {
    let db = db();
    let first = db
        .write_now(|tx| sign(tx, &json!({"sub": "u"}), t0()))
        .expect("signed");
    let much_later = t0() + Duration::days(2);
    let next = db
        .write_now(|tx| sign(tx, &json!({"sub": "u"}), much_later))
        .expect("signed");
    assert_ne!(kid_of(&first), kid_of(&next));
    assert!(!verifies(&db, &first, much_later));
    assert_eq!(published_kids(&db, much_later), vec![kid_of(&next)]);
}
