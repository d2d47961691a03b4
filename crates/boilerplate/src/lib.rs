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
//! - [`CorpusModel`] holds the lines that recur across a corpus, globally
//!   and per site; a [`Learner`] builds one in a streaming pass, and
//!   [`BoilerplateBuilder::corpus_model`] (or the `corpus_model` option)
//!   turns on `boilerplate.corpus` with it. None ships: it is learned from
//!   the user's own corpus.
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
//! | `boilerplate.consent` | is a cookie or consent banner of 48 to 1,000 bytes: a subject of the pack's `consent_words.txt`, the site's voice (`we`, `our`) and two of its other words; an article about cookies is not written in the voice of the site that sets them | `We use cookies to improve your experience. By continuing to browse, you agree to our cookie policy.` |
//! | `boilerplate.link_run` | is in a run of three or more short lines (at most four words, no closing punctuation: menu items) before the first line of prose (12+ words), or after the last one when a line rule removed a line in or beside the run | `Home` / `About` / `Pricing` at the top of a page; `About Us` / `Careers` / `Privacy Policy` at the bottom |
//!
//! | `boilerplate.block` | is judged boilerplate by the block model, in its place on the page (see below) | a "Most read" list, footer links, teaser headlines of other articles |
//! | `boilerplate.corpus` | recurs, by a [`CorpusModel`], on at least half of its site's documents (sites of 3 or more), or on 10% of all documents and at least 10 (see below); only with a model | a site's own header `Riverside Bakery` / `Order by 2 pm for next-day pickup` on every page of the site |
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
//! (`model/blocks.model`, plain text, about 90 KB) over 39 features: the
//! block's own shape (words, stopword share, how it ends, capitals,
//! digits, symbols, separators, links, prices), the same for the two
//! blocks before and after it and whether a blank line parts them, how
//! much prose the five blocks on each side hold, and where it stands
//! beside the page's main content (how many of its paragraphs, and how
//! many words, before and after it). The main content is the run of
//! blocks that read as prose (8 words or more, a quarter of them
//! stopwords, ending like a sentence), at most three other blocks apart,
//! that holds the most words.
//! [`BoilerplateRemover::block_scores`] shows every block's score and
//! features.
//!
//! - A block's context is the blocks still on the page, so when the model
//!   removes one, its neighbours are judged again, until nothing changes.
//!   What stays is what a second run would keep: the stage is idempotent,
//!   and the work stays linear (each removal re-judges at most ten blocks).
//! - It never removes the main content's paragraphs, a block between two
//!   blocks of prose, or a title or byline at most three blocks above the
//!   main content (the text's headline); and it does not judge pages of
//!   fewer than eight blocks: a post, a snippet or a short document has no
//!   page around it. Prose outside the main content (comments, an author's
//!   box, a teaser of another story, a cookie notice) goes only when it
//!   scores half a log-odds below the threshold, and never above −0.5.
//!   When removals bring the main content's paragraphs together, the page
//!   is judged again with the grown main content.
//! - [`Strictness`] sets the score below which a block goes.
//! - The model was trained by `tools/train_boilerplate.py` on the WCXB dev
//!   pages (`examples/block_features.rs` dumps the features), every fifth
//!   page held out. It was also trained on the contexts its own removals
//!   leave (the dump's `--judged` mode), which is what keeps one removal
//!   from dragging the next one along. Its labels keep a page's headline,
//!   which WCXB's gold leaves out (it is a field of its own there): a
//!   cleaned article should keep its title.
//!
//! # The corpus model
//!
//! A site's template is written once and shown on every page, in the
//! site's own words: no phrase list has it, but counting finds it. A
//! [`CorpusModel`] counts, for each line (case folded, digits folded to
//! `0`, punctuation and spaces dropped: [`line_hash`]), how many documents
//! of a corpus hold it, and how many of each site's (the host of the
//! document's URL, [`textclean_core::Meta::url`]). Given one, the stage
//! removes a line that is on at least
//! [`corpus_site_percent`](BoilerplateOptions::corpus_site_percent) of its
//! site's documents (50 by default, for sites of at least 3), or on at
//! least [`corpus_global_percent`](BoilerplateOptions::corpus_global_percent)
//! of all documents (10 by default) and at least 10 of them. The rule is a
//! line rule, a pure function of the line's key and the document's site,
//! and it also reads a hard-wrapped paragraph as the one line sentence
//! repair will make of it: cleaning twice removes what cleaning once
//! does. Learning is one pass with bounded memory (a pruned hashed-count
//! table that only ever under-counts: see [`CorpusModel`]); the model file
//! is small, versioned and checked ([`CorpusModel::save`]), and a bad one
//! is an error, never a panic.
//!
//! ```
//! use std::sync::Arc;
//! use textclean_boilerplate::{BoilerplateRemover, CorpusModel, Learner, LearnOptions};
//! use textclean_core::{Doc, Meta, Record};
//!
//! let mut learner = Learner::new(LearnOptions::default());
//! for day in ["Monday", "Tuesday", "Wednesday"] {
//!     let page = format!("Harbour Radio: the bay's own station\nOn {day} the ferry ran late.\n");
//!     learner.add(&page, Some("https://radio.example/news"));
//! }
//! let model = CorpusModel::from_bytes(&learner.finish().to_bytes()).unwrap();
//! let remover = BoilerplateRemover::builder().corpus_model(Arc::new(model)).build();
//! let meta = Meta::default().with_url("https://radio.example/weather");
//! let page = "Harbour Radio: the bay's own station\nFog until noon.\n";
//! let done = remover.run_doc(&Doc::new(page).with_meta(&meta), Record::Changes);
//! assert_eq!(done.text, "Fog until noon.\n");
//! assert_eq!(done.changes[0].rule, "boilerplate.corpus");
//! ```
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
//! them (one case-insensitive automaton pass). A block's own features
//! are read eight bytes at a time on ASCII text, kept from one judging
//! round to the next, and its stopwords looked up in a packed table; the
//! block model then scores each block no rule removed with its 75 trees.
//! The criterion bench (`cargo bench -p textclean-boilerplate --bench
//! boilerplate`, one core, 2026-12-03) measures 157 MiB/s on 1 MB of page
//! text built from an article with a menu and footer (`clean/page-1MB`),
//! 212 MiB/s on plain prose (`clean/prose-1MB`), and 38 MiB/s on the WCXB
//! dev pages (`clean_with_model/dev-pages-19MB-without`; 22 MiB/s at the
//! start of that day), which are mostly short lines, each a block: there
//! scoring with the trees, reading each block and the line rules each cost
//! about a quarter to a third of the run.
//! Cost is linear in the input.
//!
//! The corpus rule costs one hash of each line (no allocation) and at most
//! two table probes; learning a model runs at about 330 MiB/s on a
//! synthetic crawl and 110 MiB/s on the dev pages, which are mostly short
//! lines (`boilerplate/learn` in the bench, one core of a shared machine;
//! `boilerplate/clean_with_model` measures cleaning with one).
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

mod corpus;
mod features;
mod lang;
mod line;
mod model;
mod page;

use std::path::PathBuf;
use std::sync::{Arc, OnceLock};

use aho_corasick::{
    AhoCorasick, AhoCorasickBuilder, AhoCorasickKind, MatchKind, StartKind,
};
use textclean_core::{
    Doc, Edits, Error, ErrorKind, Judgement, LanguagePack, Record, Rewritten,
    Stage,
};

pub use corpus::{
    CorpusModel, LearnOptions, Learner, ModelError, ModelErrorKind, line_hash,
};
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
    /// The corpus model, loaded once, shared by every language's rules.
    corpus: Option<Arc<CorpusModel>>,
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
        slot.get_or_init(|| rules(pack, &self.options, &self.corpus).ok())
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
    /// no letters or digits, more phrases than an automaton can hold, or a
    /// [`corpus_model`](BoilerplateOptions::corpus_model) file that cannot
    /// be read: the error names the file). The corpus model is loaded here,
    /// once.
    ///
    /// ```
    /// use textclean_boilerplate::{BoilerplateOptions, BoilerplateRemover, Language};
    /// let options = BoilerplateOptions { extra_phrases: vec!["--".into()], ..Default::default() };
    /// let err = BoilerplateRemover::try_new(Language::english(), &options).unwrap_err();
    /// assert!(err.to_string().contains("`extra_phrases`"), "{err}");
    ///
    /// let options = BoilerplateOptions { corpus_model: Some("missing.model".into()), ..Default::default() };
    /// let err = BoilerplateRemover::try_new(Language::english(), &options).unwrap_err();
    /// assert!(err.to_string().starts_with("`corpus_model`: missing.model: cannot read it"), "{err}");
    /// ```
    pub fn try_new(
        lang: Language,
        options: &BoilerplateOptions,
    ) -> Result<Self, Error> {
        let corpus = match &options.corpus_model {
            Some(path) => {
                Some(Arc::new(CorpusModel::load(path).map_err(|e| {
                    Error::new(ErrorKind::InvalidValue, e.to_string())
                        .in_field("corpus_model")
                })?))
            }
            None => None,
        };
        Self::with_corpus(lang, options, corpus)
    }

    /// [`try_new`](Self::try_new) with a corpus model already loaded
    /// (which replaces the options' file, if they name one).
    fn with_corpus(
        lang: Language,
        options: &BoilerplateOptions,
        corpus: Option<Arc<CorpusModel>>,
    ) -> Result<Self, Error> {
        for (field, percent) in [
            ("corpus_site_percent", options.corpus_site_percent),
            ("corpus_global_percent", options.corpus_global_percent),
        ] {
            if !(1..=100).contains(&percent) {
                return Err(Error::new(
                    ErrorKind::InvalidValue,
                    format!("{percent} is not a percentage from 1 to 100"),
                )
                .in_field(field));
            }
        }
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
        let rules = rules(&lang, options, &corpus)?;
        let others = LanguagePack::codes().iter().map(|_| OnceLock::new());
        Ok(BoilerplateRemover {
            inner: Arc::new(Compiled {
                code: lang.code().to_owned(),
                rules,
                options: options.clone(),
                corpus,
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

    /// Runs the stage on a document with its metadata (its URL, which
    /// names its site for `boilerplate.corpus`), recording what `record`
    /// asks for. [`Stage::run`] is this for a document of text alone.
    pub fn run_doc<'a>(&self, doc: &Doc<'a>, record: Record) -> Rewritten<'a> {
        let mut edits = Edits::new(self.name(), doc.text(), record);
        self.rewrite(doc, &mut edits);
        edits.finish()
    }

    /// The same stage with another corpus model, or none: its automata are
    /// shared, not compiled again (to swap models often, or one per
    /// batch).
    ///
    /// ```
    /// use std::sync::Arc;
    /// use textclean_boilerplate::{BoilerplateRemover, CorpusModel};
    /// let plain = BoilerplateRemover::default();
    /// let with = plain.with_corpus_model(Some(Arc::new(CorpusModel::default())));
    /// assert_eq!(with.corpus_model().map(|m| m.documents()), Some(0));
    /// assert!(with.with_corpus_model(None).corpus_model().is_none());
    /// ```
    pub fn with_corpus_model(
        &self,
        model: Option<Arc<CorpusModel>>,
    ) -> BoilerplateRemover {
        let inner = &self.inner;
        let mut rules = inner.rules.clone();
        rules.corpus = model.as_ref().map(|m| corpus_rule(m, &inner.options));
        let others = LanguagePack::codes().iter().map(|_| OnceLock::new());
        BoilerplateRemover {
            inner: Arc::new(Compiled {
                code: inner.code.clone(),
                rules,
                options: inner.options.clone(),
                corpus: model,
                others: others.collect(),
            }),
        }
    }

    /// The corpus model the stage was built with, if any.
    pub fn corpus_model(&self) -> Option<&Arc<CorpusModel>> {
        self.inner.corpus.as_ref()
    }
}

/// Compiles the rules of `lang` (its lists normalized: see
/// [Matching](crate#matching)) with `options`.
fn rules(
    lang: &Language,
    options: &BoilerplateOptions,
    corpus: &Option<Arc<CorpusModel>>,
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
        consent: line::Consent::new(lang.consent_words()),
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
        corpus: corpus.as_ref().map(|model| corpus_rule(model, options)),
    })
}

/// The `boilerplate.corpus` rule of `model` with the thresholds of
/// `options`.
fn corpus_rule(
    model: &Arc<CorpusModel>,
    options: &BoilerplateOptions,
) -> corpus::CorpusRule {
    corpus::CorpusRule {
        model: Arc::clone(model),
        min_site_docs: u64::from(options.corpus_min_site_docs),
        site_percent: u64::from(options.corpus_site_percent),
        min_docs: u64::from(options.corpus_min_docs),
        global_percent: u64::from(options.corpus_global_percent),
    }
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

    /// The block model's judgement of every block it saw
    /// ([`block_scores`](Self::block_scores)), as `boilerplate.block`.
    fn judge(&self, doc: &Doc<'_>) -> Vec<Judgement> {
        let names = features::static_names();
        let scores = self.inner.rules_for(doc).block_scores(doc, false);
        scores
            .into_iter()
            .map(|b| Judgement {
                stage: "boilerplate",
                rule: page::BLOCK,
                span: b.span,
                score: b.score,
                removed: b.removed,
                kept_by: b.kept_by,
                features: names.iter().copied().zip(b.features).collect(),
            })
            .collect()
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
    corpus: Option<Arc<CorpusModel>>,
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
    /// A corpus model file (`textclean learn`), loaded when the stage is
    /// built, for `boilerplate.corpus` (a relative path is read from the
    /// current directory). By default there is none and the rule is off.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "Option::is_none")
    )]
    pub corpus_model: Option<PathBuf>,
    /// A line on at least this percentage of its site's documents is
    /// removed (see [`BoilerplateBuilder::corpus_site`]); 50 by default.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "is_default_site_percent")
    )]
    pub corpus_site_percent: u8,
    /// The per-site rule applies to sites of at least this many documents
    /// in the model; 3 by default.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "is_default_min_site_docs")
    )]
    pub corpus_min_site_docs: u32,
    /// A line on at least this percentage of all documents is removed
    /// (see [`BoilerplateBuilder::corpus_global`]); 10 by default.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "is_default_global_percent")
    )]
    pub corpus_global_percent: u8,
    /// … if it is on at least this many documents; 10 by default.
    #[cfg_attr(
        feature = "serde",
        serde(skip_serializing_if = "is_default_min_docs")
    )]
    pub corpus_min_docs: u32,
}

/// The defaults of the corpus rule's thresholds: see
/// [`BoilerplateBuilder::corpus_site`] and
/// [`BoilerplateBuilder::corpus_global`].
const CORPUS_SITE_PERCENT: u8 = 50;
const CORPUS_MIN_SITE_DOCS: u32 = 3;
const CORPUS_GLOBAL_PERCENT: u8 = 10;
const CORPUS_MIN_DOCS: u32 = 10;

#[cfg(feature = "serde")]
fn is_default_site_percent(n: &u8) -> bool {
    *n == CORPUS_SITE_PERCENT
}

#[cfg(feature = "serde")]
fn is_default_min_site_docs(n: &u32) -> bool {
    *n == CORPUS_MIN_SITE_DOCS
}

#[cfg(feature = "serde")]
fn is_default_global_percent(n: &u8) -> bool {
    *n == CORPUS_GLOBAL_PERCENT
}

#[cfg(feature = "serde")]
fn is_default_min_docs(n: &u32) -> bool {
    *n == CORPUS_MIN_DOCS
}

impl Default for BoilerplateOptions {
    fn default() -> BoilerplateOptions {
        BoilerplateOptions {
            phrases: true,
            heuristics: true,
            extra_phrases: Vec::new(),
            strictness: Strictness::default(),
            corpus_model: None,
            corpus_site_percent: CORPUS_SITE_PERCENT,
            corpus_min_site_docs: CORPUS_MIN_SITE_DOCS,
            corpus_global_percent: CORPUS_GLOBAL_PERCENT,
            corpus_min_docs: CORPUS_MIN_DOCS,
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
    /// losing content is worst (on the WCXB dev pages, word precision
    /// 69.4, recall 96.9, F1 77.6).
    Precision,
    /// The best F1 on the development pages (76.4, 93.9, 81.6).
    #[default]
    Balanced,
    /// Removes a block unless the model is fairly sure it is content
    /// (80.2, 84.6, 79.4). Prose outside the main content still goes only
    /// below −0.5.
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

    /// Turns on `boilerplate.corpus` with a corpus model (learned by a
    /// [`Learner`], or [`CorpusModel::load`]ed): lines that recur across
    /// the documents of the model's corpus are removed, by the thresholds
    /// of [`corpus_site`](Self::corpus_site) and
    /// [`corpus_global`](Self::corpus_global). The model is shared, not
    /// copied. Documents name their site by their URL
    /// ([`textclean_core::Meta::url`]).
    ///
    /// ```
    /// use std::sync::Arc;
    /// use textclean_boilerplate::{BoilerplateRemover, CorpusModel};
    /// use textclean_core::{Doc, Meta, Record};
    ///
    /// let pages: Vec<String> = (1..=4)
    ///     .map(|i| format!("Garden Notes by Ann\nWeek {i}: the beans are up, and so are the weeds.\n"))
    ///     .collect();
    /// let model = CorpusModel::learn(pages.iter().map(|p| (p.as_str(), Some("https://garden.example/"))));
    /// let remover = BoilerplateRemover::builder().corpus_model(Arc::new(model)).build();
    ///
    /// let meta = Meta::default().with_url("https://garden.example/week-5");
    /// let page = "Garden Notes by Ann\nWeek 5: rain at last.\n";
    /// let done = remover.run_doc(&Doc::new(page).with_meta(&meta), Record::Changes);
    /// assert_eq!(done.text, "Week 5: rain at last.\n");
    /// assert_eq!(done.changes[0].rule, "boilerplate.corpus");
    /// // Another site's page keeps the line: it is not that site's template.
    /// let other = Meta::default().with_url("https://elsewhere.example/");
    /// let done = remover.run_doc(&Doc::new(page).with_meta(&other), Record::Nothing);
    /// assert_eq!(done.text, page);
    /// ```
    ///
    /// By default, there is no corpus model and the rule is off.
    pub fn corpus_model(&mut self, model: Arc<CorpusModel>) -> &mut Self {
        self.corpus = Some(model);
        self
    }

    /// Sets the per-site threshold of `boilerplate.corpus`: a line goes
    /// when it is on at least `percent` percent of its site's documents
    /// (and on two at least), for sites of at least `min_docs` documents
    /// in the model. A site's template is on nearly every page, its
    /// articles' lines on one: a half leaves room for templates that
    /// change over time. `percent` is clamped to 1..=100.
    ///
    /// By default, this is 50 percent of sites of at least 3 documents.
    pub fn corpus_site(&mut self, min_docs: u32, percent: u8) -> &mut Self {
        self.options.corpus_min_site_docs = min_docs;
        self.options.corpus_site_percent = percent.clamp(1, 100);
        self
    }

    /// Sets the corpus-wide threshold of `boilerplate.corpus`: a line goes
    /// when it is on at least `percent` percent of all documents of the
    /// model and on at least `min_docs` of them (never fewer than 2), from
    /// whatever site: for documents with no URL, and for lines that every
    /// site writes. `percent` is clamped to 1..=100.
    ///
    /// By default, this is 10 percent and at least 10 documents.
    pub fn corpus_global(&mut self, min_docs: u32, percent: u8) -> &mut Self {
        self.options.corpus_min_docs = min_docs;
        self.options.corpus_global_percent = percent.clamp(1, 100);
        self
    }

    /// Builds the stage, compiling its automata.
    pub fn build(&self) -> BoilerplateRemover {
        let lang = self.language.clone().unwrap_or_else(Language::english);
        let built = match &self.corpus {
            Some(model) => BoilerplateRemover::with_corpus(
                lang,
                &self.options,
                Some(Arc::clone(model)),
            ),
            None => BoilerplateRemover::try_new(lang, &self.options),
        };
        built.unwrap_or_else(|e| panic!("{e}"))
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
