//! `/api/2.0/files/tags`: the portal's custom tags.

use crate::client::Client;
use crate::error::Error;
use crate::request::Request;
use crate::validate;

/// Tags; get one with [`Client::tags`]. To tag a room use [`crate::api::RoomsHandler::add_tags`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// client.tags().create("legal").await?;
/// let all = client.tags().list().send().await?;
/// assert!(all.contains(&"legal".to_string()));
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct TagsHandler<'c> {
    client: &'c Client,
}

impl<'c> TagsHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        TagsHandler { client }
    }

    /// Starts a listing of tag names.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let legal = client.tags().list().filter_value("leg").send().await?;
    /// # let _ = legal;
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> ListTagsBuilder<'c> {
        ListTagsBuilder {
            client: self.client,
            filter_value: None,
            start_index: 0,
            count: 100,
        }
    }

    /// Creates a tag; answers with its name.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// assert_eq!(client.tags().create("q3").await?, "q3");
    /// # Ok(()) }
    /// ```
    pub async fn create(&self, name: impl Into<String>) -> Result<String, Error> {
        let name = name.into();
        validate::title("name", &name, 255)?;
        let req = Request::post("files/tags")
            .json(&super::bodies::Name { name: &name })?
            // Creating an existing tag changes nothing: safe to resend.
            .idempotent(true);
        self.client.call(req).await
    }

    /// Renames a tag; answers with the new name.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.tags().rename("q3", "Q3").await?;
    /// # Ok(()) }
    /// ```
    pub async fn rename(
        &self,
        old_name: impl Into<String>,
        new_name: impl Into<String>,
    ) -> Result<String, Error> {
        let (old_name, new_name) = (old_name.into(), new_name.into());
        validate::title("old_name", &old_name, 255)?;
        validate::title("new_name", &new_name, 255)?;
        let req = Request::put("files/tags").json(&super::bodies::Rename {
            old_name: &old_name,
            new_name: &new_name,
        })?;
        self.client.call(req).await
    }

    /// Whether any room carries the tag.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// if !client.tags().has_links("old").await? { client.tags().delete(["old"]).await?; }
    /// # Ok(()) }
    /// ```
    pub async fn has_links(&self, name: impl Into<String>) -> Result<bool, Error> {
        let name = name.into();
        validate::title("name", &name, 255)?;
        let req = Request::get(format!(
            "files/tags/{}/haslinks",
            crate::request::seg(&name)
        ));
        self.client.call(req).await
    }

    /// Deletes tags (from the portal and every room).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.tags().delete(["q3", "old"]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn delete<I, S>(&self, names: I) -> Result<(), Error>
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let names = validate::tag_names("names", names)?;
        let req = Request::delete("files/tags").json(&super::bodies::Names { names: &names })?;
        self.client.call(req).await
    }
}

/// `GET /api/2.0/files/tags`; see [`TagsHandler::list`].
#[derive(Debug, Clone)]
pub struct ListTagsBuilder<'c> {
    client: &'c Client,
    filter_value: Option<String>,
    start_index: u64,
    count: u32,
}

impl<'c> ListTagsBuilder<'c> {
    /// Keeps tags containing `text`.
    pub fn filter_value(mut self, text: impl Into<String>) -> Self {
        self.filter_value = Some(text.into());
        self
    }

    /// Offset of the first tag (default 0).
    pub fn start_index(mut self, n: u64) -> Self {
        self.start_index = n;
        self
    }

    /// Page size, 1..=100 (default 100).
    pub fn count(mut self, n: u32) -> Self {
        self.count = n;
        self
    }

    /// Fetches the names.
    pub async fn send(self) -> Result<Vec<String>, Error> {
        validate::count(self.count)?;
        let req = Request::get("files/tags")
            .query_opt("filterValue", self.filter_value.as_ref())
            .query("startIndex", self.start_index)
            .query("count", self.count);
        self.client.call(req).await
    }
}
