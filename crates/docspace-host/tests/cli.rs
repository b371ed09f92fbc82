//! The `docspace-host` binary: its `--api-key-file` flag, end to end over real HTTP.

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
        .stdout(Stdio::null())
        .stderr(Stdio::piped());
    c
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
    let mut me = None;
    for _ in 0..100 {
        // As the host's app asks for the held key (see docspace_api::Auth::HostProxy).
        let asked = reqwest::Client::new()
            .get(format!("{base}/api/2.0/people/@self"))
            .header(docspace_api::HOST_KEY_HEADER, "1")
            .send()
            .await;
        if let Ok(resp) = asked {
            me = Some((
                resp.status().as_u16(),
                resp.text().await.unwrap_or_default(),
            ));
            break;
        }
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
    let (status, body) = me.expect("the host answered within 10 s");
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
