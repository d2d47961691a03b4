//! The single pass behind [`UnicodeCleaner`](crate::UnicodeCleaner).
//!
//! A fast scan skips text that no rule can touch. Where it stops, the
//! engine cuts out a *region* that no rule can see across: it starts two
//! characters back (a character that no rule touches and that is a
//! normalization boundary) and ends before the next ASCII character that no
//! rule touches. Inside the region it
//!
//! 1. cuts the text into *items*: one character, an entity, `\r\n`, or a
//!    terminal escape, each already decoded or deleted;
//! 2. repairs mojibake on the items with a stack, so that a repair that
//!    produces a byte of an outer layer (double encoding) is repaired again
//!    at once: the stack never holds a sequence it could repair;
//! 3. maps the remaining characters (spaces, line breaks, ligatures, ...),
//!    and normalizes each segment between normalization boundaries that
//!    needs it.
//!
//! Regions are independent, so the work is linear in the input, and the
//! order of the steps is the order in which the rules would run one after
//! another. A region whose output still holds something a rule could act on
//! (rare: an entity that decodes into mojibake, a composition that makes
//! one) is cleaned again until it is stable, so `clean` is idempotent.

use std::ops::Range;
use std::sync::Arc;

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{
    IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfkc_quick,
};

use crate::Normalization;
use crate::tables::{
    cp1252_byte, cp1252_of_c1, entity, fullwidth, ligature, second_ok,
    stands_alone, utf8_len,
};

/// The rules, with their stable names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    Mojibake,
    C1,
    Entity,
    Control,
    Ansi,
    Invisible,
    Space,
    LineBreak,
    Ligature,
    Width,
    Quote,
    Dash,
    Nfc,
    Nfkc,
}

impl Rule {
    pub(crate) fn name(self) -> &'static str {
        match self {
            Rule::Mojibake => "mojibake.cp1252",
            Rule::C1 => "mojibake.c1",
            Rule::Entity => "entity.html",
            Rule::Control => "control.removed",
            Rule::Ansi => "control.ansi",
            Rule::Invisible => "invisible.removed",
            Rule::Space => "space.odd",
            Rule::LineBreak => "linebreak.normalized",
            Rule::Ligature => "ligature.latin",
            Rule::Width => "width.fullwidth",
            Rule::Quote => "punct.quote",
            Rule::Dash => "punct.dash",
            Rule::Nfc => "normalize.nfc",
            Rule::Nfkc => "normalize.nfkc",
        }
    }
}

/// Which rules are on.
pub(crate) type Config = crate::UnicodeOptions;

/// Class bits of a character, for the fast scan.
const ACTIVE: u8 = 1;
/// Has a Windows-1252 byte: may be part of mojibake.
const MAPPABLE: u8 = 2;
/// A normalization boundary: nothing before it composes or reorders with
/// it or anything after it.
const BOUNDARY: u8 = 4;

/// Characters below this have their class in a table.
const TABLE: usize = 0x800;

/// How often a region's output is cleaned again before giving up.
const MAX_DEPTH: u8 = 4;

/// The compiled cleaner: its rules and lookup tables.
#[derive(Clone)]
pub(crate) struct Engine {
    pub(crate) cfg: Config,
    /// ASCII bytes that some rule acts on.
    ascii: [bool; 128],
    /// Class bits of U+0080..U+0800 (Latin, Greek, Cyrillic, Hebrew,
    /// Arabic...), indexed by code point.
    classes: Arc<[u8]>,
}

/// One piece of a region: what a span of the input stands for.
#[derive(Clone, Copy, Debug)]
struct Item {
    start: usize,
    end: usize,
    /// The character, or `None` once deleted.
    ch: Option<char>,
    /// The rule that made it differ from its span, if any did.
    rule: Option<Rule>,
}

/// Buffers reused across regions.
#[derive(Default)]
struct Scratch {
    items: Vec<Item>,
    /// The region's output.
    text: String,
    /// The region's edits: input span, output range in `text`, rule.
    edits: Vec<(Range<usize>, Range<usize>, Rule)>,
    tmp: String,
}

impl Engine {
    pub(crate) fn new(cfg: Config) -> Engine {
        let mut engine =
            Engine { cfg, ascii: [false; 128], classes: Arc::from(&[][..]) };
        for b in 0..128u8 {
            engine.ascii[b as usize] = match b {
                b'\n' | b'\t' => false,
                b'\r' | 0x0b | 0x0c => cfg.line_breaks,
                b'&' => cfg.html_entities,
                0..=0x1f | 0x7f => cfg.control_chars,
                _ => false,
            };
        }
        let classes: Vec<u8> = (0..TABLE as u32)
            .map(|u| char::from_u32(u).map_or(0, |c| engine.compute_class(c)))
            .collect();
        engine.classes = classes.into();
        engine
    }

    /// Runs the rules over `input`, reporting each edit in order.
    pub(crate) fn run(
        &self,
        input: &str,
        depth: u8,
        sink: &mut dyn FnMut(Range<usize>, &str, Rule),
    ) {
        let mut scratch = Scratch::default();
        let mut pos = 0;
        while let Some(p) = self.find(input, pos) {
            let start = back_up(input, pos, p);
            pos = self.region(input, start, p, depth, &mut scratch);
            for (span, out, rule) in scratch.edits.drain(..) {
                sink(span, &scratch.text[out], rule);
            }
        }
    }

    /// The cleaned text, or `None` when nothing changed.
    fn clean_string(&self, input: &str, depth: u8) -> Option<String> {
        let mut out = String::new();
        let mut copied = 0;
        let mut edited = false;
        self.run(input, depth, &mut |span, with, _| {
            if input[span.clone()] == *with {
                return;
            }
            edited = true;
            out.push_str(&input[copied..span.start]);
            out.push_str(with);
            copied = span.end;
        });
        edited.then(|| {
            out.push_str(&input[copied..]);
            out
        })
    }

    /// The class bits of a non-ASCII character.
    #[inline]
    fn class(&self, c: char) -> u8 {
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
            class |= ACTIVE;
        }
        if self.cfg.mojibake && cp1252_byte(c).is_some() {
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
    fn is_boundary(&self, c: char) -> bool {
        c.is_ascii() || self.class(c) & BOUNDARY != 0
    }

    /// Finds, from `from`, the first position where a rule may apply: an
    /// ASCII byte some rule acts on, a non-ASCII character some rule acts on
    /// or that is not normalized, or two Windows-1252 characters in a row.
    fn find(&self, text: &str, from: usize) -> Option<usize> {
        const LO: u64 = 0x0101_0101_0101_0101;
        const HI: u64 = 0x8080_8080_8080_8080;
        let bytes = text.as_bytes();
        let n = bytes.len();
        let mut i = from;
        while i < n {
            // Eight bytes at a time while none is non-ASCII, DEL, a control
            // or '&' (SWAR: each test sets a byte's high bit).
            while let Some(chunk) = bytes.get(i..i + 8) {
                let x = u64::from_le_bytes(chunk.try_into().unwrap());
                let high = (x | x.wrapping_add(LO)) & HI;
                let control = x.wrapping_sub(LO * 0x20) & !x & HI;
                let y = x ^ (LO * u64::from(b'&'));
                let amp = y.wrapping_sub(LO) & !y & HI;
                if high | control | amp != 0 {
                    break;
                }
                i += 8;
            }
            let stop = (i + 8).min(n);
            while i < stop {
                let b = bytes[i];
                if b < 0x80 {
                    if self.ascii[b as usize] {
                        return Some(i);
                    }
                    i += 1;
                    continue;
                }
                let (c, len) = decode_at(bytes, i);
                let class = self.class(c);
                if class & ACTIVE != 0 {
                    return Some(i);
                }
                if class & MAPPABLE != 0 && bytes.get(i + len) >= Some(&0x80) {
                    let (next, _) = decode_at(bytes, i + len);
                    if self.class(next) & (MAPPABLE | ACTIVE) != 0 {
                        return Some(i);
                    }
                }
                i += len;
            }
        }
        None
    }

    /// Cleans the region that starts at `start` and holds the trigger at
    /// `trigger`; leaves its edits in `sc` and returns where it ends.
    fn region(
        &self,
        input: &str,
        start: usize,
        trigger: usize,
        depth: u8,
        sc: &mut Scratch,
    ) -> usize {
        sc.items.clear();
        sc.text.clear();
        sc.edits.clear();
        let before = input[..start].chars().next_back();
        let bytes = input.as_bytes();
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            if i >= trigger
                && b < 0x80
                && !self.ascii[b as usize]
                && self.stays(bytes, i + 1)
            {
                break;
            }
            let item = self.lex(input, i);
            i = item.end;
            self.push(&mut sc.items, item, before);
        }
        self.emit(input, sc);
        if !sc.edits.is_empty()
            && depth < MAX_DEPTH
            && self.find(&sc.text, 0).is_some()
        {
            self.settle(start..i, depth, sc);
        }
        i
    }

    /// Whether the ASCII character before `j` stays as it is: it ends a
    /// region only if no mark after it composes with it ("S" and a caron
    /// make "Š", which may be half of mojibake).
    fn stays(&self, bytes: &[u8], j: usize) -> bool {
        match bytes.get(j) {
            // Not before a character that may go away or turn into a mark.
            Some(&b) if b >= 0x80 => {
                let class = self.class(decode_at(bytes, j).0);
                self.cfg.normalization == Normalization::None
                    || class & (BOUNDARY | ACTIVE | MAPPABLE) == BOUNDARY
            }
            // Nor before a control or an entity, which may go away or be a
            // mark ("S\0\u{30c}", "S&#780;").
            Some(&b) => {
                self.cfg.normalization == Normalization::None
                    || !self.ascii[b as usize]
            }
            None => true,
        }
    }

    /// Cleans a region's output again until it is stable; if it was not,
    /// reports the region as one change under its first rule.
    fn settle(&self, span: Range<usize>, depth: u8, sc: &mut Scratch) {
        let mut text = None;
        for _ in depth..MAX_DEPTH {
            let current: &str = text.as_deref().unwrap_or(&sc.text);
            match self.clean_string(current, depth + 1) {
                Some(next) => text = Some(next),
                None => break,
            }
        }
        if let Some(text) = text {
            let rule = sc.edits[0].2;
            sc.edits.clear();
            sc.edits.push((span, 0..text.len(), rule));
            sc.text = text;
        }
    }

    /// Reads the item at `i`.
    fn lex(&self, input: &str, i: usize) -> Item {
        let bytes = input.as_bytes();
        let item = |end, ch, rule| Item { start: i, end, ch, rule };
        let (c, len) = decode_at(bytes, i);
        match c {
            '\r' if self.cfg.line_breaks
                && bytes.get(i + 1) == Some(&b'\n') =>
            {
                return item(i + 2, Some('\n'), Some(Rule::LineBreak));
            }
            '\u{1b}' if self.cfg.control_chars => {
                return match ansi(bytes, i) {
                    Some(end) => item(end, None, Some(Rule::Ansi)),
                    None => item(i + 1, None, Some(Rule::Control)),
                };
            }
            '&' | '＆' | '﹠' if self.cfg.html_entities => {
                // Fullwidth and small forms become ASCII with `width`, and
                // under NFKC: read the entity they will spell now, or the
                // output would still hold one.
                let fold = self.cfg.width
                    || self.cfg.normalization == Normalization::Nfkc;
                let skip = |at: usize| self.deleted_at(input, at);
                if c == '&' || fold {
                    if let Some((mut end, mut ch)) =
                        entity(input, i + len, fold, &skip)
                    {
                        // "&amp;lt;" is "<" escaped twice: decode to the end,
                        // or the output would still hold an entity.
                        while ch == '&' {
                            match entity(input, end, fold, &skip) {
                                Some((next, next_ch)) => {
                                    end = next;
                                    ch = next_ch;
                                }
                                None => break,
                            }
                        }
                        let escapes_markup = matches!(ch, '<' | '>' | '&');
                        if !(escapes_markup
                            && near_markup(input.as_bytes(), i))
                        {
                            return match self.pre(ch) {
                                Some(_) => item(end, None, Some(Rule::Entity)),
                                None => {
                                    item(end, Some(ch), Some(Rule::Entity))
                                }
                            };
                        }
                    }
                }
            }
            _ => {}
        }
        match self.pre(c) {
            Some(rule) => item(i + len, None, Some(rule)),
            None => item(i + len, Some(c), None),
        }
    }

    /// Where the piece at `at` ends, if a rule deletes it: a control, an
    /// invisible or fragile character, a terminal escape.
    fn deleted_at(&self, input: &str, at: usize) -> Option<usize> {
        let bytes = input.as_bytes();
        if at >= bytes.len() {
            return None;
        }
        let (c, len) = decode_at(bytes, at);
        if c == '\u{1b}' && self.cfg.control_chars {
            return Some(ansi(bytes, at).unwrap_or(at + 1));
        }
        if self.deletes(c) {
            return Some(at + len);
        }
        // Mojibake of a character that is deleted ("Â\u{90}").
        let (end, decoded) = self.mojibake_at(input, at)?;
        self.deletes(decoded).then_some(end)
    }

    /// Whether some rule deletes `c` outright.
    fn deletes(&self, c: char) -> bool {
        let mut scratch = String::new();
        self.pre(c).is_some()
            || self.fragile(c).is_some()
            || (self.post(c, &mut scratch).is_some() && scratch.is_empty())
    }

    /// The mojibake sequence that starts at `at`, if one does: where it
    /// ends and the character it spells.
    fn mojibake_at(&self, input: &str, at: usize) -> Option<(usize, char)> {
        if !self.cfg.mojibake {
            return None;
        }
        let bytes = input.as_bytes();
        let mut buf = [0u8; 4];
        let mut need = 1;
        let mut k = 0;
        let mut i = at;
        while k < need {
            let (c, len) = decode_at(bytes, i);
            let b = cp1252_byte(c)?;
            if k == 0 {
                need = utf8_len(b);
                if need == 0 {
                    return None;
                }
            } else if !(0x80..0xc0).contains(&b) {
                return None;
            }
            buf[k] = b;
            k += 1;
            i += len;
            if k < need && i >= bytes.len() {
                return None;
            }
        }
        let decoded = std::str::from_utf8(&buf[..k]).ok()?.chars().next()?;
        Some((i, decoded))
    }

    /// The rule that deletes `c` before mojibake is repaired, so that the
    /// characters around it meet.
    fn pre(&self, c: char) -> Option<Rule> {
        let cfg = &self.cfg;
        match c {
            '\t' | '\n' | '\r' | '\u{b}' | '\u{c}' => None,
            '\0'..='\u{1f}' | '\u{7f}' if cfg.control_chars => {
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
            '\u{200b}'
            | '\u{2060}'..='\u{2064}'
            | '\u{feff}'
            | '\u{180e}'
            | '\u{fff9}'..='\u{fffc}'
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
    fn fragile(&self, c: char) -> Option<Rule> {
        if !self.cfg.mojibake {
            return None;
        }
        match c {
            // Those with a Windows-1252 meaning are kept as it (`c1`).
            '\u{80}'..='\u{9f}'
                if self.cfg.control_chars && cp1252_of_c1(c).is_none() =>
            {
                Some(Rule::Control)
            }
            '\u{ad}' if self.cfg.invisible => Some(Rule::Invisible),
            _ => None,
        }
    }

    /// The Windows-1252 character a C1 control stands for, when mojibake
    /// repair is on (`mojibake.c1`: "we\u{92}re" is "we’re").
    fn c1(&self, c: char) -> Option<char> {
        self.cfg.mojibake.then(|| cp1252_of_c1(c)).flatten()
    }

    /// The rule that rewrites `c` after mojibake is repaired; writes the
    /// replacement to `out`.
    fn post(&self, c: char, out: &mut String) -> Option<Rule> {
        let cfg = &self.cfg;
        if let Some(meant) = self.c1(c) {
            if self.post(meant, out).is_none() {
                out.push(meant);
            }
            return Some(Rule::C1);
        }
        let (with, rule) = match c {
            '\u{85}' | '\u{2028}' | '\u{2029}' | '\r' | '\u{b}' | '\u{c}'
                if cfg.line_breaks =>
            {
                ("\n", Rule::LineBreak)
            }
            '\u{80}'..='\u{9f}' if cfg.control_chars => ("", Rule::Control),
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
            '‘' | '’' | '‚' | '‛' | '′' | '‵' if cfg.quotes => {
                ("'", Rule::Quote)
            }
            '“' | '”' | '„' | '‟' | '″' | '‶' if cfg.quotes => {
                ("\"", Rule::Quote)
            }
            '\u{2010}'..='\u{2015}' | '\u{2212}' if cfg.dashes => {
                ("-", Rule::Dash)
            }
            _ => return None,
        };
        out.push_str(with);
        Some(rule)
    }

    /// Pushes an item, then repairs every mojibake sequence that now ends
    /// at the top of the stack.
    fn push(&self, items: &mut Vec<Item>, item: Item, before: Option<char>) {
        items.push(item);
        if !self.cfg.mojibake {
            return;
        }
        while items
            .last()
            .and_then(|top| top.ch)
            .is_some_and(|c| cp1252_byte(c).is_some())
        {
            if !self.reduce(items, before) {
                break;
            }
        }
    }

    /// Repairs the sequence ending at the top item, if there is one and it
    /// is mojibake. Deletes the top item instead when it is a fragile
    /// character that no sequence can use.
    fn reduce(&self, items: &mut Vec<Item>, before: Option<char>) -> bool {
        // The last up to four characters with Windows-1252 bytes, top
        // first; deleted items between them do not count.
        let mut at = [0usize; 4];
        let mut byte = [0u8; 4];
        let mut k = 0;
        let mut j = items.len();
        while j > 0 && k < 4 {
            j -= 1;
            let Some(c) = items[j].ch else { continue };
            let Some(b) = cp1252_byte(c) else { break };
            at[k] = j;
            byte[k] = b;
            k += 1;
            if !(0x80..0xc0).contains(&b) {
                break;
            }
        }
        if k == 0 {
            return false;
        }
        let lead = byte[k - 1];
        let need = utf8_len(lead);
        if need == 0 || k > need || (k >= 2 && !second_ok(lead, byte[k - 2])) {
            self.kill(&mut items[at[0]]);
            return false;
        }
        if k < need {
            return false;
        }
        let mut buf = [0u8; 4];
        for t in 0..k {
            buf[t] = byte[k - 1 - t];
        }
        let Some(decoded) =
            std::str::from_utf8(&buf[..k]).ok().and_then(|s| s.chars().next())
        else {
            return false;
        };
        let conts = [items[at[0]].ch, items[at[1]].ch];
        if needs_context(lead, k, conts) {
            // A repair of repairs needs evidence, not just context.
            if at[..k].iter().any(|&j| items[j].rule == Some(Rule::Mojibake)) {
                return false;
            }
            // "É»" is as likely French as mojibake, and "á’’" as likely
            // Spanish: repair them only next to another repair (or, for
            // two bytes, after a lowercase letter, as in "siÄ™").
            let prev = prev_char(items, at[k - 1]);
            let ok = match prev {
                Some(item) => {
                    item.rule == Some(Rule::Mojibake)
                        || (k == 2 && item.ch.is_some_and(char::is_lowercase))
                }
                None => k == 2 && before.is_some_and(char::is_lowercase),
            };
            if !ok {
                return false;
            }
        }
        self.replace_top(items, at[k - 1], decoded);
        self.retro(items);
        true
    }

    /// Replaces `items[from..]` by the repaired character `decoded`.
    fn replace_top(&self, items: &mut Vec<Item>, from: usize, decoded: char) {
        let start = items[from].start;
        let end = items.last().map_or(start, |top| top.end);
        items.truncate(from);
        let ch = match self.pre(decoded) {
            Some(_) => None,
            None => Some(decoded),
        };
        items.push(Item { start, end, ch, rule: Some(Rule::Mojibake) });
    }

    /// After a repair, repairs the two-byte sequence just before it that
    /// was held back only for want of context (see `reduce`).
    fn retro(&self, items: &mut Vec<Item>) {
        let top = items.len() - 1;
        let Some(c1) = prev_index(items, top) else { return };
        let Some(c0) = prev_index(items, c1) else { return };
        let (Some(second), Some(first)) = (items[c1].ch, items[c0].ch) else {
            return;
        };
        let (Some(b1), Some(b0)) = (cp1252_byte(second), cp1252_byte(first))
        else {
            return;
        };
        if utf8_len(b0) != 2
            || !(0x80..0xc0).contains(&b1)
            || !needs_context(b0, 2, [Some(second), None])
            || items[c0].rule == Some(Rule::Mojibake)
        {
            return;
        }
        let Some(decoded) =
            std::str::from_utf8(&[b0, b1]).ok().and_then(|s| s.chars().next())
        else {
            return;
        };
        // Keep the repair at the top and anything deleted before it.
        let after = items.split_off(c1 + 1);
        self.replace_top(items, c0, decoded);
        items.extend(after);
    }

    /// Deletes a fragile character that no mojibake sequence can use.
    fn kill(&self, item: &mut Item) {
        let Some(c) = item.ch else { return };
        if let Some(meant) = self.c1(c) {
            item.ch = Some(meant);
            item.rule = item.rule.or(Some(Rule::C1));
        } else if let Some(rule) = self.fragile(c) {
            item.ch = None;
            item.rule = item.rule.or(Some(rule));
        }
    }

    /// Writes the region's items out: maps characters, normalizes the
    /// segments that need it, and collects the edits.
    fn emit(&self, input: &str, sc: &mut Scratch) {
        let normalize = self.cfg.normalization != Normalization::None;
        let mut seg_item = 0;
        let mut seg_text = 0;
        let mut seg_edit = 0;
        let mut seg_check = false;
        let mut tmp = std::mem::take(&mut sc.tmp);
        for n in 0..sc.items.len() {
            let item = sc.items[n];
            tmp.clear();
            let rule = match item.ch {
                None => item.rule,
                Some(c) => match self.post(c, &mut tmp) {
                    Some(rule) => Some(item.rule.unwrap_or(rule)),
                    None if item.rule.is_some() => {
                        tmp.push(c);
                        item.rule
                    }
                    None => {
                        tmp.push_str(&input[item.start..item.end]);
                        None
                    }
                },
            };
            if normalize {
                if let Some(first) = tmp.chars().next() {
                    if n > seg_item && self.is_boundary(first) {
                        self.close(
                            sc,
                            seg_item..n,
                            seg_text,
                            seg_edit,
                            seg_check,
                        );
                        seg_item = n;
                        seg_text = sc.text.len();
                        seg_edit = sc.edits.len();
                        seg_check = false;
                    }
                    seg_check =
                        seg_check || tmp.chars().any(|c| !self.is_boundary(c));
                }
            }
            let out = sc.text.len();
            sc.text.push_str(&tmp);
            if let Some(rule) = rule {
                sc.edits.push((
                    item.start..item.end,
                    out..sc.text.len(),
                    rule,
                ));
            }
        }
        if normalize && !sc.items.is_empty() {
            let n = sc.items.len();
            self.close(sc, seg_item..n, seg_text, seg_edit, seg_check);
        }
        sc.tmp = tmp;
    }

    /// Normalizes the segment of items `items`, whose output starts at
    /// `text` and whose edits at `edit`, if it needs it: one change for the
    /// whole segment.
    fn close(
        &self,
        sc: &mut Scratch,
        items: Range<usize>,
        text: usize,
        edit: usize,
        check: bool,
    ) {
        if !check {
            return;
        }
        let segment = &sc.text[text..];
        let (normal, rule): (String, _) = match self.cfg.normalization {
            Normalization::None => return,
            Normalization::Nfc => {
                if is_nfc_quick(segment.chars()) == IsNormalized::Yes {
                    return;
                }
                (segment.nfc().collect(), Rule::Nfc)
            }
            Normalization::Nfkc => {
                if is_nfkc_quick(segment.chars()) == IsNormalized::Yes {
                    return;
                }
                (segment.nfkc().collect(), Rule::Nfkc)
            }
        };
        if normal == segment {
            return;
        }
        let span = sc.items[items.start].start..sc.items[items.end - 1].end;
        sc.text.truncate(text);
        sc.text.push_str(&normal);
        sc.edits.truncate(edit);
        sc.edits.push((span, text..sc.text.len(), rule));
    }
}

/// Whether the `k`-byte sequence that starts with `lead` and ends with the
/// characters `conts` (last first) is as likely legitimate text as
/// mojibake, so that it needs context to be repaired.
fn needs_context(lead: u8, k: usize, conts: [Option<char>; 2]) -> bool {
    let [last, second] = conts.map(|c| c.unwrap_or('a'));
    match k {
        // Â and Ã are rare as letters before a symbol; the leads of Greek,
        // Cyrillic, Hebrew and Arabic (Î Ï Ð × Ø Ù) rarer still.
        2 => {
            !matches!(lead, 0xc2 | 0xc3 | 0xce | 0xcf | 0xd0 | 0xd7..=0xd9)
                && stands_alone(last)
        }
        3 => quote_like(second) && quote_like(last),
        _ => false,
    }
}

/// Closing punctuation that often follows a lowercase accented letter.
fn quote_like(c: char) -> bool {
    matches!(c, '‘' | '’' | '“' | '”' | '«' | '»' | '…' | '–' | '—' | '•')
}

/// The index of the last item before `i` that is still a character.
fn prev_index(items: &[Item], i: usize) -> Option<usize> {
    items[..i].iter().rposition(|item| item.ch.is_some())
}

/// The last item before `i` that is still a character.
fn prev_char(items: &[Item], i: usize) -> Option<Item> {
    prev_index(items, i).map(|j| items[j])
}

/// Where a region holding the trigger at `p` starts: two characters back,
/// but not before `floor`, where the previous region ended. The character
/// at the start is then one no rule touches and a normalization boundary,
/// and not the first half of a Windows-1252 pair (the scan would have
/// stopped there), so nothing before it can interact with the region.
fn back_up(text: &str, floor: usize, p: usize) -> usize {
    let mut start = p;
    for _ in 0..2 {
        match text[floor..start].chars().next_back() {
            Some(c) => start -= c.len_utf8(),
            None => break,
        }
    }
    start
}

/// Decodes the character at byte `i` of valid UTF-8.
#[inline]
fn decode_at(bytes: &[u8], i: usize) -> (char, usize) {
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

/// The end of the terminal escape sequence at `i` (an ESC): a CSI
/// (`ESC [` parameters, intermediates, final byte) or an OSC (`ESC ]` text
/// ended by BEL or `ESC \`). Scanning stops at the first other control, so
/// it is linear however many unfinished sequences there are.
fn ansi(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 2;
    match bytes.get(i + 1)? {
        b'[' => {
            while bytes.get(j).is_some_and(|b| (0x30..=0x3f).contains(b)) {
                j += 1;
            }
            while bytes.get(j).is_some_and(|b| (0x20..=0x2f).contains(b)) {
                j += 1;
            }
            bytes
                .get(j)
                .is_some_and(|b| (0x40..=0x7e).contains(b))
                .then_some(j + 1)
        }
        b']' => loop {
            match *bytes.get(j)? {
                0x07 => return Some(j + 1),
                0x1b => {
                    return (bytes.get(j + 1) == Some(&b'\\'))
                        .then_some(j + 2);
                }
                0..=0x1f => return None,
                _ => j += 1,
            }
        },
        _ => None,
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

/// How far around an entity to look for markup on its line.
const MARKUP_REACH: usize = 256;

/// Whether the line around `at` shows markup (`<b>`, `</p>`, `<!--`): then
/// its `&lt;`, `&gt;` and `&amp;` are escaped on purpose, as in an example
/// of HTML or code (`Hello &lt;blink&gt;`), and decoding them would make
/// tags that were never there. Other entities there still decode.
fn near_markup(bytes: &[u8], at: usize) -> bool {
    let lo = at.saturating_sub(MARKUP_REACH);
    let hi = (at + MARKUP_REACH).min(bytes.len());
    let start = memrchr_newline(&bytes[lo..at]).map_or(lo, |k| lo + k + 1);
    let end =
        bytes[at..hi].iter().position(|&b| b == b'\n').map_or(hi, |k| at + k);
    bytes[start..end].windows(2).any(|w| {
        w[0] == b'<'
            && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!'))
    })
}

fn memrchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().rposition(|&b| b == b'\n')
}
