//! A room's links: listing, creating, changing and revoking them (`…/links`, `…/link`).

use serde::Serialize;

use super::{RoomsHandler, room_path};
use crate::api::link_put::{check_id_and_title, link_builder_methods};
use crate::client::Client;
use crate::error::Error;
use crate::models::{ApiDateTime, FileShare, LinkId, LinkType, RoomId, Share};
use crate::request::Request;
use crate::validate;

impl<'c> RoomsHandler<'c> {
    /// A room's links (`GET …/links`), of one kind or all.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::LinkType;
    /// let external = client.rooms().links(57, Some(LinkType::External)).await?;
    /// # let _ = external;
    /// # Ok(()) }
    /// ```
    pub async fn links(
        &self,
        id: impl Into<RoomId>,
        kind: Option<LinkType>,
    ) -> Result<Vec<Share>, Error> {
        let req = Request::get(format!("{}/links", room_path(&id.into())))
            .query_opt("type", kind.map(|k| k.value()));
        self.client.call(req).await
    }

    /// The room's primary external link (created if the room may have one and has none).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let link = client.rooms().primary_link(57).await?;
    /// println!("{:?}", link.link().and_then(|l| l.share_link.clone()));
    /// # Ok(()) }
    /// ```
    pub async fn primary_link(&self, id: impl Into<RoomId>) -> Result<Share, Error> {
        self.client
            .call(Request::get(format!("{}/link", room_path(&id.into()))))
            .await
    }

    /// Starts creating a link of `kind`.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::{FileShare, LinkType};
    /// let link = client.rooms().create_link(57, LinkType::External)
    ///     .title("For the auditors").access(FileShare::Read).deny_download(true).send().await?;
    /// # let _ = link;
    /// # Ok(()) }
    /// ```
    pub fn create_link(&self, id: impl Into<RoomId>, kind: LinkType) -> LinkBuilder<'c> {
        LinkBuilder::new(self.client, id.into(), None, kind)
    }

    /// Starts changing a link.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, link: docspace_api::models::LinkId) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::LinkType;
    /// client.rooms().update_link(57, link, LinkType::External).title("Renamed").send().await?;
    /// # Ok(()) }
    /// ```
    pub fn update_link(
        &self,
        id: impl Into<RoomId>,
        link: impl Into<LinkId>,
        kind: LinkType,
    ) -> LinkBuilder<'c> {
        LinkBuilder::new(self.client, id.into(), Some(link.into()), kind)
    }

    /// Revokes a link (sets its access to `None`).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, link: docspace_api::models::LinkId) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::LinkType;
    /// client.rooms().revoke_link(57, link, LinkType::External).await?;
    /// # Ok(()) }
    /// ```
    pub async fn revoke_link(
        &self,
        id: impl Into<RoomId>,
        link: impl Into<LinkId>,
        kind: LinkType,
    ) -> Result<Option<Share>, Error> {
        LinkBuilder::new(self.client, id.into(), Some(link.into()), kind)
            .access(FileShare::None)
            .send_optional()
            .await
    }
}

/// `PUT /api/2.0/files/rooms/{id}/links`: create, change or revoke a link.
#[derive(Debug, Clone)]
pub struct LinkBuilder<'c> {
    client: &'c Client,
    room: RoomId,
    body: LinkBody,
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct LinkBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    link_id: Option<LinkId>,
    link_type: LinkType,
    #[serde(skip_serializing_if = "Option::is_none")]
    access: Option<FileShare>,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expiration_date: Option<ApiDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    password: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deny_download: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    internal: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    max_use_count: Option<u32>,
}

impl<'c> LinkBuilder<'c> {
    fn new(client: &'c Client, room: RoomId, link_id: Option<LinkId>, kind: LinkType) -> Self {
        LinkBuilder {
            client,
            room,
            body: LinkBody {
                link_id,
                link_type: kind,
                access: None,
                title: None,
                expiration_date: None,
                password: None,
                deny_download: None,
                internal: None,
                max_use_count: None,
            },
        }
    }

    /// What the link grants; [`FileShare::None`] revokes it.
    pub fn access(mut self, access: FileShare) -> Self {
        self.body.access = Some(access);
        self
    }

    link_builder_methods!(
        owner: room_path(room),
        title: "The link's title (≤255 characters).",
        expires: "When the link stops working (in the future, within 10 years).",
        password: "A password for an external link (≤255 characters).",
    );

    /// Forbids downloads through an external link.
    pub fn deny_download(mut self, yes: bool) -> Self {
        self.body.deny_download = Some(yes);
        self
    }

    /// Only portal users may use the external link.
    pub fn internal(mut self, yes: bool) -> Self {
        self.body.internal = Some(yes);
        self
    }

    /// How often an invitation link may be used (1..=1000).
    pub fn max_use_count(mut self, n: u32) -> Self {
        self.body.max_use_count = Some(n);
        self
    }

    fn validate(&self) -> Result<(), Error> {
        let b = &self.body;
        check_id_and_title(b.link_id.as_ref(), b.title.as_ref())?;
        if let Some(p) = &b.password {
            validate::non_empty("password", p)?;
            validate::max_len("password", p, 255)?;
        }
        if let Some(n) = b.max_use_count {
            validate::range("max_use_count", n, 1, 1000)?;
        }
        if let Some(at) = &b.expiration_date {
            validate::link_expiry("expiration_date", at, true)?;
        }
        validate::known("link_type", b.link_type, b.link_type.name(), "a link type")
    }
}
