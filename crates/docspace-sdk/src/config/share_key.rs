//! [`ShareKey`]: a share key that stays out of logs.

use std::fmt;

/// A share key (`requestToken`): opens a public room or a shared file without an account.
/// DocSpace puts it in the frame's URL; this type keeps it out of logs.
///
/// ```
/// use docspace_sdk::ShareKey;
/// let key = ShareKey::new("s3cr3t");
/// assert_eq!(format!("{key:?}"), "ShareKey(…)");
/// assert_eq!(key.expose(), "s3cr3t");
/// ```
#[derive(Clone, PartialEq, Eq, Hash)]
pub struct ShareKey(String);

impl ShareKey {
    /// Wraps a key.
    pub fn new(key: impl Into<String>) -> Self {
        ShareKey(key.into())
    }

    /// The key itself.
    pub fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for ShareKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("ShareKey(…)")
    }
}

impl<S: Into<String>> From<S> for ShareKey {
    fn from(s: S) -> Self {
        ShareKey::new(s)
    }
}
