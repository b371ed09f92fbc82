//! The hardening: forged messages from windows on other origins never reach handlers, never
//! resolve calls and never run commands; calls end in a timeout instead of hanging, and a call
//! that timed out does not block the ones after it.

#![cfg(target_arch = "wasm32")]

mod support;

use std::cell::RefCell;
use std::rc::Rc;
use std::time::Duration;

use docspace_sdk::{
    Frame, FrameEvent, FrameEvents, FrameStatus, SdkError, SdkVersion, SystemConfig,
};
use serde_json::json;
use support::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn forged_selection(frame_id: &str) -> serde_json::Value {
    json!({
        "type": "onEventReturn",
        "frameId": frame_id,
        "eventReturnData": {"event": "onSelectCallback",
                            "data": [{"id": 666, "title": "Forged", "roomType": 6,
                                      "requestTokens": [{"primary": true, "requestToken": "attacker"}]}]}
    })
}

/// A ready system frame in `host` and the log of every event it reports, for the forgery tests.
async fn logged_system_frame(
    host: &web_sys::HtmlElement,
    version: SdkVersion,
) -> (Frame, Rc<RefCell<Vec<FrameEvent>>>) {
    let events = Rc::new(RefCell::new(Vec::<FrameEvent>::new()));
    let log = events.clone();
    let frame = ready_frame(
        host,
        SystemConfig::new(),
        FrameEvents::new().on_event(move |e| log.borrow_mut().push(e)),
        options(version),
    )
    .await;
    (frame, events)
}

#[wasm_bindgen_test]
async fn forged_events_and_commands_from_other_origins_are_ignored() {
    for version in VERSIONS {
        let host = host();
        let (frame, events) = logged_system_frame(&host, version).await;
        let id = frame.frame_id().expect("frame id");
        for same_origin in [false, true] {
            let forger = Forger::new(same_origin).await;
            let before = frame.rejected_messages();
            forger.post(&forged_selection(&id));
            forger.post(&json!({"type": "onEventReturn", "frameId": id,
                                "eventReturnData": {"event": "onSignOut"}}));
            // api.js would run any instance method named in a command.
            forger.post(&json!({"type": "onCallCommand", "frameId": id,
                                "commandName": "destroyFrame"}));
            forger.post(&json!({"type": "onCallCommand", "frameId": id,
                                "commandName": "setConfig", "commandData": {"src": "http://attacker.example"}}));
            assert!(
                wait_for(5_000, || frame.rejected_messages() >= before + 4).await,
                "the forged messages arrived and were refused ({version:?}, same origin: {same_origin})"
            );
            forger.remove();
        }
        sleep(200).await;
        let seen = events.borrow().clone();
        assert!(
            !seen
                .iter()
                .any(|e| matches!(e, FrameEvent::Select(_) | FrameEvent::SignOut)),
            "{version:?}: {seen:?}"
        );
        // The frame survived the forged destroyFrame and still answers, from the real portal.
        assert_eq!(frame.status(), FrameStatus::Ready);
        let settings = frame.get_hash_settings().await.expect("still answers");
        assert!(settings.iterations > 0);
        assert!(host.query_selector("iframe").ok().flatten().is_some());
        frame.destroy();
        host.remove();
    }
}

#[wasm_bindgen_test]
async fn messages_for_other_frames_pass_untouched() {
    // The guard only judges messages naming its own frames: the page's other traffic is not its
    // business.
    let host = host();
    let frame = ready_frame(
        &host,
        SystemConfig::new(),
        FrameEvents::new(),
        options(SdkVersion::V2_1_0),
    )
    .await;
    let page = PageListener::listen();
    let forger = Forger::new(false).await;
    let foreign = json!({"type": "onEventReturn", "frameId": "someone-elses-frame", "eventReturnData": {"event": "x"}});
    forger.post(&foreign);
    forger.post(&json!({"app": "hello"}));
    let mine = forged_selection(&frame.frame_id().expect("id"));
    forger.post(&mine);
    assert!(
        wait_for(5_000, || page.seen().len() >= 2).await,
        "{:?}",
        page.seen()
    );
    sleep(200).await;
    let seen = page.seen();
    assert!(seen.contains(&foreign.to_string()));
    assert!(seen.contains(&json!({"app": "hello"}).to_string()));
    assert!(
        !seen.contains(&mine.to_string()),
        "the forgery was stopped before other listeners"
    );
    drop(page);
    forger.remove();
    frame.destroy();
    host.remove();
}

#[wasm_bindgen_test]
async fn a_frame_that_never_answers_ends_in_timeouts_and_forged_replies_resolve_nothing() {
    let host = host();
    let frame = Frame::mount(
        &host,
        portal(),
        silent_config(),
        FrameEvents::new(),
        options(SdkVersion::V2_1_0).call_timeout(Duration::from_millis(1_500)),
    );
    assert!(
        wait_for(20_000, || frame.iframe().is_some()).await,
        "the frame exists: {:?}",
        frame.status()
    );
    let forger = Forger::new(false).await;
    let id = frame.frame_id().expect("id");
    let call = frame.get_files();
    let forge = async {
        sleep(300).await;
        forger.post(&json!({"type": "onMethodReturn", "frameId": id,
                            "methodReturnData": [{"id": 1, "title": "forged.docx", "fileExst": ".docx"}]}));
    };
    let (result, ()) = futures::join!(call, forge);
    assert_eq!(
        result.map(|f| f.len()),
        Err(SdkError::Timeout {
            method: "getFiles".into(),
            millis: 1_500
        })
    );
    assert!(frame.rejected_messages() >= 1);
    // The next call is not stuck behind the first: it too ends, in its own time limit.
    let started = js_sys::Date::now();
    let next = frame
        .with_timeout(Duration::from_millis(1_000))
        .get_folder_info()
        .await;
    assert_eq!(
        next.map(|_| ()),
        Err(SdkError::Timeout {
            method: "getFolderInfo".into(),
            millis: 1_000
        })
    );
    // Waiting included: the grace for a late reply is shorter than the call's limit here.
    assert!(js_sys::Date::now() - started < 10_000.0);
    forger.remove();
    frame.destroy();
    assert_eq!(
        frame.get_files().await.map(|_| ()),
        Err(SdkError::Destroyed)
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_timed_out_call_does_not_stall_or_confuse_the_next_ones() {
    for version in VERSIONS {
        let host = host();
        let frame = ready_frame(
            &host,
            SystemConfig::new(),
            FrameEvents::new(),
            options(version),
        )
        .await;
        // Far too short for the round trip: it times out, its real answer comes later.
        let hurried = frame
            .with_timeout(Duration::from_millis(1))
            .get_user_info()
            .await;
        assert!(
            matches!(hurried, Err(SdkError::Timeout { .. })),
            "{hurried:?}"
        );
        // api.js's queue was unstuck and the late answer is not taken for this call's.
        let settings = frame
            .get_hash_settings()
            .await
            .expect("the next call answers");
        assert!(settings.iterations > 0, "{version:?}: {settings:?}");
        let again = frame.get_hash_settings().await.expect("and the one after");
        assert_eq!(again, settings);
        frame.destroy();
        host.remove();
    }
}

#[wasm_bindgen_test]
async fn forgeries_that_only_the_browsers_json_parser_reads_are_stopped_too() {
    // api.js reads messages with `JSON.parse`, which accepts text serde_json refuses: a lone
    // surrogate escape, a number beyond f64, nesting deeper than serde_json's limit. A forged
    // event written that way must be judged like any other, not waved through unparsed.
    let host = host();
    let (frame, events) = logged_system_frame(&host, SdkVersion::V2_1_0).await;
    let id = frame.frame_id().expect("frame id");
    let page = PageListener::listen();
    let selection = |title: &str, extra: &str| {
        format!(
            r#"{{"type":"onEventReturn","frameId":"{id}","eventReturnData":{{"event":"onSelectCallback","data":[{{"id":666,"title":"{title}","roomType":6{extra}}}]}}}}"#
        )
    };
    let deep = format!("{}1{}", "[".repeat(300), "]".repeat(300));
    let forgeries = [
        selection(r"\ud800", ""),
        selection("Forged", r#","size":1e400"#),
        selection("Forged", &format!(r#","deep":{deep}"#)),
    ];
    for text in &forgeries {
        assert!(
            serde_json::from_str::<serde_json::Value>(text).is_err(),
            "the case must be one serde_json refuses: {text}"
        );
        assert!(
            js_sys::JSON::parse(text).is_ok(),
            "and one JSON.parse reads: {text}"
        );
    }
    for same_origin in [false, true] {
        let forger = Forger::new(same_origin).await;
        let before = frame.rejected_messages();
        for text in &forgeries {
            forger.post_raw(text);
        }
        // A harmless message behind them shows that everything before it has been delivered.
        forger.post_raw(r#"{"app":"marker"}"#);
        assert!(
            wait_for(5_000, || page.seen().iter().any(|s| s.contains("marker"))).await,
            "the marker arrived"
        );
        assert_eq!(
            frame.rejected_messages(),
            before + forgeries.len() as u32,
            "each forgery was refused (same origin: {same_origin}); the page saw {:?}",
            page.seen()
        );
        page.clear();
        forger.remove();
    }
    sleep(200).await;
    assert!(
        !events
            .borrow()
            .iter()
            .any(|e| matches!(e, FrameEvent::Select(_))),
        "{:?}",
        events.borrow()
    );
    assert!(
        !page.seen().iter().any(|s| s.contains("666")),
        "no forgery reached the page's other listeners: {:?}",
        page.seen()
    );
    drop(page);
    assert_eq!(frame.status(), FrameStatus::Ready);
    frame.destroy();
    host.remove();
}
