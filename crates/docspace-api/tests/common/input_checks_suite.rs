//! The shared test of the client's own input checks, made before anything is sent (see `suite`).

use docspace_api::Client;
use docspace_api::models::{
    ApiDateTime, Color, EmployeeType, FileShare, LifetimePeriod, LinkType, RoomLifetime, RoomType,
};
use futures::TryStreamExt;

use super::Fixture;
use super::suite::field;
use docspace_api::Error;

pub async fn invalid_input_is_rejected_before_sending(fx: &Fixture) {
    // A client pointed at a dead port: any request that went out would be a network error.
    let _ = fx;
    let c = Client::builder("http://127.0.0.1:9")
        .api_key("sk-x")
        .build()
        .expect("client");
    let r = c.rooms();
    assert_eq!(
        refused(r.create("", RoomType::Custom).send()).await,
        "title"
    );
    assert_eq!(
        refused(r.create("x".repeat(171), RoomType::Custom).send()).await,
        "title"
    );
    assert_eq!(
        refused(r.create("a\nb", RoomType::Custom).send()).await,
        "title"
    );
    assert_eq!(
        refused(r.create("ok", RoomType::Unknown(3)).send()).await,
        "room_type"
    );
    assert_eq!(field(&Color::from_hex("12345").unwrap_err()), "color");
    assert_eq!(
        refused(r.create("ok", RoomType::Custom).quota(-3).send()).await,
        "quota"
    );
    assert_eq!(
        refused(r.create("ok", RoomType::Custom).tags([""]).send()).await,
        "tags"
    );
    assert_eq!(
        refused(
            r.create("ok", RoomType::Custom)
                .lifetime(RoomLifetime::new(0, LifetimePeriod::Day))
                .send()
        )
        .await,
        "lifetime.value"
    );
    assert_eq!(
        refused(
            r.create("ok", RoomType::Public)
                .invite_email("a@b.example", FileShare::Read)
                .send()
        )
        .await,
        "share.access"
    );
    assert_eq!(refused(r.list().count(0).send()).await, "count");
    assert_eq!(refused(r.list().count(101).send()).await, "count");
    let first = r
        .list()
        .count(101)
        .stream()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(field(&first), "count");
    assert_eq!(refused(r.update(1).title(" ").send()).await, "title");
    assert_eq!(refused(r.add_tags(1, Vec::<String>::new())).await, "names");
    assert_eq!(refused(r.share(1).send()).await, "invitations");
    assert_eq!(
        refused(r.share(1).email("nope", FileShare::Read).send()).await,
        "email"
    );
    assert_eq!(
        refused(r.share(1).user("x", FileShare::Read).send()).await,
        "id"
    );
    assert_eq!(
        refused(
            r.create_link(1, LinkType::Invitation)
                .max_use_count(0)
                .send()
        )
        .await,
        "max_use_count"
    );
    assert_eq!(
        refused(
            r.create_link(1, LinkType::External)
                .expires(ApiDateTime::from_timestamp(0).unwrap())
                .send()
        )
        .await,
        "expiration_date"
    );
    assert_eq!(
        refused(r.create_link(1, LinkType::External).title("").send()).await,
        "title"
    );
    assert_eq!(refused(c.folders().create(1, "")).await, "title");
    assert_eq!(
        refused(c.folders().rename(1, "y".repeat(166))).await,
        "title"
    );
    assert_eq!(
        refused(c.folders().contents(1).count(0).send()).await,
        "count"
    );
    assert_eq!(refused(c.files().create(1, "\u{7}").send()).await, "title");
    assert_eq!(refused(c.files().rename(1, "")).await, "title");
    assert_eq!(
        refused(c.files().upload(1, "", vec![1]).send()).await,
        "file_name"
    );
    assert_eq!(
        refused(c.uploads().chunked(1, "a", Vec::new()).send()).await,
        "data"
    );
    assert_eq!(refused(c.operations().copy(1).send()).await, "files");
    assert_eq!(refused(c.operations().delete().send()).await, "files");
    assert_eq!(refused(c.tags().create("")).await, "name");
    assert_eq!(refused(c.tags().rename("a", "")).await, "new_name");
    assert_eq!(
        refused(c.tags().delete(Vec::<String>::new())).await,
        "names"
    );
    assert_eq!(refused(c.tags().list().count(500).send()).await, "count");
    assert_eq!(refused(c.keys().create("").send()).await, "name");
    assert_eq!(
        refused(c.keys().create("x".repeat(31)).send()).await,
        "name"
    );
    assert_eq!(
        refused(c.keys().create("ok").expires_in_days(0).send()).await,
        "expires_in_days"
    );
    assert_eq!(refused(c.keys().delete("../x")).await, "id");
    assert_eq!(refused(c.keys().update("x").send()).await, "id");
    assert_eq!(refused(c.people().get("not-a-guid")).await, "id");
    assert_eq!(refused(c.people().list().count(0).send()).await, "count");
    assert_eq!(refused(c.people().invite().send()).await, "invitations");
    assert_eq!(
        refused(c.people().invite().email("bad", EmployeeType::User).send()).await,
        "email"
    );
    assert_eq!(
        refused(
            c.people()
                .invite()
                .email("a@b.example", EmployeeType::All)
                .send()
        )
        .await,
        "type"
    );
    assert_eq!(
        refused(c.security().set_csp().domain("exämple.com").send()).await,
        "domains"
    );
    assert_eq!(refused(c.auth().login("", "pw").send()).await, "user_name");
    assert_eq!(
        refused(c.auth().login("a@b.c", "").send()).await,
        "password"
    );
    assert_eq!(
        refused(
            c.operations()
                .wait(&docspace_api::models::FileOperation {
                    id: "x".into(),
                    operation: None,
                    progress: 0,
                    error_message: None,
                    processed: None,
                    finished: false,
                    url: None,
                    files: vec![],
                    folders: vec![],
                    status: None,
                })
                .poll_interval(std::time::Duration::ZERO)
                .send()
        )
        .await,
        "poll_interval"
    );
    let bad_url = Client::builder("ftp://x").build().unwrap_err();
    assert_eq!(field(&bad_url), "base_url");
    assert_eq!(c.metrics().requests_sent, 0, "nothing was sent");
}

/// The field a request's own check names: it is awaited, and must be refused before anything
/// is sent (the client points at a dead port, so a request that went out fails otherwise).
async fn refused<T: std::fmt::Debug>(
    request: impl std::future::Future<Output = Result<T, Error>>,
) -> &'static str {
    match request.await {
        Err(e) => field(&e),
        Ok(v) => panic!("expected a refusal, got {v:?}"),
    }
}
