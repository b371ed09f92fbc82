//! Shared tests of rooms: every type's lifecycle, members and links, tags (see `suite`).

use std::collections::HashSet;

use docspace_api::Error;
use docspace_api::models::{
    ApiDateTime, Color, FileShare, FolderType, LifetimePeriod, LinkType, RoomLifetime, RoomType,
    SearchArea, SortBy, SortOrder, UserId,
};
use futures::TryStreamExt;

use super::suite::user_id;
use super::{Fixture, unique};

pub async fn rooms_of_every_type_through_their_lifecycle(fx: &Fixture) {
    let c = fx.owner();
    let tag = unique("t");
    for room_type in RoomType::ALL.iter().copied() {
        let title = unique(&format!("{room_type}"));
        let room = c
            .rooms()
            .create(&title, room_type)
            .color(Color::from_hex("5299e0").expect("color"))
            .tags([tag.as_str()])
            .quota(-2)
            .send()
            .await
            .unwrap_or_else(|e| panic!("create {room_type}: {e}"));
        assert_eq!(room.title, title);
        assert_eq!(room.room_type, Some(room_type));
        assert_eq!(room.folder_type, Some(room_type.folder_type()));
        assert_eq!(room.color(), Some("5299E0"));
        assert!(room.tags.contains(&tag));
        assert!(room.created.is_some());
    }

    let title = unique("Contracts");
    let room = c
        .rooms()
        .create(&title, RoomType::Custom)
        .deny_download(true)
        .lifetime(RoomLifetime::new(30, LifetimePeriod::Day))
        .send()
        .await
        .expect("custom room");
    assert!(room.deny_download);
    assert_eq!(room.lifetime.as_ref().map(|l| l.value), Some(30));
    let got = c.rooms().get(&room.id).await.expect("get");
    assert_eq!(got.id, room.id);

    let renamed = unique("Contracts v2");
    let updated = c
        .rooms()
        .update(&room.id)
        .title(&renamed)
        .color(Color::from_hex("112233").expect("color"))
        .deny_download(false)
        .send()
        .await
        .expect("update");
    assert_eq!(updated.title, renamed);
    assert_eq!(updated.color(), Some("112233"));
    assert!(!updated.deny_download);

    assert!(c.rooms().pin(&room.id).await.expect("pin").pinned);
    assert!(!c.rooms().unpin(&room.id).await.expect("unpin").pinned);
    let tagged = c
        .rooms()
        .add_tags(&room.id, ["a-tag", "b-tag"])
        .await
        .expect("tags");
    assert!(tagged.tags.contains(&"a-tag".to_string()));
    let untagged = c
        .rooms()
        .remove_tags(&room.id, ["a-tag"])
        .await
        .expect("untag");
    assert!(!untagged.tags.contains(&"a-tag".to_string()));

    let of_tag = c
        .rooms()
        .list()
        .tags([tag.as_str()])
        .send()
        .await
        .expect("by tag");
    assert_eq!(of_tag.folders.len(), RoomType::ALL.len());
    assert_eq!(of_tag.current.folder_type, Some(FolderType::VirtualRooms));
    let publics = c
        .rooms()
        .list()
        .tags([tag.as_str()])
        .room_type(RoomType::Public)
        .room_type(RoomType::Ai)
        .sort_by(SortBy::Title)
        .sort_order(SortOrder::Ascending)
        .send()
        .await
        .expect("by type");
    let kinds: HashSet<_> = publics.folders.iter().filter_map(|r| r.room_type).collect();
    assert_eq!(kinds, HashSet::from([RoomType::Public, RoomType::Ai]));
    let by_title = c
        .rooms()
        .list()
        .filter_value(&renamed)
        .send()
        .await
        .expect("search");
    assert_eq!(by_title.folders.len(), 1);

    let op = c.rooms().archive(&room.id).wait().await.expect("archive");
    assert!(op.finished && op.error().is_none());
    let archived = c
        .rooms()
        .list()
        .search_area(SearchArea::Archive)
        .filter_value(&renamed)
        .send()
        .await
        .expect("archive listing");
    assert_eq!(archived.folders.len(), 1);
    c.rooms()
        .unarchive(&room.id)
        .wait()
        .await
        .expect("unarchive");
    c.rooms()
        .delete(&room.id)
        .delete_after(false)
        .wait()
        .await
        .expect("delete");
    let gone = c.rooms().get(&room.id).await.expect_err("deleted");
    assert!(matches!(gone, Error::NotFound { .. }), "{gone:?}");
}

pub async fn room_members_and_links(fx: &Fixture) {
    let c = fx.owner();
    let guest = user_id(&c, "guest@example.com").await;
    let user = user_id(&c, "user@example.com").await;
    let room = c
        .rooms()
        .create(unique("Members"), RoomType::Custom)
        .invite_user(user.clone(), FileShare::Editing)
        .send()
        .await
        .expect("room");

    let security = c
        .rooms()
        .share(&room.id)
        .user(guest.clone(), FileShare::Read)
        .notify(false)
        .message("welcome")
        .send()
        .await
        .expect("share");
    assert!(security.is_ok());
    let members: Vec<_> = c
        .rooms()
        .members(&room.id)
        .count(1)
        .stream()
        .try_collect()
        .await
        .expect("members");
    let access_of = |id: &UserId| {
        members
            .iter()
            .find(|m| m.user().is_some_and(|u| &u.id == id))
            .map(|m| m.access)
    };
    assert_eq!(access_of(&guest), Some(FileShare::Read));
    assert_eq!(access_of(&user), Some(FileShare::Editing));
    assert!(members.iter().any(|m| m.is_owner));
    let page = c.rooms().members(&room.id).send().await.expect("page");
    assert_eq!(page.total, Some(members.len() as u64));

    c.rooms()
        .share(&room.id)
        .user(guest.clone(), FileShare::None)
        .send()
        .await
        .expect("remove");
    let after = c.rooms().members(&room.id).send().await.expect("after");
    assert!(
        !after
            .items
            .iter()
            .any(|m| m.user().is_some_and(|u| u.id == guest))
    );

    let in_a_week = ApiDateTime::from_timestamp(
        web_time::SystemTime::now()
            .duration_since(web_time::UNIX_EPOCH)
            .expect("clock")
            .as_secs() as i64
            + 7 * 86_400,
    )
    .expect("date");
    let link = c
        .rooms()
        .create_link(&room.id, LinkType::External)
        .title("auditors")
        .access(FileShare::Read)
        .expires(in_a_week)
        .deny_download(true)
        .send()
        .await
        .expect("create link");
    let shared = link.link().expect("a link entry").clone();
    assert_eq!(shared.title, "auditors");
    assert!(shared.deny_download && shared.share_link.is_some());
    let links = c
        .rooms()
        .links(&room.id, Some(LinkType::External))
        .await
        .expect("links");
    assert!(
        links
            .iter()
            .any(|l| l.link().is_some_and(|s| s.id == shared.id))
    );
    let all_links = c.rooms().links(&room.id, None).await.expect("all links");
    assert!(all_links.len() >= links.len());

    let renamed = c
        .rooms()
        .update_link(&room.id, shared.id.clone(), LinkType::External)
        .title("auditors 2")
        .access(FileShare::Read)
        .send()
        .await
        .expect("update link");
    assert_eq!(renamed.link().map(|l| l.title.as_str()), Some("auditors 2"));
    let primary = c.rooms().primary_link(&room.id).await.expect("primary");
    assert!(primary.link().is_some());
    c.rooms()
        .revoke_link(&room.id, shared.id.clone(), LinkType::External)
        .await
        .expect("revoke");
    let left = c
        .rooms()
        .links(&room.id, Some(LinkType::External))
        .await
        .expect("links");
    assert!(
        !left
            .iter()
            .any(|l| l.link().is_some_and(|s| s.id == shared.id))
    );

    let invitation = c
        .rooms()
        .create_link(&room.id, LinkType::Invitation)
        .access(FileShare::Read)
        .max_use_count(3)
        .send()
        .await
        .expect("invitation link");
    assert_eq!(
        invitation.link().and_then(|l| l.link_type),
        Some(LinkType::Invitation)
    );
}

pub async fn tags_lifecycle(fx: &Fixture) {
    let c = fx.owner();
    let name = unique("tag");
    assert_eq!(c.tags().create(&name).await.expect("create"), name);
    assert!(c.tags().list().send().await.expect("list").contains(&name));
    assert!(!c.tags().has_links(&name).await.expect("has links"));
    let room = c
        .rooms()
        .create(unique("Tagged"), RoomType::Custom)
        .tags([name.as_str()])
        .send()
        .await
        .expect("room");
    assert!(c.tags().has_links(&name).await.expect("has links"));
    let new_name = unique("tag2");
    assert_eq!(
        c.tags().rename(&name, &new_name).await.expect("rename"),
        new_name
    );
    let filtered = c
        .tags()
        .list()
        .filter_value(&new_name)
        .send()
        .await
        .expect("filtered");
    assert_eq!(filtered, vec![new_name.clone()]);
    assert!(
        c.rooms()
            .get(&room.id)
            .await
            .expect("room")
            .tags
            .contains(&new_name)
    );
    c.tags().delete([new_name.as_str()]).await.expect("delete");
    assert!(
        !c.tags()
            .list()
            .send()
            .await
            .expect("list")
            .contains(&new_name)
    );
}
