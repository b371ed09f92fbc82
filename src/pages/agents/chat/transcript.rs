//! A chat's transcript as the panel shows it: turns of the user's message and the agent's answer,
//! built from the stored history or grown event by event from a streamed answer. Plain data, so
//! that what each [`ChatEvent`] does to the page is tested without a browser.

use crate::locale::{Said, said};
use docspace_api::api::{ChatEvent, Message};

/// Where a turn's answer stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TurnState {
    /// Tokens are still arriving.
    Streaming,
    /// The answer ended (`message_stop`) or came from the history.
    Done,
    /// The user stopped it; what arrived before is kept.
    Stopped,
    /// The provider or the portal failed; the user's message is kept.
    Failed,
}

/// A tool the model called during a turn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ToolLine {
    /// The call's id, which its result repeats.
    pub call_id: String,
    /// The tool's name.
    pub name: String,
    /// The tool has answered.
    pub answered: bool,
}

/// One message of the user and the answer to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Turn {
    /// What the user asked, word for word.
    pub question: String,
    /// The answer so far.
    pub answer: String,
    /// Tools called on the way.
    pub tools: Vec<ToolLine>,
    /// Why the agent's tools (its MCP servers) could not be used, in the portal's words.
    pub tools_unavailable: Option<String>,
    /// Why it failed: the portal's words, or the app's worded when shown.
    pub error: Option<Said>,
    /// Where it stands.
    pub state: TurnState,
}

impl Turn {
    /// A turn whose answer is about to stream in.
    pub fn asking(question: impl Into<String>) -> Turn {
        Turn {
            question: question.into(),
            answer: String::new(),
            tools: Vec::new(),
            tools_unavailable: None,
            error: None,
            state: TurnState::Streaming,
        }
    }

    /// Applies one event of the answer; returns the chat id a `message_start` names.
    pub fn apply(&mut self, event: ChatEvent) -> Option<String> {
        match event {
            ChatEvent::Start { chat_id, error } => {
                // Trouble with MCP servers is reported at the start; the answer goes on.
                self.tools_unavailable = error.filter(|e| !e.is_empty());
                return Some(chat_id);
            }
            ChatEvent::Token(t) => self.answer.push_str(&t),
            ChatEvent::ToolCall(call) => self.tools.push(ToolLine {
                call_id: call.call_id,
                name: call.name,
                answered: false,
            }),
            ChatEvent::ToolResult { call_id, .. } => {
                if let Some(t) = self.tools.iter_mut().find(|t| t.call_id == call_id) {
                    t.answered = true;
                }
            }
            ChatEvent::Error(e) => self.fail(if e.message.is_empty() {
                said!(agents.chat.model_failed)
            } else {
                Said::from(e.message)
            }),
            ChatEvent::Stop(_) if self.state == TurnState::Streaming => {
                self.state = TurnState::Done;
            }
            // Reasoning and events this app does not model are not part of the answer.
            _ => {}
        }
        None
    }

    /// Marks the turn failed with `message`.
    pub fn fail(&mut self, message: Said) {
        self.error = Some(message);
        self.state = TurnState::Failed;
    }

    /// The stream ended: an answer still streaming without `message_stop` ended early.
    pub fn ended(&mut self) {
        if self.state == TurnState::Streaming {
            self.fail(said!(agents.chat.cut_off));
        }
    }

    /// The user stopped the answer.
    pub fn stop(&mut self) {
        if self.state == TurnState::Streaming {
            self.state = TurnState::Stopped;
        }
    }
}

/// The turns of a stored chat: each user message (role 0) with the answer (role 1) after it, if
/// any (a turn whose provider failed has none).
pub fn from_history(messages: &[Message]) -> Vec<Turn> {
    let mut turns: Vec<Turn> = Vec::new();
    for m in messages {
        match (m.role, turns.last_mut()) {
            (1, Some(t)) if t.answer.is_empty() => t.answer = m.text(),
            (1, _) => turns.push(Turn {
                answer: m.text(),
                ..Turn::asking("")
            }),
            _ => turns.push(Turn::asking(m.text())),
        }
        if let Some(t) = turns.last_mut() {
            t.state = TurnState::Done;
        }
    }
    turns
}

#[cfg(test)]
mod tests {
    use docspace_api::api::{ChatError, ChatEvent, Message};
    use serde_json::json;

    use super::*;

    fn message(role: i32, text: &str) -> Message {
        serde_json::from_value(json!({
            "id": 1, "role": role, "contents": [{ "type": 0, "text": text }],
        }))
        .expect("message")
    }

    #[test]
    fn tokens_grow_the_answer_and_stop_ends_it() {
        let mut t = Turn::asking("Hi");
        let start = ChatEvent::Start {
            chat_id: "c1".into(),
            error: None,
        };
        assert_eq!(t.apply(start), Some("c1".into()));
        t.apply(ChatEvent::Token("Hello".into()));
        assert_eq!(
            (t.answer.as_str(), t.state),
            ("Hello", TurnState::Streaming)
        );
        t.apply(ChatEvent::Token(", world".into()));
        t.apply(ChatEvent::Stop(7));
        t.ended();
        assert_eq!(
            (t.answer.as_str(), t.state),
            ("Hello, world", TurnState::Done)
        );
    }

    #[test]
    fn an_error_event_fails_the_turn_and_keeps_the_question() {
        let mut t = Turn::asking("Again");
        t.apply(ChatEvent::Error(ChatError {
            message: "the model crashed".into(),
            ..ChatError::default()
        }));
        t.apply(ChatEvent::Stop(0));
        assert_eq!(t.state, TurnState::Failed);
        assert_eq!(
            t.error
                .map(|e| e.in_locale(crate::i18n::Locale::de))
                .as_deref(),
            Some("the model crashed"),
            "the portal's words, in every language"
        );
        assert_eq!(t.question, "Again");
    }

    #[test]
    fn a_stream_that_ends_without_stop_is_not_shown_as_complete() {
        let mut t = Turn::asking("Hi");
        t.apply(ChatEvent::Token("Hel".into()));
        t.ended();
        assert_eq!(t.state, TurnState::Failed);
        assert_eq!(t.answer, "Hel");
    }

    #[test]
    fn stopping_keeps_what_arrived() {
        let mut t = Turn::asking("Hi");
        t.apply(ChatEvent::Token("Hel".into()));
        t.stop();
        t.ended();
        assert_eq!((t.answer.as_str(), t.state), ("Hel", TurnState::Stopped));
    }

    #[test]
    fn tool_calls_are_listed_and_marked_answered() {
        let mut t = Turn::asking("Find it");
        let call =
            serde_json::from_value(json!({ "callId": "k", "name": "search" })).expect("call");
        t.apply(ChatEvent::ToolCall(call));
        assert!(!t.tools[0].answered);
        t.apply(ChatEvent::ToolResult {
            call_id: "k".into(),
            result: json!("found"),
        });
        assert_eq!(t.tools[0].name, "search");
        assert!(t.tools[0].answered);
    }

    #[test]
    fn history_pairs_questions_with_answers() {
        let turns = from_history(&[
            message(0, "Hi"),
            message(1, "Hello, world"),
            message(0, "Again"),
        ]);
        let pairs: Vec<(&str, &str)> = turns
            .iter()
            .map(|t| (t.question.as_str(), t.answer.as_str()))
            .collect();
        assert_eq!(pairs, [("Hi", "Hello, world"), ("Again", "")]);
        assert!(turns.iter().all(|t| t.state == TurnState::Done));
    }
}
