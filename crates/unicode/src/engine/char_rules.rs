//! What each rule does to a single character, in the three places the pass
//! asks: before mojibake repair (`pre`), unless the character is a byte of
//! mojibake (`fragile`, `c1`), and after the repair (`post`).

use super::Engine;
use crate::cp1252;
use crate::rule::Rule;

impl Engine {
    /// The rule that deletes `c` before mojibake is repaired, so that the
    /// characters around it meet.
    pub(super) fn pre(&self, c: char) -> Option<Rule> {
        let cfg = &self.cfg;
        match c {
            '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => None,
            // The deprecated format controls, the byte order mark and the
            // interlinear annotation controls are controls too: no text
            // needs them (ftfy removes them as such, and keeps the
            // invisible characters below).
            '\0'..='\u{1f}'
            | '\u{7f}'
            | '\u{206a}'..='\u{206f}'
            | '\u{feff}'
            | '\u{fff9}'..='\u{fffc}'
                if cfg.control_chars =>
            {
                Some(Rule::Control)
            }
            // Without mojibake repair, nothing needs C1 or soft hyphens
            // as bytes: delete them at once.
            '\u{80}'..='\u{9f}'
                if cfg.control_chars && !cfg.mojibake && c != '\u{85}' =>
            {
                Some(Rule::Control)
            }
            '\u{ad}' if cfg.invisible && !cfg.mojibake => {
                Some(Rule::Invisible)
            }
            '\u{200b}' | '\u{2060}'..='\u{2064}' | '\u{180e}'
                if cfg.invisible =>
            {
                Some(Rule::Invisible)
            }
            _ => None,
        }
    }

    /// The rule that deletes `c` unless it is part of mojibake: C1 controls
    /// and the soft hyphen are bytes of common sequences ("Ã\u{ad}" is
    /// "í").
    pub(super) fn fragile(&self, c: char) -> Option<Rule> {
        if !self.cfg.mojibake {
            return None;
        }
        match c {
            // Those with a Windows-1252 meaning are kept as it (`c1`).
            '\u{80}'..='\u{9f}'
                if self.cfg.control_chars && cp1252::of_c1(c).is_none() =>
            {
                Some(Rule::Control)
            }
            '\u{ad}' if self.cfg.invisible => Some(Rule::Invisible),
            _ => None,
        }
    }

    /// The Windows-1252 character a C1 control stands for, when mojibake
    /// repair is on (`mojibake.c1`: "we\u{92}re" is "we’re").
    pub(super) fn c1(&self, c: char) -> Option<char> {
        self.cfg.mojibake.then(|| cp1252::of_c1(c)).flatten()
    }

    /// The rule that rewrites `c` after mojibake is repaired; writes the
    /// replacement to `out`.
    pub(super) fn post(&self, c: char, out: &mut String) -> Option<Rule> {
        if c.is_ascii() {
            return None;
        }
        let cfg = &self.cfg;
        if let Some(meant) = self.c1(c) {
            if self.post(meant, out).is_none() {
                out.push(meant);
            }
            return Some(Rule::C1);
        }
        let (with, rule) = match c {
            // U+0085 (NEL) is a line break to the pipeline's layout pass,
            // not a control to delete.
            '\u{80}'..='\u{84}' | '\u{86}'..='\u{9f}' if cfg.control_chars => {
                ("", Rule::Control)
            }
            '\u{ad}' if cfg.invisible => ("", Rule::Invisible),
            '\u{a0}'
            | '\u{2000}'..='\u{200a}'
            | '\u{202f}'
            | '\u{205f}'
            | '\u{3000}'
                if cfg.spaces =>
            {
                (" ", Rule::Space)
            }
            '\u{fb00}'..='\u{fb06}' if cfg.ligatures => {
                (ligature(c)?, Rule::Ligature)
            }
            '\u{ff01}'..='\u{ff5e}' if cfg.width => {
                out.push(fullwidth(c)?);
                return Some(Rule::Width);
            }
            // Primes (′ ″) are not quotes: 5′ 4″ keeps them.
            '‘' | '’' | '‚' | '‛' if cfg.quotes => ("'", Rule::Quote),
            '“' | '”' | '„' | '‟' if cfg.quotes => ("\"", Rule::Quote),
            '\u{2010}'..='\u{2015}' | '\u{2212}' if cfg.dashes => {
                ("-", Rule::Dash)
            }
            _ => return None,
        };
        out.push_str(with);
        Some(rule)
    }
}

/// The single-character ligatures of the Alphabetic Presentation Forms
/// block, as letters.
#[inline]
pub(super) fn ligature(c: char) -> Option<&'static str> {
    Some(match c {
        'ﬀ' => "ff",
        'ﬁ' => "fi",
        'ﬂ' => "fl",
        'ﬃ' => "ffi",
        'ﬄ' => "ffl",
        'ﬅ' | 'ﬆ' => "st",
        _ => return None,
    })
}

/// The ASCII character a fullwidth form (U+FF01–U+FF5E) stands for.
#[inline]
pub(super) fn fullwidth(c: char) -> Option<char> {
    match c {
        '\u{ff01}'..='\u{ff5e}' => char::from_u32(c as u32 - 0xfee0),
        _ => None,
    }
}
