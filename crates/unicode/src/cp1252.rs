//! Windows-1252, the code page UTF-8 is most often mis-decoded as: one
//! table of the 32 bytes where it differs from Latin-1, and the lookups
//! derived from it. Bytes 0xA0 and above are Latin-1 in both.

/// The characters of bytes 0x80–0x9F; `None` for the five that
/// Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D).
const HIGH: [Option<char>; 32] = [
    Some('€'),
    None,
    Some('‚'),
    Some('ƒ'),
    Some('„'),
    Some('…'),
    Some('†'),
    Some('‡'),
    Some('ˆ'),
    Some('‰'),
    Some('Š'),
    Some('‹'),
    Some('Œ'),
    None,
    Some('Ž'),
    None,
    None,
    Some('‘'),
    Some('’'),
    Some('“'),
    Some('”'),
    Some('•'),
    Some('–'),
    Some('—'),
    Some('˜'),
    Some('™'),
    Some('š'),
    Some('›'),
    Some('œ'),
    None,
    Some('ž'),
    Some('Ÿ'),
];

/// The character that byte `b` stands for in Windows-1252, reading the
/// five undefined bytes as Latin-1 (C1 controls), as browsers do.
pub(crate) const fn decode(b: u8) -> char {
    if b >= 0x80 && b <= 0x9f {
        if let Some(c) = HIGH[(b - 0x80) as usize] {
            return c;
        }
    }
    b as char
}

/// The Windows-1252 character that a C1 control stands for: text decoded
/// as Latin-1 turns Windows-1252 punctuation such as `’` (byte 0x92) into
/// the control U+0092. `None` for the five bytes Windows-1252 leaves
/// undefined and for anything outside U+0080–U+009F.
pub(crate) fn of_c1(c: char) -> Option<char> {
    let index = (c as u32).checked_sub(0x80)?;
    HIGH.get(index as usize).copied().flatten()
}

/// The Windows-1252 (or Latin-1) byte that `c` stands for when UTF-8 text
/// was decoded with that code page, for bytes 0x80 and above.
///
/// U+0080–U+00FF map to their own byte (Latin-1, which also covers the
/// five bytes Windows-1252 leaves undefined); the 27 Windows-1252 specials
/// such as `’` and `—` map to 0x80–0x9F. ASCII is `None`: a UTF-8
/// multi-byte sequence never contains an ASCII byte.
#[inline]
pub(crate) fn byte(c: char) -> Option<u8> {
    let u = c as u32;
    if (0x80..=0xff).contains(&u) {
        return Some(u as u8);
    }
    if !(SPECIALS.0..=SPECIALS.1).contains(&u) {
        return None;
    }
    let b = BYTE_BY_SLOT[slot(u)];
    (b != 0 && HIGH[usize::from(b - 0x80)] == Some(c)).then_some(b)
}

/// The lowest and highest code point of the specials, to reject the rest
/// of Unicode with two comparisons.
const SPECIALS: (u32, u32) = {
    let (mut lo, mut hi) = (u32::MAX, 0);
    let mut i = 0;
    while i < HIGH.len() {
        if let Some(c) = HIGH[i] {
            let u = c as u32;
            lo = if u < lo { u } else { lo };
            hi = if u > hi { u } else { hi };
        }
        i += 1;
    }
    (lo, hi)
};

/// The inverse of `HIGH`: the byte of each special at its `slot`, 0 in the
/// empty slots. The specials' slots differ; the build fails if they do not.
const BYTE_BY_SLOT: [u8; 256] = {
    let mut table = [0u8; 256];
    let mut i = 0;
    while i < HIGH.len() {
        if let Some(c) = HIGH[i] {
            let s = slot(c as u32);
            assert!(table[s] == 0, "two Windows-1252 specials share a slot");
            table[s] = 0x80 + i as u8;
        }
        i += 1;
    }
    table
};

/// A hash of a code point into 0..256: its two low bytes, xor-ed.
#[inline]
const fn slot(u: u32) -> usize {
    ((u ^ (u >> 8)) & 0xff) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn byte_inverts_the_table() {
        for u in 0..=char::MAX as u32 {
            let Some(c) = char::from_u32(u) else { continue };
            let want = match u {
                0x80..=0xff => Some(u as u8),
                _ => HIGH
                    .iter()
                    .position(|&w| w == Some(c))
                    .map(|i| 0x80 + i as u8),
            };
            assert_eq!(byte(c), want, "{c:?}");
        }
    }

    #[test]
    fn decode_and_byte_round_trip() {
        for b in 0x80..=0xffu8 {
            assert_eq!(byte(decode(b)), Some(b), "{b:#x}");
        }
        assert_eq!(decode(0x92), '’');
        assert_eq!(decode(0x81), '\u{81}');
        assert_eq!(decode(b'a'), 'a');
        assert_eq!(of_c1('\u{92}'), Some('’'));
        assert_eq!(of_c1('\u{81}'), None);
        assert_eq!(of_c1('’'), None);
        assert_eq!(SPECIALS, (0x152, 0x2122));
    }
}
