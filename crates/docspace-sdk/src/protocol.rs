//! The wire protocol between api.js and the frames, as plain data: what arrives, which method a
//! call is, and what a reply means. Nothing here touches the browser, so it is unit-tested.

use serde_json::Value;

use crate::config::Mode;
use crate::error::SdkError;

/// A frame→host message (always a JSON string on the wire).
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Incoming {
    /// The answer to the oldest pending method call. `data` is `None` when the frame's result
    /// was `undefined` (the key is then absent).
    MethodReturn {
        frame_id: String,
        data: Option<Value>,
    },
    /// An event.
    EventReturn {
        frame_id: String,
        event: String,
        data: Option<Value>,
    },
    /// A command for the host instance (`setConfig`, `setIsLoaded`).
    CallCommand {
        frame_id: String,
        name: String,
        data: Option<Value>,
    },
    /// An error report (no DocSpace page sends these).
    Error { frame_id: String },
    /// Anything else that names a frame.
    Other { frame_id: String },
}

impl Incoming {
    /// The frame the message names.
    pub(crate) fn frame_id(&self) -> &str {
        match self {
            Incoming::MethodReturn { frame_id, .. }
            | Incoming::EventReturn { frame_id, .. }
            | Incoming::CallCommand { frame_id, .. }
            | Incoming::Error { frame_id }
            | Incoming::Other { frame_id } => frame_id,
        }
    }
}

/// Parses a message the way api.js does; `None` for anything api.js would ignore (not a JSON
/// object, or no frame id). In the wasm `JSON.parse` reads it, as in api.js.
pub(crate) fn parse_incoming(raw: &str) -> Option<Incoming> {
    let v = crate::bridge::js::parse_json(raw)?;
    let obj = v.as_object()?;
    let frame_id = obj.get("frameId")?.as_str()?.to_string();
    if frame_id.is_empty() {
        return None;
    }
    let field = |k: &str| obj.get(k).cloned();
    Some(
        match obj.get("type").and_then(Value::as_str).unwrap_or("") {
            "onMethodReturn" => Incoming::MethodReturn {
                frame_id,
                data: field("methodReturnData"),
            },
            "onEventReturn" => {
                let ev = obj.get("eventReturnData");
                Incoming::EventReturn {
                    frame_id,
                    event: ev
                        .and_then(|e| e.get("event"))
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .to_string(),
                    data: ev.and_then(|e| e.get("data")).cloned(),
                }
            }
            "onCallCommand" => Incoming::CallCommand {
                frame_id,
                name: obj
                    .get("commandName")
                    .and_then(Value::as_str)
                    .unwrap_or_default()
                    .to_string(),
                data: field("commandData"),
            },
            "error" => Incoming::Error { frame_id },
            _ => Incoming::Other { frame_id },
        },
    )
}

/// The commands a genuine DocSpace frame sends. api.js would run *any* method of its instance
/// named in a command (`destroyFrame`, `initFrame`, `login`…), so the bridge lets only these
/// through.
pub(crate) const ALLOWED_COMMANDS: &[&str] = &["setConfig", "setIsLoaded"];

/// A host→frame method (api.js `InstanceMethods`), as named in errors.
///
/// ```
/// use docspace_sdk::Method;
/// assert_eq!(Method::GetFolderInfo.name(), "getFolderInfo");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Method {
    /// `setConfig`
    SetConfig,
    /// `getFolderInfo`
    GetFolderInfo,
    /// `getSelection`
    GetSelection,
    /// `getFiles`
    GetFiles,
    /// `getFolders`
    GetFolders,
    /// `getList`
    GetList,
    /// `getRooms`
    GetRooms,
    /// `getUserInfo`
    GetUserInfo,
    /// `getHashSettings`
    GetHashSettings,
    /// `openModal`
    OpenModal,
    /// `createFile`
    CreateFile,
    /// `createFolder`
    CreateFolder,
    /// `createRoom`
    CreateRoom,
    /// `setListView`
    SetListView,
    /// `createHash`
    CreateHash,
    /// `login`
    Login,
    /// `logout`
    Logout,
    /// `createTag`
    CreateTag,
    /// `addTagsToRoom`
    AddTagsToRoom,
    /// `removeTagsFromRoom`
    RemoveTagsFromRoom,
    /// `executeInEditor`
    ExecuteInEditor,
}

impl Method {
    /// The method's name in api.js and on the wire.
    pub fn name(self) -> &'static str {
        match self {
            Method::SetConfig => "setConfig",
            Method::GetFolderInfo => "getFolderInfo",
            Method::GetSelection => "getSelection",
            Method::GetFiles => "getFiles",
            Method::GetFolders => "getFolders",
            Method::GetList => "getList",
            Method::GetRooms => "getRooms",
            Method::GetUserInfo => "getUserInfo",
            Method::GetHashSettings => "getHashSettings",
            Method::OpenModal => "openModal",
            Method::CreateFile => "createFile",
            Method::CreateFolder => "createFolder",
            Method::CreateRoom => "createRoom",
            Method::SetListView => "setListView",
            Method::CreateHash => "createHash",
            Method::Login => "login",
            Method::Logout => "logout",
            Method::CreateTag => "createTag",
            Method::AddTagsToRoom => "addTagsToRoom",
            Method::RemoveTagsFromRoom => "removeTagsFromRoom",
            Method::ExecuteInEditor => "executeInEditor",
        }
    }

    /// Whether a successful call returns data. For these an empty object is how a frame
    /// reports a thrown `Error` (it serializes to `{}`).
    fn returns_data(self) -> bool {
        !matches!(
            self,
            Method::OpenModal
                | Method::SetListView
                | Method::Logout
                | Method::ExecuteInEditor
                | Method::GetUserInfo
        )
    }
}

/// The frames' answer to a method their page does not implement.
const WRONG_METHOD: &str = "Wrong method for this mode";

/// Turns a raw reply into data or a typed error. `Ok(None)`: the call succeeded with no data.
pub(crate) fn classify_reply(
    method: Method,
    mode: Mode,
    raw: Option<Value>,
) -> Result<Option<Value>, SdkError> {
    let frame_err = |message: String, status: Option<u16>| SdkError::Frame {
        method: method.name().into(),
        message,
        status,
    };
    let Some(value) = raw else {
        return if method.returns_data() {
            Err(frame_err("the frame returned nothing".into(), None))
        } else {
            Ok(None)
        };
    };
    match &value {
        Value::String(s) if s == WRONG_METHOD => Err(SdkError::WrongMode {
            method: method.name().into(),
            mode,
        }),
        Value::Object(m) if m.is_empty() => {
            if method.returns_data() {
                Err(frame_err(
                    "the frame reported an error without details".into(),
                    None,
                ))
            } else {
                Ok(None)
            }
        }
        Value::Object(_) if looks_like_error(&value) => {
            let message = value
                .get("message")
                .and_then(Value::as_str)
                .unwrap_or("request failed")
                .to_string();
            Err(frame_err(message, error_status(&value)))
        }
        _ => Ok(Some(value)),
    }
}

/// A serialized exception: an AxiosError's `toJSON()` (`name`, `message`, `stack`, `config`,
/// `status`…) or an object whose only content is an error message.
pub(crate) fn looks_like_error(v: &Value) -> bool {
    let Some(m) = v.as_object() else {
        return false;
    };
    let name = m.get("name").and_then(Value::as_str).unwrap_or("");
    let has_message = m.get("message").is_some_and(Value::is_string);
    name.ends_with("Error")
        || (has_message && (m.contains_key("stack") || m.contains_key("config")))
        || (has_message
            && m.keys()
                .all(|k| matches!(k.as_str(), "message" | "status" | "code")))
}

/// The HTTP status of a serialized AxiosError.
pub(crate) fn error_status(v: &Value) -> Option<u16> {
    v.get("status")
        .or_else(|| v.get("response").and_then(|r| r.get("status")))
        .and_then(Value::as_u64)
        .and_then(|s| u16::try_from(s).ok())
}

/// The reply the bridge feeds itself for a call that timed out (`{"type":"onMethodReturn",
/// "frameId":…,"methodReturnData":{"timedOut":method}}`), dispatched through the guard to
/// unstick api.js after a timeout. Written as text, without a JSON tree.
pub(crate) fn timed_out_reply(frame_id: &str, method: &str) -> String {
    use crate::config::wire::write_str;
    let mut out = String::from(r#"{"type":"onMethodReturn","frameId":"#);
    write_str(&mut out, frame_id);
    out.push_str(r#","methodReturnData":{"timedOut":"#);
    write_str(&mut out, method);
    out.push_str("}}");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    // In wasm messages are read with `JSON.parse`: the same answers are required of it.
    #[cfg(target_arch = "wasm32")]
    use wasm_bindgen_test::wasm_bindgen_test as test;

    #[test]
    fn a_timed_out_reply_is_a_method_return_for_the_frame() {
        let text = timed_out_reply("f\"1", "getFiles");
        let v: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        assert_eq!(
            v,
            json!({"type": "onMethodReturn", "frameId": "f\"1",
                   "methodReturnData": {"timedOut": "getFiles"}})
        );
    }

    #[test]
    fn messages_parse_like_api_js() {
        let m =
            parse_incoming(r#"{"type":"onMethodReturn","frameId":"f1","methodReturnData":[1]}"#);
        assert_eq!(
            m,
            Some(Incoming::MethodReturn {
                frame_id: "f1".into(),
                data: Some(json!([1]))
            })
        );
        let m = parse_incoming(r#"{"type":"onMethodReturn","frameId":"f1"}"#);
        assert_eq!(
            m,
            Some(Incoming::MethodReturn {
                frame_id: "f1".into(),
                data: None
            })
        );
        let e = parse_incoming(
            r#"{"type":"onEventReturn","frameId":"f","eventReturnData":{"event":"onSelectCallback","data":[{"id":1}]}}"#,
        );
        assert!(
            matches!(e, Some(Incoming::EventReturn { ref event, .. }) if event == "onSelectCallback")
        );
        assert_eq!(parse_incoming("not json"), None);
        assert_eq!(parse_incoming(r#"{"type":"onMethodReturn"}"#), None);
        assert_eq!(parse_incoming(r#"[1,2]"#), None);
    }

    #[test]
    fn error_shaped_replies_are_errors() {
        let wrong = classify_reply(
            Method::GetFiles,
            Mode::RoomSelector,
            Some(json!(WRONG_METHOD)),
        );
        assert_eq!(
            wrong,
            Err(SdkError::WrongMode {
                method: "getFiles".into(),
                mode: Mode::RoomSelector
            })
        );
        let axios = json!({"message": "Request failed with status code 401", "name": "AxiosError",
                           "code": "ERR_BAD_REQUEST", "status": 401,
                           "config": {"data": "{\"passwordHash\":\"secret\"}"}});
        let err = classify_reply(Method::Login, Mode::System, Some(axios));
        assert_eq!(
            err,
            Err(SdkError::Frame {
                method: "login".into(),
                message: "Request failed with status code 401".into(),
                status: Some(401)
            })
        );
        assert!(format!("{err:?}").find("secret").is_none());
        assert!(classify_reply(Method::CreateHash, Mode::System, Some(json!({}))).is_err());
        assert!(classify_reply(Method::GetFolderInfo, Mode::Manager, None).is_err());
    }

    #[test]
    fn empty_replies_are_fine_for_methods_without_data() {
        assert_eq!(
            classify_reply(Method::Logout, Mode::System, Some(json!({}))),
            Ok(None)
        );
        assert_eq!(
            classify_reply(Method::SetListView, Mode::Manager, None),
            Ok(None)
        );
        assert_eq!(
            classify_reply(Method::GetUserInfo, Mode::System, None),
            Ok(None)
        );
        assert_eq!(
            classify_reply(Method::GetFiles, Mode::Manager, Some(json!([]))),
            Ok(Some(json!([])))
        );
        // A string result (createTag returns the tag's name) is data.
        assert_eq!(
            classify_reply(Method::CreateTag, Mode::Manager, Some(json!("legal"))),
            Ok(Some(json!("legal")))
        );
    }
}
