//! The wire formats of `ddb serve`, apart from any socket: framing lines out of a byte buffer
//! (with the `--max-line` limit), the reply envelopes of the ndjson protocol, and the lecture's
//! caps protocol.

use std::borrow::Cow;

use serde::Deserialize;
use serde_json::value::RawValue;
use serde_json::{json, Value};

/// Stable error codes of the ndjson protocol, for programs; the message is for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Code {
    /// The line is not a JSON object.
    BadRequest,
    /// A required field is missing or of the wrong type.
    InvalidRequest,
    UnknownOp,
    /// The line exceeded `--max-line`; the connection is closed.
    LineTooLong,
    /// A request line stayed half-sent longer than `--request-timeout`; the connection is closed.
    RequestTimeout,
    /// The first line was not a valid `auth`; the connection is closed.
    Unauthorized,
    /// `--read-only` or `--tables` forbids it.
    Forbidden,
    /// The server is shutting down.
    ShuttingDown,
}

impl Code {
    pub fn as_str(self) -> &'static str {
        match self {
            Code::BadRequest => "BadRequest",
            Code::InvalidRequest => "InvalidRequest",
            Code::UnknownOp => "UnknownOp",
            Code::LineTooLong => "LineTooLong",
            Code::RequestTimeout => "RequestTimeout",
            Code::Unauthorized => "Unauthorized",
            Code::Forbidden => "Forbidden",
            Code::ShuttingDown => "ShuttingDown",
        }
    }
}

/// A successful reply: `{"id": …, "ok": true, …fields}` and a newline.
pub fn ok(id: &Value, fields: Value) -> Vec<u8> {
    let mut reply = json!({"id": id, "ok": true});
    if let (Value::Object(out), Value::Object(extra)) = (&mut reply, fields) {
        out.extend(extra);
    }
    line(&reply)
}

/// An error reply with a code of ours or DynamoDB's (`ResourceNotFoundException`, …).
pub fn error(id: &Value, code: &str, message: &str) -> Vec<u8> {
    line(&json!({"id": id, "ok": false, "error": {"code": code, "message": message}}))
}

/// The fields a ping needs, borrowed from the line.
#[derive(Deserialize)]
struct Envelope<'a> {
    #[serde(borrow, default)]
    id: Option<&'a RawValue>,
    #[serde(borrow, default)]
    op: Option<Cow<'a, str>>,
}

/// The reply to a well-formed ping, its id echoed as sent; None for anything else. A ping is
/// the request a load balancer or a benchmark sends most, so it skips building the request as a
/// JSON tree and the reply as a map.
pub fn ping_reply(line: &[u8]) -> Option<Vec<u8>> {
    // A struct also deserializes from an array; only an object is a request.
    if line.trim_ascii_start().first() != Some(&b'{') {
        return None;
    }
    let envelope: Envelope = serde_json::from_slice(line).ok()?;
    if envelope.op.as_deref() != Some("ping") {
        return None;
    }
    let id = envelope.id.map_or("null", RawValue::get);
    let mut out = Vec::with_capacity(id.len() + 20);
    out.extend_from_slice(b"{\"id\":");
    out.extend_from_slice(id.as_bytes());
    out.extend_from_slice(b",\"ok\":true}\n");
    Some(out)
}

fn line(value: &Value) -> Vec<u8> {
    let mut out = serde_json::to_vec(value).expect("JSON values serialize");
    out.push(b'\n');
    out
}

/// Bytes read from a connection, cut into lines. Reading and framing are separate so every
/// model shares the framing and its limit.
#[derive(Debug)]
pub struct LineBuffer {
    buf: Vec<u8>,
    /// Bytes at the front already handed out as lines.
    start: usize,
    /// Bytes after `start` already searched for a newline.
    scanned: usize,
    max_line: usize,
}

/// A line longer than the limit arrived.
#[derive(Debug, PartialEq, Eq)]
pub struct TooLong;

impl LineBuffer {
    pub fn new(max_line: usize) -> Self {
        LineBuffer {
            buf: Vec::new(),
            start: 0,
            scanned: 0,
            max_line,
        }
    }

    /// Appends bytes just read. Readers read into a buffer of their own and hand over only what
    /// arrived, so a connection's buffer is as small as its pending bytes.
    pub fn push(&mut self, data: &[u8]) {
        if self.start > 0 && self.start == self.buf.len() {
            self.buf.clear();
            self.start = 0;
            self.scanned = 0;
            if self.buf.capacity() > 64 * 1024 {
                self.buf.shrink_to(8 * 1024);
            }
        }
        self.buf.extend_from_slice(data);
    }

    /// Frees the buffer's memory when nothing is pending, so an idle connection holds none.
    pub fn release_if_empty(&mut self) {
        if !self.has_partial() {
            self.buf = Vec::new();
            self.start = 0;
            self.scanned = 0;
        }
    }

    /// The next complete line without its newline (and `\r`), or `TooLong` once the pending
    /// bytes without a newline exceed the limit.
    pub fn next_line(&mut self) -> Result<Option<&[u8]>, TooLong> {
        let pending = &self.buf[self.start + self.scanned..];
        match pending.iter().position(|&b| b == b'\n') {
            Some(at) => {
                let end = self.start + self.scanned + at;
                if end - self.start > self.max_line {
                    return Err(TooLong);
                }
                let line_start = self.start;
                self.start = end + 1;
                self.scanned = 0;
                let line = &self.buf[line_start..end];
                Ok(Some(line.strip_suffix(b"\r").unwrap_or(line)))
            }
            None => {
                self.scanned = self.buf.len() - self.start;
                if self.scanned > self.max_line {
                    Err(TooLong)
                } else {
                    Ok(None)
                }
            }
        }
    }

    /// Whether bytes not yet handed out as lines are here (complete lines among them or not).
    pub fn has_partial(&self) -> bool {
        self.buf.len() > self.start
    }

    /// Whether the bytes here are the beginning of a line and nothing else: `next_line` found no
    /// newline in them. Complete lines not yet taken do not count.
    pub fn waits_for_rest(&self) -> bool {
        self.has_partial() && self.scanned == self.buf.len() - self.start
    }

    /// Drops handed-out lines from the front so the buffer does not grow with a long connection.
    pub fn compact(&mut self) {
        if self.start > 0 {
            self.buf.drain(..self.start);
            self.start = 0;
        }
    }
}

/// The lecture's reply: "ALL CAPS" when the text has cased letters and all are upper case, as
/// Python's `str.isupper()`; otherwise "NOT ALL CAPS".
pub fn caps_reply(message: &[u8]) -> &'static [u8] {
    let text = String::from_utf8_lossy(message);
    let has_upper = text.chars().any(char::is_uppercase);
    let has_lower = text.chars().any(char::is_lowercase);
    if has_upper && !has_lower {
        b"ALL CAPS"
    } else {
        b"NOT ALL CAPS"
    }
}

/// The `--token` clients authenticate with, kept only as its SHA-256 digest: comparing fixed-size
/// digests takes the same time whatever the lengths of the token and of the guess, so a timing
/// probe learns neither.
#[derive(Clone)]
pub struct Token([u8; 32]);

/// An empty `--token` (say `--token "$TOKEN"` with TOKEN unset) would let anyone in.
#[derive(Debug, PartialEq, Eq)]
pub struct EmptyToken;

impl Token {
    pub fn new(secret: &str) -> Result<Token, EmptyToken> {
        if secret.trim().is_empty() {
            return Err(EmptyToken);
        }
        Ok(Token(digest(secret.as_bytes())))
    }

    /// Whether `given` is the token, in time independent of where the two differ.
    pub fn matches(&self, given: &[u8]) -> bool {
        digest(given)
            .iter()
            .zip(&self.0)
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
    }
}

impl std::fmt::Debug for Token {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Token(..)")
    }
}

fn digest(bytes: &[u8]) -> [u8; 32] {
    use sha2::Digest;
    sha2::Sha256::digest(bytes).into()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_ping_is_answered_with_its_id_as_sent() {
        for (line, id) in [
            (&br#"{"id":7,"op":"ping"}"#[..], "7"),
            (
                br#" { "op" : "ping" , "id" : "a\"b" , "extra": [1, {"x": 2}] }"#,
                r#""a\"b""#,
            ),
            (br#"{"op":"ping","id":1.50}"#, "1.50"),
            (br#"{"op":"ping"}"#, "null"),
            (br#"{"op":"ping","id":{"n":[1,2]}}"#, r#"{"n":[1,2]}"#),
        ] {
            let reply = ping_reply(line).expect("a ping");
            assert_eq!(reply, format!("{{\"id\":{id},\"ok\":true}}\n").as_bytes());
            let parsed: Value = serde_json::from_slice(&reply).expect("the reply is JSON");
            assert_eq!(parsed["ok"], Value::Bool(true));
        }
    }

    #[test]
    fn only_a_well_formed_ping_object_takes_the_short_way() {
        for line in [
            &br#"[7,"ping"]"#[..],
            br#"{"id":1,"op":"get"}"#,
            br#"{"id":1}"#,
            br#"{"id":1,"op":"ping""#,
            br#"{"id":1,"op":"ping","op":"ping"}"#,
            br#"{"id":1,"op":7}"#,
            b"not json",
        ] {
            assert_eq!(ping_reply(line), None, "{}", String::from_utf8_lossy(line));
        }
    }

    #[test]
    fn lines_are_cut_across_reads() {
        let mut lines = LineBuffer::new(100);
        lines.push(b"{\"a\":1}\n{\"b\"");
        assert_eq!(lines.next_line().unwrap(), Some(&b"{\"a\":1}"[..]));
        assert_eq!(lines.next_line().unwrap(), None);
        assert!(lines.has_partial());
        assert!(lines.waits_for_rest());
        lines.push(b":2}\r\n");
        assert!(
            !lines.waits_for_rest(),
            "a complete line is not a partial one"
        );
        assert_eq!(lines.next_line().unwrap(), Some(&b"{\"b\":2}"[..]));
        assert!(!lines.has_partial());
    }

    #[test]
    fn a_line_over_the_limit_is_refused_before_its_end_arrives() {
        let mut lines = LineBuffer::new(8);
        lines.push(b"12345678");
        assert_eq!(lines.next_line(), Ok(None));
        lines.push(b"9");
        assert_eq!(lines.next_line(), Err(TooLong));
        let mut lines = LineBuffer::new(4);
        lines.push(b"12345\n");
        assert_eq!(lines.next_line(), Err(TooLong));
    }

    #[test]
    fn caps_follows_python_isupper() {
        assert_eq!(caps_reply(b"HELLO WORLD 42!"), b"ALL CAPS");
        assert_eq!(caps_reply(b"Hello"), b"NOT ALL CAPS");
        assert_eq!(caps_reply(b"1234"), b"NOT ALL CAPS", "no cased letter");
        assert_eq!(caps_reply("ÄÖÜ".as_bytes()), b"ALL CAPS");
    }

    #[test]
    fn tokens_compare_by_content() {
        let token = Token::new("s3cret").unwrap();
        assert!(token.matches(b"s3cret"));
        assert!(!token.matches(b"s3creT"));
        assert!(!token.matches(b"s3cre"));
        assert!(!token.matches(b""));
    }

    #[test]
    fn an_empty_token_is_refused() {
        assert_eq!(Token::new("").unwrap_err(), EmptyToken);
        assert_eq!(Token::new(" \t\n").unwrap_err(), EmptyToken);
    }

    #[test]
    fn replies_carry_the_id() {
        let reply = ok(&json!(7), json!({"item": null}));
        assert_eq!(reply, b"{\"id\":7,\"ok\":true,\"item\":null}\n");
        let reply = error(&json!("x"), Code::UnknownOp.as_str(), "no op frob");
        assert_eq!(String::from_utf8(reply).unwrap(), "{\"id\":\"x\",\"ok\":false,\"error\":{\"code\":\"UnknownOp\",\"message\":\"no op frob\"}}\n");
    }
}
