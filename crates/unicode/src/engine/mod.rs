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
//!
//! This module drives the regions; the steps live beside it: `scan` finds
//! where one starts, `lex` does step 1 (with `entity` and `ansi`),
//! `mojibake` step 2 and `emit` step 3. `char_rules` says what each rule
//! does to one character, and `class` sums that up per character for the
//! scan.

mod ansi;
mod char_rules;
mod class;
mod emit;
mod entity;
mod escape;
mod form;
mod judge;
mod lex;
mod mojibake;
mod scan;
mod utf8;

use std::ops::Range;
use std::sync::{Arc, OnceLock};

use crate::Normalization;
use crate::codec::Codec;
use crate::rule::Rule;
use class::{ACTIVE, BOUNDARY, MAPPABLE, NBSP_LEAD, STICKY};
use lex::Item;
use mojibake::Stream;
use utf8::decode_at;

/// Which rules are on.
pub(crate) type Config = crate::UnicodeOptions;

/// Whether the last item that stands for a character is a bare reference
/// (`&copy`), which the character after it decides: the region goes on.
fn ends_bare(items: &[Item]) -> bool {
    items
        .iter()
        .rev()
        .find(|item| item.ch.is_some())
        .is_some_and(|item| item.bare)
}

/// How often a region's output is cleaned again before giving up.
const MAX_DEPTH: u8 = 4;

/// How many bytes after a `<` the markup test reads as cleaned.
const MARKUP_VIEW: usize = 64;

/// How many items a region holds before it is cut at the next item that
/// nothing before it can interact with, so that a run of touched
/// characters (`&` × 10 M, `&lt;` × 2.5 M) takes bounded memory.
const REGION_ITEMS: usize = 4096;

/// The compiled cleaner: its rules and lookup tables.
#[derive(Clone)]
pub(crate) struct Engine {
    pub(crate) cfg: Config,
    /// The code pages whose mojibake is repaired, in the order tried.
    codecs: &'static [Codec],
    /// The same, one bit per code page (by `Codec::index`).
    codec_bits: u16,
    /// ASCII bytes that some rule acts on.
    ascii: [bool; 128],
    /// Class bits of U+0080..U+0800 (Latin, Greek, Cyrillic, Hebrew,
    /// Arabic...), indexed by code point, then of U+2000..U+2600
    /// (punctuation, symbols, box drawing).
    classes: Arc<[u16]>,
    /// What a reference is read through (see [`entity::Fold`]).
    fold: entity::Fold,
    /// When a region may be cut: [`REGION_ITEMS`], or less in tests, which
    /// check that cutting changes nothing.
    pub(crate) region_items: usize,
    /// The same rules without entities, which reads the text after a `<`
    /// as the output will have it, for the markup test
    /// ([`Engine::cleans_to_letter`]): built on first use, as few texts
    /// need it and building it costs as much as this engine.
    markup_view: OnceLock<Arc<Engine>>,
}

/// What surrounds a text that is cleaned as part of a larger one (a
/// region's output, cleaned again until it is stable): the character
/// before it and the input after it, the context of mojibake decisions.
#[derive(Clone, Copy, Default)]
pub(super) struct Outer<'a> {
    pub(super) before: Option<char>,
    pub(super) after: &'a str,
}

/// What the mojibake repairs of a text carry from one region to the next:
/// the repairs each code page could have made so far (`Stream::scores`),
/// the right-hand context of their decisions, and whether the text holds
/// a C1 control, once asked (`Stream::c1`).
#[derive(Default)]
struct Carry {
    scores: [u32; 9],
    ahead: mojibake::AheadCache,
    c1: Option<bool>,
}

impl Carry {
    /// The stream of the region in `input` with these carried along.
    fn stream<'a, 'p>(
        &'p mut self,
        input: &'a str,
        after: &'a str,
        before: Option<char>,
    ) -> Stream<'a, 'p> {
        Stream {
            input,
            after,
            before,
            scores: &mut self.scores,
            ahead: &mut self.ahead,
            c1: &mut self.c1,
        }
    }
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
    /// The bare references (`&copy`) of the region's output, to decide
    /// once it is written.
    bare: Vec<emit::Bare>,
    /// What the mojibake repairs carry from one region to the next.
    carry: Carry,
    /// The region holds a backslash (or a form of one): a surrogate
    /// escape that other rules spell may be open at its end.
    backslash: bool,
}

impl Engine {
    pub(crate) fn new(cfg: Config) -> Engine {
        let mut engine = Engine {
            cfg,
            codecs: match (cfg.mojibake, cfg.code_pages) {
                (false, _) => &[],
                (true, false) => &Codec::ALL[..1],
                (true, true) => &Codec::ALL,
            },
            codec_bits: 0,
            ascii: [false; 128],
            classes: Arc::from(&[][..]),
            fold: entity::Fold::of(&cfg),
            region_items: REGION_ITEMS,
            markup_view: OnceLock::new(),
        };
        engine.codec_bits =
            engine.codecs.iter().fold(0, |bits, c| bits | 1 << c.index());
        for b in 0..128u8 {
            engine.ascii[b as usize] = match b {
                b'\n' | b'\t' => false,
                b'&' => cfg.html_entities,
                b'\\' => cfg.surrogate_escapes,
                0..=0x1f | 0x7f => cfg.control_chars,
                _ => false,
            };
        }
        engine.classes = engine.class_table();
        engine
    }

    /// Runs the rules over `input`, reporting each edit in order.
    pub(crate) fn run(
        &self,
        input: &str,
        depth: u8,
        sink: &mut dyn FnMut(Range<usize>, &str, Rule),
    ) {
        self.run_within(input, Outer::default(), depth, sink)
    }

    /// [`Engine::run`] on a text inside a larger one.
    fn run_within(
        &self,
        input: &str,
        outer: Outer<'_>,
        depth: u8,
        sink: &mut dyn FnMut(Range<usize>, &str, Rule),
    ) {
        let mut scratch = Scratch::default();
        let mut pos = 0;
        while let Some(p) = self.find(input, pos) {
            let start = scan::back_up(input, pos, p);
            pos = self.region(input, outer, start, p, depth, &mut scratch);
            for (span, out, rule) in scratch.edits.drain(..) {
                sink(span, &scratch.text[out], rule);
            }
        }
    }

    /// The cleaned text, or `None` when nothing changed.
    fn clean_string(
        &self,
        input: &str,
        outer: Outer<'_>,
        depth: u8,
    ) -> Option<String> {
        let mut out = String::new();
        let mut copied = 0;
        let mut edited = false;
        self.run_within(input, outer, depth, &mut |span, with, _| {
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

    /// Cleans the region that starts at `start` and holds the trigger at
    /// `trigger`; leaves its edits in `sc` and returns where it ends.
    fn region(
        &self,
        input: &str,
        outer: Outer<'_>,
        start: usize,
        trigger: usize,
        depth: u8,
        sc: &mut Scratch,
    ) -> usize {
        sc.items.clear();
        sc.backslash = false;
        sc.text.clear();
        sc.edits.clear();
        let before = match start {
            0 => outer.before,
            _ => input[..start].chars().next_back(),
        };
        let after = outer.after;
        let bytes = input.as_bytes();
        let mut i = start;
        while i < bytes.len() {
            let b = bytes[i];
            if b < 0x80
                && !b.is_ascii_alphanumeric()
                && self.cfg.mojibake
                && sc
                    .items
                    .last()
                    .is_some_and(|top| top.ch.is_some_and(|c| !c.is_ascii()))
            {
                self.repair_misread_words(
                    &mut sc.carry.stream(input, after, before),
                    &mut sc.items,
                    Some(b as char),
                );
            }
            if b == b' '
                && self.cfg.mojibake
                && self.cfg.lost_bytes
                && self.lost_nbsp(
                    &mut sc.carry.stream(input, after, before),
                    i,
                    &mut sc.items,
                )
            {
                i += 1;
                continue;
            }
            if b == b'\n' && self.cfg.mojibake && self.cfg.lost_bytes {
                self.lost_nbsp_at_line_end(
                    &mut sc.carry.stream(input, after, before),
                    i,
                    &mut sc.items,
                );
            }
            if i >= trigger
                && b < 0x80
                && !self.ascii[b as usize]
                && self.stays(bytes, i + 1)
                && !(b == b' ' && self.may_compose_nbsp_lead(&sc.items))
                && !ends_bare(&sc.items)
                && !(sc.backslash && self.continues_escape(&sc.items, b))
            {
                break;
            }
            let mut item = self.lex(input, i);
            // A line break that an entity (or a CR) makes ends the line as
            // one in the input does: a second run reads it as one.
            if b != b'\n'
                && self.cfg.mojibake
                && self.cfg.lost_bytes
                && item.ch.is_some_and(entity::is_line_break)
            {
                self.lost_nbsp_at_line_end(
                    &mut sc.carry.stream(input, after, before),
                    i,
                    &mut sc.items,
                );
            }
            if self.cfg.surrogate_escapes {
                if item.rule == Some(Rule::SurrogateEscape) && sc.backslash {
                    item = self.after_open_high(input, item, &sc.items);
                }
                sc.backslash |= matches!(item.ch, Some('\\' | '＼' | '﹨'));
            }
            if sc.items.len() >= self.region_items
                && self.cuts_before(input, &item, sc)
            {
                break;
            }
            i = item.end;
            let mut st = sc.carry.stream(input, after, before);
            self.push(&mut st, &mut sc.items, item);
        }
        let next =
            input[i..].chars().next().or_else(|| outer.after.chars().next());
        if self.cfg.mojibake && !sc.items.is_empty() {
            let mut st = sc.carry.stream(input, after, before);
            self.repair_misread_words(&mut st, &mut sc.items, next);
            // The end of the text ends its last line: what a pass that
            // sees a line break after it (the tail pass adds one) repairs,
            // this one must.
            if i == input.len() && after.is_empty() && self.cfg.lost_bytes {
                self.lost_nbsp_at_line_end(&mut st, i, &mut sc.items);
            }
        }
        self.emit(input, sc, next);
        // The output is normalized (each segment that needed it was), so
        // only another rule can still change it.
        if !sc.edits.is_empty()
            && depth < MAX_DEPTH
            && self.find_rule(&sc.text, 0).is_some()
        {
            let outer = Outer {
                before,
                after: if i < input.len() { &input[i..] } else { outer.after },
            };
            self.settle(start..i, outer, depth, sc);
        }
        i
    }

    /// Whether a region may end before `item` as if the text ended there:
    /// the item keeps a character that no mojibake sequence can hold or
    /// reach across (ASCII, or no byte in any code page), its output
    /// starts with such a character too, at a normalization boundary, and
    /// the item after it starts at one as well (or "S" and a caron would
    /// make "Š", which may be half of mojibake).
    ///
    /// A character that is a continuation byte (`\u{a0}`, `©`) qualifies
    /// too after three others, in every code page: no lead byte is then
    /// near enough for a sequence to hold it (a run of no-break spaces).
    fn cuts_before(&self, input: &str, item: &Item, sc: &mut Scratch) -> bool {
        let Some(c) = item.ch else { return false };
        if ends_bare(&sc.items) {
            return false;
        }
        // Nor inside an escape that other rules spell ("&#92;ud83d").
        if sc.backslash && self.open_escape(&sc.items).is_some() {
            return false;
        }
        // "Ã" and a space (of any kind, once made plain) may be one
        // sequence whose no-break space was lost.
        if sc.items.iter().rev().find_map(|i| i.ch).is_some_and(|top| {
            !top.is_ascii() && self.class(top) & NBSP_LEAD != 0
        }) {
            return false;
        }
        let unreachable = !self.mappable(c) || {
            let mut before = ['\0'; 3];
            let mut n = 0;
            for ch in
                sc.items.iter().rev().take(8).filter_map(|i| i.ch).take(3)
            {
                before[n] = ch;
                n += 1;
            }
            n == 3
                && self.codecs.iter().all(|codec| {
                    let cont = |c: char| {
                        codec
                            .byte(c)
                            .is_some_and(|b| (0x80..0xc0).contains(&b))
                    };
                    // MacRoman's no-break space is a lead, but of IPA
                    // letters only, which are never repaired.
                    let never_leads =
                        *codec == Codec::MacRoman && c == '\u{a0}';
                    codec.byte(c).is_none()
                        || ((cont(c) || never_leads)
                            && before.iter().all(|&b| cont(b)))
                })
        };
        let starts_clean = |c: char, tmp: &mut String| {
            tmp.clear();
            let first = match self.post(c, tmp) {
                Some(_) => tmp.chars().next(),
                None => Some(c),
            };
            first.is_some_and(|f| !self.mappable(f) && self.is_boundary(f))
        };
        if !unreachable || !starts_clean(c, &mut sc.tmp) {
            return false;
        }
        if item.end >= input.len() {
            return true;
        }
        let next = self.lex(input, item.end);
        next.ch.is_some_and(|n| starts_clean(n, &mut sc.tmp))
    }

    /// Whether the region's output may end with `Ã` or `Â` that
    /// normalization composes ("A" and a combining tilde): a space after
    /// it must then stay in the region, so that the region is cleaned
    /// again with it and a lost no-break space is restored now, not on a
    /// second run ("A\u{303} a" is "Ã a" once normalized).
    fn may_compose_nbsp_lead(&self, items: &[Item]) -> bool {
        self.cfg.mojibake
            && self.cfg.lost_bytes
            && self.cfg.normalization != Normalization::None
            && items
                .iter()
                .rev()
                .find_map(|item| item.ch)
                .is_some_and(|c| !self.is_boundary(c))
    }

    /// Whether the text at `at`, just after a `<`, starts with a letter
    /// once cleaned (without entities): mojibake repair, normalization and
    /// deletions decide whether a tag starts there, in the output as in
    /// the input. Read on what follows within [`MARKUP_VIEW`] bytes on the
    /// line; a `<` before a character that is not ASCII is rare.
    pub(super) fn cleans_to_letter(&self, input: &str, at: usize) -> bool {
        let rest = &input[at..];
        let mut end = memchr::memchr(b'\n', rest.as_bytes())
            .unwrap_or(rest.len())
            .min(MARKUP_VIEW);
        while !rest.is_char_boundary(end) {
            end -= 1;
        }
        let window = &rest[..end];
        let starts_with_letter =
            |text: &str| text.starts_with(char::is_alphabetic);
        // Only entities call this: the view is this engine without them.
        let view = self.markup_view.get_or_init(|| {
            Arc::new(Engine::new(Config { html_entities: false, ..self.cfg }))
        });
        let outer = Outer { before: Some('<'), after: "" };
        match view.clean_string(window, outer, 0) {
            Some(cleaned) => starts_with_letter(&cleaned),
            None => starts_with_letter(window),
        }
    }

    /// Whether `c` has a byte in some code page whose mojibake is
    /// repaired: it may be part of a sequence.
    #[inline]
    pub(super) fn mappable(&self, c: char) -> bool {
        !c.is_ascii() && self.class(c) & MAPPABLE != 0
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
                    || class & (BOUNDARY | ACTIVE | STICKY) == BOUNDARY
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
    fn settle(
        &self,
        span: Range<usize>,
        outer: Outer<'_>,
        depth: u8,
        sc: &mut Scratch,
    ) {
        let mut text = None;
        for _ in depth..MAX_DEPTH {
            let current: &str = text.as_deref().unwrap_or(&sc.text);
            match self.clean_string(current, outer, depth + 1) {
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
}
