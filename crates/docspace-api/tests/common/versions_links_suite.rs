//! Test bodies for a file's versions and external links, run natively and in the browser
//! (DocSpace's behaviour they check: ONLYOFFICE/DocSpace-server
//! `products/ASC.Files/Server/Api/FilesController.cs` and `OperationController.cs`).

use docspace_api::models::{ApiDateTime, FileShare, LinkId, RoomType};
use docspace_api::{Client, Error};

use super::{Fixture, unique};

fn field(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

async fn versioned(
    c: &Client,
    name: &str,
) -> (docspace_api::models::FileId, docspace_api::models::FolderId) {
    let room = c
        .rooms()
        .create(unique("Versions"), RoomType::Custom)
        .send()
        .await
        .expect("room");
    let mut id = None;
    for body in [&b"one"[..], b"two!", b"three"] {
        id = Some(
            c.files()
                .upload(&room.id, name, body.to_vec())
                .send()
                .await
                .expect("upload")
                .id,
        );
    }
    (id.expect("file"), room.id)
}

pub async fn file_versions_lifecycle(fx: &Fixture) {
    let c = fx.owner();
    let (id, _room) = versioned(&c, "plan.txt").await;
    let h = c.files().history(&id).await.expect("history");
    let versions: Vec<u32> = h.iter().map(|f| f.version).collect();
    assert_eq!(versions, vec![3, 2, 1]);
    assert_eq!(h[0].version_group, Some(3));
    assert_eq!(h[0].comment.as_deref(), Some("Uploaded"));
    assert_eq!(h[2].comment.as_deref(), Some("Created"));

    let e = c.files().restore_version(&id, 1).await.expect("restore");
    assert_eq!(e.last().map(|v| (v.version, v.version_group)), Some((4, 4)));
    assert_eq!(
        c.files().history(&id).await.expect("history").len(),
        4,
        "later versions stay"
    );

    let h = c
        .files()
        .change_history(&id, 2)
        .continue_version(true)
        .send()
        .await
        .expect("continue");
    assert_eq!(
        h.iter()
            .find(|f| f.version == 3)
            .and_then(|f| f.version_group),
        Some(2)
    );

    let stored = c
        .files()
        .update_comment(&id, 1, "First draft")
        .await
        .expect("comment");
    assert_eq!(stored, "First draft");

    let ops = c
        .files()
        .delete_versions(&id, [1, 2])
        .wait()
        .await
        .expect("delete versions");
    assert!(
        ops.iter()
            .all(|o| o.error_message.as_deref().unwrap_or("").is_empty()),
        "{ops:?}"
    );
    let left: Vec<u32> = c
        .files()
        .history(&id)
        .await
        .expect("history")
        .iter()
        .map(|f| f.version)
        .collect();
    assert_eq!(left, vec![4, 3]);

    // The portal's refusals come back typed.
    let same = c
        .files()
        .restore_version(&id, 4)
        .await
        .expect_err("current version");
    assert!(matches!(same, Error::BadRequest { .. }), "{same:?}");
    let current = c
        .files()
        .delete_versions(&id, [4])
        .send()
        .await
        .expect_err("current");
    assert!(matches!(current, Error::Forbidden { .. }), "{current:?}");
    let missing = c
        .files()
        .restore_version(999_999, 1)
        .await
        .expect_err("missing");
    assert!(matches!(missing, Error::NotFound { .. }), "{missing:?}");
    let anon = fx
        .anonymous()
        .files()
        .history(&id)
        .await
        .expect_err("anonymous");
    assert!(
        matches!(anon, Error::Unauthorized { .. } | Error::Forbidden { .. }),
        "{anon:?}"
    );
}

pub async fn file_version_input_is_checked_before_sending(fx: &Fixture) {
    let c = fx.owner();
    let f = c.files();
    assert_eq!(
        field(&f.restore_version(1, 0).await.expect_err("0")),
        "version"
    );
    assert_eq!(
        field(&f.change_history(1, 0).send().await.expect_err("0")),
        "version"
    );
    assert_eq!(
        field(
            &f.update_comment(1, 1, "x".repeat(256))
                .await
                .expect_err("long")
        ),
        "comment"
    );
    assert_eq!(
        field(&f.delete_versions(1, []).send().await.expect_err("empty")),
        "versions"
    );
    assert_eq!(
        field(&f.delete_versions(1, [0]).send().await.expect_err("zero")),
        "versions"
    );
    let l = |p: &str| {
        f.create_link(1, FileShare::Read)
            .password(p.to_string())
            .send()
    };
    assert_eq!(field(&l("short").await.expect_err("short")), "password");
    assert_eq!(
        field(&l("has spaces in it").await.expect_err("space")),
        "password"
    );
    assert_eq!(
        field(&l(&"x".repeat(31)).await.expect_err("long")),
        "password"
    );
    let bad = f
        .update_link(1, LinkId::from("nope"), FileShare::Read)
        .send()
        .await
        .expect_err("id");
    assert_eq!(field(&bad), "link_id");
    let far: ApiDateTime = "2099-01-01T00:00:00.0000000Z".parse().expect("date");
    let e = f
        .create_link(1, FileShare::Read)
        .expires(far)
        .send()
        .await
        .expect_err("far");
    assert_eq!(field(&e), "expiration_date");
    let e = f
        .create_link(1, FileShare::Unknown(77))
        .send()
        .await
        .expect_err("access");
    assert_eq!(field(&e), "access");
    let e = f
        .create_link(1, FileShare::Read)
        .title(" ")
        .send()
        .await
        .expect_err("title");
    assert_eq!(field(&e), "title");
}

pub async fn file_links_lifecycle(fx: &Fixture) {
    let c = fx.owner();
    let (id, _room) = versioned(&c, "shared.txt").await;
    let primary = c.files().primary_link(&id).await.expect("primary");
    let pl = primary.link().expect("link").clone();
    assert!(
        pl.primary && primary.access == FileShare::Read,
        "{primary:?}"
    );
    assert!(
        pl.share_link
            .as_deref()
            .is_some_and(|u| u.contains("share=")),
        "{pl:?}"
    );

    let extra = c
        .files()
        .create_link(&id, FileShare::Editing)
        .title("Partners")
        .password("s3cret-pw")
        .deny_download(true)
        .send()
        .await
        .expect("create");
    let el = extra.link().expect("link").clone();
    assert_eq!(
        (el.title.as_str(), el.deny_download, el.primary),
        ("Partners", true, false)
    );
    assert_eq!(el.password.as_deref(), Some("s3cret-pw"));
    assert_eq!(c.files().links(&id).await.expect("links").len(), 2);

    let changed = c
        .files()
        .update_link(&id, el.id.clone(), FileShare::Read)
        .send()
        .await
        .expect("update");
    let cl = changed.link().expect("link");
    assert_eq!(
        (cl.id.clone(), cl.deny_download, cl.password.clone()),
        (el.id.clone(), false, None)
    );

    c.files()
        .revoke_link(&id, el.id.clone())
        .await
        .expect("revoke");
    let left = c.files().links(&id).await.expect("links");
    assert_eq!(left.len(), 1);
    assert!(left[0].link().is_some_and(|l| l.primary));

    // The portal's limits come back typed.
    let role = c
        .files()
        .create_link(&id, FileShare::RoomManager)
        .send()
        .await
        .expect_err("role");
    assert!(matches!(role, Error::Forbidden { .. }), "{role:?}");
    for _ in 0..6 {
        c.files()
            .create_link(&id, FileShare::Read)
            .send()
            .await
            .expect("within the limit");
    }
    let over = c
        .files()
        .create_link(&id, FileShare::Read)
        .send()
        .await
        .expect_err("7th");
    match over {
        Error::Forbidden { message } => assert!(message.contains("may not exceed 6"), "{message}"),
        other => panic!("expected Forbidden, got {other:?}"),
    }
    let missing = c.files().links(999_999).await.expect_err("missing");
    assert!(matches!(missing, Error::NotFound { .. }), "{missing:?}");
}
