use super::*;

/// A body with every case the parser must handle: `\n`, `\r\n` and `\r` line ends, a comment
/// (DocSpace's ping), a block with two data lines, a field without a space after the colon, an
/// unnamed event, `id:`/`retry:`, multi-byte characters (2, 3 and 4 bytes) and a last block
/// with no blank line after it.
const BODY: &str = "event: message_start\ndata: {\"chatId\":\"c1\"}\n\n\
                    : ping - 2026-01-01T00:00:00.0000000+00:00\n\n\
                    event: new_token\r\ndata: {\"text\":\"h\u{e9}llo \u{20ac}\"}\r\n\r\n\
                    event:new_token\rdata:{\"text\":\"\u{1f600}\"}\r\r\
                    id: 7\nretry: 100\ndata: line one\ndata: line two\n\n\
                    event: message_stop\ndata: {\"messageId\":5}";

fn expected() -> Vec<SseEvent> {
    let ev = |event: &str, data: &str| SseEvent {
        event: event.into(),
        data: data.into(),
    };
    vec![
        ev("message_start", "{\"chatId\":\"c1\"}"),
        ev("new_token", "{\"text\":\"h\u{e9}llo \u{20ac}\"}"),
        ev("new_token", "{\"text\":\"\u{1f600}\"}"),
        ev("message", "line one\nline two"),
        ev("message_stop", "{\"messageId\":5}"),
    ]
}

fn parse_chunks(chunks: &[&[u8]]) -> Vec<SseEvent> {
    let mut p = SseParser::default();
    let mut out = Vec::new();
    for c in chunks {
        p.feed(c, &mut out).expect("within the cap");
    }
    out.extend(p.finish().expect("within the cap"));
    out
}

#[test]
fn the_whole_body_in_one_chunk() {
    assert_eq!(parse_chunks(&[BODY.as_bytes()]), expected());
}

#[test]
fn every_split_position_gives_the_same_events() {
    let b = BODY.as_bytes();
    for i in 0..=b.len() {
        assert_eq!(
            parse_chunks(&[&b[..i], &b[i..]]),
            expected(),
            "split at {i}"
        );
    }
}

#[test]
fn every_pair_of_split_positions_gives_the_same_events() {
    let b = BODY.as_bytes();
    for i in 0..=b.len() {
        for j in i..=b.len() {
            assert_eq!(
                parse_chunks(&[&b[..i], &b[i..j], &b[j..]]),
                expected(),
                "split at {i} and {j}"
            );
        }
    }
}

#[test]
fn one_byte_at_a_time() {
    let chunks: Vec<&[u8]> = BODY.as_bytes().chunks(1).collect();
    assert_eq!(parse_chunks(&chunks), expected());
}

#[test]
fn events_come_out_as_soon_as_their_blank_line_arrives() {
    let mut p = SseParser::default();
    let mut out = Vec::new();
    p.feed(b"event: new_token\ndata: {\"text\":\"a\"}\n", &mut out)
        .expect("fed");
    assert!(out.is_empty(), "no blank line yet: {out:?}");
    p.feed(b"\n", &mut out).expect("fed");
    assert_eq!(out.len(), 1);
    // A `\r` at a chunk's end already ends the line; the `\n` after it adds no blank line.
    p.feed(b"event: x\r\ndata: 1\r\n\r", &mut out).expect("fed");
    assert_eq!(out.len(), 2);
    p.feed(b"\ndata: 2\r\n", &mut out).expect("fed");
    assert_eq!(out.len(), 2, "{out:?}");
    p.feed(b"\r\n", &mut out).expect("fed");
    assert_eq!(out[2].data, "2");
}

#[test]
fn a_comment_only_block_and_an_empty_event_dispatch_nothing() {
    assert!(parse_chunks(&[b": ping\n\nevent: lonely\n\n: another\n"]).is_empty());
}

#[test]
fn a_byte_order_mark_is_skipped_once() {
    let out = parse_chunks(&[b"\xEF\xBB", b"\xBFdata: x\n\n"]);
    assert_eq!(out[0].data, "x");
    assert_eq!(out[0].event, "message");
}

#[test]
fn invalid_utf8_is_replaced_not_fatal() {
    let out = parse_chunks(&[b"data: a\xFFb\n\n"]);
    assert_eq!(out[0].data, "a\u{fffd}b");
}

#[test]
fn a_block_over_the_cap_is_a_typed_error_and_stays_one() {
    let mut p = SseParser::new(32);
    let mut out = Vec::new();
    // Small blocks pass whatever the body's total length.
    for _ in 0..10 {
        p.feed(b"data: 0123456789\n\n", &mut out).expect("small");
    }
    assert_eq!(out.len(), 10);
    // A line that never ends fails once the block passes the cap, whatever the chunking.
    let mut failed = None;
    for _ in 0..10 {
        if let Err(e) = p.feed(b"data: 0123456789", &mut out) {
            failed = Some(e);
            break;
        }
    }
    assert_eq!(failed, Some(Error::EventTooLarge { limit: 32 }));
    assert_eq!(
        p.feed(b"\n\n", &mut out),
        Err(Error::EventTooLarge { limit: 32 })
    );
    assert_eq!(p.finish(), Err(Error::EventTooLarge { limit: 32 }));
    assert_eq!(out.len(), 10);
}

#[test]
fn many_lines_in_one_block_count_towards_the_cap() {
    let mut p = SseParser::new(64);
    let mut out = Vec::new();
    let mut result = Ok(());
    for _ in 0..20 {
        result = p.feed(b"data: x\n", &mut out);
        if result.is_err() {
            break;
        }
    }
    assert_eq!(result, Err(Error::EventTooLarge { limit: 64 }));
}
