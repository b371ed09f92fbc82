//! DocSpace's brute-force guard on sign-in (`ONLYOFFICE/DocSpace-server:
//! web/ASC.Web.Core/BruteForceLoginManager.cs`, `AttemptAsync`), with `LoginSettings`' defaults
//! (`web/ASC.Web.Core/Utility/Settings/LoginSettings.cs`: 5 attempts, 60 s check period, 60 s
//! block).
//!
//! Attempts are counted per login (lower-cased, as DocSpace keys its cache
//! `loginsec/{login.ToLowerInvariant()}/{requestIp}`) *and* client address together, so wrong
//! passwords for one account neither lock out other accounts nor the same account signing in
//! from another address. Every attempt is recorded before the outcome is known; a success takes
//! its own record back, so successes never count. When an attempt makes more than 5 records in
//! 60 s, that login and address are blocked for 60 s and the attempt, like every attempt while
//! blocked (right password or not), is a 403 "Too many login attempts. Please try again later"
//! (`BruteForceCredentialException`, answered 403 without stack by
//! `common/ASC.Api.Core/Middleware/ResponseWrapper.cs`). So after five wrong passwords the sixth
//! attempt within the minute is refused.
//!
//! Sign-in is not in DocSpace's `sensitive_api` rate-limit policy; this guard replaces it.

use std::collections::{HashMap, VecDeque};
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// `LoginSettings.AttemptCount` default.
pub const ATTEMPT_COUNT: usize = 5;
/// `LoginSettings.CheckPeriod` default.
pub const CHECK_PERIOD: Duration = Duration::from_secs(60);
/// `LoginSettings.BlockTime` default.
pub const BLOCK_TIME: Duration = Duration::from_secs(60);

/// DocSpace's `Resource.ErrorTooManyLoginAttempts`.
pub const TOO_MANY: &str = "Too many login attempts. Please try again later";

#[derive(Default)]
struct Entry {
    history: VecDeque<Instant>,
    blocked_until: Option<Instant>,
}

/// The guard shared by a portal's sign-ins.
#[derive(Default)]
pub struct LoginGuard {
    entries: Mutex<HashMap<String, Entry>>,
}

/// A recorded attempt; report a success with [`LoginGuard::succeeded`].
#[derive(Debug)]
pub struct Attempt {
    key: String,
}

/// The attempt is refused: the login is blocked from this address.
#[derive(Debug, PartialEq, Eq)]
pub struct Blocked;

fn key(login: &str, ip: Option<IpAddr>) -> String {
    let ip = ip.map_or_else(|| "unknown".to_string(), |ip| ip.to_string());
    format!("{}/{ip}", login.trim().to_lowercase())
}

impl LoginGuard {
    /// Records an attempt of `login` from `ip`, or refuses it.
    pub fn attempt(&self, login: &str, ip: Option<IpAddr>) -> Result<Attempt, Blocked> {
        self.attempt_at(login, ip, Instant::now())
    }

    fn attempt_at(
        &self,
        login: &str,
        ip: Option<IpAddr>,
        now: Instant,
    ) -> Result<Attempt, Blocked> {
        let key = key(login, ip);
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if entries.len() > 10_000 {
            entries.retain(|_, e| {
                e.blocked_until.is_some_and(|t| t > now)
                    || e.history
                        .back()
                        .is_some_and(|t| now.duration_since(*t) < CHECK_PERIOD)
            });
        }
        let e = entries.entry(key.clone()).or_default();
        if e.blocked_until.is_some_and(|t| t > now) {
            return Err(Blocked);
        }
        e.blocked_until = None;
        while e
            .history
            .front()
            .is_some_and(|t| now.duration_since(*t) >= CHECK_PERIOD)
        {
            e.history.pop_front();
        }
        e.history.push_back(now);
        if e.history.len() > ATTEMPT_COUNT {
            e.history.clear();
            e.blocked_until = Some(now + BLOCK_TIME);
            return Err(Blocked);
        }
        Ok(Attempt { key })
    }

    /// Takes back the record of a successful attempt.
    pub fn succeeded(&self, attempt: Attempt) {
        let mut entries = self.entries.lock().unwrap_or_else(|p| p.into_inner());
        if let Some(e) = entries.get_mut(&attempt.key) {
            e.history.pop_back();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::LOCALHOST));
    const B: Option<IpAddr> = Some(IpAddr::V4(std::net::Ipv4Addr::new(127, 0, 0, 2)));

    #[test]
    fn the_sixth_attempt_after_five_failures_is_blocked_for_that_login_and_address_only() {
        let g = LoginGuard::default();
        let t = Instant::now();
        for _ in 0..5 {
            g.attempt_at("a@x.test", A, t).expect("counted");
        }
        assert_eq!(g.attempt_at("A@X.test ", A, t).err(), Some(Blocked));
        assert_eq!(g.attempt_at("a@x.test", A, t).err(), Some(Blocked));
        assert!(g.attempt_at("b@x.test", A, t).is_ok());
        assert!(g.attempt_at("a@x.test", B, t).is_ok());
        // The block lasts BLOCK_TIME, then the count starts over.
        let later = t + BLOCK_TIME + Duration::from_secs(1);
        for _ in 0..5 {
            g.attempt_at("a@x.test", A, later).expect("counted again");
        }
    }

    #[test]
    fn successes_do_not_count_and_old_failures_expire() {
        let g = LoginGuard::default();
        let t = Instant::now();
        for _ in 0..50 {
            let a = g.attempt_at("a@x.test", A, t).expect("admitted");
            g.succeeded(a);
        }
        for _ in 0..5 {
            g.attempt_at("a@x.test", A, t).expect("counted");
        }
        let later = t + CHECK_PERIOD;
        for _ in 0..5 {
            g.attempt_at("a@x.test", A, later)
                .expect("the old five expired");
        }
    }
}
