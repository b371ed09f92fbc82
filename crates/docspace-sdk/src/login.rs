//! Signing in from the host page, so that every frame of the portal shares the session.

use crate::bridge::{Frame, FrameOptions};
use crate::config::modes::SystemConfig;
use crate::error::SdkError;
use crate::events::FrameEvents;
use crate::model::{LoginOutcome, Password};

/// Signs `email` in to `portal` through a hidden system frame: hash parameters, hash, login
/// (DocSpace's own sequence). The session cookie is set in the portal's origin, so frames
/// created afterwards are signed in. The frame is removed afterwards, whatever happens.
///
/// The password is hashed inside the frame and never leaves the page otherwise; the bridge
/// logs neither.
///
/// ```no_run
/// # async fn demo() -> Result<(), docspace_sdk::SdkError> {
/// use docspace_sdk::{login, LoginOutcome};
/// match login("https://docs.example.com", "owner@example.com", "secret").await? {
///     LoginOutcome::SignedIn { .. } => println!("signed in"),
///     LoginOutcome::SecondFactorRequired { url } => println!("confirm at {url}"),
/// }
/// # Ok(()) }
/// ```
pub async fn login(
    portal: &str,
    email: &str,
    password: impl Into<Password>,
) -> Result<LoginOutcome, SdkError> {
    login_with(portal, email, password, FrameOptions::default()).await
}

/// [`login`] with explicit frame options (script version, time limits).
///
/// ```no_run
/// # async fn demo() -> Result<(), docspace_sdk::SdkError> {
/// use docspace_sdk::{login_with, FrameOptions, SdkVersion};
/// login_with("https://docs.example.com", "owner@example.com", "secret",
///            FrameOptions::default().version(SdkVersion::V2_0_0)).await?;
/// # Ok(()) }
/// ```
pub async fn login_with(
    portal: &str,
    email: &str,
    password: impl Into<Password>,
    options: FrameOptions,
) -> Result<LoginOutcome, SdkError> {
    let password = password.into();
    if email.trim().is_empty() || password.expose().is_empty() {
        return Err(SdkError::InvalidArgument(
            "email and password are required".into(),
        ));
    }
    let host = hidden_host()?;
    let frame = Frame::mount(
        &host,
        portal,
        SystemConfig::new(),
        FrameEvents::new(),
        options,
    );
    let outcome = async {
        frame.ready().await?;
        frame.sign_in(email, password).await
    }
    .await;
    frame.destroy();
    host.remove();
    outcome
}

/// An invisible element at the end of `<body>` for the system frame.
fn hidden_host() -> Result<web_sys::HtmlElement, SdkError> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or(SdkError::NoWindow)?;
    let host: web_sys::HtmlElement = document
        .create_element("div")
        .map_err(|_| SdkError::NoWindow)?
        .unchecked_into();
    let _ = host.set_attribute("aria-hidden", "true");
    let _ = host.set_attribute(
        "style",
        "position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);",
    );
    document
        .body()
        .ok_or(SdkError::NoWindow)?
        .append_child(&host)
        .map_err(|_| SdkError::NoWindow)?;
    Ok(host)
}
