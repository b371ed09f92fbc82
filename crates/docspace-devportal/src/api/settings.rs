//! `GET /api/2.0/settings`: the portal settings an anonymous client needs, including the
//! password-hash parameters (ONLYOFFICE/DocSpace-server: `common/ASC.Common/Security/Cryptography/PasswordHasher.cs`).

use axum::extract::State;
use serde_json::json;

use super::Portal;
use super::extract::Query;
use crate::auth::{Caller, PASSWORD_ITERATIONS, PASSWORD_SIZE_BITS};
use crate::db::settings;
use crate::envelope::{ApiResult, Envelope};
use crate::state::AppState;

/// `SettingsDto`; `passwordHash` for anonymous callers or with `?withpassword=true`.
pub async fn get_settings(
    State(state): State<AppState>,
    Portal(portal): Portal,
    caller: Option<Caller>,
    q: Query,
) -> ApiResult {
    let with_password = caller.is_none() || q.bool("withpassword")?.unwrap_or(false);
    let (salt, owner) = state
        .db
        .read(|c| {
            let salt = settings::get(c, settings::PASSWORD_SALT)?.unwrap_or_default();
            let owner = crate::users::by_email(c, crate::seed::OWNER_EMAIL)?.map(|u| u.id);
            Ok((salt, owner))
        })
        .await?;
    let host = portal.trim_start_matches("http://").to_string();
    let mut v = json!({
        "timezone": "UTC",
        "trustedDomainsType": 0,
        "culture": "en-US",
        "utcOffset": "00:00:00",
        "utcHoursOffset": 0.0,
        "greetingSettings": "DocSpace devportal",
        "nameSchemaId": "Common",
        "enabledJoin": false,
        "enableAdmMess": false,
        "thirdpartyEnable": false,
        "docSpace": true,
        "standalone": true,
        "baseDomain": host,
        "version": env!("CARGO_PKG_VERSION"),
        "recaptchaType": 0,
        "tenantStatus": 0,
        "tenantAlias": "localhost",
        "displayAbout": true,
        "cookieSettingsEnabled": false,
        "limitedAccessSpace": false,
        "limitedAccessDevToolsForUsers": false,
        "invitationLimit": 2147483647,
        "maxImageUploadSize": 1048576,
        "deepLink": { "androidPackageName": "", "url": "", "iosPackageId": "" },
        "socketUrl": "",
    });
    if let Some(o) = owner.filter(|_| caller.is_some()) {
        v["ownerId"] = json!(o);
    }
    if with_password {
        v["passwordHash"] = json!({
            "size": PASSWORD_SIZE_BITS,
            "iterations": PASSWORD_ITERATIONS,
            "salt": salt,
        });
    }
    Ok(Envelope::from_value(v))
}
