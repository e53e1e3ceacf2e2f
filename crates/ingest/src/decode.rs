//! Bytes to text. News files come in UTF-8 mostly, in UTF-16 with a byte-order mark or in a
//! legacy charset sometimes, and now and then they are not text at all (an image or archive
//! dropped into the input folder). The policy, in order:
//!
//! 1. a byte-order mark (UTF-8, UTF-16LE/BE) decides;
//! 2. NUL bytes, or more than 1% control characters, make the document binary: refused;
//! 3. valid UTF-8 is taken as it is;
//! 4. a charset the document declares (HTML `<meta charset>`) is honoured; bytes invalid in it
//!    refuse the document;
//! 5. otherwise mostly-UTF-8 bytes with a few bad ones are read as UTF-8 with U+FFFD for the
//!    bad bytes, and anything else as Windows-1252 (a superset of Latin-1's printable range),
//!    which decodes every byte.

use std::borrow::Cow;

use encoding_rs::Encoding;

use crate::error::ReadError;

/// The encoding a byte-order mark at the start of `bytes` names, and the mark's length.
pub(crate) fn bom(bytes: &[u8]) -> Option<(&'static Encoding, usize)> {
    Encoding::for_bom(bytes)
}

/// Whether `bytes` look like binary data rather than text; the reason when they do.
pub(crate) fn binary(bytes: &[u8]) -> Option<String> {
    if bytes.contains(&0) {
        return Some("contains NUL bytes".into());
    }
    let control = bytes
        .iter()
        .filter(|&&b| matches!(b, 1..=8 | 0x0b | 0x0e..=0x1a | 0x1c..=0x1f | 0x7f))
        .count();
    (control * 100 > bytes.len()).then(|| format!("{control} control characters"))
}

/// Decodes one document (or one JSON line) by the module's policy; `declared` is the charset
/// the document names for itself, if any.
pub(crate) fn decode<'a>(
    bytes: &'a [u8],
    declared: Option<&'static Encoding>,
) -> Result<Cow<'a, str>, ReadError> {
    if let Some((encoding, len)) = bom(bytes) {
        return encoding
            .decode_without_bom_handling_and_without_replacement(&bytes[len..])
            .ok_or(ReadError::Undecodable(encoding.name()));
    }
    if let Some(why) = binary(bytes) {
        return Err(ReadError::Binary(why));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok(Cow::Borrowed(s));
    }
    if let Some(encoding) = declared.filter(|e| *e != encoding_rs::UTF_8) {
        return encoding
            .decode_without_bom_handling_and_without_replacement(bytes)
            .ok_or(ReadError::Undecodable(encoding.name()));
    }
    let (mut good, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        good += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += chunk.invalid().len();
    }
    Ok(if good > bad {
        Cow::Owned(String::from_utf8_lossy(bytes).into_owned())
    } else {
        encoding_rs::WINDOWS_1252
            .decode_without_bom_handling(bytes)
            .0
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_is_borrowed() {
        assert!(matches!(
            decode("Tehran – Iran".as_bytes(), None),
            Ok(Cow::Borrowed(_))
        ));
    }

    #[test]
    fn latin1_falls_back_to_windows_1252() {
        let bytes = b"Caf\xe9 in S\xe3o Paulo \x93quoted\x94";
        assert_eq!(
            decode(bytes, None).unwrap(),
            "Café in São Paulo \u{201c}quoted\u{201d}"
        );
    }

    #[test]
    fn mostly_utf8_keeps_utf8() {
        let bytes = "Zürich, Genève, Malmö \u{2014} "
            .bytes()
            .chain([0xff])
            .collect::<Vec<_>>();
        let s = decode(&bytes, None).unwrap();
        assert!(s.starts_with("Zürich, Genève, Malmö"));
        assert!(s.ends_with('\u{fffd}'));
    }

    #[test]
    fn declared_charset_is_honoured() {
        let koi8 = Encoding::for_label(b"koi8-r").unwrap();
        let (bytes, _, _) = koi8.encode("Москва");
        assert_eq!(decode(&bytes, Some(koi8)).unwrap(), "Москва");
        let sjis = Encoding::for_label(b"shift_jis").unwrap();
        assert!(matches!(
            decode(b"\x82\xa0 \x81", Some(sjis)),
            Err(ReadError::Undecodable("Shift_JIS"))
        ));
    }

    #[test]
    fn utf16_bom() {
        let mut bytes = vec![0xff, 0xfe];
        bytes.extend("Kyiv".encode_utf16().flat_map(u16::to_le_bytes));
        assert_eq!(decode(&bytes, None).unwrap(), "Kyiv");
    }

    #[test]
    fn binary_is_refused() {
        let err = decode(b"PK\x03\x04\x00\x00", None).unwrap_err();
        assert_eq!(err.to_string(), "binary data, not text: contains NUL bytes");
        let err = decode(b"\x01\x02\x03 abc", None).unwrap_err();
        assert_eq!(
            err.to_string(),
            "binary data, not text: 3 control characters"
        );
        assert!(decode(b"page one\x0cpage two\ttab\r\n", None).is_ok());
    }
}
