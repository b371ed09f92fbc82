//! The rotation of the OAuth signing keys over HTTP, as DocSpace's identity service rotates them
//! (`ONLYOFFICE/DocSpace-server: common/ASC.Identity/authorization/authorization-application/
//! src/main/java/com/asc/authorization/application/security/oauth/jwks/KeyPairRepositoryJWKSource.java`:
//! a new key when the newest is older than 4 × the 60-minute access-token lifetime, the old key
//! published until it is 5 lifetimes old). The portal's clock is moved forward instead of waiting,
//! and a standard JOSE library (Python's Authlib, in the venv `cargo xtask test` makes for the
//! OAuth judge) verifies tokens of both keys against the published JWK set.

mod common;
mod oauth_support;

use chrono::Duration;
use oauth_support::*;
use serde_json::Value;

/// A developer token (the `personal_access_token` grant) for the signed-in `cookie`.
async fn developer_token(
    p: &docspace_devportal::RunningPortal,
    cookie: &str,
    app: &Value,
) -> String {
    let resp = http()
        .post(format!("{}/oauth2/token", p.base_url()))
        .header("Cookie", format!("asc_auth_key={cookie}"))
        .form(&[
            ("grant_type", "personal_access_token"),
            ("client_id", app["client_id"].as_str().expect("id")),
            (
                "client_secret",
                app["client_secret"].as_str().expect("secret"),
            ),
            ("scope", "rooms:read"),
        ])
        .send()
        .await
        .expect("sent");
    assert_eq!(resp.status(), 200);
    let body: Value = resp.json().await.expect("json");
    body["access_token"].as_str().expect("token").to_string()
}

fn kid_of(jwt: &str) -> String {
    use base64::Engine;
    let header = jwt.split('.').next().expect("header");
    let header: Value = serde_json::from_slice(
        &base64::engine::general_purpose::URL_SAFE_NO_PAD
            .decode(header)
            .expect("base64url"),
    )
    .expect("json");
    header["kid"].as_str().expect("kid").to_string()
}

async fn jwks(p: &docspace_devportal::RunningPortal) -> (String, Vec<String>) {
    let (status, body) = common::get(p, "/oauth2/jwks", None).await;
    assert_eq!(status, 200, "{body}");
    let set = common::json(&body);
    let kids = set["keys"]
        .as_array()
        .expect("keys")
        .iter()
        .map(|k| k["kid"].as_str().expect("kid").to_string())
        .collect();
    (body, kids)
}

/// Authlib's verdict on each token against the JWK set: the `jti` it verified, or `refused`.
async fn authlib_verdicts(jwks: &str, tokens: &[&str]) -> Vec<String> {
    const SCRIPT: &str = r#"
import json, sys
from authlib.jose import JsonWebKey, JsonWebToken
keys = JsonWebKey.import_key_set(json.loads(sys.argv[1]))
for token in sys.argv[2:]:
    try:
        print(JsonWebToken(["ES256"]).decode(token, keys)["jti"])
    except Exception:
        print("refused")
"#;
    let args = [&["-c", SCRIPT, jwks][..], tokens].concat();
    let out = run_authlib(&args, &[("PYTHONWARNINGS", "ignore")]).await;
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(str::to_string)
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn tokens_of_a_rotated_key_verify_while_it_is_published_and_not_after() {
    let p = common::portal().await;
    let owner = sign_in(&p, common::OWNER).await;
    let app = register(&p, &owner, false, &["rooms:read"]).await;

    // The first key is made on first use; a token signed 3.5 hours later still uses it.
    let (_, first_set) = jwks(&p).await;
    assert_eq!(first_set.len(), 1);
    p.clock().advance(Duration::minutes(210));
    let old = developer_token(&p, &owner, &app).await;
    assert_eq!(
        kid_of(&old),
        first_set[0],
        "the header names the signing key"
    );

    // Past four hours a new key signs; the JWK set lists it first and still the old one.
    p.clock().advance(Duration::minutes(31));
    let new = developer_token(&p, &owner, &app).await;
    let (overlap_body, overlap) = jwks(&p).await;
    assert_eq!(overlap, vec![kid_of(&new), kid_of(&old)]);
    assert_ne!(kid_of(&new), kid_of(&old));
    assert_eq!(bearer_get(&p, "/api/2.0/files/rooms", &old).await, 200);
    assert_eq!(bearer_get(&p, "/api/2.0/files/rooms", &new).await, 200);
    let jti = |t: &str| claims(t)["jti"].as_str().expect("jti").to_string();
    assert_eq!(
        authlib_verdicts(&overlap_body, &[&old, &new]).await,
        vec![jti(&old), jti(&new)],
        "Authlib verifies both tokens against the JWK set of the overlap"
    );

    // Five hours after the old key was made it is no longer published; its token is refused,
    // by the portal and by Authlib against the new set.
    p.clock().advance(Duration::minutes(60));
    let (later_body, later) = jwks(&p).await;
    assert_eq!(later, vec![kid_of(&new)]);
    assert_eq!(bearer_get(&p, "/api/2.0/files/rooms", &old).await, 401);
    assert_eq!(
        authlib_verdicts(&later_body, &[&old]).await,
        vec!["refused".to_string()]
    );
}
