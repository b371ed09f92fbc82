//! `POST /api/2.0/people/password`: DocSpace's password reminder ("Remind a user password"),
//! answered as `ONLYOFFICE/DocSpace-server: products/ASC.People/Server/Api/UserController.cs`
//! (`SendUserPassword`) and `web/ASC.Web.Core/Users/UserManagerWrapper.cs`
//! (`SendUserPasswordAsync`) answer it, except that no e-mail is sent. It is in DocSpace's
//! `sensitive_api` rate-limit policy (see [`crate::ratelimit`]).
//!
//! - Anonymous: always the same answer, whether the address is known or not (no account
//!   enumeration). The devportal has no CAPTCHA configured, as a portal without
//!   `hcaptcha`/`recaptcha` keys.
//! - Signed in, for one's own address: the "sent" answer.
//! - Signed in, for someone else: only a DocSpace admin; never for the portal owner; for another
//!   admin only by the owner (`SecurityException`: 403 "Access denied"). A failure to "send"
//!   (unknown address, suspended profile) is an `InvalidOperationException`: 403 with its message.

use axum::extract::State;
use serde::Deserialize;

use super::extract::JsonBody;
use crate::auth::Caller;
use crate::envelope::{ApiError, ApiResult, Envelope};
use crate::state::AppState;
use crate::users::{self, EmployeeType};
use docspace_types::is_email;

/// `EmailMemberRequestDto`.
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct EmailRequest {
    #[serde(default)]
    email: Option<String>,
    #[serde(default)]
    #[allow(dead_code)] // No CAPTCHA is configured here, as on a portal without CAPTCHA keys.
    recaptcha_type: Option<serde_json::Value>,
    #[serde(default)]
    #[allow(dead_code)]
    recaptcha_response: Option<String>,
}

/// DocSpace's `Resource.MessageYourPasswordSendedToEmail`.
fn anonymous_answer(email: &str) -> String {
    format!(
        "If a user with the {email} email exists, the password change instruction has been sent to this email address."
    )
}

/// DocSpace's `Resource.MessagePasswordSendedToEmail`.
fn signed_in_answer(email: &str) -> String {
    format!("The password change instruction has been sent to {email} email address.")
}

/// The `EmailMemberRequestDto` model checks (`[Required]`, `[EmailAddress]`, `[StringLength(255)]`).
fn checked_email(req: &EmailRequest) -> Result<String, ApiError> {
    let email = req.email.as_deref().unwrap_or("").trim();
    if email.is_empty() {
        return Err(ApiError::field("Email", "The Email field is required."));
    }
    if email.chars().count() > 255 {
        return Err(ApiError::field(
            "Email",
            "The field Email must be a string with a maximum length of 255.",
        ));
    }
    if !is_email(email) {
        return Err(ApiError::field(
            "Email",
            "The Email field is not a valid e-mail address.",
        ));
    }
    Ok(email.to_string())
}

/// `POST /api/2.0/people/password` (anonymous allowed) → a message string.
pub async fn remind(
    State(state): State<AppState>,
    caller: Option<Caller>,
    JsonBody(req): JsonBody<EmailRequest>,
) -> ApiResult {
    let email = checked_email(&req)?;
    let Some(caller) = caller else {
        return Ok(Envelope::ok(anonymous_answer(&email)));
    };
    let lookup = email.clone();
    let target = state.db.read(move |c| users::by_email(c, &lookup)).await?;
    let me = &caller.user;
    let is_self = target.as_ref().is_some_and(|t| t.id == me.id);
    if !is_self {
        if !me.is_admin() {
            return Err(ApiError::AccessDenied);
        }
        if let Some(t) = &target {
            if t.is_owner {
                return Err(ApiError::AccessDenied);
            }
            if t.user_type == EmployeeType::DocSpaceAdmin && !me.is_owner {
                return Err(ApiError::AccessDenied);
            }
        }
    }
    match target {
        None => Err(ApiError::InvalidOperation(format!(
            "The user with \"{email}\" email could not be found"
        ))),
        // EmployeeStatus.Terminated.
        Some(t) if t.status == 2 => Err(ApiError::InvalidOperation(
            "Your profile is suspended".into(),
        )),
        Some(_) => Ok(Envelope::ok(signed_in_answer(&email))),
    }
}
