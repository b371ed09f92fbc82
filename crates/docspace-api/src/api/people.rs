//! `/api/2.0/people`: the current user, the portal's users, invitations.

use futures::Stream;
use serde::Serialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::{
    Employee, EmployeeActivationStatus, EmployeeStatus, EmployeeSummary, EmployeeType, PeopleArea,
    SortOrder, UserId,
};
use crate::paging::{Page, enveloped_page, page_setters, stream_listing};
use crate::request::{Request, seg};
use crate::validate;

/// `UpdateMemberCultureByIdRequestDto`'s body (`Culture` in ONLYOFFICE/DocSpace-server
/// `products/ASC.People/Server/ApiModels/RequestDto/MemberRequestDto.cs`).
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CultureBody<'a> {
    culture_name: &'a str,
}

/// People endpoints; get one with [`Client::people`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// let me = client.people().me().await?;
/// println!("signed in as {}", me.display_name);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct PeopleHandler<'c> {
    client: &'c Client,
}

impl<'c> PeopleHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        PeopleHandler { client }
    }

    pub(super) fn client(&self) -> &'c Client {
        self.client
    }

    /// The signed-in user (`GET /api/2.0/people/@self`).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let me = client.people().me().await?;
    /// assert!(!me.display_name.is_empty());
    /// # Ok(()) }
    /// ```
    pub async fn me(&self) -> Result<Employee, Error> {
        self.client.call(Request::get("people/@self")).await
    }

    /// A user by id.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let me = client.people().me().await?;
    /// let again = client.people().get(&me.id).await?;
    /// assert_eq!(again.id, me.id);
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, id: impl Into<UserId>) -> Result<Employee, Error> {
        let id = id.into();
        validate::guid("id", id.as_str())?;
        self.client
            .call(Request::get(format!("people/{}", seg(&id))))
            .await
    }

    /// Sets the language of a user's DocSpace profile (`PUT /api/2.0/people/{id}/culture`;
    /// DocSpace lets users change only their own). `culture` is one of the portal's cultures
    /// (`de`, `en-US`, …; `GET settings/cultures` lists them). DocSpace then writes its messages
    /// for that user, API errors included, in that language.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let me = client.people().me().await?;
    /// let me = client.people().set_culture(&me.id, "de").await?;
    /// assert_eq!(me.culture_name.as_deref(), Some("de"));
    /// # Ok(()) }
    /// ```
    pub async fn set_culture(
        &self,
        id: impl Into<UserId>,
        culture: &str,
    ) -> Result<Employee, Error> {
        let id = id.into();
        validate::guid("id", id.as_str())?;
        let req = Request::put(format!("people/{}/culture", seg(&id)))
            .json(&CultureBody {
                culture_name: culture,
            })?
            .idempotent(true);
        self.client.call(req).await
    }

    /// Starts a listing of the portal's users.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::EmployeeType;
    /// use futures::TryStreamExt;
    /// let admins: Vec<_> = client.people().list().employee_type(EmployeeType::RoomAdmin)
    ///     .stream().try_collect().await?;
    /// # let _ = admins;
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> ListPeopleBuilder<'c> {
        ListPeopleBuilder {
            client: self.client,
            params: PeopleQuery {
                count: 100,
                ..PeopleQuery::default()
            },
        }
    }

    /// Starts inviting people by e-mail.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::EmployeeType;
    /// client.people().invite().email("ann@example.com", EmployeeType::User).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn invite(&self) -> InviteBuilder<'c> {
        InviteBuilder {
            client: self.client,
            invitations: Vec::new(),
            culture: None,
        }
    }
}

#[derive(Debug, Clone, Default)]
struct PeopleQuery {
    filter_value: Option<String>,
    employee_type: Option<EmployeeType>,
    employee_status: Option<EmployeeStatus>,
    activation_status: Option<EmployeeActivationStatus>,
    invited_by_me: bool,
    inviter: Option<UserId>,
    area: Option<PeopleArea>,
    sort_by: Option<String>,
    sort_order: Option<SortOrder>,
    start_index: u64,
    count: u32,
}

impl PeopleQuery {
    fn request(&self, start: u64, count: u32) -> Request {
        // `people/filter`, not `people`: DocSpace's `GET people` lists active users and ignores the
        // type, status and inviter filters (`ONLYOFFICE/DocSpace-server:
        // products/ASC.People/Server/Api/UserController.cs`, `GetAllProfiles`).
        Request::get("people/filter")
            .query_opt("filterValue", self.filter_value.as_ref())
            .query_opt(
                "employeeType",
                self.employee_type.as_ref().and_then(EmployeeType::value),
            )
            .query_opt("employeeStatus", self.employee_status.map(|s| s.value()))
            .query_opt(
                "activationStatus",
                self.activation_status.map(|s| s.value()),
            )
            .query_opt("invitedByMe", self.invited_by_me.then_some(true))
            .query_opt("inviterId", self.inviter.as_ref())
            .query_opt("area", self.area.map(|a| a.value()))
            .query_opt("sortBy", self.sort_by.as_ref())
            .query_opt("sortOrder", self.sort_order.map(|s| s.value()))
            .query("startIndex", start)
            .query("count", count)
    }

    fn validate(&self) -> Result<(), Error> {
        validate::count(self.count)?;
        if let Some(id) = &self.inviter {
            validate::guid("inviter", id.as_str())?;
        }
        if let Some(EmployeeType::Unknown(name)) = &self.employee_type {
            return Err(Error::invalid(
                "employee_type",
                format!("`{name}` is not a type this client can filter by"),
            ));
        }
        Ok(())
    }
}

/// `GET /api/2.0/people/filter`; see [`PeopleHandler::list`].
#[derive(Debug, Clone)]
pub struct ListPeopleBuilder<'c> {
    client: &'c Client,
    params: PeopleQuery,
}

impl<'c> ListPeopleBuilder<'c> {
    /// Keeps users whose name or e-mail contains `text`.
    pub fn filter_value(mut self, text: impl Into<String>) -> Self {
        self.params.filter_value = Some(text.into());
        self
    }

    /// Keeps users of one type.
    pub fn employee_type(mut self, t: EmployeeType) -> Self {
        self.params.employee_type = Some(t);
        self
    }

    /// Keeps users with this account status.
    pub fn employee_status(mut self, s: EmployeeStatus) -> Self {
        self.params.employee_status = Some(s);
        self
    }

    /// Keeps users with this activation status.
    pub fn activation_status(mut self, s: EmployeeActivationStatus) -> Self {
        self.params.activation_status = Some(s);
        self
    }

    /// Keeps only the users the caller invited (`invitedByMe`).
    pub fn invited_by_me(mut self, yes: bool) -> Self {
        self.params.invited_by_me = yes;
        self
    }

    /// Keeps only the users this user invited (`inviterId`).
    pub fn inviter(mut self, id: impl Into<UserId>) -> Self {
        self.params.inviter = Some(id.into());
        self
    }

    /// Members only, guests only, or both (`area`).
    pub fn area(mut self, area: PeopleArea) -> Self {
        self.params.area = Some(area);
        self
    }

    /// Sorts by a DocSpace field name (`firstname`, `lastname`, `displayname`…).
    pub fn sort_by(mut self, field: impl Into<String>) -> Self {
        self.params.sort_by = Some(field.into());
        self
    }

    /// Sort direction.
    pub fn sort_order(mut self, order: SortOrder) -> Self {
        self.params.sort_order = Some(order);
        self
    }

    page_setters!(params, "user");

    /// Fetches one page.
    pub async fn send(self) -> Result<Page<Employee>, Error> {
        self.params.validate()?;
        let req = self
            .params
            .request(self.params.start_index, self.params.count);
        self.client.call_page(req).await
    }

    /// Streams every matching user, fetching pages concurrently within the client's limits.
    pub fn stream(self) -> impl Stream<Item = Result<Employee, Error>> + use<> {
        let (input, params) = (self.params.validate(), self.params);
        let pages = (params.start_index, params.count);
        let request = move |offset, n| params.request(offset, n);
        stream_listing(self.client.clone(), input, pages, request, enveloped_page)
    }
}

/// `POST /api/2.0/people/invite`; see [`PeopleHandler::invite`].
#[derive(Debug, Clone)]
pub struct InviteBuilder<'c> {
    client: &'c Client,
    invitations: Vec<(String, EmployeeType)>,
    culture: Option<String>,
}

#[derive(Serialize)]
struct Invitation<'a> {
    email: &'a str,
    #[serde(rename = "type")]
    kind: &'a EmployeeType,
}

#[derive(Serialize)]
struct InviteBody<'a> {
    invitations: Vec<Invitation<'a>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    culture: Option<&'a str>,
}

impl<'c> InviteBuilder<'c> {
    /// Invites `email` as a user of type `kind`.
    pub fn email(mut self, email: impl Into<String>, kind: EmployeeType) -> Self {
        self.invitations.push((email.into(), kind));
        self
    }

    /// The language of the invitation e-mails.
    pub fn culture(mut self, culture: impl Into<String>) -> Self {
        self.culture = Some(culture.into());
        self
    }

    /// Sends the invitations; answers with every pending user the caller can see.
    pub async fn send(self) -> Result<Vec<EmployeeSummary>, Error> {
        if self.invitations.is_empty() {
            return Err(Error::invalid("invitations", "add at least one e-mail"));
        }
        for (email, kind) in &self.invitations {
            validate::email("email", email)?;
            if matches!(kind, EmployeeType::All | EmployeeType::Unknown(_)) {
                return Err(Error::invalid(
                    "type",
                    format!("`{kind}` is not a type a person can be invited as"),
                ));
            }
        }
        let body = InviteBody {
            invitations: self
                .invitations
                .iter()
                .map(|(email, kind)| Invitation { email, kind })
                .collect(),
            culture: self.culture.as_deref(),
        };
        self.client
            .call(Request::post("people/invite").json(&body)?)
            .await
    }
}
