//! Room templates: save a room as a template, list templates, create a room from one, make one
//! public (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/RoomTemplatesController.cs`
//! and `VirtualRoomsController.cs` `rooms/fromTemplate`).
//!
//! DocSpace runs both copies in the background and answers with a status; the status endpoints
//! report the caller's latest operation of each kind, so [`SaveTemplateBuilder::wait`] and
//! [`RoomFromTemplateBuilder::wait`] poll them until `isCompleted`.

use std::time::Duration;

use serde::Serialize;

use super::rooms::ListRoomsBuilder;
use crate::client::Client;
use crate::error::Error;
use crate::models::{
    Color, RoomFromTemplateStatus, RoomId, RoomLifetime, RoomWatermark, SearchArea, TemplateStatus,
};
use crate::request::{Request, seg};
use crate::rt::{Instant, sleep};
use crate::validate;

const TITLE_MAX: usize = docspace_types::ROOM_TITLE_MAX;
/// How long `wait` polls before [`Error::Timeout`].
const WAIT_TIMEOUT: Duration = Duration::from_secs(300);

/// Room templates; get one with [`Client::templates`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// let saved = client.templates().save(57).title("Onboarding").wait().await?;
/// let Some(template) = saved.template_id else {
///     eprintln!("the portal made no template: {:?}", saved.error);
///     return Ok(());
/// };
/// let made = client.templates().create_room(&template, "Onboarding: Ana").wait().await?;
/// println!("new room {:?}", made.room_id);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct TemplatesHandler<'c> {
    client: &'c Client,
}

impl<'c> TemplatesHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        TemplatesHandler { client }
    }

    /// Starts saving room `room` as a template (`POST files/roomtemplate`). The portal copies the
    /// room's type and settings and its folders and files; title, tags, colour and cover come from
    /// the builder (the title defaults to the room's on the devportal).
    pub fn save(&self, room: impl Into<RoomId>) -> SaveTemplateBuilder<'c> {
        SaveTemplateBuilder {
            client: self.client,
            body: SaveBody {
                room_id: room.into(),
                title: None,
                tags: None,
                color: None,
                cover: None,
                share: Vec::new(),
                public: false,
            },
        }
    }

    /// The caller's latest template-saving status (`GET files/roomtemplate/status`); `None`
    /// when there is none.
    pub async fn save_status(&self) -> Result<Option<TemplateStatus>, Error> {
        self.client
            .call(Request::get("files/roomtemplate/status"))
            .await
    }

    /// Starts a listing of the templates the caller may see (`GET files/rooms?searchArea=Templates`);
    /// the listing's other filters apply too.
    pub fn list(&self) -> ListRoomsBuilder<'c> {
        self.client
            .rooms()
            .list()
            .search_area(SearchArea::Templates)
    }

    /// Starts creating a room titled `title` from template `template`
    /// (`POST files/rooms/fromTemplate`).
    pub fn create_room(
        &self,
        template: impl Into<RoomId>,
        title: impl Into<String>,
    ) -> RoomFromTemplateBuilder<'c> {
        RoomFromTemplateBuilder {
            client: self.client,
            body: FromTemplateBody {
                template_id: template.into(),
                title: title.into(),
                tags: None,
                color: None,
                cover: None,
                indexing: None,
                deny_download: None,
                private: None,
                lifetime: None,
                watermark: None,
            },
        }
    }

    /// The caller's latest room-from-template status (`GET files/rooms/fromTemplate/status`).
    pub async fn create_room_status(&self) -> Result<Option<RoomFromTemplateStatus>, Error> {
        self.client
            .call(Request::get("files/rooms/fromTemplate/status"))
            .await
    }

    /// Whether the template is public, i.e. shared with everyone on the portal
    /// (`GET files/roomtemplate/{id}/public`).
    pub async fn is_public(&self, template: impl Into<RoomId>) -> Result<bool, Error> {
        let id = template.into();
        self.client
            .call(Request::get(format!(
                "files/roomtemplate/{}/public",
                seg(&id)
            )))
            .await
    }

    /// Makes the template public or not (`PUT files/roomtemplate/public`). As DocSpace does, this
    /// also removes every other person's access to it except the caller's.
    pub async fn set_public(&self, template: impl Into<RoomId>, public: bool) -> Result<(), Error> {
        #[derive(Serialize)]
        struct Body {
            id: RoomId,
            public: bool,
        }
        let req = Request::put("files/roomtemplate/public").json(&Body {
            id: template.into(),
            public,
        })?;
        self.client.call(req).await
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct SaveBody {
    room_id: RoomId,
    #[serde(skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    color: Option<Color>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cover: Option<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    share: Vec<String>,
    public: bool,
}

/// `POST /api/2.0/files/roomtemplate`; see [`TemplatesHandler::save`].
#[derive(Debug, Clone)]
pub struct SaveTemplateBuilder<'c> {
    client: &'c Client,
    body: SaveBody,
}

impl<'c> SaveTemplateBuilder<'c> {
    /// The template's title (1..=170 characters).
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.body.title = Some(title.into());
        self
    }

    /// The template's tags.
    pub fn tags<I, S>(mut self, tags: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.body.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// The template's colour.
    pub fn color(mut self, color: Color) -> Self {
        self.body.color = Some(color);
        self
    }

    /// A preset cover id.
    pub fn cover(mut self, cover: impl Into<String>) -> Self {
        self.body.cover = Some(cover.into());
        self
    }

    /// Lets a person (by e-mail) use the template; ignored when public.
    pub fn share_with(mut self, email: impl Into<String>) -> Self {
        self.body.share.push(email.into());
        self
    }

    /// Shares the template with everyone on the portal.
    pub fn public(mut self, yes: bool) -> Self {
        self.body.public = yes;
        self
    }

    fn check(&self) -> Result<(), Error> {
        if let Some(t) = &self.body.title {
            validate::title("title", t, TITLE_MAX)?;
        }
        if let Some(t) = &self.body.tags {
            validate::tags("tags", t)?;
        }
        if let Some(c) = &self.body.cover {
            validate::title("cover", c, 50)?;
        }
        for e in &self.body.share {
            validate::email("share", e)?;
        }
        Ok(())
    }

    /// Starts the operation and returns its first status (a refusal is in its `error`).
    pub async fn send(self) -> Result<TemplateStatus, Error> {
        self.check()?;
        // Not idempotent: an unknown outcome is never retried (no duplicate templates).
        self.client
            .call(Request::post("files/roomtemplate").json(&self.body)?)
            .await
    }

    /// Starts the operation and polls its status until it ends; a failure is
    /// [`Error::OperationFailed`].
    pub async fn wait(self) -> Result<TemplateStatus, Error> {
        let client = self.client;
        let first = self.send().await?;
        let done = poll(
            first,
            |s| s.is_completed,
            || async { client.templates().save_status().await },
        )
        .await?;
        match done.error() {
            Some(m) => Err(failed("roomtemplate", m)),
            None => Ok(done),
        }
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct FromTemplateBody {
    template_id: RoomId,
    title: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    color: Option<Color>,
    #[serde(skip_serializing_if = "Option::is_none")]
    cover: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    indexing: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    deny_download: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    private: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    lifetime: Option<RoomLifetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    watermark: Option<RoomWatermark>,
}

/// `POST /api/2.0/files/rooms/fromTemplate`; see [`TemplatesHandler::create_room`]. The room gets
/// the template's type, quota and settings; what is set here (private, indexing, downloads) wins,
/// and lifetime and watermark come only from here, as DocSpace's `CreateRoomFromTemplateAsync` does.
#[derive(Debug, Clone)]
pub struct RoomFromTemplateBuilder<'c> {
    client: &'c Client,
    body: FromTemplateBody,
}

impl<'c> RoomFromTemplateBuilder<'c> {
    /// The room's tags (DocSpace takes them from the request, not from the template).
    pub fn tags<I, S>(mut self, tags: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.body.tags = Some(tags.into_iter().map(Into::into).collect());
        self
    }

    /// The room's colour.
    pub fn color(mut self, color: Color) -> Self {
        self.body.color = Some(color);
        self
    }

    /// A preset cover id.
    pub fn cover(mut self, cover: impl Into<String>) -> Self {
        self.body.cover = Some(cover.into());
        self
    }

    /// VDR indexing, instead of the template's.
    pub fn indexing(mut self, yes: bool) -> Self {
        self.body.indexing = Some(yes);
        self
    }

    /// Deny downloads, instead of the template's setting.
    pub fn deny_download(mut self, yes: bool) -> Self {
        self.body.deny_download = Some(yes);
        self
    }

    /// A private room, instead of the template's setting.
    pub fn private(mut self, yes: bool) -> Self {
        self.body.private = Some(yes);
        self
    }

    /// Automatic deletion of old content.
    pub fn lifetime(mut self, lifetime: RoomLifetime) -> Self {
        self.body.lifetime = Some(lifetime);
        self
    }

    /// A watermark on the room's documents.
    pub fn watermark(mut self, watermark: RoomWatermark) -> Self {
        self.body.watermark = Some(watermark);
        self
    }

    fn check(&self) -> Result<(), Error> {
        validate::title("title", &self.body.title, TITLE_MAX)?;
        if let Some(t) = &self.body.tags {
            validate::tags("tags", t)?;
        }
        if let Some(c) = &self.body.cover {
            validate::title("cover", c, 50)?;
        }
        if let Some(l) = &self.body.lifetime {
            l.validate()?;
        }
        if let Some(w) = &self.body.watermark {
            w.validate()?;
        }
        Ok(())
    }

    /// Starts the operation and returns its first status (a refusal is in its `error`).
    pub async fn send(self) -> Result<RoomFromTemplateStatus, Error> {
        self.check()?;
        self.client
            .call(Request::post("files/rooms/fromTemplate").json(&self.body)?)
            .await
    }

    /// Starts the operation and polls its status until it ends; a failure is
    /// [`Error::OperationFailed`].
    pub async fn wait(self) -> Result<RoomFromTemplateStatus, Error> {
        let client = self.client;
        let first = self.send().await?;
        let done = poll(
            first,
            |s| s.is_completed,
            || async { client.templates().create_room_status().await },
        )
        .await?;
        match done.error() {
            Some(m) => Err(failed("fromTemplate", m)),
            None => Ok(done),
        }
    }
}

fn failed(id: &str, message: &str) -> Error {
    Error::OperationFailed {
        id: id.to_string(),
        message: message.to_string(),
    }
}

/// Polls `next` (200 ms growing to 2 s) until `done`, for at most [`WAIT_TIMEOUT`].
async fn poll<S, F, Fut>(first: S, done: impl Fn(&S) -> bool, next: F) -> Result<S, Error>
where
    F: Fn() -> Fut,
    Fut: std::future::Future<Output = Result<Option<S>, Error>>,
{
    let started = Instant::now();
    let mut status = first;
    let mut interval = Duration::from_millis(200);
    while !done(&status) {
        if started.elapsed() >= WAIT_TIMEOUT {
            return Err(Error::Timeout(WAIT_TIMEOUT));
        }
        sleep(interval).await;
        interval = (interval * 3 / 2).min(Duration::from_secs(2));
        status = next().await?.ok_or_else(|| Error::NotFound {
            message: "the operation's status is no longer reported".into(),
        })?;
    }
    Ok(status)
}
