//! Shared helpers for the devportal's HTTP integration tests: a fresh in-memory portal per test.

#![allow(dead_code)] // Each test file uses a different subset.

use docspace_devportal::{PortalConfig, RunningPortal};
use serde_json::Value;

/// A portal on a free loopback port with an in-memory database.
pub async fn portal() -> RunningPortal {
    docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal starts")
}

/// A plain HTTP client.
pub fn http() -> reqwest::Client {
    reqwest::Client::new()
}

/// GET `path` with an optional `Authorization` header; returns status and body text.
pub async fn get(portal: &RunningPortal, path: &str, auth: Option<&str>) -> (u16, String) {
    let mut req = http().get(format!("{}{}", portal.base_url(), path));
    if let Some(a) = auth {
        req = req.header("Authorization", a);
    }
    let resp = req.send().await.expect("request sent");
    let status = resp.status().as_u16();
    (status, resp.text().await.expect("body read"))
}

/// Parses a JSON body.
pub fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}
