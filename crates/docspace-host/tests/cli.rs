//! The `docspace-host` binary: its `--api-key-file` and `--portal-proxy` flags and the proxy
//! variables, end to end over real HTTP.

use std::process::{Child, Command, Stdio};
use std::time::Duration;

use docspace_devportal::PortalConfig;

/// The binary, stopped when dropped.
struct Host(Child);

impl Drop for Host {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

fn free_addr() -> String {
    let l = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    l.local_addr().expect("addr").to_string()
}

fn dist() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(
        dir.path().join("index.html"),
        "<!doctype html><title>app</title>",
    )
    .expect("index");
    dir
}

fn host_command(addr: &str, dist: &std::path::Path) -> Command {
    let mut c = Command::new(env!("CARGO_BIN_EXE_docspace-host"));
    c.args(["--addr", addr])
        .arg("--dist")
        .arg(dist)
        .env_remove("DOCSPACE_PORTAL")
        .env_remove("DOCSPACE_API_KEY_FILE")
        .env_remove("DOCSPACE_PORTAL_PROXY")
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    // The machine's own proxy settings must not leak into a test.
    for var in ["HTTPS_PROXY", "HTTP_PROXY", "ALL_PROXY", "NO_PROXY"] {
        c.env_remove(var).env_remove(var.to_ascii_lowercase());
    }
    c
}

/// Asks the host for the signed-in user as its app does (with the held key), once it answers:
/// the status and the body.
async fn ask_me(addr: &str) -> (u16, String) {
    let url = format!("http://{addr}/api/2.0/people/@self");
    for _ in 0..100 {
        // As the host's app asks for the held key (see docspace_api::Auth::HostProxy).
        let asked = reqwest::Client::new()
            .get(&url)
            .header(docspace_api::HOST_KEY_HEADER, "1")
            .send()
            .await;
        if let Ok(resp) = asked {
            return (
                resp.status().as_u16(),
                resp.text().await.unwrap_or_default(),
            );
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    panic!("the host did not answer within 10 s");
}

#[tokio::test(flavor = "multi_thread")]
async fn the_binary_adds_the_key_from_its_key_file_to_proxied_requests() {
    let portal = docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal");
    let keys = tempfile::tempdir().expect("tempdir");
    let key_file = keys.path().join("key.txt");
    // Editors leave a trailing newline; the host must not send it.
    std::fs::write(&key_file, format!("{}\n", portal.owner.api_key)).expect("key file");
    let d = dist();
    let addr = free_addr();
    let _host = Host(
        host_command(&addr, d.path())
            .args(["--portal", &portal.base_url()])
            .arg("--api-key-file")
            .arg(&key_file)
            .spawn()
            .expect("start docspace-host"),
    );
    let base = format!("http://{addr}");
    let (status, body) = ask_me(&addr).await;
    assert_eq!(status, 200, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).expect("json");
    assert_eq!(
        v["response"]["displayName"],
        portal.owner.display_name.as_str()
    );
    let cfg = reqwest::get(format!("{base}/docspace-config.json"))
        .await
        .expect("config")
        .text()
        .await
        .expect("text");
    let cfg_json: serde_json::Value = serde_json::from_str(&cfg).expect("json");
    assert_eq!(cfg_json["hostKey"], true);
    assert!(
        !cfg.contains(&portal.owner.api_key),
        "the key stays on the server"
    );
}

#[test]
fn an_unreadable_key_file_stops_the_binary_with_a_message() {
    let d = dist();
    let missing = d.path().join("no-such-key.txt");
    let mut child = host_command(&free_addr(), d.path())
        .args(["--portal", "http://127.0.0.1:9"])
        .arg("--api-key-file")
        .arg(&missing)
        .spawn()
        .expect("start docspace-host");
    let mut status = None;
    for _ in 0..100 {
        if let Some(s) = child.try_wait().expect("wait") {
            status = Some(s);
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    let Some(status) = status else {
        let _ = child.kill();
        let _ = child.wait();
        panic!("the host kept running without its key");
    };
    assert!(!status.success());
    let mut stderr = String::new();
    if let Some(mut e) = child.stderr.take() {
        std::io::Read::read_to_string(&mut e, &mut stderr).expect("stderr");
    }
    assert!(stderr.contains("cannot read the API key file"), "{stderr}");
    assert!(
        stderr.contains("no-such-key.txt"),
        "names the file: {stderr}"
    );
}

/// A devportal, the key file for its owner, and a proxy before it that wants `qa`/`s3cret`.
struct BehindProxy {
    portal: docspace_devportal::RunningPortal,
    proxy: docspace_testkit::AuthProxy,
    _keys: tempfile::TempDir,
    key_file: std::path::PathBuf,
    dist: tempfile::TempDir,
}

impl BehindProxy {
    async fn start() -> BehindProxy {
        let portal = docspace_devportal::start(PortalConfig::for_tests())
            .await
            .expect("devportal");
        let keys = tempfile::tempdir().expect("tempdir");
        let key_file = keys.path().join("key.txt");
        std::fs::write(&key_file, &portal.owner.api_key).expect("key file");
        BehindProxy {
            portal,
            proxy: docspace_testkit::AuthProxy::start("qa", "s3cret").await,
            _keys: keys,
            key_file,
            dist: dist(),
        }
    }

    fn host(&self, addr: &str) -> Command {
        let mut c = host_command(addr, self.dist.path());
        c.args(["--portal", &self.portal.base_url()])
            .arg("--api-key-file")
            .arg(&self.key_file);
        c
    }
}

#[tokio::test(flavor = "multi_thread")]
async fn the_portal_proxy_flag_carries_the_proxys_credentials() {
    let setup = BehindProxy::start().await;
    let addr = free_addr();
    let _host = Host(
        setup
            .host(&addr)
            .args(["--portal-proxy", &setup.proxy.url_with_credentials()])
            .spawn()
            .expect("start docspace-host"),
    );

    let (status, body) = ask_me(&addr).await;

    assert_eq!(status, 200, "{body}");
    assert!(body.contains(&setup.portal.owner.display_name), "{body}");
    assert_eq!(setup.proxy.refused(), 0);
    assert!(
        setup.proxy.forwarded() >= 1,
        "the request went through the proxy"
    );
}

#[tokio::test(flavor = "multi_thread")]
async fn the_proxy_variables_apply_and_a_407_becomes_a_502_that_says_what_to_set() {
    let setup = BehindProxy::start().await;
    // Without credentials, named by the usual variable: the proxy refuses.
    let addr = free_addr();
    let host = Host(
        setup
            .host(&addr)
            .env("HTTP_PROXY", setup.proxy.url())
            .spawn()
            .expect("start docspace-host"),
    );

    let (status, body) = ask_me(&addr).await;

    assert_eq!(status, 502, "{body}");
    let v: serde_json::Value = serde_json::from_str(&body).expect("an error envelope");
    let message = v["error"]["message"].as_str().unwrap_or_default();
    assert!(
        message.contains("a proxy on the way asks for credentials")
            && message.contains("--portal-proxy"),
        "{message}"
    );
    assert!(setup.proxy.refused() >= 1);
    drop(host);

    // With them in the variable's URL: through.
    let addr = free_addr();
    let _host = Host(
        setup
            .host(&addr)
            .env("http_proxy", setup.proxy.url_with_credentials())
            .spawn()
            .expect("start docspace-host"),
    );
    let (status, body) = ask_me(&addr).await;
    assert_eq!(status, 200, "{body}");
    assert!(setup.proxy.forwarded() >= 1);
}

#[test]
fn a_portal_proxy_without_a_portal_is_refused_at_start() {
    let d = dist();
    let out = host_command(&free_addr(), d.path())
        .args(["--portal-proxy", "http://127.0.0.1:9"])
        .output()
        .expect("run docspace-host");
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("--portal"), "{stderr}");
}
