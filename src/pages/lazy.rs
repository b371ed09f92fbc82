//! The pages that are not needed to paint the rooms list, each behind a lazy route.
//!
//! With the `split` feature (what index.html builds), `#[lazy_route]` marks each page's view as
//! a split point: `cargo xtask split` (Trunk's post_build hook) cuts the wasm there, so the room,
//! people, file, playground and diagnostics pages are fetched as their own wasm chunks when first visited,
//! and sign-in plus the rooms list paint from the main module alone. Without the feature (wasm
//! tests, native builds) the same routes render the same pages from one module: a lazy split
//! point needs the split step, whose loader (`__wasm_split.js`) an unsplit build would lack.

use leptos::prelude::*;
use leptos_router::LazyRoute;
#[cfg(feature = "split")]
use leptos_router::lazy_route;

use crate::pages::diagnostics::DiagnosticsPage;
use crate::pages::file::FilePage;
use crate::pages::people::PeoplePage;
use crate::pages::playground::PlaygroundPage;
use crate::pages::room::RoomPage;

/// One lazy route per page: `$route` renders `$page`, split out under the `split` feature.
macro_rules! lazy_page {
    ($(#[$doc:meta])* $route:ident => $page:ident) => {
        $(#[$doc])*
        pub struct $route;

        #[cfg(feature = "split")]
        #[lazy_route]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }

        #[cfg(not(feature = "split"))]
        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                view! { <$page/> }.into_any()
            }
        }
    };
}

lazy_page!(
    /// `/rooms/:room` and `/rooms/:room/folders/:folder`.
    RoomRoute => RoomPage
);
lazy_page!(
    /// `/files/:file`: the editor or viewer.
    FileRoute => FilePage
);
lazy_page!(
    /// `/playground`.
    PlaygroundRoute => PlaygroundPage
);
lazy_page!(
    /// `/people`.
    PeopleRoute => PeoplePage
);
lazy_page!(
    /// `/diagnostics`.
    DiagnosticsRoute => DiagnosticsPage
);
