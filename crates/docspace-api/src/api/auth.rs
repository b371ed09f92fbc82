//! `/api/2.0/authentication` and `/api/2.0/settings`: sign-in with the password hashed on the
//! client, sign-out, and the portal's public settings.

use serde::Serialize;

use crate::client::{Auth, Client};
use crate::error::Error;
use crate::models::{AuthToken, PasswordHashParams, Secret, Settings};
use crate::request::Request;
use crate::validate;

/// Sign-in and sign-out; get one with [`Client::auth`].
///
/// ```no_run
/// # async fn demo() -> Result<(), docspace_api::Error> {
/// let client = docspace_api::Client::builder("http://127.0.0.1:8092").build()?;
/// client.auth().login("owner@example.com", "password").send().await?;
/// assert!(client.auth().is_authenticated().await?);
/// client.auth().logout().await?;
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct AuthHandler<'c> {
    client: &'c Client,
}

impl<'c> AuthHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        AuthHandler { client }
    }

    /// The portal's public settings (`GET /api/2.0/settings`), including the password-hash
    /// parameters.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let settings = client.auth().settings().await?;
    /// println!("portal culture: {:?}", settings.culture);
    /// # Ok(()) }
    /// ```
    pub async fn settings(&self) -> Result<Settings, Error> {
        self.client
            .call(Request::get("settings").query("withpassword", true))
            .await
    }

    /// The parameters the portal hashes passwords with.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let p = client.auth().password_hash_params().await?;
    /// assert!(p.iterations > 0);
    /// # Ok(()) }
    /// ```
    pub async fn password_hash_params(&self) -> Result<PasswordHashParams, Error> {
        // Anonymous callers always get the parameters.
        let resp = self
            .client
            .execute_anonymous(Request::get("settings").query("withpassword", true))
            .await?;
        let settings: Settings = crate::envelope::decode(&resp)?;
        settings.password_hash.ok_or_else(|| Error::Decode {
            message: "the portal's settings have no passwordHash".into(),
            snippet: String::from_utf8_lossy(&resp.body)
                .chars()
                .take(200)
                .collect(),
        })
    }

    /// Starts a sign-in with e-mail (or login name) and password. The password is hashed here
    /// with the portal's PBKDF2 parameters and only the hash is sent.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let token = client.auth().login("owner@example.com", "password").send().await?;
    /// println!("signed in until {:?}", token.expires);
    /// # Ok(()) }
    /// ```
    pub fn login(
        &self,
        user_name: impl Into<String>,
        password: impl Into<String>,
    ) -> LoginBuilder<'c> {
        LoginBuilder {
            client: self.client,
            user_name: user_name.into(),
            password: Secret::new(password),
            session: false,
            use_cookie: false,
            culture: None,
        }
    }

    /// Whether the client's credentials are valid (`GET /api/2.0/authentication`).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// if !client.auth().is_authenticated().await? { println!("please sign in"); }
    /// # Ok(()) }
    /// ```
    pub async fn is_authenticated(&self) -> Result<bool, Error> {
        match self.client.call(Request::get("authentication")).await {
            Err(Error::Unauthorized { .. }) => Ok(false),
            other => other,
        }
    }

    /// Signs out (`POST /api/2.0/authentication/logout`): the portal ends the session and clears
    /// its cookie, and the client forgets its credentials. Returns the SSO sign-out URL, if any.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.auth().logout().await?;
    /// # Ok(()) }
    /// ```
    pub async fn logout(&self) -> Result<Option<String>, Error> {
        let url = self
            .client
            .call(Request::post("authentication/logout").idempotent(true))
            .await?;
        self.client.set_credentials(Auth::None);
        Ok(url)
    }
}

/// `POST /api/2.0/authentication`; see [`AuthHandler::login`].
#[derive(Debug)]
pub struct LoginBuilder<'c> {
    client: &'c Client,
    user_name: String,
    password: Secret,
    session: bool,
    use_cookie: bool,
    culture: Option<String>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct LoginBody<'a> {
    user_name: &'a str,
    password_hash: &'a str,
    session: bool,
    #[serde(skip_serializing_if = "Option::is_none")]
    culture: Option<&'a str>,
}

impl<'c> LoginBuilder<'c> {
    /// A browser-session login: the cookie has no expiry and the token no `expires`.
    pub fn session(mut self, yes: bool) -> Self {
        self.session = yes;
        self
    }

    /// After sign-in, authenticate with the session cookie the portal set instead of holding
    /// the token: for browser pages on the portal's own origin (the cookie is `HttpOnly`, so
    /// scripts cannot read it).
    pub fn use_cookie(mut self, yes: bool) -> Self {
        self.use_cookie = yes;
        self
    }

    /// The interface language to record (`en-US`).
    pub fn culture(mut self, culture: impl Into<String>) -> Self {
        self.culture = Some(culture.into());
        self
    }

    /// Fetches the hash parameters, hashes the password, signs in, and from then on the client
    /// authenticates with the token (or the cookie). With a second factor pending, the token is
    /// returned without a `token` and the client's credentials are unchanged.
    pub async fn send(self) -> Result<AuthToken, Error> {
        validate::non_empty("user_name", &self.user_name)?;
        validate::max_len("user_name", &self.user_name, 255)?;
        if self.password.expose().is_empty() {
            return Err(Error::invalid("password", "must not be empty"));
        }
        let params = self.client.auth().password_hash_params().await?;
        let hash = crate::password::hash(self.password.expose(), &params).await?;
        let body = LoginBody {
            user_name: &self.user_name,
            password_hash: &hash,
            session: self.session,
            culture: self.culture.as_deref(),
        };
        let resp = self
            .client
            .execute_anonymous(Request::post("authentication").json(&body)?)
            .await?;
        let token: AuthToken = crate::envelope::decode(&resp)?;
        if let Some(t) = &token.token {
            self.client.set_credentials(if self.use_cookie {
                Auth::Cookie
            } else {
                Auth::Token(t.expose().to_string())
            });
        }
        Ok(token)
    }
}
