//! An agent's chat panel: the user's chats with it (history), the open chat's transcript, and a
//! box to ask the next question. Answers stream in token by token ([`docspace_api::api::ChatStream`]);
//! "Stop" drops the stream, which aborts the request, and DocSpace cancels the generation when
//! its request is aborted. A failure (an `error` event, a refused request) shows in the turn it
//! belongs to, under the user's message, which is kept.

mod composer;
mod history;
pub mod transcript;
mod turn_view;

use docspace_api::Client;
use docspace_api::api::ChatStream;
use futures::StreamExt;
use futures::future::{AbortHandle, abortable};
use leptos::prelude::*;

use self::composer::Composer;
use self::history::History;
use self::transcript::{Turn, TurnState, from_history};
use self::turn_view::TurnView;
use crate::components::EmptyState;
use crate::errors::user_message;
use crate::i18n::{t_string, use_i18n};
use crate::locale::{Said, text};

/// The chat panel of agent `agent_id`.
#[component]
pub fn ChatPanel(client: Client, agent_id: i64) -> impl IntoView {
    let i18n = use_i18n();
    let client = StoredValue::new_local(client);
    let chat_id = RwSignal::new(None::<String>);
    let turns = RwSignal::new(Vec::<Turn>::new());
    let history_version = RwSignal::new(0u32);
    let running = StoredValue::new_local(None::<AbortHandle>);
    let load_error = RwSignal::new(None::<Said>);
    let streaming = Signal::derive(move || {
        turns.with(|t| t.last().is_some_and(|t| t.state == TurnState::Streaming))
    });

    let stop = Callback::new(move |()| {
        if let Some(h) = running.get_value() {
            h.abort();
        }
        running.set_value(None);
        turns.update(|t| t.iter_mut().for_each(Turn::stop));
    });

    let send = Callback::new(move |question: String| {
        if streaming.get_untracked() {
            return;
        }
        turns.update(|t| t.push(Turn::asking(question.clone())));
        let existing = chat_id.get_untracked();
        let client = client.get_value();
        let (task, handle) = abortable(async move {
            let ai = client.ai();
            let opened = match &existing {
                Some(id) => ai.send_message(id, question).await,
                None => ai.start_chat(agent_id, question).await,
            };
            match opened {
                Ok(stream) => follow(stream, turns, chat_id, history_version).await,
                Err(e) => with_last(turns, |t| t.fail(user_message(&e))),
            }
        });
        running.set_value(Some(handle));
        leptos::task::spawn_local(async move {
            // Aborted: the stream was dropped with the task, and Stop marked the turn.
            let _ = task.await;
            running.set_value(None);
        });
    });

    let open_chat = Callback::new(move |id: Option<String>| {
        stop.run(());
        turns.set(Vec::new());
        load_error.set(None);
        chat_id.set(id.clone());
        let Some(id) = id else { return };
        let client = client.get_value();
        leptos::task::spawn_local(async move {
            match client.ai().messages(&id).await {
                // Only if the user has not opened another chat meanwhile.
                Ok(m) if chat_id.get_untracked().as_deref() == Some(id.as_str()) => {
                    turns.set(from_history(&m))
                }
                Ok(_) => {}
                Err(e) => load_error.set(Some(user_message(&e))),
            }
        });
    });
    // Leaving the page stops the answer (and the task that would write to this panel).
    on_cleanup(move || {
        if let Some(Some(h)) = running.try_get_value() {
            h.abort();
        }
    });

    view! {
        <section class="chat" aria-label=move || t_string!(i18n, agents.chat.chat) data-testid="chat-panel">
            <History client=client.get_value() agent_id=agent_id current=chat_id version=history_version on_open=open_chat/>
            <div class="chat__main">
                <p class="chat__error" role="alert" hidden=move || load_error.with(Option::is_none)>
                    {move || load_error.get().map(|e| e.shown())}
                </p>
                <ol class="chat__turns" aria-live="polite" data-testid="chat-turns">
                    <For each=move || 0..turns.with(Vec::len) key=|i| *i let:i>
                        <TurnView turn=Signal::derive(move || turns.with(|t| t.get(i).cloned()))/>
                    </For>
                </ol>
                <Show when=move || turns.with(Vec::is_empty) && load_error.with(Option::is_none)>
                    <EmptyState title=text!(i18n, agents.chat.ask) description=text!(i18n, agents.chat.ask_hint)/>
                </Show>
                <Composer streaming=streaming on_send=send on_stop=stop/>
            </div>
        </section>
    }
}

/// Applies `f` to the last turn.
fn with_last(turns: RwSignal<Vec<Turn>>, f: impl FnOnce(&mut Turn)) {
    turns.update(|t| {
        if let Some(last) = t.last_mut() {
            f(last)
        }
    });
}

/// Reads the answer's events into the last turn until the stream ends.
async fn follow(
    mut stream: ChatStream,
    turns: RwSignal<Vec<Turn>>,
    chat_id: RwSignal<Option<String>>,
    history_version: RwSignal<u32>,
) {
    while let Some(event) = stream.next().await {
        match event {
            Ok(e) => {
                let mut started = None;
                with_last(turns, |t| started = t.apply(e));
                if let Some(id) = started.filter(|_| chat_id.get_untracked().is_none()) {
                    // A new chat: it joins the history list.
                    chat_id.set(Some(id));
                    history_version.update(|v| *v += 1);
                }
            }
            Err(e) => with_last(turns, |t| t.fail(user_message(&e))),
        }
    }
    with_last(turns, Turn::ended);
}
