//! How answers and failures become tool results.
//!
//! A failed portal call is a tool *result* with `isError: true` and the portal's message, not a
//! JSON-RPC error: the MCP specification reserves protocol errors for unknown tools and malformed
//! requests, and wants execution failures reported in the result so the model can see and act on
//! them (<https://modelcontextprotocol.io/specification/2025-06-18/server/tools#error-handling>).
//! The official DocSpace server does the same (`ONLYOFFICE/docspace-mcp:
//! lib/mcp/configured-server.ts`, `callTool`).

use rmcp::model::{CallToolResult, ContentBlock};
use serde::Serialize;

/// A successful answer as pretty JSON text.
pub(crate) fn json<T: Serialize>(value: &T) -> CallToolResult {
    match serde_json::to_string_pretty(value) {
        Ok(text) => CallToolResult::success(vec![ContentBlock::text(text)]),
        Err(e) => failure(format!("cannot encode the portal's answer: {e}")),
    }
}

/// The portal's answer as JSON, or its error as a tool error.
pub(crate) fn answer<T: Serialize>(r: Result<T, docspace_api::Error>) -> CallToolResult {
    match r {
        Ok(v) => json(&v),
        Err(e) => portal_error(&e),
    }
}

/// A plain sentence once the call succeeded (the official server answers operations that return
/// nothing this way).
pub(crate) fn done(r: Result<impl Sized, docspace_api::Error>, sentence: &str) -> CallToolResult {
    match r {
        Ok(_) => text(sentence),
        Err(e) => portal_error(&e),
    }
}

/// A successful answer that is plain text.
pub(crate) fn text(text: impl Into<String>) -> CallToolResult {
    CallToolResult::success(vec![ContentBlock::text(text.into())])
}

/// A failed portal call: the status (when there was one) and the portal's message.
pub(crate) fn portal_error(e: &docspace_api::Error) -> CallToolResult {
    let text = match e.status() {
        Some(status) => format!("DocSpace answered {status}: {e}"),
        None => format!("DocSpace call failed: {e}"),
    };
    failure(text)
}

/// A tool error with `text`.
pub(crate) fn failure(text: impl Into<String>) -> CallToolResult {
    CallToolResult::error(vec![ContentBlock::text(text.into())])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text_of(r: &CallToolResult) -> String {
        serde_json::to_value(r).unwrap()["content"][0]["text"]
            .as_str()
            .unwrap()
            .to_string()
    }

    #[test]
    fn a_portal_error_is_a_tool_error_with_the_portals_message() {
        let r = answer::<()>(Err(docspace_api::Error::NotFound {
            message: "The room was not found".into(),
        }));
        assert_eq!(r.is_error, Some(true));
        let text = text_of(&r);
        assert!(text.contains("404"), "{text}");
        assert!(text.contains("The room was not found"), "{text}");
    }

    #[test]
    fn an_answer_is_json_text() {
        let r = answer(Ok(serde_json::json!({"id": 7})));
        assert_ne!(r.is_error, Some(true));
        let v: serde_json::Value = serde_json::from_str(&text_of(&r)).unwrap();
        assert_eq!(v["id"], 7);
    }
}
