//! Removes boilerplate lines from text extracted from web pages: ads,
//! navigation, share widgets, comment forms, cookie banners, newsletter
//! prompts and footers.
//!
//! An HTML-to-text step puts each block of a page (heading, paragraph, menu
//! item, button) on its own line. Much of what it emits is not the page's
//! content: "Advertisement", "Share this:", "Leave a Reply", "Home | About |
//! Blog", "© 2024 Example Inc.". This stage removes such lines, whole and
//! with their line ending, and never changes a character inside a line it
//! keeps. It errs on the side of keeping: a removed word of content costs
//! more than a kept word of boilerplate.
//!
//! # Overview
//!
//! - [`BoilerplateRemover`] is the stage (a [`textclean_core::Stage`]):
//!   build it once, use it for any number of documents and threads.
//! - [`BoilerplateBuilder`] configures it: the language, which rule families
//!   run, and the user's own markers.
//! - [`Language`] is the language pack: the markers, phrases and words the
//!   rules use, as data. It is `textclean-core`'s [`LanguagePack`], shared
//!   with the other stages (for English `crates/core/lang/en/`:
//!   `boilerplate_markers.txt`, `boilerplate_phrases.txt`,
//!   `counter_words.txt`, `copyright_words.txt`).
//!
//! A document whose [`Doc::language`] is a shipped pack with another code
//! than the stage's is cleaned with that language's lists: the stage
//! compiles them, with its own options, on the first such document and
//! keeps them (one set per shipped language, at most).
//!
//! # Example
//!
//! ```
//! use textclean_boilerplate::BoilerplateRemover;
//! use textclean_core::Stage;
//!
//! let page = "\
//! Home | News | Sport | Weather
//! Rain expected all week
//!
//! Advertisement
//!
//! Forecasters expect rain across the region until Sunday, with some
//! flooding likely in low-lying areas near the coast.
//!
//! Share this:
//! © 2024 Example News Ltd. All rights reserved.
//! ";
//! let remover = BoilerplateRemover::default();
//! let clean = remover.clean(page);
//! assert_eq!(clean, "\
//! Rain expected all week
//!
//!
//! Forecasters expect rain across the region until Sunday, with some
//! flooding likely in low-lying areas near the coast.
//!
//! ");
//!
//! // Every removal is recorded with its rule and original span.
//! let done = remover.explain(page);
//! assert_eq!(done.changes[0].rule, "boilerplate.navigation");
//! assert_eq!(done.changes[0].original(page), "Home | News | Sport | Weather\n");
//! assert_eq!(done.stats.count("boilerplate.phrase"), 2);
//! assert_eq!(done.stats.count("boilerplate.copyright"), 1);
//! ```
//!
//! Blank lines are left as they are: the facade's layout pass collapses
//! them.
//!
//! # Rules
//!
//! | rule | removes a line that … | example |
//! | --- | --- | --- |
//! | `boilerplate.phrase` | is a known marker, or is mostly made of known boilerplate phrases (the language pack) | `Advertisements`, `Leave a Reply`, `Share this:`, `This website uses cookies. Accept all cookies` |
//! | `boilerplate.navigation` | is three or more short items between separators (`\|` `»` `›` `•` `·`, spaced `/` or `>`) | `Home » Blog » Recipes` |
//! | `boilerplate.copyright` | is a short copyright notice | `© 2024 Example Inc.`, `Copyright 2019 Example` |
//! | `boilerplate.counter` | is only numbers and count words | `0 Comments`, `1.2K Shares` |
//! | `boilerplate.link_run` | is in a run of three or more short lines (at most four words, no closing punctuation: menu items) before the first line of prose (12+ words), or after the last one when a line rule removed a line in or beside the run | `Home` / `About` / `Pricing` at the top of a page; `About Us` / `Careers` / `Privacy Policy` at the bottom |
//!
//! | `boilerplate.block` | is judged boilerplate by the block model, in its place on the page (see below) | a "Most read" list, footer links, teaser headlines of other articles |
//!
//! `boilerplate.phrase` is the phrase family ([`BoilerplateBuilder::phrases`]);
//! the others are the heuristics ([`BoilerplateBuilder::heuristics`]).
//!
//! # The block model
//!
//! Known phrases and menu shapes catch the boilerplate every site writes
//! alike. The rest of a page (headlines of other articles, lists of
//! categories, footer links, product tiles) is made of ordinary words and
//! is told from content only by where it stands and what stands around
//! it. For that, every *block* that no line rule removed (a line, or a
//! hard-wrapped paragraph read as the one line sentence repair will make
//! of it) is scored by a small gradient-boosted tree ensemble
//! (`model/blocks.model`, plain text, about 120 KB) over 39 features: the
//! block's own shape (words, stopword share, how it ends, capitals,
//! digits, symbols, separators, links, prices), the same for the two
//! blocks before and after it and whether a blank line parts them, how
//! much prose the five blocks on each side hold, and where it stands
//! among the page's paragraphs of prose (how many, and how many words,
//! before and after it).
//! [`BoilerplateRemover::block_scores`] shows every block's score and
//! features.
//!
//! - A block's context is the blocks still on the page, so when the model
//!   removes one, its neighbours are judged again, until nothing changes.
//!   What stays is what a second run would keep: the stage is idempotent,
//!   and the work stays linear (each removal re-judges at most ten blocks).
//! - It never removes a block that reads as prose on its own (8 words or
//!   more, a quarter of them stopwords, ending like a sentence) or a block
//!   between two such blocks, or a title or byline at most three blocks
//!   above the first of them (the text's headline); and it does not judge
//!   pages of fewer than eight blocks: a post, a snippet or a short
//!   document has no page around it.
//! - [`Strictness`] sets the score below which a block goes.
//! - The model was trained by `tools/train_boilerplate.py` on the WCXB dev
//!   pages (`examples/block_features.rs` dumps the features), every fifth
//!   page held out. It was also trained on the contexts its own removals
//!   leave (the dump's `--judged` mode), which is what keeps one removal
//!   from dragging the next one along. Its labels keep a page's headline,
//!   which WCXB's gold leaves out (it is a field of its own there): a
//!   cleaned article should keep its title.
//!
//! # Matching
//!
//! Markers and phrases are matched on a line's key: its letters and digits,
//! lower-cased, with every run of anything else (spaces, punctuation,
//! symbols) one space. So `SHARE THIS:` and `Share  this` both match the
//! marker `share this`. A marker must be the whole key (trailing numbers
//! aside: `Comments (3)`). Phrases must cover at least half of the key, so a
//! paragraph that mentions "we use cookies" stays.
//!
//! # Performance
//!
//! All automata are built once, in [`BoilerplateBuilder::build`]. A run
//! finds line ends with `memchr` and looks closely only at short lines (at
//! most 300 bytes for markers and phrases, 1500 for navigation); long lines
//! cost a word count. A line is normalized and matched against the markers
//! and phrases only if it holds, as a word, the longest word of one of
//! them (one case-insensitive automaton pass). The criterion bench (`cargo
//! bench -p textclean-boilerplate --bench boilerplate`) measures about 500
//! MB/s on 1 MB of page text built from an article with a menu and footer,
//! and about 900 MB/s on plain prose; on the WCXB dev pages, which are
//! mostly short lines, about 170 MB/s with the line rules alone
//! (`TEXTCLEAN_BENCH_JSONL` in the facade's `benches/pipeline.rs`). The
//! block model is far slower today (about 11 MB/s on those pages, one
//! core, measured by `eval_wcxb`): each removal re-scores up to ten
//! neighbours with 150 trees. Cost is linear in the input.
//!
//! # Evaluation
//!
//! `examples/eval_wcxb.rs` scores the stage on the WCXB dev pages
//! (bag-of-words P/R/F1 per page, averaged). On the 266 held-out pages it
//! was neither tuned nor trained on, precision goes from 60.2 to 71.5 and
//! recall from 96.4 to 93.2 (F1 70.3 → 77.8; the line rules alone: 73.5),
//! above keeping everything on every page type; must-drop snippets left
//! fall from 86% to 23%.
#![deny(missing_docs)]
#![forbid(unsafe_code)]

mod features;
mod lang;
mod line;
mod model;
mod page;

use std::sync::{Arc, OnceLock};

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind,
};
use textclean_core::{Doc, Edits, Error, ErrorKind, LanguagePack, Stage};

pub use lang::Language;
pub use page::BlockScore;

/// The stage: removes boilerplate lines. See the [crate docs](crate).
///
/// Cheap to clone (the automata are shared), `Send + Sync`. The default is
/// English with all rules on.
#[derive(Clone, Debug)]
pub struct BoilerplateRemover {
    inner: Arc<Compiled>,
}

/// The rules a stage was built with, and those of the other shipped
/// languages, compiled on first use.
#[derive(Debug)]
struct Compiled {
    /// The code of the pack `rules` were compiled from.
    code: String,
    rules: page::Rules,
    options: BoilerplateOptions,
    /// One slot per shipped pack, as [`LanguagePack::codes`]; `None` if
    /// that pack's lists do not compile.
    others: Box<[OnceLock<Option<page::Rules>>]>,
}

impl Compiled {
    /// The rules for a document in `doc`'s language.
    fn rules_for(&self, doc: &Doc<'_>) -> &page::Rules {
        let Some(pack) = doc.language().filter(|p| p.code() != self.code)
        else {
            return &self.rules;
        };
        let Some(slot) = LanguagePack::index_of(pack.code())
            .and_then(|i| self.others.get(i))
        else {
            return &self.rules;
        };
        slot.get_or_init(|| rules(pack, &self.options).ok())
            .as_ref()
            .unwrap_or(&self.rules)
    }
}

impl Default for BoilerplateRemover {
    fn default() -> Self {
        BoilerplateBuilder::default().build()
    }
}

impl BoilerplateRemover {
    /// A builder to configure the stage.
    pub fn builder() -> BoilerplateBuilder {
        BoilerplateBuilder::default()
    }

    /// A stage with this language pack and these options, its automata
    /// compiled here, once.
    ///
    /// # Panics
    ///
    /// When the phrases cannot be compiled; [`try_new`](Self::try_new)
    /// returns that as an error instead.
    pub fn new(lang: Language, options: &BoilerplateOptions) -> Self {
        match Self::try_new(lang, options) {
            Ok(stage) => stage,
            Err(e) => panic!("{e}"),
        }
    }

    /// A stage with this language pack and these options, or an error
    /// naming the option that cannot be used (such as an extra phrase with
    /// no letters or digits, or more phrases than an automaton can hold).
    ///
    /// ```
    /// use textclean_boilerplate::{BoilerplateOptions, BoilerplateRemover, Language};
    /// let options = BoilerplateOptions { extra_phrases: vec!["--".into()], ..Default::default() };
    /// let err = BoilerplateRemover::try_new(Language::english(), &options).unwrap_err();
    /// assert!(err.to_string().contains("`extra_phrases`"), "{err}");
    /// ```
    pub fn try_new(
        lang: Language,
        options: &BoilerplateOptions,
    ) -> Result<Self, Error> {
        if let Some(bad) = options
            .extra_phrases
            .iter()
            .find(|p| !p.chars().any(char::is_alphanumeric))
        {
            return Err(Error::new(
                ErrorKind::InvalidValue,
                format!("the phrase {bad:?} has no letter or digit to match"),
            )
            .in_field("extra_phrases"));
        }
        let rules = rules(&lang, options)?;
        let others = LanguagePack::codes().iter().map(|_| OnceLock::new());
        Ok(BoilerplateRemover {
            inner: Arc::new(Compiled {
                code: lang.code().to_owned(),
                rules,
                options: options.clone(),
                others: others.collect(),
            }),
        })
    }

    /// How the block model (`boilerplate.block`) judged each block of
    /// `text` that no line rule removed, in text order: its score, the
    /// features it read, and whether it was removed (in any round of
    /// judging). What to look at when tuning [`Strictness`].
    ///
    /// Pages of fewer than eight blocks are not judged: their scores are
    /// NaN.
    ///
    /// ```
    /// use textclean_boilerplate::BoilerplateRemover;
    /// let remover = BoilerplateRemover::default();
    /// let prose = "The river rose overnight and the town's main street was \
    ///              under water by dawn, as it was in the spring of 1998.";
    /// let page = format!("Our town\n\n{}\n\nMore stories\nFloods close the school\n", [prose; 6].join("\n\n"));
    /// let scores = remover.block_scores(&page);
    /// assert!(scores.len() >= 8);
    /// let paragraphs = scores.iter().filter(|b| page[b.span.clone()].contains("river"));
    /// assert!(paragraphs.clone().all(|b| !b.removed && b.score.is_finite()));
    /// assert_eq!(paragraphs.count(), 6);
    /// let names = BoilerplateRemover::block_feature_names();
    /// assert_eq!(names.len(), scores[0].features.len());
    /// ```
    pub fn block_scores(&self, text: &str) -> Vec<BlockScore> {
        self.inner.rules.block_scores(&Doc::new(text), false)
    }

    /// Like [`block_scores`](Self::block_scores), but every block scored
    /// with all the others around it, none removed: the features the model
    /// is trained on (`examples/block_features.rs`).
    #[doc(hidden)]
    pub fn block_scores_unjudged(&self, text: &str) -> Vec<BlockScore> {
        self.inner.rules.block_scores(&Doc::new(text), true)
    }

    /// The names of the block features, in the order of
    /// [`BlockScore::features`].
    pub fn block_feature_names() -> Vec<String> {
        features::names()
    }

    /// The language pack's code the stage was built with, such as `en`.
    pub fn language_code(&self) -> &str {
        &self.inner.code
    }
}

/// Compiles the rules of `lang` (its lists normalized: see
/// [Matching](crate#matching)) with `options`.
fn rules(
    lang: &Language,
    options: &BoilerplateOptions,
) -> Result<page::Rules, Error> {
    let mut phrases: Vec<String> = Vec::new();
    let mut markers: Option<AhoCorasick> = None;
    let marker_list = lang::clean_list(lang.boilerplate_markers());
    if options.phrases {
        markers = automaton(&marker_list, StartKind::Anchored)?;
        phrases = lang::clean_list(lang.boilerplate_phrases());
    }
    for extra in lang::clean_list(&options.extra_phrases) {
        if !phrases.contains(&extra) {
            phrases.push(extra);
        }
    }
    let heuristics = options.heuristics.then(|| page::Heuristics {
        counters: lang::clean_list(lang.counter_words()),
        copyright: lang::clean_list(lang.copyright_words()),
    });
    let mut entries: Vec<&String> = phrases.iter().collect();
    if options.phrases {
        entries.extend(&marker_list);
    }
    if let Some(h) = &heuristics {
        entries.extend(h.counters.iter().chain(&h.copyright));
    }
    let anchors = anchor_automaton(&entries)?;
    let phrases = automaton(&phrases, StartKind::Unanchored)?;
    let model = options
        .heuristics
        .then(|| (block_model(), options.strictness.threshold()));
    Ok(page::Rules {
        anchors,
        markers,
        phrases,
        heuristics,
        model,
        lang: lang.clone(),
    })
}

/// The shipped block model (`model/blocks.model`), parsed once.
fn block_model() -> &'static model::Model {
    static MODEL: OnceLock<model::Model> = OnceLock::new();
    MODEL.get_or_init(|| {
        let text = include_str!("../model/blocks.model");
        // The file is checked in and tested; it cannot fail to parse.
        model::Model::parse(text, &features::names())
            .unwrap_or_else(|e| panic!("{e}"))
    })
}

impl Stage for BoilerplateRemover {
    fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
        self.inner.rules_for(doc).rewrite(doc, edits);
    }

    fn name(&self) -> &'static str {
        "boilerplate"
    }
}

/// Configures a [`BoilerplateRemover`].
///
/// ```
/// use textclean_boilerplate::{BoilerplateRemover, Language};
/// use textclean_core::Stage;
///
/// let remover = BoilerplateRemover::builder()
///     .language(Language::english())
///     .heuristics(false)
///     .extra_phrases(["Subscribe to The Daily Example"])
///     .build();
/// let text = "News\nSubscribe to the daily example!\nHome | About | Blog\n";
/// assert_eq!(remover.clean(text), "News\nHome | About | Blog\n");
/// ```
#[derive(Clone, Debug, Default)]
pub struct BoilerplateBuilder {
    language: Option<Language>,
    options: BoilerplateOptions,
}

/// Which rules a [`BoilerplateRemover`] applies: plain data, to keep in a
/// configuration file (with the `serde` feature) or to set field by field.
///
/// Each field is documented on the [`BoilerplateBuilder`] setter of the
/// same name. By default every rule is on and there are no extra phrases.
///
/// ```
/// use textclean_boilerplate::{BoilerplateOptions, BoilerplateRemover, Language};
/// use textclean_core::Stage;
///
/// let options = BoilerplateOptions {
///     heuristics: false,
///     extra_phrases: vec!["Promoted".into()],
///     ..BoilerplateOptions::default()
/// };
/// let remover = BoilerplateRemover::new(Language::english(), &options);
/// assert_eq!(remover.clean("Promoted\nNews of the day\n"), "News of the day\n");
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(default, deny_unknown_fields)
)]
pub struct BoilerplateOptions {
    /// `boilerplate.phrase` with the language's markers and phrases.
    pub phrases: bool,
    /// The line heuristics: navigation, copyright, counters, link runs.
    pub heuristics: bool,
    /// The user's own phrases, removed as `boilerplate.phrase`.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Vec::is_empty")
    )]
    pub extra_phrases: Vec<String>,
    /// How readily the block model removes a block.
    pub strictness: Strictness,
}

impl Default for BoilerplateOptions {
    fn default() -> BoilerplateOptions {
        BoilerplateOptions {
            phrases: true,
            heuristics: true,
            extra_phrases: Vec::new(),
            strictness: Strictness::default(),
        }
    }
}

/// How readily the block model (`boilerplate.block`) removes a block: the
/// trade between content lost and boilerplate left. The line rules do not
/// depend on it.
///
/// ```
/// use textclean_boilerplate::Strictness;
/// assert_eq!(Strictness::default(), Strictness::Balanced);
/// assert_eq!("precision".parse::<Strictness>(), Ok(Strictness::Precision));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
#[cfg_attr(
    feature = "serde",
    derive(serde::Serialize, serde::Deserialize),
    serde(rename_all = "lowercase")
)]
pub enum Strictness {
    /// Removes a block only when the model is sure: for corpora where
    /// losing content is worst.
    Precision,
    /// The best F1 on the development pages.
    #[default]
    Balanced,
    /// Removes a block unless the model is fairly sure it is content.
    Recall,
}

impl Strictness {
    /// The log-odds of being content below which a block is removed.
    fn threshold(self) -> f32 {
        match self {
            Strictness::Precision => -1.5,
            Strictness::Balanced => -0.5,
            Strictness::Recall => 1.0,
        }
    }
}

impl std::str::FromStr for Strictness {
    type Err = Error;

    fn from_str(s: &str) -> Result<Strictness, Error> {
        match s {
            "precision" => Ok(Strictness::Precision),
            "balanced" => Ok(Strictness::Balanced),
            "recall" => Ok(Strictness::Recall),
            _ => Err(Error::new(
                ErrorKind::InvalidValue,
                format!(
                    "unknown strictness {s:?}: expected precision, \
                     balanced or recall"
                ),
            )
            .in_field("strictness")),
        }
    }
}

impl BoilerplateBuilder {
    /// Sets the language pack.
    ///
    /// By default, this is [`Language::english`].
    pub fn language(&mut self, lang: Language) -> &mut Self {
        self.language = Some(lang);
        self
    }

    /// Turns the phrase rule (`boilerplate.phrase`, the language's markers
    /// and phrases) on or off. The user's [extra
    /// phrases](Self::extra_phrases) apply either way.
    ///
    /// By default, this is enabled.
    pub fn phrases(&mut self, yes: bool) -> &mut Self {
        self.options.phrases = yes;
        self
    }

    /// Turns the line heuristics (`boilerplate.navigation`, `.copyright`,
    /// `.counter`, `.link_run`) on or off.
    ///
    /// By default, this is enabled.
    pub fn heuristics(&mut self, yes: bool) -> &mut Self {
        self.options.heuristics = yes;
        self
    }

    /// Adds the user's own boilerplate phrases, matched like the language's
    /// contained phrases and removed as `boilerplate.phrase`: a line goes
    /// when such phrases make up at least half of it. Calls add up.
    ///
    /// By default, there are none.
    pub fn extra_phrases<I, S>(&mut self, phrases: I) -> &mut Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        self.options.extra_phrases.extend(phrases.into_iter().map(Into::into));
        self
    }

    /// Sets how readily the block model removes a block.
    ///
    /// By default, this is [`Strictness::Balanced`].
    pub fn strictness(&mut self, strictness: Strictness) -> &mut Self {
        self.options.strictness = strictness;
        self
    }

    /// Builds the stage, compiling its automata.
    pub fn build(&self) -> BoilerplateRemover {
        match &self.language {
            Some(lang) => BoilerplateRemover::new(lang.clone(), &self.options),
            None => {
                BoilerplateRemover::new(Language::english(), &self.options)
            }
        }
    }
}

/// The longest word of each normalized entry, found ASCII
/// case-insensitively in raw lines; none when a word is not ASCII (case
/// folding would then miss it) or there are no entries.
fn anchor_automaton(
    entries: &[&String],
) -> Result<Option<AhoCorasick>, Error> {
    let mut words: Vec<&str> = entries
        .iter()
        // The first of the longest words: later ones in a tie are more
        // often common words ("like this", "learn more").
        .filter_map(|e| e.split(' ').rev().max_by_key(|w| w.len()))
        .filter(|w| !w.is_empty())
        .collect();
    if words.is_empty() || words.iter().any(|w| !w.is_ascii()) {
        return Ok(None);
    }
    words.sort_unstable();
    words.dedup();
    let mut builder = AhoCorasickBuilder::new();
    builder.ascii_case_insensitive(true);
    build(&mut builder, &words).map(Some)
}

/// Builds a DFA (fastest for short keys searched often), or, when the
/// patterns are too many for one, whatever automaton fits them.
fn build(
    builder: &mut AhoCorasickBuilder,
    patterns: &[impl AsRef<[u8]>],
) -> Result<AhoCorasick, Error> {
    builder
        .kind(Some(AhoCorasickKind::DFA))
        .build(patterns)
        .or_else(|_| builder.kind(None).build(patterns))
        .map_err(|e| {
            Error::new(ErrorKind::InvalidValue, e.to_string())
                .in_field("extra_phrases")
        })
}

/// A leftmost-longest automaton over `patterns`, or none for no patterns.
fn automaton(
    patterns: &[String],
    start: StartKind,
) -> Result<Option<AhoCorasick>, Error> {
    if patterns.is_empty() {
        return Ok(None);
    }
    let mut builder = AhoCorasickBuilder::new();
    builder.match_kind(MatchKind::LeftmostLongest).start_kind(start);
    build(&mut builder, patterns).map(Some)
}

#[cfg(test)]
mod tests;

/// The README's example, run as a doc test so it cannot rot.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
