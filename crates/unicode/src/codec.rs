//! The code pages that UTF-8 text is mis-decoded as: Windows-1252 (with
//! Latin-1, its own fast table in [`crate::cp1252`]) and the legacy pages of
//! [`crate::codepages`].

use crate::codepages::{
    CP437, CP1250, CP1251, CP1253, CP1254, CP1257, LATIN2, MAC_ROMAN, Page,
};
use crate::cp1252;

/// A code page whose mojibake the stage repairs; each reports its own
/// rule, `mojibake.<name>`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(crate) enum Codec {
    /// Windows-1252, its five holes read as Latin-1 (C1 controls): also
    /// covers UTF-8 decoded as Latin-1.
    Cp1252,
    Cp1250,
    Latin2,
    Cp1254,
    Cp1257,
    MacRoman,
    Cp1251,
    Cp1253,
    Cp437,
}

impl Codec {
    /// Every code page, in the order a repair tries them: the common ones
    /// first, so that where two read a sequence alike the likelier names
    /// the change.
    pub(crate) const ALL: [Codec; 9] = [
        Codec::Cp1252,
        Codec::Cp1250,
        Codec::Latin2,
        Codec::Cp1254,
        Codec::Cp1257,
        Codec::MacRoman,
        Codec::Cp1251,
        Codec::Cp1253,
        Codec::Cp437,
    ];

    /// Its index in [`Codec::ALL`].
    pub(crate) const fn index(self) -> usize {
        self as usize
    }

    /// The rule name of its repairs.
    pub(crate) fn rule_name(self) -> &'static str {
        match self {
            Codec::Cp1252 => "mojibake.cp1252",
            Codec::Cp1250 => "mojibake.cp1250",
            Codec::Latin2 => "mojibake.iso8859_2",
            Codec::Cp1254 => "mojibake.cp1254",
            Codec::Cp1257 => "mojibake.cp1257",
            Codec::MacRoman => "mojibake.macroman",
            Codec::Cp1251 => "mojibake.cp1251",
            Codec::Cp1253 => "mojibake.cp1253",
            Codec::Cp437 => "mojibake.cp437",
        }
    }

    const fn page(self) -> Option<&'static Page> {
        Some(match self {
            Codec::Cp1252 => return None,
            Codec::Cp1250 => &CP1250,
            Codec::Latin2 => &LATIN2,
            Codec::Cp1254 => &CP1254,
            Codec::Cp1257 => &CP1257,
            Codec::MacRoman => &MAC_ROMAN,
            Codec::Cp1251 => &CP1251,
            Codec::Cp1253 => &CP1253,
            Codec::Cp437 => &CP437,
        })
    }

    /// The byte (0x80 and above) that `c` stands for in this code page.
    ///
    /// From one table for the characters that code pages use (below
    /// U+0800, and punctuation, symbols and box drawing): the repair asks
    /// this for every code page and every character it considers.
    #[inline]
    pub(crate) fn byte(self, c: char) -> Option<u8> {
        let b = match table_slot(c as u32) {
            Some(slot) => BYTES[slot][self.index()],
            None => return self.byte_slow(c),
        };
        (b != 0).then_some(b)
    }

    /// The byte of `c` in every code page, by [`Codec::index`]; 0 where it
    /// has none.
    #[inline]
    pub(crate) fn bytes_of(c: char) -> [u8; 9] {
        match table_slot(c as u32) {
            Some(slot) => BYTES[slot],
            None => Codec::ALL.map(|codec| codec.byte_slow(c).unwrap_or(0)),
        }
    }

    /// What `c` can be in a UTF-8 sequence in each code page: one bit per
    /// code page (by [`Codec::index`]) for a continuation byte, a lead of
    /// two, of three and of four bytes.
    #[inline]
    pub(crate) fn roles_of(c: char) -> Roles {
        match table_slot(c as u32) {
            Some(slot) => ROLES[slot],
            None => Roles::of(&Codec::bytes_of(c)),
        }
    }

    /// [`Codec::byte`] from the code page's own tables.
    fn byte_slow(self, c: char) -> Option<u8> {
        let Some(page) = self.page() else {
            return cp1252::byte(c);
        };
        let u = u16::try_from(c as u32).ok()?;
        if u < 0x80 {
            return None;
        }
        page.inverse
            .binary_search_by_key(&u, |&(ch, _)| ch)
            .ok()
            .map(|i| page.inverse[i].1)
    }

    /// The character of byte `b`; ASCII is itself.
    #[cfg_attr(not(test), allow(dead_code))]
    pub(crate) fn decode(self, b: u8) -> Option<char> {
        if b < 0x80 {
            return Some(char::from(b));
        }
        let Some(page) = self.page() else {
            return Some(cp1252::decode(b));
        };
        match page.high[usize::from(b - 0x80)] {
            0 => None,
            u => char::from_u32(u32::from(u)),
        }
    }

    /// Whether the code page's letters are Latin: its leads `Â` and `Ã`
    /// (bytes 0xC2, 0xC3) are then rare letters before a symbol.
    pub(crate) fn latin(self) -> bool {
        matches!(
            self,
            Codec::Cp1252
                | Codec::Cp1250
                | Codec::Latin2
                | Codec::Cp1254
                | Codec::Cp1257
        )
    }
}

/// The first characters of [`BYTES`]: U+0080..U+0800, then
/// U+2000..U+2600.
const LOW: std::ops::Range<u32> = 0x80..0x800;
const HIGH: std::ops::Range<u32> = 0x2000..0x2600;
const SLOTS: usize = (LOW.end - LOW.start + HIGH.end - HIGH.start) as usize;

/// Where `u` is in [`BYTES`], if it is there.
#[inline]
const fn table_slot(u: u32) -> Option<usize> {
    if u >= LOW.start && u < LOW.end {
        Some((u - LOW.start) as usize)
    } else if u >= HIGH.start && u < HIGH.end {
        Some((u - HIGH.start + LOW.end - LOW.start) as usize)
    } else {
        None
    }
}

/// The byte of each character of the table's ranges in each code page
/// (by [`Codec::index`]), 0 where it has none; built at compile time from
/// the decoding tables.
static BYTES: [[u8; 9]; SLOTS] = byte_table();

/// Builds [`BYTES`].
const fn byte_table() -> [[u8; 9]; SLOTS] {
    let mut table = [[0u8; 9]; SLOTS];
    let mut b = 0x80u8;
    loop {
        // Windows-1252 is index 0: every Latin-1 character is its own
        // byte (so are C1 controls, as in text decoded as Latin-1), and
        // its specials are those of 0x80–0x9F.
        let c = cp1252::decode(b) as u32;
        if let Some(slot) = table_slot(c) {
            table[slot][0] = b;
        }
        if let Some(slot) = table_slot(b as u32) {
            table[slot][0] = b;
        }
        let mut i = 1;
        while i < Codec::ALL.len() {
            if let Some(page) = Codec::ALL[i].page() {
                let c = page.high[(b - 0x80) as usize] as u32;
                if c != 0 {
                    if let Some(slot) = table_slot(c) {
                        table[slot][i] = b;
                    }
                }
            }
            i += 1;
        }
        if b == 0xff {
            break;
        }
        b += 1;
    }
    table
}

/// What a character's bytes can be in UTF-8, one bit per code page: see
/// [`Codec::roles_of`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Roles {
    pub(crate) cont: u16,
    /// Leads of 2, 3 and 4 bytes (0xC2–0xDF, 0xE0–0xEF, 0xF0–0xF4).
    pub(crate) lead: [u16; 3],
}

impl Roles {
    const fn of(bytes: &[u8; 9]) -> Roles {
        let mut roles = Roles { cont: 0, lead: [0; 3] };
        let mut i = 0;
        while i < bytes.len() {
            let bit = 1 << i;
            match bytes[i] {
                0x80..=0xbf => roles.cont |= bit,
                0xc2..=0xdf => roles.lead[0] |= bit,
                0xe0..=0xef => roles.lead[1] |= bit,
                0xf0..=0xf4 => roles.lead[2] |= bit,
                _ => {}
            }
            i += 1;
        }
        roles
    }
}

/// [`Roles`] of every character of [`BYTES`].
static ROLES: [Roles; SLOTS] = {
    let bytes = byte_table();
    let mut table = [Roles { cont: 0, lead: [0; 3] }; SLOTS];
    let mut slot = 0;
    while slot < SLOTS {
        table[slot] = Roles::of(&bytes[slot]);
        slot += 1;
    }
    table
};

#[cfg(test)]
mod tests {
    use super::*;

    /// `text`'s UTF-8 bytes read in `codec`.
    fn mis_decode(text: &str, codec: Codec) -> String {
        text.bytes().map(|b| codec.decode(b).unwrap()).collect()
    }

    #[test]
    fn tables_match_known_characters() {
        // Spot checks against the published mappings.
        assert_eq!(mis_decode("Zürich", Codec::Cp1250), "ZĂĽrich");
        assert_eq!(mis_decode("Zürich", Codec::Latin2), "ZĂźrich");
        assert_eq!(mis_decode("crème", Codec::MacRoman), "cr√®me");
        assert_eq!(mis_decode("–", Codec::Cp1251), "вЂ“");
        assert_eq!(mis_decode("привет", Codec::Cp437), "╨┐╤Ç╨╕╨▓╨╡╤é");
        assert_eq!(mis_decode("ά", Codec::Cp1253), "Ξ¬");
        assert_eq!(mis_decode("ş", Codec::Cp1254), "ÅŸ");
        assert_eq!(mis_decode("ą", Codec::Cp1257), "Ä…");
        assert_eq!(Codec::MacRoman.decode(0xf0), Some('\u{f8ff}'));
        assert_eq!(Codec::Cp1253.decode(0xd2), None);
        assert_eq!(Codec::Cp1251.decode(0x98), Some('\u{98}'));
    }

    #[test]
    fn table_matches_pages() {
        for u in 0..0x3_0000 {
            let Some(c) = char::from_u32(u) else { continue };
            let roles = Codec::roles_of(c);
            for codec in Codec::ALL {
                let b = codec.byte_slow(c);
                assert_eq!(codec.byte(c), b, "{codec:?} {c:?}");
                let bit = 1 << codec.index();
                let role = |mask: u16| mask & bit != 0;
                assert_eq!(
                    (role(roles.cont), roles.lead.map(role)),
                    match b.unwrap_or(0) {
                        0x80..=0xbf => (true, [false; 3]),
                        0xc2..=0xdf => (false, [true, false, false]),
                        0xe0..=0xef => (false, [false, true, false]),
                        0xf0..=0xf4 => (false, [false, false, true]),
                        _ => (false, [false; 3]),
                    },
                    "{codec:?} {c:?}"
                );
            }
        }
    }

    #[test]
    fn byte_inverts_decode() {
        for codec in Codec::ALL {
            for b in 0x80..=0xffu8 {
                if let Some(c) = codec.decode(b) {
                    assert_eq!(codec.byte(c), Some(b), "{codec:?} {b:#x}");
                }
            }
            assert_eq!(codec.byte('a'), None);
            assert_eq!(codec.byte('中'), None);
        }
    }
}
