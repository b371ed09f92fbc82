//! The shared test of the client's own input checks, made before anything is sent (see `suite`).

use docspace_api::Client;
use docspace_api::models::{
    ApiDateTime, Color, EmployeeType, FileShare, LifetimePeriod, LinkType, RoomLifetime, RoomType,
};
use futures::TryStreamExt;

use super::Fixture;
use super::suite::field;

pub async fn invalid_input_is_rejected_before_sending(fx: &Fixture) {
    // A client pointed at a dead port: any request that went out would be a network error.
    let _ = fx;
    let c = Client::builder("http://127.0.0.1:9")
        .api_key("sk-x")
        .build()
        .expect("client");
    let r = c.rooms();
    assert_eq!(
        field(&r.create("", RoomType::Custom).send().await.unwrap_err()),
        "title"
    );
    assert_eq!(
        field(
            &r.create("x".repeat(171), RoomType::Custom)
                .send()
                .await
                .unwrap_err()
        ),
        "title"
    );
    assert_eq!(
        field(&r.create("a\nb", RoomType::Custom).send().await.unwrap_err()),
        "title"
    );
    assert_eq!(
        field(
            &r.create("ok", RoomType::Unknown(3))
                .send()
                .await
                .unwrap_err()
        ),
        "room_type"
    );
    assert_eq!(field(&Color::from_hex("12345").unwrap_err()), "color");
    assert_eq!(
        field(
            &r.create("ok", RoomType::Custom)
                .quota(-3)
                .send()
                .await
                .unwrap_err()
        ),
        "quota"
    );
    assert_eq!(
        field(
            &r.create("ok", RoomType::Custom)
                .tags([""])
                .send()
                .await
                .unwrap_err()
        ),
        "tags"
    );
    assert_eq!(
        field(
            &r.create("ok", RoomType::Custom)
                .lifetime(RoomLifetime::new(0, LifetimePeriod::Day))
                .send()
                .await
                .unwrap_err()
        ),
        "lifetime.value"
    );
    assert_eq!(
        field(
            &r.create("ok", RoomType::Public)
                .invite_email("a@b.example", FileShare::Read)
                .send()
                .await
                .unwrap_err()
        ),
        "share.access"
    );
    assert_eq!(field(&r.list().count(0).send().await.unwrap_err()), "count");
    assert_eq!(
        field(&r.list().count(101).send().await.unwrap_err()),
        "count"
    );
    let first = r
        .list()
        .count(101)
        .stream()
        .try_collect::<Vec<_>>()
        .await
        .unwrap_err();
    assert_eq!(field(&first), "count");
    assert_eq!(
        field(&r.update(1).title(" ").send().await.unwrap_err()),
        "title"
    );
    assert_eq!(
        field(&r.add_tags(1, Vec::<String>::new()).await.unwrap_err()),
        "names"
    );
    assert_eq!(field(&r.share(1).send().await.unwrap_err()), "invitations");
    assert_eq!(
        field(
            &r.share(1)
                .email("nope", FileShare::Read)
                .send()
                .await
                .unwrap_err()
        ),
        "email"
    );
    assert_eq!(
        field(
            &r.share(1)
                .user("x", FileShare::Read)
                .send()
                .await
                .unwrap_err()
        ),
        "id"
    );
    assert_eq!(
        field(
            &r.create_link(1, LinkType::Invitation)
                .max_use_count(0)
                .send()
                .await
                .unwrap_err()
        ),
        "max_use_count"
    );
    assert_eq!(
        field(
            &r.create_link(1, LinkType::External)
                .expires(ApiDateTime::from_timestamp(0).unwrap())
                .send()
                .await
                .unwrap_err()
        ),
        "expiration_date"
    );
    assert_eq!(
        field(
            &r.create_link(1, LinkType::External)
                .title("")
                .send()
                .await
                .unwrap_err()
        ),
        "title"
    );
    assert_eq!(
        field(&c.folders().create(1, "").await.unwrap_err()),
        "title"
    );
    assert_eq!(
        field(&c.folders().rename(1, "y".repeat(166)).await.unwrap_err()),
        "title"
    );
    assert_eq!(
        field(&c.folders().contents(1).count(0).send().await.unwrap_err()),
        "count"
    );
    assert_eq!(
        field(&c.files().create(1, "\u{7}").send().await.unwrap_err()),
        "title"
    );
    assert_eq!(field(&c.files().rename(1, "").await.unwrap_err()), "title");
    assert_eq!(
        field(&c.files().upload(1, "", vec![1]).send().await.unwrap_err()),
        "file_name"
    );
    assert_eq!(
        field(
            &c.uploads()
                .chunked(1, "a", Vec::new())
                .send()
                .await
                .unwrap_err()
        ),
        "data"
    );
    assert_eq!(
        field(&c.operations().copy(1).send().await.unwrap_err()),
        "files"
    );
    assert_eq!(
        field(&c.operations().delete().send().await.unwrap_err()),
        "files"
    );
    assert_eq!(field(&c.tags().create("").await.unwrap_err()), "name");
    assert_eq!(
        field(&c.tags().rename("a", "").await.unwrap_err()),
        "new_name"
    );
    assert_eq!(
        field(&c.tags().delete(Vec::<String>::new()).await.unwrap_err()),
        "names"
    );
    assert_eq!(
        field(&c.tags().list().count(500).send().await.unwrap_err()),
        "count"
    );
    assert_eq!(
        field(&c.keys().create("").send().await.unwrap_err()),
        "name"
    );
    assert_eq!(
        field(&c.keys().create("x".repeat(31)).send().await.unwrap_err()),
        "name"
    );
    assert_eq!(
        field(
            &c.keys()
                .create("ok")
                .expires_in_days(0)
                .send()
                .await
                .unwrap_err()
        ),
        "expires_in_days"
    );
    assert_eq!(field(&c.keys().delete("../x").await.unwrap_err()), "id");
    assert_eq!(field(&c.keys().update("x").send().await.unwrap_err()), "id");
    assert_eq!(
        field(&c.people().get("not-a-guid").await.unwrap_err()),
        "id"
    );
    assert_eq!(
        field(&c.people().list().count(0).send().await.unwrap_err()),
        "count"
    );
    assert_eq!(
        field(&c.people().invite().send().await.unwrap_err()),
        "invitations"
    );
    assert_eq!(
        field(
            &c.people()
                .invite()
                .email("bad", EmployeeType::User)
                .send()
                .await
                .unwrap_err()
        ),
        "email"
    );
    assert_eq!(
        field(
            &c.people()
                .invite()
                .email("a@b.example", EmployeeType::All)
                .send()
                .await
                .unwrap_err()
        ),
        "type"
    );
    assert_eq!(
        field(
            &c.security()
                .set_csp()
                .domain("exämple.com")
                .send()
                .await
                .unwrap_err()
        ),
        "domains"
    );
    assert_eq!(
        field(&c.auth().login("", "pw").send().await.unwrap_err()),
        "user_name"
    );
    assert_eq!(
        field(&c.auth().login("a@b.c", "").send().await.unwrap_err()),
        "password"
    );
    assert_eq!(
        field(
            &c.operations()
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
                .await
                .unwrap_err()
        ),
        "poll_interval"
    );
    let bad_url = Client::builder("ftp://x").build().unwrap_err();
    assert_eq!(field(&bad_url), "base_url");
    assert_eq!(c.metrics().requests_sent, 0, "nothing was sent");
}
