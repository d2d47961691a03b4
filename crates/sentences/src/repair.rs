//! The repair rules: glued sentences, missing spaces, lost final periods,
//! hard-wrap unwrapping and dehyphenation.
//!
//! The rules are planned first (each as an edit on the input) and applied
//! in order at the end, so that their decisions read the input alone and
//! not each other's output: that keeps repair idempotent.

use std::collections::HashMap;
use std::ops::Range;

use textclean_core::Edits;

use crate::lang::Language;
use crate::text::{
    char_at, char_before, is_capitalized, is_closer, is_lower_word, is_opener,
    letters_end, letters_start, starts_with_list_marker,
};

pub(crate) const GLUED: &str = "sentences.glued";
pub(crate) const SPACE: &str = "sentences.space";
pub(crate) const FINAL_PERIOD: &str = "sentences.final_period";
pub(crate) const UNWRAP: &str = "sentences.unwrap";
pub(crate) const DEHYPHENATE: &str = "sentences.dehyphenate";

/// Which rules run.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Options {
    pub glued: bool,
    pub space: bool,
    pub final_period: bool,
    pub unwrap: bool,
    pub dehyphenate: bool,
}

/// Words a line needs to count as prose for a final period.
const PROSE_WORDS: usize = 8;
/// A line at least this long in a block that is not wrapped prose is a
/// paragraph of its own (web text with single newlines).
const LONG_LINE: usize = 100;
/// Words of the sentence before a glued boundary, the left part included.
const SENTENCE_WORDS: usize = 3;

/// One planned edit.
#[derive(Debug)]
struct Plan {
    span: Range<usize>,
    with: &'static str,
    rule: &'static str,
}

/// A lower→Upper (or ACRONYM→Capitalized) boundary inside one letter run.
#[derive(Debug)]
struct Glue {
    token: Range<usize>,
    at: usize,
    kind: Left,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Left {
    Lower,
    Capitalized,
    Acronym,
}

pub(crate) fn repair(lang: &Language, opts: &Options, edits: &mut Edits<'_>) {
    let text = edits.input();
    let mut plan = Vec::new();
    let mut counts = Counts::default();

    // Find candidates; what needs counting over the whole document.
    let glues =
        if opts.glued { glue_candidates(lang, text) } else { Vec::new() };
    for g in &glues {
        counts.want(&text[g.token.clone()]);
        if g.kind != Left::Lower {
            counts.want(&text[g.token.start..g.at]);
        }
    }
    let hyphens =
        if opts.dehyphenate { hyphen_candidates(text) } else { Vec::new() };
    for h in &hyphens {
        counts.want(&h.joined);
        counts.want(&h.hyphened);
    }
    if !counts.wanted.is_empty() {
        counts.count(text);
    }

    // Sentence-level insertions, in order.
    let mut splits: Vec<usize> = Vec::new();
    if opts.glued || opts.space {
        let spaces =
            if opts.space { space_candidates(lang, text) } else { Vec::new() };
        let mut code = CodeBlocks::default();
        let (mut gi, mut si) = (0, 0);
        let mut floor = 0;
        loop {
            let next_glue = glues.get(gi).map(|g| g.at);
            let next_space = spaces.get(si).copied();
            let take_glue = match (next_glue, next_space) {
                (None, None) => break,
                (Some(g), Some(s)) => g < s,
                (Some(_), None) => true,
                (None, Some(_)) => false,
            };
            if take_glue {
                let g = &glues[gi];
                gi += 1;
                if !code.is_code(text, g.at)
                    && glue_holds(lang, text, g, &counts, floor)
                {
                    plan.push(Plan {
                        span: g.at..g.at,
                        with: ". ",
                        rule: GLUED,
                    });
                    splits.push(g.at);
                    floor = g.at;
                }
            } else {
                let at = spaces[si];
                si += 1;
                if !code.is_code(text, at) {
                    plan.push(Plan { span: at..at, with: " ", rule: SPACE });
                    splits.push(at);
                    floor = at;
                }
            }
        }
    }

    // Block-level rules.
    if opts.final_period || opts.unwrap || opts.dehyphenate {
        let hyphen_at: HashMap<usize, &Hyphen> =
            hyphens.iter().map(|h| (h.line_end, h)).collect();
        blocks(text, |lines| {
            block_rules(
                lang, opts, text, lines, &splits, &hyphen_at, &counts,
                &mut plan,
            )
        });
    }

    plan.sort_by_key(|p| (p.span.start, p.span.end));
    let mut at = 0;
    for p in plan {
        if p.span.start < at {
            continue;
        }
        at = p.span.end;
        edits.replace(p.span, p.with, p.rule);
    }
}

/// Occurrence counts of the few tokens that decisions need.
struct Counts {
    wanted: HashMap<String, usize>,
    lengths: u64,
    firsts: [bool; 256],
}

impl Default for Counts {
    fn default() -> Counts {
        Counts { wanted: HashMap::new(), lengths: 0, firsts: [false; 256] }
    }
}

impl Counts {
    fn want(&mut self, token: &str) {
        if token.is_empty() {
            return;
        }
        self.lengths |= 1 << token.len().min(63);
        self.firsts[token.as_bytes()[0] as usize] = true;
        self.wanted.entry(token.to_owned()).or_insert(0);
    }

    fn get(&self, token: &str) -> usize {
        self.wanted.get(token).copied().unwrap_or(0)
    }

    fn bump(&mut self, token: &str) {
        if self.lengths & (1 << token.len().min(63)) == 0
            || !self.firsts[token.as_bytes()[0] as usize]
        {
            return;
        }
        if let Some(n) = self.wanted.get_mut(token) {
            *n += 1;
        }
    }

    /// Counts the wanted tokens: letter runs, and hyphenated pairs of them.
    fn count(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        let mut prev: Option<Range<usize>> = None;
        while i < bytes.len() {
            let b = bytes[i];
            let starts = b.is_ascii_alphabetic()
                || (b >= 0x80
                    && char_at(text, i).is_some_and(char::is_alphabetic));
            if !starts {
                i += 1;
                // Skip UTF-8 continuation bytes.
                while i < bytes.len() && (bytes[i] & 0xC0) == 0x80 {
                    i += 1;
                }
                continue;
            }
            let end = letters_end(text, i);
            self.bump(&text[i..end]);
            if let Some(p) = &prev {
                if p.end + 1 == i && bytes[p.end] == b'-' {
                    self.bump(&text[p.start..end]);
                }
            }
            prev = Some(i..end);
            i = end;
        }
    }
}

/// Finds letter runs with a case boundary inside, one candidate per run.
fn glue_candidates(lang: &Language, text: &str) -> Vec<Glue> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        // Cheap test first: an upper-case byte after a letter byte.
        let maybe = if b.is_ascii_uppercase() {
            let p = bytes[i - 1];
            p.is_ascii_alphabetic() || p >= 0x80
        } else {
            b >= 0x80
                && (b & 0xC0) != 0x80
                && char_at(text, i).is_some_and(char::is_uppercase)
                && char_before(text, i).is_some_and(char::is_alphabetic)
        };
        if !maybe {
            i += 1;
            continue;
        }
        let start = letters_start(text, i, usize::MAX);
        let end = letters_end(text, i);
        if let Some(g) = glue_in(lang, text, start..end) {
            out.push(g);
        }
        i = end.max(i + 1);
    }
    out
}

/// The one boundary of a letter run, if it has exactly one of the kinds
/// that can hide a sentence end.
fn glue_in(lang: &Language, text: &str, token: Range<usize>) -> Option<Glue> {
    let word = &text[token.clone()];
    if word.len() > 64 || lang.is_camel_case_name(word) {
        return None;
    }
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut found = None;
    let mut boundaries = 0;
    for k in 1..chars.len() {
        let (prev, cur) = (chars[k - 1].1, chars[k].1);
        let next = chars.get(k + 1).map(|c| c.1);
        let kind = if prev.is_lowercase() && cur.is_uppercase() {
            Some(Left::Lower)
        } else if prev.is_uppercase()
            && cur.is_uppercase()
            && next.is_some_and(char::is_lowercase)
        {
            Some(Left::Acronym)
        } else {
            None
        };
        if let Some(kind) = kind {
            boundaries += 1;
            found = Some((chars[k].0, kind));
        }
    }
    if boundaries != 1 {
        return None;
    }
    let (at, kind) = found?;
    let (left, right) = word.split_at(at);
    if !is_capitalized(right) {
        return None;
    }
    let kind = match kind {
        Left::Acronym if left.chars().count() >= 2 => Left::Acronym,
        Left::Acronym => return None,
        _ if is_lower_word(left) => Left::Lower,
        _ if is_capitalized(left) => Left::Capitalized,
        _ => return None,
    };
    Some(Glue { token: token.clone(), at: token.start + at, kind })
}

/// Whether the evidence for a glued boundary holds.
fn glue_holds(
    lang: &Language,
    text: &str,
    g: &Glue,
    counts: &Counts,
    floor: usize,
) -> bool {
    let token = &text[g.token.clone()];
    let left = &text[g.token.start..g.at];
    let right = &text[g.at..g.token.end];
    // Prose, not code: nothing code-like touches the token.
    if let Some(c) = char_before(text, g.token.start) {
        if c.is_alphanumeric() || "_./@#\\:(<$%&*=+~|^`".contains(c) {
            return false;
        }
    }
    if let Some(c) = char_at(text, g.token.end) {
        let after = char_at(text, g.token.end + c.len_utf8());
        if c.is_alphanumeric() || "_/@#\\(<$%&=+~|^`[{".contains(c) {
            return false;
        }
        if (c == '.' || c == ':') && after.is_some_and(char::is_alphanumeric) {
            return false;
        }
        if c == ':' && after == Some(':') {
            return false;
        }
    }
    // A name recurs; a glued pair almost never does.
    if counts.get(token) > 1 {
        return false;
    }
    if !(lang.is_word(right) || lang.is_starter(right)) {
        return false;
    }
    let left_ok = match g.kind {
        Left::Lower => {
            left.chars().count() >= 2 && !lang.is_function_word(left)
        }
        Left::Capitalized => {
            lang.is_strong_starter(right)
                && (counts.get(left) > 0 || lang.is_word(left))
        }
        Left::Acronym => counts.get(left) > 0,
    };
    left_ok && words_before(text, g.at, floor) >= SENTENCE_WORDS
}

/// Words of the sentence that ends at `at`, counted back to a sentence
/// terminator, a blank line, `floor` or a few hundred bytes, at most
/// [`SENTENCE_WORDS`].
fn words_before(text: &str, at: usize, floor: usize) -> usize {
    let bytes = text.as_bytes();
    let lo = floor.max(at.saturating_sub(300));
    let mut words = 0;
    let mut in_word = true;
    let mut i = at;
    let mut newline = false;
    while i > lo {
        let b = bytes[i - 1];
        match b {
            b'\n' => {
                if newline {
                    break;
                }
                newline = true;
            }
            b' ' | b'\t' | b'\r' => {}
            _ => newline = false,
        }
        if b.is_ascii_whitespace() {
            if in_word {
                words += 1;
                if words >= SENTENCE_WORDS {
                    return words;
                }
                in_word = false;
            }
        } else {
            if matches!(b, b'.' | b'!' | b'?') && i < at {
                let n = bytes[i];
                if n.is_ascii_whitespace()
                    || n.is_ascii_uppercase()
                    || matches!(n, b'"' | b'\'' | b')')
                {
                    break;
                }
            }
            in_word = true;
        }
        i -= 1;
    }
    if in_word {
        words += 1;
    }
    words.min(SENTENCE_WORDS)
}

/// Remembers whether the blank-line block around a position looks like
/// code, computing each block once.
#[derive(Default)]
struct CodeBlocks {
    block: Range<usize>,
    code: bool,
}

impl CodeBlocks {
    fn is_code(&mut self, text: &str, at: usize) -> bool {
        if !(self.block.start <= at && at < self.block.end) {
            self.block = block_around(text, at);
            self.code = looks_like_code(&text[self.block.clone()]);
        }
        self.code
    }
}

/// The blank-line separated block that holds `at`.
fn block_around(text: &str, at: usize) -> Range<usize> {
    let bytes = text.as_bytes();
    let at = at.min(bytes.len());
    let blank =
        |line: &[u8]| line.iter().all(|b| matches!(b, b' ' | b'\t' | b'\r'));
    let mut start = 0;
    let mut line_end = at;
    let mut first = true;
    while let Some(nl) = memchr::memrchr(b'\n', &bytes[..line_end]) {
        if !first && blank(&bytes[nl + 1..line_end]) {
            start = line_end;
            break;
        }
        first = false;
        line_end = nl;
    }
    let mut end = bytes.len();
    let mut s = at;
    let mut first = true;
    loop {
        let e =
            memchr::memchr(b'\n', &bytes[s..]).map_or(bytes.len(), |k| s + k);
        if !first && blank(&bytes[s..e]) {
            end = s;
            break;
        }
        if e == bytes.len() {
            break;
        }
        first = false;
        s = e + 1;
    }
    start..end
}

fn looks_like_code(block: &str) -> bool {
    let bytes = block.as_bytes();
    memchr::memchr3(b'{', b'}', b'`', bytes).is_some()
        || ["==", "=>", "->", "();", "::", "</", "/>", "#include", "!="]
            .iter()
            .any(|p| memchr::memmem::find(bytes, p.as_bytes()).is_some())
}

/// Positions after `end.` in `end.The next` where a space is missing.
fn space_candidates(lang: &Language, text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(k) = memchr::memchr3(b'.', b'!', b'?', &bytes[i..]) {
        let term = i + k;
        // The whole run of terminators and closers.
        let mut j = term;
        while j < bytes.len() && matches!(bytes[j], b'.' | b'!' | b'?') {
            j += 1;
        }
        i = j;
        while let Some(c) = char_at(text, j) {
            if !is_closer(c) {
                break;
            }
            j += c.len_utf8();
        }
        let Some(first) = char_at(text, j) else { break };
        if !first.is_uppercase() {
            continue;
        }
        if space_holds(lang, text, term, j) {
            out.push(j);
        }
    }
    out
}

fn space_holds(lang: &Language, text: &str, term: usize, at: usize) -> bool {
    let left_start = letters_start(text, term, 64);
    let left = &text[left_start..term];
    if left.chars().count() < 2 || !is_lower_word(left) {
        return false;
    }
    if lang.is_abbreviation(left) && !lang.is_final_abbreviation(left) {
        return false;
    }
    match char_before(text, left_start) {
        None => {}
        Some(c) if c.is_whitespace() || is_opener(c) => {}
        Some(_) => return false,
    }
    let right_end = letters_end(text, at);
    let right = &text[at..right_end];
    if !is_capitalized(right)
        || !(lang.is_word(right) || lang.is_starter(right))
    {
        return false;
    }
    match char_at(text, right_end) {
        None => true,
        Some(c) if c.is_whitespace() => true,
        Some('.') | Some(':') => !char_at(text, right_end + 1)
            .is_some_and(|c| c.is_alphanumeric() || c == '/'),
        Some(c) => matches!(c, ',' | ';' | '!' | '?') || is_closer(c),
    }
}

/// A line-end hyphen between two letter runs.
#[derive(Debug)]
struct Hyphen {
    /// Offset of the `-`.
    line_end: usize,
    joined: String,
    hyphened: String,
    /// Where the next line's word starts.
    next: usize,
}

fn hyphen_candidates(text: &str) -> Vec<Hyphen> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    for nl in memchr::memchr_iter(b'\n', bytes) {
        let mut e = nl;
        while e > 0 && matches!(bytes[e - 1], b' ' | b'\t' | b'\r') {
            e -= 1;
        }
        if e < 2 || bytes[e - 1] != b'-' {
            continue;
        }
        let dash = e - 1;
        if !char_before(text, dash).is_some_and(char::is_alphabetic) {
            continue;
        }
        let mut s = nl + 1;
        while s < bytes.len() && matches!(bytes[s], b' ' | b'\t') {
            s += 1;
        }
        if !char_at(text, s).is_some_and(char::is_lowercase) {
            continue;
        }
        let ls = letters_start(text, dash, 64);
        let re = letters_end(text, s);
        let (l, r) = (&text[ls..dash], &text[s..re]);
        out.push(Hyphen {
            line_end: dash,
            joined: format!("{l}{r}"),
            hyphened: format!("{l}-{r}"),
            next: s,
        });
    }
    out
}

/// A line of a block: where its content starts and ends (without the
/// surrounding whitespace), and where the raw line ends (at its `\n`).
#[derive(Clone, Copy, Debug)]
struct Line {
    start: usize,
    end: usize,
    indented: bool,
}

/// Calls `f` with the lines of each blank-line separated block.
fn blocks(text: &str, mut f: impl FnMut(&[Line])) {
    let bytes = text.as_bytes();
    let mut lines: Vec<Line> = Vec::new();
    let mut at = 0;
    while at <= bytes.len() {
        let nl = memchr::memchr(b'\n', &bytes[at..])
            .map_or(bytes.len(), |k| at + k);
        let raw = &text[at..nl];
        let trimmed = raw.trim_start();
        let start = at + (raw.len() - trimmed.len());
        let end = start + trimmed.trim_end().len();
        if end == start {
            if !lines.is_empty() {
                f(&lines);
                lines.clear();
            }
        } else {
            lines.push(Line { start, end, indented: start > at });
        }
        at = nl + 1;
    }
    if !lines.is_empty() {
        f(&lines);
    }
}

/// Word statistics of a stretch of text.
#[derive(Clone, Copy, Default)]
struct Words {
    total: usize,
    lower: usize,
}

fn words_of(text: &str) -> Words {
    let mut w = Words::default();
    for word in text.split_ascii_whitespace() {
        w.total += 1;
        let first = word.chars().find(|c| !is_opener(*c));
        if first.is_some_and(char::is_lowercase) {
            w.lower += 1;
        }
    }
    w
}

/// Counts the planned splits inside `span`.
fn splits_in(splits: &[usize], span: Range<usize>) -> usize {
    let a = splits.partition_point(|&s| s < span.start);
    let b = splits.partition_point(|&s| s < span.end);
    b - a
}

fn is_prose(words: Words, splits: usize) -> bool {
    // Each split adds a Capitalized word.
    let total = words.total + splits;
    total >= PROSE_WORDS && words.lower * 2 >= total
}

/// Whether a line may take a final period: it ends in a letter or digit
/// and is not a list item.
fn may_end_with_period(line: &str) -> bool {
    line.chars().next_back().is_some_and(char::is_alphanumeric)
        && !starts_with_list_marker(line)
}

/// Whether a multi-line block is hard-wrapped prose, to be joined.
fn is_wrapped(text: &str, lines: &[Line]) -> bool {
    if lines.len() < 2 {
        return false;
    }
    let mut max = 0;
    let mut upper_starts = 0;
    let mut letters = 0usize;
    let mut caps = 0usize;
    for (k, line) in lines.iter().enumerate() {
        let s = &text[line.start..line.end];
        if (k > 0 && line.indented)
            || starts_with_list_marker(s)
            || s.contains("   ")
            || s.contains('\t')
        {
            return false;
        }
        let len = s.chars().count();
        max = max.max(len);
        if s.chars().next().is_some_and(char::is_uppercase) {
            upper_starts += 1;
        }
        for c in s.chars().filter(|c| c.is_alphabetic()) {
            letters += 1;
            caps += usize::from(c.is_uppercase());
        }
    }
    if max < 45 || caps * 2 > letters {
        return false;
    }
    // Verse: every line starts upper-case.
    if lines.len() >= 3 && upper_starts == lines.len() {
        return false;
    }
    let floor = (max * 55 / 100).max(30);
    lines[..lines.len() - 1]
        .iter()
        .all(|l| text[l.start..l.end].chars().count() >= floor)
}

#[allow(clippy::too_many_arguments)]
fn block_rules(
    lang: &Language,
    opts: &Options,
    text: &str,
    lines: &[Line],
    splits: &[usize],
    hyphens: &HashMap<usize, &Hyphen>,
    counts: &Counts,
    plan: &mut Vec<Plan>,
) {
    let last = lines[lines.len() - 1];
    let span = lines[0].start..last.end;
    let last_ok = may_end_with_period(&text[last.start..last.end]);
    // Only look at the block's shape when some rule needs it.
    let wrapped = lines.len() > 1
        && (opts.unwrap
            || opts.dehyphenate
            || (opts.final_period
                && (last_ok
                    || lines.iter().any(|l| l.end - l.start >= LONG_LINE))))
        && is_wrapped(text, lines);
    if wrapped && (opts.unwrap || opts.dehyphenate) {
        for pair in lines.windows(2) {
            let (a, b) = (pair[0], pair[1]);
            let gap = a.end..b.start;
            let line = &text[a.start..a.end];
            if let Some(h) = hyphens.get(&(a.end - 1)) {
                if h.next == b.start && opts.dehyphenate {
                    let keep = counts.get(&h.hyphened) > 0
                        || !(lang.is_word(&h.joined)
                            || counts.get(&h.joined) > 0);
                    if !keep {
                        plan.push(Plan {
                            span: a.end - 1..b.start,
                            with: "",
                            rule: DEHYPHENATE,
                        });
                        continue;
                    }
                }
            }
            if !opts.unwrap {
                continue;
            }
            let tight = line.ends_with('—')
                || line.ends_with("--")
                || (line.ends_with('-')
                    && char_before(text, a.end - 1)
                        .is_some_and(char::is_alphabetic)
                    && char_at(text, b.start)
                        .is_some_and(char::is_alphabetic));
            plan.push(Plan {
                span: gap,
                with: if tight { "" } else { " " },
                rule: UNWRAP,
            });
        }
    }
    if !opts.final_period || looks_like_code(&text[span.clone()]) {
        return;
    }
    if lines.len() == 1 || wrapped {
        let s = &text[span.clone()];
        if last_ok
            && !starts_with_list_marker(s)
            && is_prose(words_of(s), splits_in(splits, span.clone()))
        {
            plan.push(Plan {
                span: last.end..last.end,
                with: ".",
                rule: FINAL_PERIOD,
            });
        }
        return;
    }
    // Lines of their own: long prose lines ending a paragraph.
    for (k, line) in lines.iter().enumerate() {
        let s = &text[line.start..line.end];
        if s.len() < LONG_LINE || !may_end_with_period(s) {
            continue;
        }
        let next_upper = lines.get(k + 1).is_none_or(|n| {
            char_at(text, n.start)
                .is_some_and(|c| c.is_uppercase() || is_opener(c))
        });
        if next_upper
            && is_prose(words_of(s), splits_in(splits, line.start..line.end))
        {
            plan.push(Plan {
                span: line.end..line.end,
                with: ".",
                rule: FINAL_PERIOD,
            });
        }
    }
}
