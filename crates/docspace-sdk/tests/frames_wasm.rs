//! Frames that need a session, in headless Chromium against the devportal: every mode reports
//! ready with both script versions; every method returns typed data or a typed error; config
//! changes take effect live or by re-creating the frame; sign-in and sign-out.
//!
//! They share one browser page and so one session: the devportal allows five sign-ins per
//! 15 minutes per client.

#![cfg(target_arch = "wasm32")]

mod support;

use docspace_sdk::{
    Applied, EditorConfig, EditorScript, FileSelectorConfig, FileType, FrameConfig, FrameEvent,
    FrameEvents, Item, ItemId, LoginOutcome, ManagerConfig, Modal, Mode, NewFile, NewRoom,
    PasswordHash, PublicRoomConfig, RoomSelectorConfig, RoomType, RoomsQuery, SdkError, SdkVersion,
    SystemConfig, Theme, ViewAs, ViewerConfig, bridge_stats,
};
use std::cell::RefCell;
use std::rc::Rc;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
async fn every_mode_reports_ready_with_both_script_versions() {
    let contracts = room_id("Contracts").await;
    let budget = file_id(contracts, "Budget.xlsx").await;
    let press = room_id("Press kit").await;
    let key = room_share_key(press).await;
    ensure_signed_in().await;
    let frames_before = bridge_stats().frames;
    for version in VERSIONS {
        // The sign-in helper itself, with each version.
        sign_in(version).await;
        let configs: Vec<FrameConfig> = vec![
            SystemConfig::new().into(),
            ManagerConfig::new().into(),
            ManagerConfig::new().folder(contracts).into(),
            RoomSelectorConfig::new().into(),
            FileSelectorConfig::new().into(),
            EditorConfig::new(budget).into(),
            ViewerConfig::new(budget).into(),
            PublicRoomConfig::new(key.clone()).into(),
        ];
        for config in configs {
            let mode = config.mode();
            let events = Rc::new(RefCell::new(Vec::new()));
            let log = events.clone();
            let host = host();
            let frame = ready_frame(
                &host,
                config,
                FrameEvents::new().on_event(move |e| log.borrow_mut().push(e)),
                options(version),
            )
            .await;
            let iframe = frame.iframe().expect("an iframe");
            assert_eq!(
                Some(iframe.src()),
                frame.url(),
                "{mode} with {version:?}: api.js loads the URL the Rust config describes"
            );
            assert_eq!(iframe.title(), mode.label());
            assert!(
                events.borrow().contains(&FrameEvent::Ready),
                "{mode} with {version:?}: {:?}",
                events.borrow()
            );
            if mode.sends_app_ready() {
                assert!(events.borrow().contains(&FrameEvent::AppReady), "{mode}");
            }
            assert_eq!(
                mode == Mode::System,
                iframe.get_attribute("aria-hidden").is_some()
            );
            frame.destroy();
            host.remove();
        }
    }
    assert_eq!(bridge_stats().frames, frames_before);
}

#[wasm_bindgen_test]
async fn manager_methods_return_typed_data() {
    ensure_signed_in().await;
    let contracts = room_id("Contracts").await;
    for version in VERSIONS {
        let host = host();
        let frame = ready_frame(
            &host,
            ManagerConfig::new().folder(contracts),
            FrameEvents::new(),
            options(version),
        )
        .await;
        let ctx = format!("with {version:?}");

        let folder = frame.get_folder_info().await.expect("getFolderInfo");
        assert_eq!(folder.id, Some(ItemId::Number(contracts)), "{ctx}");
        assert_eq!(folder.title.as_deref(), Some("Contracts"), "{ctx}");

        let files = frame.get_files().await.expect("getFiles");
        let budget = files
            .iter()
            .find(|f| f.title == "Budget.xlsx")
            .expect("Budget.xlsx");
        assert_eq!(budget.file_type, Some(FileType::Spreadsheet), "{ctx}");
        assert_eq!(budget.file_exst.as_deref(), Some(".xlsx"), "{ctx}");

        let folders = frame.get_folders().await.expect("getFolders");
        assert!(
            folders
                .iter()
                .any(|i| matches!(i, Item::Folder(f) if f.title == "2025")),
            "{ctx}: {folders:?}"
        );
        let list = frame.get_list().await.expect("getList");
        assert!(
            list.iter()
                .any(|i| matches!(i, Item::File(f) if f.title == "Budget.xlsx")),
            "{ctx}"
        );
        assert!(
            list.iter()
                .any(|i| matches!(i, Item::Folder(f) if f.title == "2025")),
            "{ctx}"
        );
        frame.get_selection().await.expect("getSelection");

        // By name: the wasm suites share one portal, and the client's suite creates enough rooms
        // to push a seeded one off the first page of 25.
        let rooms = frame
            .get_rooms(&RoomsQuery::new().search("Contracts"))
            .await
            .expect("getRooms");
        let listed = rooms
            .folders
            .iter()
            .find(|r| r.title == "Contracts")
            .expect("Contracts");
        assert_eq!(listed.room_type, Some(RoomType::Custom), "{ctx}");
        let only_public = frame
            .get_rooms(&RoomsQuery::new().room_type(RoomType::Public))
            .await
            .expect("getRooms by type");
        assert!(
            only_public
                .folders
                .iter()
                .all(|r| r.room_type == Some(RoomType::Public)),
            "{ctx}: {only_public:?}"
        );

        let title = format!("SDK room {}", version.as_str());
        let room = frame
            .create_room(&NewRoom::new(title.clone(), RoomType::Editing).tags(["sdk"]))
            .await
            .expect("createRoom");
        assert_eq!(room.title, title, "{ctx}");
        assert_eq!(room.room_type, Some(RoomType::Editing), "{ctx}");
        let sub = frame
            .create_folder(room.id.clone(), "Drafts")
            .await
            .expect("createFolder");
        assert_eq!(sub.title, "Drafts", "{ctx}");
        assert_eq!(sub.parent_id.as_ref(), Some(&room.id), "{ctx}");
        let file = frame
            .create_file(&NewFile::new(room.id.clone(), "Notes.docx"))
            .await
            .expect("createFile");
        assert_eq!(file.file_exst.as_deref(), Some(".docx"), "{ctx}");
        assert_eq!(file.folder_id.as_ref(), Some(&room.id), "{ctx}");

        let tag = format!("sdk-{}", version.as_str());
        assert_eq!(
            frame.create_tag(&tag).await.expect("createTag"),
            tag,
            "{ctx}"
        );
        let tagged = frame
            .add_tags_to_room(room.id.clone(), &[&tag])
            .await
            .expect("addTagsToRoom");
        assert!(tagged.tags.contains(&tag), "{ctx}: {:?}", tagged.tags);
        let untagged = frame
            .remove_tags_from_room(room.id.clone(), &[&tag])
            .await
            .expect("removeTagsFromRoom");
        assert!(!untagged.tags.contains(&tag), "{ctx}: {:?}", untagged.tags);

        frame
            .set_list_view(ViewAs::Tile)
            .await
            .expect("setListView");
        frame
            .open_modal(&Modal::CreateFolder)
            .await
            .expect("openModal");
        let echo = frame
            .set_config(serde_json::json!({"showTitle": false}))
            .await
            .expect("setConfig");
        assert_eq!(echo["showTitle"], false, "{ctx}");
        let user = frame
            .get_user_info()
            .await
            .expect("getUserInfo")
            .expect("a user");
        assert_eq!(user.email.as_deref(), Some(OWNER), "{ctx}");

        // Arguments are checked before anything is sent.
        assert!(matches!(
            frame.create_folder(room.id.clone(), "  ").await,
            Err(SdkError::InvalidArgument(_))
        ));
        frame.destroy();
        host.remove();
    }
}

#[wasm_bindgen_test]
async fn system_frame_methods_and_failed_sign_in() {
    ensure_signed_in().await;
    let host = host();
    let frame = ready_frame(
        &host,
        SystemConfig::new(),
        FrameEvents::new(),
        options(SdkVersion::V2_0_0),
    )
    .await;
    let user = frame
        .get_user_info()
        .await
        .expect("getUserInfo")
        .expect("signed in");
    assert_eq!(user.email.as_deref(), Some(OWNER));
    assert!(user.is_owner);
    let settings = frame.get_hash_settings().await.expect("getHashSettings");
    assert!(settings.iterations > 0 && settings.size > 0 && !settings.salt.is_empty());
    let hash = frame
        .create_hash(&"not the password".into(), &settings)
        .await
        .expect("createHash");
    assert_eq!(
        hash.expose().len() as u32,
        settings.size / 4,
        "hex of size bits"
    );
    let err = frame
        .login(OWNER, &hash)
        .await
        .expect_err("a wrong password");
    assert!(
        matches!(
            err,
            SdkError::LoginFailed {
                status: Some(401),
                ..
            }
        ),
        "{err:?}"
    );
    assert!(
        !format!("{err:?}").contains(hash.expose()),
        "no hash in errors"
    );
    // The system page does not answer manager methods.
    assert_eq!(
        frame.get_files().await.map(|f| f.len()),
        Err(SdkError::WrongMode {
            method: "getFiles".into(),
            mode: Mode::System
        })
    );
    assert!(matches!(
        frame.login(" ", &PasswordHash::new("x")).await,
        Err(SdkError::InvalidArgument(_))
    ));
    frame.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn selectors_and_editor_answer_only_their_methods() {
    ensure_signed_in().await;
    let contracts = room_id("Contracts").await;
    let budget = file_id(contracts, "Budget.xlsx").await;
    let host = host();
    let selector = ready_frame(
        &host,
        RoomSelectorConfig::new(),
        FrameEvents::new(),
        options(SdkVersion::V2_1_0),
    )
    .await;
    assert_eq!(
        selector.get_folder_info().await.map(|_| ()),
        Err(SdkError::WrongMode {
            method: "getFolderInfo".into(),
            mode: Mode::RoomSelector
        })
    );
    selector.destroy();
    let editor = ready_frame(
        &host,
        EditorConfig::new(budget),
        FrameEvents::new(),
        options(SdkVersion::V2_1_0),
    )
    .await;
    editor
        .execute_in_editor(
            &EditorScript::new("function (instance, asc, data) { window.__sdkRan = data.n; }"),
            Some(serde_json::json!({"n": 1})),
        )
        .await
        .expect("executeInEditor");
    assert_eq!(
        editor.get_hash_settings().await.map(|_| ()),
        Err(SdkError::WrongMode {
            method: "getHashSettings".into(),
            mode: Mode::Editor
        })
    );
    editor.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn config_changes_apply_live_or_recreate_the_frame() {
    ensure_signed_in().await;
    let contracts = room_id("Contracts").await;
    let marketing = room_id("Marketing").await;
    let frames_before = bridge_stats().frames;
    let host = host();
    let frame = ready_frame(
        &host,
        ManagerConfig::new().folder(contracts),
        FrameEvents::new(),
        options(SdkVersion::V2_1_0),
    )
    .await;
    let first_id = frame.frame_id();
    // The theme reaches the manager through setConfig: same iframe.
    let applied = frame
        .reconfigure(
            ManagerConfig::new()
                .folder(contracts)
                .theme(Theme::Dark)
                .view_as(ViewAs::Table)
                .height("480px"),
        )
        .await
        .expect("live change");
    assert_eq!(applied, Applied::Live);
    assert_eq!(frame.frame_id(), first_id);
    let iframe = frame.iframe().expect("iframe");
    assert_eq!(
        iframe.style().get_property_value("height").ok().as_deref(),
        Some("480px")
    );
    // What the frame stores now: its echo of a fresh setConfig carries the new theme.
    let echo = frame.set_config(serde_json::json!({})).await.expect("echo");
    assert_eq!(echo["theme"], "Dark");
    // Another folder is another URL: a new frame, ready again, showing that folder.
    let applied = frame
        .reconfigure(ManagerConfig::new().folder(marketing))
        .await
        .expect("recreate");
    assert_eq!(applied, Applied::Recreated);
    assert_ne!(frame.frame_id(), first_id);
    frame.ready().await.expect("ready again");
    let folder = frame.get_folder_info().await.expect("folder");
    assert_eq!(folder.title.as_deref(), Some("Marketing"));
    assert_eq!(
        bridge_stats().frames,
        frames_before + 1,
        "the old frame is gone"
    );
    assert_eq!(
        frame
            .reconfigure(ManagerConfig::new().folder(marketing))
            .await,
        Ok(Applied::Unchanged)
    );
    frame.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn signing_out_ends_the_session_for_every_frame() {
    ensure_signed_in().await;
    let host = host();
    let events = Rc::new(RefCell::new(Vec::new()));
    let log = events.clone();
    let frame = ready_frame(
        &host,
        SystemConfig::new(),
        FrameEvents::new().on_sign_out(move || log.borrow_mut().push("signed out")),
        options(SdkVersion::V2_1_0),
    )
    .await;
    frame.logout().await.expect("logout");
    signed_out();
    assert!(
        wait_for(5_000, || !events.borrow().is_empty()).await,
        "onSignOut"
    );
    assert_eq!(frame.get_user_info().await, Ok(None));
    frame.destroy();
    host.remove();
    // Back in, through a frame's own sign_in: hash settings, hash, login.
    let second = support::host();
    let frame = ready_frame(
        &second,
        SystemConfig::new(),
        FrameEvents::new(),
        options(SdkVersion::V2_1_0),
    )
    .await;
    assert!(matches!(
        frame.sign_in(OWNER, password()).await,
        Ok(LoginOutcome::SignedIn { .. })
    ));
    assert!(frame.get_user_info().await.expect("user").is_some());
    frame.destroy();
    second.remove();
}
