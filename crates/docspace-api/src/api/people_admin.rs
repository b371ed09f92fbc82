//! People administration: change type, disable or enable, delete, resend invitations
//! (`ONLYOFFICE/DocSpace-server: products/ASC.People/Server/Api/UserController.cs`).
//!
//! DocSpace decides who may do what; a refusal comes back as [`Error::Forbidden`] with the
//! portal's message (`Access denied`, or `The user is not suspended` when deleting a user who is
//! not disabled).

use serde::Serialize;

use super::people::PeopleHandler;
use crate::client::Client;
use crate::error::Error;
use crate::models::{Employee, EmployeeStatus, EmployeeType, UserId};
use crate::request::{Request, seg};
use crate::validate;

/// `UpdateMembersRequestDto`.
#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Members<'a> {
    user_ids: Vec<&'a str>,
    resend_all: bool,
}

fn checked(ids: &[UserId]) -> Result<Vec<&str>, Error> {
    ids.iter()
        .map(|id| validate::guid("user_ids", id.as_str()).map(|_| id.as_str()))
        .collect()
}

/// The users a change of type or status is for: at least one, each a GUID.
fn some_users(ids: &[UserId]) -> Result<Vec<&str>, Error> {
    if ids.is_empty() {
        return Err(Error::invalid("user_ids", "add at least one user"));
    }
    checked(ids)
}

impl<'c> PeopleHandler<'c> {
    /// Starts changing users' type (`PUT /api/2.0/people/type/{type}`). DocSpace only raises types
    /// here (guest to user, to room admin by a DocSpace admin, to DocSpace admin by the owner, and a
    /// DocSpace admin back to room admin by the owner); anything else is [`Error::Forbidden`].
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, id: docspace_api::models::UserId) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::EmployeeType;
    /// let changed = client.people().change_type(EmployeeType::RoomAdmin).user(id).send().await?;
    /// assert!(changed[0].is_room_admin);
    /// # Ok(()) }
    /// ```
    pub fn change_type(&self, to: EmployeeType) -> ChangeTypeBuilder<'c> {
        ChangeTypeBuilder {
            client: self.client(),
            to,
            ids: Vec::new(),
        }
    }

    /// Starts disabling or enabling users (`PUT /api/2.0/people/status/{status}`); only
    /// [`EmployeeStatus::Active`] and [`EmployeeStatus::Terminated`] are accepted.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, id: docspace_api::models::UserId) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::EmployeeStatus;
    /// client.people().set_status(EmployeeStatus::Terminated).user(id).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn set_status(&self, status: EmployeeStatus) -> SetStatusBuilder<'c> {
        SetStatusBuilder {
            client: self.client(),
            status,
            ids: Vec::new(),
        }
    }

    /// Deletes a disabled user (`DELETE /api/2.0/people/{userid}`) and answers their last profile.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, id: docspace_api::models::UserId) -> Result<(), docspace_api::Error> {
    /// let gone = client.people().delete(id).await?;
    /// println!("deleted {}", gone.display_name);
    /// # Ok(()) }
    /// ```
    pub async fn delete(&self, id: impl Into<UserId>) -> Result<Employee, Error> {
        let id = id.into();
        validate::guid("id", id.as_str())?;
        self.client()
            .call(Request::delete(format!("people/{}", seg(&id))))
            .await
    }

    /// Starts resending invitations (`PUT /api/2.0/people/invite`).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client, id: docspace_api::models::UserId) -> Result<(), docspace_api::Error> {
    /// client.people().resend_invites().user(id).send().await?;
    /// # Ok(()) }
    /// ```
    pub fn resend_invites(&self) -> ResendBuilder<'c> {
        ResendBuilder {
            client: self.client(),
            ids: Vec::new(),
            all: false,
        }
    }
}

/// `PUT /api/2.0/people/type/{type}`; see [`PeopleHandler::change_type`].
#[derive(Debug, Clone)]
pub struct ChangeTypeBuilder<'c> {
    client: &'c Client,
    to: EmployeeType,
    ids: Vec<UserId>,
}

impl ChangeTypeBuilder<'_> {
    /// Adds a user.
    pub fn user(mut self, id: impl Into<UserId>) -> Self {
        self.ids.push(id.into());
        self
    }

    /// Sends the change; answers the changed users.
    pub async fn send(self) -> Result<Vec<Employee>, Error> {
        let user_ids = some_users(&self.ids)?;
        let Some(n) = self.to.value().filter(|n| *n != 0) else {
            return Err(Error::invalid(
                "type",
                format!("`{}` is not a type a user can be given", self.to),
            ));
        };
        let body = Members {
            user_ids,
            resend_all: false,
        };
        self.client
            .call(Request::put(format!("people/type/{n}")).json(&body)?)
            .await
    }
}

/// `PUT /api/2.0/people/status/{status}`; see [`PeopleHandler::set_status`].
#[derive(Debug, Clone)]
pub struct SetStatusBuilder<'c> {
    client: &'c Client,
    status: EmployeeStatus,
    ids: Vec<UserId>,
}

impl SetStatusBuilder<'_> {
    /// Adds a user.
    pub fn user(mut self, id: impl Into<UserId>) -> Self {
        self.ids.push(id.into());
        self
    }

    /// Sends the change; answers the users with their new status.
    pub async fn send(self) -> Result<Vec<Employee>, Error> {
        let user_ids = some_users(&self.ids)?;
        if !matches!(
            self.status,
            EmployeeStatus::Active | EmployeeStatus::Terminated
        ) {
            return Err(Error::invalid(
                "status",
                "only Active and Terminated can be set",
            ));
        }
        let body = Members {
            user_ids,
            resend_all: false,
        };
        self.client
            .call(Request::put(format!("people/status/{}", self.status.value())).json(&body)?)
            .await
    }
}

/// `PUT /api/2.0/people/invite`; see [`PeopleHandler::resend_invites`].
#[derive(Debug, Clone)]
pub struct ResendBuilder<'c> {
    client: &'c Client,
    ids: Vec<UserId>,
    all: bool,
}

impl ResendBuilder<'_> {
    /// Adds a pending user.
    pub fn user(mut self, id: impl Into<UserId>) -> Self {
        self.ids.push(id.into());
        self
    }

    /// Resends every pending invitation (admins and room admins only).
    pub fn all(mut self) -> Self {
        self.all = true;
        self
    }

    /// Sends; answers the users the invitations went to that the caller may see.
    pub async fn send(self) -> Result<Vec<Employee>, Error> {
        if self.ids.is_empty() && !self.all {
            return Err(Error::invalid("user_ids", "add a user or resend all"));
        }
        let body = Members {
            user_ids: checked(&self.ids)?,
            resend_all: self.all,
        };
        self.client
            .call(Request::put("people/invite").json(&body)?)
            .await
    }
}
