//! Failures a real network and real proxies produce, injected by a small HTTP proxy in front of
//! a devportal: lost answers, transient 5xx, 429s, 407, garbage bodies, hangs, failed chunks.
//! They check the error each becomes and what the scheduler retries — and never retries.

#![cfg(not(target_arch = "wasm32"))]

mod answers;
mod proxy;
mod rate_limits;
mod retries;
mod uploads;
