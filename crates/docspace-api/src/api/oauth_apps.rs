//! `/api/2.0/clients`: OAuth apps of the identity service (`ONLYOFFICE/DocSpace-server:
//! common/ASC.Identity/registration/.../ClientController.java`). Its answers are plain JSON, not
//! the API's envelope.

use serde::Serialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::{OAuthApp, OAuthAppPage};
use crate::oauth::Scope;
use crate::request::{Request, seg};

/// OAuth apps; get one with [`Client::oauth_apps`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// use docspace_api::oauth::Scope;
/// let app = client.oauth_apps()
///     .register("Reports", "https://app.example.com/cb", "https://app.example.com")
///     .scopes([Scope::RoomsRead])
///     .send().await?;
/// println!("client id {}", app.client_id);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct OAuthAppsHandler<'c> {
    client: &'c Client,
}

/// A 1×1 PNG: the service wants a logo, and an app registered from code rarely has one.
pub const PLACEHOLDER_LOGO: &str = "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

fn check_id(id: &str) -> Result<(), Error> {
    if id.is_empty() || !id.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-') {
        return Err(Error::invalid("client_id", "not a client id"));
    }
    Ok(())
}

impl<'c> OAuthAppsHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        OAuthAppsHandler { client }
    }

    /// The caller's apps, newest first (the first 50).
    pub async fn list(&self) -> Result<Vec<OAuthApp>, Error> {
        let page: OAuthAppPage = self
            .client
            .call_plain(Request::get("clients").query("limit", 50))
            .await?;
        Ok(page.data)
    }

    /// One app, with its redirect URIs and allowed origins (`GET clients/{clientId}`: DocSpace
    /// admins, or the app's creator). An unknown id is [`Error::NotFound`].
    pub async fn get(&self, client_id: &str) -> Result<OAuthApp, Error> {
        check_id(client_id)?;
        self.client
            .call_plain(Request::get(format!("clients/{}", seg(client_id))))
            .await
    }

    /// Starts registering an app that comes back to `redirect_uri` from a page on `website`.
    pub fn register(
        &self,
        name: impl Into<String>,
        redirect_uri: impl Into<String>,
        website: impl Into<String>,
    ) -> RegisterAppBuilder<'c> {
        let website = website.into();
        RegisterAppBuilder {
            client: self.client,
            body: AppBody {
                name: name.into(),
                description: String::new(),
                logo: PLACEHOLDER_LOGO.into(),
                allow_pkce: true,
                is_public: false,
                terms_url: website.clone(),
                policy_url: website.clone(),
                logout_redirect_uri: website.clone(),
                allowed_origins: vec![],
                redirect_uris: vec![redirect_uri.into()],
                scopes: vec![],
                website_url: website,
            },
        }
    }

    /// Starts changing an app's name, description or allowed origins.
    pub fn update(&self, app: &OAuthApp) -> UpdateAppBuilder<'c> {
        UpdateAppBuilder {
            client: self.client,
            id: app.client_id.clone(),
            body: UpdateBody {
                name: app.name.clone(),
                description: app.description.clone().unwrap_or_default(),
                // The service replaces every field: keep the app's own logo.
                logo: app.logo.clone().unwrap_or_else(|| PLACEHOLDER_LOGO.into()),
                allow_pkce: app.allows_pkce(),
                is_public: app.is_public,
                allowed_origins: app.allowed_origins.clone(),
            },
        }
    }

    /// Withdraws the caller's consent to an app: the tokens it backed stop working, and the
    /// next authorization asks again.
    pub async fn revoke_consent(&self, client_id: &str) -> Result<(), Error> {
        check_id(client_id)?;
        self.client
            .execute(Request::delete(format!(
                "clients/{}/revoke",
                seg(client_id)
            )))
            .await
            .map(|_| ())
    }

    /// Deletes an app; its tokens stop working.
    pub async fn delete(&self, client_id: &str) -> Result<(), Error> {
        check_id(client_id)?;
        self.client
            .execute(Request::delete(format!("clients/{}", seg(client_id))))
            .await
            .map(|_| ())
    }
}

#[derive(Debug, Clone, Serialize)]
struct AppBody {
    name: String,
    description: String,
    logo: String,
    allow_pkce: bool,
    is_public: bool,
    website_url: String,
    terms_url: String,
    policy_url: String,
    logout_redirect_uri: String,
    redirect_uris: Vec<String>,
    allowed_origins: Vec<String>,
    scopes: Vec<String>,
}

/// `POST /api/2.0/clients`; see [`OAuthAppsHandler::register`].
#[derive(Debug, Clone)]
pub struct RegisterAppBuilder<'c> {
    client: &'c Client,
    body: AppBody,
}

impl RegisterAppBuilder<'_> {
    /// The scopes the app may ask for (at least one).
    pub fn scopes(mut self, scopes: impl IntoIterator<Item = Scope>) -> Self {
        self.body.scopes = scopes.into_iter().map(|s| s.as_str().to_string()).collect();
        self
    }

    /// Origins whose pages may call the token endpoint.
    pub fn allowed_origins(mut self, origins: impl IntoIterator<Item = String>) -> Self {
        self.body.allowed_origins = origins.into_iter().collect();
        self
    }

    /// A description for the consent page.
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.body.description = text.into();
        self
    }

    /// Registers it; the answer holds the secret, this once.
    pub async fn send(self) -> Result<OAuthApp, Error> {
        if self.body.name.trim().is_empty() {
            return Err(Error::invalid("name", "must not be empty"));
        }
        if self.body.scopes.is_empty() {
            return Err(Error::invalid("scopes", "choose at least one scope"));
        }
        self.client
            .call_plain(Request::post("clients").json(&self.body)?)
            .await
    }
}

#[derive(Debug, Clone, Serialize)]
struct UpdateBody {
    name: String,
    description: String,
    logo: String,
    allow_pkce: bool,
    is_public: bool,
    allowed_origins: Vec<String>,
}

/// `PUT /api/2.0/clients/{id}`; see [`OAuthAppsHandler::update`].
#[derive(Debug, Clone)]
pub struct UpdateAppBuilder<'c> {
    client: &'c Client,
    id: String,
    body: UpdateBody,
}

impl UpdateAppBuilder<'_> {
    /// A new name.
    pub fn name(mut self, name: impl Into<String>) -> Self {
        self.body.name = name.into();
        self
    }

    /// A new description.
    pub fn description(mut self, text: impl Into<String>) -> Self {
        self.body.description = text.into();
        self
    }

    /// Saves the change.
    pub async fn send(self) -> Result<OAuthApp, Error> {
        check_id(&self.id)?;
        if self.body.name.trim().is_empty() {
            return Err(Error::invalid("name", "must not be empty"));
        }
        self.client
            .call_plain(Request::put(format!("clients/{}", seg(&self.id))).json(&self.body)?)
            .await
    }
}
