//! The preset room covers (`GET files/rooms/covers`) and the SVG of each.

use serde_json::json;

use crate::auth::Caller;
use crate::envelope::Envelope;

/// The covers `GET files/rooms/covers` offers: id and SVG data.
const COVERS: &[(&str, &str)] = &[
    (
        "briefcase",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><rect x=\"4\" y=\"9\" width=\"24\" height=\"17\" rx=\"2\"/><rect x=\"11\" y=\"5\" width=\"10\" height=\"5\" rx=\"1\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/></svg>",
    ),
    (
        "star",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><path d=\"M16 3l4 9 9 1-7 6 2 10-8-5-8 5 2-10-7-6 9-1z\"/></svg>",
    ),
    (
        "folder",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><path d=\"M3 8h10l3 3h13v15H3z\"/></svg>",
    ),
    (
        "globe",
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 32 32\"><circle cx=\"16\" cy=\"16\" r=\"12\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/><path d=\"M4 16h24M16 4c6 6 6 18 0 24c-6-6-6-18 0-24z\" fill=\"none\" stroke=\"#000\" stroke-width=\"2\"/></svg>",
    ),
];

/// The SVG of a cover id (empty for ids this portal does not know).
pub fn cover_svg(id: &str) -> &'static str {
    COVERS
        .iter()
        .find(|(c, _)| *c == id)
        .map(|(_, d)| *d)
        .unwrap_or("")
}

/// `GET /api/2.0/files/rooms/covers`.
pub async fn covers(_caller: Caller) -> Envelope {
    Envelope::ok(
        COVERS
            .iter()
            .map(|(id, data)| json!({ "id": id, "data": data }))
            .collect::<Vec<_>>(),
    )
}
