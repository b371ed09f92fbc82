//! An incremental parser of `text/event-stream` bodies, after the WHATWG HTML standard's
//! "Parsing an event stream" (<https://html.spec.whatwg.org/multipage/server-sent-events.html#parsing-an-event-stream>).
//!
//! Bytes go in as they arrive, in chunks cut anywhere (inside a UTF-8 character, between the `\r`
//! and `\n` of a line end); whole events come out as soon as their block's blank line has
//! arrived. Lines end with `\n`, `\r\n` or `\r`; `:` lines are comments (DocSpace's pings);
//! `data:` lines of one block are joined with `\n`; `id:` and `retry:` are read and ignored (a
//! chat answer is not resumable). One block may hold at most a set number of bytes, so a server
//! that never ends its block cannot make the client buffer without bound.
//!
//! One difference from the standard: a last block that the body ends without a blank line is
//! still dispatched by [`SseParser::finish`] (the standard drops it), so a complete event whose
//! blank line a proxy lost is not lost with it.

use crate::error::Error;

/// The block cap [`SseParser::default`] uses: 1 MiB, far above any one event of a chat answer
/// (a token, a tool call with its arguments, a tool result).
pub const DEFAULT_MAX_BLOCK: usize = 1024 * 1024;

/// One event: its name (`message` when the block named none) and its data lines joined by `\n`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SseEvent {
    /// The `event:` field.
    pub event: String,
    /// The `data:` fields.
    pub data: String,
}

/// The parser's state between chunks.
#[derive(Debug)]
pub struct SseParser {
    /// Bytes of the line being read (decoded once the line is whole, so a split character is
    /// never decoded in halves).
    line: Vec<u8>,
    /// The previous chunk ended with `\r`: a `\n` starting this one belongs to that line end.
    after_cr: bool,
    /// The stream's first line has not been read yet (a byte-order mark may start it).
    first_line: bool,
    event: Option<String>,
    data: String,
    has_data: bool,
    /// Bytes of the current block so far, line ends included.
    block_bytes: usize,
    max_block: usize,
    /// A block went over the cap: the stream is unusable from here.
    failed: bool,
}

impl Default for SseParser {
    fn default() -> Self {
        SseParser::new(DEFAULT_MAX_BLOCK)
    }
}

impl SseParser {
    /// A parser that refuses a block of more than `max_block` bytes.
    pub fn new(max_block: usize) -> SseParser {
        SseParser {
            line: Vec::new(),
            after_cr: false,
            first_line: true,
            event: None,
            data: String::new(),
            has_data: false,
            block_bytes: 0,
            max_block: max_block.max(1),
            failed: false,
        }
    }

    /// Reads `chunk` and appends the events it completes to `out`. Fails with
    /// [`Error::EventTooLarge`] when a block grows past the cap (and for every call after).
    pub fn feed(&mut self, mut chunk: &[u8], out: &mut Vec<SseEvent>) -> Result<(), Error> {
        if self.failed {
            return Err(self.too_large());
        }
        if self.after_cr && !chunk.is_empty() {
            self.after_cr = false;
            if chunk[0] == b'\n' {
                chunk = &chunk[1..];
            }
        }
        while !chunk.is_empty() {
            let end = chunk.iter().position(|b| *b == b'\n' || *b == b'\r');
            let taken = end.map_or(chunk.len(), |i| i + 1);
            self.block_bytes += taken;
            if self.block_bytes > self.max_block {
                self.failed = true;
                self.line = Vec::new();
                self.data = String::new();
                return Err(self.too_large());
            }
            let Some(i) = end else {
                self.line.extend_from_slice(chunk);
                return Ok(());
            };
            self.line.extend_from_slice(&chunk[..i]);
            let ended_by_cr = chunk[i] == b'\r';
            chunk = &chunk[i + 1..];
            if ended_by_cr {
                match chunk.first() {
                    Some(b'\n') => {
                        self.block_bytes += 1;
                        chunk = &chunk[1..];
                    }
                    Some(_) => {}
                    // The `\n` may come with the next chunk.
                    None => self.after_cr = true,
                }
            }
            self.end_line(out);
        }
        Ok(())
    }

    /// The body has ended: the last line and block, even without their line end and blank line.
    pub fn finish(&mut self) -> Result<Option<SseEvent>, Error> {
        if self.failed {
            return Err(self.too_large());
        }
        let mut out = Vec::new();
        if !self.line.is_empty() {
            self.end_line(&mut out);
        }
        if out.is_empty() {
            out.extend(self.dispatch());
        }
        Ok(out.pop())
    }

    fn too_large(&self) -> Error {
        Error::EventTooLarge {
            limit: self.max_block,
        }
    }

    fn end_line(&mut self, out: &mut Vec<SseEvent>) {
        let bytes = std::mem::take(&mut self.line);
        let text = String::from_utf8_lossy(&bytes);
        let mut line: &str = &text;
        if std::mem::replace(&mut self.first_line, false) {
            line = line.strip_prefix('\u{feff}').unwrap_or(line);
        }
        if line.is_empty() {
            out.extend(self.dispatch());
            return;
        }
        if line.starts_with(':') {
            return;
        }
        let (field, value) = match line.split_once(':') {
            Some((f, v)) => (f, v.strip_prefix(' ').unwrap_or(v)),
            None => (line, ""),
        };
        match field {
            "event" => self.event = Some(value.to_string()),
            "data" => {
                if self.has_data {
                    self.data.push('\n');
                }
                self.data.push_str(value);
                self.has_data = true;
            }
            // `id` and `retry` serve reconnection, which a chat answer has none of; unknown
            // fields are ignored, as the standard says.
            _ => {}
        }
    }

    /// Ends a block: an event if it had data, nothing otherwise (a comment-only block).
    fn dispatch(&mut self) -> Option<SseEvent> {
        self.block_bytes = 0;
        let event = self.event.take();
        if !std::mem::replace(&mut self.has_data, false) {
            self.data.clear();
            return None;
        }
        Some(SseEvent {
            event: event
                .filter(|e| !e.is_empty())
                .unwrap_or_else(|| "message".to_string()),
            data: std::mem::take(&mut self.data),
        })
    }
}

#[cfg(test)]
mod tests;
