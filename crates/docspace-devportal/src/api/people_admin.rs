//! People administration: change type, disable/enable, delete, resend invitations
//! (`ONLYOFFICE/DocSpace-server: products/ASC.People/Server/Api/UserController.cs`: `UpdateUserType`,
//! `UpdateUserStatus`, `DeleteMember`, `ResendUserInvites`). The rules live in
//! [`crate::people_rules`]; this module reads requests and writes answers in DocSpace's shapes.

use axum::extract::Path;
use serde::Deserialize;
use serde_json::Value;

use super::SignedInCall;
use super::extract::{JsonBody, parse_enum};
use super::people::{NOT_FOUND, visible_user};
use crate::db::entries::folder_type;
use crate::envelope::{ApiError, ApiResult};
use crate::people_rules as rules;
use crate::users::{self, EmployeeType, User};

/// `UpdateMembersRequestDto`: `{userIds, resendAll}`.
#[derive(Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct MembersRequest {
    #[serde(default)]
    user_ids: Option<Vec<String>>,
    #[serde(default)]
    resend_all: Option<bool>,
}

impl MembersRequest {
    fn ids(&self) -> Result<Vec<String>, ApiError> {
        self.user_ids
            .iter()
            .flatten()
            .map(|id| {
                uuid::Uuid::parse_str(id)
                    .map(|u| u.to_string())
                    .map_err(|_| {
                        ApiError::field("UserIds", format!("The value '{id}' is not valid."))
                    })
            })
            .collect()
    }
}

fn dtos(list: &[User], portal: &str) -> Vec<Value> {
    list.iter().map(|u| u.to_full_dto(portal)).collect()
}

/// `PUT /api/2.0/people/type/{type}`: `UpdateUserType`. All or nothing here (DocSpace stops at the
/// first refused user, keeping earlier changes).
pub async fn change_type(
    SignedInCall { caller, portal, db }: SignedInCall,
    Path(raw): Path<String>,
    JsonBody(req): JsonBody<MembersRequest>,
) -> ApiResult {
    let to = parse_enum(&raw, EmployeeType::NAMES)
        .and_then(EmployeeType::from_i64)
        .ok_or_else(|| ApiError::field("type", format!("The value '{raw}' is not valid.")))?;
    let ids = req.ids()?;
    let me = caller.user;
    if !rules::may_change_type_to(&me, to) {
        return Err(ApiError::AccessDenied);
    }
    db.write(move |tx| {
        let mut out = Vec::with_capacity(ids.len());
        for id in &ids {
            let mut user = visible_user(tx, &me, id)?;
            if user.status == 2 || !rules::type_change_allowed(&me, &user, to) {
                return Err(ApiError::AccessDenied);
            }
            users::set_type(tx, &user.id, to)?;
            if user.user_type == EmployeeType::Guest {
                // A guest who becomes a member gets the sections members have.
                user.user_type = to;
                crate::seed::ensure_personal_sections(tx, &user)?;
            }
            user.user_type = to;
            out.push(user);
        }
        Ok(dtos(&out, &portal))
    })
    .await
}

/// `PUT /api/2.0/people/status/{status}`: `UpdateUserStatus`, `Active` or `Terminated` only.
pub async fn set_status(
    SignedInCall { caller, portal, db }: SignedInCall,
    Path(raw): Path<String>,
    JsonBody(req): JsonBody<MembersRequest>,
) -> ApiResult {
    let status = parse_enum(
        &raw,
        &[
            ("Active", 1),
            ("Terminated", 2),
            ("Pending", 4),
            ("Default", 5),
            ("All", 7),
        ],
    )
    .ok_or_else(|| ApiError::field("status", format!("The value '{raw}' is not valid.")))?;
    if status != 1 && status != 2 {
        return Err(ApiError::BadRequest("Incorrect status".into()));
    }
    let ids = req.ids()?;
    let me = caller.user;
    if !rules::may_edit_users(&me) {
        return Err(ApiError::AccessDenied);
    }
    db.write(move |tx| {
        let mut list = Vec::with_capacity(ids.len());
        for id in &ids {
            let user = users::by_id(tx, id)?.ok_or_else(|| ApiError::NotFound(NOT_FOUND.into()))?;
            if !rules::status_target_allowed(&me, &user) {
                return Err(ApiError::AccessDenied);
            }
            list.push(user);
        }
        for user in &mut list {
            match status {
                1 if user.status == 2 => {
                    // An invitation never accepted goes back to pending, as DocSpace does for
                    // a disabled user that only has an invitation event.
                    user.status = if user.activation_status == 2 { 4 } else { 1 };
                }
                2 => {
                    user.status = 2;
                    // `ResetUserCookieAsync`: the user's sign-ins end now.
                    tx.execute("DELETE FROM sessions WHERE user_id = ?1", [&user.id])?;
                }
                _ => continue,
            }
            users::set_status(tx, &user.id, user.status)?;
        }
        Ok(dtos(&list, &portal))
    })
    .await
}

/// `DELETE /api/2.0/people/{userid}`: `DeleteMember`, only for disabled users. The user's
/// personal sections go with them; rooms they own pass to the admin who deletes them, so no room
/// is left without an owner.
pub async fn delete(
    SignedInCall { caller, portal, db }: SignedInCall,
    Path(id): Path<String>,
) -> ApiResult {
    let me = caller.user;
    if !rules::may_delete_users(&me) {
        return Err(ApiError::AccessDenied);
    }
    db.write(move |tx| {
            let id = uuid::Uuid::parse_str(&id)
                .map(|u| u.to_string())
                .map_err(|_| ApiError::NotFound(NOT_FOUND.into()))?;
            let user = users::by_id(tx, &id)?.ok_or_else(|| ApiError::NotFound(NOT_FOUND.into()))?;
            if user.status != 2 {
                return Err(ApiError::InvalidOperation("The user is not suspended".into()));
            }
            if !rules::delete_target_allowed(&me, &user) {
                return Err(ApiError::AccessDenied);
            }
            tx.execute(
                "DELETE FROM folders WHERE owner_id = ?1 AND folder_type IN (?2, ?3) AND parent_id IS NULL",
                rusqlite::params![user.id, folder_type::USER, folder_type::TRASH],
            )?;
            tx.execute(
                "UPDATE folders SET owner_id = ?2 WHERE owner_id = ?1 AND room_type IS NOT NULL",
                [&user.id, &me.id],
            )?;
            tx.execute("DELETE FROM users WHERE id = ?1", [&user.id])?;
            Ok(user.to_full_dto(&portal))
        })
        .await
}

/// `PUT /api/2.0/people/invite`: `ResendUserInvites`. This portal sends no mail: the answer (the
/// requested users the caller may see) is all that happens, as DocSpace answers after sending.
pub async fn resend(
    SignedInCall { caller, portal, db }: SignedInCall,
    JsonBody(req): JsonBody<MembersRequest>,
) -> ApiResult {
    let ids = req.ids()?;
    let all = req.resend_all.unwrap_or(false);
    let me = caller.user;
    if !rules::may_resend_for_others(&me) && (all || ids.iter().any(|i| *i != me.id)) {
        return Err(ApiError::AccessDenied);
    }
    db.read(move |c| {
        let targets: Vec<User> = if all {
            let filter = users::PeopleFilter {
                activation: Some(2),
                ..users::PeopleFilter::default()
            };
            users::list(c, &filter, 0, i64::MAX)?.0
        } else {
            let mut v = Vec::new();
            for id in &ids {
                v.extend(users::by_id(c, id)?);
            }
            v
        };
        let mut out = Vec::new();
        for u in targets {
            let related = users::has_relation(c, &me.id, &u.id)?;
            if rules::can_view(&me, &u, related) {
                out.push(u);
            }
        }
        Ok(dtos(&out, &portal))
    })
    .await
}
