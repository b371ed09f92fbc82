//! The settings a room is created or changed with: one body part and one set of setters for room
//! creation and update, saving a room as a template and creating a room from one.

use serde::Serialize;

use crate::error::Error;
use crate::models::{Color, RoomLifetime, RoomWatermark};
use crate::validate;

/// Settings shared by room creation and update and by templates; each builder offers the
/// setters of the ones its endpoint reads (see [`room_setters`]), the rest stay unset and are
/// not sent.
#[derive(Debug, Clone, Default, Serialize)]
#[serde(rename_all = "camelCase")]
pub(crate) struct RoomSettings {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) indexing: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) deny_download: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) quota: Option<i64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) tags: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) color: Option<Color>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) cover: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) lifetime: Option<RoomLifetime>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub(crate) watermark: Option<RoomWatermark>,
}

impl RoomSettings {
    /// Refuses what DocSpace would refuse, before anything is sent.
    pub(crate) fn validate(&self) -> Result<(), Error> {
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

/// Setters of [`RoomSettings`], named one by one, for a builder with
/// `fn settings_mut(&mut self) -> &mut RoomSettings`: `room_setters!(tags, color, cover);`, or
/// `room_setters!();` for all of them.
macro_rules! room_setters {
    // Every setting: the setters of room creation and update.
    () => {
        room_setters!(
            indexing,
            deny_download,
            quota,
            tags,
            color,
            cover,
            lifetime,
            watermark
        );
    };
    ($($setting:ident),+ $(,)?) => {
        $(room_setters!(@ $setting);)+
    };
    (@ indexing) => {
        /// VDR: number the contents.
        pub fn indexing(mut self, yes: bool) -> Self {
            self.settings_mut().indexing = Some(yes);
            self
        }
    };
    (@ deny_download) => {
        /// Forbids downloading, printing and copying.
        pub fn deny_download(mut self, yes: bool) -> Self {
            self.settings_mut().deny_download = Some(yes);
            self
        }
    };
    (@ quota) => {
        /// Storage quota in bytes; −1 unlimited, −2 the portal's default.
        pub fn quota(mut self, bytes: i64) -> Self {
            self.settings_mut().quota = Some(bytes);
            self
        }
    };
    (@ tags) => {
        /// Tags (created if missing; each 1..=255 characters).
        pub fn tags<I, S>(mut self, tags: I) -> Self
        where
            I: IntoIterator<Item = S>,
            S: Into<String>,
        {
            self.settings_mut().tags = Some(tags.into_iter().map(Into::into).collect());
            self
        }
    };
    (@ color) => {
        /// The colour.
        pub fn color(mut self, color: $crate::models::Color) -> Self {
            self.settings_mut().color = Some(color);
            self
        }
    };
    (@ cover) => {
        /// A preset cover id (from [`RoomsHandler::covers`](crate::api::RoomsHandler::covers)).
        pub fn cover(mut self, cover: impl Into<String>) -> Self {
            self.settings_mut().cover = Some(cover.into());
            self
        }
    };
    (@ lifetime) => {
        /// Automatic deletion of old content.
        pub fn lifetime(mut self, lifetime: $crate::models::RoomLifetime) -> Self {
            self.settings_mut().lifetime = Some(lifetime);
            self
        }
    };
    (@ watermark) => {
        /// A watermark on the room's documents.
        pub fn watermark(mut self, watermark: $crate::models::RoomWatermark) -> Self {
            self.settings_mut().watermark = Some(watermark);
            self
        }
    };
}

pub(crate) use room_setters;
