//! Shared helpers for the devportal's HTTP integration tests: a fresh in-memory portal per test
//! and a small client that speaks the envelope.

#![allow(dead_code)] // Each test file uses a different subset.

use docspace_devportal::{PortalConfig, RateLimits, RunningPortal};
use reqwest::Method;
use reqwest::header::HeaderMap;
use serde_json::{Value, json};

/// The demo users' e-mails by role.
pub const ADMIN: &str = "admin@example.com";
/// Room admin.
pub const ROOM_ADMIN: &str = "roomadmin@example.com";
/// User.
pub const USER: &str = "user@example.com";
/// Guest.
pub const GUEST: &str = "guest@example.com";
/// Owner.
pub const OWNER: &str = "owner@example.com";

/// A portal on a free loopback port with an in-memory database and the demo seed.
pub async fn portal() -> RunningPortal {
    docspace_devportal::start(PortalConfig::for_tests())
        .await
        .expect("devportal starts")
}

/// A test portal with a changed configuration.
pub async fn portal_with(change: impl FnOnce(&mut PortalConfig)) -> RunningPortal {
    let mut cfg = PortalConfig::for_tests();
    change(&mut cfg);
    docspace_devportal::start(cfg)
        .await
        .expect("devportal starts")
}

/// A portal without rate limits (tests that sign in many users).
pub async fn unlimited_portal() -> RunningPortal {
    portal_with(|c| c.rate_limits = RateLimits::off()).await
}

/// A plain HTTP client.
pub fn http() -> reqwest::Client {
    reqwest::Client::new()
}

/// GET `path` with an optional `Authorization` header; returns status and body text.
pub async fn get(portal: &RunningPortal, path: &str, auth: Option<&str>) -> (u16, String) {
    let mut req = http().get(format!("{}{}", portal.base_url(), path));
    if let Some(a) = auth {
        req = req.header("Authorization", a);
    }
    let resp = req.send().await.expect("request sent");
    let status = resp.status().as_u16();
    (status, resp.text().await.expect("body read"))
}

/// Parses a JSON body.
pub fn json(body: &str) -> Value {
    serde_json::from_str(body).unwrap_or_else(|e| panic!("not JSON ({e}): {body}"))
}

/// An answer: status, headers, body.
#[derive(Debug)]
pub struct Resp {
    /// HTTP status.
    pub status: u16,
    /// Headers.
    pub headers: HeaderMap,
    /// Raw body.
    pub body: Vec<u8>,
}

impl Resp {
    /// The body as text.
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }

    /// The body as JSON.
    pub fn json(&self) -> Value {
        json(&self.text())
    }

    /// The envelope's `response`.
    pub fn response(&self) -> Value {
        self.json()["response"].clone()
    }

    /// Panics unless the status is `status`; returns self for chaining.
    #[track_caller]
    pub fn expect(self, status: u16) -> Resp {
        assert_eq!(
            self.status,
            status,
            "unexpected status; body: {}",
            self.text()
        );
        self
    }

    /// Asserts a DocSpace error body with this status and a message containing `part`.
    #[track_caller]
    pub fn expect_error(self, status: u16, part: &str) -> Resp {
        assert_eq!(
            self.status,
            status,
            "unexpected status; body: {}",
            self.text()
        );
        let v = self.json();
        assert_eq!(v["statusCode"], status, "{v}");
        assert_eq!(v["status"], 1, "{v}");
        let msg = if v["error"]["message"].is_string() {
            v["error"]["message"]
                .as_str()
                .unwrap_or_default()
                .to_string()
        } else {
            v["response"]["errors"].to_string()
        };
        assert!(
            msg.contains(part),
            "message {msg:?} lacks {part:?}; body {v}"
        );
        self
    }

    /// Asserts an empty-bodied answer with this status (401/403/429 forms).
    #[track_caller]
    pub fn expect_empty(self, status: u16) -> Resp {
        assert_eq!(
            self.status,
            status,
            "unexpected status; body: {}",
            self.text()
        );
        assert!(
            self.body.is_empty(),
            "expected an empty body, got {}",
            self.text()
        );
        self
    }

    /// Asserts a 400 validation envelope (ProblemDetails inside the envelope) naming `field`.
    #[track_caller]
    pub fn expect_validation(self, field: &str) -> Resp {
        assert_eq!(self.status, 400, "unexpected status; body: {}", self.text());
        let v = self.json();
        assert_eq!(v["status"], 1, "{v}");
        assert_eq!(v["response"]["status"], 400, "{v}");
        assert_eq!(
            v["response"]["title"], "One or more validation errors occurred.",
            "{v}"
        );
        let errors = v["response"]["errors"].as_object().expect("errors object");
        assert!(
            errors.keys().any(|k| k.contains(field)),
            "no error for {field}: {v}"
        );
        self
    }
}

/// A client acting with one credential.
#[derive(Clone)]
pub struct Api {
    base: String,
    auth: Option<String>,
    extra: Vec<(String, String)>,
    http: reqwest::Client,
}

impl Api {
    /// Anonymous.
    pub fn anonymous(p: &RunningPortal) -> Api {
        Api {
            base: p.base_url(),
            auth: None,
            extra: Vec::new(),
            http: http(),
        }
    }

    /// With an `Authorization` header value.
    pub fn with_auth(p: &RunningPortal, auth: impl Into<String>) -> Api {
        Api {
            auth: Some(auth.into()),
            ..Api::anonymous(p)
        }
    }

    /// The owner, by API key.
    pub fn owner(p: &RunningPortal) -> Api {
        Api::with_auth(p, format!("Bearer {}", p.owner.api_key))
    }

    /// A client for a portal known only by URL (a child process), with an `Authorization` value
    /// (none when empty).
    pub fn for_url(base: &str, auth: &str) -> Api {
        Api {
            base: base.trim_end_matches('/').to_string(),
            auth: Some(auth.to_string()).filter(|a| !a.is_empty()),
            extra: Vec::new(),
            http: http(),
        }
    }

    /// Adds a header to every request.
    pub fn header(mut self, k: &str, v: &str) -> Api {
        self.extra.push((k.into(), v.into()));
        self
    }

    /// The same client over another HTTP client (e.g. bound to another local address).
    pub fn with_http(mut self, http: reqwest::Client) -> Api {
        self.http = http;
        self
    }

    /// A copy that adds a header to every request.
    pub fn clone_with(&self, k: &str, v: &str) -> Api {
        self.clone().header(k, v)
    }

    /// The `Authorization` value this client sends (empty when anonymous).
    pub fn auth_value(&self) -> &str {
        self.auth.as_deref().unwrap_or("")
    }

    /// The portal's base URL.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// Sends a request with an optional JSON body.
    pub async fn call(&self, method: Method, path: &str, body: Option<&Value>) -> Resp {
        let url = if path.starts_with("http") {
            path.to_string()
        } else {
            format!("{}{}", self.base, path)
        };
        let mut req = self.http.request(method, url);
        if let Some(a) = &self.auth {
            req = req.header("Authorization", a);
        }
        for (k, v) in &self.extra {
            req = req.header(k, v);
        }
        if let Some(b) = body {
            req = req
                .header("Content-Type", "application/json")
                .body(b.to_string());
        }
        finish(req).await
    }

    /// Sends raw bytes with a content type.
    pub async fn raw(&self, method: Method, path: &str, content_type: &str, body: Vec<u8>) -> Resp {
        let mut req = self.http.request(method, format!("{}{}", self.base, path));
        if let Some(a) = &self.auth {
            req = req.header("Authorization", a);
        }
        for (k, v) in &self.extra {
            req = req.header(k, v);
        }
        finish(req.header("Content-Type", content_type).body(body)).await
    }

    /// Sends a multipart form of `(name, file name, bytes)` parts.
    pub async fn multipart(
        &self,
        method: Method,
        path: &str,
        parts: &[(&str, Option<&str>, &[u8])],
    ) -> Resp {
        let (ct, body) = multipart_body(parts);
        self.raw(method, path, &ct, body).await
    }

    /// GET.
    pub async fn get(&self, path: &str) -> Resp {
        self.call(Method::GET, path, None).await
    }

    /// POST with a JSON body.
    pub async fn post(&self, path: &str, body: Value) -> Resp {
        self.call(Method::POST, path, Some(&body)).await
    }

    /// PUT with a JSON body.
    pub async fn put(&self, path: &str, body: Value) -> Resp {
        self.call(Method::PUT, path, Some(&body)).await
    }

    /// DELETE with a JSON body.
    pub async fn delete(&self, path: &str, body: Value) -> Resp {
        self.call(Method::DELETE, path, Some(&body)).await
    }

    /// A GET that must succeed (200); the envelope's `response`.
    pub async fn get_ok(&self, path: &str) -> Value {
        self.call_ok(Method::GET, path, None).await
    }

    /// A POST that must succeed (200); the envelope's `response`.
    pub async fn post_ok(&self, path: &str, body: Value) -> Value {
        self.call_ok(Method::POST, path, Some(&body)).await
    }

    /// A PUT that must succeed (200); the envelope's `response`.
    pub async fn put_ok(&self, path: &str, body: Value) -> Value {
        self.call_ok(Method::PUT, path, Some(&body)).await
    }

    /// A DELETE that must succeed (200); the envelope's `response`.
    pub async fn delete_ok(&self, path: &str, body: Value) -> Value {
        self.call_ok(Method::DELETE, path, Some(&body)).await
    }

    /// A call that must answer 200, named in the failure (an async fn cannot point at its
    /// caller's line, so the request says which step failed).
    async fn call_ok(&self, method: Method, path: &str, body: Option<&Value>) -> Value {
        let step = format!("{method} {path}");
        let resp = self.call(method, path, body).await;
        assert_eq!(
            resp.status,
            200,
            "{step}: unexpected status; body: {}",
            resp.text()
        );
        resp.response()
    }
}

async fn finish(req: reqwest::RequestBuilder) -> Resp {
    let resp = req.send().await.expect("request sent");
    let status = resp.status().as_u16();
    let headers = resp.headers().clone();
    let body = resp.bytes().await.expect("body read").to_vec();
    Resp {
        status,
        headers,
        body,
    }
}

/// A `multipart/form-data` body and its content type.
pub fn multipart_body(parts: &[(&str, Option<&str>, &[u8])]) -> (String, Vec<u8>) {
    let boundary = "devportal-test-boundary-7f3a9c";
    let mut body = Vec::new();
    for (name, file, data) in parts {
        body.extend_from_slice(format!("--{boundary}\r\n").as_bytes());
        match file {
            Some(f) => body.extend_from_slice(
                format!("Content-Disposition: form-data; name=\"{name}\"; filename=\"{f}\"\r\nContent-Type: application/octet-stream\r\n\r\n").as_bytes(),
            ),
            None => body.extend_from_slice(format!("Content-Disposition: form-data; name=\"{name}\"\r\n\r\n").as_bytes()),
        }
        body.extend_from_slice(data);
        body.extend_from_slice(b"\r\n");
    }
    body.extend_from_slice(format!("--{boundary}--\r\n").as_bytes());
    (format!("multipart/form-data; boundary={boundary}"), body)
}

/// Signs in a demo user (all share the owner's password) and returns a bearer-token client.
pub async fn login(p: &RunningPortal, email: &str) -> Api {
    let r = Api::anonymous(p)
        .post(
            "/api/2.0/authentication",
            json!({ "userName": email, "password": p.owner.password }),
        )
        .await
        .expect(200);
    let token = r.response()["token"].as_str().expect("token").to_string();
    Api::with_auth(p, format!("Bearer {token}"))
}

/// The id of the room titled `title` (searching active and archived rooms).
pub async fn room_id(api: &Api, title: &str) -> i64 {
    let r = api
        .get("/api/2.0/files/rooms?searchArea=2&count=100")
        .await
        .expect(200);
    r.response()["folders"]
        .as_array()
        .expect("folders")
        .iter()
        .find(|f| f["title"] == title)
        .and_then(|f| f["id"].as_i64())
        .unwrap_or_else(|| panic!("no room {title}"))
}

/// Creates a room and returns its DTO.
pub async fn create_room(api: &Api, title: &str, room_type: Value) -> Value {
    api.post_ok(
        "/api/2.0/files/rooms",
        json!({ "title": title, "roomType": room_type }),
    )
    .await
}

/// The id of a user by e-mail.
pub async fn user_id(owner: &Api, email: &str) -> String {
    let r = owner
        .get(&format!("/api/2.0/people?filterValue={email}"))
        .await
        .expect(200);
    r.response()[0]["id"].as_str().expect("user id").to_string()
}

/// Creates folder `title` under `parent` (an id or `@my`); its id.
pub async fn new_folder(api: &Api, parent: impl std::fmt::Display, title: &str) -> i64 {
    api.post_ok(
        &format!("/api/2.0/files/folder/{parent}"),
        json!({ "title": title }),
    )
    .await["id"]
        .as_i64()
        .expect("folder id")
}

/// Creates an empty file `title` in `folder` (an id or `@my`); its id.
pub async fn new_file(api: &Api, folder: impl std::fmt::Display, title: &str) -> i64 {
    api.post_ok(
        &format!("/api/2.0/files/{folder}/file"),
        json!({ "title": title }),
    )
    .await["id"]
        .as_i64()
        .expect("file id")
}

/// Uploads `data` as `name` into `folder` (a new file, or a new version of the one of that
/// name); the file's id.
pub async fn upload_file(
    api: &Api,
    folder: impl std::fmt::Display,
    name: &str,
    data: &[u8],
) -> i64 {
    api.multipart(
        Method::POST,
        &format!("/api/2.0/files/{folder}/upload"),
        &[("File", Some(name), data)],
    )
    .await
    .expect(200)
    .response()[0]["id"]
        .as_i64()
        .expect("file id")
}

/// Makes the demo user `email` a member of `room` with `access` (a `FileShare` value), without
/// an e-mail, and signs them in.
pub async fn room_member(
    p: &RunningPortal,
    owner: &Api,
    room: i64,
    email: &str,
    access: i64,
) -> Api {
    let user = user_id(owner, email).await;
    owner
        .put_ok(
            &format!("/api/2.0/files/rooms/{room}/share"),
            json!({ "invitations": [{ "id": user, "access": access }], "notify": false }),
        )
        .await;
    login(p, email).await
}

/// Titles of the files and folders of a `FolderContentDto`.
pub fn titles(content: &Value, key: &str) -> Vec<String> {
    content[key]
        .as_array()
        .map(|a| {
            a.iter()
                .filter_map(|e| e["title"].as_str().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// `(heading of the table, [(action, [allowed per column])], column names)`.
pub fn matrix_table(heading: &str) -> (Vec<String>, Vec<(String, Vec<bool>)>) {
    let src = include_str!("../../src/permissions/mod.rs");
    let lines: Vec<&str> = src
        .lines()
        .map(|l| l.trim_start_matches("//!").trim())
        .collect();
    let start = lines
        .iter()
        .position(|l| l.starts_with("## ") && l.contains(heading))
        .expect("table heading");
    let cells = |l: &str| {
        l.trim_matches('|')
            .split('|')
            .map(|c| c.trim().to_string())
            .collect::<Vec<_>>()
    };
    let mut rows = lines[start + 1..]
        .iter()
        .skip_while(|l| !l.starts_with('|'));
    let header = cells(rows.next().expect("header row"));
    let _rule = rows.next();
    let body = rows
        .take_while(|l| l.starts_with('|'))
        .map(|l| {
            let c = cells(l);
            let allowed = c[1..]
                .iter()
                .map(|v| match v.as_str() {
                    "yes" => true,
                    "no" => false,
                    other => panic!("cell {other:?} is neither yes nor no"),
                })
                .collect::<Vec<_>>();
            assert_eq!(allowed.len(), header.len() - 1, "row {l}");
            (c[0].clone(), allowed)
        })
        .collect();
    (header[1..].to_vec(), body)
}
