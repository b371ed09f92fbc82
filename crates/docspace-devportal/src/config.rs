//! How a devportal is configured: the CLI flags of DESIGN.md, also usable from code and tests.

use std::net::SocketAddr;
use std::path::PathBuf;

/// Where the portal keeps its data.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Storage {
    /// Nothing survives the process (tests).
    Memory,
    /// A SQLite database `portal.db` in this directory.
    Dir(PathBuf),
}

impl Storage {
    /// The default data directory: `$XDG_DATA_HOME/docspace-devportal` or `~/.local/share/docspace-devportal`.
    pub fn default_dir() -> Storage {
        let base = std::env::var_os("XDG_DATA_HOME")
            .map(PathBuf::from)
            .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".local/share")))
            .unwrap_or_else(|| PathBuf::from("."));
        Storage::Dir(base.join("docspace-devportal"))
    }
}

/// Which data a new portal starts with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Seed {
    /// Users of every role, rooms of every type, folders and files.
    #[default]
    Demo,
    /// Only the owner.
    Empty,
}

/// The portal's rate limits (DocSpace's defaults, `ONLYOFFICE/DocSpace-server:
/// common/ASC.Common/Utils/RateLimiterSettings.cs`; enforced by the `ratelimit` module).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RateLimits {
    /// Whether limits are enforced at all.
    pub enabled: bool,
    /// Requests per user in any sliding 60-second window.
    pub per_minute: u32,
    /// Simultaneous GET requests per user.
    pub concurrent_get: u32,
    /// Simultaneous non-GET requests per user.
    pub concurrent_other: u32,
    /// Requests per user and path to sensitive endpoints (API key creation, the password
    /// reminder) per 15 minutes.
    pub sensitive_per_15min: u32,
    /// POST and PUT requests per user in a fixed one-day window.
    pub daily_writes: u32,
}

impl Default for RateLimits {
    fn default() -> Self {
        RateLimits {
            enabled: true,
            per_minute: 1500,
            concurrent_get: 50,
            concurrent_other: 15,
            sensitive_per_15min: 5,
            daily_writes: 10_000,
        }
    }
}

impl RateLimits {
    /// Limits switched off (benchmarks, interactive use).
    pub fn off() -> Self {
        RateLimits {
            enabled: false,
            ..Self::default()
        }
    }
}

/// Everything a devportal needs to start.
#[derive(Debug, Clone)]
pub struct PortalConfig {
    /// Address to listen on; port 0 picks a free port.
    pub addr: SocketAddr,
    /// Where data lives.
    pub storage: Storage,
    /// The owner's API key (`sk-` + 64 hex digits); generated when `None`.
    pub api_key: Option<String>,
    /// The owner's password; generated when `None`.
    pub owner_password: Option<String>,
    /// Data for a new database.
    pub seed: Seed,
    /// Rate limits.
    pub rate_limits: RateLimits,
    /// Origins added to the CSP list of a new portal (the origins allowed to frame it).
    pub allow_origins: Vec<String>,
    /// Directory holding the npm packages of the official SDK
    /// (`docspace-sdk-2.0.0/` and `docspace-sdk-2.1.0/`); found next to the workspace when `None`.
    pub sdk_dir: Option<PathBuf>,
    /// Bytes of upload bodies the portal holds in memory at once, across all requests; past it,
    /// uploads are refused with 429 and `Retry-After` (see `upload_budget.rs`).
    pub upload_budget: usize,
    /// A secret shared with the one proxy in front of the portal (`docspace-host` sets it for the
    /// devportal it embeds). A request carrying it in `X-DocSpace-Proxy-Secret` is from that
    /// proxy, so its `X-Forwarded-For` names the real client; without it the header is ignored,
    /// since anyone can write it. `None`: trust no proxy.
    pub trusted_proxy_secret: Option<String>,
}

impl Default for PortalConfig {
    fn default() -> Self {
        PortalConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 8092)),
            storage: Storage::default_dir(),
            api_key: None,
            owner_password: None,
            seed: Seed::Demo,
            rate_limits: RateLimits::default(),
            allow_origins: Vec::new(),
            sdk_dir: None,
            upload_budget: crate::upload_budget::DEFAULT_BUDGET,
            trusted_proxy_secret: None,
        }
    }
}

impl PortalConfig {
    /// A throw-away portal on a free loopback port, kept in memory: what tests want.
    pub fn for_tests() -> Self {
        PortalConfig {
            addr: SocketAddr::from(([127, 0, 0, 1], 0)),
            storage: Storage::Memory,
            ..Self::default()
        }
    }
}
