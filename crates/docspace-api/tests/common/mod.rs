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

/// Lists every shared test; `$m!(name)` is expanded for each.
#[macro_export]
macro_rules! for_each_shared_test {
    ($m:ident) => {
        $m!(people_me_get_list_and_invite);
        $m!(login_with_a_client_side_hash_then_logout);
        $m!(api_keys_lifecycle_and_scopes);
        $m!(rooms_of_every_type_through_their_lifecycle);
        $m!(room_members_and_links);
        $m!(tags_lifecycle);
        $m!(folders_and_files);
        $m!(copy_move_and_delete_operations);
        $m!(chunked_upload_with_progress);
        $m!(chunked_upload_into_a_relative_path);
        $m!(paging_streams_every_item);
        $m!(csp_round_trip);
        $m!(portal_errors_map_to_variants);
        $m!(invalid_input_is_rejected_before_sending);
        $m!(people_administration_lifecycle);
        $m!(people_admin_input_is_checked_before_sending);
        $m!(room_owner_and_invitations);
    };
}

/// Lists the version and file-link tests; `$m!(name)` is expanded for each.
#[macro_export]
macro_rules! for_each_versions_links_test {
    ($m:ident) => {
        $m!(file_versions_lifecycle);
        $m!(file_version_input_is_checked_before_sending);
        $m!(file_links_lifecycle);
    };
}

/// Lists the room template tests; `$m!(name)` is expanded for each.
#[macro_export]
macro_rules! for_each_templates_test {
    ($m:ident) => {
        $m!(room_templates_lifecycle);
        $m!(room_template_refusals);
        $m!(room_template_input_is_checked_before_sending);
    };
}

/// Lists the My documents, Recent and Favourites tests; `$m!(name)` is expanded for each.
#[macro_export]
macro_rules! for_each_sections_test {
    ($m:ident) => {
        $m!(favourites_and_recent_round_trip);
        $m!(favourites_need_an_entry);
    };
}
