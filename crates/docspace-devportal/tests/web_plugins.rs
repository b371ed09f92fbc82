//! Web plugins as DocSpace serves them (ONLYOFFICE/DocSpace-server:
//! `web/ASC.Web.Api/Api/Settings/WebPluginsController.cs`, `web/ASC.Web.Core/WebPluginManager.cs`,
//! limits in `web/ASC.Web.Core/WebPluginSettings.cs`, messages in
//! `web/ASC.Web.Core/PublicResources/Resource.resx`).

mod common;

use std::io::Write;

use common::*;
use reqwest::Method;
use serde_json::{Value, json};
use zip::write::SimpleFileOptions;

const PLUGINS: &str = "/api/2.0/settings/webplugins";

/// A zip of `(path, bytes)` entries, deflated.
fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
    for (path, data) in entries {
        w.start_file(*path, opts).expect("entry");
        w.write_all(data).expect("write");
    }
    w.finish().expect("finish").into_inner()
}

fn config(name: &str, plugin_name: &str, extra: Value) -> Vec<u8> {
    let mut c = json!({ "name": name, "version": "1.0.0", "pluginName": plugin_name,
                        "description": "A test plugin", "scopes": "API,Settings", "minDocSpaceVersion": "3.5.0" });
    if let (Some(o), Value::Object(e)) = (c.as_object_mut(), extra) {
        o.extend(e);
    }
    serde_json::to_vec(&c).expect("json")
}

const JS: &[u8] =
    b"window.Plugins = window.Plugins || {}; window.Plugins.hello = { status: 'active' };";

fn package(name: &str, plugin_name: &str, extra: Value) -> Vec<u8> {
    zip_of(&[
        ("config.json", &config(name, plugin_name, extra)),
        ("plugin.js", JS),
        ("plugin.css", b".hello { color: red; }"),
        (
            "assets/logo.svg",
            b"<svg xmlns='http://www.w3.org/2000/svg'/>",
        ),
    ])
}

async fn upload(api: &Api, file_name: &str, data: &[u8]) -> Resp {
    api.multipart(Method::POST, PLUGINS, &[("file", Some(file_name), data)])
        .await
}

async fn csp_domains(api: &Api) -> Vec<String> {
    api.get_ok("/api/2.0/security/csp").await["domains"]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|d| d.as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

#[tokio::test]
async fn a_package_is_uploaded_enabled_served_listed_switched_and_deleted() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let zip = package(
        "hello",
        "hello",
        json!({ "cspDomains": "https://cdn.example.com,https://api.example.com" }),
    );

    // Uploading enables the plugin (`UpdateWebPluginAsync(..., true, ...)`) and adds its CSP domains.
    let dto = upload(&owner, "hello.zip", &zip)
        .await
        .expect(200)
        .response();
    assert_eq!(dto["name"], "hello");
    assert_eq!(dto["pluginName"], "hello");
    assert_eq!(dto["version"], "1.0.0");
    assert_eq!(dto["scopes"], "API,Settings");
    assert_eq!(dto["enabled"], true);
    assert_eq!(dto["system"], false);
    assert!(dto["createBy"]["id"].is_string(), "{dto}");
    let url = dto["url"].as_str().expect("url").to_string();
    assert!(url.ends_with("/plugin.js?hash=1.0.0"), "{url}");
    let css = dto["cssUrl"].as_str().expect("cssUrl").to_string();
    assert!(
        csp_domains(&owner)
            .await
            .contains(&"https://cdn.example.com".to_string())
    );

    // The files are served where the DTO says, without signing in.
    let anon = http();
    let js = anon.get(&url).send().await.expect("js");
    assert_eq!(js.status(), 200);
    assert!(
        js.headers()["content-type"]
            .to_str()
            .expect("ct")
            .starts_with("text/javascript")
    );
    assert_eq!(js.bytes().await.expect("body").as_ref(), JS);
    let c = anon.get(&css).send().await.expect("css");
    assert!(
        c.headers()["content-type"]
            .to_str()
            .expect("ct")
            .starts_with("text/css")
    );
    let asset = url.replace("plugin.js?hash=1.0.0", "assets/logo.svg");
    assert_eq!(anon.get(&asset).send().await.expect("asset").status(), 200);

    // Any signed-in user lists and reads; the name's case does not matter.
    let user = login(&p, USER).await;
    assert_eq!(user.get_ok(PLUGINS).await.as_array().map(Vec::len), Some(1));
    user.get_ok(&format!("{PLUGINS}/HELLO")).await;
    owner
        .get(&format!("{PLUGINS}/nope"))
        .await
        .expect_error(404, "Plugin not found");

    // Only admins change them (`EditPortalSettings`).
    user.put(
        &format!("{PLUGINS}/hello"),
        json!({ "enabled": false, "settings": "" }),
    )
    .await
    .expect(403);
    upload(&user, "hello.zip", &zip).await.expect(403);

    // Disabling with settings keeps the settings and removes the CSP domains.
    owner
        .put_ok(
            &format!("{PLUGINS}/hello"),
            json!({ "enabled": false, "settings": "{\"k\":1}" }),
        )
        .await;
    let off = owner.get_ok(&format!("{PLUGINS}?enabled=false")).await;
    assert_eq!(off[0]["settings"], "{\"k\":1}");
    assert_eq!(off[0]["enabled"], false);
    assert_eq!(
        owner.get_ok(&format!("{PLUGINS}?enabled=true")).await,
        json!([])
    );
    assert!(
        !csp_domains(&owner)
            .await
            .contains(&"https://cdn.example.com".to_string())
    );
    // `[StringLength(255)]` and `required` on settings.
    owner
        .put(
            &format!("{PLUGINS}/hello"),
            json!({ "enabled": true, "settings": "x".repeat(256) }),
        )
        .await
        .expect_validation("Settings");
    owner
        .put(&format!("{PLUGINS}/hello"), json!({ "enabled": true }))
        .await
        .expect_validation("Settings");

    // Uploading the same name again replaces it, keeps its settings, and enables it.
    let v2 = package("hello", "hello", json!({ "version": "2.0.0" }));
    let dto = upload(&owner, "hello.zip", &v2)
        .await
        .expect(200)
        .response();
    assert_eq!(dto["version"], "2.0.0");
    assert_eq!(dto["settings"], "{\"k\":1}");
    assert_eq!(dto["enabled"], true);

    owner
        .call(Method::DELETE, &format!("{PLUGINS}/hello"), None)
        .await
        .expect(200);
    owner
        .get(&format!("{PLUGINS}/hello"))
        .await
        .expect_error(404, "Plugin not found");
    assert_eq!(anon.get(&url).send().await.expect("js").status(), 404);
}

#[tokio::test]
async fn the_upload_is_one_zip_file_of_at_most_5_mib() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let zip = package("one", "one", json!({}));
    owner
        .multipart(Method::POST, PLUGINS, &[("note", None, b"x")])
        .await
        .expect_error(400, "No input file");
    owner
        .multipart(
            Method::POST,
            PLUGINS,
            &[("file", Some("a.zip"), &zip), ("file", Some("b.zip"), &zip)],
        )
        .await
        .expect_error(400, "Too many input files");
    upload(&owner, "one.txt", &zip)
        .await
        .expect_error(400, "Wrong file extension");
    upload(&owner, "one.zip", b"")
        .await
        .expect_error(400, "No input file");
    // Over `MaxSize`: refused from its declared length.
    let big = vec![0u8; 5 * 1024 * 1024 + 128 * 1024];
    upload(&owner, "big.zip", &big)
        .await
        .expect_error(400, "File size exceeds limit");
    upload(&owner, "junk.zip", b"not a zip at all")
        .await
        .expect_error(400, "Wrong plugin archive. ");
    owner
        .multipart(
            Method::POST,
            &format!("{PLUGINS}?system=true"),
            &[("file", Some("one.zip"), &zip)],
        )
        .await
        .expect_error(403, "Changes to system plugins are prohibited");
    assert_eq!(owner.get_ok(PLUGINS).await, json!([]));
}

#[tokio::test]
async fn every_package_rule_of_web_plugin_manager_is_enforced() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    let cfg = config("rules", "rules", json!({}));
    let many: Vec<(String, Vec<u8>)> = (0..12)
        .map(|i| (format!("assets/{i}.txt"), b"asset".to_vec()))
        .collect();
    let mut too_many: Vec<(&str, &[u8])> = vec![("config.json", &cfg), ("plugin.js", JS)];
    too_many.extend(many.iter().map(|(n, d)| (n.as_str(), d.as_slice())));
    let zeros = vec![0u8; 1024 * 1024];
    let cases: Vec<(Vec<u8>, &str)> = vec![
        // `AnalyzeZip`: at most AssetMaxCount + 3 entries.
        (zip_of(&too_many), "Too many entries in zip file."),
        // ... no unsafe paths ...
        (
            zip_of(&[("config.json", &cfg), ("plugin.js", JS), ("../evil.js", JS)]),
            "Unsafe path detected: ../evil.js",
        ),
        (
            zip_of(&[("config.json", &cfg), ("plugin.js", JS), ("/abs.js", JS)]),
            "Unsafe path detected: /abs.js",
        ),
        // ... 100:1 at most ...
        (
            zip_of(&[("config.json", &cfg), ("plugin.js", &zeros)]),
            "The entry plugin.js exceeds the maximum compression ratio.",
        ),
        // ... no empty files ("unknown size") ...
        (
            zip_of(&[
                ("config.json", &cfg),
                ("plugin.js", JS),
                ("assets/empty.txt", b""),
            ]),
            "The entry assets/empty.txt has unknown size",
        ),
        // ... two levels at most.
        (
            zip_of(&[
                ("config.json", &cfg),
                ("plugin.js", JS),
                ("assets/a/b.svg", b"<svg/>"),
            ]),
            "The entry assets/a/b.svg exceeds the maximum directory depth.",
        ),
        // `SafeExtractPluginToTemp`: config.json and plugin.js are required.
        (
            zip_of(&[("plugin.js", JS)]),
            "The required entry config.json not found.",
        ),
        (
            zip_of(&[("config.json", &cfg)]),
            "The required entry plugin.js not found.",
        ),
        // `ValidatePlugin`'s patterns.
        (
            zip_of(&[
                ("config.json", &config("Upper", "ok", json!({}))),
                ("plugin.js", JS),
            ]),
            "Wrong plugin name",
        ),
        (
            zip_of(&[
                ("config.json", &config(".dot", "ok", json!({}))),
                ("plugin.js", JS),
            ]),
            "Wrong plugin name",
        ),
        (
            zip_of(&[
                ("config.json", &config("ok", "not-js", json!({}))),
                ("plugin.js", JS),
            ]),
            "Wrong plugin name",
        ),
    ];
    for (zip, message) in cases {
        upload(&owner, "p.zip", &zip)
            .await
            .expect_error(400, &format!("Wrong plugin archive. {message}"));
    }
    // A pluginName another plugin uses: `ErrorWebPluginExist`.
    upload(&owner, "a.zip", &package("first", "shared", json!({})))
        .await
        .expect(200);
    upload(&owner, "b.zip", &package("second", "shared", json!({})))
        .await
        .expect_error(400, "Wrong plugin archive. Plugin already exist");
    // Keys of config.json are read case-insensitively.
    let upper = serde_json::to_vec(&json!({ "NAME": "upper-keys", "PLUGINNAME": "upperKeys" }))
        .expect("json");
    let dto = upload(
        &owner,
        "u.zip",
        &zip_of(&[("config.json", &upper), ("plugin.js", JS)]),
    )
    .await
    .expect(200)
    .response();
    assert_eq!(dto["name"], "upper-keys");
    assert!(dto["cssUrl"].is_null());
}

#[tokio::test]
async fn a_body_without_length_is_cut_off_at_the_limit() {
    let p = unlimited_portal().await;
    let (ct, mut body) = multipart_body(&[("file", Some("big.zip"), &vec![1u8; 6 * 1024 * 1024])]);
    // Streamed in chunks, so no Content-Length is sent.
    let chunks: Vec<Result<Vec<u8>, std::io::Error>> = std::iter::from_fn(|| {
        (!body.is_empty()).then(|| Ok(body.drain(..body.len().min(64 * 1024)).collect()))
    })
    .collect();
    let resp = http()
        .post(format!("{}{PLUGINS}", p.base_url()))
        .header("Authorization", format!("Bearer {}", p.owner.api_key))
        .header("Content-Type", ct)
        .body(reqwest::Body::wrap_stream(futures::stream::iter(chunks)))
        .send()
        .await
        .expect("sent");
    assert_eq!(resp.status(), 400);
    let v: Value = resp.json().await.expect("json");
    assert_eq!(v["error"]["message"], "File size exceeds limit", "{v}");
}

#[tokio::test]
async fn at_most_100_plugins_and_a_replacement_does_not_count() {
    let p = unlimited_portal().await;
    let owner = Api::owner(&p);
    for i in 0..100 {
        let name = format!("p{i}");
        upload(&owner, "p.zip", &package(&name, &name, json!({})))
            .await
            .expect(200);
    }
    // `WebPluginConfigSettings.MaxCount`.
    upload(&owner, "p.zip", &package("p100", "p100", json!({})))
        .await
        .expect_error(
            400,
            "Wrong plugin archive. The number of plugins exceeds the limit",
        );
    upload(
        &owner,
        "p.zip",
        &package("p7", "p7", json!({ "version": "2" })),
    )
    .await
    .expect(200);
}
