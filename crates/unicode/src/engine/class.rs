//! The class of a character, for the fast scan: may a rule act on it, may
//! it be a byte of mojibake, is it a normalization boundary. Cached in a
//! table below U+0800, computed above.

use std::sync::Arc;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, is_nfc_quick, is_nfkc_quick};

use super::Engine;
use crate::{Normalization, cp1252};

/// Some rule acts on the character, or it is not normalized.
pub(super) const ACTIVE: u8 = 1;
/// Has a Windows-1252 byte: may be part of mojibake.
pub(super) const MAPPABLE: u8 = 2;
/// A normalization boundary: nothing before it composes or reorders with
/// it or anything after it.
pub(super) const BOUNDARY: u8 = 4;
/// Some rule other than normalization acts on the character (so it is
/// [`ACTIVE`] too): what is left to do in text already normalized.
pub(super) const RULE: u8 = 8;

/// Characters below this have their class in a table.
const TABLE: usize = 0x800;

impl Engine {
    /// The class of every character below `TABLE`, indexed by code point.
    pub(super) fn class_table(&self) -> Arc<[u8]> {
        (0..TABLE as u32)
            .map(|u| char::from_u32(u).map_or(0, |c| self.compute_class(c)))
            .collect()
    }

    /// The class bits of a non-ASCII character.
    #[inline]
    pub(super) fn class(&self, c: char) -> u8 {
        match self.classes.get(c as usize) {
            Some(&class) => class,
            None => self.compute_class(c),
        }
    }

    fn compute_class(&self, c: char) -> u8 {
        // CJK ideographs and Hangul syllables: no rule, always normalized.
        if ('\u{4e00}'..='\u{9fff}').contains(&c)
            || ('\u{ac00}'..='\u{d7a3}').contains(&c)
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
        if self.cfg.mojibake && cp1252::byte(c).is_some() {
            class |= MAPPABLE;
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
        let quick = match self.cfg.normalization {
            Normalization::None => return None,
            Normalization::Nfc => is_nfc_quick(std::iter::once(c)),
            Normalization::Nfkc => is_nfkc_quick(std::iter::once(c)),
        };
        Some(quick == IsNormalized::Yes && canonical_combining_class(c) == 0)
    }

    #[inline]
    pub(super) fn is_boundary(&self, c: char) -> bool {
        c.is_ascii() || self.class(c) & BOUNDARY != 0
    }
}

#[cfg(test)]
impl Engine {
    pub(crate) fn class_of(&self, c: char) -> u8 {
        self.class(c)
    }

    pub(crate) fn compute_class_of(&self, c: char) -> u8 {
        self.compute_class(c)
    }
}
