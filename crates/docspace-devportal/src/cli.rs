//! Command-line flags of `docspace-devportal` (DESIGN.md "Contracts"); each has an environment
//! variable too.

use std::net::SocketAddr;
use std::path::PathBuf;

use clap::{Args, ValueEnum};

use crate::config::{PortalConfig, RateLimits, Seed, Storage};

/// Logs to standard error with the `RUST_LOG` filter, `info` without one: how this portal's binary
/// and `docspace-host` (which embeds the portal) both start.
pub fn init_logging() {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
}

/// `--seed` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum SeedArg {
    /// Users of every role, rooms of every type, folders and files.
    Demo,
    /// Only the owner.
    Empty,
}

/// `--rate-limit` values.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum OnOff {
    /// Enforce DocSpace's limits.
    On,
    /// No limits.
    Off,
}

/// The portal's flags.
#[derive(Debug, Clone, Args)]
pub struct PortalArgs {
    /// Address to listen on (loopback by default).
    #[arg(
        long,
        env = "DOCSPACE_DEVPORTAL_ADDR",
        default_value = "127.0.0.1:8092"
    )]
    pub addr: SocketAddr,
    /// Keep data in SQLite under this directory (default: the user's data dir).
    #[arg(long, env = "DOCSPACE_DEVPORTAL_DATA", conflicts_with = "memory")]
    pub data: Option<PathBuf>,
    /// Keep nothing: an in-memory database.
    #[arg(long, env = "DOCSPACE_DEVPORTAL_MEMORY")]
    pub memory: bool,
    /// Fix the owner's API key (`sk-` + 64 hex digits); generated and printed otherwise.
    #[arg(long, env = "DOCSPACE_DEVPORTAL_API_KEY", hide_env_values = true)]
    pub api_key: Option<String>,
    /// Data for a new portal.
    #[arg(
        long,
        env = "DOCSPACE_DEVPORTAL_SEED",
        value_enum,
        default_value = "demo"
    )]
    pub seed: SeedArg,
    /// Fix the owner's password; generated and printed otherwise.
    #[arg(
        long,
        env = "DOCSPACE_DEVPORTAL_OWNER_PASSWORD",
        hide_env_values = true
    )]
    pub owner_password: Option<String>,
    /// Enforce DocSpace's rate limits.
    #[arg(
        long,
        env = "DOCSPACE_DEVPORTAL_RATE_LIMIT",
        value_enum,
        default_value = "on"
    )]
    pub rate_limit: OnOff,
    /// Sliding-window limit per user per minute.
    #[arg(long, env = "DOCSPACE_DEVPORTAL_PER_MINUTE", default_value_t = 1500)]
    pub per_minute: u32,
    /// Simultaneous GETs per user.
    #[arg(long, env = "DOCSPACE_DEVPORTAL_CONCURRENT_GET", default_value_t = 50)]
    pub concurrent_get: u32,
    /// Simultaneous non-GET requests per user.
    #[arg(
        long,
        env = "DOCSPACE_DEVPORTAL_CONCURRENT_OTHER",
        default_value_t = 15
    )]
    pub concurrent_other: u32,
    /// Requests per 15 minutes to sensitive endpoints (key creation, password reminder).
    #[arg(
        long,
        env = "DOCSPACE_DEVPORTAL_SENSITIVE_PER_15MIN",
        default_value_t = 5
    )]
    pub sensitive_per_15min: u32,
    /// POST and PUT requests per user per day.
    #[arg(
        long,
        env = "DOCSPACE_DEVPORTAL_DAILY_WRITES",
        default_value_t = 10_000
    )]
    pub daily_writes: u32,
    /// An origin allowed to frame the portal (added to the CSP list of a new portal); repeatable.
    #[arg(
        long = "allow-origin",
        env = "DOCSPACE_DEVPORTAL_ALLOW_ORIGIN",
        value_delimiter = ','
    )]
    pub allow_origins: Vec<String>,
    /// `node_modules` directory holding the official SDK packages.
    #[arg(long, env = "DOCSPACE_SDK_DIR")]
    pub sdk_dir: Option<PathBuf>,
}

impl PortalArgs {
    /// The configuration these flags describe.
    pub fn into_config(self) -> PortalConfig {
        let storage = if self.memory {
            Storage::Memory
        } else {
            self.data
                .map(Storage::Dir)
                .unwrap_or_else(Storage::default_dir)
        };
        PortalConfig {
            addr: self.addr,
            storage,
            api_key: self.api_key,
            owner_password: self.owner_password,
            seed: match self.seed {
                SeedArg::Demo => Seed::Demo,
                SeedArg::Empty => Seed::Empty,
            },
            rate_limits: RateLimits {
                enabled: matches!(self.rate_limit, OnOff::On),
                per_minute: self.per_minute,
                concurrent_get: self.concurrent_get,
                concurrent_other: self.concurrent_other,
                sensitive_per_15min: self.sensitive_per_15min,
                daily_writes: self.daily_writes,
            },
            allow_origins: self.allow_origins,
            sdk_dir: self.sdk_dir,
            ..PortalConfig::default()
        }
    }
}
