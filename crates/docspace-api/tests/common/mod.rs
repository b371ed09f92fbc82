//! What the native and the browser integration tests share: a fixture naming a devportal, and
//! the test bodies themselves (`suite`), written once and run on both targets.

#![allow(dead_code)] // Each test binary uses a different part.

pub mod account_suite;
pub mod files_suite;
pub mod input_checks_suite;
pub mod people_suite;
pub mod portal_suite;
pub mod rooms_suite;
pub mod sections_suite;
pub mod suite;
pub mod templates_suite;
pub mod versions_links_suite;

use docspace_api::Client;

/// A devportal to test against and the owner's credentials.
#[derive(Debug, Clone)]
pub struct Fixture {
    /// `http://127.0.0.1:PORT`.
    pub base_url: String,
    /// The owner's API key.
    pub api_key: String,
    /// The owner's (and the demo users') password.
    pub password: String,
}

impl Fixture {
    /// A client signed in as the owner through the API key.
    pub fn owner(&self) -> Client {
        Client::builder(&self.base_url)
            .api_key(&self.api_key)
            .build()
            .expect("client")
    }

    /// A client without credentials.
    pub fn anonymous(&self) -> Client {
        Client::builder(&self.base_url).build().expect("client")
    }
}

/// A devportal of the test's own, in process on loopback with DocSpace's rate limits on, and
/// the fixture naming it. Keep the portal alive for as long as the test runs.
#[cfg(not(target_arch = "wasm32"))]
pub async fn own_portal() -> (docspace_devportal::RunningPortal, Fixture) {
    let portal = docspace_devportal::start(docspace_devportal::PortalConfig::for_tests())
        .await
        .expect("devportal");
    let fx = Fixture {
        base_url: portal.base_url(),
        api_key: portal.owner.api_key.clone(),
        password: portal.owner.password.clone(),
    };
    (portal, fx)
}

/// A name no other test run uses (the browser tests share one portal).
pub fn unique(prefix: &str) -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static N: AtomicU64 = AtomicU64::new(0);
    let nanos = web_time::SystemTime::now()
        .duration_since(web_time::UNIX_EPOCH)
        .map(|d| d.as_nanos() as u64)
        .unwrap_or(0);
    format!(
        "{prefix} {:x}-{}",
        nanos % 0xffff_ffff,
        N.fetch_add(1, Ordering::Relaxed)
    )
}

/// One native test of `common::$suite::$name`, against its own devportal with DocSpace's rate
/// limits on, which the client must never trip.
#[macro_export]
macro_rules! native_test {
    ($suite:ident, $name:ident) => {
        #[tokio::test]
        async fn $name() {
            let (portal, fx) = common::own_portal().await;
            common::$suite::$name(&fx).await;
            let stats = portal.stats();
            assert_eq!(
                stats.rate_limited, 0,
                "the client tripped a rate limit: {stats:?}"
            );
        }
    };
}

/// The same test in headless Chromium, against the devportal `cargo xtask test --only wasm`
/// starts (the test binary's `fixture()` says where).
#[macro_export]
macro_rules! wasm_test {
    ($suite:ident, $name:ident) => {
        #[wasm_bindgen_test]
        async fn $name() {
            common::$suite::$name(&fixture()).await;
        }
    };
}

/// Lists every shared test; `$m!(suite, name)` is expanded for each.
#[macro_export]
macro_rules! for_each_shared_test {
    ($m:ident) => {
        $m!(suite, people_me_get_list_and_invite);
        $m!(suite, login_with_a_client_side_hash_then_logout);
        $m!(suite, api_keys_lifecycle_and_scopes);
        $m!(suite, rooms_of_every_type_through_their_lifecycle);
        $m!(suite, room_members_and_links);
        $m!(suite, tags_lifecycle);
        $m!(suite, folders_and_files);
        $m!(suite, copy_move_and_delete_operations);
        $m!(suite, chunked_upload_with_progress);
        $m!(suite, chunked_upload_into_a_relative_path);
        $m!(suite, paging_streams_every_item);
        $m!(suite, csp_round_trip);
        $m!(suite, portal_errors_map_to_variants);
        $m!(suite, invalid_input_is_rejected_before_sending);
        $m!(suite, people_administration_lifecycle);
        $m!(suite, people_admin_input_is_checked_before_sending);
        $m!(suite, room_owner_and_invitations);
    };
}

/// Lists the version and file-link tests; `$m!(suite, name)` is expanded for each.
#[macro_export]
macro_rules! for_each_versions_links_test {
    ($m:ident) => {
        $m!(versions_links_suite, file_versions_lifecycle);
        $m!(
            versions_links_suite,
            file_version_input_is_checked_before_sending
        );
        $m!(versions_links_suite, file_links_lifecycle);
    };
}

/// Lists the room template tests; `$m!(suite, name)` is expanded for each.
#[macro_export]
macro_rules! for_each_templates_test {
    ($m:ident) => {
        $m!(templates_suite, room_templates_lifecycle);
        $m!(templates_suite, room_template_refusals);
        $m!(
            templates_suite,
            room_template_input_is_checked_before_sending
        );
    };
}

/// Lists the My documents, Recent and Favourites tests; `$m!(suite, name)` is expanded for each.
#[macro_export]
macro_rules! for_each_sections_test {
    ($m:ident) => {
        $m!(sections_suite, favourites_and_recent_round_trip);
        $m!(sections_suite, favourites_need_an_entry);
    };
}
