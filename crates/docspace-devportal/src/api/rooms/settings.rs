//! What a room is created or changed with: the request bodies and their checks, as DocSpace
//! makes them.

use serde::Deserialize;
use serde_json::{Value, json};

use crate::api::extract::title;
use crate::db::entries::Folder;
use crate::db::tags;
use crate::envelope::ApiError;
use docspace_types::{COVER_MAX, HEX_COLOR_LEN, ROOM_TITLE_MAX, RoomType, TEXT_MAX, dotnet_len};

/// `RoomDataLifetimeDto`.
#[derive(Deserialize, serde::Serialize, Clone, Default)]
#[serde(rename_all = "camelCase")]
pub struct Lifetime {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) delete_permanently: Option<bool>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) period: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) value: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub(super) enabled: Option<bool>,
}

/// `WatermarkRequestDto`.
#[derive(Deserialize, Clone, Default)]
#[serde(rename_all = "camelCase")]
pub struct Watermark {
    #[serde(default)]
    pub(super) enabled: Option<bool>,
    #[serde(default)]
    pub(super) additions: Option<i64>,
    #[serde(default)]
    pub(super) text: Option<String>,
    #[serde(default)]
    pub(super) rotate: Option<i64>,
    #[serde(default)]
    pub(super) image_scale: Option<i64>,
    #[serde(default)]
    pub(super) image_url: Option<String>,
    #[serde(default)]
    pub(super) image_height: Option<f64>,
    #[serde(default)]
    pub(super) image_width: Option<f64>,
}

/// One initial member of a new room.
#[derive(Deserialize, Clone)]
#[serde(rename_all = "camelCase")]
pub struct ShareEntry {
    #[serde(default)]
    pub(super) share_to: Option<String>,
    #[serde(default)]
    pub(super) email: Option<String>,
    #[serde(default)]
    pub(super) access: Option<i64>,
}

/// `CreateRoomRequestDto` and `UpdateRoomRequest` (the update ignores `roomType`, `private`, `share`).
#[derive(Deserialize, Default)]
#[serde(rename_all = "camelCase")]
pub struct RoomRequest {
    #[serde(default)]
    pub(super) title: Option<String>,
    #[serde(default)]
    pub(super) room_type: Option<Value>,
    #[serde(default)]
    pub(super) private: Option<bool>,
    #[serde(default)]
    pub(super) indexing: Option<bool>,
    #[serde(default)]
    pub(super) deny_download: Option<bool>,
    #[serde(default)]
    pub(super) quota: Option<i64>,
    #[serde(default)]
    pub(super) tags: Option<Vec<String>>,
    #[serde(default)]
    pub(super) color: Option<String>,
    #[serde(default)]
    pub(super) cover: Option<String>,
    #[serde(default)]
    #[allow(dead_code)]
    // Logos need an uploaded image (`POST files/logos`), which this portal does not keep.
    pub(super) logo: Option<Value>,
    #[serde(default)]
    pub(super) lifetime: Option<Lifetime>,
    #[serde(default)]
    pub(super) watermark: Option<Watermark>,
    #[serde(default)]
    pub(super) share: Option<Vec<ShareEntry>>,
    #[serde(default)]
    #[allow(dead_code)]
    // AI rooms are listed and stored; their chat settings have no effect here.
    pub(super) chat_settings: Option<Value>,
    #[serde(default, rename = "sendFormToExternalDB")]
    #[allow(dead_code)]
    pub(super) send_form_to_external_db: Option<bool>,
    #[serde(default, rename = "saveFormAsXLSX")]
    #[allow(dead_code)]
    pub(super) save_form_as_xlsx: Option<bool>,
}

pub(super) fn parse_room_type(v: &Value) -> Result<i64, ApiError> {
    let n = match v {
        Value::Number(n) => n
            .as_i64()
            .and_then(|n| i32::try_from(n).ok())
            .map(RoomType::from_value),
        Value::String(s) => match s.trim().parse::<i32>() {
            Ok(n) => Some(RoomType::from_value(n)),
            Err(_) => RoomType::from_name(s.trim()),
        },
        _ => None,
    }
    .filter(|t| RoomType::ALL.contains(t))
    .map(|t| i64::from(t.value()));
    n.ok_or_else(|| {
        ApiError::field(
            "RoomType",
            format!("The value '{v}' is not a valid room type."),
        )
    })
}

/// A room's title where the request must carry one (`[Required]`, then cut as titles are).
pub(crate) fn required_title(t: Option<&str>) -> Result<String, ApiError> {
    let t = t.ok_or_else(|| ApiError::field("Title", "The Title field is required."))?;
    title(t, "title", ROOM_TITLE_MAX)
}

/// A room colour: DocSpace caps it at 6 characters (`[StringLength(6)]` on `Color` in
/// ONLYOFFICE/DocSpace-server `products/ASC.Files/Server/ApiModels/RequestDto/CreateRoomRequestDto.cs`),
/// so `#FF0000` gets .NET's length message; the value is six hex digits without `#`
/// (<https://api.onlyoffice.com/docspace/api-backend/usage-api/models/cover-request-dto>).
pub(crate) fn check_color(c: &str) -> Result<String, ApiError> {
    if dotnet_len(c) > HEX_COLOR_LEN {
        Err(ApiError::field(
            "Color",
            format!("The field Color must be a string with a maximum length of {HEX_COLOR_LEN}."),
        ))
    } else if docspace_types::is_hex_color(c) {
        Ok(c.to_ascii_uppercase())
    } else {
        Err(ApiError::field(
            "Color",
            "The color must be 6 hexadecimal digits.",
        ))
    }
}

pub(crate) fn check_tags(t: &[String]) -> Result<Vec<String>, ApiError> {
    if t.len() > tags::MAX_PER_ROOM {
        return Err(tags::too_many());
    }
    t.iter().map(|s| title(s, "tag", tags::NAME_MAX)).collect()
}

pub(crate) fn lifetime_json(l: &Lifetime) -> Result<String, ApiError> {
    if let Some(p) = l.period
        && !(0..=2).contains(&p)
    {
        return Err(ApiError::field(
            "Lifetime.Period",
            "The period must be 0 (days), 1 (months) or 2 (years).",
        ));
    }
    if let Some(v) = l.value
        && !(1..=999).contains(&v)
    {
        return Err(ApiError::field(
            "Lifetime.Value",
            "The field Value must be between 1 and 999.",
        ));
    }
    let full = Lifetime {
        delete_permanently: Some(l.delete_permanently.unwrap_or(false)),
        period: Some(l.period.unwrap_or(0)),
        value: Some(l.value.unwrap_or(1)),
        enabled: Some(l.enabled.unwrap_or(true)),
    };
    serde_json::to_string(&full).map_err(|e| ApiError::Internal(e.to_string()))
}

pub(crate) fn watermark_json(w: &Watermark) -> Result<String, ApiError> {
    if w.text.as_ref().is_some_and(|t| dotnet_len(t) > TEXT_MAX) {
        return Err(ApiError::field(
            "Watermark.Text",
            "The field Text must be a string with a maximum length of 255.",
        ));
    }
    if w.additions.is_some_and(|a| !(0..=31).contains(&a)) {
        return Err(ApiError::field(
            "Watermark.Additions",
            "The additions are not valid.",
        ));
    }
    let mut v = json!({
        "enabled": w.enabled.unwrap_or(true),
        "additions": w.additions.unwrap_or(0),
        "rotate": w.rotate.unwrap_or(0),
        "imageScale": w.image_scale.unwrap_or(0),
        "imageHeight": w.image_height.unwrap_or(0.0),
        "imageWidth": w.image_width.unwrap_or(0.0),
    });
    if let Some(t) = &w.text {
        v["text"] = json!(t);
    }
    if let Some(u) = &w.image_url {
        v["imageUrl"] = json!(u);
    }
    Ok(v.to_string())
}

fn check_quota(q: i64) -> Result<i64, ApiError> {
    if q < -2 {
        return Err(ApiError::field(
            "Quota",
            "The quota must be -1 (unlimited), -2 (default) or a size in bytes.",
        ));
    }
    Ok(q)
}

/// Applies the settings fields of a create/update request to a room row.
pub(super) fn apply_settings(room: &mut Folder, req: &RoomRequest) -> Result<(), ApiError> {
    if let Some(t) = &req.title {
        room.title = title(t, "title", ROOM_TITLE_MAX)?;
    }
    if let Some(v) = req.indexing {
        room.indexing = v;
    }
    if let Some(v) = req.deny_download {
        room.deny_download = v;
    }
    if let Some(q) = req.quota {
        room.quota = check_quota(q)?;
    }
    if let Some(c) = &req.color {
        room.color = Some(check_color(c)?);
    }
    if let Some(c) = &req.cover {
        if dotnet_len(c) > COVER_MAX {
            return Err(ApiError::field(
                "Cover",
                "The field Cover must be a string with a maximum length of 50.",
            ));
        }
        room.cover = Some(c.clone()).filter(|c| !c.is_empty());
    }
    if let Some(l) = &req.lifetime {
        room.lifetime = Some(lifetime_json(l)?);
    }
    if let Some(w) = &req.watermark {
        room.watermark = Some(watermark_json(w)?);
    }
    Ok(())
}
