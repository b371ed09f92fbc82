//! Shared tests of portal-wide behaviour: the CSP list and how errors map to variants (see `suite`).

use docspace_api::models::Scope;
use docspace_api::{Client, Error};

use super::{Fixture, unique};

pub async fn csp_round_trip(fx: &Fixture) {
    let c = fx.owner();
    let before = c.security().csp().await.expect("csp");
    let anon = fx
        .anonymous()
        .security()
        .csp()
        .await
        .expect("anonymous csp");
    assert_eq!(anon.domains, before.domains);
    let extra = format!("https://{}.example.org", unique("app").replace(' ', "-"));
    let with = c
        .security()
        .set_csp()
        .domains(before.domains.clone())
        .domain(&extra)
        .send()
        .await
        .expect("set");
    assert!(with.allows(&extra));
    assert!(
        with.header
            .as_deref()
            .is_some_and(|h| h.contains(extra.trim_start_matches("https://")))
    );
    let restored = c
        .security()
        .set_csp()
        .domains(before.domains.clone())
        .send()
        .await
        .expect("restore");
    assert!(!restored.allows(&extra));
    let denied = fx
        .anonymous()
        .security()
        .set_csp()
        .domain(&extra)
        .send()
        .await
        .expect_err("anonymous");
    assert!(matches!(denied, Error::Unauthorized { .. }), "{denied:?}");
}

pub async fn portal_errors_map_to_variants(fx: &Fixture) {
    let c = fx.owner();
    let missing = c.rooms().get(987_654_321).await.expect_err("no such room");
    match &missing {
        Error::NotFound { message } => assert!(!message.is_empty()),
        other => panic!("{other:?}"),
    }
    let bad = c
        .keys()
        .create("bad scopes")
        .permissions([Scope::Unknown("nonsense:scope".into())])
        .send()
        .await
        .expect_err("unknown scope");
    assert!(matches!(bad, Error::BadRequest { .. }), "{bad:?}");
    assert_eq!(bad.status(), Some(400));

    let wrong = Client::builder(&fx.base_url)
        .api_key(format!("sk-{}", "2".repeat(64)))
        .build()
        .expect("client");
    let e = wrong.people().me().await.expect_err("wrong key");
    assert!(matches!(e, Error::Unauthorized { .. }), "{e:?}");

    // Guests may not see the people list: a 403 with DocSpace's message.
    let guest = fx.anonymous();
    let forbidden = guest
        .rooms()
        .list()
        .send()
        .await
        .expect_err("anonymous rooms");
    assert!(
        matches!(forbidden, Error::Unauthorized { .. }),
        "{forbidden:?}"
    );

    let dead = Client::builder("http://127.0.0.1:9")
        .build()
        .expect("client");
    let e = dead
        .people()
        .me()
        .await
        .expect_err("nothing listens on port 9");
    assert!(matches!(e, Error::Network(_)), "{e:?}");

    let failed = docspace_api::models::FileOperation {
        id: "op-1".into(),
        operation: None,
        progress: 100,
        error_message: Some("disk full".into()),
        processed: None,
        finished: true,
        url: None,
        files: vec![],
        folders: vec![],
        status: None,
    };
    let e = c
        .operations()
        .wait(&failed)
        .send()
        .await
        .expect_err("failed op");
    assert_eq!(
        e,
        Error::OperationFailed {
            id: "op-1".into(),
            message: "disk full".into()
        }
    );
}
