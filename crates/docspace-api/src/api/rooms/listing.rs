//! Listing rooms (`GET /api/2.0/files/rooms`) with DocSpace's filters.

use futures::Stream;

use super::RoomsHandler;
use crate::client::Client;
use crate::error::Error;
use crate::models::{
    ProviderFilter, QuotaFilter, Room, RoomType, RoomsPage, SearchArea, StorageFilter, UserId,
};
use crate::paging::{Page, TitleSort, page_setters, stream_listing, title_sort_setters};
use crate::request::Request;
use crate::validate;

impl<'c> RoomsHandler<'c> {
    /// Starts a listing of rooms.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use docspace_api::models::RoomType;
    /// use futures::TryStreamExt;
    /// let rooms: Vec<_> = client.rooms().list().room_type(RoomType::Public)
    ///     .stream().try_collect().await?;
    /// # let _ = rooms;
    /// # Ok(()) }
    /// ```
    pub fn list(&self) -> ListRoomsBuilder<'c> {
        ListRoomsBuilder {
            client: self.client,
            query: RoomsQuery {
                count: 100,
                ..RoomsQuery::default()
            },
        }
    }
}

#[derive(Debug, Clone, Default)]
struct RoomsQuery {
    types: Vec<RoomType>,
    subject_id: Option<String>,
    exclude_subject: Option<bool>,
    search_area: Option<SearchArea>,
    without_tags: Option<bool>,
    tags: Vec<String>,
    provider: Option<ProviderFilter>,
    quota_filter: Option<QuotaFilter>,
    storage_filter: Option<StorageFilter>,
    title_sort: TitleSort,
    start_index: u64,
    count: u32,
}

impl RoomsQuery {
    fn validate(&self) -> Result<(), Error> {
        validate::count(self.count)?;
        validate::tags("tags", &self.tags)?;
        self.types
            .iter()
            .try_for_each(|t| validate::known("type", t, t.name(), "a room type"))
    }

    fn request(&self, start: u64, count: u32) -> Request {
        let mut req = Request::get("files/rooms");
        for t in &self.types {
            req = req.query("type", t.value());
        }
        if !self.tags.is_empty() {
            // DocSpace reads `tags` as a JSON array.
            let tags = serde_json::to_string(&self.tags).unwrap_or_else(|_| "[]".into());
            req = req.query("tags", tags);
        }
        let req = req
            .query_opt("subjectId", self.subject_id.as_ref())
            .query_opt("excludeSubject", self.exclude_subject)
            .query_opt("searchArea", self.search_area.map(|a| a.value()))
            .query_opt("withoutTags", self.without_tags)
            .query_opt("provider", self.provider.map(|p| p.value()))
            .query_opt("quotaFilter", self.quota_filter.map(|q| q.value()))
            .query_opt("storageFilter", self.storage_filter.map(|s| s.value()));
        self.title_sort
            .query(req)
            .query("startIndex", start)
            .query("count", count)
    }
}

/// `GET /api/2.0/files/rooms`; see [`RoomsHandler::list`].
#[derive(Debug, Clone)]
pub struct ListRoomsBuilder<'c> {
    client: &'c Client,
    query: RoomsQuery,
}

impl<'c> ListRoomsBuilder<'c> {
    /// Keeps rooms of this type (repeatable: any of the types given).
    pub fn room_type(mut self, t: RoomType) -> Self {
        self.query.types.push(t);
        self
    }

    /// Keeps rooms `user` is a member of.
    pub fn subject(mut self, user: impl Into<UserId>) -> Self {
        self.query.subject_id = Some(user.into().0);
        self
    }

    /// With [`ListRoomsBuilder::subject`]: keeps rooms the user is *not* a member of.
    pub fn exclude_subject(mut self, yes: bool) -> Self {
        self.query.exclude_subject = Some(yes);
        self
    }

    /// Which rooms: active (default), archived, templates…
    pub fn search_area(mut self, area: SearchArea) -> Self {
        self.query.search_area = Some(area);
        self
    }

    /// Keeps rooms without tags.
    pub fn without_tags(mut self, yes: bool) -> Self {
        self.query.without_tags = Some(yes);
        self
    }

    /// Keeps rooms with any of these tags.
    pub fn tags<I, S>(mut self, tags: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.query.tags = tags.into_iter().map(Into::into).collect();
        self
    }

    /// Keeps rooms on this third-party provider.
    pub fn provider(mut self, p: ProviderFilter) -> Self {
        self.query.provider = Some(p);
        self
    }

    /// Keeps rooms by quota kind.
    pub fn quota_filter(mut self, q: QuotaFilter) -> Self {
        self.query.quota_filter = Some(q);
        self
    }

    /// Keeps rooms by storage kind.
    pub fn storage_filter(mut self, s: StorageFilter) -> Self {
        self.query.storage_filter = Some(s);
        self
    }

    title_sort_setters!(query, "rooms");

    page_setters!(query, "room");

    /// Fetches one page: the rooms in `folders`, the total in `total`.
    pub async fn send(self) -> Result<RoomsPage, Error> {
        self.query.validate()?;
        let req = self.query.request(self.query.start_index, self.query.count);
        self.client.call(req).await
    }

    /// This page's request, for a page's script to start while its HTML is parsed (see
    /// [`crate::early`]): the client's `send()` of the same page then takes its answer.
    pub fn early(&self) -> Result<crate::early::EarlyRequest, Error> {
        self.query.validate()?;
        let req = self.query.request(self.query.start_index, self.query.count);
        self.client.early(req)
    }

    /// Streams every matching room, fetching pages concurrently within the client's limits.
    pub fn stream(self) -> impl Stream<Item = Result<Room, Error>> + use<> {
        let (input, query) = (self.query.validate(), self.query);
        let pages = (query.start_index, query.count);
        let request = move |offset, n| query.request(offset, n);
        stream_listing(self.client.clone(), input, pages, request, rooms_page)
    }
}

/// The rooms of a listing's page and the listing's total.
async fn rooms_page(client: Client, req: Request) -> Result<Page<Room>, Error> {
    let c: RoomsPage = client.call(req).await?;
    Ok(Page {
        items: c.folders,
        total: Some(c.total),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn room_queries_repeat_types_and_encode_tags_as_json() {
        let c = super::super::offline_client();
        let b = c
            .rooms()
            .list()
            .room_type(RoomType::FillingForms)
            .room_type(RoomType::Custom)
            .tags(["a", "b"])
            .search_area(SearchArea::Archive)
            .count(5);
        let q = b.query.request(10, 5).path_and_query();
        assert!(
            q.starts_with("api/2.0/files/rooms?type=1&type=5&tags=%5B%22a%22%2C%22b%22%5D"),
            "{q}"
        );
        assert!(
            q.contains("searchArea=1") && q.ends_with("startIndex=10&count=5"),
            "{q}"
        );
    }
}
