//! Opening a room or file through its external link: what a key opens, and the password step of
//! a protected link (`GET files/share/{key}`, `POST files/share/{key}/password`;
//! ONLYOFFICE/DocSpace-server `products/ASC.Files/Server/Api/FilesController.cs`).
//!
//! A client acting through a link sends the key with every request (see
//! [`ClientBuilder::link_key`](crate::ClientBuilder::link_key)). A right password makes the
//! portal set a session cookie for the link, which the native client keeps in its cookie store
//! and a browser keeps for the portal's origin; the password itself is sent once and kept nowhere.

use serde::Serialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::ExternalShare;
use crate::request::{Request, seg};

/// External-link access; get one with [`Client::links`].
///
/// ```no_run
/// # async fn demo() -> Result<(), docspace_api::Error> {
/// use docspace_api::Client;
/// use docspace_api::models::LinkStatus;
///
/// let key = "the link's requestToken";
/// let visitor = Client::builder("https://portal.example.com").link_key(key).build()?;
/// if visitor.links().status(key).await?.status == LinkStatus::RequiredPassword {
///     let opened = visitor.links().apply_password(key, "the password").await?;
///     assert_eq!(opened.status, LinkStatus::Ok, "wrong password");
/// }
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct LinksHandler<'c> {
    client: &'c Client,
}

#[derive(Serialize)]
struct PasswordBody<'a> {
    password: &'a str,
}

impl<'c> LinksHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        LinksHandler { client }
    }

    /// What `key` opens for this caller, and whether it needs a password first.
    pub async fn status(&self, key: &str) -> Result<ExternalShare, Error> {
        check_key(key)?;
        self.client
            .call(Request::get(format!("files/share/{}", seg(key))))
            .await
    }

    /// Sends the password of a protected link. The answer's status is `Ok` when it was right
    /// (the portal then lets this client through the link), `InvalidPassword` when not; after
    /// five wrong tries a minute the portal refuses for a minute with a 403.
    pub async fn apply_password(&self, key: &str, password: &str) -> Result<ExternalShare, Error> {
        check_key(key)?;
        if password.is_empty() {
            return Err(Error::invalid("password", "must not be empty"));
        }
        let req = Request::post(format!("files/share/{}/password", seg(key)))
            .json(&PasswordBody { password })?;
        self.client.call(req).await
    }
}

fn check_key(key: &str) -> Result<(), Error> {
    if key.trim().is_empty() {
        return Err(Error::invalid("key", "must not be empty"));
    }
    Ok(())
}
