//! UTF-8 byte helpers.

/// Decodes the character at byte `i` of valid UTF-8.
#[inline]
pub(super) fn decode_at(bytes: &[u8], i: usize) -> (char, usize) {
    let b = bytes[i];
    let (len, init) = match b {
        0..=0x7f => return (b as char, 1),
        0xc0..=0xdf => (2, u32::from(b & 0x1f)),
        0xe0..=0xef => (3, u32::from(b & 0x0f)),
        _ => (4, u32::from(b & 0x07)),
    };
    let mut u = init;
    for &cont in &bytes[i + 1..i + len] {
        u = (u << 6) | u32::from(cont & 0x3f);
    }
    (char::from_u32(u).unwrap_or('\u{fffd}'), len)
}

/// The length of the UTF-8 sequence that `lead` starts, or 0 when `lead`
/// cannot start a multi-byte sequence.
#[inline]
pub(super) fn utf8_len(lead: u8) -> usize {
    match lead {
        0xc2..=0xdf => 2,
        0xe0..=0xef => 3,
        0xf0..=0xf4 => 4,
        _ => 0,
    }
}

/// True when `second` may follow `lead` in well-formed UTF-8: no overlong
/// forms, no surrogates, nothing past U+10FFFF.
#[inline]
pub(super) fn second_ok(lead: u8, second: u8) -> bool {
    let range = match lead {
        0xe0 => 0xa0..=0xbf,
        0xed => 0x80..=0x9f,
        0xf0 => 0x90..=0xbf,
        0xf4 => 0x80..=0x8f,
        _ => 0x80..=0xbf,
    };
    range.contains(&second)
}

/// The astral character that six bytes spell as a CESU-8 surrogate pair:
/// a high surrogate (ED A0–AF, a continuation), then a low one (ED B0–BF,
/// a continuation).
#[inline]
pub(super) fn surrogate_pair(bytes: &[u8; 6]) -> Option<char> {
    let cont = |b: u8| (0x80..0xc0).contains(&b);
    let ok = bytes[0] == 0xed
        && (0xa0..0xb0).contains(&bytes[1])
        && cont(bytes[2])
        && bytes[3] == 0xed
        && (0xb0..0xc0).contains(&bytes[4])
        && cont(bytes[5]);
    if !ok {
        return None;
    }
    let unit =
        |b1: u8, b2: u8| (u32::from(b1 & 0x3f) << 6) | u32::from(b2 & 0x3f);
    // The ten low bits of each surrogate.
    let high = unit(bytes[1], bytes[2]) & 0x3ff;
    let low = unit(bytes[4], bytes[5]) & 0x3ff;
    char::from_u32(0x10000 + (high << 10) + low)
}
