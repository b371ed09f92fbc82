//! Test bodies for room templates, run natively and in the browser (DocSpace's behaviour they
//! check: ONLYOFFICE/DocSpace-server `products/ASC.Files/Server/Api/RoomTemplatesController.cs`,
//! `VirtualRoomsController.cs` `rooms/fromTemplate`, and the checks of `FileStorageService`
//! `CreateRoomTemplateAsync`/`CreateRoomFromTemplateAsync`).

use docspace_api::models::{Color, RoomId, RoomType};
use docspace_api::{Client, Error};
use futures::TryStreamExt;

use super::{Fixture, unique};

async fn signed_in(fx: &Fixture, email: &str) -> Client {
    let c = fx.anonymous();
    c.auth()
        .login(email, &fx.password)
        .send()
        .await
        .expect("login");
    c
}

/// A room with a tag, a file at its root and a folder holding another file.
async fn source(c: &Client) -> RoomId {
    let room = c
        .rooms()
        .create(unique("Source"), RoomType::Editing)
        .tags(["src"])
        .deny_download(true)
        .send()
        .await
        .expect("room");
    c.files()
        .upload(&room.id, "readme.txt", b"text".to_vec())
        .send()
        .await
        .expect("upload");
    let folder = c
        .folders()
        .create(&room.id, "Drafts")
        .await
        .expect("folder");
    c.files()
        .upload(&folder.id, "draft.txt", b"text".to_vec())
        .send()
        .await
        .expect("upload");
    room.id
}

async fn template_titles(c: &Client) -> Vec<String> {
    let list: Vec<_> = c
        .templates()
        .list()
        .stream()
        .try_collect()
        .await
        .expect("templates");
    list.into_iter().map(|r| r.title).collect()
}

fn failure(e: Error) -> String {
    match e {
        Error::OperationFailed { message, .. } => message,
        other => panic!("expected OperationFailed, got {other:?}"),
    }
}

pub async fn room_templates_lifecycle(fx: &Fixture) {
    let c = fx.owner();
    let room = source(&c).await;
    let name = unique("Template");
    let saved = c
        .templates()
        .save(&room)
        .title(&name)
        .tags(["tpl"])
        .color(Color::from_hex("aa0000").expect("color"))
        .wait()
        .await
        .expect("save");
    assert!(saved.is_completed && saved.error().is_none(), "{saved:?}");
    let template = saved.template_id.clone().expect("template id");
    assert_eq!(
        c.templates().save_status().await.expect("status"),
        Some(saved)
    );
    assert!(template_titles(&c).await.contains(&name));
    let t = c.rooms().get(&template).await.expect("template");
    assert_eq!(t.tags, vec!["tpl".to_string()]);
    assert!(t.deny_download, "the room's settings are copied");

    let title = unique("From template");
    let made = c
        .templates()
        .create_room(&template, &title)
        .tags(["x"])
        .color(Color::from_hex("00AA00").expect("color"))
        .wait()
        .await
        .expect("create room");
    let id = made.room_id.clone().expect("room id");
    assert_eq!(
        c.templates().create_room_status().await.expect("status"),
        Some(made)
    );
    let r = c.rooms().get(&id).await.expect("room");
    assert_eq!(r.title, title);
    assert_eq!(r.room_type, Some(RoomType::Editing));
    assert_eq!(r.tags, vec!["x".to_string()]);
    assert_eq!(r.logo.and_then(|l| l.color).as_deref(), Some("00AA00"));
    let content = c.folders().contents(&id).send().await.expect("contents");
    let files: Vec<_> = content.files.iter().map(|f| f.title.as_str()).collect();
    let folders: Vec<_> = content.folders.iter().map(|f| f.title.as_str()).collect();
    assert_eq!((files, folders), (vec!["readme.txt"], vec!["Drafts"]));
    assert!(!template_titles(&c).await.contains(&title));

    // Public: others may find and use it; private again: they may not.
    assert!(!c.templates().is_public(&template).await.expect("public?"));
    let ra = signed_in(fx, "roomadmin@example.com").await;
    assert!(!template_titles(&ra).await.contains(&name));
    let e = ra
        .templates()
        .create_room(&template, "Try")
        .wait()
        .await
        .unwrap_err();
    assert_eq!(
        failure(e),
        "You don't have enough permission to view the folder content"
    );
    assert!(matches!(
        ra.templates().set_public(&template, true).await,
        Err(Error::Forbidden { .. })
    ));
    c.templates()
        .set_public(&template, true)
        .await
        .expect("make public");
    assert!(ra.templates().is_public(&template).await.expect("public?"));
    assert!(template_titles(&ra).await.contains(&name));
    let made = ra
        .templates()
        .create_room(&template, unique("Mine"))
        .wait()
        .await
        .expect("room from a public template");
    assert!(made.room_id.is_some());
    c.templates()
        .set_public(&template, false)
        .await
        .expect("make private");
    assert!(!template_titles(&ra).await.contains(&name));
}

pub async fn room_template_refusals(fx: &Fixture) {
    let owner = fx.owner();
    let room = source(&owner).await;
    // A user may not save someone else's room; the refusal is in the status.
    let user = signed_in(fx, "user@example.com").await;
    let first = user.templates().save(&room).send().await.expect("status");
    assert!(
        first.is_completed && first.template_id.is_none(),
        "{first:?}"
    );
    assert_eq!(
        first.error(),
        Some("You don't have enough permission to view the folder content")
    );
    let e = user.templates().save(&room).wait().await.unwrap_err();
    assert!(failure(e).contains("permission"));
    // A public template still may not give a user a room: users create no rooms.
    let t = owner
        .templates()
        .save(&room)
        .public(true)
        .wait()
        .await
        .expect("save")
        .template_id
        .expect("template");
    let e = user
        .templates()
        .create_room(&t, "Nope")
        .wait()
        .await
        .unwrap_err();
    assert_eq!(failure(e), "You don't have enough permission to create");
}

pub async fn room_template_input_is_checked_before_sending(fx: &Fixture) {
    // Nothing listens here: each error must come from the builder.
    let c = Client::builder("http://127.0.0.1:9")
        .api_key(&fx.api_key)
        .build()
        .expect("client");
    let field = |e: Error| match e {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    };
    assert_eq!(
        field(c.templates().create_room(5, " ").send().await.unwrap_err()),
        "title"
    );
    assert_eq!(
        field(
            c.templates()
                .save(5)
                .title("x".repeat(171))
                .send()
                .await
                .unwrap_err()
        ),
        "title"
    );
    assert_eq!(
        field(
            c.templates()
                .save(5)
                .share_with("not an e-mail")
                .send()
                .await
                .unwrap_err()
        ),
        "share"
    );
}
