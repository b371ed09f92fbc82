//! `POST /api/2.0/people/password`, DocSpace's password reminder, answered as
//! `ONLYOFFICE/DocSpace-server: products/ASC.People/Server/Api/UserController.cs`
//! (`SendUserPassword`) and `web/ASC.Web.Core/Users/UserManagerWrapper.cs` (`SendUserPasswordAsync`)
//! answer it; no mail is sent. Its rate limit is in `tests/rate_limits.rs`.

mod common;

use common::{Api, login, unlimited_portal};
use serde_json::json;

fn remind(email: &str) -> serde_json::Value {
    json!({ "email": email })
}

#[tokio::test]
async fn anonymous_callers_get_one_answer_whether_the_address_exists_or_not() {
    let p = unlimited_portal().await;
    let anon = Api::anonymous(&p);
    for email in [common::USER, "nobody@example.com"] {
        let r = anon
            .post_ok("/api/2.0/people/password", remind(email))
            .await;
        assert_eq!(
            r,
            format!(
                "If a user with the {email} email exists, the password change instruction has been sent to this email address."
            ),
            "no account enumeration"
        );
    }
}

#[tokio::test]
async fn the_address_is_validated_like_the_request_model() {
    let p = unlimited_portal().await;
    let anon = Api::anonymous(&p);
    anon.post("/api/2.0/people/password", json!({}))
        .await
        .expect_validation("Email");
    anon.post("/api/2.0/people/password", remind("not-an-address"))
        .await
        .expect_validation("Email");
}

#[tokio::test]
async fn signed_in_users_may_remind_themselves_and_admins_others_below_them() {
    let p = unlimited_portal().await;
    let user = login(&p, common::USER).await;
    let admin = login(&p, common::ADMIN).await;
    let owner = Api::owner(&p);
    let sent = |email: &str| {
        json!(format!(
            "The password change instruction has been sent to {email} email address."
        ))
    };
    let r = user
        .post_ok("/api/2.0/people/password", remind(common::USER))
        .await;
    assert_eq!(r, sent(common::USER));
    // Someone else's: only a DocSpace admin.
    user.post("/api/2.0/people/password", remind(common::GUEST))
        .await
        .expect_error(403, "Access denied");
    admin
        .post_ok("/api/2.0/people/password", remind(common::GUEST))
        .await;
    // Never the owner's; another admin's only by the owner.
    admin
        .post("/api/2.0/people/password", remind(common::OWNER))
        .await
        .expect_error(403, "Access denied");
    let other_admin = "second-admin@example.com";
    owner
        .post_ok(
            "/api/2.0/people/invite",
            json!({ "invitations": [{ "email": other_admin, "type": "DocSpaceAdmin" }] }),
        )
        .await;
    admin
        .post("/api/2.0/people/password", remind(other_admin))
        .await
        .expect_error(403, "Access denied");
    owner
        .post_ok("/api/2.0/people/password", remind(common::ADMIN))
        .await;
    // A signed-in admin learns that the address is unknown (`InvalidOperationException`).
    admin
        .post("/api/2.0/people/password", remind("nobody@example.com"))
        .await
        .expect_error(403, "could not be found");
}
