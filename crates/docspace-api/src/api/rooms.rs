//! `/api/2.0/files/rooms`: rooms, their members, links and tags.

use futures::Stream;
use serde::Serialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::{
    ApiDateTime, Color, Cover, FileOperation, FileShare, FolderContent, LinkId, LinkType,
    ProviderFilter, QuotaFilter, Room, RoomId, RoomLifetime, RoomSecurity, RoomType, RoomWatermark,
    SearchArea, Share, ShareFilterType, SortBy, SortOrder, StorageFilter, UserId,
};
use crate::paging::{DEFAULT_PAGE_CONCURRENCY, Page, checked, stream_pages};
use crate::request::{Request, seg};
use crate::validate;

/// Longest room title DocSpace accepts, in UTF-16 units.
const TITLE_MAX: usize = docspace_types::ROOM_TITLE_MAX;

/// Rooms; get one with [`Client::rooms`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// use docspace_api::models::{Color, RoomType};
/// let room = client.rooms().create("Contracts", RoomType::Custom)
///     .color(Color::from_hex("5299E0")?).tags(["legal"]).send().await?;
/// client.rooms().archive(&room.id).wait().await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct RoomsHandler<'c> {
    client: &'c Client,
}

impl<'c> RoomsHandler<'c> {
    /// The client, for the handler's methods kept in other files.
    pub(super) fn client(&self) -> &'c Client {
        self.client
    }
}

pub(super) fn room_path(id: &RoomId) -> String {
    format!("files/rooms/{}", seg(id))
}

impl<'c> RoomsHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        RoomsHandler { client }
    }

    /// Starts creating a room.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::RoomType;
    /// let room = client.rooms().create("Board", RoomType::Editing).send().await?;
    /// assert_eq!(room.room_type, Some(RoomType::Editing));
    /// # Ok(()) }
    /// ```
    pub fn create(&self, title: impl Into<String>, room_type: RoomType) -> CreateRoomBuilder<'c> {
        CreateRoomBuilder {
            client: self.client,
            body: CreateRoomBody {
                title: title.into(),
                room_type,
                settings: RoomSettings::default(),
                private: None,
                share: Vec::new(),
            },
        }
    }

    /// Starts a listing of rooms.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::RoomType;
    /// use futures::TryStreamExt;
    /// let rooms: Vec<_> = client.rooms().list().room_type(RoomType::Public)
    ///     .stream().try_collect().await?;
    /// # let _ = rooms;
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> ListRoomsBuilder<'c> {
        ListRoomsBuilder {
            client: self.client,
            query: RoomsQuery {
                count: 100,
                ..RoomsQuery::default()
            },
        }
    }

    /// A room by id.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let room = client.rooms().get(57).await?;
    /// println!("{}", room.title);
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, id: impl Into<RoomId>) -> Result<Room, Error> {
        self.client.call(Request::get(room_path(&id.into()))).await
    }

    /// Starts changing a room's settings (its type and privacy cannot change).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let room = client.rooms().update(57).title("Contracts 2025").deny_download(true).send().await?;
    /// # let _ = room;
    /// # Ok(()) }
    /// ```
    pub fn update(&self, id: impl Into<RoomId>) -> UpdateRoomBuilder<'c> {
        UpdateRoomBuilder {
            client: self.client,
            id: id.into(),
            title: None,
            settings: RoomSettings::default(),
        }
    }

    /// Starts moving a room to the archive (an operation to wait for).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.rooms().archive(57).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn archive(&self, id: impl Into<RoomId>) -> RoomOperationBuilder<'c> {
        RoomOperationBuilder::new(self.client, id.into(), RoomAction::Archive)
    }

    /// Starts moving a room back from the archive (an operation to wait for).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.rooms().unarchive(57).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn unarchive(&self, id: impl Into<RoomId>) -> RoomOperationBuilder<'c> {
        RoomOperationBuilder::new(self.client, id.into(), RoomAction::Unarchive)
    }

    /// Starts deleting a room (an operation to wait for).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.rooms().delete(57).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn delete(&self, id: impl Into<RoomId>) -> RoomOperationBuilder<'c> {
        RoomOperationBuilder::new(self.client, id.into(), RoomAction::Delete)
    }

    /// Pins a room to the top of the list.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// assert!(client.rooms().pin(57).await?.pinned);
    /// # Ok(()) }
    /// ```
    pub async fn pin(&self, id: impl Into<RoomId>) -> Result<Room, Error> {
        let path = format!("{}/pin", room_path(&id.into()));
        self.client.call(Request::put(path)).await
    }

    /// Unpins a room.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// assert!(!client.rooms().unpin(57).await?.pinned);
    /// # Ok(()) }
    /// ```
    pub async fn unpin(&self, id: impl Into<RoomId>) -> Result<Room, Error> {
        let path = format!("{}/unpin", room_path(&id.into()));
        self.client.call(Request::put(path)).await
    }

    /// Adds tags to a room (creating missing ones).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let room = client.rooms().add_tags(57, ["legal", "2025"]).await?;
    /// assert!(room.tags.contains(&"legal".to_string()));
    /// # Ok(()) }
    /// ```
    pub async fn add_tags<I, S>(&self, id: impl Into<RoomId>, names: I) -> Result<Room, Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tag_request(Request::put, id.into(), names).await
    }

    /// Removes tags from a room.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.rooms().remove_tags(57, ["2025"]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn remove_tags<I, S>(&self, id: impl Into<RoomId>, names: I) -> Result<Room, Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.tag_request(Request::delete, id.into(), names).await
    }

    async fn tag_request<I, S>(
        &self,
        method: fn(String) -> Request,
        id: RoomId,
        names: I,
    ) -> Result<Room, Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let names: Vec<String> = names.into_iter().map(Into::into).collect();
        if names.is_empty() {
            return Err(Error::invalid("names", "give at least one tag"));
        }
        validate::tags("names", &names)?;
        let req = method(format!("{}/tags", room_path(&id)))
            .json(&super::bodies::Names { names: &names })?;
        self.client.call(req).await
    }

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

    /// The preset covers rooms may use.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let covers = client.rooms().covers().await?;
    /// # let _ = covers;
    /// # Ok(()) }
    /// ```
    pub async fn covers(&self) -> Result<Vec<Cover>, Error> {
        self.client.call(Request::get("files/rooms/covers")).await
    }
}

/// Settings shared by room creation and update.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
struct RoomSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    indexing: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deny_download: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    quota: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    color: Option<Color>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cover: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lifetime: Option<RoomLifetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    watermark: Option<RoomWatermark>,
}

impl RoomSettings {
    fn validate(&self) -> Result<(), Error> {
        if let Some(q) = self.quota {
            // −1 unlimited, −2 the portal's default, else bytes.
            validate::range("quota", q, -2, i64::MAX)?;
        }
        if let Some(tags) = &self.tags {
            validate::tags("tags", tags)?;
        }
        if let Some(c) = &self.cover {
            validate::title("cover", c, 50)?;
        }
        if let Some(l) = &self.lifetime {
            l.validate()?;
        }
        if let Some(w) = &self.watermark {
            w.validate()?;
        }
        Ok(())
    }
}

/// Room settings setters shared by [`CreateRoomBuilder`] and [`UpdateRoomBuilder`].
macro_rules! room_settings_setters {
    () => {
        /// VDR: number the contents.
        pub fn indexing(mut self, yes: bool) -> Self {
            self.settings_mut().indexing = Some(yes);
            self
        }

        /// Forbids downloading, printing and copying.
        pub fn deny_download(mut self, yes: bool) -> Self {
            self.settings_mut().deny_download = Some(yes);
            self
        }

        /// Storage quota in bytes; −1 unlimited, −2 the portal's default.
        pub fn quota(mut self, bytes: i64) -> Self {
            self.settings_mut().quota = Some(bytes);
            self
        }

        /// Tags (created if missing; each 1..=255 characters).
        pub fn tags<I, S>(mut self, tags: I) -> Self
        where
            I: IntoIterator<Item = S>,
            S: Into<String>,
        {
            self.settings_mut().tags = Some(tags.into_iter().map(Into::into).collect());
            self
        }

        /// The room's color.
        pub fn color(mut self, color: Color) -> Self {
            self.settings_mut().color = Some(color);
            self
        }

        /// A preset cover id (from [`RoomsHandler::covers`]).
        pub fn cover(mut self, cover: impl Into<String>) -> Self {
            self.settings_mut().cover = Some(cover.into());
            self
        }

        /// Automatic deletion of old content.
        pub fn lifetime(mut self, lifetime: RoomLifetime) -> Self {
            self.settings_mut().lifetime = Some(lifetime);
            self
        }

        /// A watermark on the room's documents.
        pub fn watermark(mut self, watermark: RoomWatermark) -> Self {
            self.settings_mut().watermark = Some(watermark);
            self
        }
    };
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateRoomBody {
    title: String,
    #[serde(serialize_with = "room_type_name")]
    room_type: RoomType,
    #[serde(flatten)]
    settings: RoomSettings,
    #[serde(skip_serializing_if = "Option::is_none")]
    private: Option<bool>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    share: Vec<Invitation>,
}

/// The create body takes the room type's name (DocSpace's `JsonStringEnumConverter`).
fn room_type_name<S: serde::Serializer>(t: &RoomType, s: S) -> Result<S::Ok, S::Error> {
    match t.name() {
        Some(n) => s.serialize_str(n),
        None => s.serialize_i32(t.value()),
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct Invitation {
    #[serde(skip_serializing_if = "Option::is_none", rename = "shareTo")]
    user: Option<UserId>,
    #[serde(skip_serializing_if = "Option::is_none")]
    email: Option<String>,
    access: FileShare,
}

/// `POST /api/2.0/files/rooms`; see [`RoomsHandler::create`].
#[derive(Debug, Clone)]
pub struct CreateRoomBuilder<'c> {
    client: &'c Client,
    body: CreateRoomBody,
}

impl<'c> CreateRoomBuilder<'c> {
    fn settings_mut(&mut self) -> &mut RoomSettings {
        &mut self.body.settings
    }

    room_settings_setters!();

    /// A private (end-to-end encrypted) room.
    pub fn private(mut self, yes: bool) -> Self {
        self.body.private = Some(yes);
        self
    }

    /// Adds an existing user as a member with `access`.
    pub fn invite_user(mut self, user: impl Into<UserId>, access: FileShare) -> Self {
        self.body.share.push(Invitation {
            user: Some(user.into()),
            email: None,
            access,
        });
        self
    }

    /// Invites a person by e-mail as a member with `access`.
    pub fn invite_email(mut self, email: impl Into<String>, access: FileShare) -> Self {
        self.body.share.push(Invitation {
            user: None,
            email: Some(email.into()),
            access,
        });
        self
    }

    /// Creates the room.
    pub async fn send(self) -> Result<Room, Error> {
        validate::title("title", &self.body.title, TITLE_MAX)?;
        if let RoomType::Unknown(v) = self.body.room_type {
            return Err(Error::invalid(
                "room_type",
                format!("{v} is not a room type"),
            ));
        }
        self.body.settings.validate()?;
        let allowed = self.body.room_type.user_accesses().unwrap_or(&[]);
        for inv in &self.body.share {
            if let Some(u) = &inv.user {
                validate::guid("share.user", u.as_str())?;
            }
            if let Some(e) = &inv.email {
                validate::email("share.email", e)?;
            }
            if !allowed.contains(&inv.access) {
                return Err(Error::invalid(
                    "share.access",
                    format!(
                        "{} is not an access level of a {} room",
                        inv.access, self.body.room_type
                    ),
                ));
            }
        }
        // Creating is not idempotent: an unknown outcome is never retried (no duplicate rooms).
        self.client
            .call(Request::post("files/rooms").json(&self.body)?)
            .await
    }
}

/// `PUT /api/2.0/files/rooms/{id}`; see [`RoomsHandler::update`].
#[derive(Debug, Clone)]
pub struct UpdateRoomBuilder<'c> {
    client: &'c Client,
    id: RoomId,
    title: Option<String>,
    settings: RoomSettings,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UpdateRoomBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<&'a str>,
    #[serde(flatten)]
    settings: &'a RoomSettings,
}

impl<'c> UpdateRoomBuilder<'c> {
    fn settings_mut(&mut self) -> &mut RoomSettings {
        &mut self.settings
    }

    room_settings_setters!();

    /// Renames the room.
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.title = Some(title.into());
        self
    }

    /// Applies the changes.
    pub async fn send(self) -> Result<Room, Error> {
        if let Some(t) = &self.title {
            validate::title("title", t, TITLE_MAX)?;
        }
        self.settings.validate()?;
        let body = UpdateRoomBody {
            title: self.title.as_deref(),
            settings: &self.settings,
        };
        self.client
            .call(Request::put(room_path(&self.id)).json(&body)?)
            .await
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoomAction {
    Archive,
    Unarchive,
    Delete,
}

/// Archive, unarchive or delete a room: each starts a file operation.
#[derive(Debug, Clone)]
pub struct RoomOperationBuilder<'c> {
    client: &'c Client,
    id: RoomId,
    action: RoomAction,
    delete_after: Option<bool>,
}

impl<'c> RoomOperationBuilder<'c> {
    fn new(client: &'c Client, id: RoomId, action: RoomAction) -> Self {
        RoomOperationBuilder {
            client,
            id,
            action,
            delete_after: None,
        }
    }

    /// Deletes the operation's record when it ends.
    pub fn delete_after(mut self, yes: bool) -> Self {
        self.delete_after = Some(yes);
        self
    }

    /// Starts the operation.
    pub async fn send(self) -> Result<FileOperation, Error> {
        let base = room_path(&self.id);
        let body = super::bodies::DeleteOptions {
            delete_after: self.delete_after,
            immediately: None,
        };
        let req = match self.action {
            RoomAction::Archive => Request::put(format!("{base}/archive")),
            RoomAction::Unarchive => Request::put(format!("{base}/unarchive")),
            RoomAction::Delete => Request::delete(base),
        }
        .json(&body)?;
        let op: super::OneOrMany<FileOperation> = self.client.call(req).await?;
        op.first().ok_or_else(|| Error::Decode {
            message: "the portal started no operation".into(),
            snippet: String::new(),
        })
    }

    /// Starts the operation and waits until it ends.
    pub async fn wait(self) -> Result<FileOperation, Error> {
        let client = self.client;
        let op = self.send().await?;
        client.operations().wait(&op).send().await
    }
}

#[derive(Debug, Clone, Default)]
struct RoomsQuery {
    types: Vec<RoomType>,
    subject_id: Option<String>,
    exclude_subject: Option<bool>,
    search_area: Option<SearchArea>,
    without_tags: Option<bool>,
    tags: Vec<String>,
    provider: Option<ProviderFilter>,
    quota_filter: Option<QuotaFilter>,
    storage_filter: Option<StorageFilter>,
    filter_value: Option<String>,
    sort_by: Option<SortBy>,
    sort_order: Option<SortOrder>,
    start_index: u64,
    count: u32,
}

impl RoomsQuery {
    fn validate(&self) -> Result<(), Error> {
        validate::count(self.count)?;
        validate::tags("tags", &self.tags)?;
        if let Some(RoomType::Unknown(v)) = self.types.iter().find(|t| t.name().is_none()) {
            return Err(Error::invalid("type", format!("{v} is not a room type")));
        }
        Ok(())
    }

    fn request(&self, start: u64, count: u32) -> Request {
        let mut req = Request::get("files/rooms");
        for t in &self.types {
            req = req.query("type", t.value());
        }
        if !self.tags.is_empty() {
            // DocSpace reads `tags` as a JSON array.
            let tags = serde_json::to_string(&self.tags).unwrap_or_else(|_| "[]".into());
            req = req.query("tags", tags);
        }
        req.query_opt("subjectId", self.subject_id.as_ref())
            .query_opt("excludeSubject", self.exclude_subject)
            .query_opt("searchArea", self.search_area.map(|a| a.value()))
            .query_opt("withoutTags", self.without_tags)
            .query_opt("provider", self.provider.map(|p| p.value()))
            .query_opt("quotaFilter", self.quota_filter.map(|q| q.value()))
            .query_opt("storageFilter", self.storage_filter.map(|s| s.value()))
            .query_opt("filterValue", self.filter_value.as_ref())
            .query_opt("sortBy", self.sort_by.as_ref())
            .query_opt("sortOrder", self.sort_order.map(|s| s.value()))
            .query("startIndex", start)
            .query("count", count)
    }
}

/// `GET /api/2.0/files/rooms`; see [`RoomsHandler::list`].
#[derive(Debug, Clone)]
pub struct ListRoomsBuilder<'c> {
    client: &'c Client,
    query: RoomsQuery,
}

impl<'c> ListRoomsBuilder<'c> {
    /// Keeps rooms of this type (repeatable: any of the types given).
    pub fn room_type(mut self, t: RoomType) -> Self {
        self.query.types.push(t);
        self
    }

    /// Keeps rooms `user` is a member of.
    pub fn subject(mut self, user: impl Into<UserId>) -> Self {
        self.query.subject_id = Some(user.into().0);
        self
    }

    /// With [`ListRoomsBuilder::subject`]: keeps rooms the user is *not* a member of.
    pub fn exclude_subject(mut self, yes: bool) -> Self {
        self.query.exclude_subject = Some(yes);
        self
    }

    /// Which rooms: active (default), archived, templates…
    pub fn search_area(mut self, area: SearchArea) -> Self {
        self.query.search_area = Some(area);
        self
    }

    /// Keeps rooms without tags.
    pub fn without_tags(mut self, yes: bool) -> Self {
        self.query.without_tags = Some(yes);
        self
    }

    /// Keeps rooms with any of these tags.
    pub fn tags<I, S>(mut self, tags: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.query.tags = tags.into_iter().map(Into::into).collect();
        self
    }

    /// Keeps rooms on this third-party provider.
    pub fn provider(mut self, p: ProviderFilter) -> Self {
        self.query.provider = Some(p);
        self
    }

    /// Keeps rooms by quota kind.
    pub fn quota_filter(mut self, q: QuotaFilter) -> Self {
        self.query.quota_filter = Some(q);
        self
    }

    /// Keeps rooms by storage kind.
    pub fn storage_filter(mut self, s: StorageFilter) -> Self {
        self.query.storage_filter = Some(s);
        self
    }

    /// Keeps rooms whose title contains `text`.
    pub fn filter_value(mut self, text: impl Into<String>) -> Self {
        self.query.filter_value = Some(text.into());
        self
    }

    /// Sort key.
    pub fn sort_by(mut self, by: SortBy) -> Self {
        self.query.sort_by = Some(by);
        self
    }

    /// Sort direction.
    pub fn sort_order(mut self, order: SortOrder) -> Self {
        self.query.sort_order = Some(order);
        self
    }

    /// Offset of the first room (default 0).
    pub fn start_index(mut self, n: u64) -> Self {
        self.query.start_index = n;
        self
    }

    /// Page size, 1..=100 (default 100).
    pub fn count(mut self, n: u32) -> Self {
        self.query.count = n;
        self
    }

    /// Fetches one page: the rooms in `folders`, the total in `total`.
    pub async fn send(self) -> Result<FolderContent, Error> {
        self.query.validate()?;
        let req = self.query.request(self.query.start_index, self.query.count);
        self.client.call(req).await
    }

    /// Streams every matching room, fetching pages concurrently within the client's limits.
    pub fn stream(self) -> impl Stream<Item = Result<Room, Error>> + use<> {
        let input = self.query.validate();
        let (client, query) = (self.client.clone(), self.query);
        let (start, count) = (query.start_index, query.count);
        let pages = stream_pages(start, count, DEFAULT_PAGE_CONCURRENCY, move |offset, n| {
            let (client, req) = (client.clone(), query.request(offset, n));
            async move {
                let c: FolderContent = client.call(req).await?;
                Ok(Page {
                    items: c.folders,
                    total: Some(c.total),
                })
            }
        });
        checked(input, pages)
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

    /// Offset of the first member (default 0).
    pub fn start_index(mut self, n: u64) -> Self {
        self.query.start_index = n;
        self
    }

    /// Page size, 1..=100 (default 100).
    pub fn count(mut self, n: u32) -> Self {
        self.query.count = n;
        self
    }

    /// Fetches one page.
    pub async fn send(self) -> Result<Page<Share>, Error> {
        validate::count(self.query.count)?;
        let req = self.query.request(self.query.start_index, self.query.count);
        let d = self.client.call_with_total::<Vec<Share>>(req).await?;
        Ok(Page {
            items: d.response,
            total: d.total,
        })
    }

    /// Streams every member.
    pub fn stream(self) -> impl Stream<Item = Result<Share, Error>> + use<> {
        let input = validate::count(self.query.count);
        let (client, query) = (self.client.clone(), self.query);
        let (start, count) = (query.start_index, query.count);
        let pages = stream_pages(start, count, DEFAULT_PAGE_CONCURRENCY, move |offset, n| {
            let (client, req) = (client.clone(), query.request(offset, n));
            async move {
                let d = client.call_with_total::<Vec<Share>>(req).await?;
                Ok(Page {
                    items: d.response,
                    total: d.total,
                })
            }
        });
        checked(input, pages)
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
            if let FileShare::Unknown(v) = inv.access {
                return Err(Error::invalid(
                    "access",
                    format!("{v} is not an access level"),
                ));
            }
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

    /// The link's title (≤255 characters).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.body.title = Some(title.into());
        self
    }

    /// When the link stops working (in the future, within 10 years).
    pub fn expires(mut self, at: impl Into<ApiDateTime>) -> Self {
        self.body.expiration_date = Some(at.into());
        self
    }

    /// A password for an external link (≤255 characters).
    pub fn password(mut self, password: impl Into<String>) -> Self {
        self.body.password = Some(password.into());
        self
    }

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
        if let Some(id) = &b.link_id {
            validate::guid("link_id", id.as_str())?;
        }
        if let Some(t) = &b.title {
            validate::title("title", t, 255)?;
        }
        if let Some(p) = &b.password {
            validate::non_empty("password", p)?;
            validate::max_len("password", p, 255)?;
        }
        if let Some(n) = b.max_use_count {
            validate::range("max_use_count", n, 1, 1000)?;
        }
        if let Some(at) = &b.expiration_date {
            let now = crate::rt::unix_now() as i64;
            let ten_years = 10 * 366 * 86_400;
            if at.timestamp() <= now || at.timestamp() > now + ten_years {
                return Err(Error::invalid(
                    "expiration_date",
                    format!("{at} is not in the next 10 years"),
                ));
            }
        }
        if let LinkType::Unknown(v) = b.link_type {
            return Err(Error::invalid(
                "link_type",
                format!("{v} is not a link type"),
            ));
        }
        Ok(())
    }

    /// Applies it; answers with the link.
    pub async fn send(self) -> Result<Share, Error> {
        self.send_optional().await?.ok_or_else(|| Error::Decode {
            message: "the portal answered with no link".into(),
            snippet: String::new(),
        })
    }

    async fn send_optional(self) -> Result<Option<Share>, Error> {
        self.validate()?;
        let req = Request::put(format!("{}/links", room_path(&self.room))).json(&self.body)?;
        // A new link each time: creating is not idempotent.
        let req = req.idempotent(self.body.link_id.is_some());
        self.client.call(req).await
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn client() -> Client {
        Client::builder("http://127.0.0.1:9").build().unwrap()
    }

    #[test]
    fn the_create_body_uses_the_room_type_name_and_omits_unset_fields() {
        let c = client();
        let b = c
            .rooms()
            .create("Contracts", RoomType::Custom)
            .color(Color::from_hex("5299E0").unwrap())
            .tags(["legal"])
            .quota(-2);
        let json = serde_json::to_value(&b.body).unwrap();
        assert_eq!(
            json,
            serde_json::json!({"title":"Contracts","roomType":"CustomRoom","color":"5299E0","tags":["legal"],"quota":-2})
        );
    }

    #[test]
    fn room_queries_repeat_types_and_encode_tags_as_json() {
        let c = client();
        let b = c
            .rooms()
            .list()
            .room_type(RoomType::FillingForms)
            .room_type(RoomType::Custom)
            .tags(["a", "b"])
            .search_area(SearchArea::Archive)
            .count(5);
        let q = b.query.request(10, 5).path_and_query();
        assert!(
            q.starts_with("api/2.0/files/rooms?type=1&type=5&tags=%5B%22a%22%2C%22b%22%5D"),
            "{q}"
        );
        assert!(
            q.contains("searchArea=1") && q.ends_with("startIndex=10&count=5"),
            "{q}"
        );
    }

    /// The client refuses, before sending, what DocSpace would refuse: the client below points
    /// at a closed port, so only a check in the builder can answer `InvalidInput`.
    fn refused_before_sending(r: Result<Room, Error>) -> &'static str {
        match r {
            Err(Error::InvalidInput { field, .. }) => field,
            other => panic!("expected a typed InvalidInput, got {other:?}"),
        }
    }

    /// 100 emoji are 100 characters but 200 UTF-16 units, and DocSpace (.NET) counts the
    /// latter against the 170 limit.
    #[test]
    fn a_hundred_emoji_room_title_is_refused_before_sending() {
        let c = client();
        let title = "😀".repeat(100);
        let create = c.rooms().create(title.clone(), RoomType::Custom).send();
        assert_eq!(
            refused_before_sending(futures::executor::block_on(create)),
            "title"
        );
        let rename = c.rooms().update(1i64).title(title).send();
        assert_eq!(
            refused_before_sending(futures::executor::block_on(rename)),
            "title"
        );
    }

    #[test]
    fn invitations_offer_only_the_room_types_access_levels() {
        let c = client();
        let public_viewer = c
            .rooms()
            .create("Site", RoomType::Public)
            .invite_email("ann@example.com", FileShare::Read)
            .send();
        assert_eq!(
            refused_before_sending(futures::executor::block_on(public_viewer)),
            "share.access"
        );
    }
}
