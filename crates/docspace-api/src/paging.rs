//! Streaming every item of an offset-paged listing.
//!
//! The first page tells the total; the remaining pages are then fetched several at a time (the
//! client's scheduler keeps them within the portal's limits) and their items yielded in order.
//! If the listing grew meanwhile, paging carries on until a short page. Offset paging is not a
//! snapshot: items added or removed while streaming may be missed or seen twice, as with any
//! DocSpace client.

use std::collections::VecDeque;
use std::future::Future;

use futures::stream::{self, FuturesOrdered, Stream, StreamExt};

use serde::de::DeserializeOwned;

use crate::client::Client;
use crate::error::Error;
use crate::request::Request;

/// One page of a listing and the listing's total, when the portal tells it.
///
/// ```
/// let page = docspace_api::Page { items: vec![1, 2], total: Some(10) };
/// assert_eq!(page.items.len(), 2);
/// ```
#[derive(Debug, Clone, PartialEq)]
pub struct Page<T> {
    /// The items of this page.
    pub items: Vec<T>,
    /// Items on all pages.
    pub total: Option<u64>,
}

/// How many pages a stream fetches at once.
pub const DEFAULT_PAGE_CONCURRENCY: usize = 4;

/// `pages`, or a single error when the listing's input was invalid (nothing is sent then).
pub(crate) fn checked<T, S>(
    input: Result<(), Error>,
    pages: S,
) -> impl Stream<Item = Result<T, Error>>
where
    S: Stream<Item = Result<T, Error>>,
{
    match input {
        Ok(()) => futures::future::Either::Left(pages),
        Err(e) => futures::future::Either::Right(stream::once(futures::future::ready(Err(e)))),
    }
}

/// Streams every item of a listing from offset `start` on, `count` a page, fetching pages
/// concurrently within the client's limits: `request` makes a page's request, `fetch` sends it
/// and reads the page (often [`enveloped_page`]). When `input`, the listing's own checks, failed,
/// the stream is that one error and nothing is sent.
pub(crate) fn stream_listing<T, R, F, Fut>(
    client: Client,
    input: Result<(), Error>,
    (start, count): (u64, u32),
    request: R,
    fetch: F,
) -> impl Stream<Item = Result<T, Error>>
where
    R: Fn(u64, u32) -> Request,
    F: Fn(Client, Request) -> Fut,
    Fut: Future<Output = Result<Page<T>, Error>>,
{
    let pages = stream_pages(start, count, DEFAULT_PAGE_CONCURRENCY, move |offset, n| {
        fetch(client.clone(), request(offset, n))
    });
    checked(input, pages)
}

/// A page read from the envelope's `response` list and `total`, as most listings answer.
pub(crate) async fn enveloped_page<T: DeserializeOwned>(
    client: Client,
    req: Request,
) -> Result<Page<T>, Error> {
    client.call_page(req).await
}

/// `start_index` and `count` setters for a listing builder whose query, in field `$query`, has
/// `start_index: u64` and `count: u32`; `$items` names what is listed, for the docs.
macro_rules! page_setters {
    ($query:ident, $items:literal) => {
        #[doc = concat!("Offset of the first ", $items, " (default 0).")]
        pub fn start_index(mut self, n: u64) -> Self {
            self.$query.start_index = n;
            self
        }

        /// Page size, 1..=100 (default 100).
        pub fn count(mut self, n: u32) -> Self {
            self.$query.count = n;
            self
        }
    };
}

pub(crate) use page_setters;

/// A listing's title filter and sort, as the rooms list and a folder's contents take them; set
/// with [`title_sort_setters`].
#[derive(Debug, Clone, Default)]
pub(crate) struct TitleSort {
    pub filter_value: Option<String>,
    pub sort_by: Option<crate::models::SortBy>,
    pub sort_order: Option<crate::models::SortOrder>,
}

impl TitleSort {
    /// `req` with `filterValue`, `sortBy` and `sortOrder`, those that are set.
    pub(crate) fn query(&self, req: Request) -> Request {
        req.query_opt("filterValue", self.filter_value.as_ref())
            .query_opt("sortBy", self.sort_by.as_ref())
            .query_opt("sortOrder", self.sort_order.map(|s| s.value()))
    }
}

/// `filter_value`, `sort_by` and `sort_order` setters for a listing of rooms or folder entries
/// whose query, in field `$query`, has a [`TitleSort`] `title_sort`; `$items` names what is
/// listed, for the docs.
macro_rules! title_sort_setters {
    ($query:ident, $items:literal) => {
        #[doc = concat!("Keeps ", $items, " whose title contains `text`.")]
        pub fn filter_value(mut self, text: impl Into<String>) -> Self {
            self.$query.title_sort.filter_value = Some(text.into());
            self
        }

        /// Sort key.
        pub fn sort_by(mut self, by: $crate::models::SortBy) -> Self {
            self.$query.title_sort.sort_by = Some(by);
            self
        }

        /// Sort direction.
        pub fn sort_order(mut self, order: $crate::models::SortOrder) -> Self {
            self.$query.title_sort.sort_order = Some(order);
            self
        }
    };
}

pub(crate) use title_sort_setters;

struct State<T, F, Fut: Future> {
    fetch: F,
    page_size: u32,
    concurrency: usize,
    next_offset: u64,
    /// Offset past the last known item; pages before it are fetched concurrently.
    end: u64,
    in_flight: FuturesOrdered<Fut>,
    buffer: VecDeque<T>,
    first: bool,
    exhausted: bool,
    failed: bool,
}

/// Streams every item from `start`, `page_size` at a time, up to `concurrency` pages at once.
pub(crate) fn stream_pages<T, F, Fut>(
    start: u64,
    page_size: u32,
    concurrency: usize,
    fetch: F,
) -> impl Stream<Item = Result<T, Error>>
where
    F: Fn(u64, u32) -> Fut,
    Fut: Future<Output = Result<Page<T>, Error>>,
{
    let state = State {
        fetch,
        page_size: page_size.max(1),
        concurrency: concurrency.max(1),
        next_offset: start,
        end: start + 1,
        in_flight: FuturesOrdered::new(),
        buffer: VecDeque::new(),
        first: true,
        exhausted: false,
        failed: false,
    };
    stream::unfold(state, |mut st| async move {
        loop {
            if let Some(item) = st.buffer.pop_front() {
                return Some((Ok(item), st));
            }
            if st.failed {
                return None;
            }
            st.refill();
            let result = st.in_flight.next().await?;
            match result {
                Ok(page) => st.absorb(page),
                Err(e) => {
                    st.failed = true;
                    return Some((Err(e), st));
                }
            }
        }
    })
}

impl<T, F, Fut> State<T, F, Fut>
where
    F: Fn(u64, u32) -> Fut,
    Fut: Future<Output = Result<Page<T>, Error>>,
{
    fn refill(&mut self) {
        while !self.exhausted
            && self.in_flight.len() < self.concurrency
            && self.next_offset < self.end
        {
            self.in_flight
                .push_back((self.fetch)(self.next_offset, self.page_size));
            self.next_offset += u64::from(self.page_size);
        }
    }

    fn absorb(&mut self, page: Page<T>) {
        let full = page.items.len() >= self.page_size as usize;
        if self.first {
            self.first = false;
            // `total` counts the whole listing, so it is also the offset past its end.
            self.end = page.total.unwrap_or(self.next_offset).max(self.next_offset);
        }
        if !full {
            // A short page is the end (later pages in flight may still hold items).
            self.exhausted = true;
        } else if self.next_offset >= self.end && self.in_flight.is_empty() {
            // Full up to the expected end: the listing may have grown; probe one more page.
            self.end = self.next_offset + 1;
        }
        self.buffer.extend(page.items);
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::sync::Arc;
    use std::sync::atomic::{AtomicUsize, Ordering};

    use super::*;

    fn source(
        items: u64,
        report_total: bool,
        calls: Arc<AtomicUsize>,
    ) -> impl Fn(u64, u32) -> futures::future::Ready<Result<Page<u64>, Error>> {
        move |offset, count| {
            calls.fetch_add(1, Ordering::SeqCst);
            let end = (offset + u64::from(count)).min(items);
            let page = Page {
                items: (offset.min(items)..end).collect(),
                total: report_total.then_some(items),
            };
            futures::future::ready(Ok(page))
        }
    }

    async fn collect(s: impl Stream<Item = Result<u64, Error>>) -> Vec<u64> {
        s.map(|r| r.unwrap()).collect().await
    }

    #[tokio::test]
    async fn every_item_in_order_with_a_total() {
        let calls = Arc::new(AtomicUsize::new(0));
        let got = collect(stream_pages(0, 10, 4, source(95, true, calls.clone()))).await;
        assert_eq!(got, (0..95).collect::<Vec<_>>());
        assert_eq!(calls.load(Ordering::SeqCst), 10);
    }

    #[tokio::test]
    async fn every_item_without_a_total() {
        let calls = Arc::new(AtomicUsize::new(0));
        let got = collect(stream_pages(0, 10, 4, source(30, false, calls.clone()))).await;
        assert_eq!(got, (0..30).collect::<Vec<_>>());
        // 3 full pages, then an empty one ends it.
        assert_eq!(calls.load(Ordering::SeqCst), 4);
    }

    #[tokio::test]
    async fn an_offset_and_empty_listings() {
        let calls = Arc::new(AtomicUsize::new(0));
        let got = collect(stream_pages(25, 10, 2, source(40, true, calls.clone()))).await;
        assert_eq!(got, (25..40).collect::<Vec<_>>());
        let none = collect(stream_pages(0, 10, 2, source(0, true, calls.clone()))).await;
        assert!(none.is_empty());
    }

    #[tokio::test]
    async fn a_listing_that_grew_is_followed_to_its_end() {
        // Claims 20 items but has 35.
        let fetch = |offset: u64, count: u32| {
            let end = (offset + u64::from(count)).min(35);
            futures::future::ready(Ok(Page {
                items: (offset.min(35)..end).collect(),
                total: Some(20),
            }))
        };
        let got = collect(stream_pages(0, 10, 3, fetch)).await;
        assert_eq!(got, (0..35).collect::<Vec<_>>());
    }

    #[tokio::test]
    async fn an_error_ends_the_stream_after_the_items_before_it() {
        let fetch = |offset: u64, count: u32| {
            futures::future::ready(if offset >= 20 {
                Err(Error::Network("boom".into()))
            } else {
                Ok(Page {
                    items: (offset..offset + u64::from(count)).collect(),
                    total: Some(50),
                })
            })
        };
        let all: Vec<Result<u64, Error>> = stream_pages(0, 10, 2, fetch).collect().await;
        assert_eq!(all.len(), 21);
        assert!(all[..20].iter().all(Result::is_ok));
        assert_eq!(all[20], Err(Error::Network("boom".into())));
    }
}
