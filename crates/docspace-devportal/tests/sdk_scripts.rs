//! The official api.js is served at DocSpace's script paths.

mod common;

use common::{get, portal};

#[tokio::test]
async fn both_official_sdk_versions_are_served() {
    let p = portal().await;
    for v in ["2.0.0", "2.1.0"] {
        let (status, body) = get(&p, &format!("/static/scripts/sdk/{v}/api.js"), None).await;
        assert_eq!(status, 200, "api.js {v}: {body}");
        assert!(
            body.contains("initFrame"),
            "api.js {v} does not look like the DocSpace SDK"
        );
    }
    let (status, body) = get(&p, "/static/scripts/sdk/9.9.9/api.js", None).await;
    assert_eq!(status, 404);
    assert!(body.contains("not available"), "{body}");
}
