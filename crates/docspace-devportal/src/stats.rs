//! Counters for tests and benchmarks: `GET /devportal/stats` (and `DELETE` to reset), for the
//! owner only, by `Authorization` header.

use std::collections::HashMap;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};

use serde::Serialize;

/// Live counters.
#[derive(Default)]
pub struct Stats {
    by_method: Mutex<HashMap<String, u64>>,
    rate_limited: AtomicU64,
    room_invitations: AtomicU64,
    users: Mutex<HashMap<String, UserGauge>>,
}

#[derive(Default, Clone, Copy)]
struct UserGauge {
    get_now: u32,
    other_now: u32,
    get_max: u32,
    other_max: u32,
}

/// What `GET /devportal/stats` answers.
#[derive(Serialize, Debug, Clone, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct StatsSnapshot {
    /// Requests seen, by HTTP method.
    pub requests_by_method: HashMap<String, u64>,
    /// Total requests.
    pub requests_total: u64,
    /// 429 answers sent.
    pub rate_limited: u64,
    /// Highest concurrent GETs seen for any one user.
    pub max_concurrent_get: u32,
    /// Highest concurrent non-GETs seen for any one user.
    pub max_concurrent_other: u32,
    /// The same maxima per user id.
    pub per_user: HashMap<String, UserMax>,
    /// Room invitations sent again (`POST files/rooms/{id}/resend`); this portal sends no mail.
    pub room_invitations_resent: u64,
}

/// Per-user maxima.
#[derive(Serialize, Debug, Clone, Copy, PartialEq, Eq)]
#[serde(rename_all = "camelCase")]
pub struct UserMax {
    /// Highest concurrent GETs.
    pub max_concurrent_get: u32,
    /// Highest concurrent non-GETs.
    pub max_concurrent_other: u32,
}

/// Holds a user's in-flight slot; releases it on drop.
pub struct InFlight {
    stats: Arc<Stats>,
    user: String,
    is_get: bool,
}

impl Drop for InFlight {
    fn drop(&mut self) {
        if let Ok(mut users) = self.stats.users.lock()
            && let Some(g) = users.get_mut(&self.user)
        {
            if self.is_get {
                g.get_now = g.get_now.saturating_sub(1);
            } else {
                g.other_now = g.other_now.saturating_sub(1);
            }
        }
    }
}

impl Stats {
    /// Counts a request by method.
    pub fn count_request(&self, method: &str) {
        if let Ok(mut m) = self.by_method.lock() {
            *m.entry(method.to_string()).or_default() += 1;
        }
    }

    /// Counts room invitations sent again.
    pub fn count_room_invitations(&self, n: u64) {
        self.room_invitations.fetch_add(n, Ordering::Relaxed);
    }

    /// Counts a 429.
    pub fn count_rate_limited(&self) {
        self.rate_limited.fetch_add(1, Ordering::Relaxed);
    }

    /// Marks a request of `user` in flight until the guard drops, and returns how many of its kind
    /// (GET or not) the user now has in flight, this one included.
    pub fn enter(self: &Arc<Self>, user: &str, is_get: bool) -> (InFlight, u32) {
        let mut now = 0;
        if let Ok(mut users) = self.users.lock() {
            let g = users.entry(user.to_string()).or_default();
            if is_get {
                g.get_now += 1;
                g.get_max = g.get_max.max(g.get_now);
                now = g.get_now;
            } else {
                g.other_now += 1;
                g.other_max = g.other_max.max(g.other_now);
                now = g.other_now;
            }
        }
        let guard = InFlight {
            stats: self.clone(),
            user: user.to_string(),
            is_get,
        };
        (guard, now)
    }

    /// A consistent copy of the counters.
    pub fn snapshot(&self) -> StatsSnapshot {
        let requests_by_method = self.by_method.lock().map(|m| m.clone()).unwrap_or_default();
        let per_user: HashMap<String, UserMax> = self
            .users
            .lock()
            .map(|u| {
                u.iter()
                    .map(|(k, g)| {
                        let max = UserMax {
                            max_concurrent_get: g.get_max,
                            max_concurrent_other: g.other_max,
                        };
                        (k.clone(), max)
                    })
                    .collect()
            })
            .unwrap_or_default();
        StatsSnapshot {
            requests_total: requests_by_method.values().sum(),
            requests_by_method,
            rate_limited: self.rate_limited.load(Ordering::Relaxed),
            max_concurrent_get: per_user
                .values()
                .map(|u| u.max_concurrent_get)
                .max()
                .unwrap_or(0),
            max_concurrent_other: per_user
                .values()
                .map(|u| u.max_concurrent_other)
                .max()
                .unwrap_or(0),
            per_user,
            room_invitations_resent: self.room_invitations.load(Ordering::Relaxed),
        }
    }

    /// Clears every counter (between benchmark phases).
    pub fn reset(&self) {
        if let Ok(mut m) = self.by_method.lock() {
            m.clear();
        }
        self.rate_limited.store(0, Ordering::Relaxed);
        self.room_invitations.store(0, Ordering::Relaxed);
        if let Ok(mut u) = self.users.lock() {
            for g in u.values_mut() {
                g.get_max = g.get_now;
                g.other_max = g.other_now;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tracks_peak_concurrency_per_user_and_kind() {
        let s = Arc::new(Stats::default());
        let (a, n1) = s.enter("u", true);
        let (b, n2) = s.enter("u", true);
        let (_c, n3) = s.enter("u", false);
        assert_eq!((n1, n2, n3), (1, 2, 1));
        drop(a);
        drop(b);
        let (_d, n4) = s.enter("u", true);
        assert_eq!(n4, 1);
        let snap = s.snapshot();
        assert_eq!(snap.max_concurrent_get, 2);
        assert_eq!(snap.max_concurrent_other, 1);
    }
}
