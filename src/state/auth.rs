//! The calls behind signing in and out: the REST session through `docspace-api` (the password is
//! hashed in the browser with the portal's PBKDF2 parameters), and the frames' session through
//! `docspace-sdk`'s system frame, which sets the portal's own cookie in the portal's origin.

use docspace_api::{Client, Error};
use docspace_sdk::bridge::Frame;
use docspace_sdk::{FrameEvents, FrameOptions, LoginOutcome, SdkError, SystemConfig};
use wasm_bindgen::JsCast;

use crate::app_config::AppConfig;

/// How a REST sign-in is kept.
pub enum Kept {
    /// By the host, in a cookie script cannot read; the client goes through the host.
    ByHost,
    /// By the app: the login token, to keep in memory (and for the tab when asked).
    Token(String),
}

/// Signs in over REST; returns a client acting as the user and how the sign-in is kept. Through
/// a host that keeps sessions, `lasting` asks for a sign-in that outlives the browser session.
pub async fn rest_login(
    config: &AppConfig,
    email: &str,
    password: &str,
    lasting: bool,
) -> Result<(Client, Kept), Error> {
    let builder = Client::builder(config.api_base.clone());
    let client = if config.host_session {
        builder.host_proxy().build()?
    } else {
        builder.build()?
    };
    // Without the host, a browser-session login: no year-long token for a browser tab.
    let session = !(config.host_session && lasting);
    let answer = client
        .auth()
        .login(email, password)
        .session(session)
        .send()
        .await?;
    if answer.needs_second_factor() {
        return Err(Error::invalid(
            "sign-in",
            "this account uses two-factor authentication, which this app does not support yet; \
             sign in on the portal itself",
        ));
    }
    match answer.token {
        // The client now authenticates with the token itself.
        Some(token) => Ok((client, Kept::Token(token.expose().to_string()))),
        // The host took the token out of the answer and keeps it.
        None if config.host_session => Ok((client, Kept::ByHost)),
        None => Err(Error::invalid(
            "sign-in",
            "the portal answered without a session token",
        )),
    }
}

/// Ends the REST session of `client`.
pub async fn rest_logout(client: &Client) -> Result<(), Error> {
    client.auth().logout().await.map(|_| ())
}

/// Signs the embedded frames in: the portal's system frame hashes the password and logs in, so
/// the portal's cookie exists for every frame opened afterwards.
pub async fn sign_in_frames(config: &AppConfig, email: &str, password: &str) -> Result<(), String> {
    let options = FrameOptions::default().version(config.sdk_version());
    match docspace_sdk::login_with(&config.portal_url, email, password, options).await {
        Ok(LoginOutcome::SignedIn { .. }) => Ok(()),
        Ok(LoginOutcome::SecondFactorRequired { url }) => Err(format!(
            "The portal asks for a second factor at {url}; frames stay signed out."
        )),
        Err(e) => Err(explain(&e)),
    }
}

/// Signs the embedded frames out through a hidden system frame.
pub async fn sign_out_frames(config: &AppConfig) -> Result<(), String> {
    with_system_frame(config, |frame| async move { frame.logout().await }).await
}

/// Who the frames are signed in as (their portal session, read through a hidden system frame):
/// the user's id, or `None` when the portal does not know this browser.
pub async fn frames_user(config: &AppConfig) -> Result<Option<String>, String> {
    with_system_frame(config, |frame| async move { frame.get_user_info().await })
        .await
        .map(|user| user.map(|u| u.id))
}

/// Asks the portal something through a hidden system frame once it is ready, then removes the
/// frame, whatever the answer.
async fn with_system_frame<T, F, Fut>(config: &AppConfig, ask: F) -> Result<T, String>
where
    F: FnOnce(Frame) -> Fut,
    Fut: std::future::Future<Output = Result<T, SdkError>>,
{
    let host = hidden_host().ok_or("no browser document")?;
    let frame = Frame::mount(
        &host,
        &config.portal_url,
        SystemConfig::new(),
        FrameEvents::new(),
        FrameOptions::default().version(config.sdk_version()),
    );
    let outcome = match frame.ready().await {
        Ok(()) => ask(frame.clone()).await,
        Err(e) => Err(e),
    };
    frame.destroy();
    host.remove();
    outcome.map_err(|e| explain(&e))
}

/// The SDK's diagnosis in one paragraph: what is wrong and how to fix it.
pub fn explain(e: &SdkError) -> String {
    let d = e.diagnosis();
    format!("{}: {} {}", d.title, d.detail, d.fix)
}

/// An invisible element for a system frame, at the end of `<body>`.
fn hidden_host() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let host: web_sys::HtmlElement = document.create_element("div").ok()?.unchecked_into();
    host.set_class_name("visually-hidden");
    let _ = host.set_attribute("aria-hidden", "true");
    document.body()?.append_child(&host).ok()?;
    Some(host)
}
