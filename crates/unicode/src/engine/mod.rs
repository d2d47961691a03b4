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
mod lex;
mod mojibake;
mod scan;
mod utf8;

use std::ops::Range;
use std::sync::Arc;

use crate::rule::Rule;
use crate::{Normalization, cp1252};
use class::{ACTIVE, BOUNDARY, MAPPABLE};
use lex::Item;
use utf8::decode_at;

/// Which rules are on.
pub(crate) type Config = crate::UnicodeOptions;

/// How often a region's output is cleaned again before giving up.
const MAX_DEPTH: u8 = 4;

/// How many items a region holds before it is cut at the next item that
/// nothing before it can interact with, so that a run of touched
/// characters (`&` × 10 M, `&lt;` × 2.5 M) takes bounded memory.
const REGION_ITEMS: usize = 4096;

/// The compiled cleaner: its rules and lookup tables.
#[derive(Clone)]
pub(crate) struct Engine {
    pub(crate) cfg: Config,
    /// ASCII bytes that some rule acts on.
    ascii: [bool; 128],
    /// Class bits of U+0080..U+0800 (Latin, Greek, Cyrillic, Hebrew,
    /// Arabic...), indexed by code point.
    classes: Arc<[u8]>,
    /// When a region may be cut: [`REGION_ITEMS`], or less in tests, which
    /// check that cutting changes nothing.
    pub(crate) region_items: usize,
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
        let mut engine = Engine {
            cfg,
            ascii: [false; 128],
            classes: Arc::from(&[][..]),
            region_items: REGION_ITEMS,
        };
        for b in 0..128u8 {
            engine.ascii[b as usize] = match b {
                b'\n' | b'\t' => false,
                b'&' => cfg.html_entities,
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
        let mut scratch = Scratch::default();
        let mut pos = 0;
        while let Some(p) = self.find(input, pos) {
            let start = scan::back_up(input, pos, p);
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
            if sc.items.len() >= self.region_items
                && self.cuts_before(input, &item, sc)
            {
                break;
            }
            i = item.end;
            self.push(&mut sc.items, item, before);
        }
        self.emit(input, sc);
        // The output is normalized (each segment that needed it was), so
        // only another rule can still change it.
        if !sc.edits.is_empty()
            && depth < MAX_DEPTH
            && self.find_rule(&sc.text, 0).is_some()
        {
            self.settle(start..i, depth, sc);
        }
        i
    }

    /// Whether a region may end before `item` as if the text ended there:
    /// the item keeps a character that no mojibake sequence can hold or
    /// reach across (ASCII, or no Windows-1252 character), its output
    /// starts with such a character too, at a normalization boundary, and
    /// the item after it starts at one as well (or "S" and a caron would
    /// make "Š", which may be half of mojibake).
    ///
    /// A Windows-1252 continuation byte (`\u{a0}`, `©`) qualifies too after
    /// three others: no lead byte is then near enough for a sequence to
    /// hold it (a run of no-break spaces).
    fn cuts_before(&self, input: &str, item: &Item, sc: &mut Scratch) -> bool {
        let Some(c) = item.ch else { return false };
        let unreachable = match cp1252::byte(c) {
            None => true,
            Some(0x80..=0xbf) => {
                let mut before =
                    sc.items.iter().rev().take(8).filter_map(|i| i.ch);
                (0..3).all(|_| {
                    before
                        .next()
                        .and_then(cp1252::byte)
                        .is_some_and(|b| (0x80..0xc0).contains(&b))
                })
            }
            Some(_) => false,
        };
        let starts_clean = |c: char, tmp: &mut String| {
            tmp.clear();
            let first = match self.post(c, tmp) {
                Some(_) => tmp.chars().next(),
                None => Some(c),
            };
            first.is_some_and(|f| {
                cp1252::byte(f).is_none() && self.is_boundary(f)
            })
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
}
