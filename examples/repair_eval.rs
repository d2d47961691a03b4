//! A sentence-repair benchmark built from real prose: how well the default
//! (`web`) pipeline and the `pdf` preset restore paragraphs of books after
//! realistic damage.
//!
//! The books are plain-text Project Gutenberg files, in the public domain
//! in the United States: the three of `shared/data/prose/` (its README,
//! and `shared/data/README.md`, give their provenance and licence). Only
//! the files named on the command line are read; nothing is fetched.
//!
//! ```text
//! cargo run --release --example repair_eval -- /work/shared/data/prose/*.txt
//! cargo run --release --example repair_eval -- --show glue FILES...
//! cargo run --release --example repair_eval -- --final --seed 7 FILES...
//! ```
//!
//! # What it measures
//!
//! 1. **Truth.** The book between its `*** START OF` and `*** END OF`
//!    lines is split into paragraphs at blank lines, each unwrapped into
//!    one line with its spaces normalized. Only prose paragraphs are kept:
//!    120 characters or more, two sentence terminators or more, mostly
//!    lower case, no indented line, no aligned columns, and not mostly
//!    short lines (verse, headings, lists, tables).
//! 2. **Damage**, deterministic from `--seed`, each kind with the
//!    probability of its constant below, every site recorded: sentence
//!    boundaries (a conservative rule: `. `, `? ` or `! `, closing quotes
//!    allowed, before a capital, not after an abbreviation or an initial)
//!    glued without the space (`end.Next`, `said.”The`) or, after a bare
//!    period, without the period too (`endNext`); a final period dropped;
//!    paragraphs hard-wrapped at 55 to 80 columns, some with a word
//!    hyphenated across a line end (`con-⏎tinue`) and some broken after a
//!    hyphen or dash of their own (`well-⏎known`); boilerplate lines of
//!    scraped pages (`Advertisement`, `Share this:`) between paragraphs.
//! 3. **Two documents a book.** `wrapped`: the paragraphs separated by
//!    blank lines, wrapped as above. `lines`: web page text, each
//!    paragraph one line, separated by single newlines, never wrapped;
//!    the other damage is the same.
//! 4. **Restore and score.** Each document is cleaned with the preset, the
//!    output split back into paragraphs and aligned in order with the
//!    truth by word overlap. The damage and sentence repair never add or
//!    remove a letter or digit, so the text between two of them (a "gap")
//!    is compared gap by gap (where the boilerplate stage removed some, a
//!    paragraph counts as altered and only the gaps of the common start
//!    and end are compared): a glue site is restored when its gap reads as
//!    in the truth (`. `, with the period for `endNext`); a hyphenation
//!    site when the word is whole again; a dash wrap when the dash is kept
//!    without a space; a false split is a gap with a new terminator, or a
//!    new `terminator + space` before a capital, where the truth has none;
//!    glue precision is restored glue sites over those and false splits.
//!    Exact paragraphs are compared with whitespace runs collapsed; a
//!    wrapped paragraph is unwrapped when its output has no newline left;
//!    a boilerplate line is removed when no output paragraph after its
//!    paragraph (and before the next one aligned) has it.
//!
//! The report gives the paragraphs, words and damage sites of each part
//! and document, then a table per part with a column for each preset and
//! document.
//!
//! # Dev and held-out parts
//!
//! Every fifth prose paragraph of each book (the 5th, the 10th, …) is held
//! out. It is damaged and cleaned with the rest, as part of its document,
//! but it is scored only with `--final`, and `--show` never prints it: tune
//! on the dev part, and run `--final` rarely, to check that what was tuned
//! generalises.
//!
//! # Options
//!
//! - `--final`: also score the held-out part;
//! - `--seed N`: the damage seed (1 by default);
//! - `--show KIND`: up to 20 failures of one kind for each preset and
//!   document, from the dev part, with 40 characters of context from the
//!   truth, the damaged input and the output (the gap in brackets, `⏎` a
//!   newline): `glue` (missed glue sites), `false` (false splits),
//!   `hyphen` (missed dehyphenations and dash wraps, lost hyphens),
//!   `final` (lost final periods not restored), `unwrap` (stray
//!   newlines), `exact` (paragraphs not restored exactly), `boilerplate`
//!   (boilerplate lines kept) or `other` (other edits the truth does not
//!   have);
//! - `--no-damage`: the documents without damage, a check of the benchmark
//!   itself (an exact restoration should be near 100%).

use std::collections::HashSet;
use std::error::Error;
use std::fmt::{self, Write as _};
use std::path::{Path, PathBuf};

use textclean::{Pipeline, Preset};

type Result<T> = std::result::Result<T, Box<dyn Error>>;

/// An error message, printed as it is when `main` returns it (a `String`
/// error would be printed quoted, its newlines escaped).
struct Message(String);

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for Message {}

fn message(text: impl Into<String>) -> Box<dyn Error> {
    Box::new(Message(text.into()))
}

// The damage. Each probability is drawn independently per site (or per
// paragraph), from a random stream of its own per paragraph, so that the
// `wrapped` and `lines` documents share every damage but the wrapping.

/// Share of the sentence boundaries glued together.
const P_GLUE: f64 = 0.15;
/// Share of the glued boundaries after a bare period (no closing quote,
/// a capital right after the space) that lose the period too.
const P_GLUE_NO_PERIOD: f64 = 0.5;
/// Share of the paragraphs ending in a bare period that lose it.
const P_LOST_FINAL: f64 = 0.30;
/// Share of the paragraphs hard-wrapped (in the `wrapped` document).
const P_WRAP: f64 = 0.40;
/// The narrowest and widest wrap width, in characters.
const WRAP_WIDTHS: (usize, usize) = (55, 80);
/// Share of the wrapped paragraphs with a word hyphenated across a line.
const P_HYPHENATE: f64 = 0.30;
/// Share of those with a second hyphenated word.
const P_SECOND_HYPHEN: f64 = 0.5;
/// Chance that a line break before a long word hyphenates it, while the
/// paragraph has hyphenations left to place.
const P_HYPHEN_AT_BREAK: f64 = 0.7;
/// Columns a hyphenated line may run past the wrap width: a greedy wrap
/// leaves little room at a line end, and typeset lines are ragged too.
const HYPHEN_OVERHANG: usize = 4;
/// Chance that a line break before a word with a hyphen or dash of its own
/// breaks the line after it (`well-⏎known`).
const P_DASH_BREAK: f64 = 0.5;
/// Share of the paragraphs followed by a boilerplate line.
const P_BOILERPLATE: f64 = 0.15;

/// Lines that scraped pages carry between paragraphs.
const BOILERPLATE: [&str; 6] = [
    "Advertisement",
    "Share this:",
    "Related posts",
    "Click here to subscribe",
    "12 Comments",
    "Leave a Reply",
];

/// Words before a period that do not end a sentence (case matters: `no.`
/// ends one, `No.` does not).
const ABBREVIATIONS: [&str; 31] = [
    "Mr", "Mrs", "Ms", "Messrs", "Dr", "St", "Mt", "Jr", "Sr", "No", "Nos",
    "vs", "Vs", "etc", "e.g", "i.e", "Gen", "Col", "Capt", "Lieut", "Rev",
    "Prof", "Hon", "Gov", "Sen", "Rep", "Co", "Ave", "Esq", "Vol", "Ch",
];

/// Every this many paragraphs of a book, one is held out.
const HELD_OUT_EVERY: usize = 5;
/// The truth's paragraphs: at least this many characters…
const MIN_CHARS: usize = 120;
/// …and this many sentence terminators.
const MIN_TERMINATORS: usize = 2;
/// A line shorter than this is short (verse, headings, lists).
const SHORT_LINE: usize = 50;
/// Letters a word needs to be hyphenated, and to keep on each side.
const MIN_HYPHEN_WORD: usize = 7;
const MIN_PIECE: usize = 3;
/// Letter pairs a hyphenation does not split.
const DIGRAPHS: [&str; 8] = ["ch", "ck", "gh", "ph", "sh", "th", "wh", "qu"];
/// Output paragraphs searched, from the last aligned one, for the next
/// truth paragraph; and the word overlap that aligns them.
const ALIGN_WINDOW: usize = 8;
const MIN_OVERLAP: f64 = 0.5;
/// Failures `--show` prints per preset and document; characters of
/// context on each side.
const SHOW_MAX: usize = 20;
const CONTEXT: usize = 40;

const TERMINATORS: [char; 3] = ['.', '!', '?'];
const CLOSERS: [char; 6] = ['”', '’', '"', '\'', ')', '_'];
const OPENERS: [char; 4] = ['“', '‘', '"', '_'];
const DASHES: [char; 3] = ['-', '–', '—'];

const USAGE: &str = "usage: repair_eval [--final] [--seed N] [--show KIND] \
                     FILES...
  KIND: glue, false, hyphen, final, unwrap, exact, boilerplate, other";

fn main() -> Result<()> {
    let Some(args) = Args::parse(std::env::args().skip(1))? else {
        println!("{USAGE}");
        return Ok(());
    };
    let books = args
        .files
        .iter()
        .map(|p| Book::load(p))
        .collect::<Result<Vec<_>>>()?;
    let presets =
        [("web", Pipeline::default()), ("pdf", Pipeline::preset(Preset::Pdf))];
    let mut runs = Vec::new();
    for (preset, _) in &presets {
        for variant in Variant::ALL {
            runs.push(Run::new(preset, variant, args.show));
        }
    }
    for (file, book) in books.iter().enumerate() {
        for (v, variant) in Variant::ALL.into_iter().enumerate() {
            let damaged = book.damage(file, variant, &args);
            let document = document(&damaged, variant);
            for (p, (_, pipeline)) in presets.iter().enumerate() {
                let output = pipeline.clean(&document);
                runs[p * Variant::ALL.len() + v]
                    .score(book, &damaged, &output);
            }
        }
    }
    report(&args, &books, &runs);
    Ok(())
}

/// The command line.
struct Args {
    held_out: bool,
    seed: u64,
    show: Option<Show>,
    no_damage: bool,
    files: Vec<PathBuf>,
}

impl Args {
    /// The arguments, or `None` when help was asked for.
    fn parse(mut args: impl Iterator<Item = String>) -> Result<Option<Args>> {
        let mut out = Args {
            held_out: false,
            seed: 1,
            show: None,
            no_damage: false,
            files: Vec::new(),
        };
        while let Some(arg) = args.next() {
            match arg.as_str() {
                "--final" => out.held_out = true,
                "--no-damage" => out.no_damage = true,
                "--seed" => {
                    let n = args
                        .next()
                        .ok_or_else(|| message("--seed needs a number"))?;
                    out.seed = n.parse().map_err(|_| {
                        message(format!("--seed: not a number: {n}"))
                    })?;
                }
                "--show" => {
                    let kind = args
                        .next()
                        .ok_or_else(|| message("--show needs a kind"))?;
                    let show = Show::parse(&kind).ok_or_else(|| {
                        message(format!(
                            "--show: unknown kind `{kind}`\n{USAGE}"
                        ))
                    })?;
                    out.show = Some(show);
                }
                "-h" | "--help" => return Ok(None),
                flag if flag.starts_with('-') => {
                    return Err(message(format!(
                        "unknown option {flag}\n{USAGE}"
                    )));
                }
                _ => out.files.push(PathBuf::from(arg)),
            }
        }
        if out.files.is_empty() {
            return Err(message(format!("no input files\n{USAGE}")));
        }
        Ok(Some(out))
    }
}

/// The kinds of failure `--show` prints.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Show {
    Glue,
    False,
    Hyphen,
    Final,
    Unwrap,
    Exact,
    Boilerplate,
    Other,
}

impl Show {
    const ALL: [Show; 8] = [
        Show::Glue,
        Show::False,
        Show::Hyphen,
        Show::Final,
        Show::Unwrap,
        Show::Exact,
        Show::Boilerplate,
        Show::Other,
    ];

    fn name(self) -> &'static str {
        match self {
            Show::Glue => "glue",
            Show::False => "false",
            Show::Hyphen => "hyphen",
            Show::Final => "final",
            Show::Unwrap => "unwrap",
            Show::Exact => "exact",
            Show::Boilerplate => "boilerplate",
            Show::Other => "other",
        }
    }

    fn parse(name: &str) -> Option<Show> {
        Show::ALL.into_iter().find(|s| s.name() == name)
    }
}

// ---------------------------------------------------------------------
// The truth

/// A book's prose paragraphs, each one line: the truth.
struct Book {
    name: String,
    paras: Vec<String>,
}

impl Book {
    fn load(path: &Path) -> Result<Book> {
        let shown = path.display();
        let text = std::fs::read_to_string(path)
            .map_err(|e| message(format!("{shown}: {e}")))?;
        let body = gutenberg_body(&text).ok_or_else(|| {
            message(format!(
                "{shown}: no `*** START OF` and `*** END OF` lines"
            ))
        })?;
        let name = path.file_name().map_or_else(
            || shown.to_string(),
            |n| n.to_string_lossy().into_owned(),
        );
        Ok(Book { name, paras: prose_paragraphs(body) })
    }
}

/// The text between the Project Gutenberg start and end markers (the
/// start marker may be wrapped over two lines).
fn gutenberg_body(text: &str) -> Option<&str> {
    let start = line_starting(text, 0, "*** START OF")?;
    let close = start + 3 + text[start + 3..].find("***")? + 3;
    let body = text[close..].find('\n').map_or(text.len(), |i| close + i + 1);
    let end = line_starting(text, body, "*** END OF")?;
    Some(&text[body..end])
}

/// The byte offset of the first line at or after `from` (a line start)
/// that starts with `prefix`.
fn line_starting(text: &str, from: usize, prefix: &str) -> Option<usize> {
    let mut at = from;
    for line in text[from..].split_inclusive('\n') {
        if line.starts_with(prefix) {
            return Some(at);
        }
        at += line.len();
    }
    None
}

/// The prose paragraphs of `body`, each unwrapped into one line.
fn prose_paragraphs(body: &str) -> Vec<String> {
    let mut paras = Vec::new();
    let mut block: Vec<&str> = Vec::new();
    for line in body.lines().chain([""]) {
        if !line.trim().is_empty() {
            block.push(line);
            continue;
        }
        if !block.is_empty() {
            let text = collapse(&block.join(" "));
            if looks_like_prose(&block, &text) {
                paras.push(text);
            }
        }
        block.clear();
    }
    paras
}

/// Whether a block of lines, and its unwrapped `text`, is prose.
fn looks_like_prose(lines: &[&str], text: &str) -> bool {
    let indented = lines.iter().any(|l| l.starts_with(char::is_whitespace));
    let columns = lines.iter().any(|l| l.trim().contains("   "));
    let inner = &lines[..lines.len() - 1];
    let short = inner.iter().filter(|l| l.chars().count() < SHORT_LINE);
    let mostly_short = short.count() * 2 > inner.len();
    let letters = text.chars().filter(|c| c.is_alphabetic()).count();
    let lower = text.chars().filter(|c| c.is_lowercase()).count();
    !indented
        && !columns
        && !mostly_short
        && lower * 2 > letters
        && text.chars().count() >= MIN_CHARS
        && text.matches(TERMINATORS).count() >= MIN_TERMINATORS
}

/// Whether paragraph `i` of a book is held out.
fn held_out(i: usize) -> bool {
    i % HELD_OUT_EVERY == HELD_OUT_EVERY - 1
}

// ---------------------------------------------------------------------
// Damage

/// The two documents made of each book.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Variant {
    /// Paragraphs separated by blank lines, some hard-wrapped.
    Wrapped,
    /// Web page text: one line a paragraph, single newlines, no wraps.
    Lines,
}

impl Variant {
    const ALL: [Variant; 2] = [Variant::Wrapped, Variant::Lines];

    fn name(self) -> &'static str {
        match self {
            Variant::Wrapped => "wrapped",
            Variant::Lines => "lines",
        }
    }

    fn separator(self) -> &'static str {
        match self {
            Variant::Wrapped => "\n\n",
            Variant::Lines => "\n",
        }
    }
}

/// A kind of damage with a site in the truth.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    /// `end. Next` → `end.Next`.
    GlueNoSpace,
    /// `end. Next` → `endNext`.
    GlueNoPeriod,
    /// The paragraph's final period dropped.
    LostFinal,
    /// A word hyphenated across a line end: `con-⏎tinue`.
    Hyphen,
    /// A line broken after a hyphen or dash of the truth: `well-⏎known`.
    DashWrap,
}

impl Kind {
    fn name(self) -> &'static str {
        match self {
            Kind::GlueNoSpace => "glue_nospace",
            Kind::GlueNoPeriod => "glue_noperiod",
            Kind::LostFinal => "lost_final",
            Kind::Hyphen => "hyphen",
            Kind::DashWrap => "dash_wrap",
        }
    }

    fn show(self) -> Show {
        match self {
            Kind::GlueNoSpace | Kind::GlueNoPeriod => Show::Glue,
            Kind::LostFinal => Show::Final,
            Kind::Hyphen | Kind::DashWrap => Show::Hyphen,
        }
    }
}

/// One damage site.
#[derive(Clone, Copy, Debug)]
struct Site {
    /// The paragraph's index in its book.
    para: usize,
    kind: Kind,
    /// The gap it damaged: the text between letters or digits `gap - 1`
    /// and `gap` of the paragraph.
    gap: usize,
    /// The byte offset of that gap in the truth paragraph.
    pos: usize,
}

/// A paragraph after damage.
struct Damaged {
    text: String,
    /// Its sites, in order.
    sites: Vec<Site>,
    wrapped: bool,
    /// The boilerplate line that follows it, if any.
    boilerplate: Option<&'static str>,
}

/// The random streams of a paragraph, one per kind of damage.
const STREAM_GLUE: u64 = 1;
const STREAM_FINAL: u64 = 2;
const STREAM_WRAP: u64 = 3;
const STREAM_BOILERPLATE: u64 = 4;

impl Book {
    /// Every paragraph of the book, damaged for `variant`.
    fn damage(
        &self,
        file: usize,
        variant: Variant,
        args: &Args,
    ) -> Vec<Damaged> {
        let rng = |para: usize, stream: u64| {
            Rng::new(args.seed, &[file as u64, para as u64, stream])
        };
        let mut out = Vec::with_capacity(self.paras.len());
        for (i, truth) in self.paras.iter().enumerate() {
            if args.no_damage {
                out.push(Damaged {
                    text: truth.clone(),
                    sites: Vec::new(),
                    wrapped: false,
                    boilerplate: None,
                });
                continue;
            }
            let (mut text, mut sites) =
                glue(truth, i, &mut rng(i, STREAM_GLUE));
            lose_final(&mut text, &mut sites, i, &mut rng(i, STREAM_FINAL));
            let mut wrap_rng = rng(i, STREAM_WRAP);
            let wrapped =
                variant == Variant::Wrapped && wrap_rng.chance(P_WRAP);
            if wrapped {
                text = wrap(&text, i, &mut wrap_rng, &mut sites);
            }
            let mut bp_rng = rng(i, STREAM_BOILERPLATE);
            let boilerplate = bp_rng
                .chance(P_BOILERPLATE)
                .then(|| BOILERPLATE[bp_rng.below(BOILERPLATE.len())]);
            let gaps = Gaps::of(truth);
            for site in &mut sites {
                site.pos = gaps.bounds[site.gap].0;
            }
            sites.sort_by_key(|s| s.gap);
            out.push(Damaged { text, sites, wrapped, boilerplate });
        }
        out
    }
}

/// The document of damaged paragraphs, with their boilerplate lines.
fn document(paras: &[Damaged], variant: Variant) -> String {
    let mut out = String::new();
    for para in paras {
        if !out.is_empty() {
            out.push_str(variant.separator());
        }
        out.push_str(&para.text);
        if let Some(line) = para.boilerplate {
            out.push_str(variant.separator());
            out.push_str(line);
        }
    }
    out.push('\n');
    out
}

/// A sentence boundary of the truth.
struct Boundary {
    /// Byte offsets of its terminator and of the space after it.
    terminator: usize,
    space: usize,
    /// Its gap (see [`Site::gap`]).
    gap: usize,
    /// A period right before the space and a capital right after it.
    bare_period: bool,
}

/// The sentence boundaries of `text` by a conservative rule: a terminator
/// after a letter or digit, closing quotes, one space, an opening quote
/// and a capital; not after an abbreviation or an initial.
fn boundaries(text: &str) -> Vec<Boundary> {
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let mut alnums = 0;
    let mut out = Vec::new();
    for (i, &(_, c)) in chars.iter().enumerate() {
        if TERMINATORS.contains(&c)
            && i > 0
            && chars[i - 1].1.is_alphanumeric()
        {
            out.extend(boundary_at(&chars, i, alnums));
        }
        if c.is_alphanumeric() {
            alnums += 1;
        }
    }
    out
}

/// The boundary whose terminator is `chars[i]`, if it is one.
fn boundary_at(
    chars: &[(usize, char)],
    i: usize,
    alnums: usize,
) -> Option<Boundary> {
    let mut j = i + 1;
    while chars.get(j).is_some_and(|&(_, c)| CLOSERS.contains(&c)) {
        j += 1;
    }
    let Some(&(space, ' ')) = chars.get(j) else {
        return None;
    };
    let mut k = j + 1;
    if chars.get(k).is_some_and(|&(_, c)| OPENERS.contains(&c)) {
        k += 1;
    }
    if !chars.get(k)?.1.is_uppercase()
        || is_abbreviation(&word_before(chars, i))
    {
        return None;
    }
    Some(Boundary {
        terminator: chars[i].0,
        space,
        gap: alnums,
        bare_period: chars[i].1 == '.' && j == i + 1 && k == j + 1,
    })
}

/// The word before `chars[i]`, without opening punctuation.
fn word_before(chars: &[(usize, char)], i: usize) -> String {
    let start = chars[..i]
        .iter()
        .rposition(|&(_, c)| c.is_whitespace())
        .map_or(0, |s| s + 1);
    let word: String = chars[start..i].iter().map(|&(_, c)| c).collect();
    word.trim_start_matches(|c: char| !c.is_alphanumeric()).to_owned()
}

/// Whether a period after `word` may not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    let mut chars = word.chars();
    let initial = matches!((chars.next(), chars.next()), (Some(c), None)
        if c.is_uppercase());
    word.is_empty()
        || initial
        || word.contains('.')
        || ABBREVIATIONS.contains(&word)
}

/// `truth` with some of its sentence boundaries glued, and their sites.
fn glue(truth: &str, para: usize, rng: &mut Rng) -> (String, Vec<Site>) {
    let mut removed = Vec::new();
    let mut sites = Vec::new();
    for b in boundaries(truth) {
        if !rng.chance(P_GLUE) {
            continue;
        }
        let kind = if b.bare_period && rng.chance(P_GLUE_NO_PERIOD) {
            removed.push(b.terminator);
            Kind::GlueNoPeriod
        } else {
            Kind::GlueNoSpace
        };
        removed.push(b.space);
        sites.push(Site { para, kind, gap: b.gap, pos: b.terminator });
    }
    let text = truth
        .char_indices()
        .filter(|(i, _)| !removed.contains(i))
        .map(|(_, c)| c)
        .collect();
    (text, sites)
}

/// Drops the final period of `text`, sometimes.
fn lose_final(
    text: &mut String,
    sites: &mut Vec<Site>,
    para: usize,
    rng: &mut Rng,
) {
    let mut end = text.chars().rev();
    let bare = end.next() == Some('.')
        && end.next().is_some_and(char::is_alphanumeric);
    if bare && rng.chance(P_LOST_FINAL) {
        text.pop();
        let gap = count_alnums(text);
        sites.push(Site { para, kind: Kind::LostFinal, gap, pos: text.len() });
    }
}

/// `text` hard-wrapped at a random width, maybe with hyphenated words;
/// the hyphenations and dash wraps go to `sites`.
fn wrap(
    text: &str,
    para: usize,
    rng: &mut Rng,
    sites: &mut Vec<Site>,
) -> String {
    let width = WRAP_WIDTHS.0 + rng.below(WRAP_WIDTHS.1 - WRAP_WIDTHS.0 + 1);
    let mut hyphens = 0;
    if rng.chance(P_HYPHENATE) {
        hyphens = 1 + usize::from(rng.chance(P_SECOND_HYPHEN));
    }
    let mut out = String::with_capacity(text.len() + text.len() / width + 4);
    let mut line = 0;
    let mut alnums = 0;
    for word in text.split(' ') {
        let len = word.chars().count();
        if line == 0 || line + 1 + len <= width {
            if line > 0 {
                out.push(' ');
                line += 1;
            }
            out.push_str(word);
            line += len;
        } else if let Some((cut, kind)) =
            break_word(word, width.saturating_sub(line + 1), &mut hyphens, rng)
        {
            out.push(' ');
            out.push_str(&word[..cut]);
            if kind == Kind::Hyphen {
                out.push('-');
            }
            out.push('\n');
            out.push_str(&word[cut..]);
            line = word[cut..].chars().count();
            let gap = alnums + count_alnums(&word[..cut]);
            // `pos` is set from the gap by `Book::damage`.
            sites.push(Site { para, kind, gap, pos: 0 });
        } else {
            out.push('\n');
            out.push_str(word);
            line = len;
        }
        alnums += count_alnums(word);
    }
    out
}

/// Where to break `word` at a line end with `room` characters left on the
/// line: hyphenating it, or after a dash of its own; or `None`.
fn break_word(
    word: &str,
    room: usize,
    hyphens: &mut usize,
    rng: &mut Rng,
) -> Option<(usize, Kind)> {
    if *hyphens > 0 && rng.chance(P_HYPHEN_AT_BREAK) {
        if let Some(cut) = hyphen_cut(word, room + HYPHEN_OVERHANG) {
            *hyphens -= 1;
            return Some((cut, Kind::Hyphen));
        }
    }
    let cut = dash_cut(word, room)?;
    rng.chance(P_DASH_BREAK).then_some((cut, Kind::DashWrap))
}

/// Where to hyphenate `word` (a long lower-case word, maybe capitalized,
/// with punctuation around it) so that its first part and the hyphen fill
/// at most `room` characters: as late as a syllable-like cut allows.
fn hyphen_cut(word: &str, room: usize) -> Option<usize> {
    let lead = word.find(char::is_alphabetic)?;
    let end = word[lead..]
        .find(|c: char| !c.is_alphabetic())
        .map_or(word.len(), |i| lead + i);
    if word[end..].chars().any(char::is_alphanumeric) {
        return None;
    }
    let letters: Vec<(usize, char)> = word[lead..end].char_indices().collect();
    if letters.len() < MIN_HYPHEN_WORD
        || letters[1..].iter().any(|&(_, c)| !c.is_lowercase())
    {
        return None;
    }
    let fits = room.checked_sub(word[..lead].chars().count() + 1)?;
    let most = fits.min(letters.len() - MIN_PIECE);
    (MIN_PIECE..=most)
        .rev()
        .find(|&k| may_hyphenate(letters[k - 1].1, letters[k].1))
        .map(|k| lead + letters[k].0)
}

/// Whether a word may be hyphenated between letters `a` and `b`: before
/// a consonant, not inside a digraph (so `sul-phur`, not `sulp-hur`).
fn may_hyphenate(a: char, b: char) -> bool {
    let vowel = |c: char| "aeiouy".contains(c.to_ascii_lowercase());
    let pair: String = [a, b].iter().flat_map(|c| c.to_lowercase()).collect();
    !vowel(b) && !DIGRAPHS.contains(&pair.as_str())
}

/// Where to break `word` after a hyphen or dash between two letters, its
/// first part fitting in `room` characters.
fn dash_cut(word: &str, room: usize) -> Option<usize> {
    let chars: Vec<(usize, char)> = word.char_indices().collect();
    let mut i = 1;
    while i < chars.len() && i < room {
        if DASHES.contains(&chars[i].1) && chars[i - 1].1.is_alphabetic() {
            let mut j = i;
            while chars.get(j).is_some_and(|&(_, c)| DASHES.contains(&c)) {
                j += 1;
            }
            let letter = chars.get(j).is_some_and(|&(_, c)| c.is_alphabetic());
            if letter && j <= room {
                return Some(chars[j].0);
            }
            i = j;
        }
        i += 1;
    }
    None
}

// ---------------------------------------------------------------------
// Alignment

/// The output's paragraphs: blocks between blank lines, or lines.
fn split_output(text: &str, variant: Variant) -> Vec<&str> {
    let mut paras = Vec::new();
    let mut start = None;
    let mut end = 0;
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let content = line.trim_end_matches(['\n', '\r']);
        let blank = content.trim().is_empty();
        if blank || variant == Variant::Lines {
            if let Some(s) = start.take() {
                paras.push(&text[s..end]);
            }
        }
        if !blank {
            start.get_or_insert(at);
            end = at + content.len();
        }
        at += line.len();
    }
    if let Some(s) = start {
        paras.push(&text[s..end]);
    }
    paras
}

/// For each truth paragraph, the output paragraph it aligns with: the
/// first, in a window after the last one aligned, that shares enough of
/// its words.
fn align(truth: &[String], outs: &[&str]) -> Vec<Option<usize>> {
    let mut next = 0;
    truth
        .iter()
        .map(|t| {
            let words = word_set(t);
            let end = (next + ALIGN_WINDOW).min(outs.len());
            let found =
                (next..end).find(|&k| overlap(&words, outs[k]) >= MIN_OVERLAP);
            if let Some(k) = found {
                next = k + 1;
            }
            found
        })
        .collect()
}

/// The lower-cased words of `text`.
fn word_set(text: &str) -> HashSet<String> {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect()
}

/// The share of words `text` and `words` have in common, of the larger.
fn overlap(words: &HashSet<String>, text: &str) -> f64 {
    let other = word_set(text);
    let common = words.iter().filter(|w| other.contains(*w)).count();
    common as f64 / words.len().max(other.len()).max(1) as f64
}

/// The gaps of a text: the text before, between and after its letters
/// and digits.
struct Gaps {
    alnums: Vec<char>,
    /// `alnums.len() + 1` byte ranges.
    bounds: Vec<(usize, usize)>,
}

impl Gaps {
    fn of(text: &str) -> Gaps {
        let mut alnums = Vec::new();
        let mut bounds = Vec::new();
        let mut start = 0;
        for (i, c) in text.char_indices() {
            if c.is_alphanumeric() {
                bounds.push((start, i));
                alnums.push(c);
                start = i + c.len_utf8();
            }
        }
        bounds.push((start, text.len()));
        Gaps { alnums, bounds }
    }

    fn text<'t>(&self, text: &'t str, gap: usize) -> &'t str {
        let (start, end) = self.bounds[gap];
        &text[start..end]
    }
}

/// Maps the gaps of a truth paragraph to those of its output, by the
/// letters and digits around them: all of them when both have the same,
/// else those in their common prefix and suffix.
struct GapMap {
    from: usize,
    to: usize,
    prefix: usize,
    suffix: usize,
}

impl GapMap {
    fn new(from: &[char], to: &[char]) -> GapMap {
        let prefix = from.iter().zip(to).take_while(|(a, b)| a == b).count();
        let most = from.len().min(to.len()) - prefix;
        let suffix = from
            .iter()
            .rev()
            .zip(to.iter().rev())
            .take(most)
            .take_while(|(a, b)| a == b)
            .count();
        GapMap { from: from.len(), to: to.len(), prefix, suffix }
    }

    fn same(&self) -> bool {
        self.from == self.to && self.prefix == self.from
    }

    fn alnum(&self, a: usize) -> Option<usize> {
        if a < self.prefix {
            Some(a)
        } else if a >= self.from - self.suffix {
            Some(a - (self.from - self.suffix) + (self.to - self.suffix))
        } else {
            None
        }
    }

    fn gap(&self, g: usize) -> Option<usize> {
        let before = if g == 0 { None } else { Some(self.alnum(g - 1)?) };
        let after = if g == self.from { None } else { Some(self.alnum(g)?) };
        match (before, after) {
            (Some(b), Some(a)) => (a == b + 1).then_some(a),
            (None, Some(a)) => (a == 0).then_some(0),
            (Some(b), None) => (b + 1 == self.to).then_some(self.to),
            (None, None) => (self.to == 0).then_some(0),
        }
    }
}

// ---------------------------------------------------------------------
// Scores

/// Sites of one kind, and how many were restored.
#[derive(Clone, Copy, Debug, Default)]
struct Score {
    sites: usize,
    hits: usize,
}

impl Score {
    fn add(&mut self, hit: bool) {
        self.sites += 1;
        self.hits += usize::from(hit);
    }
}

/// The scores of one part of the books, for one preset and document.
#[derive(Clone, Copy, Debug, Default)]
struct Tally {
    paragraphs: usize,
    words: usize,
    exact: usize,
    /// Truth paragraphs no output paragraph aligned with.
    unaligned: usize,
    /// Aligned paragraphs whose letters and digits differ from the truth.
    altered: usize,
    glue_no_space: Score,
    glue_no_period: Score,
    lost_final: Score,
    hyphen: Score,
    dash_wrap: Score,
    unwrap: Score,
    /// Boilerplate lines inserted, and removed.
    boilerplate: Score,
    /// Hyphens and dashes of the truth lost, at dash wraps or elsewhere.
    hyphens_lost: usize,
    false_splits: usize,
    /// Other differences in gaps without a site.
    other_edits: usize,
    /// Output paragraphs that are neither truth nor boilerplate.
    extra: usize,
}

impl Tally {
    fn glue(&self) -> Score {
        Score {
            sites: self.glue_no_space.sites + self.glue_no_period.sites,
            hits: self.glue_no_space.hits + self.glue_no_period.hits,
        }
    }

    fn site(&mut self, kind: Kind) -> &mut Score {
        match kind {
            Kind::GlueNoSpace => &mut self.glue_no_space,
            Kind::GlueNoPeriod => &mut self.glue_no_period,
            Kind::LostFinal => &mut self.lost_final,
            Kind::Hyphen => &mut self.hyphen,
            Kind::DashWrap => &mut self.dash_wrap,
        }
    }
}

/// A failure for `--show`: what failed, and the text around it in the
/// truth, the damaged input and the output.
struct Failure {
    what: String,
    truth: String,
    damaged: String,
    output: String,
}

/// The failures of one kind kept for `--show`.
struct Shown {
    kind: Option<Show>,
    list: Vec<Failure>,
}

impl Shown {
    fn wants(&self, kind: Show) -> bool {
        self.kind == Some(kind) && self.list.len() < SHOW_MAX
    }
}

/// Where a paragraph's failures are kept, if anywhere (the held-out part
/// is never shown).
type Sink<'s> = Option<&'s mut Shown>;

/// The sink, if it wants failures of `kind`.
fn wanting(sink: Sink<'_>, kind: Show) -> Sink<'_> {
    sink.filter(|s| s.wants(kind))
}

/// One preset on one kind of document: its scores, dev and held out.
struct Run {
    preset: &'static str,
    variant: Variant,
    parts: [Tally; 2],
    shown: Shown,
}

impl Run {
    fn new(preset: &'static str, variant: Variant, show: Option<Show>) -> Run {
        let shown = Shown { kind: show, list: Vec::new() };
        Run { preset, variant, parts: [Tally::default(); 2], shown }
    }

    /// Scores the output of one book's document.
    fn score(&mut self, book: &Book, damaged: &[Damaged], output: &str) {
        let outs = split_output(output, self.variant);
        let matches = align(&book.paras, &outs);
        let mut owner = vec![None; outs.len()];
        let mut last = None;
        for (i, m) in matches.iter().enumerate() {
            if let Some(k) = *m {
                owner[k] = Some(i);
                last = Some(k);
            }
            let part = usize::from(held_out(i));
            let mut sink = (part == 0).then_some(&mut self.shown);
            let tally = &mut self.parts[part];
            let para = Para {
                book: &book.name,
                id: i,
                truth: &book.paras[i],
                damaged: &damaged[i],
            };
            let out = m.map(|k| outs[k]);
            score_paragraph(&para, out, tally, sink.as_deref_mut());
            let region = &outs[following(&matches, i, last, outs.len())];
            score_boilerplate(&para, out, region, tally, sink);
        }
        self.count_extra(&outs, &owner);
    }

    /// Counts the output paragraphs that are neither aligned nor
    /// boilerplate, in the part of the truth paragraph before them.
    fn count_extra(&mut self, outs: &[&str], owner: &[Option<usize>]) {
        let mut part = 0;
        for (k, o) in outs.iter().enumerate() {
            match owner[k] {
                Some(i) => part = usize::from(held_out(i)),
                None if !is_boilerplate(o) => self.parts[part].extra += 1,
                None => {}
            }
        }
    }
}

/// The output paragraphs after truth paragraph `i` and before the next
/// one aligned: where its boilerplate line would be. `last` is the last
/// output paragraph aligned so far.
fn following(
    matches: &[Option<usize>],
    i: usize,
    last: Option<usize>,
    len: usize,
) -> std::ops::Range<usize> {
    let start = last.map_or(0, |k| k + 1);
    let end = matches[i + 1..].iter().find_map(|m| *m).unwrap_or(len);
    start..end.max(start)
}

/// Whether an output paragraph is one of the boilerplate lines (a period
/// added or not).
fn is_boilerplate(text: &str) -> bool {
    let text = text.trim().trim_end_matches('.');
    BOILERPLATE.iter().any(|b| b.trim_end_matches('.') == text)
}

/// A truth paragraph and its damaged form, with where they are.
struct Para<'a> {
    book: &'a str,
    id: usize,
    truth: &'a str,
    damaged: &'a Damaged,
}

impl Para<'_> {
    /// The book and paragraph, for `--show`.
    fn place(&self) -> String {
        format!("{} ¶{}", self.book, self.id)
    }

    /// The damaged text around truth gap `g` (damage keeps the letters
    /// and digits, so the gaps correspond).
    fn damaged_at(&self, g: usize) -> String {
        let text = &self.damaged.text;
        match Gaps::of(text).bounds.get(g) {
            Some(&(start, end)) => around(text, start, end),
            None => "(no counterpart)".into(),
        }
    }
}

/// Scores whether the boilerplate line after a paragraph, if any, is gone
/// from the output (the paragraph's own output and the paragraphs
/// `after` it).
fn score_boilerplate(
    para: &Para<'_>,
    out: Option<&str>,
    after: &[&str],
    tally: &mut Tally,
    sink: Sink<'_>,
) {
    let Some(line) = para.damaged.boilerplate else {
        return;
    };
    let inside =
        out.is_some_and(|o| o.contains(line) && !para.truth.contains(line));
    let kept = after.iter().find(|o| o.contains(line));
    tally.boilerplate.add(!inside && kept.is_none());
    let Some(s) = wanting(sink, Show::Boilerplate) else {
        return;
    };
    let output = match (kept, out) {
        (Some(k), _) => (*k).to_owned(),
        (None, Some(o)) if inside => tail(o, 2 * CONTEXT).to_owned(),
        _ => return,
    };
    s.list.push(Failure {
        what: format!("{}: boilerplate kept after it", para.place()),
        truth: tail(para.truth, 2 * CONTEXT).to_owned(),
        damaged: line.to_owned(),
        output: output.replace('\n', "⏎"),
    });
}

/// Scores one truth paragraph against its output paragraph, if aligned.
fn score_paragraph(
    para: &Para<'_>,
    out: Option<&str>,
    tally: &mut Tally,
    mut sink: Sink<'_>,
) {
    tally.paragraphs += 1;
    tally.words += para.truth.split_whitespace().count();
    let Some(out) = out else {
        score_unaligned(para, tally, sink);
        return;
    };
    score_exact(para, out, tally, sink.as_deref_mut());
    let tg = Gaps::of(para.truth);
    let og = Gaps::of(out);
    let map = GapMap::new(&tg.alnums, &og.alnums);
    tally.altered += usize::from(!map.same());
    let pair = Pair { para, out, tg: &tg, og: &og, map: &map };
    let mut sites = para.damaged.sites.iter().peekable();
    for g in 0..tg.bounds.len() {
        match sites.next_if(|s| s.gap == g) {
            Some(site) => pair.score_site(site, tally, sink.as_deref_mut()),
            None => pair.score_gap(g, tally, sink.as_deref_mut()),
        }
    }
    if para.damaged.wrapped {
        pair.score_unwrap(tally, sink);
    }
}

/// A truth paragraph no output paragraph aligned with: every site missed.
fn score_unaligned(para: &Para<'_>, tally: &mut Tally, sink: Sink<'_>) {
    tally.unaligned += 1;
    for site in &para.damaged.sites {
        tally.site(site.kind).add(false);
    }
    if para.damaged.wrapped {
        tally.unwrap.add(false);
    }
    if let Some(s) = wanting(sink, Show::Exact) {
        s.list.push(Failure {
            what: format!("{}: not found in the output", para.place()),
            truth: head(para.truth, 2 * CONTEXT).to_owned(),
            damaged: head(&para.damaged.text, 2 * CONTEXT).replace('\n', "⏎"),
            output: String::new(),
        });
    }
}

/// Scores whether `out` is the truth, whitespace runs aside.
fn score_exact(para: &Para<'_>, out: &str, tally: &mut Tally, sink: Sink<'_>) {
    let (t, o) = (collapse(para.truth), collapse(out));
    if t == o {
        tally.exact += 1;
        return;
    }
    let Some(s) = wanting(sink, Show::Exact) else {
        return;
    };
    let at = t
        .char_indices()
        .zip(o.chars())
        .find(|((_, a), b)| a != b)
        .map_or(t.len().min(o.len()), |((i, _), _)| i);
    let letters = if count_alnums(&t) == count_alnums(&o) {
        ""
    } else {
        " (letters or digits differ)"
    };
    s.list.push(Failure {
        what: format!("{}: not exact{letters}", para.place()),
        truth: around(&t, at, at),
        damaged: String::new(),
        output: around(&o, at, at),
    });
}

/// A truth paragraph, its output and their gaps.
struct Pair<'a> {
    para: &'a Para<'a>,
    out: &'a str,
    tg: &'a Gaps,
    og: &'a Gaps,
    map: &'a GapMap,
}

impl Pair<'_> {
    /// The output gap of truth gap `g`, if it has one.
    fn out_gap(&self, g: usize) -> Option<(usize, &str)> {
        self.map.gap(g).map(|h| (h, self.og.text(self.out, h)))
    }

    /// Scores a damage site: restored when its gap reads as the truth's.
    fn score_site(&self, site: &Site, tally: &mut Tally, sink: Sink<'_>) {
        let want = self.tg.text(self.para.truth, site.gap);
        let got = self.out_gap(site.gap);
        let hit = got.is_some_and(|(_, o)| norm_gap(o) == norm_gap(want));
        tally.site(site.kind).add(hit);
        let lost = |o: &str| count_dashes(o) < count_dashes(want);
        if site.kind == Kind::DashWrap && got.is_some_and(|(_, o)| lost(o)) {
            tally.hyphens_lost += 1;
        }
        if !hit {
            let what = format!(
                "{} ¶{}: {} @{}",
                self.para.book,
                site.para,
                site.kind.name(),
                site.pos
            );
            self.show(sink, site.kind.show(), what, site.gap);
        }
    }

    /// Scores a gap without damage: any difference is the pipeline's.
    fn score_gap(&self, g: usize, tally: &mut Tally, sink: Sink<'_>) {
        let want = self.tg.text(self.para.truth, g);
        let Some((h, got)) = self.out_gap(g) else {
            return;
        };
        if got == want {
            return;
        }
        let (w, o) = (norm_gap(want), norm_gap(got));
        if w == o {
            return;
        }
        let capital = self.og.alnums.get(h).is_some_and(|c| c.is_uppercase());
        let (kind, name) = if is_false_split(&w, &o, capital) {
            tally.false_splits += 1;
            (Show::False, "false split")
        } else if count_dashes(&o) < count_dashes(&w) {
            tally.hyphens_lost += 1;
            (Show::Hyphen, "hyphen lost")
        } else {
            tally.other_edits += 1;
            (Show::Other, "other edit")
        };
        let pos = self.tg.bounds[g].0;
        let what = format!("{}: {name} @{pos}", self.para.place());
        self.show(sink, kind, what, g);
    }

    /// Scores whether a wrapped paragraph came out on one line.
    fn score_unwrap(&self, tally: &mut Tally, sink: Sink<'_>) {
        let stray = self.out.find('\n');
        tally.unwrap.add(stray.is_none());
        let (Some(at), Some(s)) = (stray, wanting(sink, Show::Unwrap)) else {
            return;
        };
        let h = self.og.bounds.partition_point(|&(_, end)| end <= at);
        let back = GapMap::new(&self.og.alnums, &self.tg.alnums).gap(h);
        let (truth, damaged) = match back {
            Some(g) => (self.truth_at(g), self.para.damaged_at(g)),
            None => ("(no counterpart)".into(), String::new()),
        };
        let (start, end) = self.og.bounds[h.min(self.og.bounds.len() - 1)];
        s.list.push(Failure {
            what: format!("{}: stray newline", self.para.place()),
            truth,
            damaged,
            output: around(self.out, start, end),
        });
    }

    fn truth_at(&self, g: usize) -> String {
        let (start, end) = self.tg.bounds[g];
        around(self.para.truth, start, end)
    }

    /// Keeps a failure at truth gap `g` for `--show`.
    fn show(&self, sink: Sink<'_>, kind: Show, what: String, g: usize) {
        let Some(s) = wanting(sink, kind) else {
            return;
        };
        let output = match self.map.gap(g) {
            Some(h) => {
                around(self.out, self.og.bounds[h].0, self.og.bounds[h].1)
            }
            None => "(letters or digits changed around it)".into(),
        };
        s.list.push(Failure {
            what,
            truth: self.truth_at(g),
            damaged: self.para.damaged_at(g),
            output,
        });
    }
}

/// Whether an output gap `o` has a sentence boundary the truth's `w`
/// lacks: a new terminator, or a terminator and a space before a capital.
fn is_false_split(w: &str, o: &str, capital: bool) -> bool {
    let ends =
        |g: &str| g.find(TERMINATORS).is_some_and(|i| g[i..].contains(' '));
    count_terminators(o) > count_terminators(w)
        || (capital && ends(o) && !ends(w))
}

// ---------------------------------------------------------------------
// The report

fn report(args: &Args, books: &[Book], runs: &[Run]) {
    let names: Vec<&str> = books.iter().map(|b| b.name.as_str()).collect();
    let damage = if args.no_damage { "no damage" } else { "damaged" };
    println!(
        "repair_eval: {} file(s) ({}), seed {}, {damage}",
        books.len(),
        names.join(", "),
        args.seed
    );
    let parts: &[usize] = if args.held_out { &[0, 1] } else { &[0] };
    print_sites(runs, parts);
    for &part in parts {
        print_scores(runs, part);
    }
    if let Some(kind) = args.show {
        print_failures(runs, kind);
    }
}

const PART_NAMES: [&str; 2] = ["dev", "held-out"];

/// A row of a table: its label, and its cell in a column.
type Row<T> = (&'static str, fn(&Tally) -> T);

/// Paragraphs, words and damage sites of each part and document.
fn print_sites(runs: &[Run], parts: &[usize]) {
    let columns: Vec<(String, &Tally)> = parts
        .iter()
        .flat_map(|&p| {
            runs.iter().filter(|r| r.preset == runs[0].preset).map(move |r| {
                (
                    format!("{}/{}", PART_NAMES[p], r.variant.name()),
                    &r.parts[p],
                )
            })
        })
        .collect();
    println!();
    let mut head = format!("{:<22}", "input");
    for (name, _) in &columns {
        let _ = write!(head, "{name:>18}");
    }
    println!("{head}");
    let rows: [Row<usize>; 10] = [
        ("paragraphs", |t| t.paragraphs),
        ("words", |t| t.words),
        ("glue sites", |t| t.glue().sites),
        ("  glue_nospace", |t| t.glue_no_space.sites),
        ("  glue_noperiod", |t| t.glue_no_period.sites),
        ("lost_final sites", |t| t.lost_final.sites),
        ("wrapped paragraphs", |t| t.unwrap.sites),
        ("hyphen sites", |t| t.hyphen.sites),
        ("dash_wrap sites", |t| t.dash_wrap.sites),
        ("boilerplate lines", |t| t.boilerplate.sites),
    ];
    for (label, get) in rows {
        let mut line = format!("{label:<22}");
        for (_, t) in &columns {
            let _ = write!(line, "{:>18}", get(t));
        }
        println!("{line}");
    }
}

/// The scores of one part, a column for each preset and document.
fn print_scores(runs: &[Run], part: usize) {
    println!();
    let mut head = format!("{:<22}", format!("{} part", PART_NAMES[part]));
    for r in runs {
        let _ = write!(
            head,
            "{:>14}",
            format!("{}/{}", r.preset, r.variant.name())
        );
    }
    println!("{head}");
    let rows: [Row<String>; 16] = [
        ("exact paragraphs", |t| ratio(t.exact, t.paragraphs)),
        ("glue recall", |t| pct(t.glue())),
        ("  glue_nospace", |t| pct(t.glue_no_space)),
        ("  glue_noperiod", |t| pct(t.glue_no_period)),
        ("glue precision", |t| {
            let hits = t.glue().hits;
            ratio(hits, hits + t.false_splits)
        }),
        ("false splits", |t| t.false_splits.to_string()),
        ("  per 1,000 words", |t| per_thousand(t.false_splits, t.words)),
        ("dehyphenated", |t| pct(t.hyphen)),
        ("dash kept at wrap", |t| pct(t.dash_wrap)),
        ("hyphens lost", |t| t.hyphens_lost.to_string()),
        ("unwrapped", |t| pct(t.unwrap)),
        ("lost final restored", |t| pct(t.lost_final)),
        ("boilerplate removed", |t| pct(t.boilerplate)),
        ("other edits", |t| t.other_edits.to_string()),
        ("unaligned/altered", |t| format!("{}/{}", t.unaligned, t.altered)),
        ("extra paragraphs", |t| t.extra.to_string()),
    ];
    for (label, get) in rows {
        let mut line = format!("{label:<22}");
        for r in runs {
            let _ = write!(line, "{:>14}", get(&r.parts[part]));
        }
        println!("{line}");
    }
}

/// The failures kept for `--show`, run by run.
fn print_failures(runs: &[Run], kind: Show) {
    for r in runs {
        println!();
        println!(
            "--show {} ({}/{}, dev part): {} shown",
            kind.name(),
            r.preset,
            r.variant.name(),
            r.shown.list.len()
        );
        for f in &r.shown.list {
            println!("  {}", f.what);
            println!("    truth:   {}", f.truth);
            if !f.damaged.is_empty() {
                println!("    damaged: {}", f.damaged);
            }
            println!("    output:  {}", f.output);
        }
    }
}

fn pct(score: Score) -> String {
    ratio(score.hits, score.sites)
}

fn ratio(hits: usize, total: usize) -> String {
    if total == 0 {
        return "-".into();
    }
    format!("{:.1}%", 100.0 * hits as f64 / total as f64)
}

fn per_thousand(n: usize, words: usize) -> String {
    if words == 0 {
        return "-".into();
    }
    format!("{:.3}", 1000.0 * n as f64 / words as f64)
}

// ---------------------------------------------------------------------
// Text helpers

/// `text` with its whitespace runs collapsed to one space, trimmed.
fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A gap with its whitespace runs collapsed to one space.
fn norm_gap(gap: &str) -> String {
    let mut out = String::with_capacity(gap.len());
    for c in gap.chars() {
        if !c.is_whitespace() {
            out.push(c);
        } else if !out.ends_with(' ') {
            out.push(' ');
        }
    }
    out
}

fn count_alnums(text: &str) -> usize {
    text.chars().filter(|c| c.is_alphanumeric()).count()
}

fn count_dashes(text: &str) -> usize {
    text.matches(DASHES).count()
}

fn count_terminators(text: &str) -> usize {
    text.matches(TERMINATORS).count()
}

/// `text[start..end]` in brackets, with context, newlines shown as `⏎`.
fn around(text: &str, start: usize, end: usize) -> String {
    let before = tail(&text[..start], CONTEXT);
    let after = head(&text[end..], CONTEXT);
    format!("{before}[{}]{after}", &text[start..end]).replace('\n', "⏎")
}

/// The last `n` characters of `s`.
fn tail(s: &str, n: usize) -> &str {
    let start =
        s.char_indices().rev().nth(n.saturating_sub(1)).map_or(0, |(i, _)| i);
    &s[start..]
}

/// The first `n` characters of `s`.
fn head(s: &str, n: usize) -> &str {
    let end = s.char_indices().nth(n).map_or(s.len(), |(i, _)| i);
    &s[..end]
}

// ---------------------------------------------------------------------
// Randomness

/// splitmix64: small, fast and good enough for damage.
struct Rng(u64);

const GOLDEN: u64 = 0x9e37_79b9_7f4a_7c15;

impl Rng {
    /// The generator of `seed` for a stream named by `keys`.
    fn new(seed: u64, keys: &[u64]) -> Rng {
        let mut state = mix(seed);
        for &key in keys {
            state = mix(state ^ mix(key.wrapping_add(GOLDEN)));
        }
        Rng(state)
    }

    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(GOLDEN);
        mix(self.0)
    }

    /// True with probability `p`.
    fn chance(&mut self, p: f64) -> bool {
        ((self.next() >> 11) as f64) / ((1u64 << 53) as f64) < p
    }

    /// A number below `n` (nearly uniform: `n` is small).
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

fn mix(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}
