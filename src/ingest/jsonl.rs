//! JSONL batches: one article per line (`title`, `text`, `url`, `outlet`, `published`,
//! `language`); a bad line is rejected as `file.jsonl:LINE` and the others convert.
//!
//! A batch is streamed: read through a buffer one line at a time, whatever the size of
//! the file, so memory stays bounded by the longest line. The input size limit applies
//! to each line (one article): a longer line is skipped unread and rejected alone. Each
//! line is decoded on its own, so one line in another encoding does not garble the rest.

use std::io::{self, BufRead, BufReader, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

use encoding_rs::{CoderResult, Decoder, Encoding};
use serde_json::Value;

use super::decode::{self, StreamEncoding};
use super::{Document, Ingested, Limits, Meta, document, human_bytes, json_kind, thousands};
use crate::model::Rejected;

/// Bytes of a stream looked at to judge its encoding and whether it is binary.
const HEAD_BYTES: usize = 64 << 10;

/// One line of a batch as read, before decoding.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RawLine {
    /// One-based line number.
    pub number: usize,
    /// The line's bytes without its line end, or why it was not read.
    pub bytes: Result<Vec<u8>, String>,
}

/// A JSONL batch being read line by line.
pub struct Batch {
    origin: String,
    reader: BufReader<Box<dyn Read + Send>>,
    /// Bytes read from the underlying input (before any transcoding), buffers included.
    consumed: Arc<AtomicU64>,
    /// Bytes of the input taken by the lines returned so far (its byte-order mark
    /// included), when they are the input's own bytes (not transcoded).
    position: Option<u64>,
    max_line: u64,
    /// Lines read so far (the number of the last one).
    lines: usize,
    /// Lines split off at a lone carriage return, waiting to be returned.
    pending: std::collections::VecDeque<RawLine>,
    /// Notes every article of the batch gets (e.g. that it was transcoded from UTF-16).
    notes: Vec<String>,
    /// Whether a line with something other than white space was seen.
    seen_text: bool,
}

/// Counts the bytes read through it, for the progress bar.
struct Counting<R> {
    inner: R,
    count: Arc<AtomicU64>,
}

impl<R: Read> Read for Counting<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.count.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

/// Transcodes UTF-16 to UTF-8 as it is read, so that lines can be split on bytes.
struct Transcode<R> {
    inner: R,
    decoder: Decoder,
    input: Vec<u8>,
    start: usize,
    end: usize,
    eof: bool,
    finished: bool,
    output: Vec<u8>,
    out_start: usize,
}

impl<R: Read> Transcode<R> {
    fn new(inner: R, encoding: &'static Encoding) -> Self {
        Self {
            inner,
            decoder: encoding.new_decoder_without_bom_handling(),
            input: vec![0; 16 << 10],
            start: 0,
            end: 0,
            eof: false,
            finished: false,
            output: Vec::with_capacity(64 << 10),
            out_start: 0,
        }
    }
}

impl<R: Read> Read for Transcode<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        loop {
            if self.out_start < self.output.len() {
                let n = buf.len().min(self.output.len() - self.out_start);
                buf[..n].copy_from_slice(&self.output[self.out_start..self.out_start + n]);
                self.out_start += n;
                return Ok(n);
            }
            if self.finished {
                return Ok(0);
            }
            if self.start == self.end && !self.eof {
                self.end = self.inner.read(&mut self.input)?;
                self.start = 0;
                self.eof = self.end == 0;
            }
            self.output.clear();
            self.output.resize(64 << 10, 0);
            let (result, read, written, _) = self.decoder.decode_to_utf8(
                &self.input[self.start..self.end],
                &mut self.output,
                self.eof,
            );
            self.start += read;
            self.output.truncate(written);
            self.out_start = 0;
            if self.eof && result == CoderResult::InputEmpty {
                self.finished = true;
            }
        }
    }
}

impl Batch {
    /// Opens a batch on `reader`, named `origin` in rejections. The first bytes decide
    /// its encoding; an empty or binary stream is refused with the reason.
    pub fn open(
        origin: &str,
        reader: impl Read + Send + 'static,
        limits: &Limits,
    ) -> Result<Self, String> {
        let consumed = Arc::new(AtomicU64::new(0));
        let mut counting = Counting {
            inner: reader,
            count: consumed.clone(),
        };
        let mut head = Vec::with_capacity(HEAD_BYTES);
        (&mut counting)
            .take(HEAD_BYTES as u64)
            .read_to_end(&mut head)
            .map_err(|e| format!("cannot read: {e}"))?;
        let whole = head.len() < HEAD_BYTES;
        let (reader, notes, position): (Box<dyn Read + Send>, _, _) =
            match decode::sniff_stream(&head, whole)? {
                StreamEncoding::Bytes { bom } => {
                    head.drain(..bom);
                    let reader = Box::new(io::Cursor::new(head).chain(counting));
                    (reader, Vec::new(), Some(bom as u64))
                }
                StreamEncoding::Utf16 {
                    encoding,
                    bom,
                    note,
                } => {
                    head.drain(..bom);
                    let raw = io::Cursor::new(head).chain(counting);
                    (Box::new(Transcode::new(raw, encoding)), vec![note], None)
                }
            };
        Ok(Self {
            origin: origin.to_string(),
            reader: BufReader::with_capacity(64 << 10, reader),
            consumed,
            position,
            max_line: limits.max_input_bytes,
            lines: 0,
            pending: Default::default(),
            notes,
            seen_text: false,
        })
    }

    /// The batch's name in rejections and origins.
    pub fn origin(&self) -> &str {
        &self.origin
    }

    /// Notes every article of the batch gets.
    pub fn notes(&self) -> &[String] {
        &self.notes
    }

    /// Bytes of the input read so far: up to the end of the last line read (of the
    /// input's bytes read, buffers included, when it is transcoded from UTF-16).
    pub fn bytes_read(&self) -> u64 {
        self.position
            .unwrap_or_else(|| self.consumed.load(Ordering::Relaxed))
    }

    /// The next line with something in it (blank lines are skipped), or `None` at the
    /// end. A read error ends the batch as a rejected line.
    pub fn next_line(&mut self) -> Option<RawLine> {
        loop {
            if let Some(line) = self.pending.pop_front() {
                if line.bytes.as_ref().is_ok_and(|b| is_blank(b)) {
                    continue;
                }
                self.seen_text = true;
                return Some(line);
            }
            match self.read_line() {
                Ok(true) => {}
                Ok(false) => return None,
                Err(e) => {
                    self.lines += 1;
                    self.seen_text = true;
                    // Stop here: what follows a failed read cannot be trusted.
                    self.reader = BufReader::new(Box::new(io::empty()));
                    return Some(RawLine {
                        number: self.lines,
                        bytes: Err(format!("cannot read: {e}")),
                    });
                }
            }
        }
    }

    /// Lines until about `max_bytes` of them were read, or the end (empty then).
    pub fn next_chunk(&mut self, max_bytes: u64) -> Vec<RawLine> {
        let mut out = Vec::new();
        let mut bytes = 0u64;
        while bytes < max_bytes {
            let Some(line) = self.next_line() else { break };
            bytes += line.bytes.as_ref().map_or(1, |b| b.len() as u64 + 1);
            out.push(line);
        }
        out
    }

    /// Reads one line (up to `\n`) into `pending`, split at lone carriage returns as
    /// line ends of their own; `false` at the end of the input.
    fn read_line(&mut self) -> io::Result<bool> {
        let mut buf = Vec::new();
        // Room for the longest line allowed and its `\r\n`.
        let room = self.max_line.saturating_add(2);
        let n = (&mut self.reader).take(room).read_until(b'\n', &mut buf)?;
        if n == 0 {
            return Ok(false);
        }
        let ended = buf.last() == Some(&b'\n');
        let mut size = buf.len() as u64;
        let mut taken = n as u64;
        if !ended && n as u64 == room {
            let (content, raw) = skip_line(&mut self.reader)?;
            size += content;
            taken += raw;
        }
        if let Some(p) = &mut self.position {
            *p += taken;
        }
        if ended {
            buf.pop();
            size -= 1;
        }
        if buf.last() == Some(&b'\r') {
            buf.pop();
            size -= 1;
        }
        if size > self.max_line {
            self.lines += 1;
            self.pending.push_back(RawLine {
                number: self.lines,
                bytes: Err(format!(
                    "too large: a line of {} bytes, over the input size limit of {} \
                     (--max-input-size), which applies to each line of a batch",
                    thousands(size),
                    human_bytes(self.max_line)
                )),
            });
            return Ok(true);
        }
        for piece in buf.split(|&b| b == b'\r') {
            self.lines += 1;
            self.pending.push_back(RawLine {
                number: self.lines,
                bytes: Ok(piece.to_vec()),
            });
        }
        Ok(true)
    }

    /// The rejection of a batch with nothing in it but white space, once read to the end.
    pub fn finish(self) -> Option<Rejected> {
        (!self.seen_text).then(|| Rejected {
            path: self.origin,
            reason: "empty file: nothing but white space".into(),
        })
    }

    /// Reads every remaining line into `out`.
    pub fn read_all(mut self, out: &mut Ingested) {
        while let Some(line) = self.next_line() {
            match parse(&self.origin, &self.notes, line) {
                Ok(doc) => out.documents.push(doc),
                Err(r) => out.rejected.push(r),
            }
        }
        out.rejected.extend(self.finish());
    }
}

/// Skips the rest of a line too long to keep; returns the bytes of content skipped (its
/// `\n` or `\r\n` not counted) and all the bytes skipped.
fn skip_line(reader: &mut impl BufRead) -> io::Result<(u64, u64)> {
    let mut skipped = 0;
    loop {
        let buf = reader.fill_buf()?;
        if buf.is_empty() {
            return Ok((skipped, skipped));
        }
        match buf.iter().position(|&b| b == b'\n') {
            Some(i) => {
                let cr = u64::from(i > 0 && buf[i - 1] == b'\r');
                reader.consume(i + 1);
                return Ok((skipped + i as u64 - cr, skipped + i as u64 + 1));
            }
            None => {
                let n = buf.len();
                reader.consume(n);
                skipped += n as u64;
            }
        }
    }
}

/// Nothing but ASCII white space (JSON's own, and form feeds and vertical tabs).
fn is_blank(bytes: &[u8]) -> bool {
    bytes.iter().all(|b| b.is_ascii_whitespace() || *b == 0x0b)
}

/// Decodes and reads one line of the batch `origin` into a document, or the rejection
/// of `origin:LINE` with the reason. `notes` are the batch's notes, put first.
pub fn parse(origin: &str, notes: &[String], line: RawLine) -> Result<Document, Rejected> {
    let at = format!("{origin}:{}", line.number);
    let result = line.bytes.and_then(|bytes| {
        let decoded = decode::decode(&bytes)?;
        let mut doc = read_line(&at, &decoded.text)?;
        let mut all: Vec<String> = notes.iter().cloned().chain(decoded.notes).collect();
        all.append(&mut doc.notes);
        doc.notes = all;
        Ok(doc)
    });
    result.map_err(|reason| Rejected { path: at, reason })
}

fn read_line(at: &str, line: &str) -> Result<Document, String> {
    let value: Value = serde_json::from_str(line).map_err(|e| {
        let msg = e.to_string();
        let msg = msg.split(" at line ").next().unwrap_or(&msg).to_string();
        format!("not valid JSON at column {}: {msg}", e.column())
    })?;
    let Value::Object(fields) = &value else {
        return Err(format!(
            "not a JSON object but {}: each line must be one article {{\"title\": ..., \"text\": ...}}",
            json_kind(&value)
        ));
    };
    let meta = Meta::from_fields(fields)?;
    let body = match fields.get("text") {
        Some(Value::String(s)) if !s.trim().is_empty() => s.clone(),
        None | Some(Value::Null) => return Err("missing \"text\"".into()),
        Some(Value::String(_)) => return Err("\"text\" is empty".into()),
        Some(v) => return Err(format!("\"text\" is {}, expected a string", json_kind(v))),
    };
    if meta.title.as_deref().is_none_or(|t| t.trim().is_empty()) {
        return Err("missing \"title\"".to_string());
    }
    document(at, line.as_bytes(), meta, &body, false)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(bytes: &[u8], max: u64) -> Vec<RawLine> {
        let limits = Limits {
            max_input_bytes: max,
        };
        let mut b = Batch::open("b.jsonl", io::Cursor::new(bytes.to_vec()), &limits).unwrap();
        let mut out = Vec::new();
        while let Some(l) = b.next_line() {
            out.push(l);
        }
        assert_eq!(b.bytes_read(), bytes.len() as u64);
        out
    }

    fn ok(number: usize, s: &str) -> RawLine {
        RawLine {
            number,
            bytes: Ok(s.as_bytes().to_vec()),
        }
    }

    #[test]
    fn lines_end_at_lf_crlf_and_lone_cr_and_blank_ones_are_skipped() {
        assert_eq!(
            lines(b"a\r\nb\n\n  \nc\rd", 100),
            vec![ok(1, "a"), ok(2, "b"), ok(5, "c"), ok(6, "d")]
        );
        assert_eq!(lines(b"\xef\xbb\xbfa\n", 100), vec![ok(1, "a")]);
    }

    #[test]
    fn a_line_over_the_limit_is_rejected_alone() {
        let got = lines(b"short\n0123456789abc\r\nnext\n0123456789", 10);
        assert_eq!(got[0], ok(1, "short"));
        assert_eq!(got[1].number, 2);
        let reason = got[1].bytes.as_ref().unwrap_err();
        assert!(
            reason.starts_with("too large: a line of 13 bytes"),
            "{reason}"
        );
        assert_eq!(got[2], ok(3, "next"));
        assert_eq!(got[3], ok(4, "0123456789"), "exactly at the limit");
    }

    #[test]
    fn utf16_batches_are_transcoded() {
        let text = "{\"a\": \"Café\"}\r\n{\"b\": 1}\n";
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        assert_eq!(
            lines(&le, 100),
            vec![ok(1, "{\"a\": \"Café\"}"), ok(2, "{\"b\": 1}")]
        );
    }
}
