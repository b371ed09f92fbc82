//! Room templates: save a room as a template, list templates, create a room from one, make one
//! public (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/RoomTemplatesController.cs`
//! and `VirtualRoomsController.cs` `rooms/fromTemplate`).
//!
//! DocSpace runs both copies in the background and answers with a status; the status endpoints
//! report the caller's latest operation of each kind, so [`SaveTemplateBuilder::wait`] and
//! [`RoomFromTemplateBuilder::wait`] poll them until `isCompleted`.

use std::time::Duration;

use serde::Serialize;

use super::rooms::settings::{RoomSettings, room_setters};
use super::rooms::{ListRoomsBuilder, TITLE_MAX};
use crate::client::Client;
use crate::error::Error;
use crate::models::{RoomFromTemplateStatus, RoomId, SearchArea, TemplateStatus};
use crate::request::{Request, seg};
use crate::rt::{Instant, sleep};
use crate::validate;

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
                settings: RoomSettings::default(),
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
                settings: RoomSettings::default(),
                private: None,
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
    /// Only tags, colour and cover: the template takes the rest from the room.
    #[serde(flatten)]
    settings: RoomSettings,
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

    fn settings_mut(&mut self) -> &mut RoomSettings {
        &mut self.body.settings
    }

    room_setters!(tags, color, cover);

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
        self.body.settings.validate()?;
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
        let next = || async { client.templates().save_status().await };
        let done = |s: &TemplateStatus| s.is_completed;
        poll("roomtemplate", first, done, TemplateStatus::error, next).await
    }
}

#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "camelCase")]
struct FromTemplateBody {
    template_id: RoomId,
    title: String,
    /// All but the quota, which comes from the template.
    #[serde(flatten)]
    settings: RoomSettings,
    #[serde(skip_serializing_if = "Option::is_none")]
    private: Option<bool>,
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
    fn settings_mut(&mut self) -> &mut RoomSettings {
        &mut self.body.settings
    }

    // The tags come from here, not from the template (as DocSpace does).
    room_setters!(
        tags,
        color,
        cover,
        indexing,
        deny_download,
        lifetime,
        watermark
    );

    /// A private room, instead of the template's setting.
    pub fn private(mut self, yes: bool) -> Self {
        self.body.private = Some(yes);
        self
    }

    fn check(&self) -> Result<(), Error> {
        validate::title("title", &self.body.title, TITLE_MAX)?;
        self.body.settings.validate()
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
        let next = || async { client.templates().create_room_status().await };
        let done = |s: &RoomFromTemplateStatus| s.is_completed;
        poll(
            "fromTemplate",
            first,
            done,
            RoomFromTemplateStatus::error,
            next,
        )
        .await
    }
}

/// Polls `next` (200 ms growing to 2 s) until `done`, for at most [`WAIT_TIMEOUT`]; a status
/// that ends with an `error` is [`Error::OperationFailed`] of operation `id`.
async fn poll<S, F, Fut>(
    id: &str,
    first: S,
    done: impl Fn(&S) -> bool,
    error: impl Fn(&S) -> Option<&str>,
    next: F,
) -> Result<S, Error>
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
    match error(&status) {
        Some(message) => Err(Error::OperationFailed {
            id: id.to_string(),
            message: message.to_string(),
        }),
        None => Ok(status),
    }
}
