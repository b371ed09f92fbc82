//! The embedded frames' portal session, through `docspace-sdk`'s hidden system frame: signing it
//! in (the system frame hashes the password and logs in, which sets the portal's own cookie in the
//! portal's origin, for every frame opened afterwards), signing it out, and asking who it is.
//!
//! All three go through one split point (feature `split`): the system frame, its bridge and the
//! SDK's diagnosis texts are in the `embeds` chunk (with the pages that embed frames,
//! `pages/lazy.rs`), fetched on first use, so the rooms list paints
//! from the main module without them. [`preload`] starts that fetch early, e.g. while the REST
//! sign-in runs.

use docspace_sdk::bridge::Frame;
use docspace_sdk::{FrameEvents, FrameOptions, LoginOutcome, SdkError, SystemConfig};
use futures::future::LocalBoxFuture;
use wasm_bindgen::JsCast;

use crate::app_config::AppConfig;
use crate::locale::{Said, said};
use crate::split::{SplitLoaderError, not_loaded};

/// Signs the embedded frames in with the user's e-mail and password.
pub async fn sign_in(config: &AppConfig, email: &str, password: &str) -> Result<(), Said> {
    call(FramesCall::SignIn {
        config: config.clone(),
        email: email.to_owned(),
        password: password.to_owned(),
    })
    .await
    .map(drop)
}

/// Signs the embedded frames out.
pub async fn sign_out(config: &AppConfig) -> Result<(), Said> {
    call(FramesCall::SignOut {
        config: config.clone(),
    })
    .await
    .map(drop)
}

/// Who the frames are signed in as: the user's id, or `None` when the portal does not know this
/// browser.
pub async fn user(config: &AppConfig) -> Result<Option<String>, Said> {
    call(FramesCall::WhoIsSignedIn {
        config: config.clone(),
    })
    .await
}

/// Starts fetching the frames' code (feature `split`; without it there is nothing to fetch). A
/// failure here is reported by the call that needs the code.
pub fn preload() {
    #[cfg(feature = "split")]
    leptos::task::spawn_local(async {
        let _ = fetch_chunk().await;
    });
}

/// The SDK's diagnosis in one paragraph, worded when shown: what is wrong and how to fix it.
pub fn explain(e: &SdkError) -> Said {
    let e = e.clone();
    Said::new(move |l| {
        let d = e.diagnosis_in(&crate::locale::sdk_texts::texts(l));
        format!("{}: {} {}", d.title, d.detail, d.fix)
    })
}

/// What [`start`] is asked to do: one entry point, so the three share one wasm chunk.
enum FramesCall {
    SignIn {
        config: AppConfig,
        email: String,
        password: String,
    },
    SignOut {
        config: AppConfig,
    },
    WhoIsSignedIn {
        config: AppConfig,
    },
}

/// Runs a [`FramesCall`] once its code is there; the answer is the frames' user id for
/// `WhoIsSignedIn`, else `None`.
async fn call(call: FramesCall) -> Result<Option<String>, Said> {
    #[cfg(feature = "split")]
    let started = start(call).await;
    #[cfg(not(feature = "split"))]
    let started = start(call);
    match started {
        Ok(running) => running.await,
        Err(_) => Err(not_loaded()),
    }
}

/// The split point: everything reachable only from here is in the frames' chunk.
#[cfg_attr(
    feature = "split",
    wasm_split_helpers::wasm_split(embeds, fallible, preload(fetch_chunk))
)]
fn start(
    call: FramesCall,
) -> Result<LocalBoxFuture<'static, Result<Option<String>, Said>>, SplitLoaderError> {
    Ok(Box::pin(run(call)))
}

async fn run(call: FramesCall) -> Result<Option<String>, Said> {
    match call {
        FramesCall::SignIn {
            config,
            email,
            password,
        } => {
            let options = FrameOptions::default().version(config.sdk_version());
            match docspace_sdk::login_with(&config.portal_url, &email, &password, options).await {
                Ok(LoginOutcome::SignedIn { .. }) => Ok(None),
                Ok(LoginOutcome::SecondFactorRequired { url }) => {
                    Err(said!(session.second_factor, url = &url))
                }
                Err(e) => Err(explain(&e)),
            }
        }
        FramesCall::SignOut { config } => {
            with_system_frame(&config, |frame| async move { frame.logout().await })
                .await
                .map(|()| None)
        }
        FramesCall::WhoIsSignedIn { config } => {
            with_system_frame(&config, |frame| async move { frame.get_user_info().await })
                .await
                .map(|user| user.map(|u| u.id))
        }
    }
}

/// Asks the portal something through a hidden system frame once it is ready, then removes the
/// frame, whatever the answer.
async fn with_system_frame<T, F, Fut>(config: &AppConfig, ask: F) -> Result<T, Said>
where
    F: FnOnce(Frame) -> Fut,
    Fut: std::future::Future<Output = Result<T, SdkError>>,
{
    let host = hidden_host().ok_or_else(|| said!(errors.no_document))?;
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

/// An invisible element for a system frame, at the end of `<body>`.
fn hidden_host() -> Option<web_sys::HtmlElement> {
    let document = web_sys::window()?.document()?;
    let host: web_sys::HtmlElement = document.create_element("div").ok()?.unchecked_into();
    host.set_class_name("visually-hidden");
    let _ = host.set_attribute("aria-hidden", "true");
    document.body()?.append_child(&host).ok()?;
    Some(host)
}
