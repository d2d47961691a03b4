//! `decode`: bytes of unknown encoding to text.
//!
//! Checks what `decode` promises: it never fails or panics; valid UTF-8
//! without a byte order mark comes back borrowed and identical, read as
//! UTF-8 and not lossy; a UTF-8 byte order mark is dropped and the rest
//! read the same; text that comes back without U+FFFD was not lossy unless
//! U+FFFD stood for bytes; and the text of valid UTF-8 in UTF-16 with a
//! byte order mark comes back exactly.
#![no_main]

use std::borrow::Cow;

use libfuzzer_sys::fuzz_target;
use textclean_unicode::{Encoding, decode};

fuzz_target!(|bytes: &[u8]| {
    let decoded = decode(bytes);
    if decoded.lossy {
        assert!(
            decoded.text.contains('\u{fffd}'),
            "lossy without U+FFFD: {bytes:?}"
        );
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        if let Some(rest) = text.strip_prefix('\u{feff}') {
            assert_eq!(decoded.encoding, Encoding::Utf8Bom);
            assert_eq!(decoded.text, rest);
        } else {
            assert_eq!(decoded.encoding, Encoding::Utf8, "{bytes:?}");
            assert!(
                matches!(decoded.text, Cow::Borrowed(_)),
                "copied: {bytes:?}"
            );
            assert_eq!(decoded.text, text);
            assert!(!decoded.lossy);
        }
        // The same text as UTF-16LE with its byte order mark.
        let mut utf16 = vec![0xff, 0xfe];
        for unit in text.encode_utf16() {
            utf16.extend_from_slice(&unit.to_le_bytes());
        }
        let again = decode(&utf16);
        assert_eq!(again.encoding, Encoding::Utf16Le);
        assert_eq!(again.text, text);
        assert!(!again.lossy);
    }
});
