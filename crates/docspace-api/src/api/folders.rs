//! `/api/2.0/files/{folderId}`, `/api/2.0/files/folder/…`: folders and their contents.

use futures::Stream;

use crate::client::Client;
use crate::error::Error;
use crate::models::{
    ApplyFilterOption, Entry, EntryBase, FileOperation, FilterType, Folder, FolderContent, FolderId,
};
use crate::paging::{Page, TitleSort, page_setters, stream_listing, title_sort_setters};
use crate::request::{Request, seg};
use crate::validate;

/// Longest folder title DocSpace accepts.
pub(crate) const TITLE_MAX: usize = docspace_types::ENTRY_TITLE_MAX;

/// Folders; get one with [`Client::folders`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// let drafts = client.folders().create(57, "Drafts").await?;
/// let page = client.folders().contents(&drafts.id).send().await?;
/// assert_eq!(page.total, 0);
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct FoldersHandler<'c> {
    client: &'c Client,
}

impl<'c> FoldersHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        FoldersHandler { client }
    }

    /// Starts a listing of a folder's (or room's) contents.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// use futures::TryStreamExt;
    /// let entries: Vec<_> = client.folders().contents(57).stream().try_collect().await?;
    /// for e in entries { println!("{}", e.title()); }
    /// # Ok(()) }
    /// ```
    pub fn contents(&self, id: impl Into<FolderId>) -> FolderContentsBuilder<'c> {
        FolderContentsBuilder::new(self.client, seg(id.into()))
    }

    /// Starts a listing of the caller's "My documents" (`@my`).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let my = client.folders().my().send().await?;
    /// println!("My documents is folder {}", my.current.id);
    /// # Ok(()) }
    /// ```
    #[doc(alias = "my_documents")]
    pub fn my(&self) -> FolderContentsBuilder<'c> {
        FolderContentsBuilder::new(self.client, "@my".to_string())
    }

    /// The same listing as [`my`](Self::my), under the section's name in DocSpace's web UI.
    pub fn my_documents(&self) -> FolderContentsBuilder<'c> {
        self.my()
    }

    /// Starts a listing of the caller's "Recent" section (`@recent`): the files they opened,
    /// latest first, that they may still read (guests too; nothing in a Trash).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let recent = client.folders().recent().count(10).send().await?;
    /// for f in recent.files { println!("{}", f.title); }
    /// # Ok(()) }
    /// ```
    pub fn recent(&self) -> FolderContentsBuilder<'c> {
        FolderContentsBuilder::new(self.client, "@recent".to_string())
    }

    /// Starts a listing of the caller's "Favorites" section (`@favorites`): the folders, then the
    /// files, they marked with [`OperationsHandler::add_favorites`](super::OperationsHandler::add_favorites).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let favs = client.folders().favorites().send().await?;
    /// println!("{} favourites", favs.total);
    /// # Ok(()) }
    /// ```
    pub fn favorites(&self) -> FolderContentsBuilder<'c> {
        FolderContentsBuilder::new(self.client, "@favorites".to_string())
    }

    /// The sections of the portal the caller sees (`@root`): My documents, Rooms, Archive,
    /// Trash…, each with its first entries.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// for section in client.folders().root().await? { println!("{}", section.current.title); }
    /// # Ok(()) }
    /// ```
    pub async fn root(&self) -> Result<Vec<FolderContent>, Error> {
        self.client.call(Request::get("files/@root")).await
    }

    /// A folder's details.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let f = client.folders().get(58).await?;
    /// println!("{} holds {} files", f.title, f.files_count);
    /// # Ok(()) }
    /// ```
    pub async fn get(&self, id: impl Into<FolderId>) -> Result<Folder, Error> {
        self.client
            .call(Request::get(format!("files/folder/{}", seg(id.into()))))
            .await
    }

    /// The breadcrumb from the section down to a folder.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let crumbs = client.folders().path(58).await?;
    /// println!("{}", crumbs.iter().map(|c| c.title.as_str()).collect::<Vec<_>>().join(" / "));
    /// # Ok(()) }
    /// ```
    pub async fn path(&self, id: impl Into<FolderId>) -> Result<Vec<EntryBase>, Error> {
        self.client
            .call(Request::get(format!(
                "files/folder/{}/path",
                seg(id.into())
            )))
            .await
    }

    /// A folder's direct subfolders, in the light form.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// for f in client.folders().subfolders(57).await? { println!("{}", f.title); }
    /// # Ok(()) }
    /// ```
    pub async fn subfolders(&self, id: impl Into<FolderId>) -> Result<Vec<EntryBase>, Error> {
        self.client
            .call(Request::get(format!("files/{}/subfolders", seg(id.into()))))
            .await
    }

    /// Creates a folder in `parent` (a folder or a room).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let f = client.folders().create(57, "Signed").await?;
    /// assert_eq!(f.title, "Signed");
    /// # Ok(()) }
    /// ```
    pub async fn create(
        &self,
        parent: impl Into<FolderId>,
        title: impl Into<String>,
    ) -> Result<Folder, Error> {
        let title = title.into();
        validate::title("title", &title, TITLE_MAX)?;
        let req = Request::post(format!("files/folder/{}", seg(parent.into())))
            .json(&super::bodies::Title { title: &title })?;
        self.client.call(req).await
    }

    /// Renames a folder.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.folders().rename(58, "Final").await?;
    /// # Ok(()) }
    /// ```
    pub async fn rename(
        &self,
        id: impl Into<FolderId>,
        title: impl Into<String>,
    ) -> Result<Folder, Error> {
        let title = title.into();
        validate::title("title", &title, TITLE_MAX)?;
        let req = Request::put(format!("files/folder/{}", seg(id.into())))
            .json(&super::bodies::Title { title: &title })?;
        self.client.call(req).await
    }

    /// Starts deleting a folder (to Trash, or permanently).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.folders().delete(58).immediately(true).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn delete(&self, id: impl Into<FolderId>) -> DeleteFolderBuilder<'c> {
        DeleteFolderBuilder {
            client: self.client,
            id: id.into(),
            delete_after: None,
            immediately: None,
        }
    }
}

#[derive(Debug, Clone)]
struct ContentsQuery {
    /// Encoded path segment: an id or an alias (`@my`).
    folder: String,
    filter_type: Option<FilterType>,
    apply_filter_option: Option<ApplyFilterOption>,
    with_subfolders: Option<bool>,
    extension: Option<String>,
    title_sort: TitleSort,
    start_index: u64,
    count: u32,
}

impl ContentsQuery {
    fn request(&self, start: u64, count: u32) -> Request {
        let req = Request::get(format!("files/{}", self.folder))
            .query_opt("filterType", self.filter_type.map(|f| f.value()))
            .query_opt(
                "applyFilterOption",
                self.apply_filter_option.map(|f| f.value()),
            )
            .query_opt("withSubFolders", self.with_subfolders)
            .query_opt("extension", self.extension.as_ref());
        self.title_sort
            .query(req)
            .query("startIndex", start)
            .query("count", count)
    }
}

/// `GET /api/2.0/files/{folderId}`; see [`FoldersHandler::contents`].
#[derive(Debug, Clone)]
pub struct FolderContentsBuilder<'c> {
    client: &'c Client,
    query: ContentsQuery,
}

impl<'c> FolderContentsBuilder<'c> {
    fn new(client: &'c Client, folder: String) -> Self {
        FolderContentsBuilder {
            client,
            query: ContentsQuery {
                folder,
                filter_type: None,
                apply_filter_option: None,
                with_subfolders: None,
                extension: None,
                title_sort: TitleSort::default(),
                start_index: 0,
                count: 100,
            },
        }
    }

    /// Keeps entries of one kind.
    pub fn filter_type(mut self, f: FilterType) -> Self {
        self.query.filter_type = Some(f);
        self
    }

    /// Files only, folders only, or both.
    pub fn apply_filter_option(mut self, f: ApplyFilterOption) -> Self {
        self.query.apply_filter_option = Some(f);
        self
    }

    /// Searches subfolders too.
    pub fn with_subfolders(mut self, yes: bool) -> Self {
        self.query.with_subfolders = Some(yes);
        self
    }

    /// Keeps files with this extension (with [`FilterType::ByExtension`]).
    pub fn extension(mut self, ext: impl Into<String>) -> Self {
        self.query.extension = Some(ext.into());
        self
    }

    title_sort_setters!(query, "entries");

    page_setters!(query, "entry");

    /// Fetches one page with the folder, its breadcrumb and the total.
    pub async fn send(self) -> Result<FolderContent, Error> {
        validate::count(self.query.count)?;
        let req = self.query.request(self.query.start_index, self.query.count);
        self.client.call(req).await
    }

    /// Streams every entry (on each page folders first, then files).
    pub fn stream(self) -> impl Stream<Item = Result<Entry, Error>> + use<> {
        let (input, query) = (validate::count(self.query.count), self.query);
        let pages = (query.start_index, query.count);
        let request = move |offset, n| query.request(offset, n);
        stream_listing(self.client.clone(), input, pages, request, entries_page)
    }
}

/// The entries of a folder's page and the folder's total.
async fn entries_page(client: Client, req: Request) -> Result<Page<Entry>, Error> {
    let c: FolderContent = client.call(req).await?;
    let total = Some(c.total);
    Ok(Page {
        items: c.into_entries(),
        total,
    })
}

/// `DELETE /api/2.0/files/folder/{id}`; see [`FoldersHandler::delete`].
#[derive(Debug, Clone)]
pub struct DeleteFolderBuilder<'c> {
    client: &'c Client,
    id: FolderId,
    delete_after: Option<bool>,
    immediately: Option<bool>,
}

impl<'c> DeleteFolderBuilder<'c> {
    delete_setters!();

    /// Starts the deletion.
    pub async fn send(self) -> Result<Vec<FileOperation>, Error> {
        let body = super::bodies::DeleteOptions {
            delete_after: self.delete_after,
            immediately: self.immediately,
        };
        let req = Request::delete(format!("files/folder/{}", seg(&self.id))).json(&body)?;
        super::operations::started(self.client, req).await
    }

    /// Starts the deletion and waits until it ends.
    pub async fn wait(self) -> Result<Vec<FileOperation>, Error> {
        let client = self.client;
        let ops = self.send().await?;
        client.operations().wait_all(ops).await
    }
}
