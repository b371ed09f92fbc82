//! Files, folders, rooms-as-folders and folder contents (ONLYOFFICE/DocSpace-server: `products/ASC.Files/Server/Api/FilesController.cs`, `FoldersController.cs`).

mod content;
mod entry_fields;
mod file;
mod filters;
mod folder;
mod security;
mod status;

pub use content::{Entry, EntryBase, FolderContent, PathPart, RoomsPage};
pub use docspace_types::{FileEntryType, FileShare, FileType, FolderType};
pub use file::File;
pub use filters::{ApplyFilterOption, FilterType};
pub use folder::{Folder, Room};
pub use security::EntrySecurity;
pub use status::{FileStatus, ThumbnailStatus};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::models::{FileId, FolderId, RoomType};

    const ROOM: &str = r#"{"id":57,"title":"Contracts","access":0,"shared":false,"created":"2025-05-02T10:11:12.0000000+02:00",
      "createdBy":{"id":"u","displayName":"Owner"},"updated":"2025-05-02T10:11:12.0000000+02:00",
      "rootFolderType":14,"parentRoomType":19,"fileEntryType":1,"rootFolderId":3,"canShare":true,
      "security":{"Read":true,"EditRoom":true,"Delete":false,"FutureAction":true},
      "availableShareRights":{"User":["RoomManager","ContentCreator","Editing","Review","Comment","Read","None"],"ExternalLink":["Read","Teleport"]},
      "shareSettings":{"PrimaryExternalLink":1},"parentId":3,"filesCount":2,"foldersCount":1,"isShareable":true,
      "new":0,"mute":false,"tags":["legal","q3"],"logo":{"original":"","large":"","medium":"","small":"","color":"5299E0","cover":{"id":"sun","data":"<svg/>"}},
      "pinned":true,"roomType":5,"private":false,"indexing":false,"denyDownload":true,
      "lifetime":{"deletePermanently":false,"period":0,"value":30},
      "watermark":{"additions":9,"text":"x","rotate":-45},"type":19,"inRoom":true,"quotaLimit":-2,
      "isCustomQuota":false,"usedSpace":14533}"#;

    #[test]
    fn a_room_decodes_with_everything() {
        let r: Folder = serde_json::from_str(ROOM).unwrap();
        assert!(r.is_room());
        assert_eq!(r.room_type, Some(RoomType::Custom));
        assert_eq!(r.folder_type, Some(FolderType::CustomRoom));
        assert_eq!(r.folder_type.unwrap().room_type(), Some(RoomType::Custom));
        assert_eq!(r.color(), Some("5299E0"));
        assert!(r.security.can("EditRoom") && !r.security.can("Delete"));
        assert!(r.security.can("FutureAction"));
        assert_eq!(r.available_share_rights["ExternalLink"][1], "Teleport");
        assert_eq!(
            FileShare::from_name(&r.available_share_rights["User"][0]),
            Some(FileShare::RoomManager)
        );
        assert_eq!(r.tags, vec!["legal", "q3"]);
        assert_eq!(r.lifetime.as_ref().unwrap().value, 30);
        assert_eq!(r.watermark.as_ref().unwrap().rotate, -45);
        assert_eq!(r.created_by.as_ref().unwrap().display_name, "Owner");
        assert!(r.pinned && r.deny_download);
    }

    #[test]
    fn a_plain_folder_decodes_with_defaults() {
        let f: Folder = serde_json::from_str(r#"{"id":"sbox-1|/x","tags":null}"#).unwrap();
        assert!(!f.is_room());
        assert_eq!(f.id, FolderId::Text("sbox-1|/x".into()));
        assert!(f.tags.is_empty() && f.security.allowed().count() == 0);
    }

    #[test]
    fn unknown_enum_values_in_entries_survive() {
        let f: Folder = serde_json::from_str(
            r#"{"id":1,"roomType":42,"type":99,"rootFolderType":77,"access":50,"fileEntryType":3}"#,
        )
        .unwrap();
        assert_eq!(f.room_type, Some(RoomType::Unknown(42)));
        assert_eq!(f.folder_type, Some(FolderType::Unknown(99)));
        assert_eq!(f.access, Some(FileShare::Unknown(50)));
        assert_eq!(f.file_entry_type, Some(FileEntryType::Unknown(3)));
        let f: File =
            serde_json::from_str(r#"{"id":1,"fileType":12,"thumbnailStatus":9,"fileStatus":1024}"#)
                .unwrap();
        assert_eq!(f.file_type, Some(FileType::Unknown(12)));
        assert_eq!(f.thumbnail_status, Some(ThumbnailStatus::Unknown(9)));
        assert_eq!(f.file_status, FileStatus(1024));
    }

    #[test]
    fn a_file_decodes() {
        let f: File = serde_json::from_str(
            r#"{"id":812,"title":"Q3.xlsx","fileExst":".XLSX","fileType":5,"folderId":57,"version":1,
               "versionGroup":1,"contentLength":"14.2 KB","pureContentLength":14533,"fileStatus":34,
               "viewUrl":"http://p/filehandler.ashx?action=download&fileid=812",
               "webUrl":"http://p/doceditor?fileid=812&version=1","access":0,"rootFolderType":14,
               "parentRoomType":19,"created":"2025-05-02T10:11:12.0000000+02:00","fileEntryType":2,
               "security":{"Read":true,"Edit":true},"thumbnailStatus":3,"locked":false,
               "viewAccessibility":{"WebView":true}}"#,
        )
        .unwrap();
        assert_eq!(f.id, FileId::Int(812));
        assert_eq!(f.extension().as_deref(), Some("xlsx"));
        assert_eq!(f.file_type, Some(FileType::Spreadsheet));
        assert!(f.file_status.contains(FileStatus::IS_NEW));
        assert_eq!(f.folder_id, Some(FolderId::Int(57)));
        assert!(f.view_accessibility["WebView"]);
        let bare: File = serde_json::from_str(r#"{"id":"sbox|f"}"#).unwrap();
        assert_eq!(bare.pure_content_length, 0);
        assert_eq!(bare.version, 0);
    }

    #[test]
    fn folder_contents_decode_into_entries() {
        let json = format!(
            r#"{{"files":[{{"id":812,"title":"Q3.xlsx"}}],"folders":[{ROOM}],"current":{{"id":3,"title":"Rooms","type":14}},
               "pathParts":[{{"id":3,"title":"Rooms","folderType":14}}],"startIndex":0,"count":2,"total":9,"new":0}}"#
        );
        let c: FolderContent = serde_json::from_str(&json).unwrap();
        assert_eq!(c.total, 9);
        assert_eq!(c.current.folder_type, Some(FolderType::VirtualRooms));
        assert_eq!(c.path_parts[0].folder_type, Some(FolderType::VirtualRooms));
        let entries = c.into_entries();
        assert_eq!(entries.len(), 2);
        assert_eq!(entries[0].title(), "Contracts");
        assert!(matches!(entries[1], Entry::File(_)));
        let c: FolderContent = serde_json::from_str(r#"{"current":{"id":5}}"#).unwrap();
        assert!(c.files.is_empty() && c.path_parts.is_empty());
    }

    #[test]
    fn entry_bases_decode() {
        let v: Vec<EntryBase> = serde_json::from_str(
            r#"[{"id":3,"title":"Rooms","fileEntryType":1,"rootFolderType":14},{"id":58}]"#,
        )
        .unwrap();
        assert_eq!(v[0].root_folder_type, Some(FolderType::VirtualRooms));
        assert_eq!(v[1].title, "");
    }
}
