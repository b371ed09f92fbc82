//! The agent's knowledge: DocSpace keeps the files an agent draws on in its room's "Knowledge"
//! folder (`FolderType.Knowledge`, made with the agent). The page names how many files it holds
//! and opens it in the room browser, which uploads (with progress), lists and deletes files.

use docspace_api::Client;
use docspace_api::models::{FolderId, FolderType};
use leptos::prelude::*;
use leptos_router::components::A;

use crate::errors::user_message;
use crate::i18n::{t, t_string, use_i18n};
use crate::locale::counted;
use crate::pages::room::folder_href;

/// A link to agent `agent_id`'s Knowledge folder, with its file count.
#[component]
pub fn KnowledgeLink(client: Client, agent_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let stored = StoredValue::new_local(client);
    let room = FolderId::from(agent_id.to_string());
    let folder = LocalResource::new(move || async move {
        let content = stored
            .get_value()
            .folders()
            .contents(FolderId::from(agent_id.to_string()))
            .send()
            .await?;
        Ok::<_, docspace_api::Error>(
            content
                .folders
                .into_iter()
                .find(|f| f.folder_type == Some(FolderType::Knowledge)),
        )
    });
    move || {
        match folder.get() {
        None => ().into_any(),
        Some(Ok(Some(k))) => {
            let n = k.files_count;
            let count = move || counted!(i18n.get_locale(), n, room.files_count);
            view! {
                <p class="agents__knowledge">
                    <A href=folder_href(&room, &k.id) attr:data-testid="agent-knowledge">{t!(i18n, agents.knowledge)}</A>
                    " "<span class="muted">{count}</span>
                </p>
            }
            .into_any()
        }
        Some(Ok(None)) => view! {
            <p class="muted agents__knowledge">{t!(i18n, agents.no_knowledge)}</p>
        }
        .into_any(),
        Some(Err(e)) => view! {
            <p class="field__error agents__knowledge" role="alert">
                {t_string!(i18n, agents.knowledge_failed, message = user_message(&e).shown()).to_string()}
            </p>
        }
        .into_any(),
    }
    }
}
