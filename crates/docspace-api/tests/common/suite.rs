//! Integration test bodies, run natively against an in-process devportal and in headless Chromium
//! against the devportal `cargo xtask test` starts. They share one portal in the browser, so each
//! works on items it creates under unique names and never assumes an empty portal.

use std::collections::HashSet;
use std::sync::{Arc, Mutex};

use docspace_api::api::UploadProgress;
use docspace_api::models::{
    ApiDateTime, Color, ConflictResolve, EmployeeType, Entry, FileShare, FolderType,
    LifetimePeriod, LinkType, RoomLifetime, RoomType, Scope, SearchArea, SortBy, SortOrder, UserId,
};
use docspace_api::{Auth, Client, Error};
use futures::TryStreamExt;

pub use super::people_suite::*;
use super::{Fixture, unique};

fn field(e: &Error) -> &'static str {
    match e {
        Error::InvalidInput { field, .. } => field,
        other => panic!("expected InvalidInput, got {other:?}"),
    }
}

async fn user_id(client: &Client, email: &str) -> UserId {
    let all: Vec<_> = client
        .people()
        .list()
        .stream()
        .try_collect()
        .await
        .expect("people");
    all.into_iter()
        .find(|u| u.email.as_deref() == Some(email))
        .unwrap_or_else(|| panic!("{email} is not on the portal"))
        .id
}

fn bytes_of(n: usize, seed: u8) -> Vec<u8> {
    (0..n)
        .map(|i| (i as u8).wrapping_mul(31).wrapping_add(seed))
        .collect()
}

pub async fn people_me_get_list_and_invite(fx: &Fixture) {
    let c = fx.owner();
    let me = c.people().me().await.expect("me");
    assert_eq!(me.email.as_deref(), Some("owner@example.com"));
    assert!(me.is_owner);
    assert_eq!(me.employee_type(), EmployeeType::DocSpaceAdmin);
    let again = c.people().get(&me.id).await.expect("get");
    assert_eq!(again.id, me.id);

    let page = c.people().list().count(2).send().await.expect("page");
    assert!(page.items.len() <= 2);
    let total = page.total.expect("people lists carry a total");
    let all: Vec<_> = c
        .people()
        .list()
        .count(2)
        .stream()
        .try_collect()
        .await
        .expect("all");
    assert_eq!(all.len() as u64, total);
    let ids: HashSet<_> = all.iter().map(|u| u.id.clone()).collect();
    assert_eq!(ids.len(), all.len(), "no user twice");
    assert!(
        all.iter()
            .any(|u| u.email.as_deref() == Some("guest@example.com"))
    );

    let room_admins = c
        .people()
        .list()
        .employee_type(EmployeeType::RoomAdmin)
        .send()
        .await
        .expect("room admins");
    assert!(!room_admins.items.is_empty());
    assert!(room_admins.items.iter().all(|u| u.is_room_admin));

    let email = format!("{}@example.com", unique("invitee").replace(' ', "-"));
    let pending = c
        .people()
        .invite()
        .email(&email, EmployeeType::User)
        .send()
        .await
        .expect("invite");
    assert!(
        pending
            .iter()
            .any(|p| !p.display_name.is_empty() || p.id.as_str().len() == 36)
    );
    let found = c
        .people()
        .list()
        .filter_value(&email)
        .send()
        .await
        .expect("filter");
    let _ = found; // Pending users are listed by status filters only on some portals.

    let missing = c
        .people()
        .get("00000000-0000-4000-8000-00000000dead")
        .await
        .expect_err("no such user");
    assert!(matches!(missing, Error::NotFound { .. }), "{missing:?}");
}

pub async fn login_with_a_client_side_hash_then_logout(fx: &Fixture) {
    let anon = fx.anonymous();
    let settings = anon.auth().settings().await.expect("settings");
    let params = settings
        .password_hash
        .expect("anonymous callers get the hash parameters");
    assert!(params.iterations > 0 && params.size == 256 && !params.salt.is_empty());
    assert!(
        !anon
            .auth()
            .is_authenticated()
            .await
            .expect("anonymous check")
    );

    let token = anon
        .auth()
        .login("owner@example.com", &fx.password)
        .send()
        .await
        .expect("login");
    assert!(token.token.is_some() && !token.needs_second_factor());
    assert!(token.expires.is_some_and(|e| !e.is_unset()));
    assert!(matches!(anon.credentials(), Auth::Token(_)));
    assert!(!format!("{:?}", anon.credentials()).contains(token.token.as_ref().unwrap().expose()));
    assert!(anon.auth().is_authenticated().await.expect("check"));
    assert!(anon.people().me().await.expect("me").is_owner);

    // The token works on its own, in another client.
    let raw = token.token.clone().expect("token");
    let other = Client::builder(&fx.base_url)
        .token(raw.expose())
        .build()
        .expect("client");
    assert!(other.people().me().await.is_ok());

    anon.auth().logout().await.expect("logout");
    assert_eq!(anon.credentials(), Auth::None);
    let after = other.people().me().await.expect_err("the token is gone");
    assert!(matches!(after, Error::Unauthorized { .. }), "{after:?}");

    let wrong = fx
        .anonymous()
        .auth()
        .login("owner@example.com", "not the password")
        .send()
        .await
        .expect_err("wrong password");
    assert!(matches!(wrong, Error::Unauthorized { .. }), "{wrong:?}");
}

pub async fn api_keys_lifecycle_and_scopes(fx: &Fixture) {
    let c = fx.owner();
    let scopes = c.keys().permissions().await.expect("permissions");
    assert!(scopes.contains(&Scope::RoomsRead) && scopes.contains(&Scope::FilesWrite));

    let name = unique("k").chars().take(30).collect::<String>();
    let key = c
        .keys()
        .create(&name)
        .permissions([Scope::RoomsRead, Scope::AccountsSelfRead])
        .expires_in_days(30)
        .send()
        .await
        .expect("create");
    let secret = key.key.clone().expect("the secret is shown on creation");
    assert!(secret.expose().starts_with("sk-") && secret.expose().len() == 67);
    assert!(!format!("{key:?}").contains(secret.expose()));
    assert!(key.expires_at.is_some() && key.is_active && !key.is_full_access());

    let listed = c.keys().list().await.expect("list");
    let mine = listed.iter().find(|k| k.id == key.id).expect("listed");
    assert!(mine.key.is_none(), "listings never show the secret");

    let scoped = Client::builder(&fx.base_url)
        .api_key(secret.expose())
        .build()
        .expect("client");
    assert_eq!(scoped.keys().current().await.expect("@self").id, key.id);
    scoped
        .rooms()
        .list()
        .count(1)
        .send()
        .await
        .expect("rooms:read allows listing");
    let denied = scoped
        .rooms()
        .create(unique("denied"), RoomType::Custom)
        .send()
        .await
        .expect_err("rooms:read cannot create");
    assert!(matches!(denied, Error::Forbidden { .. }), "{denied:?}");

    assert!(
        c.keys()
            .update(&key.id)
            .name("renamed")
            .permissions([Scope::RoomsRead])
            .active(true)
            .send()
            .await
            .expect("update")
    );
    assert!(c.keys().delete(&key.id).await.expect("delete"));
    let gone = scoped.people().me().await.expect_err("deleted key");
    assert!(matches!(gone, Error::Unauthorized { .. }), "{gone:?}");
}

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

pub async fn folders_and_files(fx: &Fixture) {
    let c = fx.owner();
    let room = c
        .rooms()
        .create(unique("Files"), RoomType::Custom)
        .send()
        .await
        .expect("room");
    let folder = c
        .folders()
        .create(&room.id, "Drafts")
        .await
        .expect("folder");
    assert_eq!(folder.title, "Drafts");
    assert_eq!(folder.parent_id.as_ref(), Some(&room.id));
    assert_eq!(
        c.folders().get(&folder.id).await.expect("info").id,
        folder.id
    );
    let renamed = c
        .folders()
        .rename(&folder.id, "Final")
        .await
        .expect("rename");
    assert_eq!(renamed.title, "Final");
    let path = c.folders().path(&folder.id).await.expect("path");
    assert_eq!(path.last().map(|p| p.title.as_str()), Some("Final"));
    assert!(path.iter().any(|p| p.id == room.id));
    let subs = c.folders().subfolders(&room.id).await.expect("subfolders");
    assert!(subs.iter().any(|s| s.id == folder.id));

    let doc = c
        .files()
        .create(&folder.id, "Notes")
        .send()
        .await
        .expect("create");
    assert!(
        doc.title.starts_with("Notes") && doc.title.ends_with(".docx"),
        "{}",
        doc.title
    );
    let data = bytes_of(3000, 7);
    let up = c
        .files()
        .upload(&folder.id, "data.zip", data.clone())
        .send()
        .await
        .expect("upload");
    assert_eq!(up.pure_content_length, 3000);
    assert_eq!(c.files().download(&up.id).await.expect("download"), data);
    let again = c
        .files()
        .upload(&folder.id, "data.zip", b"v2".to_vec())
        .create_new_if_exist(true)
        .send()
        .await
        .expect("second upload");
    assert_ne!(again.id, up.id);
    assert_ne!(again.title, up.title);
    let info = c.files().get(&up.id).send().await.expect("info");
    assert_eq!(info.folder_id.as_ref(), Some(&folder.id));
    assert_eq!(
        c.files()
            .get(&up.id)
            .version(1)
            .send()
            .await
            .expect("v1")
            .id,
        up.id
    );
    let renamed = c
        .files()
        .rename(&up.id, "data-renamed.zip")
        .await
        .expect("rename");
    assert_eq!(renamed.title, "data-renamed.zip");

    let page = c
        .folders()
        .contents(&folder.id)
        .send()
        .await
        .expect("contents");
    assert_eq!(page.total, 3);
    assert_eq!(page.current.id, folder.id);
    assert!(page.path_parts.iter().any(|p| p.id == room.id));
    let entries: Vec<Entry> = c
        .folders()
        .contents(&room.id)
        .stream()
        .try_collect()
        .await
        .expect("stream");
    assert!(
        entries
            .iter()
            .any(|e| matches!(e, Entry::Folder(f) if f.id == folder.id))
    );

    let my = c.folders().my().count(5).send().await.expect("@my");
    assert_eq!(my.current.folder_type, Some(FolderType::User));
    let sections = c.folders().root().await.expect("@root");
    assert!(
        sections
            .iter()
            .any(|s| s.current.folder_type == Some(FolderType::VirtualRooms))
    );

    let ops = c
        .files()
        .delete(&doc.id)
        .immediately(true)
        .wait()
        .await
        .expect("delete file");
    assert!(ops.iter().all(|o| o.finished));
    let gone = c.files().get(&doc.id).send().await.expect_err("deleted");
    assert!(matches!(gone, Error::NotFound { .. }), "{gone:?}");
    c.folders()
        .delete(&folder.id)
        .immediately(true)
        .wait()
        .await
        .expect("delete folder");
    let gone = c.folders().get(&folder.id).await.expect_err("deleted");
    assert!(matches!(gone, Error::NotFound { .. }), "{gone:?}");
}

pub async fn copy_move_and_delete_operations(fx: &Fixture) {
    let c = fx.owner();
    let room = c
        .rooms()
        .create(unique("Ops"), RoomType::Custom)
        .send()
        .await
        .expect("room");
    let a = c.folders().create(&room.id, "A").await.expect("a");
    let b = c.folders().create(&room.id, "B").await.expect("b");
    let file = c
        .files()
        .upload(&a.id, "q3.txt", b"numbers".to_vec())
        .send()
        .await
        .expect("file");

    let copied = c
        .operations()
        .copy(&b.id)
        .file(&file.id)
        .conflict(ConflictResolve::Duplicate)
        .wait()
        .await
        .expect("copy");
    assert!(copied.finished && copied.error().is_none());
    let copy = copied.files.first().expect("the copy").clone();
    assert_eq!(copy.folder_id.as_ref(), Some(&b.id));
    assert_eq!(
        c.files().download(&copy.id).await.expect("copy content"),
        b"numbers"
    );
    // Before copying again, the portal names what would clash, for the user to choose.
    let clashes = c
        .operations()
        .copy(&b.id)
        .file(&file.id)
        .clashes()
        .await
        .expect("clashes");
    let titles: Vec<&str> = clashes.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["q3.txt"]);
    assert_eq!(
        clashes[0].id.to_string(),
        file.id.to_string(),
        "the source file"
    );
    let twice = c
        .operations()
        .copy(&b.id)
        .files([file.id.clone()])
        .conflict(ConflictResolve::Duplicate)
        .wait()
        .await
        .expect("copy again");
    assert_ne!(
        twice.files[0].title, copy.title,
        "duplicates get a new title"
    );

    let sub = c.folders().create(&a.id, "Sub").await.expect("sub");
    let moved = c
        .operations()
        .move_to(&b.id)
        .folder(&sub.id)
        .wait()
        .await
        .expect("move");
    assert!(moved.finished);
    assert_eq!(
        c.folders()
            .get(&sub.id)
            .await
            .expect("moved")
            .parent_id
            .as_ref(),
        Some(&b.id)
    );

    let started = c
        .operations()
        .copy(&a.id)
        .file(&copy.id)
        .send()
        .await
        .expect("start");
    let polled = c.operations().get(&started.id).await.expect("get");
    assert!(polled.is_none_or(|p| p.id == started.id));
    let listed = c.operations().list().await.expect("list");
    let _ = listed;

    let deleted = c
        .operations()
        .delete()
        .files([copy.id.clone()])
        .folders([sub.id.clone()])
        .immediately(true)
        .wait()
        .await
        .expect("delete");
    assert!(deleted.finished);
    assert!(matches!(
        c.files().get(&copy.id).send().await,
        Err(Error::NotFound { .. })
    ));
}

pub async fn chunked_upload_with_progress(fx: &Fixture) {
    let c = fx.owner();
    let room = c
        .rooms()
        .create(unique("Uploads"), RoomType::Custom)
        .send()
        .await
        .expect("room");
    let data = bytes_of(150 * 1024 + 17, 3);
    let seen: Arc<Mutex<Vec<UploadProgress>>> = Arc::default();
    let sink = seen.clone();
    let file = c
        .uploads()
        .chunked(&room.id, "big.zip", data.clone())
        .chunk_size(64 * 1024)
        .on_progress(move |p| sink.lock().expect("lock").push(p))
        .send()
        .await
        .expect("upload");
    assert_eq!(file.pure_content_length, data.len() as u64);
    assert_eq!(c.files().download(&file.id).await.expect("download"), data);
    let seen = seen.lock().expect("lock").clone();
    // One report per acknowledged chunk; in a browser also reports from inside a chunk as its
    // bytes go out (as many as the browser's upload events, possibly none on loopback).
    let mut chunks: Vec<u64> = seen.iter().map(|p| p.chunks_sent).collect();
    chunks.dedup();
    assert!(
        chunks == [1, 2, 3] || chunks == [0, 1, 2, 3],
        "acknowledged in order: {seen:?}"
    );
    for w in seen
        .windows(2)
        .filter(|w| w[1].chunks_sent > w[0].chunks_sent)
    {
        let acked = (w[1].chunks_sent * 64 * 1024).min(data.len() as u64);
        assert_eq!(
            w[1].bytes_sent, acked,
            "an acknowledgement counts whole chunks"
        );
    }
    if cfg!(not(target_arch = "wasm32")) {
        assert_eq!(seen.len(), 3, "natively, per chunk: {seen:?}");
    }
    assert!(seen.windows(2).all(|w| w[0].bytes_sent < w[1].bytes_sent));
    assert_eq!(seen.last().map(|p| p.fraction()), Some(1.0));

    let mut upload = c
        .uploads()
        .chunked(&room.id, "second.zip", bytes_of(70 * 1024, 9))
        .chunk_size(64 * 1024)
        .create_new_if_exist(true)
        .start()
        .await
        .expect("session");
    assert_eq!(upload.session().bytes_total, 70 * 1024);
    assert_eq!(upload.progress().chunks_total, 2);
    let second = upload.run().await.expect("run");
    assert_eq!(second.pure_content_length, 70 * 1024);

    // Before uploading again, the portal names the titles it already holds, for the user to
    // choose; overwriting adds a version to the file there.
    let taken = c
        .uploads()
        .check(&room.id, ["BIG.zip", "fresh.zip", "second.zip"])
        .await
        .expect("check");
    assert_eq!(taken, ["BIG.zip", "second.zip"]);
    let overwritten = c
        .uploads()
        .chunked(&room.id, "big.zip", bytes_of(100, 5))
        .chunk_size(64 * 1024)
        .create_new_if_exist(false)
        .send()
        .await
        .expect("overwrite");
    assert_eq!(overwritten.id, file.id, "the same file");
    assert_eq!(overwritten.version, 2, "as a new version");

    let abandoned = c
        .uploads()
        .chunked(&room.id, "abandoned.zip", vec![1u8; 100])
        .chunk_size(64 * 1024)
        .start()
        .await
        .expect("session");
    abandoned.abort().await.expect("abort");
}

pub async fn chunked_upload_into_a_relative_path(fx: &Fixture) {
    let c = fx.owner();
    let room = c
        .rooms()
        .create(unique("Folder upload"), RoomType::Custom)
        .send()
        .await
        .expect("room");
    // The portal creates the folders on the way and stores the file at the end.
    let file = c
        .uploads()
        .chunked(&room.id, "beach.zip", bytes_of(70 * 1024, 4))
        .chunk_size(64 * 1024)
        .relative_path("Photos/2024")
        .send()
        .await
        .expect("upload");
    let top = c.folders().contents(&room.id).send().await.expect("room");
    let photos = top
        .folders
        .iter()
        .find(|f| f.title == "Photos")
        .expect("Photos created");
    let inside = c
        .folders()
        .contents(&photos.id)
        .send()
        .await
        .expect("Photos");
    let year = inside
        .folders
        .iter()
        .find(|f| f.title == "2024")
        .expect("2024 created");
    assert_eq!(file.folder_id.as_ref(), Some(&year.id));
    // The same path again finds the folders; keeping both numbers the second file.
    let second = c
        .uploads()
        .chunked(&room.id, "beach.zip", bytes_of(100, 6))
        .chunk_size(64 * 1024)
        .relative_path("Photos/2024")
        .create_new_if_exist(true)
        .send()
        .await
        .expect("second upload");
    assert_eq!(second.folder_id.as_ref(), Some(&year.id));
    assert_eq!(second.title, "beach (1).zip");
    let top = c.folders().contents(&room.id).send().await.expect("room");
    assert_eq!(top.folders.len(), 1, "one Photos");
    // A path that climbs or has an empty folder name is refused before anything is sent.
    for bad in ["../x", "/x", "a//b"] {
        let e = c
            .uploads()
            .chunked(&room.id, "x.bin", vec![1u8])
            .relative_path(bad)
            .send()
            .await
            .expect_err("refused");
        assert!(
            matches!(
                e,
                Error::InvalidInput {
                    field: "relative_path",
                    ..
                }
            ),
            "{bad}: {e:?}"
        );
    }
}

pub async fn paging_streams_every_item(fx: &Fixture) {
    let c = fx.owner();
    let tag = unique("paged");
    let mut created = HashSet::new();
    for i in 0..7 {
        let room = c
            .rooms()
            .create(format!("{tag} {i}"), RoomType::Custom)
            .tags([tag.as_str()])
            .send()
            .await
            .expect("room");
        created.insert(room.id);
    }
    let streamed: Vec<_> = c
        .rooms()
        .list()
        .tags([tag.as_str()])
        .count(2)
        .stream()
        .try_collect()
        .await
        .expect("stream");
    let ids: HashSet<_> = streamed.iter().map(|r| r.id.clone()).collect();
    assert_eq!(streamed.len(), 7, "no room twice");
    assert_eq!(ids, created);
    let from_3: Vec<_> = c
        .rooms()
        .list()
        .tags([tag.as_str()])
        .sort_by(SortBy::Title)
        .start_index(3)
        .count(3)
        .stream()
        .try_collect()
        .await
        .expect("offset stream");
    assert_eq!(from_3.len(), 4);
}

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
