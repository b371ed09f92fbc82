//! `/api/2.0/people`.

use crate::client::Client;
use crate::error::Error;
use crate::models::Employee;

/// People endpoints; get one with [`Client::people`].
#[derive(Debug, Clone, Copy)]
pub struct PeopleHandler<'c> {
    client: &'c Client,
}

impl<'c> PeopleHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        PeopleHandler { client }
    }

    /// The signed-in user (`GET /api/2.0/people/@self`).
    pub async fn me(&self) -> Result<Employee, Error> {
        self.client.get("people/@self").await
    }
}
