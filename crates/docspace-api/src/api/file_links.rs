//! A file's external links: the primary link, the list, and creating, changing and revoking links
//! (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/FilesController.cs`
//! `file/{id}/link`, `file/{id}/links`, with `ApiModels/RequestDto/FileLinkRequestDto.cs`).

use serde::Serialize;

use super::files::{FilesHandler, file_path};
use crate::api::link_put::{check_id_and_title, link_builder_methods};
use crate::client::Client;
use crate::error::Error;
use crate::models::{ApiDateTime, FileId, FileShare, LinkId, Share};
use crate::request::Request;
use crate::validate;

impl<'c> FilesHandler<'c> {
    /// The file's primary external link, created (with Read access) if the caller may share the
    /// file and it has none.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let link = client.files().primary_link(812).await?;
    /// println!("{:?}", link.link().and_then(|l| l.share_link.clone()));
    /// # Ok(()) }
    /// ```
    pub async fn primary_link(&self, id: impl Into<FileId>) -> Result<Share, Error> {
        let req = Request::get(format!("{}/link", file_path(&id.into())));
        self.client().call(req).await
    }

    /// The file's external links, primary first (empty for callers who may not read them).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let links = client.files().links(812).await?;
    /// # let _ = links;
    /// # Ok(()) }
    /// ```
    pub async fn links(&self, id: impl Into<FileId>) -> Result<Vec<Share>, Error> {
        let req = Request::get(format!("{}/links", file_path(&id.into())));
        self.client().call(req).await
    }

    /// Starts creating an external link granting `access` (Read, Editing, Review, Comment, …
    /// as the file's type allows).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::FileShare;
    /// let link = client.files().create_link(812, FileShare::Read).title("Partners").send().await?;
    /// # let _ = link;
    /// # Ok(()) }
    /// ```
    pub fn create_link(&self, id: impl Into<FileId>, access: FileShare) -> FileLinkBuilder<'c> {
        FileLinkBuilder::new(self.client(), id.into(), None, access)
    }

    /// Starts replacing a link's settings: DocSpace sets every option from the request, so an
    /// option not given here is reset to its default.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, link: docspace_api::models::LinkId) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::FileShare;
    /// client.files().update_link(812, link, FileShare::Read).deny_download(true).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn update_link(
        &self,
        id: impl Into<FileId>,
        link: impl Into<LinkId>,
        access: FileShare,
    ) -> FileLinkBuilder<'c> {
        FileLinkBuilder::new(self.client(), id.into(), Some(link.into()), access)
    }

    /// Revokes a link (access None).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, link: docspace_api::models::LinkId) -> Result<(), docspace_api::Error> {
    /// client.files().revoke_link(812, link).await?;
    /// # Ok(()) }
    /// ```
    pub async fn revoke_link(
        &self,
        id: impl Into<FileId>,
        link: impl Into<LinkId>,
    ) -> Result<(), Error> {
        let b = FileLinkBuilder::new(self.client(), id.into(), Some(link.into()), FileShare::None);
        b.send_optional().await.map(drop)
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct FileLinkBody {
    #[serde(skip_serializing_if = "Option::is_none")]
    link_id: Option<LinkId>,
    access: FileShare,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expiration_date: Option<ApiDateTime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    password: Option<String>,
    deny_download: bool,
    internal: bool,
    primary: bool,
}

/// `PUT /api/2.0/files/file/{id}/links`; see [`FilesHandler::create_link`].
#[derive(Debug, Clone)]
pub struct FileLinkBuilder<'c> {
    client: &'c Client,
    file: FileId,
    body: FileLinkBody,
}

impl<'c> FileLinkBuilder<'c> {
    fn new(client: &'c Client, file: FileId, link_id: Option<LinkId>, access: FileShare) -> Self {
        FileLinkBuilder {
            client,
            file,
            body: FileLinkBody {
                link_id,
                access,
                title: None,
                expiration_date: None,
                password: None,
                deny_download: false,
                internal: false,
                primary: false,
            },
        }
    }

    link_builder_methods!(
        owner: file_path(file),
        title: "The link's title (≤255 characters; DocSpace names it \"Shared link\" otherwise).",
        expires: "When the link stops working (within 10 years).",
        password: "A password: 8 to 30 printable ASCII characters, no spaces (DocSpace's default rule).",
    );

    /// Forbids downloads through the link.
    pub fn deny_download(mut self, yes: bool) -> Self {
        self.body.deny_download = yes;
        self
    }

    /// Only signed-in portal users may use the link.
    pub fn internal(mut self, yes: bool) -> Self {
        self.body.internal = yes;
        self
    }

    /// Creates it as a primary link.
    pub fn primary(mut self, yes: bool) -> Self {
        self.body.primary = yes;
        self
    }

    fn validate(&self) -> Result<(), Error> {
        let b = &self.body;
        check_id_and_title(b.link_id.as_ref(), b.title.as_ref())?;
        if let Some(p) = &b.password {
            let printable = p.chars().all(|c| ('\u{21}'..='\u{7e}').contains(&c));
            if !printable || !(8..=30).contains(&p.chars().count()) {
                return Err(Error::invalid(
                    "password",
                    "8 to 30 printable ASCII characters without spaces",
                ));
            }
        }
        if let Some(at) = &b.expiration_date {
            // A date in the past is "never expires" for a file link.
            validate::link_expiry("expiration_date", at, false)?;
        }
        validate::known("access", b.access, b.access.name(), "an access level")
    }
}
