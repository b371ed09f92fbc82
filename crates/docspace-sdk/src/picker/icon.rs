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

/// A control's mark (menu, more, close, sort order, expand, check, theme), drawn as inline SVG for the
/// same reasons as [`EntryIcon`]: typographic marks such as "☰", "⋯" or "▾" are missing from
/// many fonts and render as empty boxes there.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Three bars: a menu to open.
    Menu,
    /// Three dots: more actions.
    More,
    /// A cross: close or remove.
    Close,
    /// An arrow up: ascending order.
    Ascending,
    /// An arrow down: descending order.
    Descending,
    /// A chevron down: expanded, or a list to open.
    Expanded,
    /// A chevron right: collapsed.
    Collapsed,
    /// A tick: selected.
    Check,
    /// A half-shaded circle: the theme follows the system.
    ThemeSystem,
    /// A sun: the light theme.
    ThemeLight,
    /// A crescent moon: the dark theme.
    ThemeDark,
}

impl Mark {
    /// Its name, as the `data-mark` attribute carries it.
    pub fn name(self) -> &'static str {
        match self {
            Mark::Menu => "menu",
            Mark::More => "more",
            Mark::Close => "close",
            Mark::Ascending => "ascending",
            Mark::Descending => "descending",
            Mark::Expanded => "expanded",
            Mark::Collapsed => "collapsed",
            Mark::Check => "check",
            Mark::ThemeSystem => "theme-system",
            Mark::ThemeLight => "theme-light",
            Mark::ThemeDark => "theme-dark",
        }
    }

    /// Its strokes on a 16×16 grid, and their width (the dots are round caps of zero-length
    /// strokes, so they need a wider pen).
    fn strokes(self) -> (&'static str, &'static str) {
        match self {
            Mark::Menu => ("M2.5 4h11M2.5 8h11M2.5 12h11", "1.5"),
            Mark::More => ("M3.5 8h.01M8 8h.01M12.5 8h.01", "2.5"),
            Mark::Close => ("M4 4l8 8M12 4l-8 8", "1.5"),
            Mark::Ascending => ("M8 13V3M4 7l4-4 4 4", "1.5"),
            Mark::Descending => ("M8 3v10M4 9l4 4 4-4", "1.5"),
            Mark::Expanded => ("M4 6l4 4 4-4", "1.5"),
            Mark::Collapsed => ("M6 4l4 4-4 4", "1.5"),
            Mark::Check => ("M3 8.5l3 3 7-7", "1.75"),
            Mark::ThemeSystem => (
                "M8 2.5a5.5 5.5 0 1 0 0 11a5.5 5.5 0 1 0 0-11zM8 2.5v11M8 5h3M8 8h5M8 11h3",
                "1.25",
            ),
            Mark::ThemeLight => (
                "M8 5.5a2.5 2.5 0 1 0 0 5a2.5 2.5 0 1 0 0-5zM8 1.5V3M8 13v1.5M1.5 8H3M13 8h1.5\
                 M3.4 3.4l1.06 1.06M11.54 11.54l1.06 1.06M3.4 12.6l1.06-1.06M11.54 4.46l1.06-1.06",
                "1.25",
            ),
            Mark::ThemeDark => ("M13 9.5A5.5 5.5 0 1 1 6.5 3a4.5 4.5 0 0 0 6.5 6.5z", "1.25"),
        }
    }
}

/// A control's mark in the current text colour, hidden from screen readers: the control it sits
/// in carries the name (`aria-label` or text).
///
/// ```
/// use docspace_sdk::picker::{Mark, MarkIcon};
/// use leptos::prelude::*;
///
/// let _close = view! { <button type="button" aria-label="Close"><MarkIcon mark=Mark::Close/></button> };
/// ```
#[component]
pub fn MarkIcon(
    /// What to draw.
    mark: Mark,
) -> impl IntoView {
    let (d, width) = mark.strokes();
    view! {
        <svg
            class="ds-mark"
            data-mark=mark.name()
            viewBox="0 0 16 16"
            width="1em"
            height="1em"
            style="flex:none;vertical-align:-0.125em"
            aria-hidden="true"
            focusable="false"
        >
            <path d=d fill="none" stroke="currentColor" stroke-width=width stroke-linecap="round" stroke-linejoin="round"/>
        </svg>
    }
}
