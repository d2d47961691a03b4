//! Unicode repair and normalization: the first stage of textclean.
//!
//! Text scraped from the web, exported from old databases or pulled out of
//! PDFs is full of damage that has nothing to do with its words: UTF-8 that
//! was decoded as Windows-1252 ("Itâ€™s"), HTML entities that were never
//! decoded ("caf&eacute;"), terminal escapes, zero-width spaces and byte
//! order marks, no-break and ideographic spaces, and text in several
//! normalization forms. [`UnicodeCleaner`] repairs all of that in one pass,
//! reports each change under a stable rule name, and leaves clean text
//! alone: it comes back borrowed, nearly for free.
//!
//! This crate is usable alone; the facade crate `textclean` chains it with
//! the other stages into pipelines, between the layout passes that own the
//! structure of the text (line endings, trailing spaces, blank lines): this
//! stage leaves line endings as they are.
//!
//! # Overview
//!
//! - [`UnicodeCleaner`] is the stage: build it once, use it on many texts
//!   and threads. It implements [`Stage`], so [`Stage::clean`] gives the
//!   text and [`Stage::explain`] every [`Change`](textclean_core::Change)
//!   with its rule and span in the input.
//! - [`UnicodeBuilder`] turns rules on and off; its defaults suit text from
//!   the web. [`UnicodeCleaner::ftfy`] mimics `ftfy.fix_text`.
//! - [`Normalization`] picks the normalization form of the output.
//! - [`decode`] reads bytes of unknown encoding as text, before any stage
//!   sees them: UTF-8 (borrowed), UTF-16 with a byte order mark, or a
//!   legacy code page it guesses; [`Decoded`] says which [`Encoding`] it
//!   chose and whether bytes were lost; it also reads CESU-8, UTF-8 with
//!   surrogate pairs, as such.
//!
//! # Example
//!
//! ```
//! use std::borrow::Cow;
//! use textclean_unicode::{Stage, UnicodeCleaner};
//!
//! let cleaner = UnicodeCleaner::default();
//! assert_eq!(
//!     cleaner.clean("Itâ€™s a cafÃ©\u{a0}&amp; bar\n"),
//!     "It’s a café & bar\n",
//! );
//!
//! // Clean text is not copied.
//! assert!(matches!(cleaner.clean("It’s fine — naïve, even."), Cow::Borrowed(_)));
//!
//! // Every change names its rule and the bytes it replaced.
//! let report = cleaner.explain("Fix cafÃ©");
//! assert_eq!(report.changes[0].rule, "mojibake.cp1252");
//! assert_eq!(report.changes[0].span, 7..11);
//! assert_eq!(report.changes[0].replacement, "é");
//!
//! // Opt-in rules for plain ASCII-ish text.
//! let plain = UnicodeCleaner::builder().quotes(true).dashes(true).build();
//! assert_eq!(plain.clean("“Hi” — it’s"), "\"Hi\" - it's");
//! ```
//!
//! # Rules
//!
//! | rule | default | fixes | before | after |
//! | --- | --- | --- | --- | --- |
//! | `mojibake.cp1252` | on | UTF-8 decoded as Windows-1252 or Latin-1, also twice; also CESU-8 (an astral character as two UTF-16 surrogates, three bytes each) | `cafÃ©`, `ÃƒÂ©`, `í\u{a0}½í¸€` | `café`, `é`, `😀` |
//! | `mojibake.cp1250`, `mojibake.iso8859_2`, `mojibake.cp1251`, `mojibake.cp1253`, `mojibake.cp1254`, `mojibake.cp1257`, `mojibake.macroman`, `mojibake.cp437` | on (`code_pages`) | UTF-8 decoded as that legacy code page, also twice | `ZĂĽrich`, `вЂ“`, `cr√®me`, `╨┐╤Ç╨╕` | `Zürich`, `–`, `crème`, `при` |
//! | `mojibake.lossy` | off (on in `ftfy`) | a mojibake sequence with a byte lost for good becomes one U+FFFD, as ftfy does (`lossy_sequences`) | `donâ€\u{fffd}t` | `don\u{fffd}t` |
//! | `mojibake.c1` | on (with `mojibake`) | C1 controls that stand for Windows-1252 punctuation (text decoded as Latin-1) | `we\u{92}re \u{95}` | `we’re •` |
//! | `entity.html` | on | named (the whole WHATWG list, also in capitals), decimal and hex HTML entities, and without their `;` where HTML reads them so; beside markup on the same line, `&lt;` `&gt;` `&amp;` stay (an HTML or code example) | `&eacute;&#8217;&check; &copy 2024` | `é’✓ © 2024` |
//! | `escape.surrogate` | on (`surrogate_escapes`; off in `ftfy`) | JSON and JavaScript escapes of UTF-16 surrogates left in the text: a pair becomes its character, a lone one U+FFFD; other escapes stay | `\ud83d\ude00`, `\ud83d` | `😀`, `\u{fffd}` |
//! | `control.removed` | on | C0 controls but `\t \n \r` VT FF, DEL; C1 controls with no Windows-1252 meaning (all C1 but U+0085 without `mojibake`); the deprecated format controls U+206A–U+206F, the byte order mark U+FEFF and U+FFF9–U+FFFC anywhere | `a\u{0}b\u{90}` | `ab` |
//! | `control.ansi` | on | terminal escapes: CSI (`ESC [ … m`) and OSC | `\x1b[1mbold\x1b[0m` | `bold` |
//! | `invisible.removed` | on | U+200B, U+2060–U+2064, U+180E, soft hyphen | `zero\u{200b}width` | `zerowidth` |
//! | `space.odd` | on | no-break, fixed-width and ideographic spaces | `10\u{a0}km` | `10 km` |
//! | `ligature.latin` | off | ﬀ ﬁ ﬂ ﬃ ﬄ ﬅ ﬆ | `ﬁnd` | `find` |
//! | `width.fullwidth` | off | fullwidth ASCII forms U+FF01–U+FF5E | `ＡＢＣ１` | `ABC1` |
//! | `punct.quote` | off | curly quotes (not primes: `5′ 4″` stays) | `“it’s”` | `"it's"` |
//! | `punct.dash` | off | U+2010–U+2015 and U+2212, em dash included | `a—b` | `a-b` |
//! | `normalize.nfc` | on | text not in NFC | `e\u{301}` | `é` |
//! | `normalize.nfkc` | off | text not in NFKC (instead of NFC) | `x²` | `x2` |
//! | `normalize.nfd` | off | text not in NFD (instead of NFC) | `é` | `e\u{301}` |
//! | `normalize.nfkd` | off | text not in NFKD (instead of NFC) | `ﬁancé` | `fiance\u{301}` |
//!
//! Choices worth knowing:
//!
//! - Mojibake is repaired only where the bytes form well-formed UTF-8
//!   sequences *and* a plausibility model accepts the repair (see
//!   `engine/judge.rs`): the original must look like mojibake (a lead `Â`
//!   or `Ã` before a symbol, a continuation that is a C1 control, an
//!   opening quote or a rare symbol, four bytes in a row, three that spell
//!   punctuation, a math or box-drawing lead), or be confirmed by its
//!   context (a capital between lowercase letters, another repair beside
//!   it); and what it spells must fit: a Latin letter, common symbol or
//!   emoji, or a letter of another script only beside that script. Never
//!   IPA, private use, unassigned or rare scripts. So "2×€15", "size 20×…",
//!   "«CAFÉ»", "l’été" (Armenian in MacRoman), "Рёв" (Windows-1251 of
//!   "и") and box-drawing tables stay; "wÅ‚asny", "cr√®me", "вЂ“" are
//!   repaired.
//! - Where several code pages read a sequence alike, the one that made
//!   the most repairs so far in the text wins, then the longest sequence,
//!   then the order Windows-1252, -1250, ISO-8859-2, -1254, -1257,
//!   MacRoman, -1251, -1253, CP437. Windows-1250 and ISO-8859-2 differ in
//!   30 bytes; a short text with no byte that tells them apart ("ZĂźrich")
//!   is read as Windows-1250.
//! - A no-break space that became a plain space after `Ã` ("Ã  bientÃ´t")
//!   is restored (`lost_bytes`), not after a capital ("IRMÃ E"); so is the
//!   no-break space itself, `Â` and a space, inside double mojibake or
//!   where it ends no word ("minutesÂ between", "PrivacyÂ |Â Security"),
//!   but not after a capital, a digit or an opening bracket (Turkish
//!   "HÂLÂ ", "12Â %"), much as ftfy does. A byte
//!   that became U+FFFD is never guessed back.
//! - Double encoding is repaired to the end; a repair of repairs is made
//!   only where it needs no context.
//! - CESU-8 (Java's modified UTF-8, Oracle's `UTF8`, encoders that encode
//!   UTF-16 unit by unit) writes "😀" as its two surrogates, `ED A0 BD` and
//!   `ED B8 80`: read as Windows-1252 "í\u{a0}½í¸€", as Latin-1
//!   "í\u{a0}½í¸\u{80}". A high surrogate's three characters right before
//!   a low one's are repaired to the astral character, under the rule of
//!   the code page that reads them (other code pages too, where their
//!   `í` is byte ED), if it is emoji, CJK, a historic script or a symbol,
//!   not private use; repairs inside the six wait for the last one. Either
//!   half alone is no UTF-8 and stays, as ftfy leaves it (the `ftfy`
//!   options too: `mojibake.lossy` does not take it), and so does "í"
//!   before symbols in real text ("Sí ½ taza", "aquí ¸"). With
//!   `lost_bytes`, a pair whose no-break space (the second byte, that of
//!   every emoji) became a plain space is repaired too ("í ½í¸€"), which
//!   ftfy does not do; a no-break space lost anywhere else in the pair is
//!   a byte lost for good.
//! - `escape.surrogate` reads only escapes of surrogates, `\u` and four
//!   hex digits of either case, D800–DFFF: `\u00e9`, `\n` or `\u{1F600}`
//!   are code as often as damage, and stay. A high one before a low one is
//!   the character, any other U+FFFD, which the `ftfy` options' lossy
//!   sequences may then take in. An escape after a backslash stays:
//!   `\\ud83d\\ude00` is an escape escaped again (JSON inside JSON) or
//!   code that shows one; undoing one layer would leave the other, and the
//!   rule never decodes `\\`. An escape that other rules spell (an
//!   entity for its backslash, a zero-width space inside it, fullwidth
//!   forms) is read once they are done.
//! - C1 controls and the soft hyphen are removed only when they are not a
//!   byte of mojibake: "Ã\u{ad}" is "í".
//! - `\r`, VT and FF are line breaks, never controls: with line breaks off
//!   they stay.
//! - The marks U+200E and U+200F and the joiners U+200C and U+200D stay:
//!   they decide how right-to-left text, emoji and Indic or Persian words
//!   display.
//! - The em dash becomes one hyphen, like the other dashes, so that a
//!   dash stays one token; the rule is off by default, which keeps em
//!   dashes and curly quotes exactly as they are.
//! - Rules apply in the order of the table, each to the output of the ones
//!   before: "&nbsp;" becomes a space, "Ã&copy;" becomes "é". A change that
//!   several rules made is reported once, under the first; a normalization
//!   that reaches into text another rule changed is reported as one
//!   `normalize.*` change for its segment.
//! - Every normalization form passes Unicode's conformance test
//!   (NormalizationTest.txt, 17.0.0, in `data/`). The fast path is the
//!   quick check: ASCII and characters whose quick check says "yes" (and
//!   that combine with nothing) are left as they are, and only a segment
//!   between two such characters is normalized. With NFD or NFKD, the
//!   decisions about mojibake are made on the text as it came, and a
//!   repair comes out decomposed like the rest ("cafÃ©" → "cafe\u{301}").
//! - Entities are the 2,125 names of the WHATWG list (generated from
//!   `data/entities.json`; `&lang;` is U+27E8, as browsers read it, and
//!   `&fjlig;` is "fj"), decimal and hex references (0x80–0x9F read as
//!   Windows-1252, as browsers do), and a name in capitals that is no
//!   entity as its lowercase one in capitals (`&EACUTE;` is "É", as ftfy
//!   reads it). Without its `;`, a reference is decoded where HTML reads
//!   one and it evidently ends: a number of a printable character before
//!   anything but a digit (`it&#39s`), and one of the 106 legacy names
//!   (`&copy`, `&eacute`, `&amp`; not `&check`) before what is no letter,
//!   digit or `=` once cleaned, or the end of the text: `&copy 2024` is
//!   "© 2024", `&copyright` and `?a=1&copy=2` stay. Not with the width or
//!   ligature rules, NFKC, NFD or NFKD, which make letters and digits of
//!   other characters, so that a name would read longer once they ran
//!   (and not in the `ftfy` preset, as ftfy decodes none).
//! - Cleaning is idempotent: cleaning the output again changes nothing.
//!
//! # Performance
//!
//! A SWAR scan skips eight bytes at a time while they are ASCII and not a
//! control, `&` or `\`; a non-ASCII character costs a table lookup of its class
//! (does a rule apply, is it normalized, may it be mojibake). Only where
//! something may need work does the stage look closer, within a region
//! that ends at the next plain ASCII character, so the cost stays linear in
//! the input, even on hostile input such as a megabyte of `Ã` or `&`.
//! Measured with `cargo bench -p textclean-unicode --bench unicode` (one
//! core of a shared machine, which makes figures vary by ±30%): about
//! 1.5 GiB/s on clean text, and within 1.5× of the Windows-1252-only
//! repair on text with mojibake throughout, though nine code pages are
//! tried: a character's bytes in all of them come from one table, the
//! code pages where a sequence can end are found with bit masks, and the
//! right-hand context of a decision is read only when the decision needs
//! it.
//!
//! # Limits
//!
//! - Deliberately left alone, as they read as real text as often as
//!   mojibake: in Windows-1251 and -1253, a lone Latin-1 symbol after a
//!   capital ("Вї" for "¿", "Г–" for "Ö") unless a Latin letter or other
//!   mojibake is beside it; a single Cyrillic letter in code page 437
//!   whose bytes are both box drawing ("╨▓" for "в"); CJK in MacRoman
//!   where all three bytes are letters ("ÌÖç" for "텍"); an all-capitals
//!   pair such as "ÄŠ" *is* repaired (to "Ċ"), as Czech and Turkish
//!   mojibake spells it so.
//! - A capital and a closing quote right after the matching opening one
//!   ("«Î»", "“Ð”") are a quoted word and stay; without the opening quote
//!   ("x Î» y") they are mojibake of a lone letter ("λ"), as ftfy reads
//!   them.
//! - A lone letter of another script glued to a Latin letter ("Î¬a" for
//!   "άa") is left alone: correct mixed text looks the same ("“±3" is
//!   Kazakh "ұ3" in MacRoman).
//! - A word is mis-decoded as a whole: once a sequence in it is repaired,
//!   the sequences before it in the same word (ASCII letters and digits
//!   between) are repaired in the same code page too, where every one is
//!   well-formed there and spells a Latin letter, a symbol or a letter of
//!   the repair's script ("Ξ£Ξ³ΞΉΟ\u{8c}" is "Σγιό", though "Ξ£" alone
//!   is a Greek word's capitals).
//! - Where a longer sequence in one code page is under way and the
//!   characters after complete it with evidence (four bytes, or three
//!   that spell punctuation or a symbol), a shorter one inside it in
//!   another code page waits ("≡ƒæì" is "👍" in code page 437, though "ƒæ"
//!   is "ľ" in MacRoman).
//! - A word whose raw characters are no word (a symbol among letters,
//!   odd capitals, or Latin letters without one ASCII letter) while what
//!   they spell in one code page is a Greek, Cyrillic or CJK word is
//!   repaired whole ("ŒñŒÆŒØœÖŒºœé" is "Ζήίυμώ" in MacRoman); after it, a
//!   lone letter in that code page is too. Czech capitals that spell
//!   Arabic ("ÚŞŘŻ") stay, and so does a word of Latin capitals alone
//!   ("ÎŁÎŁ" may be "ΣΣ"), or one that would spell letters outside the
//!   core Greek and Cyrillic alphabets ("ÓŞÓŚ" is no "Ӫӌ").
//! - Windows-1251 and -1253's `В`/`Β` and a Latin-1 symbol ("В\u{a0}",
//!   "Β£"), or `Г`/`Γ` and the `×` or `÷` they spell ("4Г—4"), are
//!   repaired where the nearest letters on both sides are Latin; where the
//!   second character is a letter in the code page ("ВІ" for "²"), only
//!   glued to a letter or digit ("mВІ"), as "ВІ" alone is a Cyrillic word.
//!   In the same Latin context, `Γ`/`Г` and a no-break space that ends a
//!   word are "à", a pair glued to Latin letters on both sides ("TΓΌrkçe")
//!   is repaired, and so is a letter and a Latin-1 symbol glued to a
//!   letter or digit ("32Ξ©" is "32Ω"), but not `±`, `·` or `¬` ("Ξ±1"
//!   may be a formula). With no letter near at all ("Β£598" alone) they
//!   stay. Three bytes there that spell punctuation or a symbol are
//!   repaired with only Latin letters near ("в–ёCorporate" is
//!   "▸Corporate").
//! - A Cyrillic capital and `Ј`/`ј` before a Cyrillic letter is Serbian
//!   ("Вјера"), not Windows-1251's reading of "¼" or "ü".
//! - Three bytes that spell box drawing, a shape or a symbol are repaired
//!   alone ("â–º" is "►", "â”‚" is "│"), unless they read as punctuation
//!   after a letter ("pâ”…" is French, a quote and an ellipsis) or all
//!   three are letters.
//! - CJK read as Windows-1252 or Latin-1 is often a lead and two signs
//!   ("ê²ª" is "겪"), or a lead, an ellipsis and a quote ("ë…„" is "년"):
//!   such a sequence is repaired alone when its signs are not
//!   punctuation, when another long sequence of its script follows, or
//!   when it spells a counter after a number ("2025ë…„"); after a letter,
//!   punctuation stays punctuation ("Zoë…„Hallo“"). A word's last
//!   syllable whose A0 byte was trimmed at a line's end ("í•˜ê³" for
//!   "하고") is repaired only after the word's other repairs.
//! - With NFKC, a compatibility character that becomes `&` (such as
//!   U+FE60) right before an entity name is not decoded in the same pass.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod codec;
#[rustfmt::skip]
mod codepages;
mod cp1252;
mod decode;
mod engine;
mod entities;
mod lossy;
mod rule;

use std::fmt;

pub use textclean_core::{Doc, Edits, Record, Rewritten, Stage};

pub use decode::{Decoded, Encoding, decode};

use engine::Engine;

/// The normalization form of the cleaner's output.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "lowercase")
)]
pub enum Normalization {
    /// Leave the form as it is.
    None,
    /// Canonical composition: "e" and a combining acute accent become "é".
    /// Changes no meaning.
    #[default]
    Nfc,
    /// Compatibility composition: also "ﬁ" → "fi", "²" → "2", "①" → "1".
    /// Loses distinctions; for search indexes rather than display.
    Nfkc,
    /// Canonical decomposition: "é" becomes "e" and a combining acute
    /// accent, "한" its three jamo. For tools that strip or compare marks.
    Nfd,
    /// Compatibility decomposition: NFD, and "ﬁ" → "fi", "²" → "2".
    Nfkd,
}

impl Normalization {
    /// Whether the form folds compatibility characters (NFKC, NFKD).
    ///
    /// ```
    /// use textclean_unicode::Normalization;
    ///
    /// assert!(Normalization::Nfkd.is_compatibility());
    /// assert!(!Normalization::Nfc.is_compatibility());
    /// ```
    pub fn is_compatibility(self) -> bool {
        matches!(self, Normalization::Nfkc | Normalization::Nfkd)
    }

    /// Whether the form composes (NFC, NFKC).
    ///
    /// ```
    /// use textclean_unicode::Normalization;
    ///
    /// assert!(Normalization::Nfc.is_composed());
    /// assert!(!Normalization::Nfd.is_composed());
    /// ```
    pub fn is_composed(self) -> bool {
        matches!(self, Normalization::Nfc | Normalization::Nfkc)
    }
}

/// Which rules a [`UnicodeCleaner`] applies: plain data, to keep in a
/// configuration file (with the `serde` feature) or to set field by field.
///
/// Each field is documented on the [`UnicodeBuilder`] setter of the same
/// name. The default is the web default: repairs on, the typographic
/// rewrites (ligatures, width, quotes, dashes) off, NFC.
///
/// ```
/// use textclean_unicode::{Stage, UnicodeCleaner, UnicodeOptions};
///
/// let options = UnicodeOptions { quotes: true, ..UnicodeOptions::default() };
/// let cleaner = UnicodeCleaner::new(options);
/// assert_eq!(cleaner.clean("\u{201c}Hi\u{201d}"), "\"Hi\"");
/// assert_eq!(cleaner.options(), options);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default, deny_unknown_fields)
)]
pub struct UnicodeOptions {
    /// `mojibake.cp1252` and `mojibake.c1`.
    pub mojibake: bool,
    /// With `mojibake`, also the legacy code pages: `mojibake.cp1250`,
    /// `mojibake.iso8859_2`, `mojibake.cp1251`, `mojibake.cp1253`,
    /// `mojibake.cp1254`, `mojibake.cp1257`, `mojibake.macroman`,
    /// `mojibake.cp437`.
    pub code_pages: bool,
    /// With `mojibake`, repair mojibake whose no-break space became a
    /// plain space ("Ã  bientÃ´t"), reported as `mojibake.cp1252`.
    ///
    pub lost_bytes: bool,
    /// `mojibake.lossy`: a mojibake sequence with a byte lost for good
    /// (`donâ€\u{fffd}t`) becomes one U+FFFD (`don\u{fffd}t`), as ftfy does.
    /// Off by default (such sequences stay as they are); on in
    /// [`UnicodeOptions::ftfy`].
    pub lossy_sequences: bool,
    /// `entity.html`.
    pub html_entities: bool,
    /// `escape.surrogate`: a JSON or JavaScript escape of a UTF-16
    /// surrogate pair written out as text (`\ud83d\ude00`) becomes the
    /// character (😀); a lone surrogate escape becomes U+FFFD. On by
    /// default; off in [`UnicodeOptions::ftfy`].
    pub surrogate_escapes: bool,
    /// `control.removed` and `control.ansi`.
    pub control_chars: bool,
    /// `invisible.removed`.
    pub invisible: bool,
    /// `space.odd`.
    pub spaces: bool,
    /// `ligature.latin`.
    pub ligatures: bool,
    /// `width.fullwidth`.
    pub width: bool,
    /// `punct.quote`.
    pub quotes: bool,
    /// `punct.dash`.
    pub dashes: bool,
    /// `normalize.nfc`, `normalize.nfkc`, `normalize.nfd` or
    /// `normalize.nfkd`.
    pub normalization: Normalization,
}

impl Default for UnicodeOptions {
    fn default() -> Self {
        UnicodeOptions {
            mojibake: true,
            code_pages: true,
            lost_bytes: true,
            lossy_sequences: false,
            html_entities: true,
            surrogate_escapes: true,
            control_chars: true,
            invisible: true,
            spaces: true,
            ligatures: false,
            width: false,
            quotes: false,
            dashes: false,
            normalization: Normalization::Nfc,
        }
    }
}

impl UnicodeOptions {
    /// Every rule off, no normalization: a cleaner with these options
    /// changes nothing. A start for the one rule a caller wants.
    ///
    /// ```
    /// use textclean_unicode::{Normalization, Stage, UnicodeCleaner, UnicodeOptions};
    ///
    /// let nfd = UnicodeOptions {
    ///     normalization: Normalization::Nfd,
    ///     ..UnicodeOptions::none()
    /// };
    /// let cleaner = UnicodeCleaner::new(nfd);
    /// assert_eq!(cleaner.clean("café&amp;"), "cafe\u{301}&amp;");
    /// ```
    pub fn none() -> UnicodeOptions {
        UnicodeOptions {
            mojibake: false,
            code_pages: false,
            lost_bytes: false,
            lossy_sequences: false,
            html_entities: false,
            surrogate_escapes: false,
            control_chars: false,
            invisible: false,
            spaces: false,
            ligatures: false,
            width: false,
            quotes: false,
            dashes: false,
            normalization: Normalization::None,
        }
    }

    /// The options of [`UnicodeCleaner::ftfy`].
    pub fn ftfy() -> UnicodeOptions {
        UnicodeOptions {
            spaces: false,
            invisible: false,
            lossy_sequences: true,
            surrogate_escapes: false,
            ligatures: true,
            width: true,
            quotes: true,
            ..UnicodeOptions::default()
        }
    }
}

/// The Unicode repair and normalization stage; see the [crate] docs for its
/// rules.
///
/// Build it once with [`UnicodeCleaner::builder`] and reuse it: it is
/// cheap to clone and `Send + Sync`.
#[derive(Clone)]
pub struct UnicodeCleaner {
    engine: Engine,
}

impl UnicodeCleaner {
    /// A builder to choose the rules.
    pub fn builder() -> UnicodeBuilder {
        UnicodeBuilder::default()
    }

    /// A cleaner that mimics `ftfy.fix_text` with its default options, for
    /// users who migrate from ftfy: mojibake, entities, terminal escapes,
    /// controls, line breaks, ligatures, fullwidth forms, curly quotes and
    /// NFC; odd spaces, dashes, primes and the invisible characters
    /// (zero-width space, word joiner, soft hyphen) stay as they are.
    ///
    /// Unlike ftfy, it decodes entities also in text that holds `<`
    /// (but `&lt;`, `&gt;` and `&amp;` beside markup), and removes the C1 controls
    /// that Windows-1252 leaves undefined.
    pub fn ftfy() -> UnicodeCleaner {
        UnicodeCleaner::new(UnicodeOptions::ftfy())
    }

    /// A cleaner with these options; its lookup tables are made here, once.
    pub fn new(options: UnicodeOptions) -> UnicodeCleaner {
        UnicodeCleaner { engine: Engine::new(options) }
    }

    /// The options this cleaner applies.
    pub fn options(&self) -> UnicodeOptions {
        self.engine.cfg
    }
}

impl Default for UnicodeCleaner {
    fn default() -> Self {
        UnicodeBuilder::default().build()
    }
}

impl fmt::Debug for UnicodeCleaner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("UnicodeCleaner")
            .field("options", &self.engine.cfg)
            .finish()
    }
}

impl Stage for UnicodeCleaner {
    fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
        let input = doc.text();
        let options = self.options();
        // A lone surrogate escape becomes a U+FFFD, which may complete a
        // lossy sequence ("Ã\ud83d").
        if options.lossy_sequences
            && (input.contains('\u{fffd}')
                || (options.surrogate_escapes && input.contains('\\')))
        {
            lossy::run(&self.engine, input, &mut |span, with, rule| {
                edits.replace(span, with, rule)
            });
        } else {
            self.engine.run(input, 0, &mut |span, with, rule| {
                edits.replace(span, with, rule.name())
            });
        }
    }

    fn name(&self) -> &'static str {
        "unicode"
    }

    fn decodes_c1(&self) -> bool {
        self.options().mojibake
    }
}

/// Chooses the rules of a [`UnicodeCleaner`].
///
/// ```
/// use textclean_unicode::{Normalization, Stage, UnicodeCleaner};
///
/// let cleaner = UnicodeCleaner::builder()
///     .ligatures(true)
///     .normalization(Normalization::None)
///     .build();
/// assert_eq!(cleaner.clean("ﬁne"), "fine");
/// ```
#[derive(Clone, Debug, Default)]
pub struct UnicodeBuilder {
    config: UnicodeOptions,
}

impl UnicodeBuilder {
    /// Repair UTF-8 that was decoded as Windows-1252 or Latin-1
    /// (`mojibake.cp1252`), also when it happened twice.
    ///
    /// By default, this is enabled.
    pub fn mojibake(&mut self, yes: bool) -> &mut Self {
        self.config.mojibake = yes;
        self
    }

    /// Also repair UTF-8 decoded as a legacy code page: Windows-1250,
    /// ISO-8859-2, Windows-1251, -1253, -1254, -1257, MacRoman and DOS code
    /// page 437 (`mojibake.<code page>`), when `mojibake` is on.
    ///
    /// By default, this is enabled.
    pub fn code_pages(&mut self, yes: bool) -> &mut Self {
        self.config.code_pages = yes;
        self
    }

    /// Also repair mojibake whose bytes were altered on the way, where the
    /// repair is unambiguous: a no-break space made plain after `Ã`
    /// ("voilÃ " → "voilà"), when `mojibake` is on.
    ///
    /// By default, this is enabled.
    pub fn lost_bytes(&mut self, yes: bool) -> &mut Self {
        self.config.lost_bytes = yes;
        self
    }

    /// Replace a mojibake sequence with a byte lost for good with one
    /// U+FFFD, as ftfy does (`mojibake.lossy`; off by default).
    pub fn lossy_sequences(&mut self, yes: bool) -> &mut Self {
        self.config.lossy_sequences = yes;
        self
    }

    /// Decode HTML entities: named, decimal and hex, and without their
    /// `;` where HTML reads them so (`entity.html`).
    ///
    /// By default, this is enabled.
    pub fn html_entities(&mut self, yes: bool) -> &mut Self {
        self.config.html_entities = yes;
        self
    }

    /// Decode JSON and JavaScript escapes of UTF-16 surrogates written out
    /// as text (`escape.surrogate`): a pair (`\ud83d\ude00`, any case of
    /// hex) becomes its character (😀), a lone surrogate escape U+FFFD.
    /// Other escapes (`\u00e9`, `\n`) stay, as they are code as often as
    /// damage; so does one after an escaped backslash (`\\ud83d\\ude00`,
    /// escaped twice as in JSON inside JSON), whose backslashes are text.
    ///
    /// By default, this is enabled.
    ///
    /// ```
    /// use textclean_unicode::{Stage, UnicodeCleaner};
    ///
    /// let cleaner = UnicodeCleaner::default();
    /// let json = r"Nice \ud83d\uDE00, cut \ud83d";
    /// assert_eq!(cleaner.clean(json), "Nice 😀, cut \u{fffd}");
    /// let code = r#"printf("\u00e9\n"); s = "\\ud83d\\ude00";"#;
    /// assert_eq!(cleaner.clean(code), code);
    /// let report = cleaner.explain(r"\ud83d\ude00");
    /// assert_eq!(report.changes[0].rule, "escape.surrogate");
    ///
    /// // CESU-8 read as Windows-1252 is mojibake, repaired by `mojibake`.
    /// assert_eq!(cleaner.clean("Thanks í\u{a0}½í¸€"), "Thanks 😀");
    /// let report = cleaner.explain("í\u{a0}½í¸€");
    /// assert_eq!(report.changes[0].rule, "mojibake.cp1252");
    ///
    /// let off = UnicodeCleaner::builder().surrogate_escapes(false).build();
    /// assert_eq!(off.clean(r"\ud83d\ude00"), r"\ud83d\ude00");
    /// ```
    pub fn surrogate_escapes(&mut self, yes: bool) -> &mut Self {
        self.config.surrogate_escapes = yes;
        self
    }

    /// Remove control characters (`control.removed`) and terminal escape
    /// sequences (`control.ansi`).
    ///
    /// By default, this is enabled.
    pub fn control_chars(&mut self, yes: bool) -> &mut Self {
        self.config.control_chars = yes;
        self
    }

    /// Remove invisible characters: zero-width space, byte order mark, word
    /// joiner, soft hyphen (`invisible.removed`).
    ///
    /// By default, this is enabled.
    pub fn invisible(&mut self, yes: bool) -> &mut Self {
        self.config.invisible = yes;
        self
    }

    /// Make no-break, fixed-width and ideographic spaces plain spaces
    /// (`space.odd`).
    ///
    /// By default, this is enabled.
    pub fn spaces(&mut self, yes: bool) -> &mut Self {
        self.config.spaces = yes;
        self
    }

    /// Spell out Latin ligatures such as "ﬁ" (`ligature.latin`).
    ///
    /// By default, this is disabled.
    pub fn ligatures(&mut self, yes: bool) -> &mut Self {
        self.config.ligatures = yes;
        self
    }

    /// Make fullwidth ASCII forms such as "Ａ" plain ASCII
    /// (`width.fullwidth`).
    ///
    /// By default, this is disabled.
    pub fn width(&mut self, yes: bool) -> &mut Self {
        self.config.width = yes;
        self
    }

    /// Make curly quotes and primes straight (`punct.quote`).
    ///
    /// By default, this is disabled.
    pub fn quotes(&mut self, yes: bool) -> &mut Self {
        self.config.quotes = yes;
        self
    }

    /// Make hyphens, dashes (em dash included) and the minus sign `-`
    /// (`punct.dash`).
    ///
    /// By default, this is disabled.
    pub fn dashes(&mut self, yes: bool) -> &mut Self {
        self.config.dashes = yes;
        self
    }

    /// The normalization form of the output (`normalize.nfc`,
    /// `normalize.nfkc`, `normalize.nfd`, `normalize.nfkd`).
    ///
    /// By default, this is [`Normalization::Nfc`].
    pub fn normalization(&mut self, form: Normalization) -> &mut Self {
        self.config.normalization = form;
        self
    }

    /// Builds the cleaner: its lookup tables are made here, once.
    pub fn build(&self) -> UnicodeCleaner {
        UnicodeCleaner::new(self.config)
    }
}

#[cfg(test)]
mod tests;

// The README's example runs as a doc test, so it cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
