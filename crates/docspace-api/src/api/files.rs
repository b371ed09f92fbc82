//! `/api/2.0/files/file/…`: files, simple uploads and downloads.

use serde::Serialize;

use crate::client::Client;
use crate::error::Error;
use crate::models::{File, FileId, FileOperation, FolderId};
use crate::request::{Request, multipart_file, seg};
use crate::validate;

use super::folders::TITLE_MAX;

/// Files; get one with [`Client::files`].
///
/// ```no_run
/// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
/// let file = client.files().upload(57, "notes.txt", b"hello".to_vec()).send().await?;
/// let bytes = client.files().download(&file.id).await?;
/// assert_eq!(bytes, b"hello");
/// # Ok(()) }
/// ```
#[derive(Debug, Clone, Copy)]
pub struct FilesHandler<'c> {
    client: &'c Client,
}

pub(crate) fn file_path(id: &FileId) -> String {
    format!("files/file/{}", seg(id))
}

impl<'c> FilesHandler<'c> {
    pub(crate) fn new(client: &'c Client) -> Self {
        FilesHandler { client }
    }

    /// The client (for the version and link calls in sibling modules).
    pub(crate) fn client(&self) -> &'c Client {
        self.client
    }

    /// Starts reading a file's details.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let f = client.files().get(812).send().await?;
    /// println!("{} ({} bytes)", f.title, f.pure_content_length);
    /// # Ok(()) }
    /// ```
    pub fn get(&self, id: impl Into<FileId>) -> GetFileBuilder<'c> {
        GetFileBuilder {
            client: self.client,
            id: id.into(),
            version: None,
        }
    }

    /// Starts creating an empty document in `folder`. Without an editable extension, DocSpace
    /// appends `.docx`.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let f = client.files().create(57, "Budget.xlsx").send().await?;
    /// # let _ = f;
    /// # Ok(()) }
    /// ```
    pub fn create(
        &self,
        folder: impl Into<FolderId>,
        title: impl Into<String>,
    ) -> CreateFileBuilder<'c> {
        CreateFileBuilder {
            client: self.client,
            folder: folder.into(),
            title: title.into(),
            template_id: None,
        }
    }

    /// Renames a file.
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.files().rename(812, "Q3 final.xlsx").await?;
    /// # Ok(()) }
    /// ```
    pub async fn rename(
        &self,
        id: impl Into<FileId>,
        title: impl Into<String>,
    ) -> Result<File, Error> {
        let title = title.into();
        validate::title("title", &title, TITLE_MAX)?;
        let req =
            Request::put(file_path(&id.into())).json(&super::bodies::Title { title: &title })?;
        self.client.call(req).await
    }

    /// Starts deleting a file (to Trash, or permanently).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// client.files().delete(812).immediately(true).wait().await?;
    /// # Ok(()) }
    /// ```
    pub fn delete(&self, id: impl Into<FileId>) -> DeleteFileBuilder<'c> {
        DeleteFileBuilder {
            client: self.client,
            id: id.into(),
            delete_after: None,
            immediately: None,
        }
    }

    /// A file's content (`filehandler.ashx?action=download`, with the client's credentials).
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let bytes = client.files().download(812).await?;
    /// # let _ = bytes;
    /// # Ok(()) }
    /// ```
    pub async fn download(&self, id: impl Into<FileId>) -> Result<Vec<u8>, Error> {
        let req = Request::get_raw("filehandler.ashx")
            .query("action", "download")
            .query("fileid", id.into());
        Ok(self.client.execute(req).await?.body)
    }

    /// Starts a one-request upload of `data` as `file_name` into `folder` (multipart). For large
    /// files use [`crate::Client::uploads`].
    ///
    /// ```no_run
    /// # async fn demo(client: docspace_api::Client) -> Result<(), docspace_api::Error> {
    /// let f = client.files().upload(57, "a.txt", b"hi".to_vec()).create_new_if_exist(true).send().await?;
    /// # let _ = f;
    /// # Ok(()) }
    /// ```
    pub fn upload(
        &self,
        folder: impl Into<FolderId>,
        file_name: impl Into<String>,
        data: impl Into<bytes::Bytes>,
    ) -> UploadBuilder<'c> {
        UploadBuilder {
            client: self.client,
            folder: folder.into(),
            file_name: file_name.into(),
            data: data.into(),
            create_new_if_exist: None,
        }
    }
}

/// `GET /api/2.0/files/file/{id}`; see [`FilesHandler::get`].
#[derive(Debug, Clone)]
pub struct GetFileBuilder<'c> {
    client: &'c Client,
    id: FileId,
    version: Option<u32>,
}

impl<'c> GetFileBuilder<'c> {
    /// A specific version.
    pub fn version(mut self, v: u32) -> Self {
        self.version = Some(v);
        self
    }

    /// Fetches the details.
    pub async fn send(self) -> Result<File, Error> {
        let req = Request::get(file_path(&self.id)).query_opt("version", self.version);
        self.client.call(req).await
    }
}

/// `POST /api/2.0/files/{folderId}/file`; see [`FilesHandler::create`].
#[derive(Debug, Clone)]
pub struct CreateFileBuilder<'c> {
    client: &'c Client,
    folder: FolderId,
    title: String,
    template_id: Option<FileId>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct CreateFileBody<'a> {
    title: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    template_id: Option<&'a FileId>,
}

impl<'c> CreateFileBuilder<'c> {
    /// Copies an existing file's content.
    pub fn template(mut self, id: impl Into<FileId>) -> Self {
        self.template_id = Some(id.into());
        self
    }

    /// Creates the file.
    pub async fn send(self) -> Result<File, Error> {
        validate::title("title", &self.title, TITLE_MAX)?;
        let body = CreateFileBody {
            title: &self.title,
            template_id: self.template_id.as_ref(),
        };
        let req = Request::post(format!("files/{}/file", seg(&self.folder))).json(&body)?;
        self.client.call(req).await
    }
}

/// `DELETE /api/2.0/files/file/{id}`; see [`FilesHandler::delete`].
#[derive(Debug, Clone)]
pub struct DeleteFileBuilder<'c> {
    client: &'c Client,
    id: FileId,
    delete_after: Option<bool>,
    immediately: Option<bool>,
}

impl<'c> DeleteFileBuilder<'c> {
    delete_setters!();

    /// Starts the deletion.
    pub async fn send(self) -> Result<Vec<FileOperation>, Error> {
        let req = Request::delete(file_path(&self.id)).json(&super::bodies::DeleteOptions {
            delete_after: self.delete_after,
            immediately: self.immediately,
        })?;
        super::operations::started(self.client, req).await
    }

    /// Starts the deletion and waits until it ends.
    pub async fn wait(self) -> Result<Vec<FileOperation>, Error> {
        let client = self.client;
        let ops = self.send().await?;
        client.operations().wait_all(ops).await
    }
}

/// `POST /api/2.0/files/{folderId}/upload`; see [`FilesHandler::upload`].
#[derive(Debug, Clone)]
pub struct UploadBuilder<'c> {
    client: &'c Client,
    folder: FolderId,
    file_name: String,
    data: bytes::Bytes,
    create_new_if_exist: Option<bool>,
}

impl<'c> UploadBuilder<'c> {
    /// `true`: a same-named file gets a new, de-duplicated title; `false` (DocSpace's default):
    /// it gets a new version.
    pub fn create_new_if_exist(mut self, yes: bool) -> Self {
        self.create_new_if_exist = Some(yes);
        self
    }

    /// Uploads the file.
    pub async fn send(self) -> Result<File, Error> {
        validate::title("file_name", &self.file_name, TITLE_MAX)?;
        let (content_type, body) = multipart_file("File", &self.file_name, &self.data);
        let req = Request::post(format!("files/{}/upload", seg(&self.folder)))
            .query_opt("createNewIfExist", self.create_new_if_exist)
            .bytes(content_type, body);
        let files: super::OneOrMany<File> = self.client.call(req).await?;
        files.first().ok_or_else(|| Error::Decode {
            message: "the portal stored no file".into(),
            snippet: String::new(),
        })
    }
}
