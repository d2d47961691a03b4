//! Sentence-boundary repair and sentence splitting for textclean.
//!
//! Text scraped from the web or extracted from PDFs loses its sentence
//! boundaries in a few typical ways: paragraphs glued at their sentence
//! ends (`arenaUnlike`), a missing space after a period (`end.The`), a lost
//! final period, and, from PDFs and plain-text books, lines hard-wrapped
//! inside paragraphs and words hyphenated across lines. This crate repairs
//! them, and splits text into sentences.
//!
//! - [`SentenceRepair`] is the repair [`Stage`]: build it once with
//!   [`SentenceRepair::builder`] (or take [`SentenceRepair::default`] for
//!   web text, [`SentenceRepair::pdf`] for wrapped text) and reuse it.
//! - [`SentenceSplitter`] splits text into sentences.
//! - [`Language`] is the language pack both consult: abbreviations,
//!   function words, sentence starters, a word list, known camel-case
//!   names and sentence terminators. It is `textclean-core`'s
//!   [`LanguagePack`](textclean_core::LanguagePack), shared with the other
//!   stages; English ships with it. A document whose
//!   [`Doc::language`] has another code than the stage's pack is repaired
//!   with that language's pack.
//!
//! Repair never changes, adds or removes a letter or digit: it only inserts
//! `". "`, a space or a final `"."`, joins lines and removes line-end
//! hyphens. Most users reach it through the facade crate `textclean`.
//!
//! # Example
//!
//! ```
//! use textclean_core::Stage;
//! use textclean_sentences::{SentenceRepair, SentenceSplitter};
//!
//! let repair = SentenceRepair::default();
//! let text = "Paris hosted the games in a brand new arenaUnlike \
//!             earlier hosts it used old venues too.The plan worked";
//! let fixed = repair.clean(text);
//! assert_eq!(
//!     fixed,
//!     "Paris hosted the games in a brand new arena. Unlike \
//!      earlier hosts it used old venues too. The plan worked",
//! );
//! // Clean text comes back borrowed: nothing was copied.
//! assert!(matches!(
//!     repair.clean("All fine here."),
//!     std::borrow::Cow::Borrowed(_)
//! ));
//!
//! let pdf = SentenceRepair::pdf();
//! let wrapped = "It was a fine and rather long exam-\n\
//!                 ple of wrapped text from an old book, and a well-\n\
//!                 known one, to be found in every library.";
//! assert_eq!(
//!     pdf.clean(wrapped),
//!     "It was a fine and rather long example of wrapped text from an \
//!      old book, and a well-known one, to be found in every library.",
//! );
//!
//! let splitter = SentenceSplitter::default();
//! let sentences: Vec<&str> = splitter.split(&fixed).map(|s| s.text).collect();
//! assert_eq!(
//!     sentences,
//!     [
//!         "Paris hosted the games in a brand new arena.",
//!         "Unlike earlier hosts it used old venues too.",
//!         "The plan worked",
//!     ],
//! );
//! ```
//!
//! # Rules
//!
//! Each edit is recorded under one of these stable rule names.
//!
//! | rule | fixes | before | after |
//! | --- | --- | --- | --- |
//! | `sentences.glued` | sentences glued at a case boundary | `the arenaUnlike its` | `the arena. Unlike its` |
//! | `sentences.space` | a missing space after sentence punctuation | `the end.The next` | `the end. The next` |
//! | `sentences.final_period` | a prose paragraph's lost final period | `…advanced AI systems` | `…advanced AI systems.` |
//! | `sentences.spacing` | a space before sentence punctuation | `the end .` | `the end.` |
//! | `sentences.unwrap` | hard-wrapped lines inside a paragraph | `a long\nline` | `a long line` |
//! | `sentences.dehyphenate` | a word hyphenated across a line break | `exam-\nple` | `example` |
//!
//! `sentences.glued` splits a letter run at its one lower→Upper boundary
//! (or after an ACRONYM before a Capitalized word: `AIDiverse`) only on
//! general evidence: the run does not recur in the document and is not a
//! known camel-case name (names recur, glued pairs almost never do); the
//! right part is a Capitalized dictionary word or sentence starter; the
//! left part can end a sentence (not a function word; a Capitalized or
//! ACRONYM left part must stand alone elsewhere in the document, and a
//! Capitalized one must precede a strong starter such as `The`); the
//! context is prose (no `_ . / @ # ( ::` or digits around it, one case
//! boundary only, a few words before it, more words after it, not inside
//! an open parenthesis, no code in the paragraph); and the parts are not
//! shared with other such runs in the document unless the right part is a
//! sentence starter (identifiers come in families: `nodePort` and
//! `targetPort`, `fetchName` and `fetchValue`). A right part that could as
//! well be part of an identifier (a starter marked so in the language
//! pack, such as `By` of `sortBy` and `In` of `signIn`, or any other
//! dictionary word, as in `readBuffer` and `fileName`) starts no sentence
//! before a word that follows identifiers in prose: what one is
//! (`function`, `property`, `helper`) or a word that goes on a noun phrase
//! (`and`, `with`, `on`), so `sortBy helper` stays and `entryBy steadily`
//! is split. `sentences.space` asks the same of the words around the
//! period in a document that shows code (braces, backticks, `()`, `==`,
//! `->`, … at least one per 3,000 letters: there `file.Name is` and
//! `strings.Split on` stay; in prose, `an oak.Phosphates and` is split),
//! and that the left one is a dictionary word (`asyncio.Task` stays).
//!
//! `sentences.final_period` adds a period to a paragraph (a line, or a
//! block of hard-wrapped lines) that ends in a letter or digit and reads as
//! prose: at least 8 words, at least half of them lower-case, the inner
//! punctuation of prose (a comma, a semicolon or a sentence end) unless it
//! has 20 words or more, not a list item, and not a footnote number after a
//! finished sentence. Titles, headlines, list items and verse keep their
//! ending.
//!
//! `sentences.unwrap` and `sentences.dehyphenate` only join blocks that
//! look hard-wrapped ([`textclean_core::wrap`]): lines of similar width,
//! no indented lines after the first, no list markers, no aligned columns,
//! not all capitals, not verse. By default (`unwrap_evident`) they join
//! only those of such blocks that were evidently wrapped at a width: no
//! code, every line break where a greedy wrapper puts one (the next line's
//! first word, as wide as repair leaves it, would not have fit), and at
//! least half of the breaks mid-sentence; two lines only when they read as
//! one sentence of plain prose broken in the middle, the second no wider
//! than the first. So hard-wrapped text inside web pages
//! (e-mail, mailing lists, man pages, books) is joined while page text,
//! whose lines are blocks, keeps its lines; [`SentenceRepair::pdf`] joins
//! every block of the shape. A line-end hyphen is removed when the joined
//! word is a dictionary word or appears elsewhere in the document, unless
//! the hyphenated form appears elsewhere; other hyphens (`well-known`)
//! stay and only the line break goes.
//!
//! `sentences.spacing` takes away one or two spaces between a word and the
//! `,` or `.` that closes it (`the end .`), and before `;` `:` `!` `?`
//! when the document writes those against the word more often than not
//! (French spaces them) and no lower-case word follows (`the ? operator`).
//! Spaced ellipses, `.NET`, `.5`, faces, URLs, columns, code and commands
//! at a prompt keep their spaces.
//!
//! The glued and space rules also split after a number (`2019The`,
//! `24,000These`), an acronym or plural acronym (`GPUsThey`), an object
//! pronoun (`for meThen`), and before a one-letter starter (`indicateI`,
//! `seasons.A`) or a contraction (`headHe'll`), each before a strong
//! starter where the left part could be a name.
//!
//! # Splitting
//!
//! [`SentenceSplitter::split`] is a lazy iterator of [`Sentence`]s (text,
//! byte and char offsets). The splitter's lists are the language pack's:
//! English, German, French and Spanish ship. It knows abbreviations of
//! three kinds (titles and inner ones, those that may end a sentence,
//! those that are abbreviations only before a number), initials and the
//! pronoun "I", ordinals in languages that write them `3.`, dotted and
//! spaced abbreviations (`U.S.`, `z. B.`), numbered and lettered list items
//! inline and at line starts (`1.)`, `a.`, `(3)`), bullets, ellipses of
//! every form (`...`, `…`, `. . .`, `. . . .`, `[…]`), closing quotes and
//! brackets (and French `! »`), citations after a quotation, and line
//! breaks: a line break ends a sentence unless the next line reads as the
//! same sentence going on.
//!
//! # Performance
//!
//! Repair scans the text once for candidates with byte-level tests and
//! does full work only around them; documents whose candidates pass the
//! local evidence get one more counting pass, over only the tokens those
//! decisions need. Splitting is one byte scan that stops only at bytes
//! that may end a sentence, eight bytes a step. Both are linear in the
//! size of the input, including one huge line. On one core the crate's
//! criterion bench (`cargo bench -p textclean-sentences --bench
//! sentences`, `TEXTCLEAN_BENCH_JSONL` for a corpus) measured, in MiB/s
//! on 2026-12-03: repair 674 on prose, 190 on the WCXB dev pages one page
//! at a time (105 as one text) and 164 on the sample article; splitting
//! about 1,040 on prose and 421 on the dev pages.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

#[cfg(doctest)]
#[doc = include_str!("../README.md")]
struct ReadmeDoctest;

mod blocks;
mod lang;
mod repair;
mod split;
mod text;

pub use lang::Language;
pub use split::{Sentence, SentenceSplitter, Sentences};
pub use textclean_core::LanguageLists;

use textclean_core::{Doc, Edits, Stage};

/// The sentence-repair stage: glued sentences, missing spaces, lost final
/// periods and, when enabled, unwrapping and dehyphenation.
///
/// The default repairs web text; [`SentenceRepair::pdf`] also unwraps and
/// dehyphenates. Build once, reuse for many documents.
///
/// ```
/// use textclean_core::Stage;
/// use textclean_sentences::SentenceRepair;
/// let repair = SentenceRepair::builder().final_period(false).build();
/// assert_eq!(repair.name(), "sentences");
/// assert_eq!(
///     repair.clean("We met at the station in townThe train was late"),
///     "We met at the station in town. The train was late",
/// );
/// ```
#[derive(Clone, Debug)]
pub struct SentenceRepair {
    lang: Language,
    opts: RepairOptions,
}

/// Which rules a [`SentenceRepair`] applies: plain data, to keep in a
/// configuration file (with the `serde` feature) or to set field by field.
///
/// Each field is documented on the [`RepairBuilder`] setter of the same
/// name. The default is the web default: `glued`, `missing_space` and
/// `final_period` on, `unwrap` and `dehyphenate` off.
///
/// ```
/// use textclean_sentences::{Language, RepairOptions, SentenceRepair};
///
/// let options = RepairOptions { unwrap: true, ..RepairOptions::default() };
/// let repair = SentenceRepair::new(Language::english(), options);
/// assert_eq!(repair.options(), options);
/// assert_eq!(RepairOptions::pdf().dehyphenate, true);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default, deny_unknown_fields)
)]
pub struct RepairOptions {
    /// `sentences.glued`.
    pub glued: bool,
    /// `sentences.space`.
    pub missing_space: bool,
    /// `sentences.final_period`.
    pub final_period: bool,
    /// `sentences.spacing`.
    pub spacing: bool,
    /// `sentences.unwrap` on every block shaped like hard-wrapped text:
    /// for PDF and plain-text book text, where hard wraps are the norm.
    pub unwrap: bool,
    /// `sentences.unwrap` on blocks shaped like hard-wrapped text whose
    /// line breaks mostly fall mid-sentence (the next line starts in lower
    /// case), even with `unwrap` off: text that came from a PDF, an e-mail
    /// or a mailing list inside web pages, whose lines are otherwise
    /// blocks of their own.
    pub unwrap_evident: bool,
    /// `sentences.dehyphenate`, in the blocks that are unwrapped (in every
    /// block shaped like hard-wrapped text when neither unwrapping option
    /// is on).
    pub dehyphenate: bool,
}

impl Default for RepairOptions {
    fn default() -> RepairOptions {
        RepairOptions {
            glued: true,
            missing_space: true,
            final_period: true,
            spacing: true,
            unwrap: false,
            unwrap_evident: true,
            dehyphenate: true,
        }
    }
}

impl RepairOptions {
    /// Every rule off: a start for turning on only some.
    ///
    /// ```
    /// use textclean_sentences::RepairOptions;
    /// let only_glue = RepairOptions { glued: true, ..RepairOptions::none() };
    /// assert!(!only_glue.final_period);
    /// ```
    pub const fn none() -> RepairOptions {
        RepairOptions {
            glued: false,
            missing_space: false,
            final_period: false,
            spacing: false,
            unwrap: false,
            unwrap_evident: false,
            dehyphenate: false,
        }
    }

    /// The options of [`SentenceRepair::pdf`]: the web defaults plus
    /// unwrapping and dehyphenation.
    pub fn pdf() -> RepairOptions {
        RepairOptions { unwrap: true, dehyphenate: true, ..Self::default() }
    }
}

impl Default for SentenceRepair {
    fn default() -> SentenceRepair {
        RepairBuilder::default().build()
    }
}

impl SentenceRepair {
    /// A builder to choose the language and the rules.
    pub fn builder() -> RepairBuilder {
        RepairBuilder::default()
    }

    /// The web defaults plus unwrapping and dehyphenation, for text
    /// extracted from PDFs and plain-text books.
    pub fn pdf() -> SentenceRepair {
        SentenceRepair::new(Language::english(), RepairOptions::pdf())
    }

    /// A stage with this language pack and these options.
    pub fn new(lang: Language, options: RepairOptions) -> SentenceRepair {
        SentenceRepair { lang, opts: options }
    }

    /// The options this stage applies.
    pub fn options(&self) -> RepairOptions {
        self.opts
    }

    /// The language pack in use.
    pub fn language(&self) -> &Language {
        &self.lang
    }
}

impl Stage for SentenceRepair {
    fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
        let lang = doc.language_for(&self.lang);
        repair::repair(lang, &self.opts, doc, edits);
    }

    fn name(&self) -> &'static str {
        "sentences"
    }
}

/// Builds a [`SentenceRepair`].
#[derive(Clone, Debug, Default)]
pub struct RepairBuilder {
    lang: Option<Language>,
    opts: RepairOptions,
}

impl RepairBuilder {
    /// The language pack to use. By default, [`Language::english`].
    pub fn language(&mut self, lang: Language) -> &mut Self {
        self.lang = Some(lang);
        self
    }

    /// Whether to split glued sentences (`arenaUnlike` → `arena. Unlike`),
    /// rule `sentences.glued`. By default, this is enabled.
    pub fn glued(&mut self, yes: bool) -> &mut Self {
        self.opts.glued = yes;
        self
    }

    /// Whether to add a missing space after sentence punctuation
    /// (`end.The` → `end. The`), rule `sentences.space`. By default, this
    /// is enabled.
    pub fn missing_space(&mut self, yes: bool) -> &mut Self {
        self.opts.missing_space = yes;
        self
    }

    /// Whether to restore the final period of prose paragraphs, rule
    /// `sentences.final_period`. By default, this is enabled.
    pub fn final_period(&mut self, yes: bool) -> &mut Self {
        self.opts.final_period = yes;
        self
    }

    /// Whether to remove the space before sentence punctuation (`the end
    /// .` → `the end.`), rule `sentences.spacing`. By default, this is
    /// enabled.
    pub fn spacing(&mut self, yes: bool) -> &mut Self {
        self.opts.spacing = yes;
        self
    }

    /// Whether to join the lines of every block shaped like hard-wrapped
    /// text, rule `sentences.unwrap`. By default, this is disabled.
    pub fn unwrap(&mut self, yes: bool) -> &mut Self {
        self.opts.unwrap = yes;
        self
    }

    /// Whether to join the lines of blocks shaped like hard-wrapped text
    /// whose line breaks mostly fall mid-sentence, rule
    /// `sentences.unwrap`. By default, this is enabled.
    pub fn unwrap_evident(&mut self, yes: bool) -> &mut Self {
        self.opts.unwrap_evident = yes;
        self
    }

    /// Whether to remove line-end hyphens inside words (`exam-\nple` →
    /// `example`) in the blocks that are unwrapped, rule
    /// `sentences.dehyphenate`. By default, this is enabled.
    pub fn dehyphenate(&mut self, yes: bool) -> &mut Self {
        self.opts.dehyphenate = yes;
        self
    }

    /// Builds the stage, loading the language pack's lists once.
    pub fn build(&self) -> SentenceRepair {
        SentenceRepair::new(
            self.lang.clone().unwrap_or_else(Language::english),
            self.opts,
        )
    }
}

#[cfg(test)]
mod send_sync {
    fn assert_send_sync<T: Send + Sync + Clone + std::fmt::Debug>() {}

    #[test]
    fn public_types_are_send_sync() {
        assert_send_sync::<crate::SentenceRepair>();
        assert_send_sync::<crate::RepairBuilder>();
        assert_send_sync::<crate::SentenceSplitter>();
        assert_send_sync::<crate::Language>();
        assert_send_sync::<crate::LanguageLists<'static>>();
    }
}
