//! Room enums and the pieces of a room's settings (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/VirtualRoomsController.cs`).

use serde::{Deserialize, Serialize};

use super::macros::{flags, int_enum, str_enum};
use crate::error::Error;
pub use docspace_types::RoomType;

int_enum! {
    /// Which rooms a listing searches.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::SearchArea::Archive.value(), 1);
    /// ```
    pub enum SearchArea {
        /// Active rooms.
        Active = 0 => "Active",
        /// Archived rooms.
        Archive = 1 => "Archive",
        /// Both.
        Any = 2 => "Any",
        /// Rooms opened through links.
        RecentByLinks = 3 => "RecentByLinks",
        /// Room templates.
        Templates = 4 => "Templates",
        /// Knowledge rooms.
        Knowledge = 5 => "Knowledge",
        /// Result storage.
        ResultStorage = 6 => "ResultStorage",
        /// AI agents.
        AiAgents = 7 => "AiAgents",
    }
}

int_enum! {
    /// Third-party storage provider filter.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::ProviderFilter::WebDav.value(), 7);
    /// ```
    pub enum ProviderFilter {
        /// No filter.
        None = 0 => "None",
        /// Box.
        Box = 1 => "Box",
        /// Dropbox.
        DropBox = 2 => "DropBox",
        /// Google Drive.
        GoogleDrive = 3 => "GoogleDrive",
        /// kDrive.
        KDrive = 4 => "kDrive",
        /// OneDrive.
        OneDrive = 5 => "OneDrive",
        /// SharePoint.
        SharePoint = 6 => "SharePoint",
        /// WebDAV.
        WebDav = 7 => "WebDav",
        /// Yandex.
        Yandex = 8 => "Yandex",
        /// Other storage.
        Storage = 9 => "Storage",
    }
}

int_enum! {
    /// Quota filter of room listings.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::QuotaFilter::Custom.value(), 2);
    /// ```
    pub enum QuotaFilter {
        /// All rooms.
        All = 0 => "All",
        /// Rooms with the default quota.
        Default = 1 => "Default",
        /// Rooms with a custom quota.
        Custom = 2 => "Custom",
    }
}

int_enum! {
    /// Storage filter of room listings.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::StorageFilter::ThirdParty.value(), 2);
    /// ```
    pub enum StorageFilter {
        /// All rooms.
        None = 0 => "None",
        /// Rooms on the portal's storage.
        Internal = 1 => "Internal",
        /// Rooms on third-party storage.
        ThirdParty = 2 => "ThirdParty",
    }
}

int_enum! {
    /// Sort direction.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::SortOrder::Descending.value(), 1);
    /// ```
    pub enum SortOrder {
        /// A→Z, oldest first.
        Ascending = 0 => "Ascending",
        /// Z→A, newest first.
        Descending = 1 => "Descending",
    }
}

str_enum! {
    /// What a listing is sorted by (DocSpace's `SortedByType` names).
    ///
    /// ```
    /// assert_eq!(docspace_api::models::SortBy::Title.as_str(), "AZ");
    /// ```
    pub enum SortBy {
        /// Modification date.
        DateAndTime => "DateAndTime",
        /// Title.
        Title => "AZ",
        /// Size.
        Size => "Size",
        /// Author.
        Author => "Author",
        /// Type.
        Type => "Type",
        /// New items first.
        New => "New",
        /// Creation date.
        DateAndTimeCreation => "DateAndTimeCreation",
        /// Room type.
        RoomType => "RoomType",
        /// Tags.
        Tags => "Tags",
        /// Room.
        Room => "Room",
        /// The custom (VDR) order.
        CustomOrder => "CustomOrder",
        /// Last opened.
        LastOpened => "LastOpened",
        /// Used space.
        UsedSpace => "UsedSpace",
    }
}

int_enum! {
    /// The unit of a room's content lifetime.
    ///
    /// ```
    /// assert_eq!(docspace_api::models::LifetimePeriod::Year.value(), 2);
    /// ```
    pub enum LifetimePeriod {
        /// Days.
        Day = 0 => "Day",
        /// Months.
        Month = 1 => "Month",
        /// Years.
        Year = 2 => "Year",
    }
}

flags! {
    /// What a watermark shows, besides its text.
    ///
    /// ```
    /// use docspace_api::models::WatermarkAdditions as W;
    /// let w = W::USER_NAME | W::CURRENT_DATE;
    /// assert!(w.contains(W::CURRENT_DATE) && !w.contains(W::ROOM_NAME));
    /// assert_eq!(w.0, 9);
    /// ```
    pub struct WatermarkAdditions {
        /// The viewer's name.
        const USER_NAME = 1;
        /// The viewer's e-mail.
        const USER_EMAIL = 2;
        /// The viewer's IP address.
        const USER_IP_ADDRESS = 4;
        /// The current date.
        const CURRENT_DATE = 8;
        /// The room's name.
        const ROOM_NAME = 16;
    }
}

/// A room color: six hex digits, without `#` ([`docspace_types::is_hex_color`]: DocSpace refuses
/// `#FF0000` as longer than 6 characters, and colour names).
///
/// ```
/// use docspace_api::models::Color;
/// assert_eq!(Color::from_hex("5299e0")?.as_str(), "5299E0");
/// assert!(Color::from_hex("#5299E0").is_err());
/// assert!(Color::from_hex("red").is_err());
/// # Ok::<(), docspace_api::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(transparent)]
pub struct Color(String);

impl Color {
    /// Checks a color (exactly six hex digits, no `#`) and writes it in upper case.
    pub fn from_hex(hex: &str) -> Result<Color, Error> {
        if !docspace_types::is_hex_color(hex) {
            return Err(Error::invalid(
                "color",
                format!("`{hex}` is not 6 hex digits without `#` (like 5299E0)"),
            ));
        }
        Ok(Color(hex.to_ascii_uppercase()))
    }

    /// The six hex digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Automatic deletion of a room's content.
///
/// ```
/// use docspace_api::models::{LifetimePeriod, RoomLifetime};
/// let l = RoomLifetime::new(30, LifetimePeriod::Day).delete_permanently(true);
/// assert_eq!(serde_json::to_value(&l)?["value"], 30);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct RoomLifetime {
    /// Whether the lifetime applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// Delete permanently instead of moving to Trash.
    #[serde(default)]
    pub delete_permanently: bool,
    /// The unit of `value`.
    #[serde(default = "default_period")]
    pub period: LifetimePeriod,
    /// How many units content lives (1..=999).
    pub value: u32,
}

fn default_period() -> LifetimePeriod {
    LifetimePeriod::Day
}

impl RoomLifetime {
    /// Content older than `value` `period`s is deleted.
    pub fn new(value: u32, period: LifetimePeriod) -> RoomLifetime {
        RoomLifetime {
            enabled: Some(true),
            delete_permanently: false,
            period,
            value,
        }
    }

    /// Deletes permanently instead of moving to Trash.
    pub fn delete_permanently(mut self, yes: bool) -> RoomLifetime {
        self.delete_permanently = yes;
        self
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        if !(1..=999).contains(&self.value) {
            return Err(Error::invalid(
                "lifetime.value",
                format!("{} is outside 1..=999", self.value),
            ));
        }
        Ok(())
    }
}

/// A watermark on a room's documents.
///
/// ```
/// use docspace_api::models::{RoomWatermark, WatermarkAdditions};
/// let w = RoomWatermark::text("CONFIDENTIAL").additions(WatermarkAdditions::USER_EMAIL).rotate(-45);
/// assert_eq!(serde_json::to_value(&w)?["rotate"], -45);
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct RoomWatermark {
    /// Whether the watermark applies.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub enabled: Option<bool>,
    /// What it shows besides the text.
    #[serde(default)]
    pub additions: WatermarkAdditions,
    /// The text (≤255 characters).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
    /// Rotation in degrees.
    #[serde(default)]
    pub rotate: i32,
    /// Image scale in percent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_scale: Option<i32>,
    /// Image URL.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_url: Option<String>,
    /// Image height.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_height: Option<f64>,
    /// Image width.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub image_width: Option<f64>,
}

impl RoomWatermark {
    /// A text watermark.
    pub fn text(text: impl Into<String>) -> RoomWatermark {
        RoomWatermark {
            enabled: Some(true),
            text: Some(text.into()),
            ..RoomWatermark::default()
        }
    }

    /// Adds viewer and room details.
    pub fn additions(mut self, additions: WatermarkAdditions) -> RoomWatermark {
        self.additions = additions;
        self
    }

    /// Rotates by `degrees`.
    pub fn rotate(mut self, degrees: i32) -> RoomWatermark {
        self.rotate = degrees;
        self
    }

    pub(crate) fn validate(&self) -> Result<(), Error> {
        if let Some(t) = &self.text {
            crate::validate::max_len("watermark.text", t, 255)?;
        }
        Ok(())
    }
}

/// A room cover: a preset image id and its SVG data.
///
/// ```
/// let c: docspace_api::models::Cover = serde_json::from_str(r#"{"id":"sun","data":"<svg/>"}"#)?;
/// assert_eq!(c.id, "sun");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cover {
    /// Cover id, as `create().cover(…)` takes it.
    pub id: String,
    /// Image data.
    #[serde(default)]
    pub data: Option<String>,
}

/// A room's logo images and color.
///
/// ```
/// let l: docspace_api::models::Logo = serde_json::from_str(r#"{"color":"5299E0"}"#)?;
/// assert_eq!(l.color.as_deref(), Some("5299E0"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
pub struct Logo {
    /// Original image URL.
    #[serde(default)]
    pub original: Option<String>,
    /// Large image URL.
    #[serde(default)]
    pub large: Option<String>,
    /// Medium image URL.
    #[serde(default)]
    pub medium: Option<String>,
    /// Small image URL.
    #[serde(default)]
    pub small: Option<String>,
    /// Background color (six hex digits).
    #[serde(default)]
    pub color: Option<String>,
    /// Preset cover.
    #[serde(default)]
    pub cover: Option<Cover>,
}

/// Settings of an AI room's chat.
///
/// ```
/// let c: docspace_api::models::ChatSettings = serde_json::from_str(r#"{"modelId":"m"}"#)?;
/// assert_eq!(c.model_id.as_deref(), Some("m"));
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct ChatSettings {
    /// AI provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider_id: Option<i64>,
    /// Model.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub model_id: Option<String>,
    /// System prompt.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub prompt: Option<String>,
    /// Internal-only chat.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal: Option<bool>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn colors_are_six_hex_digits() {
        assert_eq!(Color::from_hex("5299E0").unwrap().as_str(), "5299E0");
        for bad in [
            "", "12345", "1234567", "GGGGGG", "#12 456", "#5299E0", "red",
        ] {
            let e = Color::from_hex(bad).unwrap_err();
            assert!(
                matches!(e, Error::InvalidInput { field: "color", .. }),
                "{bad}: {e:?}"
            );
        }
    }

    #[test]
    fn lifetime_and_watermark_round_trip_and_validate() {
        let l: RoomLifetime =
            serde_json::from_str(r#"{"deletePermanently":true,"period":1,"value":3}"#).unwrap();
        assert_eq!(l.period, LifetimePeriod::Month);
        assert!(l.validate().is_ok());
        assert!(
            RoomLifetime::new(0, LifetimePeriod::Day)
                .validate()
                .is_err()
        );
        assert!(
            RoomLifetime::new(1000, LifetimePeriod::Day)
                .validate()
                .is_err()
        );
        let w: RoomWatermark = serde_json::from_str(
            r#"{"enabled":true,"additions":17,"text":"x","rotate":45,"imageScale":100}"#,
        )
        .unwrap();
        assert!(w.additions.contains(WatermarkAdditions::ROOM_NAME));
        assert!(w.validate().is_ok());
        assert!(RoomWatermark::text("x".repeat(256)).validate().is_err());
        let l: RoomLifetime = serde_json::from_str(r#"{"value":3,"period":7}"#).unwrap();
        assert_eq!(l.period, LifetimePeriod::Unknown(7));
    }

    #[test]
    fn sort_by_names() {
        assert_eq!(SortBy::from_name("az"), SortBy::Title);
        assert_eq!(SortBy::from_name("Magic"), SortBy::Unknown("Magic".into()));
    }
}
