//! Pipelines: stages chained in order, built once, used many times.

use std::borrow::Cow;
use std::cell::RefCell;
use std::fmt;
use std::sync::Arc;

use rayon::prelude::*;
use textclean_core::{
    Block, Change, Doc, Document, Edits, Judgement, LanguagePack, Lines,
    Record, SpanMap, Stage, Stats,
};

use crate::{Config, Error, Layout, PipelineLanguage, Preset};

/// Stages chained in order, between the head and tail [`Layout`] passes.
///
/// Build one once and reuse it: it is cheap to clone and share across
/// threads. Each thread keeps the buffers a run writes into, so cleaning
/// many documents allocates little more than their outputs.
///
/// ```
/// use textclean::{Pipeline, Preset};
///
/// let web = Pipeline::preset(Preset::Web);
/// let text = "Title\n\nAdvertisements\n\nIt works\u{a0}well, as far as we can tell in practice today";
/// assert_eq!(
///     web.clean(text),
///     "Title\n\nIt works well, as far as we can tell in practice today.\n"
/// );
/// ```
#[derive(Clone)]
pub struct Pipeline {
    /// Every pass in order: the head layout pass (if any), the stages, the
    /// tail layout pass (if any).
    stages: Vec<Step>,
    /// How each document gets its language pack.
    language: PipelineLanguage,
}

/// One pass of a pipeline, and what settles the structure after it.
#[derive(Clone)]
struct Step {
    stage: Arc<dyn Stage>,
    /// The head layout rules, run again when the stage's edits may have
    /// unsettled the structure ([`Rewritten::unsettled`]) and stages
    /// follow: a stage may make a line ending (`&#13;`) or a trailing space
    /// (an invisible character removed at a line end), and the stages after
    /// it must see settled structure as on a second run.
    ///
    /// [`Rewritten::unsettled`]: textclean_core::Rewritten::unsettled
    settle: Option<Arc<Layout>>,
}

/// What a pipeline did to one document.
///
/// Offsets are in bytes; [`CharIndex`](textclean_core::CharIndex) turns
/// them into character offsets for callers that count characters, such as
/// Python:
///
/// ```
/// use textclean::{CharIndex, Pipeline};
///
/// let input = "Caf\u{e9}\u{a0}cr\u{e8}me";
/// let report = Pipeline::default().explain(input);
/// let change = &report.changes[0];
/// assert_eq!(change.rule, "space.odd");
/// assert_eq!(change.span, 5..7, "bytes");
/// assert_eq!(CharIndex::new(input).to_char_range(change.span.clone()), 4..5);
/// // An offset of the output, in characters, back to the input's.
/// let (out, source) = (CharIndex::new(&report.text), CharIndex::new(input));
/// let at = out.to_byte(5); // "cr\u{e8}me" starts at character 5
/// assert_eq!(source.to_char(report.map.to_source(at)), 5);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Report {
    /// The cleaned text.
    pub text: String,
    /// Every change, in the order the stages made them. Each one's
    /// [`span`](Change::span) is in the original input; applying them in
    /// order, each at its [`at`](Change::at), turns the input into `text`
    /// ([`textclean_core::replay`]).
    pub changes: Vec<Change>,
    /// Counts per rule, bytes in and out.
    pub stats: Stats,
    /// Maps offsets in `text` back to the original input and forward.
    pub map: SpanMap,
    /// The document's block attributes, moved onto `text`; blocks whose
    /// text was removed are gone.
    pub blocks: Vec<Block>,
    /// How stages that decide by score judged parts of the input, spans in
    /// the original input: filled by [`Pipeline::run_judged`], empty
    /// otherwise.
    pub judgements: Vec<Judgement>,
}

/// The buffers one thread's runs write into, lent to each stage in turn.
#[derive(Default)]
struct Buffers {
    /// An output buffer no text is in.
    spare: String,
    /// The line index's allocations.
    lines: Lines,
}

thread_local! {
    static BUFFERS: RefCell<Buffers> = RefCell::default();
}

/// Runs `f` with this thread's buffers (fresh ones when a stage runs a
/// pipeline inside a pipeline).
fn with_buffers<T>(f: impl FnOnce(&mut Buffers) -> T) -> T {
    let mut buffers = BUFFERS
        .with(|b| b.try_borrow_mut().map(|mut b| std::mem::take(&mut *b)))
        .unwrap_or_default();
    let result = f(&mut buffers);
    BUFFERS.with(|b| {
        if let Ok(mut b) = b.try_borrow_mut() {
            *b = buffers;
        }
    });
    result
}

impl Pipeline {
    /// A pipeline to compose in code.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder {
            stages: Vec::new(),
            layout: true,
            language: PipelineLanguage::default(),
        }
    }

    /// The pipeline a preset names.
    pub fn preset(preset: Preset) -> Pipeline {
        crate::Registry::builtin().preset(preset)
    }

    /// The pipeline a configuration describes, with textclean's own stage
    /// kinds; see [`Registry`](crate::Registry) for your own.
    pub fn from_config(config: &Config) -> Result<Pipeline, Error> {
        crate::Registry::builtin().build(config)
    }

    /// The pipeline a TOML configuration describes; see [`Config`].
    pub fn from_toml(text: &str) -> Result<Pipeline, Error> {
        Pipeline::from_config(&Config::from_toml(text)?)
    }

    /// The pipeline a JSON configuration describes: the same schema as
    /// TOML, and the same errors.
    pub fn from_json(text: &str) -> Result<Pipeline, Error> {
        Pipeline::from_config(&Config::from_json(text)?)
    }

    /// How the pipeline gives each document its language pack.
    pub fn language(&self) -> &PipelineLanguage {
        &self.language
    }

    /// The names of the passes, in order, the layout passes included.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.stage.name()).collect()
    }

    /// Cleans `input`. Borrowed when no stage changed anything.
    pub fn clean<'a>(&self, input: &'a str) -> Cow<'a, str> {
        // The output leaves in the buffer it was written in: no copy.
        with_buffers(|buffers| {
            let mut sink = Sink::new(Record::Nothing, false);
            self.pass(&Document::new(input), buffers, &mut sink)
        })
    }

    /// Cleans `input` and appends the result to `out`: with a buffer the
    /// caller reuses, a run allocates nothing once the buffers have grown.
    /// Returns whether anything changed.
    ///
    /// ```
    /// let pipeline = textclean::Pipeline::default();
    /// let mut out = String::new();
    /// for doc in ["caf\u{e9}\u{a0}noir", "fine\n"] {
    ///     out.clear();
    ///     pipeline.clean_into(doc, &mut out);
    ///     assert!(out.ends_with('\n') && !out.contains('\u{a0}'));
    /// }
    /// ```
    pub fn clean_into(&self, input: &str, out: &mut String) -> bool {
        with_buffers(|buffers| {
            let document = Document::new(input);
            let mut sink = Sink::new(Record::Nothing, false);
            let text = self.pass(&document, buffers, &mut sink);
            out.push_str(&text);
            let changed = matches!(text, Cow::Owned(_));
            if let Cow::Owned(text) = text {
                buffers.spare = text;
            }
            changed
        })
    }

    /// Cleans `input` and reports every change, with its span in `input`.
    ///
    /// ```
    /// use textclean::{Pipeline, Preset};
    ///
    /// let input = "Caf\u{e9}\u{a0}au lait";
    /// let report = Pipeline::preset(Preset::Unicode).explain(input);
    /// assert_eq!(report.text, "Caf\u{e9} au lait\n");
    /// let change = &report.changes[0];
    /// assert_eq!(change.rule, "space.odd");
    /// assert_eq!(change.original(input), "\u{a0}");
    /// // "lait" in the output maps back to "lait" in the input.
    /// let at = report.text.find("lait").unwrap();
    /// assert_eq!(&input[report.map.to_source_range(at..at + 4)], "lait");
    /// // The changes replay.
    /// assert_eq!(textclean::replay(input, &report.changes), Some(report.text));
    /// ```
    pub fn explain(&self, input: &str) -> Report {
        self.run(input, Record::Changes)
    }

    /// Cleans `input`, recording what `record` asks for: nothing, counts
    /// per rule, or every change with its span in `input` (and the span
    /// map, which only changes make).
    ///
    /// ```
    /// use textclean::{Pipeline, Record};
    ///
    /// let report = Pipeline::default().run("a\u{a0}b\u{a0}c", Record::Counts);
    /// assert_eq!(report.text, "a b c\n");
    /// assert_eq!(report.stats.count("space.odd"), 2);
    /// assert!(report.changes.is_empty());
    /// ```
    pub fn run(&self, input: &str, record: Record) -> Report {
        self.run_document(&Document::new(input), record)
    }

    /// Cleans a document with its block attributes and metadata: every
    /// stage sees the blocks where its own input has them, and the report
    /// gives them on the output.
    ///
    /// ```
    /// use textclean::{Block, BlockKind, Document, Pipeline, Record};
    ///
    /// let text = "Caf\u{e9}\u{a0}news\n\nAdvertisement\n\nThe body of the page.\n";
    /// let body = text.find("The body").unwrap();
    /// let doc = Document::new(text).with_blocks(vec![
    ///     Block::new(0..11, BlockKind::Heading(1)),
    ///     Block::new(body..text.len() - 1, BlockKind::Paragraph),
    /// ]);
    /// let report = Pipeline::default().run_document(&doc, Record::Nothing);
    /// assert_eq!(report.text, "Caf\u{e9} news\n\nThe body of the page.\n");
    /// let spans: Vec<&str> = report.blocks.iter().map(|b| &report.text[b.span.clone()]).collect();
    /// assert_eq!(spans, ["Caf\u{e9} news", "The body of the page."]);
    /// ```
    pub fn run_document(
        &self,
        document: &Document<'_>,
        record: Record,
    ) -> Report {
        self.run_with(document, record, false)
    }

    /// Like [`run_document`](Self::run_document), and also gives how each
    /// stage that decides by score judged the text it saw
    /// ([`Stage::judge`]: the boilerplate stage's blocks), spans in the
    /// original input. What to read when tuning a strictness.
    ///
    /// ```
    /// use textclean::{Document, Pipeline, Record};
    /// let prose = "The river rose overnight and the town's main street was \
    ///              under water by dawn, as it was in the spring of 1998.";
    /// let page = format!("Our town\n\n{}\n\nMore stories\nFloods close the school\n", [prose; 6].join("\n\n"));
    /// let report = Pipeline::default().run_judged(&Document::new(&page), Record::Nothing);
    /// let block = &report.judgements[1];
    /// assert_eq!(block.rule, "boilerplate.block");
    /// assert_eq!(&page[block.span.clone()], format!("{prose}\n"));
    /// assert!(!block.removed && block.score.is_finite());
    /// ```
    pub fn run_judged(
        &self,
        document: &Document<'_>,
        record: Record,
    ) -> Report {
        self.run_with(document, record, true)
    }

    fn run_with(
        &self,
        document: &Document<'_>,
        record: Record,
        judge: bool,
    ) -> Report {
        with_buffers(|buffers| {
            // Judgements are moved onto the input through the span maps.
            let track = judge || !document.blocks.is_empty();
            let mut sink = Sink::new(record, track);
            sink.judge = judge;
            sink.blocks.clone_from(&document.blocks);
            let text = self.pass(document, buffers, &mut sink);
            let input = document.text;
            sink.stats.documents = 1;
            sink.stats.bytes_in = input.len() as u64;
            sink.stats.bytes_out = text.len() as u64;
            Report {
                text: text.into_owned(),
                changes: sink.changes,
                stats: sink.stats,
                map: sink.map,
                blocks: sink.blocks,
                judgements: sink.judgements,
            }
        })
    }

    /// Runs every pass over `document`, the output in a lent buffer.
    fn pass<'a>(
        &self,
        document: &Document<'a>,
        buffers: &mut Buffers,
        sink: &mut Sink,
    ) -> Cow<'a, str> {
        let mut text: Cow<'a, str> = Cow::Borrowed(document.text);
        let language = self.language.pack_for(document);
        for step in &self.stages {
            let unsettled = self.apply(
                &*step.stage,
                document,
                language,
                &mut text,
                buffers,
                sink,
            );
            if let Some(settle) = step.settle.as_deref().filter(|_| unsettled)
            {
                let (doc, lang) = (document, language);
                self.apply(settle, doc, lang, &mut text, buffers, sink);
            }
        }
        text
    }

    /// Runs one stage over `text`, replacing it when the stage changed it;
    /// returns whether its edits may have unsettled the structure.
    fn apply<'a>(
        &self,
        stage: &dyn Stage,
        document: &Document<'a>,
        language: Option<&LanguagePack>,
        text: &mut Cow<'a, str>,
        buffers: &mut Buffers,
        sink: &mut Sink,
    ) -> bool {
        {
            let mut doc = Doc::new(text)
                .with_blocks(&sink.blocks)
                .with_meta(&document.meta)
                .reusing(std::mem::take(&mut buffers.lines));
            if let Some(pack) = language {
                doc = doc.with_language(pack);
            }
            let mut edits = Edits::new(stage.name(), text, sink.record)
                .with_buffer(std::mem::take(&mut buffers.spare));
            if sink.track {
                edits = edits.track_map();
            }
            if sink.judge {
                let before = &sink.map;
                sink.judgements.extend(stage.judge(&doc).into_iter().map(
                    |j| Judgement {
                        span: before.to_source_range(j.span.clone()),
                        ..j
                    },
                ));
            }
            stage.rewrite(&doc, &mut edits);
            buffers.lines = doc.into_lines();
            let (done, unused) = edits.finish_reclaiming();
            if let Some(unused) = unused {
                buffers.spare = unused;
            }
            sink.add(done.changes, done.stats, done.map);
            let unsettled = done.unsettled;
            if let Cow::Owned(out) = done.text {
                if let Cow::Owned(old) =
                    std::mem::replace(text, Cow::Owned(out))
                {
                    buffers.spare = old;
                }
            }
            unsettled
        }
    }

    /// Cleans many documents in parallel, keeping their order.
    ///
    /// ```
    /// use textclean::Pipeline;
    /// let docs = ["a\u{a0}b", "c"];
    /// assert_eq!(Pipeline::default().clean_batch(&docs), ["a b\n", "c\n"]);
    /// ```
    pub fn clean_batch<S: AsRef<str> + Sync>(
        &self,
        docs: &[S],
    ) -> Vec<String> {
        docs.par_iter()
            .map(|doc| self.clean(doc.as_ref()).into_owned())
            .collect()
    }
}

/// What a run gathers from its stages besides the text.
struct Sink {
    record: Record,
    /// Whether span maps are made without changes: to carry blocks.
    track: bool,
    changes: Vec<Change>,
    stats: Stats,
    map: SpanMap,
    blocks: Vec<Block>,
    /// Whether stages' judgements are asked for, and those given.
    judge: bool,
    judgements: Vec<Judgement>,
}

impl Sink {
    fn new(record: Record, track: bool) -> Sink {
        Sink {
            record,
            track,
            changes: Vec::new(),
            stats: Stats::default(),
            map: SpanMap::identity(),
            blocks: Vec::new(),
            judge: false,
            judgements: Vec::new(),
        }
    }

    /// Adds one stage's results: its changes with spans in the original
    /// input, its map composed after the earlier ones, and the blocks moved
    /// onto its output.
    fn add(&mut self, changes: Vec<Change>, stats: Stats, map: SpanMap) {
        self.stats += stats;
        if map.is_identity() {
            return;
        }
        let before = &self.map;
        self.changes.extend(changes.into_iter().map(|change| Change {
            span: before.to_source_range(change.span.clone()),
            ..change
        }));
        // A block widened over a replacement it shares with the block
        // before it starts where that one ends: blocks stay in order and
        // apart.
        let mut end = 0;
        self.blocks.retain_mut(|block| {
            let span = map.to_output_range(block.span.clone());
            block.span = span.start.max(end)..span.end;
            end = end.max(span.end);
            !block.span.is_empty()
        });
        if self.record == Record::Changes || self.judge {
            self.map = self.map.then(&map);
        }
    }
}

impl Default for Pipeline {
    /// The `web` preset.
    fn default() -> Pipeline {
        Pipeline::preset(Preset::Web)
    }
}

impl fmt::Debug for Pipeline {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Pipeline")
            .field("stages", &self.stage_names())
            .finish()
    }
}

/// Composes a [`Pipeline`] stage by stage.
///
/// ```
/// use textclean::{Doc, Edits, Pipeline, Stage};
/// use textclean::unicode::UnicodeCleaner;
///
/// /// Masks e-mail addresses.
/// struct Mask;
///
/// impl Stage for Mask {
///     fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
///         let text = doc.text();
///         let mut start = 0;
///         for word in text.split_inclusive(char::is_whitespace) {
///             let len = word.trim_end().len();
///             if word.contains('@') {
///                 edits.replace(start..start + len, "<email>", "mask.email");
///             }
///             start += word.len();
///         }
///     }
/// }
///
/// let pipeline = Pipeline::builder()
///     .stage(UnicodeCleaner::default())
///     .stage(Mask)
///     .build();
/// assert_eq!(pipeline.clean("Write to\u{a0}me@example.org"), "Write to <email>\n");
/// ```
#[derive(Clone)]
pub struct PipelineBuilder {
    stages: Vec<Arc<dyn Stage>>,
    layout: bool,
    language: PipelineLanguage,
}

impl PipelineBuilder {
    /// Adds a stage already shared (as a registry builds them).
    pub(crate) fn shared(&mut self, stage: Arc<dyn Stage>) -> &mut Self {
        self.stages.push(stage);
        self
    }
}

impl PipelineBuilder {
    /// Adds a stage after those added so far: one of textclean's, or your
    /// own.
    pub fn stage<S: Stage + 'static>(&mut self, stage: S) -> &mut Self {
        self.stages.push(Arc::new(stage));
        self
    }

    /// Whether the [`Layout`] passes start and end the pipeline: the head
    /// pass before the first stage, the tail pass after the last. By
    /// default, they do. Without them stages see the text as it is, with
    /// any line endings; the `ftfy` preset keeps only line endings.
    pub fn layout(&mut self, yes: bool) -> &mut Self {
        self.layout = yes;
        self
    }

    /// Sets the default language pack: documents that name no shipped
    /// one get it as their [`Doc::language`]. A pipeline from a
    /// configuration has the configured language's.
    ///
    /// By default, there is none: each stage uses the pack it was built
    /// with.
    pub fn language(&mut self, pack: LanguagePack) -> &mut Self {
        self.language.default = Some(pack);
        self
    }

    /// Whether to detect the language of each document that names none
    /// ([`detect_language`](crate::detect_language)), falling back on the
    /// default language when detection is unsure or no pack ships for
    /// what it finds (`language = "auto"` in a configuration).
    ///
    /// By default, this is disabled.
    ///
    /// ```
    /// use textclean::{Document, LanguagePack, Pipeline, Record};
    /// use textclean::sentences::SentenceRepair;
    ///
    /// let pipeline = Pipeline::builder()
    ///     .stage(SentenceRepair::default())
    ///     .language(LanguagePack::english())
    ///     .detect_language(true)
    ///     .build();
    /// assert!(pipeline.language().detect);
    /// let text = "The rain fell on the old town all nightIt stopped at dawn, and all was quiet";
    /// let report = pipeline.run_document(&Document::new(text), Record::Nothing);
    /// assert!(report.text.contains("all night. It stopped"));
    /// ```
    pub fn detect_language(&mut self, yes: bool) -> &mut Self {
        self.language.detect = yes;
        self
    }

    /// The pipeline.
    pub fn build(&self) -> Pipeline {
        self.build_with(if self.layout {
            Some(Layout::default())
        } else {
            None
        })
    }

    /// The pipeline between a head and a tail pass of `layout`'s rules.
    pub(crate) fn build_with(&self, layout: Option<Layout>) -> Pipeline {
        let step = |stage: Arc<dyn Stage>, settle: Option<Arc<Layout>>| Step {
            stage,
            settle,
        };
        let Some(tail) = layout.filter(|l| !l.is_off()) else {
            let stages =
                self.stages.iter().map(|s| step(s.clone(), None)).collect();
            return Pipeline { stages, language: self.language.clone() };
        };
        // The head rules before a stage leave blank lines and the end to the
        // tail, and U+0085 to a later stage that reads it as Windows-1252.
        let head_before = |i: usize| {
            Arc::new(Layout {
                blank_lines: false,
                final_newline: false,
                nel: tail.nel
                    && !self.stages[i..].iter().any(|s| s.decodes_c1()),
                ..tail
            })
        };
        let mut stages = Vec::with_capacity(self.stages.len() + 2);
        stages.push(step(head_before(0), None));
        for (i, stage) in self.stages.iter().enumerate() {
            let last = i + 1 == self.stages.len();
            stages.push(step(
                stage.clone(),
                (!last).then(|| head_before(i + 1)),
            ));
        }
        stages.push(step(Arc::new(tail), None));
        Pipeline { stages, language: self.language.clone() }
    }
}

impl fmt::Debug for PipelineBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = self.stages.iter().map(|s| s.name()).collect();
        f.debug_struct("PipelineBuilder")
            .field("stages", &names)
            .field("layout", &self.layout)
            .field("language", &self.language)
            .finish()
    }
}
