//! The demo data of a new `--seed demo` portal: rooms of all six types with members of fitting
//! access levels, tags, folders, text files with real content and a few office-named files, and a
//! public room with its external link.

use rusqlite::Connection;
use serde_json::json;

use crate::api::rooms::{RoomRequest, create_room};
use crate::db::entries::{self, Folder, NewFolder, folder_type};
use crate::envelope::ApiError;
use crate::users::User;

fn room(conn: &Connection, owner: &User, body: serde_json::Value) -> Result<Folder, ApiError> {
    let req: RoomRequest =
        serde_json::from_value(body).map_err(|e| ApiError::Internal(format!("demo room: {e}")))?;
    create_room(conn, owner, &req)
}

fn folder(
    conn: &Connection,
    parent: &Folder,
    title: &str,
    owner: &User,
) -> Result<Folder, ApiError> {
    entries::insert_folder(
        conn,
        parent,
        &NewFolder {
            title: title.into(),
            folder_type: folder_type::DEFAULT,
            room_type: None,
            owner_id: owner.id.clone(),
        },
    )
}

fn file(
    conn: &Connection,
    parent: &Folder,
    title: &str,
    owner: &User,
    content: &str,
) -> Result<(), ApiError> {
    entries::insert_file(conn, parent.id, title, &owner.id, content.as_bytes())?;
    Ok(())
}

/// Fills a new portal; `people` is `[owner, admin, room admin, user, guest]`.
pub fn populate(conn: &Connection, people: &[User]) -> Result<(), ApiError> {
    let [owner, admin, room_admin, user, guest] = people else {
        return Err(ApiError::Internal("demo seed needs five users".into()));
    };

    let contracts = room(
        conn,
        owner,
        json!({
            "title": "Contracts", "roomType": "CustomRoom", "color": "5299E0", "tags": ["legal"],
            "share": [
                { "shareTo": room_admin.id, "access": 9 },
                { "shareTo": user.id, "access": 10 },
                { "shareTo": guest.id, "access": 2 },
            ],
        }),
    )?;
    let year = folder(conn, &contracts, "2025", owner)?;
    file(
        conn,
        &year,
        "Checklist.md",
        owner,
        "# Contract checklist\n\n- [x] Parties named\n- [x] Term and renewal\n- [ ] Signatures collected\n",
    )?;
    file(
        conn,
        &year,
        "NDA template.docx",
        owner,
        "Mutual non-disclosure agreement (placeholder content)\n",
    )?;
    file(
        conn,
        &contracts,
        "Budget.xlsx",
        owner,
        "Budget spreadsheet (placeholder content)\n",
    )?;
    file(
        conn,
        &contracts,
        "Reading list.txt",
        room_admin,
        "Contract law basics\nNegotiation patterns\nPlain-language drafting\n",
    )?;

    let marketing = room(
        conn,
        owner,
        json!({
            "title": "Marketing", "roomType": "EditingRoom", "tags": ["marketing"],
            "share": [
                { "shareTo": user.id, "access": 11 },
                { "shareTo": guest.id, "access": 2 },
            ],
        }),
    )?;
    file(
        conn,
        &marketing,
        "Launch plan.txt",
        owner,
        "Launch plan\n\n1. Announce on the blog\n2. Email the newsletter\n3. Demo day\n",
    )?;
    file(
        conn,
        &marketing,
        "Slides.pptx",
        owner,
        "Launch slides (placeholder content)\n",
    )?;
    let assets = folder(conn, &marketing, "Assets", user)?;
    file(
        conn,
        &assets,
        "Taglines.md",
        user,
        "## Taglines\n\n* Work together, anywhere.\n* Your documents, your rooms.\n",
    )?;

    let forms = room(
        conn,
        owner,
        json!({
            "title": "Onboarding forms", "roomType": "FillingFormsRoom",
            "share": [{ "shareTo": user.id, "access": 7 }, { "shareTo": room_admin.id, "access": 11 }],
        }),
    )?;
    file(
        conn,
        &forms,
        "Application.pdf",
        owner,
        "%PDF-1.4 placeholder application form\n",
    )?;

    let press = room(
        conn,
        owner,
        json!({
            "title": "Press kit", "roomType": "PublicRoom", "tags": ["marketing"],
            "share": [{ "shareTo": room_admin.id, "access": 11 }],
        }),
    )?;
    file(
        conn,
        &press,
        "About us.md",
        owner,
        "# About us\n\nWe build tools for working on documents together.\n",
    )?;
    file(
        conn,
        &press,
        "Logo guide.pdf",
        owner,
        "%PDF-1.4 placeholder logo guide\n",
    )?;

    let vdr = room(
        conn,
        owner,
        json!({
            "title": "Due diligence", "roomType": "VirtualDataRoom", "indexing": true, "tags": ["legal", "finance"],
            "share": [{ "shareTo": admin.id, "access": 9 }, { "shareTo": guest.id, "access": 2 }],
        }),
    )?;
    file(
        conn,
        &vdr,
        "Summary.txt",
        owner,
        "Due diligence summary\n\nRevenue grew 12% year over year.\n",
    )?;
    file(
        conn,
        &vdr,
        "Financials.xlsx",
        owner,
        "Financial statements (placeholder content)\n",
    )?;

    let ai = room(
        conn,
        room_admin,
        json!({
            "title": "Research assistant", "roomType": "AiRoom",
            "share": [{ "shareTo": user.id, "access": 2 }],
        }),
    )?;
    file(
        conn,
        &ai,
        "Sources.md",
        room_admin,
        "# Sources\n\n1. Annual report 2024\n2. Market survey\n",
    )?;

    for (who, name, text) in [
        (
            owner,
            "Notes.txt",
            "Welcome to the DocSpace devportal.\nEverything here lives in SQLite.\n",
        ),
        (
            owner,
            "Ideas.md",
            "# Ideas\n\n- Embed the manager in our intranet\n- Pick files from rooms\n",
        ),
        (
            user,
            "Todo.txt",
            "Review the launch plan\nSend the taglines\n",
        ),
    ] {
        let my = entries::section(conn, folder_type::USER, Some(&who.id))?
            .ok_or_else(|| ApiError::Internal("My documents missing".into()))?;
        file(conn, &my, name, who, text)?;
    }
    Ok(())
}
