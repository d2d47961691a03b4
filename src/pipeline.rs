//! Pipelines: stages chained in order, built once, used many times.

use std::borrow::Cow;
use std::fmt;
use std::sync::Arc;

use rayon::prelude::*;
use textclean_core::{Change, Record, SpanMap, Stage, Stats};

use crate::{Config, Error, Layout, Preset};

/// Stages chained in order, ending with the [`Layout`] pass.
///
/// Build one once and reuse it: it is cheap to clone and share across
/// threads.
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
    stages: Vec<Arc<dyn Stage>>,
}

/// What a pipeline did to one text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Report {
    /// The cleaned text.
    pub text: String,
    /// Every change, in the order the stages made them, with spans in the
    /// original input.
    pub changes: Vec<Change>,
    /// Counts per rule, bytes in and out.
    pub stats: Stats,
    /// Maps offsets in `text` back to the original input.
    pub map: SpanMap,
}

impl Pipeline {
    /// A pipeline to compose in code.
    pub fn builder() -> PipelineBuilder {
        PipelineBuilder { stages: Vec::new(), layout: true }
    }

    /// The pipeline a preset names.
    pub fn preset(preset: Preset) -> Pipeline {
        Pipeline::from_config(&preset.config())
            .expect("every preset is a valid configuration")
    }

    /// The pipeline a configuration describes.
    pub fn from_config(config: &Config) -> Result<Pipeline, Error> {
        let config = config.clone().resolve()?;
        let mut builder = Pipeline::builder();
        for stage in &config.stages {
            builder.stages.push(Arc::from(stage.build(config.language)));
        }
        builder.layout(config.layout);
        Ok(builder.build())
    }

    /// The pipeline a TOML configuration describes; see [`Config`].
    pub fn from_toml(text: &str) -> Result<Pipeline, Error> {
        Pipeline::from_config(&Config::from_toml(text)?)
    }

    /// The names of the stages, in order.
    pub fn stage_names(&self) -> Vec<&'static str> {
        self.stages.iter().map(|s| s.name()).collect()
    }

    /// Cleans `input`. Borrowed when no stage changed anything.
    pub fn clean<'a>(&self, input: &'a str) -> Cow<'a, str> {
        let mut text = Cow::Borrowed(input);
        for stage in &self.stages {
            if let Cow::Owned(out) = stage.clean(&text) {
                text = Cow::Owned(out);
            }
        }
        text
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
        let mut text = Cow::Borrowed(input);
        let mut map = SpanMap::identity();
        let mut changes = Vec::new();
        let mut stats = Stats::default();
        for stage in &self.stages {
            let done = stage.run(&text, record);
            if record == Record::Changes {
                let stage_map = SpanMap::from_changes(&done.changes);
                changes.extend(done.changes.into_iter().map(|change| {
                    Change {
                        span: map.to_source_range(change.span.clone()),
                        ..change
                    }
                }));
                map = map.then(&stage_map);
            }
            stats += done.stats;
            if let Cow::Owned(out) = done.text {
                text = Cow::Owned(out);
            }
        }
        stats.documents = 1;
        stats.bytes_in = input.len() as u64;
        stats.bytes_out = text.len() as u64;
        Report { text: text.into_owned(), changes, stats, map }
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
/// use textclean::{Edits, Pipeline, Stage};
/// use textclean::unicode::UnicodeCleaner;
///
/// /// Masks e-mail addresses.
/// struct Mask;
///
/// impl Stage for Mask {
///     fn rewrite(&self, edits: &mut Edits<'_>) {
///         let text = edits.input();
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
}

impl PipelineBuilder {
    /// Adds a stage after those added so far: one of textclean's, or your
    /// own.
    pub fn stage<S: Stage + 'static>(&mut self, stage: S) -> &mut Self {
        self.stages.push(Arc::new(stage));
        self
    }

    /// Whether the [`Layout`] pass ends the pipeline. By default, it does.
    pub fn layout(&mut self, yes: bool) -> &mut Self {
        self.layout = yes;
        self
    }

    /// The pipeline.
    pub fn build(&self) -> Pipeline {
        let mut stages = self.stages.clone();
        if self.layout {
            stages.push(Arc::new(Layout));
        }
        Pipeline { stages }
    }
}

impl fmt::Debug for PipelineBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let names: Vec<_> = self.stages.iter().map(|s| s.name()).collect();
        f.debug_struct("PipelineBuilder")
            .field("stages", &names)
            .field("layout", &self.layout)
            .finish()
    }
}
