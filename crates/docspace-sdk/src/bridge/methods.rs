//! The typed methods of a [`Frame`]: every api.js instance method, returning
//! `Result<T, SdkError>` within the frame's call time limit.
//!
//! Which page answers what (DocSpace's own split): the manager answers all the file, room and
//! tag methods; the system frame answers `get_user_info`, `get_hash_settings`, `create_hash`,
//! `login` and `logout`; the editor answers `execute_in_editor`. Anything else fails with
//! [`SdkError::WrongMode`].

use serde::de::DeserializeOwned;
use serde_json::Value;
use wasm_bindgen::JsValue;

use crate::bridge::frame::Frame;
use crate::bridge::js::{id_to_js, opt_id, to_js};
use crate::config::ViewAs;
use crate::error::SdkError;
use crate::events::selection;
use crate::model::{
    EditorScript, FileItem, FolderInfo, FolderItem, HashSettings, Item, ItemId, LoginOutcome,
    Modal, NewFile, NewRoom, Password, PasswordHash, RoomItem, RoomsPage, RoomsQuery, UserInfo,
    login_outcome, non_empty_title,
};
use crate::protocol::Method;

fn decode<T: DeserializeOwned>(method: Method, value: Value) -> Result<T, SdkError> {
    serde_json::from_value(value).map_err(|e| SdkError::UnexpectedReply {
        method: method.name().into(),
        detail: e.to_string(),
    })
}

fn missing(method: Method) -> SdkError {
    SdkError::UnexpectedReply {
        method: method.name().into(),
        detail: "no data".into(),
    }
}

fn strings(values: &[impl AsRef<str>]) -> JsValue {
    values
        .iter()
        .map(|s| JsValue::from_str(s.as_ref()))
        .collect::<js_sys::Array>()
        .into()
}

impl Frame {
    async fn typed<T: DeserializeOwned>(
        &self,
        method: Method,
        args: &[JsValue],
    ) -> Result<T, SdkError> {
        let value = self
            .call(method, args)
            .await?
            .ok_or_else(|| missing(method))?;
        decode(method, value)
    }

    async fn items(&self, method: Method) -> Result<Vec<Item>, SdkError> {
        let value = self
            .call(method, &[])
            .await?
            .ok_or_else(|| missing(method))?;
        selection(self.mode(), value).map_err(|detail| SdkError::UnexpectedReply {
            method: method.name().into(),
            detail,
        })
    }

    /// The folder the manager shows.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let folder = frame.get_folder_info().await?;
    /// println!("in {:?}", folder.title);
    /// # Ok(()) }
    /// ```
    pub async fn get_folder_info(&self) -> Result<FolderInfo, SdkError> {
        self.typed(Method::GetFolderInfo, &[]).await
    }

    /// The items selected in the manager.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// for item in frame.get_selection().await? {
    ///     println!("{}", item.title());
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn get_selection(&self) -> Result<Vec<Item>, SdkError> {
        self.items(Method::GetSelection).await
    }

    /// The files of the manager's current folder.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let files = frame.get_files().await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_files(&self) -> Result<Vec<FileItem>, SdkError> {
        self.typed(Method::GetFiles, &[]).await
    }

    /// The folders (or rooms) of the manager's current folder.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let folders = frame.get_folders().await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_folders(&self) -> Result<Vec<Item>, SdkError> {
        self.items(Method::GetFolders).await
    }

    /// Folders and files as the manager lists them.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let list = frame.get_list().await?;
    /// # Ok(()) }
    /// ```
    pub async fn get_list(&self) -> Result<Vec<Item>, SdkError> {
        self.items(Method::GetList).await
    }

    /// A page of rooms.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// use docspace_sdk::RoomsQuery;
    /// let page = frame.get_rooms(&RoomsQuery::new().search("plan")).await?;
    /// println!("{} rooms", page.folders.len());
    /// # Ok(()) }
    /// ```
    pub async fn get_rooms(&self, query: &RoomsQuery) -> Result<RoomsPage, SdkError> {
        self.typed(Method::GetRooms, &[to_js(&query.to_json())])
            .await
    }

    /// The signed-in user; `None` when nobody is signed in.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// match frame.get_user_info().await? {
    ///     Some(user) => println!("hello {:?}", user.display_name),
    ///     None => println!("not signed in"),
    /// }
    /// # Ok(()) }
    /// ```
    pub async fn get_user_info(&self) -> Result<Option<UserInfo>, SdkError> {
        match self.call(Method::GetUserInfo, &[]).await? {
            None => Ok(None),
            Some(Value::Object(m)) if m.is_empty() => Ok(None),
            Some(v) => decode(Method::GetUserInfo, v).map(Some),
        }
    }

    /// The portal's password-hash parameters.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let settings = frame.get_hash_settings().await?;
    /// assert!(settings.iterations > 0);
    /// # Ok(()) }
    /// ```
    pub async fn get_hash_settings(&self) -> Result<HashSettings, SdkError> {
        self.typed(Method::GetHashSettings, &[]).await
    }

    /// Hashes `password` the way DocSpace signs in (inside the frame).
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let settings = frame.get_hash_settings().await?;
    /// let hash = frame.create_hash(&"secret".into(), &settings).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_hash(
        &self,
        password: &Password,
        settings: &HashSettings,
    ) -> Result<PasswordHash, SdkError> {
        if password.expose().is_empty() {
            return Err(SdkError::InvalidArgument("the password is empty".into()));
        }
        let settings =
            serde_json::to_value(settings).map_err(|e| SdkError::InvalidArgument(e.to_string()))?;
        let value = self
            .call(
                Method::CreateHash,
                &[JsValue::from_str(password.expose()), to_js(&settings)],
            )
            .await?
            .ok_or_else(|| missing(Method::CreateHash))?;
        match value {
            Value::String(h) if !h.is_empty() => Ok(PasswordHash::new(h)),
            _ => Err(SdkError::UnexpectedReply {
                method: Method::CreateHash.name().into(),
                detail: "expected a hex string".into(),
            }),
        }
    }

    /// Signs in inside the frame (its session cookie then serves every frame of the portal).
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame, hash: docspace_sdk::PasswordHash) -> Result<(), docspace_sdk::SdkError> {
    /// let outcome = frame.login("owner@example.com", &hash).await?;
    /// # Ok(()) }
    /// ```
    pub async fn login(&self, email: &str, hash: &PasswordHash) -> Result<LoginOutcome, SdkError> {
        if email.trim().is_empty() {
            return Err(SdkError::InvalidArgument("the email is empty".into()));
        }
        let reply = self
            .call(
                Method::Login,
                &[
                    JsValue::from_str(email.trim()),
                    JsValue::from_str(hash.expose()),
                ],
            )
            .await;
        let value = match reply {
            Ok(v) => v.ok_or_else(|| missing(Method::Login))?,
            Err(SdkError::Frame {
                message, status, ..
            }) => return Err(SdkError::LoginFailed { message, status }),
            Err(e) => return Err(e),
        };
        login_outcome(value)
    }

    /// Signs in with a password: hash parameters, hash, login, all through this frame
    /// (a system or manager frame).
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// frame.sign_in("owner@example.com", "secret").await?;
    /// # Ok(()) }
    /// ```
    pub async fn sign_in(
        &self,
        email: &str,
        password: impl Into<Password>,
    ) -> Result<LoginOutcome, SdkError> {
        let password = password.into();
        let settings = self.get_hash_settings().await?;
        let hash = self.create_hash(&password, &settings).await?;
        self.login(email, &hash).await
    }

    /// Signs out.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// frame.logout().await?;
    /// # Ok(()) }
    /// ```
    pub async fn logout(&self) -> Result<(), SdkError> {
        self.call(Method::Logout, &[]).await.map(|_| ())
    }

    /// Creates a file.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// use docspace_sdk::NewFile;
    /// let file = frame.create_file(&NewFile::new(12, "Notes.docx")).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_file(&self, file: &NewFile) -> Result<FileItem, SdkError> {
        file.validate()?;
        self.typed(
            Method::CreateFile,
            &[
                id_to_js(&file.folder_id),
                JsValue::from_str(&file.title),
                opt_id(file.template_id.as_ref()),
                opt_id(file.form_id.as_ref()),
            ],
        )
        .await
    }

    /// Creates a folder.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let folder = frame.create_folder(12, "Drafts").await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_folder(
        &self,
        parent: impl Into<ItemId>,
        title: &str,
    ) -> Result<FolderItem, SdkError> {
        non_empty_title(title)?;
        self.typed(
            Method::CreateFolder,
            &[id_to_js(&parent.into()), JsValue::from_str(title)],
        )
        .await
    }

    /// Creates a room.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// use docspace_sdk::{NewRoom, RoomType};
    /// let room = frame.create_room(&NewRoom::new("Contracts", RoomType::Custom)).await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_room(&self, room: &NewRoom) -> Result<RoomItem, SdkError> {
        room.validate()?;
        let opt = |v: Option<JsValue>| v.unwrap_or(JsValue::UNDEFINED);
        self.typed(
            Method::CreateRoom,
            &[
                JsValue::from_str(&room.title),
                JsValue::from_f64(f64::from(room.room_type.value())),
                opt(room.quota.map(|q| JsValue::from_f64(q as f64))),
                opt(room.tags.as_deref().map(strings)),
                opt(room.color.as_deref().map(JsValue::from_str)),
                opt(room.cover.as_deref().map(JsValue::from_str)),
                opt(room.indexing.map(JsValue::from_bool)),
                opt(room.deny_download.map(JsValue::from_bool)),
            ],
        )
        .await
    }

    /// Changes the manager's list layout.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// frame.set_list_view(docspace_sdk::ViewAs::Tile).await?;
    /// # Ok(()) }
    /// ```
    pub async fn set_list_view(&self, view: ViewAs) -> Result<(), SdkError> {
        self.call(Method::SetListView, &[JsValue::from_str(view.as_str())])
            .await
            .map(|_| ())
    }

    /// Creates a tag; returns its name.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let tag = frame.create_tag("legal").await?;
    /// # Ok(()) }
    /// ```
    pub async fn create_tag(&self, name: &str) -> Result<String, SdkError> {
        if name.trim().is_empty() {
            return Err(SdkError::InvalidArgument("the tag is empty".into()));
        }
        self.typed(Method::CreateTag, &[JsValue::from_str(name)])
            .await
    }

    /// Adds tags to a room; returns the room.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let room = frame.add_tags_to_room(12, &["legal"]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn add_tags_to_room(
        &self,
        room: impl Into<ItemId>,
        tags: &[impl AsRef<str>],
    ) -> Result<RoomItem, SdkError> {
        self.typed(
            Method::AddTagsToRoom,
            &[id_to_js(&room.into()), strings(tags)],
        )
        .await
    }

    /// Removes tags from a room; returns the room.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let room = frame.remove_tags_from_room(12, &["legal"]).await?;
    /// # Ok(()) }
    /// ```
    pub async fn remove_tags_from_room(
        &self,
        room: impl Into<ItemId>,
        tags: &[impl AsRef<str>],
    ) -> Result<RoomItem, SdkError> {
        self.typed(
            Method::RemoveTagsFromRoom,
            &[id_to_js(&room.into()), strings(tags)],
        )
        .await
    }

    /// Opens one of the manager's dialogs.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// use docspace_sdk::Modal;
    /// frame.open_modal(&Modal::CreateFile { extension: "docx".into() }).await?;
    /// # Ok(()) }
    /// ```
    pub async fn open_modal(&self, modal: &Modal) -> Result<(), SdkError> {
        let (kind, options) = modal.wire();
        self.call(
            Method::OpenModal,
            &[JsValue::from_str(kind), to_js(&options)],
        )
        .await
        .map(|_| ())
    }

    /// Sends config values to the frame as they are (api.js `setConfig`); returns what the frame
    /// echoes. Prefer [`Frame::reconfigure`], which knows which values need a new frame.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// let echo = frame.set_config(serde_json::json!({"showTitle": false})).await?;
    /// assert_eq!(echo["showTitle"], false);
    /// # Ok(()) }
    /// ```
    pub async fn set_config(&self, values: Value) -> Result<Value, SdkError> {
        if !values.is_object() {
            return Err(SdkError::InvalidArgument(
                "config values must be an object".into(),
            ));
        }
        self.call(Method::SetConfig, &[to_js(&values)])
            .await?
            .ok_or_else(|| missing(Method::SetConfig))
    }

    /// Runs `script` in the editor's page with `data`.
    ///
    /// ```no_run
    /// # async fn demo(frame: docspace_sdk::Frame) -> Result<(), docspace_sdk::SdkError> {
    /// use docspace_sdk::EditorScript;
    /// let script = EditorScript::new("function (instance, asc, data) { console.log(data.note); }");
    /// frame.execute_in_editor(&script, Some(serde_json::json!({"note": "hi"}))).await?;
    /// # Ok(()) }
    /// ```
    pub async fn execute_in_editor(
        &self,
        script: &EditorScript,
        data: Option<Value>,
    ) -> Result<(), SdkError> {
        if script.source().trim().is_empty() {
            return Err(SdkError::InvalidArgument("the script is empty".into()));
        }
        self.call(
            Method::ExecuteInEditor,
            &[
                JsValue::from_str(script.source()),
                data.as_ref().map_or(JsValue::UNDEFINED, to_js),
            ],
        )
        .await
        .map(|_| ())
    }
}
