//! Upload bodies are bounded: a chunk over DocSpace's chunk size is refused with its
//! `TenantQuotaException` (402, "The maximum file size is exceeded"), and the bytes of all uploads
//! held in memory at once never exceed the portal's budget: past it, uploads get a 429 with
//! `Retry-After` and nothing is stored.

mod common;

use common::{Api, portal, portal_with, titles};
use reqwest::Method;
use serde_json::json;

const MIB: usize = 1024 * 1024;

async fn my_files(api: &Api) -> Vec<String> {
    titles(&api.get_ok("/api/2.0/files/@my?count=100").await, "files")
}

#[tokio::test]
async fn a_chunk_over_ten_mib_is_refused_and_nothing_is_stored() {
    let p = portal().await;
    let api = Api::owner(&p);
    let s = api
        .post_ok(
            "/api/2.0/files/@my/session",
            json!({ "fileName": "big.pdf", "fileSize": 30 * MIB }),
        )
        .await;
    let sid = s["id"].as_str().expect("session id").to_string();
    let my = s["path"][0].as_i64().expect("@my id");
    // Just over the limit: read, then refused.
    let over = vec![7u8; 10 * MIB + 1];
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{my}/session/{sid}/upload?chunkNumber=1"),
        &[("File", Some("big.pdf"), &over)],
    )
    .await
    .expect_error(402, "The maximum file size is exceeded (10 MB)");
    // Far over: refused from its Content-Length.
    let far = vec![7u8; 11 * MIB];
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{my}/session/{sid}"),
        &[("File", Some("big.pdf"), &far)],
    )
    .await
    .expect_error(402, "The maximum file size is exceeded");
    // Neither refused chunk was stored: after one full-size chunk the session holds exactly it.
    let ok = vec![1u8; 10 * MIB];
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{my}/session/{sid}/upload?chunkNumber=1"),
        &[("File", Some("big.pdf"), &ok)],
    )
    .await
    .expect(200);
    api.put(
        &format!("/api/2.0/files/{my}/session/{sid}/finalize"),
        json!({}),
    )
    .await
    .expect_error(400, &format!("received {} of {} bytes", 10 * MIB, 30 * MIB));
    assert!(!my_files(&api).await.iter().any(|t| t.starts_with("big")));
    assert_eq!(p.upload_bytes().0, 0, "every reservation was returned");
}

#[tokio::test]
async fn uploads_past_the_portal_budget_get_429_and_store_nothing() {
    let p = portal_with(|c| {
        c.upload_budget = 4 * MIB;
        c.rate_limits = docspace_devportal::RateLimits::off();
    })
    .await;
    let api = Api::owner(&p);
    // One upload larger than the whole budget can never fit.
    let r = api
        .multipart(
            Method::POST,
            "/api/2.0/files/@my/upload",
            &[("File", Some("huge.pdf"), &vec![1u8; 5 * MIB])],
        )
        .await;
    assert_eq!(r.status, 429, "{}", r.text());
    assert_eq!(
        r.headers.get("retry-after").and_then(|v| v.to_str().ok()),
        Some("1")
    );
    assert!(!my_files(&api).await.contains(&"huge.pdf".to_string()));
    // Twenty concurrent 1 MiB uploads: some fit, the rest are refused; memory held never passed
    // the budget, and exactly the accepted ones are stored.
    let mut tasks = Vec::new();
    for i in 0..20 {
        let api = api.clone();
        tasks.push(tokio::spawn(async move {
            let data = vec![i as u8; MIB];
            let name = format!("c{i:02}.pdf");
            let r = api
                .multipart(
                    Method::POST,
                    "/api/2.0/files/@my/upload",
                    &[("File", Some(&name), &data)],
                )
                .await;
            (name, r.status)
        }));
    }
    let mut accepted = Vec::new();
    for t in tasks {
        let (name, status) = t.await.expect("task");
        match status {
            200 => accepted.push(name),
            429 => {}
            other => panic!("{name}: unexpected {other}"),
        }
    }
    assert!(!accepted.is_empty(), "at least one upload fits");
    let (now, peak) = p.upload_bytes();
    assert_eq!(now, 0, "every reservation was returned");
    assert!(peak <= 4 * MIB, "peak {peak} stayed within the budget");
    assert!(peak >= MIB, "uploads were accounted ({peak})");
    let mut stored: Vec<String> = my_files(&api)
        .await
        .into_iter()
        .filter(|t| t.starts_with('c') && t.ends_with(".pdf"))
        .collect();
    stored.sort();
    accepted.sort();
    assert_eq!(stored, accepted);
    // With the budget free again, an upload goes through.
    api.multipart(
        Method::POST,
        "/api/2.0/files/@my/upload",
        &[("File", Some("after.pdf"), &vec![2u8; 3 * MIB])],
    )
    .await
    .expect(200);
}
