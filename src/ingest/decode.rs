//! Raw bytes → text: byte-order marks, UTF-16, legacy single-byte encodings, binary files.
//!
//! UTF-8 (with or without BOM) and UTF-16 with a BOM are read as they are; UTF-16 without
//! a BOM is recognised by its NUL bytes; anything else that is not UTF-8 is decoded with
//! the encoding chardetng guesses (usually Windows-1252) and a note says so. Binary files
//! (known signatures, or too many control bytes) are refused.

use std::borrow::Cow;

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE};

/// Text decoded from an input, with notes on what decoding had to do.
#[derive(Debug, Clone, PartialEq)]
pub struct Decoded<'a> {
    /// The text, without byte-order mark or NUL bytes.
    pub text: Cow<'a, str>,
    /// Notes for the conversion report, e.g. the encoding that was guessed.
    pub notes: Vec<String>,
}

/// Known signatures of binary formats people save by mistake where articles should be.
const SIGNATURES: &[(&[u8], &str)] = &[
    (b"%PDF-", "a PDF document"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF87a", "a GIF image"),
    (b"GIF89a", "a GIF image"),
    (
        b"PK\x03\x04",
        "a ZIP archive (or a .docx/.odt/.xlsx document)",
    ),
    (b"\x1f\x8b", "a gzip archive"),
    (
        b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1",
        "an old Microsoft Office document",
    ),
    (b"{\\rtf", "an RTF document"),
    (b"PAR1", "a Parquet file"),
    (b"\x7fELF", "an executable"),
    (b"SQLite format 3\0", "an SQLite database"),
];

/// Share of control bytes (other than tab, line feed, vertical tab, form feed and carriage
/// return) above which a file is taken for binary: one in 32.
const MAX_CONTROL_SHARE: usize = 32;

/// Decodes the raw bytes of one input.
pub fn decode(bytes: &[u8]) -> Result<Decoded<'_>, String> {
    if bytes.is_empty() {
        return Err("empty file".into());
    }
    if let Some((encoding, bom)) = Encoding::for_bom(bytes) {
        let mut notes = Vec::new();
        if encoding != UTF_8 {
            notes.push(format!("decoded from {}", encoding.name()));
        }
        return decode_as(encoding, &bytes[bom..], notes);
    }
    if let Some(encoding) = utf16_without_bom(bytes) {
        let notes = vec![format!(
            "no byte-order mark; decoded as {} from its NUL bytes",
            encoding.name()
        )];
        return decode_as(encoding, bytes, notes);
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| bytes.starts_with(sig)) {
        return Err(format!("binary file: this is {what}, not an article"));
    }
    let controls = bytes.iter().filter(|&&b| is_binary_control(b)).count();
    if controls > 1 && controls * MAX_CONTROL_SHARE > bytes.len() {
        return Err(format!(
            "binary file: {controls} of its {} bytes are control bytes",
            bytes.len()
        ));
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return finish(Cow::Borrowed(text), Vec::new());
    }
    let (multibyte, invalid) = utf8_census(bytes);
    if multibyte > invalid {
        let notes = vec![format!(
            "{invalid} invalid UTF-8 sequences replaced with U+FFFD"
        )];
        return finish(String::from_utf8_lossy(bytes), notes);
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let encoding = detector.guess(None, Utf8Detection::Deny);
    let notes = vec![format!(
        "not UTF-8; decoded as {} by guess: re-encode the file as UTF-8 to be sure",
        encoding.name()
    )];
    decode_as(encoding, bytes, notes)
}

/// How a stream read line by line (a JSONL batch) is encoded, judged from its first bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StreamEncoding {
    /// Bytes, decoded line by line with [`decode`]; `bom` bytes of UTF-8 byte-order mark
    /// to skip first.
    Bytes {
        /// Length of the byte-order mark.
        bom: usize,
    },
    /// UTF-16, transcoded to UTF-8 before lines are split.
    Utf16 {
        /// UTF-16LE or UTF-16BE.
        encoding: &'static Encoding,
        /// Length of the byte-order mark.
        bom: usize,
        /// The note every article of the stream gets.
        note: String,
    },
}

/// Judges a stream from its first bytes `head` (`whole` when they are all of it):
/// UTF-16 (by BOM or NUL bytes), or bytes to decode line by line; empty and binary
/// streams are refused as [`decode`] refuses such files.
pub fn sniff_stream(head: &[u8], whole: bool) -> Result<StreamEncoding, String> {
    if head.is_empty() {
        return Err("empty file".into());
    }
    if let Some((encoding, bom)) = Encoding::for_bom(head) {
        return Ok(if encoding == UTF_8 {
            StreamEncoding::Bytes { bom }
        } else {
            StreamEncoding::Utf16 {
                encoding,
                bom,
                note: format!("decoded from {}", encoding.name()),
            }
        });
    }
    if let Some(encoding) = utf16_without_bom(head) {
        return Ok(StreamEncoding::Utf16 {
            encoding,
            bom: 0,
            note: format!(
                "no byte-order mark; decoded as {} from its NUL bytes",
                encoding.name()
            ),
        });
    }
    if let Some((_, what)) = SIGNATURES.iter().find(|(sig, _)| head.starts_with(sig)) {
        return Err(format!("binary file: this is {what}, not an article"));
    }
    let controls = head.iter().filter(|&&b| is_binary_control(b)).count();
    if controls > 1 && controls * MAX_CONTROL_SHARE > head.len() {
        let first = if whole { "" } else { "first " };
        return Err(format!(
            "binary file: {controls} of its {first}{} bytes are control bytes",
            head.len()
        ));
    }
    Ok(StreamEncoding::Bytes { bom: 0 })
}

/// Decodes `body` (without BOM) as `encoding`, noting malformed sequences.
fn decode_as<'a>(
    encoding: &'static Encoding,
    body: &'a [u8],
    mut notes: Vec<String>,
) -> Result<Decoded<'a>, String> {
    let (text, malformed) = encoding.decode_without_bom_handling(body);
    if malformed {
        notes.push(format!(
            "invalid {} sequences replaced with U+FFFD",
            encoding.name()
        ));
    }
    finish(text, notes)
}

/// Drops NUL characters (with a note) and refuses text that is only white space.
fn finish<'a>(mut text: Cow<'a, str>, mut notes: Vec<String>) -> Result<Decoded<'a>, String> {
    let nuls = text.matches('\0').count();
    if nuls > 0 {
        text = Cow::Owned(text.replace('\0', ""));
        notes.push(format!("NUL characters removed: {nuls}"));
    }
    if text.trim().is_empty() {
        return Err("empty file: nothing but white space".into());
    }
    Ok(Decoded { text, notes })
}

/// Valid non-ASCII UTF-8 characters and invalid sequences in `bytes`: text that is UTF-8
/// with a few broken bytes has many more of the first.
fn utf8_census(bytes: &[u8]) -> (usize, usize) {
    let mut multibyte = 0;
    let mut invalid = 0;
    for chunk in bytes.utf8_chunks() {
        multibyte += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        invalid += usize::from(!chunk.invalid().is_empty());
    }
    (multibyte, invalid)
}

/// Control bytes that do not occur in text files.
fn is_binary_control(b: u8) -> bool {
    matches!(b, 0x00..=0x08 | 0x0e..=0x1a | 0x1c..=0x1f | 0x7f)
}

/// UTF-16 without a BOM: in the first 4 KB, most bytes at odd positions are NUL (LE) or
/// most at even positions (BE), and almost none on the other side.
fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(4096) & !1];
    let pairs = head.len() / 2;
    if pairs < 2 {
        return None;
    }
    let even = head.iter().step_by(2).filter(|&&b| b == 0).count();
    let odd = head.iter().skip(1).step_by(2).filter(|&&b| b == 0).count();
    let most = |n: usize| n * 10 >= pairs * 6;
    let few = |n: usize| n * 20 <= pairs;
    if most(odd) && few(even) {
        Some(UTF_16LE)
    } else if most(even) && few(odd) {
        Some(UTF_16BE)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ok(bytes: &[u8]) -> (String, Vec<String>) {
        let d = decode(bytes).unwrap();
        (d.text.into_owned(), d.notes)
    }

    fn err(bytes: &[u8]) -> String {
        decode(bytes).unwrap_err()
    }

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(ok(b"Caf\xc3\xa9\n"), ("Café\n".into(), vec![]));
        assert_eq!(ok(b"\xef\xbb\xbfCaf\xc3\xa9\n"), ("Café\n".into(), vec![]));
    }

    #[test]
    fn utf16_with_bom_both_orders() {
        let le: Vec<u8> = [0xff, 0xfe]
            .into_iter()
            .chain("Café".encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = [0xfe, 0xff]
            .into_iter()
            .chain("Café".encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(ok(&le).0, "Café");
        assert_eq!(ok(&le).1, vec!["decoded from UTF-16LE".to_string()]);
        assert_eq!(ok(&be).0, "Café");
    }

    #[test]
    fn utf16_without_bom_is_recognised() {
        let le: Vec<u8> = "Headline\nBody text"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        let (text, notes) = ok(&le);
        assert_eq!(text, "Headline\nBody text");
        assert!(notes[0].contains("UTF-16LE"), "{notes:?}");
    }

    #[test]
    fn windows_1252_is_guessed_and_noted() {
        let (text, notes) = ok(b"Le ministre a d\xe9clar\xe9 que l'arm\xe9e \x93avance\x94.");
        assert_eq!(text, "Le ministre a déclaré que l'armée “avance”.");
        assert!(notes[0].contains("windows-1252"), "{notes:?}");
    }

    #[test]
    fn utf8_with_a_few_broken_bytes_stays_utf8() {
        let (text, notes) = ok(b"Caf\xc3\xa9 cr\xc3\xa8me br\xc3\xbbl\xc3\xa9e \xff ok");
        assert_eq!(text, "Café crème brûlée \u{fffd} ok");
        assert_eq!(
            notes,
            vec!["1 invalid UTF-8 sequences replaced with U+FFFD".to_string()]
        );
    }

    #[test]
    fn binary_by_signature_and_by_control_bytes() {
        assert!(err(b"%PDF-1.7\n...").contains("PDF"));
        assert!(err(b"\x01\x02\x03\x04abc\x05\x06").contains("control bytes"));
    }

    #[test]
    fn stray_nuls_are_removed_with_a_note() {
        let mut text = b"Headline\n\nA long enough body of text ".repeat(4);
        text.push(0);
        text.extend_from_slice(b"that carries on.");
        let (text, notes) = ok(&text);
        assert!(!text.contains('\0'));
        assert_eq!(notes, vec!["NUL characters removed: 1".to_string()]);
    }

    #[test]
    fn streams_are_judged_by_their_head() {
        assert_eq!(
            sniff_stream(b"\xef\xbb\xbf{}", true),
            Ok(StreamEncoding::Bytes { bom: 3 })
        );
        assert!(matches!(
            sniff_stream(b"\xff\xfe{\0}\0", true),
            Ok(StreamEncoding::Utf16 { bom: 2, .. })
        ));
        assert_eq!(sniff_stream(b"", true), Err("empty file".into()));
        assert!(
            sniff_stream(b"\x1f\x8b\x08", true)
                .unwrap_err()
                .contains("gzip")
        );
        let e = sniff_stream(b"\x01\x02\x03\x04abc\x05\x06", false).unwrap_err();
        assert!(e.contains("6 of its first 9 bytes"), "{e}");
    }

    #[test]
    fn empty_and_blank_inputs_are_refused() {
        assert_eq!(err(b""), "empty file");
        assert!(err(b" \n\t\n").contains("white space"));
        assert!(err(b"\xef\xbb\xbf").contains("white space"));
    }
}
