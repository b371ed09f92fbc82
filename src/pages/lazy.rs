//! The pages that are not needed to paint the rooms list, each behind a lazy route.
//!
//! With the `split` feature (what index.html builds), each page's view is a split point
//! (`wasm_split_helpers::wasm_split`): `cargo xtask split` (Trunk's post_build hook) cuts the wasm
//! there, so these pages are fetched as wasm chunks when first visited, and the rooms list paints
//! from the main module alone (a signed-in tab never fetches the sign-in form and its
//! browser-side password hashing). Without the feature (wasm tests, native builds) the same
//! routes render the same pages from one module: a split point needs the split step, whose loader
//! (`__wasm_split.js`) an unsplit build would lack.
//!
//! Pages are grouped into chunks by what they share, not one chunk each: every chunk is
//! compressed on its own and reaches the main module through imports, and wasm-split puts code
//! that several chunks use into a further shared chunk per combination of users. Grouped, the
//! pages that embed DocSpace frames share one copy of the bridge, and the small shared chunks
//! (each a request, and bytes that compress worse apart) mostly disappear.
//!
//! A chunk that cannot be fetched shows a message with a reload button instead of a panic
//! (`fallible`).

use leptos::prelude::*;
use leptos_router::LazyRoute;

use crate::components::{Button, ErrorState};
use crate::locale::said;
use crate::locale::sdk_texts::SdkTexts;
use crate::pages::agents::AgentsSection;
use crate::pages::apps::AppsPage;
use crate::pages::diagnostics::DiagnosticsPage;
use crate::pages::file::FilePage;
use crate::pages::people::PeoplePage;
use crate::pages::playground::PlaygroundPage;
use crate::pages::room::RoomPage;
use crate::pages::sections::{FavouritesPage, MyDocumentsPage, RecentPage};
use crate::pages::sign_in::SignIn;
use crate::pages::sign_in_oauth::OAuthCallback;
use crate::pages::trash::TrashPage;
use crate::split::{self, SplitLoaderError};

/// One lazy route per page: `$route` renders `$page`, whose code is in chunk `$chunk` under the
/// `split` feature; `$load` is the split point. `speaking_through SdkTexts` gives the
/// docspace-sdk components of the page (frames, the file picker) the app's words: provided here
/// rather than around the whole app, the sdk's texts in every language stay out of the main
/// module, which renders no sdk component.
macro_rules! lazy_page {
    (@view $page:ident) => {
        view! { <$page/> }.into_any()
    };
    (@view $page:ident $wrap:ident) => {
        view! { <$wrap><$page/></$wrap> }.into_any()
    };
    ($(#[$doc:meta])* $route:ident => $page:ident in $chunk:ident via $load:ident
        $(, speaking_through $wrap:ident)?) => {
        $(#[$doc])*
        pub struct $route;

        impl LazyRoute for $route {
            fn data() -> Self {
                $route
            }

            async fn view(_this: Self) -> AnyView {
                #[cfg(feature = "split")]
                let view = $load().await;
                #[cfg(not(feature = "split"))]
                let view = $load();
                view.unwrap_or_else(|_| not_loaded())
            }
        }

        #[cfg_attr(feature = "split", wasm_split_helpers::wasm_split($chunk, fallible))]
        fn $load() -> Result<AnyView, SplitLoaderError> {
            Ok(lazy_page!(@view $page $($wrap)?))
        }
    };
}

lazy_page!(
    /// `/rooms/:room` and `/rooms/:room/folders/:folder`.
    RoomRoute => RoomPage in room via room_view, speaking_through SdkTexts
);
lazy_page!(
    /// `/trash`: with the room page, whose lists and file operations it shares.
    TrashRoute => TrashPage in room via trash_view, speaking_through SdkTexts
);
lazy_page!(
    /// `/my` and `/my/folders/:folder`: the room page's folder view, on My documents.
    MyRoute => MyDocumentsPage in room via my_view, speaking_through SdkTexts
);
lazy_page!(
    /// `/recent`: with the room page, whose rows and downloads it shares.
    RecentRoute => RecentPage in room via recent_view, speaking_through SdkTexts
);
lazy_page!(
    /// `/favourites`: with the room page, whose rows and downloads it shares.
    FavouritesRoute => FavouritesPage in room via favourites_view, speaking_through SdkTexts
);
lazy_page!(
    /// `/files/:file`: the editor or viewer.
    FileRoute => FilePage in embeds via file_view, speaking_through SdkTexts
);
lazy_page!(
    /// `/playground`: every embed mode.
    PlaygroundRoute => PlaygroundPage in embeds via playground_view, speaking_through SdkTexts
);
lazy_page!(
    /// `/diagnostics`: it probes the frames too.
    DiagnosticsRoute => DiagnosticsPage in embeds via diagnostics_view, speaking_through SdkTexts
);
lazy_page!(
    /// `/people`.
    PeopleRoute => PeoplePage in people via people_view
);
lazy_page!(
    /// `/sign-in`: with the rooms dialogs, the app's other forms.
    SignInRoute => SignIn in forms via sign_in_view
);

lazy_page!(
    /// `/apps`: with People, the admins' pages.
    AppsRoute => AppsPage in people via apps_view
);
lazy_page!(
    /// `/sign-in/oauth`: the portal's redirect back from "Sign in with DocSpace".
    OAuthCallbackRoute => OAuthCallback in forms via oauth_callback_view
);

lazy_page!(
    /// `/agents`, `/agents/:id` and `/agents/settings`: AI agents, their chats and the AI
    /// settings, one chunk behind one route type (each lazy route costs the main module code).
    AgentsRoute => AgentsSection in ai via agents_view
);

/// Shown instead of a page whose chunk could not be fetched.
fn not_loaded() -> AnyView {
    let reload = Callback::new(|_| {
        if let Some(window) = web_sys::window() {
            let _ = window.location().reload();
        }
    });
    let reload_label = said!(common.reload);
    view! {
        <div class="page">
            <ErrorState title=said!(common.page_load_failed) message=split::not_loaded()>
                <Button on_click=reload>{move || reload_label.shown()}</Button>
            </ErrorState>
        </div>
    }
    .into_any()
}
