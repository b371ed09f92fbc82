//! `/api/2.0/keys`: API keys.

use serde::Serialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::{ApiKey, ApiKeyId, Scope};
use crate::request::{Request, seg};
use crate::validate;

/// API keys; get one with [`Client::keys`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// use docspace_api::models::Scope;
/// let key = client.keys().create("ci").permissions([Scope::RoomsRead]).expires_in_days(30).send().await?;
/// let secret = key.key.expect("shown once, on creation");
/// # let _ = secret;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct KeysHandler<'c> {
    client: &'c Client,
}

impl<'c> KeysHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        KeysHandler { client }
    }

    /// Starts creating a key named `name` (≤30 characters). Its secret is in the answer's `key`,
    /// and only there.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let key = client.keys().create("backup job").send().await?;
    /// # let _ = key;
    /// # Ok(()) }
    /// ```
    pub fn create(&self, name: impl Into<String>) -> CreateKeyBuilder<'c> {
        CreateKeyBuilder {
            client: self.client,
            name: name.into(),
            permissions: None,
            expires_in_days: None,
        }
    }

    /// The caller's keys (all of the portal's for admins).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// for k in client.keys().list().await? { println!("{} …{:?}", k.name, k.key_postfix); }
    /// # Ok(()) }
    /// ```
    pub async fn list(&self) -> Result<Vec<ApiKey>, Error> {
        self.client.call(Request::get("keys")).await
    }

    /// The key the client authenticates with (`GET /keys/@self`).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let me = client.keys().current().await?;
    /// println!("scopes: {:?}", me.permissions);
    /// # Ok(()) }
    /// ```
    pub async fn current(&self) -> Result<ApiKey, Error> {
        self.client.call(Request::get("keys/@self")).await
    }

    /// The permission names keys may have.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let scopes = client.keys().permissions().await?;
    /// # let _ = scopes;
    /// # Ok(()) }
    /// ```
    pub async fn permissions(&self) -> Result<Vec<Scope>, Error> {
        self.client.call(Request::get("keys/permissions")).await
    }

    /// Starts changing a key's name, scopes or state.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, id: docspace_api::models::ApiKeyId) -> Result<(), docspace_api::Error> {
    /// let changed = client.keys().update(id).active(false).send().await?;
    /// # let _ = changed;
    /// # Ok(()) }
    /// ```
    pub fn update(&self, id: impl Into<ApiKeyId>) -> UpdateKeyBuilder<'c> {
        UpdateKeyBuilder {
            client: self.client,
            id: id.into(),
            name: None,
            permissions: None,
            is_active: None,
        }
    }

    /// Deletes a key; `true` if it was deleted.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, id: docspace_api::models::ApiKeyId) -> Result<(), docspace_api::Error> {
    /// client.keys().delete(id).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete(&self, id: impl Into<ApiKeyId>) -> Result<bool, Error> {
        let id = id.into();
        validate::guid("id", id.as_str())?;
        self.client
            .call(Request::delete(format!("keys/{}", seg(&id))))
            .await
    }
}

fn check_name(name: &str) -> Result<(), Error> {
    validate::title("name", name, 30)
}

/// `POST /api/2.0/keys`; see [`KeysHandler::create`].
#[derive(Debug, Clone)]
pub struct CreateKeyBuilder<'c> {
    client: &'c Client,
    name: String,
    permissions: Option<Vec<Scope>>,
    expires_in_days: Option<u32>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateKeyBody<'a> {
    name: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    permissions: Option<&'a [Scope]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    expires_in_days: Option<u32>,
}

impl<'c> CreateKeyBuilder<'c> {
    /// Limits the key to these scopes (default: full access).
    pub fn permissions(mut self, scopes: impl IntoIterator<Item = Scope>) -> Self {
        self.permissions = Some(scopes.into_iter().collect());
        self
    }

    /// Expires the key after 1..=365 days (default: never).
    pub fn expires_in_days(mut self, days: u32) -> Self {
        self.expires_in_days = Some(days);
        self
    }

    /// Creates the key.
    pub async fn send(self) -> Result<ApiKey, Error> {
        check_name(&self.name)?;
        if let Some(d) = self.expires_in_days {
            validate::range("expires_in_days", d, 1, 365)?;
        }
        let body = CreateKeyBody {
            name: &self.name,
            permissions: self.permissions.as_deref(),
            expires_in_days: self.expires_in_days,
        };
        self.client.call(Request::post("keys").json(&body)?).await
    }
}

/// `PUT /api/2.0/keys/{id}`; see [`KeysHandler::update`].
#[derive(Debug, Clone)]
pub struct UpdateKeyBuilder<'c> {
    client: &'c Client,
    id: ApiKeyId,
    name: Option<String>,
    permissions: Option<Vec<Scope>>,
    is_active: Option<bool>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct UpdateKeyBody<'a> {
    #[serde(skip_serializing_if = "Option::is_none")]
    name: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    permissions: Option<&'a [Scope]>,
    #[serde(skip_serializing_if = "Option::is_none")]
    is_active: Option<bool>,
}

impl<'c> UpdateKeyBuilder<'c> {
    /// Renames the key.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.name = Some(name.into());
        self
    }

    /// Replaces its scopes.
    pub fn permissions(mut self, scopes: impl IntoIterator<Item = Scope>) -> Self {
        self.permissions = Some(scopes.into_iter().collect());
        self
    }

    /// Enables or disables it.
    pub fn active(mut self, yes: bool) -> Self {
        self.is_active = Some(yes);
        self
    }

    /// Applies the change; `false` if the key is expired or not the caller's.
    pub async fn send(self) -> Result<bool, Error> {
        validate::guid("id", self.id.as_str())?;
        if let Some(n) = &self.name {
            check_name(n)?;
        }
        let body = UpdateKeyBody {
            name: self.name.as_deref(),
            permissions: self.permissions.as_deref(),
            is_active: self.is_active,
        };
        self.client
            .call(Request::put(format!("keys/{}", seg(&self.id))).json(&body)?)
            .await
    }
}
