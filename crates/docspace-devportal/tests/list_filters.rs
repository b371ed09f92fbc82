//! The `extension` filter of folder listings takes user text: it must be bound as data, so quotes
//! neither break the query nor are dropped, and `%` and `_` are literal characters rather than
//! LIKE wildcards that widen the match.

mod common;

use common::{Api, portal, titles};
use serde_json::json;

#[tokio::test]
async fn the_extension_filter_treats_quotes_and_wildcards_as_text() {
    let p = portal().await;
    let api = Api::owner(&p);
    let folder = api
        .post_ok(
            "/api/2.0/files/folder/@my",
            json!({ "title": "ext filter" }),
        )
        .await["id"]
        .as_i64()
        .expect("folder id");
    for t in [
        "plain.txt",
        "quote.it's",
        "pct.5%",
        "fifty.50",
        "under.a_c",
        "abc.abc",
    ] {
        let made = api
            .post_ok(
                &format!("/api/2.0/files/{folder}/file"),
                json!({ "title": t, "enableExternalExt": true }),
            )
            .await;
        assert_eq!(made["title"], t, "created under its own name");
    }
    let listed = |ext: &'static str| {
        let api = api.clone();
        async move {
            let r = api
                .get_ok(&format!("/api/2.0/files/{folder}?extension={ext}"))
                .await;
            let mut t = titles(&r, "files");
            t.sort();
            t
        }
    };
    // A quote is part of the extension, not stripped or fatal.
    assert_eq!(listed("it%27s").await, vec!["quote.it's"]);
    assert_eq!(
        listed(".IT%27S").await,
        vec!["quote.it's"],
        "case-insensitive"
    );
    // `%` and `_` match only themselves.
    assert_eq!(listed("5%25").await, vec!["pct.5%"]);
    assert_eq!(listed("a_c").await, vec!["under.a_c"]);
    assert!(listed("%25").await.is_empty(), "a bare % matches nothing");
    assert!(
        listed("___").await.is_empty(),
        "underscores are not wildcards"
    );
    assert_eq!(listed("txt").await, vec!["plain.txt"]);
}
