//! The judge of interoperability: a standard OAuth2 client library, Python's Authlib (PyPI
//! `authlib`, pinned by `cargo xtask test`, which makes the venv), completes the authorization
//! code flow with PKCE against the devportal with no special-casing, calls a REST endpoint with
//! the token, refreshes, revokes, and runs the flow again as a client without its secret.
//!
//! The venv is `$CARGO_TARGET_DIR/oauth-venv` (or `DOCSPACE_OAUTH_PYTHON` names its python).
//! Without it this test fails, saying how to make it: a judge that is skipped judges nothing.

mod common;
mod oauth_support;

use std::path::PathBuf;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn authlib_completes_code_with_pkce_refresh_and_revoke() {
    let p = common::portal().await;
    let owner = oauth_support::sign_in(&p, common::OWNER).await;
    let c = oauth_support::register(&p, &owner, true, &["accounts.self:read", "rooms:read"]).await;
    let script = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("judge/oauth_judge.py");
    let script = script.to_str().expect("a UTF-8 path");
    let out = oauth_support::run_authlib(
        &[
            script,
            &p.base_url(),
            &owner,
            c["client_id"].as_str().expect("id"),
            c["client_secret"].as_str().expect("secret"),
            oauth_support::REDIRECT,
        ],
        // Authlib refuses plain http unless told; the portal is on loopback.
        &[("AUTHLIB_INSECURE_TRANSPORT", "1")],
    )
    .await;
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        out.status.success(),
        "Authlib failed ({}):\n{stdout}\n{stderr}",
        out.status
    );
    assert!(
        stdout.contains("public client: ok"),
        "no report: {stdout}\n{stderr}"
    );
}
