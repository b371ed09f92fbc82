//! One turn of the transcript: the user's message, the tools called, the answer as it grows, and
//! how it ended when not normally (stopped, or the failure in the portal's words).

use leptos::prelude::*;

use super::transcript::{ToolLine, Turn, TurnState};
use crate::i18n::{t, t_string, use_i18n};

/// Shows `turn` (nothing once it is gone, as when another chat opens).
#[component]
pub fn TurnView(#[prop(into)] turn: Signal<Option<Turn>>) -> impl IntoView {
    let i18n = use_i18n();
    move || {
        turn.get().map(|t| {
            let state = match t.state {
                TurnState::Streaming => "streaming",
                TurnState::Done => "done",
                TurnState::Stopped => "stopped",
                TurnState::Failed => "failed",
            };
            let answer = (!t.answer.is_empty()).then(|| {
                view! { <div class="chat__answer" data-testid="chat-answer">{t.answer}</div> }
            });
            view! {
                <li class="chat__turn" data-testid="chat-turn" data-state=state>
                    {(!t.question.is_empty()).then(|| view! {
                        <p class="chat__question" data-testid="chat-question">{t.question}</p>
                    })}
                    {t.tools_unavailable.map(|reason| view! {
                        <p class="chat__status muted" data-testid="chat-tools-unavailable">
                            {t!(i18n, agents.chat.tools_unavailable, reason)}
                        </p>
                    })}
                    {(!t.tools.is_empty()).then(|| view! { <Tools tools=t.tools/> })}
                    {answer}
                    {(t.state == TurnState::Streaming).then(|| view! {
                        <p class="chat__status muted">{t!(i18n, agents.chat.writing)}</p>
                    })}
                    {(t.state == TurnState::Stopped).then(|| view! {
                        <p class="chat__status muted" data-testid="chat-stopped">{t!(i18n, agents.chat.stopped)}</p>
                    })}
                    {t.error.map(|e| view! {
                        <p class="chat__failure" role="alert" data-testid="chat-error">
                            <strong>{t!(i18n, agents.chat.failed)}" "</strong>{move || e.shown()}
                        </p>
                    })}
                </li>
            }
        })
    }
}

#[component]
fn Tools(tools: Vec<ToolLine>) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <ul class="chat__tools" aria-label=move || t_string!(i18n, agents.chat.tools)>
            {tools.into_iter().map(|t| {
                let answered = t.answered;
                let note = move || if answered { t_string!(i18n, agents.chat.tool_done) } else { t_string!(i18n, agents.chat.tool_running) };
                view! {
                    <li class="chat__tool" data-testid="chat-tool">
                        <span class="chat__tool-name">{t.name}</span>" "<span class="muted">{note}</span>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
