//! The class of a character, for the fast scan: may a rule act on it, may
//! it be a byte of mojibake, is it a normalization boundary. Cached in a
//! table below U+0800, computed above.

use std::sync::Arc;

use unicode_normalization::IsNormalized;
use unicode_normalization::char::canonical_combining_class;

use super::Engine;
use crate::codec::Codec;

/// Some rule acts on the character, or it is not normalized.
pub(super) const ACTIVE: u16 = 1;
/// Has a byte in some code page whose mojibake is repaired: may be part
/// of mojibake.
pub(super) const MAPPABLE: u16 = 2;
/// A normalization boundary: nothing before it composes or reorders with
/// it or anything after it.
pub(super) const BOUNDARY: u16 = 4;
/// Some rule other than normalization acts on the character (so it is
/// [`ACTIVE`] too): what is left to do in text already normalized.
pub(super) const RULE: u16 = 8;
/// Is a UTF-8 lead byte (0xC2–0xF4) in some code page.
pub(super) const LEAD: u16 = 16;
/// Is a UTF-8 continuation byte (0x80–0xBF) in some code page.
pub(super) const CONT: u16 = 32;
/// `Ã` and the like: the lead of a sequence whose no-break space may have
/// become a plain space (see `Engine::lost_nbsp`).
pub(super) const NBSP_LEAD: u16 = 64;
/// Has a Windows-1252 byte, or is a lead that spells a combining mark in
/// some code page: an ASCII character before it may not end a region.
pub(super) const STICKY: u16 = 128;
/// Has a Windows-1252 (or Latin-1) byte: two in a row may be layers of
/// mojibake, whatever their bytes.
pub(super) const CP1252: u16 = 256;

/// Characters below this have their class in a table.
const TABLE: usize = 0x800;
/// And these too, after them: punctuation, symbols, box drawing.
const HIGH: std::ops::Range<usize> = 0x2000..0x2600;

impl Engine {
    /// The class of every character below `TABLE`, indexed by code point.
    pub(super) fn class_table(&self) -> Arc<[u16]> {
        (0..TABLE as u32)
            .chain(HIGH.start as u32..HIGH.end as u32)
            .map(|u| char::from_u32(u).map_or(0, |c| self.compute_class(c)))
            .collect()
    }

    /// The class bits of a non-ASCII character.
    #[inline]
    pub(super) fn class(&self, c: char) -> u16 {
        let u = c as usize;
        if u < TABLE {
            return self.classes[u];
        }
        if HIGH.contains(&u) {
            return self.classes[u - HIGH.start + TABLE];
        }
        self.compute_class(c)
    }

    fn compute_class(&self, c: char) -> u16 {
        // CJK ideographs, and Hangul syllables but in NFD and NFKD: no
        // rule, always normalized.
        if ('\u{4e00}'..='\u{9fff}').contains(&c)
            || (('\u{ac00}'..='\u{d7a3}').contains(&c)
                && self.cfg.normalization.is_composed())
        {
            return BOUNDARY;
        }
        let mut class = 0;
        let mut scratch = String::new();
        if self.pre(c).is_some()
            || self.fragile(c).is_some()
            || self.post(c, &mut scratch).is_some()
        {
            class |= ACTIVE | RULE;
        }
        for codec in self.codecs {
            if let Some(b) = codec.byte(c) {
                class |= MAPPABLE;
                match b {
                    0x80..=0xbf => class |= CONT,
                    0xc2..=0xf4 => class |= LEAD,
                    _ => {}
                }
                if *codec == Codec::Cp1252 {
                    class |= STICKY | CP1252;
                }
                if matches!(b, 0xcc | 0xcd) {
                    class |= STICKY;
                }
            }
        }
        // The Angstrom sign is `Å` once normalized.
        if self.cfg.mojibake
            && self.cfg.lost_bytes
            && matches!(c, 'Ã' | 'Â' | 'Ð' | 'Å' | 'Î' | '\u{212b}')
        {
            class |= NBSP_LEAD;
        }
        match self.normalized(c) {
            Some(true) => class |= BOUNDARY,
            Some(false) => class |= ACTIVE,
            None => {}
        }
        class
    }

    /// Whether `c` is a normalization boundary in normalized form, or
    /// `None` without normalization.
    fn normalized(&self, c: char) -> Option<bool> {
        let quick = self.cfg.normalization.quick(std::iter::once(c))?;
        Some(quick == IsNormalized::Yes && canonical_combining_class(c) == 0)
    }

    #[inline]
    pub(super) fn is_boundary(&self, c: char) -> bool {
        c.is_ascii() || self.class(c) & BOUNDARY != 0
    }
}

#[cfg(test)]
impl Engine {
    pub(crate) fn class_of(&self, c: char) -> u16 {
        self.class(c)
    }

    pub(crate) fn compute_class_of(&self, c: char) -> u16 {
        self.compute_class(c)
    }
}
