//! A room's members: listing them and inviting, changing or removing them (`…/share`).

use futures::Stream;
use serde::Serialize;

use super::{RoomsHandler, room_path};
use crate::client::Client;
use crate::error::Error;
use crate::models::{FileShare, RoomId, RoomSecurity, Share, ShareFilterType, UserId};
use crate::paging::{Page, enveloped_page, page_setters, stream_listing};
use crate::request::Request;
use crate::validate;

impl<'c> RoomsHandler<'c> {
    /// Starts a listing of a room's members (`GET …/share`).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let page = client.rooms().members(57).send().await?;
    /// println!("{} members", page.total.unwrap_or(0));
    /// # Ok(()) }
    /// ```
    pub fn members(&self, id: impl Into<RoomId>) -> ListMembersBuilder<'c> {
        ListMembersBuilder {
            client: self.client,
            query: MembersQuery {
                room: id.into(),
                filter_type: None,
                filter_value: None,
                start_index: 0,
                count: 100,
            },
        }
    }

    /// Starts inviting, changing or removing members (`PUT …/share`).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::FileShare;
    /// let me = client.people().me().await?;
    /// client.rooms().share(57).user(me.id, FileShare::Read).notify(false).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn share(&self, id: impl Into<RoomId>) -> ShareRoomBuilder<'c> {
        ShareRoomBuilder {
            client: self.client,
            room: id.into(),
            invitations: Vec::new(),
            notify: None,
            message: None,
            culture: None,
            force: None,
        }
    }
}

#[derive(Debug, Clone)]
struct MembersQuery {
    room: RoomId,
    filter_type: Option<ShareFilterType>,
    filter_value: Option<String>,
    start_index: u64,
    count: u32,
}

impl MembersQuery {
    fn request(&self, start: u64, count: u32) -> Request {
        Request::get(format!("{}/share", room_path(&self.room)))
            .query_opt("filterType", self.filter_type.map(|f| f.value()))
            .query_opt("filterValue", self.filter_value.as_ref())
            .query("startIndex", start)
            .query("count", count)
    }
}

/// `GET /api/2.0/files/rooms/{id}/share`; see [`RoomsHandler::members`].
#[derive(Debug, Clone)]
pub struct ListMembersBuilder<'c> {
    client: &'c Client,
    query: MembersQuery,
}

impl<'c> ListMembersBuilder<'c> {
    /// Which entries: users and groups (default), links…
    pub fn filter_type(mut self, f: ShareFilterType) -> Self {
        self.query.filter_type = Some(f);
        self
    }

    /// Keeps members whose name contains `text`.
    pub fn filter_value(mut self, text: impl Into<String>) -> Self {
        self.query.filter_value = Some(text.into());
        self
    }

    page_setters!(query, "member");

    /// Fetches one page.
    pub async fn send(self) -> Result<Page<Share>, Error> {
        validate::count(self.query.count)?;
        let req = self.query.request(self.query.start_index, self.query.count);
        self.client.call_page(req).await
    }

    /// Streams every member.
    pub fn stream(self) -> impl Stream<Item = Result<Share, Error>> + use<> {
        let (input, query) = (validate::count(self.query.count), self.query);
        let pages = (query.start_index, query.count);
        let request = move |offset, n| query.request(offset, n);
        stream_listing(self.client.clone(), input, pages, request, enveloped_page)
    }
}

/// `PUT /api/2.0/files/rooms/{id}/share`; see [`RoomsHandler::share`].
#[derive(Debug, Clone)]
pub struct ShareRoomBuilder<'c> {
    client: &'c Client,
    room: RoomId,
    invitations: Vec<ShareInvitation>,
    notify: Option<bool>,
    message: Option<String>,
    culture: Option<String>,
    force: Option<bool>,
}

#[derive(Debug, Clone, Serialize)]
struct ShareInvitation {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    access: FileShare,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ShareBody<'a> {
    invitations: &'a [ShareInvitation],
    #[serde(skip_serializing_if = "Option::is_none")]
    notify: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    culture: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    force: Option<bool>,
}

impl<'c> ShareRoomBuilder<'c> {
    /// Gives an existing user (or group) `access`; [`FileShare::None`] removes them.
    pub fn user(mut self, id: impl Into<UserId>, access: FileShare) -> Self {
        self.invitations.push(ShareInvitation {
            id: Some(id.into().0),
            email: None,
            access,
        });
        self
    }

    /// Invites a person by e-mail with `access`.
    pub fn email(mut self, email: impl Into<String>, access: FileShare) -> Self {
        self.invitations.push(ShareInvitation {
            id: None,
            email: Some(email.into()),
            access,
        });
        self
    }

    /// Whether to e-mail the people (default: the portal's choice).
    pub fn notify(mut self, yes: bool) -> Self {
        self.notify = Some(yes);
        self
    }

    /// A message for the invitation e-mail.
    pub fn message(mut self, text: impl Into<String>) -> Self {
        self.message = Some(text.into());
        self
    }

    /// The language of the e-mail.
    pub fn culture(mut self, culture: impl Into<String>) -> Self {
        self.culture = Some(culture.into());
        self
    }

    /// Overrides the "member has a form role" protection.
    pub fn force(mut self, yes: bool) -> Self {
        self.force = Some(yes);
        self
    }

    /// Applies the changes.
    pub async fn send(self) -> Result<RoomSecurity, Error> {
        if self.invitations.is_empty() {
            return Err(Error::invalid(
                "invitations",
                "add at least one user or e-mail",
            ));
        }
        for inv in &self.invitations {
            if let Some(id) = &inv.id {
                validate::guid("id", id)?;
            }
            if let Some(e) = &inv.email {
                validate::email("email", e)?;
            }
            validate::known("access", inv.access, inv.access.name(), "an access level")?;
        }
        let body = ShareBody {
            invitations: &self.invitations,
            notify: self.notify,
            message: self.message.as_deref(),
            culture: self.culture.as_deref(),
            force: self.force,
        };
        let req = Request::put(format!("{}/share", room_path(&self.room))).json(&body)?;
        self.client.call(req).await
    }
}
