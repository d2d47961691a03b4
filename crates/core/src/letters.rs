//! [`char::is_alphabetic`] and [`char::is_alphanumeric`], answered without
//! the standard library's table search for the characters most text is
//! made of: ASCII, Latin-1, Latin Extended-A, the combining diacritical
//! marks, the letters of Greek and Cyrillic, kana, the CJK ideographs and
//! the Hangul syllables. Stages ask about nearly
//! every character; a search costs tens of instructions, and a run of
//! combining marks asks it a million times.
//!
//! ```
//! use textclean_core::letters;
//! assert!(letters::is_alphabetic('é') && !letters::is_alphabetic('\u{301}'));
//! assert!(letters::is_alphanumeric('²') && !letters::is_alphanumeric('×'));
//! ```

/// The high bit of each byte of `x`, eight ASCII bytes (all below
/// `0x80`), that lies from `lo` to `hi`: adding `0x80 - lo` sets it from
/// `lo` on, adding `0x7f - hi` past `hi`, and no byte carries into the
/// next. What the stages read eight bytes at a time is built from it.
///
/// ```
/// use textclean_core::letters::ascii_bytes_in;
/// let x = u64::from_le_bytes(*b"aB cD9!z");
/// let capitals = ascii_bytes_in(x, b'A', b'Z');
/// assert_eq!(capitals, 0x80 << 8 | 0x80 << 32);
/// ```
#[inline]
pub fn ascii_bytes_in(x: u64, lo: u8, hi: u8) -> u64 {
    let splat = |b: u8| u64::from(b) * 0x0101_0101_0101_0101;
    let from_lo = x.wrapping_add(splat(0x80 - lo));
    let past_hi = x.wrapping_add(splat(0x7f - hi));
    from_lo & !past_hi & 0x8080_8080_8080_8080
}

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
        // Greek but for its signs and holes.
        0x370..=0x3ff => !matches!(
            c as u32,
            0x375 | 0x378 | 0x379 | 0x37e | 0x380
                ..=0x385 | 0x387 | 0x38b | 0x38d | 0x3a2 | 0x3f6
        ),
        // Cyrillic but for its signs and marks.
        0x400..=0x481 | 0x48a..=0x52f => true,
        _ if is_cjk_letter(c) => true,
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
        _ if is_cjk_letter(c) => true,
        _ => c.is_alphanumeric(),
    }
}

/// Kana, the CJK ideographs and the Hangul syllables: letters all, and
/// most of what East Asian text holds.
#[inline]
fn is_cjk_letter(c: char) -> bool {
    matches!(c as u32, 0x3041..=0x3096 | 0x30a1..=0x30fa | 0x4e00..=0x9fff | 0xac00..=0xd7a3)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_ranges_are_found_in_every_place() {
        for (lo, hi) in
            [(b'A', b'Z'), (b'a', b'z'), (b'0', b'9'), (9, 13), (0, 0x7f)]
        {
            for b in 0..0x80u8 {
                let bytes = [b, b'A', 0, b'z', b, b'Z', b'@', 0x7f];
                let want =
                    bytes.iter().enumerate().fold(0u64, |m, (i, &c)| {
                        m | u64::from((lo..=hi).contains(&c)) << (8 * i + 7)
                    });
                let got = ascii_bytes_in(u64::from_le_bytes(bytes), lo, hi);
                assert_eq!(got, want, "{b:#x} in {lo}..={hi}");
            }
        }
    }

    #[test]
    fn every_character_is_answered_as_the_standard_library_does() {
        for c in (0..=0x10ffff).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
            assert_eq!(is_alphanumeric(c), c.is_alphanumeric(), "{c:?}");
        }
    }
}
