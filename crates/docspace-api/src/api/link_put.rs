//! What a room's links and a file's links share: the `PUT …/links` call that creates, changes or
//! revokes one, and the checks of its id and title.

use serde::Serialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::{LinkId, Share};
use crate::request::Request;
use crate::validate;

/// What a link builder shares with the other: the `title`, `expires` and `password` setters of a
/// `body` with `title`, `expiration_date` and `password` options (each doc says its endpoint's own
/// rule), and the sending, `PUT {owner}/links` where `owner` is `$path(&self.$owner)`, after the
/// builder's own `validate`.
macro_rules! link_builder_methods {
    (
        owner: $path:ident($owner:ident),
        title: $title:literal,
        expires: $expires:literal,
        password: $password:literal $(,)?
    ) => {
        #[doc = $title]
        pub fn title(mut self, title: impl Into<String>) -> Self {
            self.body.title = Some(title.into());
            self
        }

        #[doc = $expires]
        pub fn expires(mut self, at: impl Into<$crate::models::ApiDateTime>) -> Self {
            self.body.expiration_date = Some(at.into());
            self
        }

        #[doc = $password]
        pub fn password(mut self, password: impl Into<String>) -> Self {
            self.body.password = Some(password.into());
            self
        }

        /// Applies it; answers with the link.
        pub async fn send(self) -> Result<$crate::models::Share, $crate::Error> {
            $crate::api::link_put::the_link(self.send_optional().await?)
        }

        /// Applies it; a revoke answers with no link.
        async fn send_optional(self) -> Result<Option<$crate::models::Share>, $crate::Error> {
            self.validate()?;
            let owner = $path(&self.$owner);
            let link_id = self.body.link_id.as_ref();
            $crate::api::link_put::put_link(self.client, &owner, link_id, &self.body).await
        }
    };
}

pub(crate) use link_builder_methods;

/// Checks a link's id (a GUID) and title (≤255 characters), as DocSpace does.
pub(crate) fn check_id_and_title(
    link_id: Option<&LinkId>,
    title: Option<&String>,
) -> Result<(), Error> {
    if let Some(id) = link_id {
        validate::guid("link_id", id.as_str())?;
    }
    if let Some(t) = title {
        validate::title("title", t, 255)?;
    }
    Ok(())
}

/// `PUT {owner}/links` with `body`; DocSpace answers a revoked link with nothing. Without a link
/// id each call creates a link, so only a change (an id given) may be retried.
pub(crate) async fn put_link(
    client: &Client,
    owner: &str,
    link_id: Option<&LinkId>,
    body: &impl Serialize,
) -> Result<Option<Share>, Error> {
    let req = Request::put(format!("{owner}/links"))
        .json(body)?
        .idempotent(link_id.is_some());
    client.call(req).await
}

/// The link a create or change answers with; none is a decoding error.
pub(crate) fn the_link(answer: Option<Share>) -> Result<Share, Error> {
    answer.ok_or_else(|| Error::Decode {
        message: "the portal answered with no link".into(),
        snippet: String::new(),
    })
}
