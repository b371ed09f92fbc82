//! The frame URL per mode: a mirror of api.js's `getFramePath`, so the bridge knows which page a
//! config loads (for diagnostics, and to tell a live change from one that needs a new frame).

use super::{FrameConfig, Mode};

/// Query parameters in insertion order; `None` values are dropped, as api.js drops
/// `null`/`undefined`.
struct Query(Vec<(String, String)>);

impl Query {
    fn new() -> Self {
        Query(Vec::new())
    }

    fn put(&mut self, key: &str, value: Option<String>) {
        if let Some(v) = value {
            match self.0.iter_mut().find(|(k, _)| k == key) {
                // Assigning an existing JS key keeps its position.
                Some(slot) => slot.1 = v,
                None => self.0.push((key.to_string(), v)),
            }
        }
    }

    fn remove(&mut self, key: &str) {
        self.0.retain(|(k, _)| k != key);
    }

    fn get(&self, key: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// `URLSearchParams#toString`: application/x-www-form-urlencoded.
    fn encode(&self) -> String {
        let mut s = String::new();
        for (i, (k, v)) in self.0.iter().enumerate() {
            if i > 0 {
                s.push('&');
            }
            form_encode(&mut s, k);
            s.push('=');
            form_encode(&mut s, v);
        }
        s
    }

    /// `?query`, or nothing when empty.
    fn suffix(&self) -> String {
        if self.0.is_empty() {
            String::new()
        } else {
            format!("?{}", self.encode())
        }
    }
}

/// `application/x-www-form-urlencoded` byte serialization (what `URLSearchParams` and
/// `form_urlencoded::byte_serialize` do), without the latter's 768-byte `%XX` table.
fn form_encode(out: &mut String, s: &str) {
    const HEX: &[u8; 16] = b"0123456789ABCDEF";
    for &b in s.as_bytes() {
        match b {
            b'*' | b'-' | b'.' | b'_' | b'0'..=b'9' | b'A'..=b'Z' | b'a'..=b'z' => {
                out.push(b as char)
            }
            b' ' => out.push('+'),
            _ => {
                out.push('%');
                out.push(HEX[usize::from(b >> 4)] as char);
                out.push(HEX[usize::from(b & 15)] as char);
            }
        }
    }
}

fn s(v: &str) -> Option<String> {
    Some(v.to_string())
}

impl FrameConfig {
    /// The path and query api.js appends to the portal origin for this config.
    /// `editor_close_event`: whether an `on_editor_close` handler is set.
    ///
    /// ```
    /// use docspace_sdk::{FrameConfig, Mode};
    /// let cfg = FrameConfig::new(Mode::RoomSelector).accept_button_label("Pick");
    /// assert_eq!(
    ///     cfg.frame_path(false),
    ///     "/sdk/room-selector?theme=System&acceptLabel=Pick&cancel=false&header=false&search=true"
    /// );
    /// ```
    pub fn frame_path(&self, editor_close_event: bool) -> String {
        let w = self.settings(editor_close_event);
        let get = |k: &str| {
            w.iter()
                .find(|(key, _)| *key == k)
                .and_then(|(_, v)| v.js_string())
        };
        let mut q = Query::new();
        q.put("theme", get("theme"));
        q.put("locale", get("locale"));
        let selector = |q: &mut Query| {
            q.put("acceptLabel", get("acceptButtonLabel"));
            q.put("cancel", get("showSelectorCancel"));
            q.put("cancelLabel", get("cancelButtonLabel"));
            q.put("header", get("showSelectorHeader"));
            q.put("roomType", get("roomType"));
            q.put("search", get("withSearch"));
        };
        let editor = |q: &mut Query| {
            q.put("isSDK", s("true"));
            let file_id = match &self.id {
                Some(id)
                    if id.is_truthy()
                        && !matches!(id.to_string().as_str(), "undefined" | "null") =>
                {
                    id.to_string()
                }
                _ => "-1".to_string(),
            };
            q.put("fileId", Some(file_id));
            q.put("editorType", get("editorType"));
            let token = self.request_token.as_ref().map(|k| k.expose().to_string());
            q.put("share", token.clone().filter(|t| !t.is_empty()));
            q.put(
                "is_file",
                token.filter(|t| !t.is_empty()).map(|_| "true".into()),
            );
            let go_back = if editor_close_event {
                s("event")
            } else if self.editor_go_back {
                s("true")
            } else {
                None
            };
            q.put("editorGoBack", go_back);
        };
        match self.mode {
            Mode::Manager => self.manager_path(),
            Mode::RoomSelector => {
                selector(&mut q);
                format!("/sdk/room-selector{}", q.suffix())
            }
            Mode::FileSelector => {
                selector(&mut q);
                q.put("breadCrumbs", get("withBreadCrumbs"));
                q.put("filter", get("filterParam"));
                q.put("id", get("id"));
                q.put("selectorType", get("selectorType"));
                q.put("subtitle", get("withSubtitle"));
                format!("/sdk/file-selector{}", q.suffix())
            }
            Mode::PublicRoom => {
                q.put("folder", get("id"));
                q.put("key", get("requestToken"));
                q.put("showFilter", get("showFilter"));
                q.put("showHeader", get("showHeader"));
                q.put("showTitle", get("showTitle"));
                format!("/sdk/public-room{}", q.suffix())
            }
            Mode::System => format!("/old-sdk/system{}", q.suffix()),
            Mode::Editor => {
                editor(&mut q);
                format!("/doceditor{}", q.suffix())
            }
            Mode::Viewer => {
                editor(&mut q);
                q.put("action", s("view"));
                format!("/doceditor{}", q.suffix())
            }
        }
    }

    fn manager_path(&self) -> String {
        let token = self
            .request_token
            .as_ref()
            .map(|k| k.expose().to_string())
            .filter(|t| !t.is_empty());
        let id = self.id.as_ref().filter(|id| id.is_truthy());
        let mut q = Query::new();
        if let Some(t) = &token {
            q.put("key", Some(t.clone()));
        }
        for (k, v) in self.filter.pairs() {
            q.put(k, v.js_string());
        }
        if let Some(id) = id {
            q.put("folder", Some(id.to_string()));
        }
        if q.get("withSubfolders") != Some("true") {
            q.remove("withSubfolders");
        }
        match (token, id) {
            (Some(_), _) => format!("{}?{}", self.root_path, q.encode()),
            (None, Some(id)) => format!("{}{id}/filter?{}", self.root_path, q.encode()),
            (None, None) => format!("{}filter?{}", self.root_path, q.encode()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::super::*;

    #[test]
    fn form_encoding_is_form_urlencoded_byte_serialize() {
        let all: String = (1u32..0x250).filter_map(char::from_u32).collect();
        for sample in [all.as_str(), "a b+c*-._~!'()&=%/?#", "", "日本 €"] {
            let mut ours = String::new();
            super::form_encode(&mut ours, sample);
            let theirs: String = form_urlencoded::byte_serialize(sample.as_bytes()).collect();
            assert_eq!(ours, theirs, "{sample}");
        }
    }

    /// `URLSearchParams#toString`, which api.js uses: space is `+`, a literal `+` is `%2B`,
    /// `*-._` stay, every other byte of the UTF-8 is `%XX` in upper case.
    #[test]
    fn query_values_encode_like_url_search_params() {
        let search = |s: &str| {
            let path = FrameConfig::new(Mode::Manager)
                .filter(Filter::default().search(s))
                .frame_path(false);
            path.split_once("&search=")
                .map(|(_, v)| v.to_string())
                .unwrap_or_else(|| panic!("{path}"))
        };
        assert_eq!(search("a b"), "a+b");
        assert_eq!(search("1+1=2"), "1%2B1%3D2");
        assert_eq!(search("a/b?c#d&e"), "a%2Fb%3Fc%23d%26e");
        assert_eq!(search("*-._~!'()"), "*-._%7E%21%27%28%29");
        assert_eq!(search("Grüße"), "Gr%C3%BC%C3%9Fe");
        assert_eq!(search("📁 1"), "%F0%9F%93%81+1");
        assert_eq!(search("%20"), "%2520");
    }

    #[test]
    fn manager_paths_follow_get_frame_path() {
        let m = FrameConfig::new(Mode::Manager);
        assert_eq!(
            m.frame_path(false),
            "/rooms/shared/filter?count=100&page=1&sortOrder=descending&sortBy=DateAndTime&search="
        );
        assert_eq!(
            m.clone().id(12).frame_path(false),
            "/rooms/shared/12/filter?count=100&page=1&sortOrder=descending&sortBy=DateAndTime&search=&folder=12"
        );
        assert_eq!(
            m.clone()
                .filter(Filter::default().with_subfolders(true).search("a b&c"))
                .frame_path(false),
            "/rooms/shared/filter?count=100&page=1&sortOrder=descending&sortBy=DateAndTime&search=a+b%26c&withSubfolders=true"
        );
        assert_eq!(
            m.request_token("k1").frame_path(false),
            "/rooms/shared/?key=k1&count=100&page=1&sortOrder=descending&sortBy=DateAndTime&search="
        );
    }

    #[test]
    fn selector_and_room_paths() {
        let f = FrameConfig::new(Mode::FileSelector)
            .id(7)
            .filter_param(FilterParam::Docx)
            .selector_type(SelectorType::RoomsOnly)
            .locale("de");
        assert_eq!(
            f.frame_path(false),
            "/sdk/file-selector?theme=System&locale=de&cancel=false&header=false&search=true&breadCrumbs=true&filter=DOCX&id=7&selectorType=roomsOnly&subtitle=true"
        );
        let r = FrameConfig::new(Mode::RoomSelector).room_type(RoomType::Custom);
        assert_eq!(
            r.frame_path(false),
            "/sdk/room-selector?theme=System&cancel=false&header=false&roomType=5&search=true"
        );
        let p = FrameConfig::new(Mode::PublicRoom)
            .request_token("abc")
            .id(3);
        assert_eq!(
            p.frame_path(false),
            "/sdk/public-room?theme=System&folder=3&key=abc&showFilter=false&showHeader=false&showTitle=true"
        );
        assert_eq!(
            FrameConfig::new(Mode::System)
                .theme(Theme::Dark)
                .frame_path(false),
            "/old-sdk/system?theme=Dark"
        );
    }

    #[test]
    fn editor_paths() {
        let e = FrameConfig::new(Mode::Editor).id(42);
        assert_eq!(
            e.frame_path(false),
            "/doceditor?theme=System&isSDK=true&fileId=42&editorType=desktop&editorGoBack=true"
        );
        assert_eq!(
            e.clone().editor_go_back(false).frame_path(false),
            "/doceditor?theme=System&isSDK=true&fileId=42&editorType=desktop"
        );
        assert_eq!(
            e.frame_path(true),
            "/doceditor?theme=System&isSDK=true&fileId=42&editorType=desktop&editorGoBack=event"
        );
        let v = FrameConfig::new(Mode::Viewer).request_token("t");
        assert_eq!(
            v.frame_path(false),
            "/doceditor?theme=System&isSDK=true&fileId=-1&editorType=desktop&share=t&is_file=true&editorGoBack=true&action=view"
        );
    }
}
