//! Placing findings for people: the line and column of a span in the article text with
//! the lines around it, and the line of the same words in the input file the article was
//! converted from (`articles.origin`), when that file is at hand.

use std::collections::HashMap;
use std::sync::Arc;

use super::diagnostic::{InputPos, Place};

/// Inputs larger than this are not searched for lines.
const MAX_INPUT_BYTES: u64 = 64 * 1024 * 1024;

/// Characters of the article text shown before and after a span in an excerpt.
pub const EXCERPT_CONTEXT: usize = 480;

/// Characters of a span itself shown in an excerpt.
pub const EXCERPT_SPAN: usize = 960;

/// Different needles searched for per article (in its text and in its input file); the
/// findings past them are placed in the article text only. Keeps placing the findings of
/// an article linear in its length, however many different spans it has.
pub const MAX_NEEDLES: usize = 256;

/// Byte offsets of the code points of a text, kept for every [`CodePoints::EVERY`]th one
/// only (and for none when the text is ASCII): finding a code point's byte, or the code
/// point of a byte, costs a binary search and a walk over at most that many characters.
#[derive(Debug, Clone)]
pub struct CodePoints {
    /// Byte offset of code point `k * EVERY`, for every `k`; empty for ASCII.
    checkpoints: Vec<u32>,
    /// Code points in the text.
    len: u32,
}

impl CodePoints {
    /// Characters between two checkpoints.
    pub const EVERY: usize = 64;

    /// Indexes `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return Self {
                checkpoints: Vec::new(),
                len: text.len() as u32,
            };
        }
        Self {
            checkpoints: Self::checkpoints(text.as_bytes()),
            len: text.chars().count() as u32,
        }
    }

    /// The byte of every [`CodePoints::EVERY`]th code point of `bytes` (UTF-8), eight
    /// bytes at a time where no checkpoint falls.
    fn checkpoints(bytes: &[u8]) -> Vec<u32> {
        const HIGH: u64 = 0x8080_8080_8080_8080;
        let is_start = |b: u8| (b as i8) >= -0x40;
        let mut out = Vec::with_capacity(bytes.len() / Self::EVERY + 1);
        let mut i = 0;
        while i < bytes.len() {
            out.push(i as u32);
            // Pass the starts of this code point and the next EVERY - 1.
            let mut pass = Self::EVERY;
            while i + 8 <= bytes.len() {
                let x = u64::from_le_bytes(bytes[i..i + 8].try_into().expect("eight bytes"));
                // Continuation bytes are 10xxxxxx.
                let starts = 8 - (x & !(x << 1) & HIGH).count_ones() as usize;
                if starts > pass {
                    break;
                }
                pass -= starts;
                i += 8;
            }
            while i < bytes.len() {
                if is_start(bytes[i]) {
                    if pass == 0 {
                        break;
                    }
                    pass -= 1;
                }
                i += 1;
            }
        }
        out
    }

    /// Code points in the text.
    pub fn len(&self) -> u32 {
        self.len
    }

    /// Whether the text is empty.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Byte offset of code point `cp` of `text` (the text indexed); `None` past the end.
    pub fn byte_at(&self, text: &str, cp: u32) -> Option<usize> {
        if cp >= self.len {
            return (cp == self.len).then_some(text.len());
        }
        if self.checkpoints.is_empty() {
            return Some(cp as usize);
        }
        let (k, rest) = (cp as usize / Self::EVERY, cp as usize % Self::EVERY);
        let from = self.checkpoints[k] as usize;
        text[from..].char_indices().nth(rest).map(|(b, _)| from + b)
    }

    /// Code points of `text` that start before byte `b`.
    pub fn before(&self, text: &str, b: usize) -> usize {
        if self.checkpoints.is_empty() {
            return b.min(text.len());
        }
        let k = self.checkpoints.partition_point(|&c| (c as usize) <= b) - 1;
        let from = self.checkpoints[k] as usize;
        let b = b.min(text.len());
        k * Self::EVERY + code_points(&text.as_bytes()[from..b])
    }
}

/// An article text with its code points and lines indexed, so that placing each of its
/// findings costs a binary search rather than a scan of the text.
pub struct TextIndex<'a> {
    text: &'a str,
    chars: std::borrow::Cow<'a, CodePoints>,
    /// Byte offset of every line start.
    lines: Vec<usize>,
    /// The ends of the matches of each needle searched for, in order.
    found: std::cell::RefCell<HashMap<String, Vec<usize>>>,
}

impl<'a> TextIndex<'a> {
    /// Indexes `text`.
    pub fn new(text: &'a str) -> Self {
        Self::with_code_points(text, std::borrow::Cow::Owned(CodePoints::new(text)))
    }

    /// Indexes `text`, whose code points `chars` has indexed already.
    pub fn with_code_points(text: &'a str, chars: std::borrow::Cow<'a, CodePoints>) -> Self {
        let lines = std::iter::once(0)
            .chain(text.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        crate::work::add(text.len());
        Self {
            text,
            chars,
            lines,
            found: Default::default(),
        }
    }

    /// Byte offset of code point `cp`; `None` past the end.
    fn byte_at(&self, cp: u32) -> Option<usize> {
        self.chars.byte_at(self.text, cp)
    }

    /// One-based line and column (in characters) of byte offset `b`.
    fn line_col(&self, b: usize) -> (usize, usize) {
        let line = self.lines.partition_point(|&s| s <= b);
        let start = self.lines[line - 1];
        let cp = |x: usize| self.chars.before(self.text, x);
        (line, cp(b) - cp(start) + 1)
    }

    /// Places the span `start..end` (code points); `None` when it is empty, inverted or
    /// out of bounds. The excerpt (left empty unless `excerpt`) is the lines the span
    /// touches, cut to at most [`EXCERPT_CONTEXT`] characters either side of the span and
    /// [`EXCERPT_SPAN`] of the span itself, so that a finding costs the same on a text of
    /// one endless line.
    pub fn place(&self, start: u32, end: u32, excerpt: bool) -> Option<Place> {
        if start >= end {
            return None;
        }
        let (sb, eb) = (self.byte_at(start)?, self.byte_at(end)?);
        let (line, column) = self.line_col(sb);
        let (end_line, end_column) = self.line_col(eb);
        let mut place = Place {
            line,
            column,
            end_line,
            end_column,
            excerpt: String::new(),
            excerpt_range: 0..0,
        };
        if excerpt {
            let (from, to, shown_end) = self.excerpt(sb, eb, (line, end_line));
            place.excerpt = self.text[from..to].to_string();
            place.excerpt_range = sb - from..shown_end - from;
        }
        Some(place)
    }

    /// The bytes of the excerpt of the span `sb..eb` on lines `line..=end_line`: where it
    /// starts and ends, and where the part of the span shown ends.
    fn excerpt(
        &self,
        sb: usize,
        eb: usize,
        (line, end_line): (usize, usize),
    ) -> (usize, usize, usize) {
        let line_start = self.lines[line - 1];
        let line_end = self
            .lines
            .get(end_line)
            .map_or(self.text.len(), |&next| next - 1)
            .max(eb);
        let from = self.back(sb, line_start, EXCERPT_CONTEXT);
        let shown_end = self.forth(sb, eb, EXCERPT_SPAN);
        let to = if shown_end < eb {
            shown_end
        } else {
            self.forth(eb, line_end, EXCERPT_CONTEXT)
        };
        (from, to, shown_end)
    }

    /// The byte offset `n` code points before `b`, but not before `floor`.
    fn back(&self, b: usize, floor: usize, n: usize) -> usize {
        let cp = self.chars.before(self.text, b);
        let k = cp.saturating_sub(n) as u32;
        self.byte_at(k).unwrap_or(self.text.len()).max(floor)
    }

    /// The byte offset `n` code points after `b`, but not after `ceil`.
    fn forth(&self, b: usize, ceil: usize, n: usize) -> usize {
        let cp = self.chars.before(self.text, b);
        let k = u32::try_from(cp + n).unwrap_or(u32::MAX);
        self.byte_at(k).unwrap_or(self.text.len()).min(ceil)
    }

    /// What to look for in the input file: the first line of the span's text (at most a
    /// few dozen characters), and how many times it occurs in the article text before the
    /// span. The occurrences of each needle are found once per article, and at most
    /// [`MAX_NEEDLES`] different needles are searched: past that, `None`.
    pub fn needle(&self, start: u32, end: u32) -> Option<(String, usize)> {
        let text = self.text;
        let (sb, eb) = (self.byte_at(start)?, self.byte_at(end)?);
        let span = text.get(sb..eb)?;
        let first = span.lines().next().unwrap_or("").trim_end();
        let needle: String = first.chars().take(60).collect();
        if needle.trim().is_empty() {
            return None;
        }
        let mut found = self.found.borrow_mut();
        if !found.contains_key(&needle) {
            if found.len() >= MAX_NEEDLES {
                return None;
            }
            let hits = text
                .match_indices(needle.as_str())
                .map(|(i, _)| i + needle.len());
            crate::work::add(text.len());
            found.insert(needle.clone(), hits.collect());
        }
        // Occurrences before the span are the matches of the whole text that end by its
        // start: the leftmost matches of a prefix are those of the whole text.
        let before = found[&needle].partition_point(|&e| e <= sb);
        Some((needle, before))
    }
}

/// An input file's content with its lines indexed and its code points counted every
/// [`BLOCK`] bytes, so that the line and column of an offset cost a binary search and a
/// scan of at most one block, however long its lines.
#[derive(Debug)]
struct InputText {
    content: String,
    lines: Vec<usize>,
    /// Code points before byte `k * BLOCK`, for every block.
    blocks: Vec<usize>,
}

/// Bytes per block of [`InputText::blocks`].
const BLOCK: usize = 1024;

impl InputText {
    fn new(content: String) -> Self {
        crate::work::add(content.len());
        let lines = std::iter::once(0)
            .chain(content.match_indices('\n').map(|(i, _)| i + 1))
            .collect();
        let mut blocks = Vec::with_capacity(content.len() / BLOCK + 1);
        let mut n = 0;
        for chunk in content.as_bytes().chunks(BLOCK) {
            blocks.push(n);
            n += code_points(chunk);
        }
        Self {
            content,
            lines,
            blocks,
        }
    }

    /// Code points before byte `b`.
    fn code_points_before(&self, b: usize) -> usize {
        let k = b / BLOCK;
        let base = self.blocks.get(k).copied().unwrap_or(0);
        base + code_points(&self.content.as_bytes()[k * BLOCK..b])
    }

    /// One-based line and column (in characters) of byte offset `b`.
    fn line_col(&self, b: usize) -> (usize, usize) {
        let line = self.lines.partition_point(|&s| s <= b);
        let start = self.lines[line - 1];
        let column = self.code_points_before(b) - self.code_points_before(start);
        (line, column + 1)
    }
}

/// The code points that start in `bytes` (its bytes that are not UTF-8 continuations).
fn code_points(bytes: &[u8]) -> usize {
    bytes.iter().filter(|&&b| (b as i8) >= -0x40).count()
}

/// Finds lines in input files, reading each file once.
#[derive(Debug, Default)]
pub struct InputLocator {
    /// The input files read, by path.
    files: HashMap<String, InputText>,
    /// The last path that could not be read: the findings of an article share their
    /// origin, and there are as many origins as articles (`file.jsonl:LINE`), so only
    /// the last is remembered.
    unreadable: String,
    /// The offsets of each probe searched for in a file, for the current article.
    hits: HashMap<(String, String), Vec<usize>>,
    /// The path of the last origin with a `:LINE` suffix: the findings of an article
    /// share it.
    last_split: Option<(Arc<str>, Arc<str>)>,
}

/// `file.jsonl` of an origin `file.jsonl:LINE`; `None` without such a suffix.
pub fn origin_path(origin: &str) -> Option<&str> {
    split_line_suffix(origin).map(|(path, _)| path)
}

/// `file.jsonl:LINE` → (`file.jsonl`, LINE).
fn split_line_suffix(origin: &str) -> Option<(&str, usize)> {
    let (path, line) = origin.rsplit_once(':')?;
    let line = line.parse().ok()?;
    (!path.is_empty()).then_some((path, line))
}

impl InputLocator {
    fn read(&mut self, path: &str) -> Option<&InputText> {
        if self.unreadable == path {
            return None;
        }
        if !self.files.contains_key(path) {
            let Some(text) = Self::load(path) else {
                self.unreadable.clear();
                self.unreadable.push_str(path);
                return None;
            };
            self.files.insert(path.to_string(), text);
        }
        self.files.get(path)
    }

    fn load(path: &str) -> Option<InputText> {
        let meta = std::fs::metadata(path).ok()?;
        if !meta.is_file() || meta.len() > MAX_INPUT_BYTES {
            return None;
        }
        std::fs::read_to_string(path).ok().map(InputText::new)
    }

    /// `file.jsonl` of the origin `file.jsonl:LINE`, shared with the last one asked for
    /// (the findings of an article, the articles of one input file).
    fn split_path(&mut self, origin: &Arc<str>, path: &str) -> Arc<str> {
        match &self.last_split {
            Some((o, p)) if Arc::ptr_eq(o, origin) || &**p == path => p.clone(),
            _ => {
                let p: Arc<str> = Arc::from(path);
                self.last_split = Some((origin.clone(), p.clone()));
                p
            }
        }
    }

    /// Forgets the probes searched for, before the findings of the next article.
    pub fn next_article(&mut self) {
        self.hits.clear();
    }

    /// Where a finding is in the article's input: the file, and the line and column of
    /// the needle `needle` gives (its `n`-th occurrence) when the file can be read and
    /// holds it. `None` for stdin. The needle is only worked out when there is a file to
    /// search, and each needle is searched for once per article.
    pub fn locate(
        &mut self,
        origin: &Arc<str>,
        needle: impl FnOnce() -> Option<(String, usize)>,
    ) -> Option<InputPos> {
        if &**origin == "stdin" || origin.is_empty() {
            return None;
        }
        let readable = self.read(origin).is_some();
        if !readable && let Some((path, line)) = split_line_suffix(origin) {
            return Some(InputPos {
                path: self.split_path(origin, path),
                line: Some(line),
                column: None,
            });
        }
        let mut pos = InputPos {
            path: origin.clone(),
            line: None,
            column: None,
        };
        if !readable {
            return Some(pos);
        }
        let Some((needle, n)) = needle() else {
            return Some(pos);
        };
        let probes = [needle.as_str(), &needle[..floor_boundary(&needle, 20)]];
        let Self { files, hits, .. } = self;
        let Some(input) = files.get(&**origin) else {
            return Some(pos);
        };
        for probe in probes {
            if probe.trim().is_empty() {
                continue;
            }
            let found = hits
                .entry((origin.to_string(), probe.to_string()))
                .or_insert_with(|| {
                    crate::work::add(input.content.len());
                    input.content.match_indices(probe).map(|(i, _)| i).collect()
                });
            if let Some(&b) = found.get(n).or(found.last()) {
                let (line, column) = input.line_col(b);
                pos.line = Some(line);
                pos.column = Some(column);
                break;
            }
        }
        Some(pos)
    }
}

/// The largest char boundary of `s` at or below byte `max`.
fn floor_boundary(s: &str, max: usize) -> usize {
    let mut i = max.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn places_spans_by_line_and_column_in_code_points() {
        let text = "Title line\n\nSoldiers said “the raid” began.\nNext.";
        let ix = TextIndex::new(text);
        let p = ix.place(27, 35, true).unwrap();
        assert_eq!((p.line, p.column, p.end_line, p.end_column), (3, 16, 3, 24));
        assert_eq!(p.excerpt, "Soldiers said “the raid” began.");
        assert_eq!(&p.excerpt[p.excerpt_range.clone()], "the raid");
        assert_eq!(ix.place(5, 5, true), None);
        assert_eq!(ix.place(5, 999, true), None);
        let end = text.chars().count() as u32;
        assert_eq!(ix.place(end - 5, end, true).unwrap().excerpt, "Next.");
    }

    #[test]
    fn checkpoints_fall_every_64_code_points() {
        let pieces = ["a", "é", "“", "😀", "ab ", "\u{301}", "\n"];
        let mut seed = 7u64;
        for len in [1, 63, 64, 65, 200, 1000, 5000] {
            let mut text = String::from("é");
            while text.chars().count() < len {
                seed = seed
                    .wrapping_mul(6364136223846793005)
                    .wrapping_add(1442695040888963407);
                let run = (seed >> 60) as usize + 1;
                text.push_str(&pieces[(seed >> 33) as usize % pieces.len()].repeat(run));
            }
            let want: Vec<u32> = text
                .char_indices()
                .step_by(CodePoints::EVERY)
                .map(|(b, _)| b as u32)
                .collect();
            assert_eq!(CodePoints::checkpoints(text.as_bytes()), want, "{len}");
        }
    }

    #[test]
    fn code_points_map_both_ways() {
        for text in [
            "plain",
            "é".repeat(150).as_str(),
            "aé“b”".repeat(40).as_str(),
            "",
        ] {
            let cp = CodePoints::new(text);
            let bytes: Vec<usize> = text.char_indices().map(|(b, _)| b).collect();
            assert_eq!(cp.len() as usize, bytes.len());
            for (k, &b) in bytes.iter().enumerate() {
                assert_eq!(cp.byte_at(text, k as u32), Some(b));
                assert_eq!(cp.before(text, b), k);
            }
            assert_eq!(cp.byte_at(text, cp.len()), Some(text.len()));
            assert_eq!(cp.byte_at(text, cp.len() + 1), None);
            assert_eq!(cp.before(text, text.len()), bytes.len());
        }
    }

    #[test]
    fn finds_the_same_occurrence_in_the_input() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.txt");
        std::fs::write(&path, "Headline\n\nrain. rain again\nthen rain\n").unwrap();
        let origin: Arc<str> = Arc::from(path.to_string_lossy());
        let mut loc = InputLocator::default();
        let p = loc.locate(&origin, || Some(("rain".into(), 2))).unwrap();
        assert_eq!((p.line, p.column), (Some(4), Some(6)));
        let p = loc.locate(&origin, || Some(("snow".into(), 0))).unwrap();
        assert_eq!(p.line, None);
        let p = loc.locate(&Arc::from("batch.jsonl:7"), || None).unwrap();
        assert_eq!((&*p.path, p.line), ("batch.jsonl", Some(7)));
        assert_eq!(loc.locate(&Arc::from("stdin"), || None), None);
    }

    #[test]
    fn needle_counts_earlier_occurrences() {
        let text = "rain. rain again\nthen rain";
        let ix = TextIndex::new(text);
        assert_eq!(ix.needle(22, 26), Some(("rain".to_string(), 2)));
    }
}
