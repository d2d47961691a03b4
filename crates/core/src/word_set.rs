//! A set of words built for one question asked of nearly every word of a
//! text: is this word (as written, or lower-cased) in the list?
//!
//! Entries of at most [`SHORT`] bytes (nearly every stopword, function
//! word or abbreviation) are kept in an open-addressed table of their
//! bytes packed into two `u64`s: a lookup lower-cases the word in a stack
//! buffer, hashes two integers and compares them, with no allocation and
//! no byte-by-byte comparison. Longer entries are in a hash set.

use std::collections::HashSet;

/// The longest entry the packed table holds, in bytes.
const SHORT: usize = 16;

/// A word's bytes zero-padded to [`SHORT`], as two integers, and its
/// length (so that a word holding zero bytes is not taken for a shorter
/// one).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Packed {
    low: u64,
    high: u64,
    len: u32,
}

impl Packed {
    /// `bytes` (at most [`SHORT`]), packed.
    fn of(bytes: &[u8]) -> Packed {
        let (low, high) = load(bytes);
        Packed { low, high, len: bytes.len() as u32 }
    }

    /// The first `len` bytes of `buf` (the rest zero), packed.
    fn from_buffer(buf: &[u8; SHORT], len: usize) -> Packed {
        let (low, high) = buf.split_at(8);
        Packed { low: u64_at(low), high: u64_at(high), len: len as u32 }
    }

    fn hash(self) -> u64 {
        (self.low ^ self.high.rotate_left(29) ^ u64::from(self.len))
            .wrapping_mul(0x9e37_79b9_7f4a_7c15)
    }
}

/// The high bit of every byte of a `u64`.
const HIGH_BITS: u64 = 0x8080_8080_8080_8080;

/// The first eight bytes of `bytes`, little-endian.
#[inline]
fn u64_at(bytes: &[u8]) -> u64 {
    bytes.first_chunk().map_or(0, |b: &[u8; 8]| u64::from_le_bytes(*b))
}

/// The first four bytes of `bytes`, little-endian.
#[inline]
fn u32_at(bytes: &[u8]) -> u64 {
    bytes
        .first_chunk()
        .map_or(0, |b: &[u8; 4]| u64::from(u32::from_le_bytes(*b)))
}

/// `bytes` (at most [`SHORT`]) zero-padded to sixteen, as two
/// little-endian integers, read with two overlapping loads instead of a
/// copy byte by byte.
#[inline]
fn load(bytes: &[u8]) -> (u64, u64) {
    let n = bytes.len();
    if n >= 8 {
        let tail = u64_at(&bytes[n - 8..]);
        let high = if n == 8 { 0 } else { tail >> (8 * (16 - n)) };
        (u64_at(bytes), high)
    } else if n >= 4 {
        (u32_at(bytes) | u32_at(&bytes[n - 4..]) << (8 * (n - 4)), 0)
    } else {
        let low = bytes.iter().rev().fold(0, |v, &b| v << 8 | u64::from(b));
        (low, 0)
    }
}

/// `x`, eight ASCII bytes, with its capitals lower-cased (their `0x20`
/// bit set).
#[inline]
fn ascii_lower(x: u64) -> u64 {
    x | crate::letters::ascii_bytes_in(x, b'A', b'Z') >> 2
}

/// A set of words, answered for the word as written or lower-cased.
///
/// ```text
/// let set: WordSet = ["the", "of"].map(String::from).into_iter().collect();
/// set.contains_lower("The") == true
/// ```
#[derive(Clone, Debug, Default)]
pub(crate) struct WordSet {
    /// Entries of 1 to [`SHORT`] bytes; a slot of length 0 is empty. A
    /// power of two, at most half full.
    short: Vec<Packed>,
    long: HashSet<Box<[u8]>, foldhash::fast::RandomState>,
    /// 64 less the bits of `short`'s size: a hash shifted right by it
    /// (its best-mixed top bits) is a slot.
    shift: u32,
    /// How many entries `short` holds.
    count: usize,
    /// Whether the empty word is an entry.
    empty: bool,
    /// The byte length of the longest entry: a longer word is answered at
    /// once.
    longest: usize,
}

impl WordSet {
    pub(crate) fn insert(&mut self, word: String) {
        self.longest = self.longest.max(word.len());
        match word.len() {
            0 => self.empty = true,
            1..=SHORT => {
                let packed = Packed::of(word.as_bytes());
                if self.find(packed) {
                    return;
                }
                if (self.count + 1) * 2 > self.short.len() {
                    self.grow();
                }
                self.place(packed);
                self.count += 1;
            }
            _ => {
                self.long.insert(word.into_bytes().into_boxed_slice());
            }
        }
    }

    /// How many words the set holds.
    pub(crate) fn len(&self) -> usize {
        self.count + self.long.len() + usize::from(self.empty)
    }

    /// Doubles the table (16 slots at first) and places its entries again.
    fn grow(&mut self) {
        let size = (self.short.len() * 2).max(16);
        self.shift = 64 - size.trailing_zeros();
        let old =
            std::mem::replace(&mut self.short, vec![Packed::default(); size]);
        for packed in old.into_iter().filter(|p| p.len > 0) {
            self.place(packed);
        }
    }

    fn place(&mut self, packed: Packed) {
        let mask = self.short.len() - 1;
        let mut at = (packed.hash() >> self.shift) as usize;
        while self.short[at].len > 0 {
            at = (at + 1) & mask;
        }
        self.short[at] = packed;
    }

    /// Whether the packed table holds `packed`.
    #[inline]
    fn find(&self, packed: Packed) -> bool {
        if self.short.is_empty() {
            return false;
        }
        let mask = self.short.len() - 1;
        let mut at = (packed.hash() >> self.shift) as usize;
        loop {
            let slot = self.short[at];
            if slot == packed {
                return true;
            }
            if slot.len == 0 {
                return false;
            }
            at = (at + 1) & mask;
        }
    }

    /// Whether `bytes`, as they are, are an entry.
    #[inline]
    fn contains_bytes(&self, bytes: &[u8]) -> bool {
        match bytes.len() {
            0 => self.empty,
            n if n > self.longest => false,
            1..=SHORT => self.find(Packed::of(bytes)),
            _ => self.long.contains(bytes),
        }
    }

    /// Whether `word`, as written, is in the set.
    #[inline]
    pub(crate) fn contains(&self, word: &str) -> bool {
        self.contains_bytes(word.as_bytes())
    }

    /// Whether `word`, lower-cased, is in the set of lower-case entries.
    #[inline]
    pub(crate) fn contains_lower(&self, word: &str) -> bool {
        let len = word.len();
        if (1..=SHORT).contains(&len) {
            let (low, high) = load(word.as_bytes());
            if (low | high) & HIGH_BITS == 0 {
                // ASCII: lower-casing keeps the length.
                let (low, high) = (ascii_lower(low), ascii_lower(high));
                return len <= self.longest
                    && self.find(Packed { low, high, len: len as u32 });
            }
        }
        self.contains_lower_slowly(word)
    }

    /// [`WordSet::contains_lower`] for words that are empty, long or not
    /// ASCII.
    #[cold]
    #[inline(never)]
    fn contains_lower_slowly(&self, word: &str) -> bool {
        if word.is_ascii() {
            // Lower-casing keeps the length: a longer word is none, and
            // one that fits is lower-cased in a stack buffer.
            if word.len() > self.longest {
                return false;
            }
            let mut buf = [0u8; 64];
            let Some(lower) = buf.get_mut(..word.len()) else {
                return self
                    .contains_bytes(word.to_ascii_lowercase().as_bytes());
            };
            lower.copy_from_slice(word.as_bytes());
            lower.make_ascii_lowercase();
            return self.contains_bytes(lower);
        }
        // Other letters may change length when lower-cased: in a stack
        // buffer while they fit, on the heap past it (and for a capital
        // sigma, whose lower case depends on where it stands).
        if word.len() > SHORT || word.contains('Σ') {
            return self.contains_bytes(word.to_lowercase().as_bytes());
        }
        let mut buf = [0u8; SHORT];
        let mut at = 0;
        for c in word.chars().flat_map(char::to_lowercase) {
            let n = c.len_utf8();
            if at + n > SHORT {
                return self.contains_bytes(word.to_lowercase().as_bytes());
            }
            c.encode_utf8(&mut buf[at..]);
            at += n;
        }
        at <= self.longest && self.find(Packed::from_buffer(&buf, at))
    }
}

impl FromIterator<String> for WordSet {
    fn from_iter<I: IntoIterator<Item = String>>(iter: I) -> WordSet {
        let mut set = WordSet::default();
        for word in iter {
            set.insert(word);
        }
        set
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn set(words: &[&str]) -> WordSet {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn short_words_are_loaded_and_lower_cased_as_bytes() {
        for n in 0..=SHORT {
            let word: Vec<u8> =
                (0..n as u8).map(|i| b'@' + i * 3 % 60).collect();
            let mut buf = [0u8; SHORT];
            buf[..n].copy_from_slice(&word);
            let (low, high) = load(&word);
            assert_eq!(
                Packed { low, high, len: n as u32 },
                Packed::from_buffer(&buf, n)
            );
            buf.make_ascii_lowercase();
            let lower = Packed::from_buffer(&buf, n);
            assert_eq!(
                (ascii_lower(low), ascii_lower(high)),
                (lower.low, lower.high)
            );
        }
    }

    #[test]
    fn every_ascii_byte_is_lower_cased_as_by_the_standard_library() {
        for b in 0..0x80u8 {
            let mixed =
                u64::from_le_bytes([b, b'A', 0, b'z', b, b'Z', b'@', b'[']);
            let expect = mixed.to_le_bytes().map(|c| c.to_ascii_lowercase());
            assert_eq!(
                ascii_lower(mixed),
                u64::from_le_bytes(expect),
                "{b:#x}"
            );
        }
    }

    #[test]
    fn words_are_found_as_written_and_lower_cased() {
        let s =
            set(&["the", "über", "a", "straße", "internationalization", ""]);
        assert_eq!(s.len(), 6);
        assert!(s.contains("the") && !s.contains("The"));
        assert!(s.contains_lower("The") && s.contains_lower("THE"));
        assert!(s.contains_lower("Über") && s.contains_lower("ÜBER"));
        assert!(s.contains_lower("INTERNATIONALIZATION"));
        assert!(s.contains("") && s.contains_lower(""));
        assert!(!s.contains_lower("then") && !s.contains_lower("th"));
        assert!(!s.contains_lower("the\0"), "a zero byte is a byte");
        assert!(!set(&["a"]).contains(""));
    }

    proptest! {
        /// The set answers as a plain hash set of the entries does, for
        /// words in and out of it, of every length and in any case.
        #[test]
        fn answers_as_a_hash_set(
            entries in prop::collection::vec("[a-zäöüßİ\0]{0,20}", 0..60),
            probes in prop::collection::vec("[a-zA-ZäÄöÖüÜßİΣσς\0]{0,20}", 0..60),
        ) {
            let set: WordSet = entries.iter().cloned().collect();
            let plain: HashSet<&str> = entries.iter().map(String::as_str).collect();
            prop_assert_eq!(set.len(), plain.len());
            for word in entries.iter().chain(&probes) {
                prop_assert_eq!(set.contains(word), plain.contains(word.as_str()));
                let lower = word.to_lowercase();
                prop_assert_eq!(
                    set.contains_lower(word),
                    plain.contains(lower.as_str()),
                    "{:?}", word
                );
            }
        }
    }
}
