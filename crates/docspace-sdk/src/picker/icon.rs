//! Icons for rooms, folders and files, drawn as inline SVG: they need no emoji font (without one,
//! emoji render as empty boxes), follow the text colour and the theme, and add no request.
//!
//! ```
//! use docspace_sdk::picker::{EntryIcon, Glyph};
//! use leptos::prelude::*;
//!
//! let _pinned = view! { <EntryIcon glyph=Glyph::Pin/> };
//! ```

use docspace_api::models::{Entry, FileType};
use leptos::prelude::*;

/// What an icon shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Glyph {
    /// A room.
    Room,
    /// A folder.
    Folder,
    /// A text document.
    Document,
    /// A spreadsheet.
    Spreadsheet,
    /// A presentation.
    Presentation,
    /// A PDF or a form.
    Pdf,
    /// An image.
    Image,
    /// Any other file.
    File,
    /// A pinned item.
    Pin,
}

impl Glyph {
    /// The glyph for a listing entry.
    pub fn of(entry: &Entry) -> Glyph {
        match entry {
            Entry::Folder(f) if f.is_room() => Glyph::Room,
            Entry::Folder(_) => Glyph::Folder,
            Entry::File(f) => match f.file_type {
                Some(FileType::Document) => Glyph::Document,
                Some(FileType::Spreadsheet) => Glyph::Spreadsheet,
                Some(FileType::Presentation) => Glyph::Presentation,
                Some(FileType::Pdf) => Glyph::Pdf,
                Some(FileType::Image) => Glyph::Image,
                _ => Glyph::File,
            },
        }
    }

    /// Its name, as the `data-glyph` attribute and the colour class carry it.
    pub fn name(self) -> &'static str {
        match self {
            Glyph::Room => "room",
            Glyph::Folder => "folder",
            Glyph::Document => "document",
            Glyph::Spreadsheet => "spreadsheet",
            Glyph::Presentation => "presentation",
            Glyph::Pdf => "pdf",
            Glyph::Image => "image",
            Glyph::File => "file",
            Glyph::Pin => "pin",
        }
    }

    /// Its colour: a page may set `--ds-icon-<name>`; the defaults read on light and dark
    /// backgrounds alike.
    fn colour(self) -> &'static str {
        match self {
            Glyph::Room => "var(--ds-icon-room, #5b8bd9)",
            Glyph::Folder => "var(--ds-icon-folder, #c8962c)",
            Glyph::Document => "var(--ds-icon-document, #4a7fd0)",
            Glyph::Spreadsheet => "var(--ds-icon-spreadsheet, #3a9a5c)",
            Glyph::Presentation => "var(--ds-icon-presentation, #d0703a)",
            Glyph::Pdf => "var(--ds-icon-pdf, #d04a3f)",
            Glyph::Image => "var(--ds-icon-image, #9a66cc)",
            Glyph::File => "var(--ds-icon-file, #8a94a0)",
            Glyph::Pin => "var(--ds-icon-pin, currentColor)",
        }
    }

    /// The outline (filled with the current colour, softened) and the marks on it (stroked), on
    /// a 16×16 grid.
    fn paths(self) -> (&'static str, &'static str) {
        const PAGE: &str = "M3.5 1.5h6l3 3v10h-9z";
        match self {
            Glyph::Room => ("M2 2.5h12v11H2z", "M6.5 13.5v-4h3v4M2 5.5h12"),
            Glyph::Folder => ("M1.5 3h4.5l1.5 1.5h7v8.5h-13z", "M1.5 6h13"),
            Glyph::Document => (PAGE, "M5.5 7.5h5M5.5 9.5h5M5.5 11.5h3"),
            Glyph::Spreadsheet => (PAGE, "M5.5 7.5h5v4.5h-5zM5.5 9.75h5M8 7.5V12"),
            Glyph::Presentation => (PAGE, "M5.5 7.5h5v3.5h-5zM8 11v1.5"),
            Glyph::Pdf => (PAGE, "M5.5 11.5c1.5-3 3.5-3 5 0M6 8h4"),
            Glyph::Image => (PAGE, "M5 12l2-2.5 1.5 1.5 1-1 1.5 2zM9.5 7.5h.01"),
            Glyph::File => (PAGE, "M9.5 1.5v3h3"),
            Glyph::Pin => ("M6 1.5h4l-.5 4 2.5 2.5H4l2.5-2.5z", "M8 8v6.5"),
        }
    }
}

/// An icon, hidden from screen readers: the text beside it names the item.
#[component]
pub fn EntryIcon(
    /// What to draw.
    glyph: Glyph,
) -> impl IntoView {
    let (outline, marks) = glyph.paths();
    view! {
        <svg
            class=format!("ds-icon ds-icon--{}", glyph.name())
            data-glyph=glyph.name()
            viewBox="0 0 16 16"
            width="16"
            height="16"
            style=format!("flex:none;vertical-align:middle;color:{}", glyph.colour())
            aria-hidden="true"
            focusable="false"
        >
            <path d=outline fill="currentColor" fill-opacity="0.18" stroke="currentColor" stroke-width="1" stroke-linejoin="round"/>
            <path d=marks fill="none" stroke="currentColor" stroke-width="1" stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}
