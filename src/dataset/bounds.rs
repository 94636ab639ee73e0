//! Bounds on the work a Parquet file can make the decoder do, checked before decoding.
//!
//! The Parquet decoder trusts sizes and counts written in the file: a page header can ask
//! for a 2 GB buffer, and a Thrift list of booleans with a huge count makes its parser
//! spin for minutes without reading a byte (both found by fuzzing). So the footer and
//! every page header are first walked here with a strict, bounded reader of the Thrift
//! compact protocol (every element must fit in the bytes that remain, nesting is
//! limited), and the sizes and value counts the pages declare must stay within a budget
//! proportional to the file's size.

use parquet::file::metadata::ParquetMetaData;

/// Deepest nesting of Thrift structs, lists and maps accepted.
const MAX_DEPTH: u32 = 32;

/// What the walk of a page header found.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
struct PageHeader {
    /// Bytes of the header itself.
    header_len: usize,
    /// Size of the page data once decompressed.
    uncompressed: i64,
    /// Size of the page data as stored.
    compressed: i64,
    /// Values in the page (data and dictionary pages).
    values: i64,
}

/// A strict reader of the Thrift compact protocol over a byte slice.
struct Compact<'a> {
    buf: &'a [u8],
    pos: usize,
}

type Walk<T> = Result<T, String>;

impl<'a> Compact<'a> {
    fn new(buf: &'a [u8]) -> Self {
        Self { buf, pos: 0 }
    }

    fn remaining(&self) -> usize {
        self.buf.len() - self.pos
    }

    fn byte(&mut self) -> Walk<u8> {
        let b = *self
            .buf
            .get(self.pos)
            .ok_or("Thrift data ends in the middle of a value")?;
        self.pos += 1;
        Ok(b)
    }

    fn skip(&mut self, n: u64) -> Walk<()> {
        if n > self.remaining() as u64 {
            return Err(format!(
                "Thrift value of {n} bytes with only {} bytes left",
                self.remaining()
            ));
        }
        self.pos += n as usize;
        Ok(())
    }

    fn varint(&mut self) -> Walk<u64> {
        let mut value: u64 = 0;
        for shift in (0..70).step_by(7) {
            let b = self.byte()?;
            value |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(value);
            }
        }
        Err("Thrift varint longer than 10 bytes".into())
    }

    fn zigzag(&mut self) -> Walk<i64> {
        let v = self.varint()?;
        Ok((v >> 1) as i64 ^ -((v & 1) as i64))
    }

    /// The next field of a struct: `None` at its end, else (field id, type).
    fn field(&mut self, last_id: i16) -> Walk<Option<(i16, u8)>> {
        let b = self.byte()?;
        if b == 0 {
            return Ok(None);
        }
        let (delta, ty) = (b >> 4, b & 0x0f);
        let id = if delta == 0 {
            i16::try_from(self.zigzag()?).map_err(|_| "Thrift field id out of range")?
        } else {
            last_id.wrapping_add(i16::from(delta))
        };
        Ok(Some((id, ty)))
    }

    /// Skips a value of compact type `ty`; `element` is true inside lists and maps,
    /// where a boolean takes a byte of its own.
    fn skip_value(&mut self, ty: u8, element: bool, depth: u32) -> Walk<()> {
        if depth == 0 {
            return Err(format!("Thrift nesting deeper than {MAX_DEPTH}"));
        }
        match ty {
            1 | 2 if element => self.skip(1),
            1 | 2 => Ok(()),
            3 => self.skip(1),
            4..=6 => self.varint().map(|_| ()),
            7 => self.skip(8),
            8 => {
                let len = self.varint()?;
                self.skip(len)
            }
            9 | 10 => {
                let b = self.byte()?;
                let size = match b >> 4 {
                    15 => self.varint()?,
                    n => u64::from(n),
                };
                self.elements(size, 1)?;
                for _ in 0..size {
                    self.skip_value(b & 0x0f, true, depth - 1)?;
                }
                Ok(())
            }
            11 => {
                let size = self.varint()?;
                if size > 0 {
                    let kv = self.byte()?;
                    self.elements(size, 2)?;
                    for _ in 0..size {
                        self.skip_value(kv >> 4, true, depth - 1)?;
                        self.skip_value(kv & 0x0f, true, depth - 1)?;
                    }
                }
                Ok(())
            }
            12 => {
                let mut last = 0;
                while let Some((id, ty)) = self.field(last)? {
                    self.skip_value(ty, false, depth - 1)?;
                    last = id;
                }
                Ok(())
            }
            13 => self.skip(16),
            other => Err(format!("unknown Thrift type {other}")),
        }
    }

    /// Every element takes at least `min` bytes: a count the data cannot hold is refused
    /// before looping over it.
    fn elements(&self, count: u64, min: u64) -> Walk<()> {
        if count.saturating_mul(min) > self.remaining() as u64 {
            return Err(format!(
                "Thrift list of {count} elements with only {} bytes left",
                self.remaining()
            ));
        }
        Ok(())
    }

    /// Reads an `i32` field value (compact type 5); a value that does not fit in 32 bits
    /// is malformed (the decoder would silently truncate it).
    fn i32_field(&mut self, ty: u8) -> Walk<Option<i64>> {
        if ty == 5 {
            let v = self.zigzag()?;
            if i32::try_from(v).is_err() {
                return Err("Thrift i32 out of range".into());
            }
            Ok(Some(v))
        } else {
            self.skip_value(ty, false, MAX_DEPTH).map(|_| None)
        }
    }
}

/// Checks that `footer` (the file metadata) is well-formed Thrift within its bytes.
pub fn check_footer(footer: &[u8]) -> Result<(), String> {
    let mut r = Compact::new(footer);
    r.skip_value(12, false, MAX_DEPTH)
        .map_err(|e| format!("file metadata: {e}"))
}

/// Rows a file may declare per byte of its size (plus [`MAX_ROWS_FREE`]): run-length
/// encoding stores many equal values in a byte, but not without bound.
pub const MAX_ROWS_PER_BYTE: u64 = 64;

/// Rows any file may declare whatever its size.
pub const MAX_ROWS_FREE: u64 = 1 << 16;

/// Checks the layout the metadata declares against the file's `len` bytes: the column
/// chunks of all row groups lie in separate stretches of the file (a forged footer that
/// repeats one row group thousands of times makes the decoder read the same bytes again
/// for each), and the rows declared stay within [`MAX_ROWS_PER_BYTE`] of its size. One
/// sort of the chunks, before any page is decoded.
pub fn check_layout(meta: &ParquetMetaData, len: u64) -> Result<(), String> {
    let mut chunks: Vec<(i64, i64, usize, usize)> = Vec::new();
    let mut rows: u64 = 0;
    for (g, group) in meta.row_groups().iter().enumerate() {
        rows = rows.saturating_add(u64::try_from(group.num_rows()).unwrap_or(u64::MAX));
        for (c, col) in group.columns().iter().enumerate() {
            let start = col
                .dictionary_page_offset()
                .unwrap_or(col.data_page_offset());
            chunks.push((start, start.saturating_add(col.compressed_size()), g, c));
        }
    }
    let limit = len
        .saturating_mul(MAX_ROWS_PER_BYTE)
        .saturating_add(MAX_ROWS_FREE);
    if rows > limit {
        return Err(format!("declares {rows} rows in a file of {len} bytes"));
    }
    chunks.sort_unstable();
    for pair in chunks.windows(2) {
        let ((_, end, g, c), (start, _, h, d)) = (pair[0], pair[1]);
        if start < end {
            return Err(format!(
                "row group {h}, column {d} shares bytes with row group {g}, column {c}"
            ));
        }
    }
    Ok(())
}

/// Walks one page header at the start of `bytes`.
fn page_header(bytes: &[u8]) -> Walk<PageHeader> {
    let mut r = Compact::new(bytes);
    let mut h = PageHeader::default();
    let mut last = 0;
    while let Some((id, ty)) = r.field(last)? {
        match id {
            2 => h.uncompressed = r.i32_field(ty)?.unwrap_or(h.uncompressed),
            3 => h.compressed = r.i32_field(ty)?.unwrap_or(h.compressed),
            // Data page, dictionary page and data page v2 headers: field 1 counts values.
            5 | 7 | 8 if ty == 12 => {
                let mut inner_last = 0;
                while let Some((inner, ty)) = r.field(inner_last)? {
                    if inner == 1 {
                        h.values += r.i32_field(ty)?.unwrap_or(0);
                    } else {
                        r.skip_value(ty, false, MAX_DEPTH - 1)?;
                    }
                    inner_last = inner;
                }
            }
            _ => r.skip_value(ty, false, MAX_DEPTH)?,
        }
        last = id;
    }
    h.header_len = r.pos;
    Ok(h)
}

/// Bytes read at first for a page header; a larger header is read again in full.
const HEADER_WINDOW: u64 = 4096;

/// Walks the pages of every column chunk (`chunk(start, len)` gives `len` bytes of the
/// file from `start`, at most a page header's worth at a time) and
/// checks that what they declare stays within `budget` bytes once decompressed and
/// `budget` values, over the whole file.
pub fn check_pages(
    meta: &ParquetMetaData,
    budget: u64,
    mut chunk: impl FnMut(u64, u64) -> Result<bytes::Bytes, String>,
) -> Result<(), String> {
    let (mut bytes_total, mut values_total) = (0u64, 0u64);
    let mut rows_total = 0u64;
    for (g, group) in meta.row_groups().iter().enumerate() {
        rows_total = rows_total.saturating_add(u64::try_from(group.num_rows()).unwrap_or(0));
        for (c, col) in group.columns().iter().enumerate() {
            let at = |m: String| format!("row group {g}, column {c}: {m}");
            let (start, len) = col.byte_range();
            // Only the page headers are read, through a window that grows while a header
            // does not fit in it: a chunk's pages are never held whole.
            let mut pos = 0u64;
            while pos < len {
                let remaining = len - pos;
                let mut window = remaining.min(HEADER_WINDOW);
                let h = loop {
                    let data = chunk(start + pos, window).map_err(at)?;
                    match page_header(&data) {
                        Ok(h) => break h,
                        Err(_) if window < remaining => window = remaining.min(window * 4),
                        Err(e) => {
                            return Err(at(format!("page header at byte {}: {e}", start + pos)));
                        }
                    }
                };
                if h.uncompressed < 0 || h.compressed < 0 || h.values < 0 {
                    return Err(at(format!(
                        "page at byte {} declares a negative size or count",
                        start + pos
                    )));
                }
                pos += h.header_len as u64;
                if h.compressed as u64 > len - pos {
                    return Err(at(format!(
                        "page at byte {} of {} bytes runs past its column chunk",
                        start + pos,
                        h.compressed
                    )));
                }
                pos += h.compressed as u64;
                bytes_total = bytes_total.saturating_add(h.uncompressed as u64);
                values_total = values_total.saturating_add(h.values as u64);
            }
        }
    }
    for (what, total) in [
        ("bytes of page data", bytes_total),
        ("values", values_total),
        ("rows", rows_total),
    ] {
        if total > budget {
            return Err(format!(
                "declares {total} {what}, more than a file of its size can hold"
            ));
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_declaring_more_than_the_budget_are_refused() {
        use crate::model::{Actor, ActorId, ActorKind};
        use parquet::arrow::arrow_reader::ArrowReaderMetadata;
        use parquet::file::reader::ChunkReader;
        let actors: Vec<Actor> = (0..50)
            .map(|i| Actor {
                actor_id: ActorId::derive(ActorKind::State, &i.to_string()),
                name: format!("State {i}"),
                kind: ActorKind::State,
                aliases: vec![],
                description: None,
                affiliation_id: None,
            })
            .collect();
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("actors.parquet");
        crate::dataset::write_table(&path, &actors).unwrap();
        let bytes = bytes::Bytes::from(std::fs::read(path).unwrap());
        let meta = ArrowReaderMetadata::load(&bytes, Default::default()).unwrap();
        let chunk = |start, len| {
            bytes
                .get_bytes(start, len as usize)
                .map_err(|e| e.to_string())
        };
        check_pages(meta.metadata(), 1 << 20, chunk).unwrap();
        let e = check_pages(meta.metadata(), 100, chunk).unwrap_err();
        assert!(
            e.starts_with("declares ")
                && e.ends_with("bytes of page data, more than a file of its size can hold"),
            "{e}"
        );
    }

    #[test]
    fn list_of_booleans_longer_than_the_data_is_refused() {
        // A struct with field 1: list of 2^31 booleans, then nothing.
        let footer = [0x19, 0xf1, 0x80, 0x80, 0x80, 0x80, 0x08, 0x00];
        let e = check_footer(&footer).unwrap_err();
        assert!(e.contains("list of 2147483648 elements"), "{e}");
    }

    #[test]
    fn deep_nesting_is_refused() {
        let mut footer = vec![0x1c; 100]; // field 1: struct, nested 100 times
        footer.extend([0u8; 101]);
        assert!(check_footer(&footer).unwrap_err().contains("nesting"));
    }

    #[test]
    fn page_header_fields_are_read() {
        // type=0 (i32 0), uncompressed=100, compressed=40, data_page_header{num_values=7}
        let bytes = [
            0x15, 0x00, 0x15, 0xc8, 0x01, 0x15, 0x50, 0x2c, 0x15, 0x0e, 0x00, 0x00,
        ];
        let h = page_header(&bytes).unwrap();
        assert_eq!(
            h,
            PageHeader {
                header_len: 12,
                uncompressed: 100,
                compressed: 40,
                values: 7
            }
        );
    }
}
