//! The fast scan: where the next region starts.

use super::class::{ACTIVE, CONT, CP1252, LEAD, NBSP_LEAD, RULE};
use super::utf8::decode_at;
use super::{Engine, entity, escape};

impl Engine {
    /// Finds, from `from`, the first position where a rule may apply: an
    /// ASCII byte some rule acts on (an `&` only where an entity may
    /// start, a `\` only where a surrogate escape may), a non-ASCII character some rule acts on
    /// or that is not normalized, or a character that is a lead byte in some code page before one that
    /// is a continuation byte in some code page.
    pub(super) fn find(&self, text: &str, from: usize) -> Option<usize> {
        self.find_class(text, from, ACTIVE)
    }

    /// Like [`Engine::find`], in text that is already normalized: finds
    /// where a rule other than normalization may apply.
    pub(super) fn find_rule(&self, text: &str, from: usize) -> Option<usize> {
        self.find_class(text, from, RULE)
    }

    /// The scan, stopping at characters with a class bit of `active`.
    fn find_class(
        &self,
        text: &str,
        from: usize,
        active: u16,
    ) -> Option<usize> {
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = from;
        // Without surrogate escapes, the backslash test looks for '&' again.
        let backslash = if self.cfg.surrogate_escapes { b'\\' } else { b'&' };
        while i < n {
            // Sixteen, then eight bytes at a time while none is non-ASCII,
            // DEL, a control, '&' or (with surrogate escapes) '\': two
            // words a step pay for the backslash test.
            while let Some(chunk) = bytes.get(i..i + 16) {
                let (a, b) = chunk.split_at(8);
                let a = u64::from_le_bytes(a.try_into().unwrap());
                let b = u64::from_le_bytes(b.try_into().unwrap());
                let first = special8(a, backslash);
                if first | special8(b, backslash) != 0 {
                    i += if first == 0 { 8 } else { 0 };
                    break;
                }
                i += 16;
            }
            while let Some(chunk) = bytes.get(i..i + 8) {
                let x = u64::from_le_bytes(chunk.try_into().unwrap());
                if special8(x, backslash) != 0 {
                    break;
                }
                i += 8;
            }
            let stop = (i + 8).min(n);
            while i < stop {
                let b = bytes[i];
                if b < 0x80 {
                    if self.ascii[b as usize]
                        && (b != b'&' || entity::may_start(bytes, i))
                        && (b != b'\\' || escape::may_start(bytes, i))
                    {
                        return Some(i);
                    }
                    i += 1;
                    continue;
                }
                let (c, len) = decode_at(bytes, i);
                let class = self.class(c);
                if class & active != 0 {
                    return Some(i);
                }
                if class & (LEAD | CP1252) != 0
                    && bytes.get(i + len) >= Some(&0x80)
                {
                    let (next, _) = decode_at(bytes, i + len);
                    let next = self.class(next);
                    // A lead and a continuation in some code page; or two
                    // Windows-1252 characters, which layers of mojibake may
                    // join whatever their bytes ("ÃƒÂ©").
                    if (class & LEAD != 0 && next & (CONT | active) != 0)
                        || (class & CP1252 != 0
                            && next & (CP1252 | active) != 0)
                    {
                        return Some(i);
                    }
                }
                // A lead whose no-break space became a space, or went
                // with a line's trailing spaces ("cittÃ" at a line's end, or
                // the text's).
                if class & NBSP_LEAD != 0
                    && matches!(bytes.get(i + len), Some(b' ' | b'\n') | None)
                {
                    return Some(i);
                }
                i += len;
            }
        }
        None
    }
}

/// Zero when none of the eight bytes of `x` is non-ASCII, DEL, a control,
/// '&' or `backslash` (SWAR: each test sets the high bit of a byte that is
/// one, and maybe of bytes after it, which the caller then reads one by
/// one).
///
/// The tests for a control and for a byte equal to another leave out the
/// usual "and not `x`" that keeps bytes of 0x80 and above from setting
/// their high bit: those are non-ASCII, which the first test finds anyway.
/// A borrow only flows out of a byte that is one of them, so the first
/// such byte is always found.
#[inline]
fn special8(x: u64, backslash: u8) -> u64 {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let high = x | x.wrapping_add(LO);
    let control = x.wrapping_sub(LO * 0x20);
    let amp = (x ^ (LO * u64::from(b'&'))).wrapping_sub(LO);
    let slash = (x ^ (LO * u64::from(backslash))).wrapping_sub(LO);
    (high | control | amp | slash) & HI
}

/// Where a region holding the trigger at `p` starts: two characters back,
/// but not before `floor`, where the previous region ended. The character
/// at the start is then one no rule touches and a normalization boundary,
/// and not the first half of a Windows-1252 pair (the scan would have
/// stopped there), so nothing before it can interact with the region.
pub(super) fn back_up(text: &str, floor: usize, p: usize) -> usize {
    let mut start = p;
    for _ in 0..2 {
        match text[floor..start].chars().next_back() {
            Some(c) => start -= c.len_utf8(),
            None => break,
        }
    }
    start
}

#[cfg(test)]
mod tests {
    use super::special8;

    #[test]
    fn the_swar_test_finds_every_byte_it_must() {
        for backslash in [b'\\', b'&'] {
            for at in 0..8 {
                for b in 0..=255u8 {
                    for fill in [b'a', b' ', b'~', b'%', b'[', b']', b'0'] {
                        let mut chunk = [fill; 8];
                        chunk[at] = b;
                        let x = u64::from_le_bytes(chunk);
                        let special = !(0x20..0x7f).contains(&b)
                            || b == b'&'
                            || b == backslash;
                        let fill_special = fill == backslash;
                        assert_eq!(
                            special8(x, backslash) != 0,
                            special || fill_special,
                            "{chunk:?}"
                        );
                    }
                }
            }
        }
    }
}
