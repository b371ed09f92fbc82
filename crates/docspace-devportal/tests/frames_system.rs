//! `/old-sdk/system` with the official api.js 2.0.0 and 2.1.0 on another origin: the handshake,
//! onAppReady on every setConfig, and the account methods (getUserInfo, getHashSettings,
//! createHash, login, logout), with DocSpace's reply shapes.

mod frames_support;

use docspace_devportal::auth::password_hash;
use docspace_testkit::with_browser;
use frames_support::*;
use serde_json::{Value, json};

#[tokio::test(flavor = "multi_thread")]
async fn system_frame_answers_the_account_methods() {
    let fx = Fixture::new().await;
    let portal = fx.portal.base_url();
    let email = fx.portal.owner.email.clone();
    let password = fx.portal.owner.password.clone();
    let (status, settings) = fx
        .rest(reqwest::Method::GET, "settings?withpassword=true", None)
        .await;
    assert_eq!(status, 200, "{settings}");
    let hash_settings = settings["response"]["passwordHash"].clone();
    let expected_hash = password_hash(
        &password,
        hash_settings["salt"].as_str().expect("salt"),
        hash_settings["iterations"].as_u64().expect("iterations") as u32,
        hash_settings["size"].as_u64().expect("size") as u32,
    );
    let hosts: Vec<(&str, String)> = VERSIONS.iter().map(|v| (*v, fx.host_page(v))).collect();

    with_browser(|driver| async move {
        for (version, url) in hosts {
            open_host(&driver, &url).await;
            init_frame(
                &driver,
                json!({ "src": portal, "mode": "system", "frameId": "sys-frame" }),
                &[],
            )
            .await;
            assert_eq!(
                wait_event(&driver, "onAppReady").await,
                json!({ "frameId": "sys-frame" }),
                "{version}: onAppReady carries the frame id"
            );
            wait_event(&driver, "onContentReady").await;

            let m = |name: &'static str, args: Value| {
                let driver = driver.clone();
                async move { call(&driver, "sys-frame", name, args).await }
            };

            // Signed out: DocSpace resolves undefined, which the host turns into {}.
            assert_eq!(m("getUserInfo", json!([])).await, json!({}), "{version}");

            let hs = m("getHashSettings", json!([])).await;
            assert_eq!(hs, hash_settings, "{version}: getHashSettings");
            let hash = m("createHash", json!([password, hs])).await;
            assert_eq!(hash, json!(expected_hash), "{version}: createHash");
            // Bad parameters throw Error("Invalid params."), which serializes to {}.
            assert_eq!(
                m("createHash", json!(["", hs])).await,
                json!({}),
                "{version}"
            );
            assert_eq!(
                m("createHash", json!([password, { "salt": 1 }])).await,
                json!({}),
                "{version}"
            );

            // A refused login resolves with the AxiosError-shaped error, without the hash.
            let refused = m("login", json!([email, "00ff"])).await;
            assert_eq!(refused["status"], 401, "{version}: {refused}");
            assert_eq!(refused["name"], "AxiosError", "{version}: {refused}");
            assert_eq!(refused["code"], "ERR_BAD_REQUEST", "{version}: {refused}");
            assert!(
                !refused.to_string().contains("00ff"),
                "{version}: the error echoes the password hash: {refused}"
            );

            assert_eq!(
                m("login", json!([email, hash])).await,
                json!({ "url": "/" }),
                "{version}"
            );
            let me = m("getUserInfo", json!([])).await;
            assert_eq!(me["email"], json!(email), "{version}: {me}");
            assert_eq!(me["isOwner"], true, "{version}");

            assert_eq!(m("logout", json!([])).await, json!({}), "{version}");
            wait_event(&driver, "onSignOut").await;
            assert_eq!(m("getUserInfo", json!([])).await, json!({}), "{version}");

            // Methods of other modes.
            for other in ["getFolderInfo", "getFiles", "getSelection", "createRoom"] {
                assert_eq!(
                    m(other, json!([])).await,
                    json!("Wrong method for this mode"),
                    "{version}: {other}"
                );
            }

            // setConfig echoes the config and emits onAppReady again.
            let cfg = m("setConfig", json!([{ "theme": "Dark" }])).await;
            assert_eq!(cfg["frameId"], "sys-frame", "{version}: {cfg}");
            assert_eq!(cfg["theme"], "Dark", "{version}");
            assert_eq!(
                wait_event_n(&driver, "onAppReady", 2).await,
                json!({ "frameId": "sys-frame" })
            );
        }
    })
    .await;
}

#[tokio::test(flavor = "multi_thread")]
async fn password_hash_matches_the_server_with_and_without_webcrypto() {
    let fx = Fixture::new().await;
    let page = fx.url("/old-sdk/system");
    let expected = password_hash("pässword", "c0ffee", 1000, 256);
    let rfc_vector = password_hash("passwd", "salt", 1, 256);
    with_browser(|driver| async move {
        driver.goto(&page).await.expect("open page");
        let v = driver
            .execute_async(
                r#"
                const done = arguments[arguments.length - 1];
                const hex = (b) => Array.from(b, (x) => x.toString(16).padStart(2, "0")).join("");
                import("/static/devportal/frames/js/hash.js").then(async (m) => {
                  const enc = new TextEncoder();
                  done({
                    webcrypto: await m.createPasswordHash("pässword", { size: 256, iterations: 1000, salt: "c0ffee" }),
                    pure: hex(m.pbkdf2Sha256(enc.encode("pässword"), enc.encode("c0ffee"), 1000)),
                    rfc: hex(m.pbkdf2Sha256(enc.encode("passwd"), enc.encode("salt"), 1)),
                    short: await m.createPasswordHash("x", { size: 128, iterations: 1, salt: "s" }),
                    empty: hex(m.sha256(new Uint8Array(0))),
                  });
                }).catch((e) => done({ error: String(e) }));
                "#,
                vec![],
            )
            .await
            .expect("hash script")
            .json()
            .clone();
        assert!(v.get("error").is_none(), "{v}");
        assert_eq!(v["webcrypto"], json!(expected));
        assert_eq!(v["pure"], json!(expected));
        assert_eq!(v["rfc"], json!(rfc_vector));
        assert_eq!(
            v["short"],
            json!(&password_hash("x", "s", 1, 256)[..32]),
            "size 128 keeps the first four words"
        );
        assert_eq!(
            v["empty"],
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
        );
    })
    .await;
}
