//! [`char::is_alphabetic`] and [`char::is_alphanumeric`], answered without
//! the standard library's table search for the characters most text is
//! made of: ASCII, Latin-1, Latin Extended-A, the combining diacritical
//! marks, and the letters of Greek and Cyrillic. Stages ask about nearly
//! every character; a search costs tens of instructions, and a run of
//! combining marks asks it a million times.
//!
//! ```
//! use textclean_core::letters;
//! assert!(letters::is_alphabetic('é') && !letters::is_alphabetic('\u{301}'));
//! assert!(letters::is_alphanumeric('²') && !letters::is_alphanumeric('×'));
//! ```

/// Whether `c` is alphabetic, as [`char::is_alphabetic`] says.
#[inline]
pub fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphabetic(),
        0x80..=0xbf => matches!(c, 'ª' | 'µ' | 'º'),
        0xc0..=0xff => !matches!(c, '×' | '÷'),
        // Latin Extended-A and -B, IPA: letters all.
        0x100..=0x2af => true,
        // The combining diacritical marks: none but the Greek subscript
        // and the small letters written above others (U+0363 on).
        0x300..=0x36f => c == '\u{345}' || c >= '\u{363}',
        // Cyrillic but for its signs and marks.
        0x400..=0x481 | 0x48a..=0x52f => true,
        _ => c.is_alphabetic(),
    }
}

/// Whether `c` is alphanumeric, as [`char::is_alphanumeric`] says.
#[inline]
pub fn is_alphanumeric(c: char) -> bool {
    match c as u32 {
        0..=0x7f => c.is_ascii_alphanumeric(),
        // Latin-1's superscript digits and fractions are numbers.
        0x80..=0xbf => {
            matches!(c, 'ª' | 'µ' | 'º' | '²' | '³' | '¹' | '¼' | '½' | '¾')
        }
        0xc0..=0x36f | 0x400..=0x52f => is_alphabetic(c),
        _ => c.is_alphanumeric(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_character_is_answered_as_the_standard_library_does() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
