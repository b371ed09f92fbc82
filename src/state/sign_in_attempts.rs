//! What this tab's password sign-ins met, for the diagnostics page: how many wrong passwords in a
//! row, and whether the portal's brute-force guard refused one.
//!
//! DocSpace counts sign-in attempts per login and address, and after too many wrong passwords
//! (5 within 60 s by default) refuses every attempt for that login from that address for a
//! while (60 s by default), the right password included, with a 403 "Too many login attempts.
//! Please try again later" (`web/ASC.Web.Core/BruteForceLoginManager.cs` and
//! `web/ASC.Web.Core/Utility/Settings/LoginSettings.cs` in ONLYOFFICE/DocSpace-server; admins set
//! the numbers under Settings → Security → Brute Force Protection). A user who keeps trying only
//! extends the block, and nothing on a sign-in form says why; so the refusal is remembered here
//! and the diagnostics page explains it.
//!
//! The record lives in `sessionStorage` (so that it survives the reload a puzzled user tries):
//! it holds counts and a time, never an e-mail address or a password. A successful sign-in
//! removes it.

use serde::{Deserialize, Serialize};

const STORAGE_KEY: &str = "docspace-embed.sign-in-attempts";

/// The portal's refusal of a sign-in by its brute-force guard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lockout {
    /// When, in milliseconds since the epoch (`Date.now()`).
    pub at_ms: f64,
    /// What the portal said.
    pub message: String,
}

/// The record of this tab's refused sign-ins.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SignInAttempts {
    /// Wrong passwords since the last success (or since the tab opened).
    pub wrong_in_a_row: u32,
    /// The last time the portal refused a sign-in for too many attempts.
    pub lockout: Option<Lockout>,
}

impl SignInAttempts {
    /// The record kept for this tab; empty when there is none (or it cannot be read).
    pub fn load() -> SignInAttempts {
        storage()
            .and_then(|s| s.get_item(STORAGE_KEY).ok().flatten())
            .and_then(|json| serde_json::from_str(&json).ok())
            .unwrap_or_default()
    }

    /// A wrong e-mail or password: one more in a row.
    pub fn wrong(&mut self) {
        self.wrong_in_a_row = self.wrong_in_a_row.saturating_add(1);
        self.save();
    }

    /// The portal refused the attempt for too many of them, saying `message`, at `at_ms`.
    pub fn locked(&mut self, message: &str, at_ms: f64) {
        self.lockout = Some(Lockout {
            at_ms,
            message: message.to_string(),
        });
        self.save();
    }

    /// A sign-in went through: nothing is left to explain.
    pub fn succeeded(&mut self) {
        *self = SignInAttempts::default();
        if let Some(s) = storage() {
            let _ = s.remove_item(STORAGE_KEY);
        }
    }

    fn save(&self) {
        let (Some(s), Ok(json)) = (storage(), serde_json::to_string(self)) else {
            return;
        };
        // A full or refused storage only costs the record's surviving a reload.
        let _ = s.set_item(STORAGE_KEY, &json);
    }
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.session_storage().ok().flatten()
}
