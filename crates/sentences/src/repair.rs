//! The repair rules: glued sentences, missing spaces, lost final periods,
//! hard-wrap unwrapping and dehyphenation.
//!
//! The rules are planned first (each as an edit on the input) and applied
//! in order at the end, so that their decisions read the input alone and
//! not each other's output: that keeps repair idempotent.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
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
pub(crate) type Options = crate::RepairOptions;

/// Words a line needs to count as prose for a final period.
const PROSE_WORDS: usize = 8;
/// Words a line without commas or inner sentence ends needs to count as
/// prose: shorter ones are headlines.
const UNPUNCTUATED_PROSE_WORDS: usize = 20;
/// Hard-wrapped text wraps at 60 to 100 columns: a block with a line of
/// more letters and digits than this is not wrapped, whatever its shape
/// (web text puts a paragraph and a short link in one block).
const WRAP_MAX: usize = 120;
/// Letters and digits every line of a wrapped block has, but the last.
const WRAP_FLOOR: usize = 24;
/// A line with at least this many letters and digits, in a block that is
/// not wrapped prose, is a paragraph of its own (web text with single
/// newlines). Lengths are measured in letters and digits, which repair
/// never changes, so that decisions do not move when repair adds spaces.
const LONG_LINE: usize = 80;
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

    // Find candidates; keep those that the local evidence allows; count
    // over the whole document only what their decisions still need.
    let glues =
        if opts.glued { glue_candidates(lang, text) } else { Vec::new() };
    let families = Families::of(text, &glues);
    let glues: Vec<Glue> = glues
        .into_iter()
        .filter(|g| glue_plausible(lang, text, g, &families))
        .collect();
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
    if opts.glued || opts.missing_space {
        let spaces = if opts.missing_space {
            space_candidates(lang, text)
        } else {
            Vec::new()
        };
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

    /// Counts the wanted tokens where they stand as whole letter runs (or
    /// hyphenated pairs of them). With plenty of text for each token, one
    /// automaton pass; otherwise (building the automaton would cost more
    /// than it saves, or there are very many tokens, as in a hostile
    /// document) one walk over the letter runs. Linear either way.
    fn count(&mut self, text: &str) {
        const FEW: usize = 256;
        const TEXT_PER_TOKEN: usize = 2048;
        let tokens = self.wanted.len();
        if tokens > FEW || text.len() < TEXT_PER_TOKEN * tokens {
            self.count_runs(text);
        } else {
            self.count_with_automaton(text);
        }
    }

    /// Counts the wanted tokens with one automaton pass.
    fn count_with_automaton(&mut self, text: &str) {
        let tokens: Vec<String> = self.wanted.keys().cloned().collect();
        // Built per document: a contiguous NFA builds fast and, with its
        // prefilter, searches fast enough for a few dozen tokens.
        let Ok(ac) = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(&tokens)
        else {
            return self.count_runs(text);
        };
        let mut counts = vec![0usize; tokens.len()];
        for m in ac.find_overlapping_iter(text) {
            let whole = !char_before(text, m.start())
                .is_some_and(char::is_alphabetic)
                && !char_at(text, m.end()).is_some_and(char::is_alphabetic);
            if whole {
                counts[m.pattern().as_usize()] += 1;
            }
        }
        for (token, n) in tokens.into_iter().zip(counts) {
            self.wanted.insert(token, n);
        }
    }

    /// Counts the wanted tokens by walking every letter run.
    fn count_runs(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        // Whether the char before `i` is a letter: a run starts only after
        // one that is not.
        let mut after_letter = false;
        while i < bytes.len() {
            let b = bytes[i];
            let (letter, len) = if b < 0x80 {
                (b.is_ascii_alphabetic(), 1)
            } else {
                let c = char_at(text, i).unwrap_or(' ');
                (c.is_alphabetic(), c.len_utf8().max(1))
            };
            // Only runs that start with the first byte of a wanted token
            // can be one: skip the rest without finding their end.
            if !letter || after_letter || !self.firsts[b as usize] {
                after_letter = letter;
                i += len;
                continue;
            }
            let end = letters_end(text, i);
            self.bump(&text[i..end]);
            // A hyphenated pair that starts here: `exam-ple`.
            if bytes.get(end) == Some(&b'-')
                && char_at(text, end + 1).is_some_and(char::is_alphabetic)
            {
                let pair_end = letters_end(text, end + 1);
                self.bump(&text[i..pair_end]);
            }
            after_letter = true;
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
    // Walk (prev, cur, next) triples without collecting the chars: this
    // runs for every ALL-CAPS word too.
    let mut found = None;
    let mut boundaries = 0;
    let mut iter = word.char_indices().peekable();
    let (_, mut prev) = iter.next()?;
    while let Some((at, cur)) = iter.next() {
        let next = iter.peek().map(|&(_, c)| c);
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
            found = Some((at, kind));
        }
        prev = cur;
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

/// How many distinct candidate tokens share each left part and each right
/// part. Identifiers come in families that share a part (`getName`,
/// `getValue`; `URLField`, `EmailField`); glued sentences share only
/// sentence starters (`cityThe`, `streetThe`).
#[derive(Default)]
struct Families<'t> {
    left: HashMap<&'t str, usize>,
    right: HashMap<&'t str, usize>,
}

impl<'t> Families<'t> {
    fn of(text: &'t str, glues: &[Glue]) -> Families<'t> {
        let mut seen = std::collections::HashSet::new();
        let mut families = Families::default();
        for g in glues {
            if seen.insert(&text[g.token.clone()]) {
                *families
                    .left
                    .entry(&text[g.token.start..g.at])
                    .or_default() += 1;
                *families
                    .right
                    .entry(&text[g.at..g.token.end])
                    .or_default() += 1;
            }
        }
        families
    }

    /// Whether the token's parts name a family of identifiers.
    fn holds(&self, left: &str, right: &str) -> bool {
        self.left.get(left).is_some_and(|&n| n > 1)
            || self.right.get(right).is_some_and(|&n| n > 1)
    }
}

/// Whether the local evidence allows a glued boundary: the context is
/// prose, the right part can start a sentence and the left part can end
/// one, the parts name no family of identifiers, and a sentence goes on
/// after it. What needs the whole document is left to [`glue_holds`].
fn glue_plausible(
    lang: &Language,
    text: &str,
    g: &Glue,
    families: &Families<'_>,
) -> bool {
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
    if !(lang.is_word(right) || lang.is_starter(right)) {
        return false;
    }
    if !lang.is_starter(right) && families.holds(left, right) {
        return false;
    }
    let left_ok = match g.kind {
        Left::Lower => {
            left.chars().count() >= 2 && !lang.is_function_word(left)
        }
        Left::Capitalized => lang.is_strong_starter(right),
        Left::Acronym => true,
    };
    left_ok
        && words_before(text, g.at, 0) >= SENTENCE_WORDS
        && continues_sentence(text, g.token.end)
}

/// Whether the evidence of the whole document holds for a plausible glued
/// boundary: the token does not recur (a name recurs; a glued pair almost
/// never does), a Capitalized or ACRONYM left part stands alone elsewhere
/// (or is a word), and the sentence before it since the last split
/// (`floor`) has a few words and no open parenthesis.
fn glue_holds(
    lang: &Language,
    text: &str,
    g: &Glue,
    counts: &Counts,
    floor: usize,
) -> bool {
    let token = &text[g.token.clone()];
    let left = &text[g.token.start..g.at];
    if counts.get(token) > 1 {
        return false;
    }
    let left_ok = match g.kind {
        Left::Lower => true,
        Left::Capitalized => counts.get(left) > 0 || lang.is_word(left),
        Left::Acronym => counts.get(left) > 0,
    };
    left_ok
        && words_before(text, g.at, floor) >= SENTENCE_WORDS
        && !inside_parentheses(text, g.at, floor)
}

/// Whether the word that ends at `end` can start a sentence that goes on:
/// more words follow on its line (`Unlike its`), or a comma and more words
/// (`Yes, I`). A lone word before `)`, `.`, `(` or a line end is a name or
/// code (`forms.Form):`, `orderDate (camelCase)`, `string.Template.`).
fn continues_sentence(text: &str, end: usize) -> bool {
    let rest = &text[end..];
    let rest = rest.strip_prefix([',', ';']).unwrap_or(rest);
    let after = rest.trim_start_matches([' ', '\t']);
    if after.len() == rest.len() {
        return false;
    }
    after
        .chars()
        .next()
        .is_some_and(|c| c.is_alphanumeric() || (is_opener(c) && c != '('))
}

/// Whether `at` is inside parentheses opened earlier on its line (after
/// `floor`): a sentence does not end inside an open parenthesis
/// (`JavaScript (as of ECMAScript 5.1)`).
fn inside_parentheses(text: &str, at: usize, floor: usize) -> bool {
    let line_start =
        memchr::memrchr(b'\n', &text.as_bytes()[..at]).map_or(0, |nl| nl + 1);
    let lo = floor.max(line_start).max(at.saturating_sub(300));
    let mut depth = 0usize;
    for &b in text.as_bytes()[lo..at].iter().rev() {
        match b {
            b')' => depth += 1,
            b'(' if depth == 0 => return true,
            b'(' => depth -= 1,
            _ => {}
        }
    }
    false
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

/// Whether a block holds code: braces, backticks, or one of `==` `=>`
/// `->` `();` `::` `</` `/>` `#include` `!=`.
fn looks_like_code(block: &str) -> bool {
    static CODE: OnceLock<AhoCorasick> = OnceLock::new();
    CODE.get_or_init(|| {
        AhoCorasick::builder()
            .kind(Some(AhoCorasickKind::DFA))
            .build([
                "{", "}", "`", "==", "=>", "->", "();", "::", "</", "/>",
                "#include", "!=",
            ])
            .expect("fixed patterns build")
    })
    .is_match(block)
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
    // `asyncio.Task`, `spark.Spark`: a module or an object, not the last
    // word of a sentence.
    if !lang.is_word(left) {
        return false;
    }
    match char_before(text, left_start) {
        None => {}
        // `(forms.Form` and `[obj.Name` are code, not prose.
        Some('(' | '[') => return false,
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
    continues_sentence(text, right_end) && !inside_parentheses(text, term, 0)
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

/// Whether a paragraph reads as prose that lost its final period rather
/// than a heading, a headline or a menu item: enough words, mostly
/// lower-case, and the inner punctuation of prose (a comma, a semicolon,
/// a sentence end) unless it is long. Headlines are short and carry none:
/// "Renting a car could lead to your arrest".
fn is_prose(s: &str, words: Words, splits: usize) -> bool {
    // Each split adds a Capitalized word.
    let total = words.total + splits;
    let punctuated = splits > 0
        || s.contains([',', ';'])
        || [". ", "? ", "! "].iter().any(|p| s.contains(p));
    total >= PROSE_WORDS
        && words.lower * 2 >= total
        && (punctuated || total >= UNPUNCTUATED_PROSE_WORDS)
}

/// Whether a line may take a final period: it ends in a letter or digit
/// and is not a list item.
fn may_end_with_period(line: &str) -> bool {
    // A footnote number after a finished sentence: `…of storage.25`.
    let before_digits = line.trim_end_matches(|c: char| c.is_ascii_digit());
    let footnote = before_digits.len() < line.len()
        && before_digits.ends_with(['.', '!', '?', ')', '"', '”']);
    // A period after an address would read as part of it.
    let last = line.rsplit(char::is_whitespace).next().unwrap_or(line);
    let address = last.contains(['/', '@']) || last.starts_with("www.");
    line.chars().next_back().is_some_and(char::is_alphanumeric)
        && !footnote
        && !address
        && !starts_with_list_marker(line)
}

/// Letters and digits in `s`.
fn alnum_len(s: &str) -> usize {
    s.chars().filter(|c| c.is_alphanumeric()).count()
}

/// Aligned columns: a run of three spaces or a tab inside the text.
fn has_columns(s: &str) -> bool {
    s.contains("   ") || s.contains('\t')
}

/// Words of the last sentence of `span` that a final period would end.
const LAST_SENTENCE_WORDS: usize = 4;

/// Whether the end of `span` reads as the end of a sentence that lost its
/// period: its last sentence has a few words (not a price or page number
/// after a finished sentence, `…history. 50 cents`) and does not end in a
/// function word (a cut-off line, `…assortment of`).
fn ends_a_sentence(
    lang: &Language,
    text: &str,
    span: Range<usize>,
    splits: &[usize],
) -> bool {
    let s = &text[span.clone()];
    let last = s.rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
    // A cut-off line, a price, a page number in a column.
    if lang.is_function_word(last)
        || last.starts_with(['$', '£', '€', '¥'])
        || s[..s.len() - last.len()].ends_with("  ")
    {
        return false;
    }
    // Planned splits end sentences too.
    let k = splits.partition_point(|&p| p < span.end);
    let floor = match k.checked_sub(1).map(|k| splits[k]) {
        Some(p) if p >= span.start => p,
        _ => span.start,
    };
    let bytes = text.as_bytes();
    let mut words = 0;
    let mut in_word = false;
    let mut i = span.end;
    while i > floor {
        let b = bytes[i - 1];
        if b.is_ascii_whitespace() {
            if in_word {
                words += 1;
                if words >= LAST_SENTENCE_WORDS {
                    return true;
                }
            }
            in_word = false;
        } else {
            if matches!(b, b'.' | b'!' | b'?' | b';' | b':')
                && bytes.get(i).is_some_and(u8::is_ascii_whitespace)
            {
                break;
            }
            in_word = true;
        }
        i -= 1;
    }
    words + usize::from(in_word) >= LAST_SENTENCE_WORDS
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
        // Every line but the last must be at least `WRAP_FLOOR` wide: a
        // short one (a menu item, a verse line) ends the test at once.
        if k + 1 < lines.len() && s.len() < WRAP_FLOOR {
            return false;
        }
        if (k > 0 && line.indented)
            || starts_with_list_marker(s)
            || s.contains("   ")
            || s.contains('\t')
        {
            return false;
        }
        // One pass over the line's chars: its width and its capitals.
        let mut len = 0;
        for c in s.chars().filter(|c| c.is_alphanumeric()) {
            len += 1;
            if c.is_alphabetic() {
                letters += 1;
                caps += usize::from(c.is_uppercase());
            }
        }
        if len > WRAP_MAX {
            return false;
        }
        max = max.max(len);
        if s.chars().next().is_some_and(char::is_uppercase) {
            upper_starts += 1;
        }
    }
    if caps * 2 > letters {
        return false;
    }
    // Verse: every line starts upper-case.
    if lines.len() >= 3 && upper_starts == lines.len() {
        return false;
    }
    if max < 36 {
        return false;
    }
    let floor = (max / 2).max(WRAP_FLOOR);
    lines[..lines.len() - 1]
        .iter()
        .all(|l| alnum_len(&text[l.start..l.end]) >= floor)
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
    if !opts.final_period {
        return;
    }
    // Code gets no periods; asked last, as few paragraphs get this far.
    let mut code: Option<bool> = None;
    let mut is_code =
        || *code.get_or_insert_with(|| looks_like_code(&text[span.clone()]));
    if lines.len() == 1 || wrapped {
        let s = &text[span.clone()];
        if last_ok
            && !starts_with_list_marker(s)
            && !has_columns(s)
            && is_prose(s, words_of(s), splits_in(splits, span.clone()))
            && ends_a_sentence(lang, text, span.clone(), splits)
            && !is_code()
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
        if s.len() < LONG_LINE
            || !may_end_with_period(s)
            || alnum_len(s) < LONG_LINE
        {
            continue;
        }
        let next_upper = lines.get(k + 1).is_none_or(|n| {
            char_at(text, n.start)
                .is_some_and(|c| c.is_uppercase() || is_opener(c))
        });
        if next_upper
            && !has_columns(s)
            && is_prose(
                s,
                words_of(s),
                splits_in(splits, line.start..line.end),
            )
            && ends_a_sentence(lang, text, line.start..line.end, splits)
            && !is_code()
        {
            plan.push(Plan {
                span: line.end..line.end,
                with: ".",
                rule: FINAL_PERIOD,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use std::borrow::Cow;

    use proptest::prelude::*;
    use textclean_core::{Record, Stage};

    use crate::SentenceRepair;

    fn web(text: &str) -> String {
        SentenceRepair::default().clean(text).into_owned()
    }

    fn pdf(text: &str) -> String {
        SentenceRepair::pdf().clean(text).into_owned()
    }

    /// Prose around a glued token, long enough to count as prose.
    fn prose(token: &str) -> String {
        format!("We spent the whole day walking near the {token} river bank.")
    }

    macro_rules! kept {
        ($($name:ident: $text:expr;)*) => {$(
            #[test]
            fn $name() {
                let text: String = $text.into();
                assert_eq!(web(&text), text);
            }
        )*};
    }

    kept! {
        camel_iphone: prose("iPhone");
        camel_mcdonald: prose("McDonald");
        camel_youtube: prose("YouTube");
        camel_linkedin: prose("LinkedIn");
        camel_latex: prose("LaTeX");
        camel_macos: prose("macOS");
        dutch_ijssel: prose("IJssel");
        camel_openai_like: prose("ZentraAI");
        camel_unknown_name_upper_left: prose("PowerGlow");
        code_identifier: prose("getElementById");
        code_method: "We then call foo.barBaz() to get the value of it all.";
        code_snake: "We then set my_varName and it works fine for most.";
        code_block: "if (x == 1) { return userName; } and then the rest";
        email: "Mail me at user@ExampleMail dot com for all the news.";
        url: "Go to https://example.com/getThe/pageName today please.";
        digits: "We need the version 2betaRelease of the whole thing.";
        function_word_left: "Please click theButton to start the long process.";
        recurring_glue: "The townHall is big. We saw the townHall today again.";
        url_dots: "Visit www.example.Com or mail.google.Com right now.";
        abbrev_us: "The U.S.Navy has many ships in the wide open sea.";
        abbrev_eg: "Use a fruit, e.g.Apples or pears, for the pie today.";
        title: "AI's Future Hinges on Collaboration";
        title_long: "The Adventures of Tom Sawyer and the Rest of Them";
        short_line: "Just a few words here";
        list_item: "- buy some milk and bread and eggs and butter today";
        list_number: "1. buy some milk and bread and eggs and butter today";
        colon: "Here is what we need to buy at the shop today:";
        verse_web: "The woods are lovely, dark and deep,\nBut I have promises to keep,\nAnd miles to go before I sleep";
        clean: "A clean sentence. Another one!";
        camel_in_parens: "If the API expects orderDate (camelCase) instead of order_date here.";
        acronym_in_parens: "Strings differ, whereas JavaScript (as of ECMAScript Edition 5.1) does not.";
        dotted_code: "Subclass it with class MyForm(forms.Form): and add your fields there.";
        dotted_import: "Then write import static spark.Spark.*; at the top of the file.";
        dotted_lone_word: "Use options such as str.format() and string.Template. These are newer.";
        identifier_family_right: "You must set the nodePort and the targetPort values in the spec.";
        identifier_family_left: "You can call fetchName on it, and also fetchValue if you need to.";
        dotted_module: "The current asyncio.Task name is used when you log it.";
        ends_with_address: "You may copy it, give it away or re-use it, as it says online at www.example.org";
        ends_with_url: "More details, and the full terms, can be found on the site at http://example.org/terms";
        footnote_number: "Store it all with plenty of room, and more, for all your files and photos.25";
        headline: "Renting a car could lead to your arrest in some states";
        headline_long_link: "A paragraph of text that runs on for quite a while, as paragraphs on web pages do, and that is followed by a link on the next line of the same block of text.\nShop the Newest Models Now";
        empty: "";
    }

    #[test]
    fn glued_lower_left() {
        assert_eq!(
            web("It rained all day in the cityThe streets were wet and grey."),
            "It rained all day in the city. The streets were wet and grey."
        );
    }

    #[test]
    fn glued_capitalized_left() {
        // "China" stands alone elsewhere; "The" is a strong starter.
        let text = "He loved China and its food. He moved to ChinaThe \
                    country was big.";
        assert_eq!(
            web(text),
            "He loved China and its food. He moved to China. The \
             country was big."
        );
        // Not before a weak starter, and not when the left part is
        // unknown.
        let text = "He loved China and its food. He moved to ChinaTaking \
                    the train.";
        assert_eq!(web(text), text);
        let text = "He moved to the QarthThe country was big and old.";
        assert_eq!(web(text), text);
    }

    #[test]
    fn glued_acronym_left() {
        let text = "The NASA team met. They talked about NASAMoreover \
                    the budget was tight.";
        assert_eq!(
            web(text),
            "The NASA team met. They talked about NASA. Moreover \
             the budget was tight."
        );
        // An acronym that does not stand alone elsewhere stays.
        let text = "They talked about the XKCDMoreover of the budget.";
        assert_eq!(web(text), text);
    }

    #[test]
    fn glued_needs_a_sentence_before() {
        let text = "cityThe streets were wet, and grey all the day long";
        assert_eq!(
            web(text),
            "cityThe streets were wet, and grey all the day long."
        );
    }

    #[test]
    fn missing_space() {
        assert_eq!(
            web("It was the end.The next day came. Was it over?Yes it was"),
            "It was the end. The next day came. Was it over? Yes it was"
        );
        assert_eq!(
            web("He said \"stop.\"Then he left the room."),
            "He said \"stop.\" Then he left the room."
        );
    }

    #[test]
    fn final_period() {
        assert_eq!(
            web(
                "Title Here\n\nthe cat sat on the mat, and looked at the dog\n"
            ),
            "Title Here\n\nthe cat sat on the mat, and looked at the dog.\n"
        );
        // Prose with a sentence end inside, or long enough, without a
        // comma.
        assert_eq!(
            web("It rained. the cat sat on the mat and looked at the dog"),
            "It rained. the cat sat on the mat and looked at the dog."
        );
        let long = "the cat sat on the mat and looked at the dog for a very \
                    long time before it went to sleep in the sun";
        assert_eq!(web(long), format!("{long}."));
        // A headline carries no inner punctuation: it stays as it is.
        let headline = "the cat sat on the mat and looked at the dog";
        assert_eq!(web(headline), headline);
    }

    #[test]
    fn unwrap_and_dehyphenate() {
        let text = "It was a fine and rather long exam-\n\
                    ple of wrapped text from an old book, and a well-\n\
                    known one, to be found in every library of the\n\
                    land, and it ended here.\n\nNext paragraph.";
        assert_eq!(
            pdf(text),
            "It was a fine and rather long example of wrapped text from \
             an old book, and a well-known one, to be found in every \
             library of the land, and it ended here.\n\nNext paragraph."
        );
        // Off by default.
        assert_eq!(web(text), text);
    }

    #[test]
    fn unwrap_keeps_hyphenated_form_seen_elsewhere() {
        let text = "We will go there to-day and see what the old man\n\
                    has to say about it, and more of it, all to-\n\
                    day and all of the rest of it too.";
        assert_eq!(
            pdf(text),
            "We will go there to-day and see what the old man has to say \
             about it, and more of it, all to-day and all of the rest of \
             it too."
        );
    }

    #[test]
    fn unwrap_handles_crlf() {
        let text = "The first line of a long paragraph that wraps here\r\n\
                    and the second line of the same paragraph ends.\r\n";
        assert_eq!(
            pdf(text),
            "The first line of a long paragraph that wraps here and the \
             second line of the same paragraph ends.\r\n"
        );
    }

    #[test]
    fn verse_and_lists_stay() {
        for text in [
            "    The woods are lovely, dark and deep,\n    But I have \
             promises to keep,\n    And miles to go before I sleep.",
            "1. The first item of a long list of many things to do\n\
             2. The second item of a long list of many things to do",
            "Introduction            2\nOrigin of Arbor Day      2\n\
             Readings for Arbor Day   3",
        ] {
            assert_eq!(pdf(text), text);
        }
    }

    #[test]
    fn records_rules() {
        let done = SentenceRepair::pdf().run(
            "It rained all day in the cityThe streets were wet and grey",
            Record::Changes,
        );
        let rules: Vec<_> = done.changes.iter().map(|c| c.rule).collect();
        assert_eq!(rules, ["sentences.glued", "sentences.final_period"]);
    }

    fn alnum(text: &str) -> String {
        text.chars().filter(|c| c.is_alphanumeric()).collect()
    }

    /// Text made of words that provoke the rules.
    fn wordy() -> impl Strategy<Value = String> {
        let word = prop::sample::select(vec![
            "the",
            "arena",
            "Unlike",
            "cityThe",
            "AIDiverse",
            "AI",
            "end.The",
            "over?Yes",
            "exam-",
            "ple",
            "well-",
            "known",
            "\n",
            "\n\n",
            "DeepSeek",
            "iPhone",
            "China",
            "ChinaThe",
            "foo.barBaz()",
            "1.",
            "-",
            "  ",
            "x",
            "é",
            "ÉtéThe",
            "\r\n",
            "—",
            "--",
            "a",
            "river",
            "walking",
            "we",
            "and",
        ]);
        proptest::collection::vec(word, 0..60).prop_map(|w| w.join(" "))
    }

    fn stages() -> [SentenceRepair; 2] {
        [SentenceRepair::default(), SentenceRepair::pdf()]
    }

    proptest! {
        /// The automaton count and the letter-run count agree.
        #[test]
        fn counting_paths_agree(
            text in "([a-cA-C]{1,4}|-|'| |é|\n){0,60}",
            wanted in proptest::collection::vec("[a-cA-C]{1,4}(-[a-c]{1,3})?", 1..6),
        ) {
            let mut fast = super::Counts::default();
            let mut slow = super::Counts::default();
            for token in &wanted {
                fast.want(token);
                slow.want(token);
            }
            fast.count_with_automaton(&text);
            slow.count_runs(&text);
            for token in &wanted {
                prop_assert_eq!(fast.get(token), slow.get(token), "{}", token);
            }
        }
    }

    proptest! {
        #[test]
        fn never_panics(text in "\\PC{0,300}") {
            for stage in stages() {
                let _ = stage.clean(&text);
            }
        }

        #[test]
        fn letters_and_digits_never_change(text in wordy()) {
            for stage in stages() {
                prop_assert_eq!(alnum(&stage.clean(&text)), alnum(&text));
            }
        }

        #[test]
        fn letters_and_digits_never_change_any(text in "\\PC{0,200}") {
            for stage in stages() {
                prop_assert_eq!(alnum(&stage.clean(&text)), alnum(&text));
            }
        }

        #[test]
        fn idempotent(text in wordy()) {
            for stage in stages() {
                let once = stage.clean(&text).into_owned();
                let twice = stage.clean(&once);
                prop_assert_eq!(&once, &twice);
                prop_assert!(matches!(twice, Cow::Borrowed(_)));
            }
        }

        #[test]
        fn recording_does_not_change_text(text in wordy()) {
            for stage in stages() {
                let off = stage.run(&text, Record::Nothing);
                let on = stage.run(&text, Record::Changes);
                prop_assert_eq!(&off.text, &on.text);
                prop_assert_eq!(
                    matches!(off.text, Cow::Borrowed(_)),
                    on.changes.is_empty()
                );
            }
        }

        #[test]
        fn clean_input_is_borrowed(text in "[a-z ]{0,40}\\.") {
            let text = format!("This is fine. {text}");
            let out = SentenceRepair::default().clean(&text);
            prop_assert!(matches!(out, Cow::Borrowed(_)));
        }
    }

    #[test]
    fn huge_lines_are_fine() {
        for text in [
            "A".repeat(1 << 20),
            "aB".repeat(1 << 19),
            "a.".repeat(1 << 19),
            "ab-\n".repeat(1 << 17),
            "word ".repeat(1 << 18),
        ] {
            for stage in stages() {
                assert_eq!(alnum(&stage.clean(&text)), alnum(&text));
            }
        }
    }
}
