//! The binary's refusals: it says what is missing instead of starting half-configured.

use std::process::{Command, Stdio};

fn run(args: &[&str], api_key: Option<&str>) -> (bool, String) {
    let mut c = Command::new(env!("CARGO_BIN_EXE_docspace-mcp"));
    c.args(args)
        .env_remove("DOCSPACE_API_KEY")
        .env_remove("DOCSPACE_BASE_URL")
        .env_remove("DOCSPACE_TOOLSETS")
        .stdin(Stdio::null());
    if let Some(k) = api_key {
        c.env("DOCSPACE_API_KEY", k);
    }
    let out = c.output().expect("run docspace-mcp");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn stdio_without_an_api_key_says_to_set_one() {
    let (ok, stderr) = run(&["--portal", "http://127.0.0.1:9"], None);
    assert!(!ok);
    assert!(stderr.contains("DOCSPACE_API_KEY"), "{stderr}");
}

#[test]
fn an_unknown_toolset_is_refused_by_name() {
    let (ok, stderr) = run(
        &[
            "--portal",
            "http://127.0.0.1:9",
            "--toolsets",
            "rooms,chats",
        ],
        Some("sk-test"),
    );
    assert!(!ok);
    assert!(stderr.contains("chats"), "{stderr}");
}

#[test]
fn a_portal_that_is_not_a_url_is_refused_and_the_key_is_not_echoed() {
    let (ok, stderr) = run(&["--portal", "example.com"], Some("sk-secret-value"));
    assert!(!ok);
    assert!(stderr.contains("--portal"), "{stderr}");
    assert!(!stderr.contains("sk-secret-value"), "{stderr}");
}
