//! The calls behind signing in and out: the REST session through `docspace-api` (the password is
//! hashed in the browser with the portal's PBKDF2 parameters), and the frames' session through
//! `docspace-sdk`'s system frame, which sets the portal's own cookie in the portal's origin.

use docspace_api::{Client, Error};
use docspace_sdk::bridge::Frame;
use docspace_sdk::{FrameEvents, FrameOptions, LoginOutcome, SdkError, SystemConfig};
use wasm_bindgen::JsCast;

use crate::app_config::AppConfig;

/// Signs in over REST; returns a client acting as the user and the login token (to keep for the
/// tab when the user asked to stay signed in).
pub async fn rest_login(
    config: &AppConfig,
    email: &str,
    password: &str,
) -> Result<(Client, String), Error> {
    let client = Client::builder(config.api_base.clone()).build()?;
    // A browser-session login: no year-long token for a browser tab.
    let answer = client
        .auth()
        .login(email, password)
        .session(true)
        .send()
        .await?;
    match answer.token {
        Some(token) => Ok((client, token.expose().to_string())),
        None => Err(Error::invalid(
            "sign-in",
            "this account uses two-factor authentication, which this app does not support yet; \
             sign in on the portal itself",
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
    let host = hidden_host().ok_or("no browser document")?;
    let frame = Frame::mount(
        &host,
        &config.portal_url,
        SystemConfig::new(),
        FrameEvents::new(),
        FrameOptions::default().version(config.sdk_version()),
    );
    let outcome = async {
        frame.ready().await?;
        frame.logout().await
    }
    .await;
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
