//! The `/api/2.0` route table: which handler answers each path and method. Its own module, so
//! that the handlers' modules, which take shared pieces from `api` (extractors, constants),
//! are not imported back by the module that declares them.

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{any, get, post, put};

use super::{
    auth, bulk_download, csp, download, file_links, fileops, fileops_check, files, folders, keys,
    link_access, middleware, password, people, people_admin, room_owner, rooms, sections, settings,
    shares, tags, templates, upload, upload_check, versions,
};
use crate::state::AppState;

/// All `/api/2.0` routes (and the file handler the `viewUrl`s point at).
pub fn router(state: AppState) -> Router<AppState> {
    Router::new()
        // auth and settings
        .route(
            "/api/2.0/authentication",
            post(auth::login).get(auth::is_authenticated),
        )
        .route("/api/2.0/authentication/logout", post(auth::logout))
        .route("/api/2.0/settings", get(settings::get_settings))
        // API keys
        .route("/api/2.0/keys", post(keys::create).get(keys::list))
        .route("/api/2.0/keys/@self", get(keys::get_self))
        .route("/api/2.0/keys/permissions", get(keys::permissions))
        .route("/api/2.0/keys/{id}", put(keys::update).delete(keys::delete))
        // people
        .route("/api/2.0/people/@self", get(people::get_self))
        .route("/api/2.0/people", get(people::list))
        .route("/api/2.0/people/filter", get(people::list))
        .route(
            "/api/2.0/people/invite",
            post(people::invite).put(people_admin::resend),
        )
        .route(
            "/api/2.0/people/type/{type}",
            put(people_admin::change_type),
        )
        .route(
            "/api/2.0/people/status/{status}",
            put(people_admin::set_status),
        )
        .route("/api/2.0/people/password", post(password::remind))
        .route(
            "/api/2.0/people/{userid}",
            get(people::get).delete(people_admin::delete),
        )
        .route("/api/2.0/people/{userid}/culture", put(people::set_culture))
        // rooms
        .route("/api/2.0/files/rooms", post(rooms::create).get(rooms::list))
        .route("/api/2.0/files/rooms/covers", get(rooms::covers))
        // room templates
        .route("/api/2.0/files/roomtemplate", post(templates::create))
        .route(
            "/api/2.0/files/roomtemplate/status",
            get(templates::template_status_get),
        )
        .route(
            "/api/2.0/files/roomtemplate/public",
            put(templates::set_public),
        )
        .route(
            "/api/2.0/files/roomtemplate/{id}/public",
            get(templates::get_public),
        )
        // ASP.NET matches routes regardless of case, and the official Python SDK sends
        // `fromtemplate` where the server's attribute says `fromTemplate`: both answer.
        .route(
            "/api/2.0/files/rooms/fromTemplate",
            post(templates::create_room),
        )
        .route(
            "/api/2.0/files/rooms/fromtemplate",
            post(templates::create_room),
        )
        .route(
            "/api/2.0/files/rooms/fromTemplate/status",
            get(templates::room_status_get),
        )
        .route(
            "/api/2.0/files/rooms/fromtemplate/status",
            get(templates::room_status_get),
        )
        .route(
            "/api/2.0/files/rooms/{id}",
            get(rooms::get).put(rooms::update).delete(rooms::delete),
        )
        .route(
            "/api/2.0/files/rooms/{id}/archive",
            put(rooms::set_archived::<true>),
        )
        .route(
            "/api/2.0/files/rooms/{id}/unarchive",
            put(rooms::set_archived::<false>),
        )
        .route(
            "/api/2.0/files/rooms/{id}/pin",
            put(rooms::set_pinned::<true>),
        )
        .route(
            "/api/2.0/files/rooms/{id}/resend",
            post(room_owner::resend_invitations),
        )
        .route("/api/2.0/files/owner", post(room_owner::change_owner))
        .route(
            "/api/2.0/files/rooms/{id}/unpin",
            put(rooms::set_pinned::<false>),
        )
        .route(
            "/api/2.0/files/rooms/{id}/tags",
            put(tags::room_tags::<true>).delete(tags::room_tags::<false>),
        )
        .route(
            "/api/2.0/files/rooms/{id}/share",
            get(shares::members).put(shares::set_members),
        )
        .route(
            "/api/2.0/files/rooms/{id}/links",
            get(shares::links).put(shares::set_link),
        )
        .route("/api/2.0/files/rooms/{id}/link", get(shares::primary_link))
        .route(
            "/api/2.0/files/share/{key}",
            get(link_access::external_share),
        )
        .route(
            "/api/2.0/files/share/{key}/password",
            post(link_access::apply_password),
        )
        // tags
        .route(
            "/api/2.0/files/tags",
            get(tags::list)
                .post(tags::create)
                .put(tags::rename)
                .delete(tags::delete),
        )
        .route("/api/2.0/files/tags/{name}/haslinks", get(tags::has_links))
        // favourites and recent files
        .route(
            "/api/2.0/files/favorites",
            post(sections::add_favorites).delete(sections::remove_favorites),
        )
        .route(
            "/api/2.0/files/file/{id}/recent",
            post(sections::add_recent),
        )
        // folders
        .route("/api/2.0/files/{folder}", get(folders::contents))
        .route(
            "/api/2.0/files/{folder}/subfolders",
            get(folders::subfolders),
        )
        .route(
            "/api/2.0/files/folder/{parent}",
            post(folders::create)
                .get(folders::info)
                .put(folders::rename)
                .delete(folders::delete),
        )
        .route("/api/2.0/files/folder/{id}/path", get(folders::path))
        // files
        .route("/api/2.0/files/{folder}/file", post(files::create))
        .route(
            "/api/2.0/files/file/{id}",
            get(files::info).put(files::update).delete(files::delete),
        )
        .route(
            "/api/2.0/files/file/{id}/saveediting",
            put(files::save_editing),
        )
        // versions
        .route(
            "/api/2.0/files/file/{id}/history",
            get(versions::list).put(versions::change),
        )
        .route("/api/2.0/files/file/{id}/comment", put(versions::comment))
        .route(
            "/api/2.0/files/file/{id}/restoreversion",
            post(versions::restore_version),
        )
        .route(
            "/api/2.0/files/file/{id}/edit/history",
            get(versions::edit_history_list),
        )
        .route(
            "/api/2.0/files/fileops/deleteversion",
            put(versions::delete).get(fileops::list_of_type),
        )
        // a file's external links
        .route(
            "/api/2.0/files/file/{id}/link",
            get(file_links::primary).post(file_links::create_primary),
        )
        .route(
            "/api/2.0/files/file/{id}/links",
            get(file_links::list).put(file_links::set),
        )
        // operations
        .route("/api/2.0/files/fileops", get(fileops::list))
        .route(
            "/api/2.0/files/fileops/bulkdownload",
            put(bulk_download::start),
        )
        .route(
            "/api/2.0/files/fileops/emptytrash",
            put(fileops::empty_trash),
        )
        // `GET fileops/move` is the server's clash check, not a list of move operations: ASP.NET
        // prefers the literal route (`OperationController.CheckMoveOrCopyBatchItems`).
        .route(
            "/api/2.0/files/fileops/move",
            get(fileops_check::check).put(fileops::start_move),
        )
        .route(
            "/api/2.0/files/fileops/{op}",
            get(fileops::list_of_type).put(fileops::start),
        )
        // uploads
        .route("/api/2.0/files/{folder}/upload", post(upload::simple))
        .route(
            "/api/2.0/files/{folder}/session",
            post(upload::create_session),
        )
        .route(
            "/api/2.0/files/{folder}/upload/check",
            post(upload_check::check),
        )
        .route(
            "/api/2.0/files/{folder}/upload/create_session",
            post(upload::create_session_legacy),
        )
        .route("/ChunkedUploader.ashx", post(upload::chunked_uploader))
        .route(
            "/api/2.0/files/{folder}/session/{session}",
            post(upload::append_chunk).delete(upload::abort),
        )
        .route(
            "/api/2.0/files/{folder}/session/{session}/upload",
            post(upload::put_chunk),
        )
        .route(
            "/api/2.0/files/{folder}/session/{session}/finalize",
            put(upload::finalize),
        )
        // embedding
        .route(
            "/api/2.0/security/csp",
            get(csp::get_csp).post(csp::set_csp),
        )
        // downloads at the files' viewUrl
        .route("/filehandler.ashx", get(download::file_handler))
        // OAuth2 client registration (its own module)
        .merge(crate::oauth::api_routes())
        // AI: providers, agents, chats (its own module)
        .merge(crate::ai::routes())
        // web plugins and their files (its own module)
        .merge(crate::plugins::routes())
        .route("/api/2.0/{*rest}", any(unknown_route))
        .layer(axum::extract::DefaultBodyLimit::max(upload::MAX_UPLOAD))
        .layer(axum::middleware::from_fn_with_state(
            state,
            middleware::api_middleware,
        ))
}

async fn unknown_route() -> StatusCode {
    StatusCode::NOT_FOUND
}
