//! Who is acting: a signed-in user, or a visitor holding an external link.

use crate::envelope::ApiError;
use crate::users::User;

/// Who is acting: a signed-in user, or an anonymous visitor holding a room's external link.
#[derive(Debug, Clone, Default)]
pub struct Actor {
    /// The signed-in user.
    pub user: Option<User>,
    /// The external link presented (`Request-Token` header or `share` parameter).
    pub link: Option<LinkGrant>,
}

/// What an external link grants.
#[derive(Debug, Clone)]
pub struct LinkGrant {
    /// The link's id.
    pub link_id: String,
    /// The room it opens (for a file's link, the file's folder: it opens nothing there).
    pub room_id: i64,
    /// The file a file's own external link opens, and nothing around it.
    pub file_id: Option<i64>,
    /// Its `FileShare` level.
    pub access: i64,
    /// Downloads refused through it.
    pub deny_download: bool,
}

impl Actor {
    /// A signed-in user acting without a link.
    pub fn signed_in(user: User) -> Actor {
        Actor {
            user: Some(user),
            link: None,
        }
    }

    /// The signed-in user, or 401.
    pub fn user(&self) -> Result<&User, ApiError> {
        self.user.as_ref().ok_or(ApiError::Unauthorized)
    }

    /// The user's id, or `""` for an anonymous visitor.
    pub fn id(&self) -> &str {
        self.user.as_ref().map(|u| u.id.as_str()).unwrap_or("")
    }
}
