//! The corpus model: lines that recur across many documents of a corpus,
//! globally and per site, learned in one streaming pass with bounded
//! memory, saved and loaded as a small versioned binary file.
//!
//! A site's template (its menu, its footer, its "About the author" box, its
//! newsletter prompt in its own words) is written once and shown on every
//! page: no list of known phrases has it, but counting the lines of the
//! site's pages finds it. [`CorpusModel`] holds those counts;
//! [`BoilerplateBuilder::corpus_model`](crate::BoilerplateBuilder::corpus_model)
//! (or the `corpus_model` option) hands it to the stage, which removes such
//! lines as `boilerplate.corpus`.

use std::collections::HashSet;
use std::fmt;
use std::hash::{BuildHasherDefault, Hasher};
use std::io::{Read, Write};
use std::path::Path;

/// Lines that recur across the documents of a corpus, globally and per
/// site: how many documents hold each (normalized) line, how many
/// documents each site has, and how many documents there are.
///
/// Build it with a [`Learner`] (or [`CorpusModel::learn`]), keep it with
/// [`save`](CorpusModel::save) / [`to_bytes`](CorpusModel::to_bytes), get
/// it back with [`load`](CorpusModel::load) /
/// [`from_bytes`](CorpusModel::from_bytes), and give it to the stage with
/// [`BoilerplateBuilder::corpus_model`](crate::BoilerplateBuilder::corpus_model).
///
/// ```
/// use textclean_boilerplate::CorpusModel;
///
/// let pages = [
///     ("Menu: Recipes, Travel\nHow to bake bread at home.\n", "https://www.example.org/bread"),
///     ("Menu: Recipes, Travel\nA week in the mountains.\n", "https://example.org/hike"),
///     ("MENU recipes travel\nNotes on making tea.\n", "https://example.org/tea"),
///     ("Menu: Recipes, Travel\nOther site, same line.\n", "https://other.example/x"),
/// ];
/// let model = CorpusModel::learn(
///     pages.iter().map(|(text, url)| (*text, Some(*url))),
/// );
/// assert_eq!(model.documents(), 4);
/// // Hosts are read from URLs; `www.` is dropped.
/// assert_eq!(model.site_documents("https://example.org/"), 3);
/// // Case, punctuation and spacing do not tell lines apart.
/// assert_eq!(model.site_line_documents("http://example.org", "menu - RECIPES - travel"), 3);
/// assert_eq!(model.line_documents("Menu: Recipes, Travel"), 4);
/// // Lines on one document only are not kept.
/// assert_eq!(model.line_documents("Notes on making tea."), 0);
///
/// let bytes = model.to_bytes();
/// assert_eq!(CorpusModel::from_bytes(&bytes).unwrap(), model);
/// assert!(CorpusModel::from_bytes(&bytes[..bytes.len() - 1]).is_err());
/// ```
///
/// # How lines are counted
///
/// Each line of a document is reduced to its *key* (CCNet's
/// normalization): its letters lower-cased, every digit folded to `0`,
/// and everything else (punctuation, symbols, spaces) dropped. So `Page 3
/// of 12`, `page 7 of 10.` and `PAGE 1 OF 9` are one line. Spaces are
/// dropped rather than collapsed so that sentence repair, which splits
/// glued words (`endThe` → `end. The`), never changes a key: cleaning
/// twice removes what cleaning once does. A line with no letter or digit
/// is not counted. Each distinct key counts once per document, for the
/// whole corpus and for the document's site: the host of its URL,
/// lower-cased, without a leading `www.`. Documents without a URL count
/// only for the whole corpus.
///
/// Keys are hashed to 64 bits with a fixed hash (defined in [`line_hash`]),
/// so a model file means the same on every platform and in every version
/// of this crate that reads its format version.
///
/// # Bounded memory
///
/// The learner keeps an exact hashed-count table (hash → documents) that
/// grows up to [`LearnOptions::memory`], then prunes it with a heavy-hitter
/// rule in the manner of Misra–Gries / lossy counting: when the table is
/// full, the entries with the lowest counts are dropped until at most half
/// of it is used. Why this and not a count-min sketch: a sketch
/// *over*-estimates, by about the stream's size over its width, and most
/// of a corpus is lines that occur once, so the small counts of a small
/// site (a template line on 5 of its 8 pages) would drown in that error
/// and turn into false removals of content; a pruned table only ever
/// *under*-estimates (a line may lose counts it had before a pruning, so
/// the stage keeps it: the error goes to the safe side), its lookups are
/// one probe, and the saved file holds only the lines that recur, not the
/// sketch's whole width. Site document counts are kept in a table of
/// their own (a sixteenth of the memory) and saved as upper bounds, so a
/// line's share of its site's documents is never over-stated. The cost of
/// pruning is linear in the table and happens at most once per half a
/// table of new lines: learning stays linear in the input.
#[derive(Clone)]
pub struct CorpusModel {
    documents: u64,
    /// The most documents a stored line count may have missed.
    slack: u64,
    /// Site key → documents of the site (an upper bound).
    sites: Table<u32>,
    /// Line key (the whole corpus) and site-line key → documents (a lower
    /// bound).
    lines: Table<u32>,
}

impl fmt::Debug for CorpusModel {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("CorpusModel")
            .field("documents", &self.documents)
            .field("sites", &self.sites.len)
            .field("lines", &self.lines.len)
            .field("slack", &self.slack)
            .finish()
    }
}

impl PartialEq for CorpusModel {
    fn eq(&self, other: &CorpusModel) -> bool {
        self.documents == other.documents
            && self.slack == other.slack
            && self.sites.sorted() == other.sites.sorted()
            && self.lines.sorted() == other.lines.sorted()
    }
}

impl Eq for CorpusModel {}

impl Default for CorpusModel {
    /// The model of an empty corpus: it knows no line.
    fn default() -> CorpusModel {
        Learner::new(LearnOptions::default()).finish()
    }
}

/// How a [`Learner`] learns.
///
/// ```
/// use textclean_boilerplate::{LearnOptions, Learner};
/// let mut learner = Learner::new(LearnOptions { memory: 1 << 20 });
/// learner.add("Subscribe to our letters\nToday's text\n", Some("a.example"));
/// assert_eq!(learner.finish().documents(), 1);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct LearnOptions {
    /// The most memory, in bytes, the learner's count tables take (besides
    /// the distinct lines of the document being added). Tables start small
    /// and grow to it; once there, the least frequent lines are pruned
    /// (see [Bounded memory](CorpusModel#bounded-memory)); while a table
    /// doubles, the old one is held for a moment too. About 16 bytes hold
    /// one count (at most three quarters of the slots are used), so the
    /// default holds about 6 million counts at a time; a page adds about
    /// twice its distinct lines (for the corpus and for its site), so past
    /// some 50,000 pages the table is pruned, which drops mostly lines
    /// seen once and keeps the recurring ones. Give more for very large
    /// corpora with many small sites. At least 64 KiB is used.
    ///
    /// By default, this is 128 MiB.
    pub memory: usize,
}

impl Default for LearnOptions {
    fn default() -> LearnOptions {
        LearnOptions { memory: 128 << 20 }
    }
}

/// Builds a [`CorpusModel`] in one pass over a corpus: [`add`](Self::add)
/// each document, then [`finish`](Self::finish).
///
/// ```
/// use textclean_boilerplate::{Learner, LearnOptions};
/// let mut learner = Learner::new(LearnOptions::default());
/// for page in ["Shop | Blog\nFirst post.\n", "Shop | Blog\nSecond post.\n"] {
///     learner.add(page, Some("shop.example"));
/// }
/// let model = learner.finish();
/// assert_eq!(model.site_line_documents("shop.example", "shop blog"), 2);
/// ```
pub struct Learner {
    documents: u64,
    lines: Counter<u32>,
    /// Site key → (documents, the documents it may have missed).
    sites: Counter<(u32, u32)>,
    /// The distinct line keys of the document being added.
    seen: HashSet<u64, BuildHasherDefault<Prehashed>>,
}

impl fmt::Debug for Learner {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Learner")
            .field("documents", &self.documents)
            .field("lines", &self.lines.table.len)
            .field("sites", &self.sites.table.len)
            .finish_non_exhaustive()
    }
}

impl Learner {
    /// A learner that keeps its counts within `options.memory`.
    pub fn new(options: LearnOptions) -> Learner {
        let memory = options.memory.max(64 << 10);
        let site_memory = memory / 16;
        Learner {
            documents: 0,
            lines: Counter::new((memory - site_memory) / 12),
            sites: Counter::new(site_memory / 16),
            seen: HashSet::default(),
        }
    }

    /// Counts the lines of one document, from the site `url` names (a URL
    /// or a bare host, as [`textclean_core::Meta::host`] reads it; `None`
    /// counts them only for the whole corpus). Lines are split at `\n`;
    /// each distinct line counts once. Cost: linear in `text`.
    pub fn add(&mut self, text: &str, url: Option<&str>) {
        self.documents += 1;
        let site = url.and_then(site_hash);
        if let Some(site) = site {
            let lost = self.sites.lost;
            let bump = |v: &mut (u32, u32)| v.0 = v.0.saturating_add(1);
            self.sites.add(site, bump, (1, lost));
        }
        self.seen.clear();
        for line in text.split('\n') {
            if let Some(hash) = line_hash(line) {
                self.seen.insert(hash);
            }
        }
        for &hash in &self.seen {
            let bump = |n: &mut u32| *n = n.saturating_add(1);
            self.lines.add(hash, bump, 1);
            if let Some(site) = site {
                self.lines.add(site_line_key(site, hash), bump, 1);
            }
        }
    }

    /// The documents added so far.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// The model: the lines on at least two documents, and the sites of at
    /// least two documents.
    pub fn finish(self) -> CorpusModel {
        let lines = self
            .lines
            .table
            .entries()
            .filter(|&(_, n)| n >= 2)
            .collect::<Vec<_>>();
        let documents = self.documents;
        let sites = self
            .sites
            .table
            .entries()
            .map(|(k, (docs, lost))| {
                let most = (u64::from(docs) + u64::from(lost)).min(documents);
                (k, u32::try_from(most).unwrap_or(u32::MAX))
            })
            .filter(|&(_, n)| n >= 2)
            .collect::<Vec<_>>();
        CorpusModel {
            documents: self.documents,
            slack: u64::from(self.lines.lost),
            sites: Table::from_entries(&sites),
            lines: Table::from_entries(&lines),
        }
    }
}

impl CorpusModel {
    /// Learns a model from `(text, url)` documents with the default
    /// [`LearnOptions`]: see [`Learner::add`].
    pub fn learn<'a, I>(documents: I) -> CorpusModel
    where
        I: IntoIterator<Item = (&'a str, Option<&'a str>)>,
    {
        let mut learner = Learner::new(LearnOptions::default());
        for (text, url) in documents {
            learner.add(text, url);
        }
        learner.finish()
    }

    /// The documents it was learned from.
    pub fn documents(&self) -> u64 {
        self.documents
    }

    /// How many stored lines (for the whole corpus and per site) and sites
    /// it holds.
    pub fn len(&self) -> (usize, usize) {
        (self.lines.len, self.sites.len)
    }

    /// Whether it holds no line.
    pub fn is_empty(&self) -> bool {
        self.lines.len == 0
    }

    /// The most documents a line count may have missed because the learner
    /// pruned it (0 when it never had to): counts are lower bounds, exact
    /// up to this.
    pub fn slack(&self) -> u64 {
        self.slack
    }

    /// How many documents of the corpus hold `line` (after normalization;
    /// 0 for a line on fewer than two).
    pub fn line_documents(&self, line: &str) -> u64 {
        line_hash(line).map_or(0, |h| u64::from(self.lines.get(h)))
    }

    /// How many documents the site of `url` (a URL or a host) has; 0 when
    /// fewer than two.
    pub fn site_documents(&self, url: &str) -> u64 {
        site_hash(url).map_or(0, |s| u64::from(self.sites.get(s)))
    }

    /// How many documents of the site of `url` hold `line`.
    pub fn site_line_documents(&self, url: &str, line: &str) -> u64 {
        match (site_hash(url), line_hash(line)) {
            (Some(site), Some(line)) => {
                u64::from(self.lines.get(site_line_key(site, line)))
            }
            _ => 0,
        }
    }

    /// The site of `host` (0 when unknown) and its document count.
    pub(crate) fn site(&self, host: Option<&str>) -> (u64, u64) {
        match host.and_then(site_hash) {
            Some(site) => (site, u64::from(self.sites.get(site))),
            None => (0, 0),
        }
    }

    /// The documents holding the line of `hash`, in the corpus and in
    /// `site` (0 for none).
    pub(crate) fn counts(&self, hash: u64, site: u64) -> (u64, u64) {
        let all = u64::from(self.lines.get(hash));
        let own = if site == 0 || all == 0 {
            // A line on the site's pages is on the corpus's too: a line
            // the corpus does not hold, the site does not either.
            0
        } else {
            u64::from(self.lines.get(site_line_key(site, hash)))
        };
        (all, own)
    }

    /// The model as the bytes of a model file (see [`CorpusModel::save`]).
    pub fn to_bytes(&self) -> Vec<u8> {
        let sites = self.sites.sorted();
        let lines = self.lines.sorted();
        let mut out =
            Vec::with_capacity(HEADER + 12 * (sites.len() + lines.len()) + 8);
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&0u32.to_le_bytes());
        for n in [
            self.documents,
            self.slack,
            sites.len() as u64,
            lines.len() as u64,
        ] {
            out.extend_from_slice(&n.to_le_bytes());
        }
        for (key, n) in sites.iter().chain(&lines) {
            out.extend_from_slice(&key.to_le_bytes());
            out.extend_from_slice(&n.to_le_bytes());
        }
        let sum = checksum(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }

    /// Reads a model from the bytes of a model file, or says why they are
    /// not one: not a model file at all, a version this crate does not
    /// read, cut short, or damaged. Never panics; allocates no more than
    /// the bytes given call for.
    ///
    /// ```
    /// use textclean_boilerplate::{CorpusModel, ModelErrorKind};
    /// let err = CorpusModel::from_bytes(b"{\"not\": \"a model\"}").unwrap_err();
    /// assert_eq!(err.kind(), ModelErrorKind::NotAModel);
    /// assert!(err.to_string().contains("not a textclean corpus model"), "{err}");
    /// ```
    pub fn from_bytes(bytes: &[u8]) -> Result<CorpusModel, ModelError> {
        let Some(rest) = bytes.strip_prefix(MAGIC) else {
            let kind = if MAGIC.starts_with(bytes) {
                ModelErrorKind::Truncated
            } else {
                ModelErrorKind::NotAModel
            };
            return Err(ModelError::new(kind, describe(kind)));
        };
        let mut reader = Reader { bytes: rest };
        let version = reader.u32()?;
        if version != VERSION {
            return Err(ModelError::new(
                ModelErrorKind::Version,
                format!(
                    "format version {version}, which this textclean does not \
                     read (it reads version {VERSION}): learn the model again \
                     with this version (`textclean learn`)"
                ),
            ));
        }
        let flags = reader.u32()?;
        let documents = reader.u64()?;
        let slack = reader.u64()?;
        let n_sites = reader.u64()?;
        let n_lines = reader.u64()?;
        if flags != 0 {
            return Err(corrupt("unknown flags in the header"));
        }
        let entries = n_sites.checked_add(n_lines);
        let size = entries
            .and_then(|n| n.checked_mul(12))
            .and_then(|n| n.checked_add(HEADER as u64 + 8));
        match size {
            Some(size) if size == bytes.len() as u64 => {}
            Some(size) if size > bytes.len() as u64 => {
                return Err(ModelError::new(
                    ModelErrorKind::Truncated,
                    format!(
                        "{} ({} bytes of {size})",
                        describe(ModelErrorKind::Truncated),
                        bytes.len()
                    ),
                ));
            }
            _ => {
                return Err(corrupt("its size does not match its header"));
            }
        }
        let (body, sum) = bytes.split_at(bytes.len() - 8);
        let sum = u64::from_le_bytes(sum.try_into().unwrap_or_default());
        if checksum(body) != sum {
            return Err(corrupt("its checksum does not match its contents"));
        }
        // The sizes match the length, so each count fits in memory.
        let n_sites = n_sites as usize;
        let n_lines = n_lines as usize;
        let sites = reader.entries(n_sites, documents, "site")?;
        let lines = reader.entries(n_lines, documents, "line")?;
        Ok(CorpusModel {
            documents,
            slack,
            sites: Table::from_entries(&sites),
            lines: Table::from_entries(&lines),
        })
    }

    /// Writes the model file to `out`.
    pub fn write_to(&self, mut out: impl Write) -> std::io::Result<()> {
        out.write_all(&self.to_bytes())
    }

    /// Reads a model file from `input` (see
    /// [`from_bytes`](CorpusModel::from_bytes)).
    pub fn read_from(mut input: impl Read) -> Result<CorpusModel, ModelError> {
        let mut bytes = Vec::new();
        input.read_to_end(&mut bytes).map_err(|e| {
            ModelError::new(ModelErrorKind::Io, format!("cannot read it: {e}"))
        })?;
        CorpusModel::from_bytes(&bytes)
    }

    /// Saves the model file at `path`, replacing any file there.
    ///
    /// # The file
    ///
    /// All numbers little-endian:
    ///
    /// | bytes | what |
    /// | --- | --- |
    /// | 24 | the magic line `textclean corpus model\n` plus a NUL byte|
    /// | 4 | format version, `1` |
    /// | 4 | flags, `0` |
    /// | 8 | documents learned from |
    /// | 8 | slack: the most documents a line count may have missed |
    /// | 8 | `S`, the number of sites |
    /// | 8 | `L`, the number of lines |
    /// | 12 × `S` | per site, by key: its key (u64) and its documents (u32) |
    /// | 12 × `L` | per line, by key: its key (u64) and its documents (u32) |
    /// | 8 | checksum: [`line_hash`]'s hash of all the bytes before it |
    ///
    /// A site's key is the hash of its host; a line's, the hash of its key
    /// for the whole corpus, or that mixed with its site's key
    /// (`fmix64(line ^ fmix64(site ^ 0x5173))`, as in [`line_hash`]) for
    /// one site. Keys are not 0 and strictly increase within each list.
    pub fn save(&self, path: impl AsRef<Path>) -> Result<(), ModelError> {
        let path = path.as_ref();
        std::fs::write(path, self.to_bytes()).map_err(|e| {
            ModelError::new(
                ModelErrorKind::Io,
                format!("cannot write it: {e}"),
            )
            .in_file(path)
        })
    }

    /// Loads the model file at `path`; errors name the file.
    ///
    /// ```
    /// use textclean_boilerplate::CorpusModel;
    /// let err = CorpusModel::load("no/such/site.model").unwrap_err();
    /// assert!(err.to_string().starts_with("no/such/site.model: cannot read it"), "{err}");
    /// ```
    pub fn load(path: impl AsRef<Path>) -> Result<CorpusModel, ModelError> {
        let path = path.as_ref();
        let io = |e: std::io::Error| {
            ModelError::new(ModelErrorKind::Io, format!("cannot read it: {e}"))
                .in_file(path)
        };
        let file = std::fs::File::open(path).map_err(io)?;
        // A device or a pipe (such as /dev/zero) may never end.
        if !file.metadata().map_err(io)?.is_file() {
            return Err(ModelError::new(
                ModelErrorKind::Io,
                "cannot read it: not a regular file",
            )
            .in_file(path));
        }
        CorpusModel::read_from(file).map_err(|e| e.in_file(path))
    }
}

/// The `boilerplate.corpus` rule: a corpus model and the shares of
/// documents above which a line is the page around the text.
#[derive(Clone, Debug)]
pub(crate) struct CorpusRule {
    pub(crate) model: std::sync::Arc<CorpusModel>,
    /// A site's own counts apply once it has this many documents.
    pub(crate) min_site_docs: u64,
    /// A line on at least this percentage of its site's documents goes.
    pub(crate) site_percent: u64,
    /// A line on at least this many documents of the corpus …
    pub(crate) min_docs: u64,
    /// … and on at least this percentage of them goes.
    pub(crate) global_percent: u64,
}

/// The site of a document as the rule reads it: its key and documents,
/// or 0 for none (no host, unknown, or too few documents to judge by).
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct Site {
    key: u64,
    documents: u64,
}

impl CorpusRule {
    /// The site of a document from `host`, looked up once per document.
    pub(crate) fn site(&self, host: Option<&str>) -> Site {
        let (key, documents) = self.model.site(host);
        if documents >= self.min_site_docs.max(2) {
            Site { key, documents }
        } else {
            Site::default()
        }
    }

    /// Whether `line` recurs on enough of its site's documents, or of the
    /// corpus's: one hash of the line, at most two probes, no allocation.
    pub(crate) fn is_recurring(&self, line: &str, site: Site) -> bool {
        let Some(hash) = line_hash(line) else { return false };
        let (all, own) = self.model.counts(hash, site.key);
        if site.key != 0
            && own >= 2
            && own * 100 >= site.documents * self.site_percent
        {
            return true;
        }
        all >= self.min_docs.max(2)
            && all * 100 >= self.model.documents * self.global_percent
    }
}

/// The start of every model file: a line that says what it is (so `head`
/// tells), and a NUL byte (so no text file is one).
const MAGIC: &[u8] = b"textclean corpus model\n\0";
/// The format version this crate writes and reads.
const VERSION: u32 = 1;
/// Magic, version, flags, four u64 counts.
const HEADER: usize = MAGIC.len() + 8 + 32;

fn describe(kind: ModelErrorKind) -> &'static str {
    match kind {
        ModelErrorKind::NotAModel => {
            "not a textclean corpus model (make one with `textclean learn`)"
        }
        ModelErrorKind::Truncated => {
            "the model file is cut short (written partly, or copied in part)"
        }
        _ => "a bad model file",
    }
}

fn corrupt(why: &str) -> ModelError {
    ModelError::new(
        ModelErrorKind::Corrupt,
        format!("the model file is damaged: {why}"),
    )
}

/// Reads a model file's numbers, each read checked.
struct Reader<'a> {
    bytes: &'a [u8],
}

impl Reader<'_> {
    fn take<const N: usize>(&mut self) -> Result<[u8; N], ModelError> {
        let Some((head, rest)) = self.bytes.split_first_chunk::<N>() else {
            return Err(ModelError::new(
                ModelErrorKind::Truncated,
                describe(ModelErrorKind::Truncated),
            ));
        };
        self.bytes = rest;
        Ok(*head)
    }

    fn u32(&mut self) -> Result<u32, ModelError> {
        self.take().map(u32::from_le_bytes)
    }

    fn u64(&mut self) -> Result<u64, ModelError> {
        self.take().map(u64::from_le_bytes)
    }

    /// `n` entries, keys increasing and not 0, counts 1 to `documents`.
    fn entries(
        &mut self,
        n: usize,
        documents: u64,
        what: &str,
    ) -> Result<Vec<(u64, u32)>, ModelError> {
        let mut out = Vec::with_capacity(n);
        let mut last = 0;
        for _ in 0..n {
            let key = self.u64()?;
            let count = self.u32()?;
            if key <= last {
                return Err(corrupt(&format!("{what} keys out of order")));
            }
            if count == 0 || u64::from(count) > documents {
                return Err(corrupt(&format!(
                    "a {what} count of {count} in a model of {documents} \
                     documents"
                )));
            }
            last = key;
            out.push((key, count));
        }
        Ok(out)
    }
}

/// Why a model file cannot be read or written: it names the file, and says
/// what to do.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ModelError {
    kind: ModelErrorKind,
    message: String,
    path: Option<String>,
}

/// The kind of a [`ModelError`].
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ModelErrorKind {
    /// The file cannot be read or written.
    Io,
    /// The bytes are not a model file (another kind of file).
    NotAModel,
    /// A model file of a format version this crate does not read.
    Version,
    /// A model file cut short.
    Truncated,
    /// A model file whose contents are damaged (bad checksum, sizes or
    /// entries).
    Corrupt,
}

impl ModelError {
    fn new(kind: ModelErrorKind, message: impl Into<String>) -> ModelError {
        ModelError { kind, message: message.into(), path: None }
    }

    fn in_file(mut self, path: &Path) -> ModelError {
        self.path.get_or_insert_with(|| path.display().to_string());
        self
    }

    /// What kind of error it is.
    pub fn kind(&self) -> ModelErrorKind {
        self.kind
    }

    /// The file, when known.
    pub fn path(&self) -> Option<&str> {
        self.path.as_deref()
    }

    /// What is wrong, without the file.
    pub fn message(&self) -> &str {
        &self.message
    }
}

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let Some(path) = &self.path {
            write!(f, "{path}: ")?;
        }
        f.write_str(&self.message)
    }
}

impl std::error::Error for ModelError {}

// ---------------------------------------------------------------------
// Keys and the hash.

/// The 64-bit hash of `line`'s key (see [How lines are
/// counted](CorpusModel#how-lines-are-counted)), or `None` when it has no
/// letter or digit. One pass, no allocation.
///
/// The hash, fixed so that model files are portable: the key's UTF-8 bytes
/// are read in 8-byte little-endian words `w` (the last one padded with
/// zero bytes); starting from `h = 0x243F6A8885A308D3`, each word makes
/// `h = rotate_left((h ^ w) * 0x9E3779B97F4A7C15, 31)` (wrapping); the
/// hash is `fmix64(h ^ length)`, with MurmurHash3's 64-bit finalizer
/// `fmix64`; a hash of 0 becomes 1 (0 marks an empty slot).
///
/// ```
/// use textclean_boilerplate::line_hash;
/// assert_eq!(line_hash("Page 3 of 12"), line_hash("page 7 of 10."));
/// assert_eq!(line_hash("Follow us: @example!"), line_hash("FOLLOW US EXAMPLE"));
/// assert_ne!(line_hash("Page 3 of 12"), line_hash("Page 3 of 12 photos"));
/// assert_eq!(line_hash(" -- * -- "), None);
/// ```
pub fn line_hash(line: &str) -> Option<u64> {
    // The key's bytes are gathered in a block on the stack, written
    // without a branch per byte (a dropped byte is written and not
    // counted), and hashed a word at a time.
    let mut hasher = KeyHasher::new();
    let mut block = [0u8; BLOCK];
    let mut n = 0;
    let bytes = line.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if b < 0x80 {
            let m = KEY_BYTE[usize::from(b)];
            block[n] = m;
            n += usize::from(m != 0);
            if n == BLOCK {
                hasher.push_block(&block);
                n = 0;
            }
            i += 1;
            continue;
        }
        // A non-ASCII char starts here: `i` is on a char boundary, since
        // ASCII bytes are whole chars and this loop steps by whole chars.
        let Some(c) = line.get(i..).and_then(|s| s.chars().next()) else {
            break;
        };
        i += c.len_utf8();
        let mut buf = [0; 4];
        let mut push = |piece: &[u8]| {
            for &b in piece {
                block[n] = b;
                n += 1;
                if n == BLOCK {
                    hasher.push_block(&block);
                    n = 0;
                }
            }
        };
        if c.is_numeric() {
            push(b"0");
        } else if c.is_alphabetic() {
            for lower in c.to_lowercase() {
                push(lower.encode_utf8(&mut buf).as_bytes());
            }
        }
    }
    hasher.push_bytes(&block[..n]);
    hasher.finish()
}

/// The bytes of [`line_hash`]'s blocks: a multiple of 8.
const BLOCK: usize = 64;

/// What each ASCII byte is in a key: a lower-case letter, `0` for a digit,
/// or 0 (dropped).
const KEY_BYTE: [u8; 128] = {
    let mut map = [0u8; 128];
    let mut b = 0;
    while b < 128 {
        let c = b as u8;
        map[b] = if c.is_ascii_digit() {
            b'0'
        } else if c.is_ascii_alphabetic() {
            c.to_ascii_lowercase()
        } else {
            0
        };
        b += 1;
    }
    map
};

/// The key of `text` (see [`line_hash`]), as a string: for tests and for
/// people who want to see what is counted.
#[cfg(test)]
pub(crate) fn line_key(line: &str) -> String {
    let mut out = String::new();
    for c in line.chars() {
        if c.is_ascii_digit() || (!c.is_ascii() && c.is_numeric()) {
            out.push('0');
        } else if c.is_alphabetic() {
            out.extend(c.to_lowercase());
        }
    }
    out
}

/// The hash of a site: its host, ASCII lower-cased, without a leading
/// `www.` or a trailing dot; `None` when there is no host.
fn site_hash(url: &str) -> Option<u64> {
    let meta =
        textclean_core::Meta { url: Some(url.to_owned()), language: None };
    let host = meta.host()?;
    let host = host.trim_end_matches('.');
    let lower_www =
        host.get(..4).is_some_and(|w| w.eq_ignore_ascii_case("www."));
    let host = if lower_www && host.len() > 4 { &host[4..] } else { host };
    if host.is_empty() {
        return None;
    }
    let mut hasher = KeyHasher::new();
    for &b in host.as_bytes() {
        hasher.push(b.to_ascii_lowercase());
    }
    hasher.finish()
}

/// The key of a line on one site's pages: unrelated to the line's own key
/// and to every other site's.
fn site_line_key(site: u64, line: u64) -> u64 {
    nonzero(fmix64(line ^ fmix64(site ^ 0x5173)))
}

/// The checksum of a model file's bytes: [`line_hash`]'s hash of them.
fn checksum(bytes: &[u8]) -> u64 {
    let mut hasher = KeyHasher::new();
    hasher.push_bytes(bytes);
    hasher.finish().unwrap_or(1)
}

/// The streaming hash of [`line_hash`].
struct KeyHasher {
    h: u64,
    word: u64,
    /// Bytes in `word`.
    filled: u32,
    len: u64,
}

impl KeyHasher {
    fn new() -> KeyHasher {
        KeyHasher { h: 0x243F_6A88_85A3_08D3, word: 0, filled: 0, len: 0 }
    }

    #[inline]
    fn push(&mut self, b: u8) {
        self.word |= u64::from(b) << (8 * self.filled);
        self.filled += 1;
        self.len += 1;
        if self.filled == 8 {
            self.mix();
        }
    }

    /// A whole block, when no byte is pending: a word at a time.
    #[inline]
    fn push_block(&mut self, block: &[u8; BLOCK]) {
        debug_assert_eq!(self.filled, 0);
        for word in block.chunks_exact(8) {
            let mut w = [0; 8];
            w.copy_from_slice(word);
            self.word = u64::from_le_bytes(w);
            self.mix();
        }
        self.len += BLOCK as u64;
    }

    /// Any bytes: whole words while none are pending, then byte by byte.
    fn push_bytes(&mut self, bytes: &[u8]) {
        if self.filled != 0 {
            bytes.iter().for_each(|&b| self.push(b));
            return;
        }
        let mut words = bytes.chunks_exact(8);
        for word in &mut words {
            let mut w = [0; 8];
            w.copy_from_slice(word);
            self.word = u64::from_le_bytes(w);
            self.len += 8;
            self.mix();
        }
        for &b in words.remainder() {
            self.push(b);
        }
    }

    #[inline]
    fn mix(&mut self) {
        self.h = (self.h ^ self.word)
            .wrapping_mul(0x9E37_79B9_7F4A_7C15)
            .rotate_left(31);
        self.word = 0;
        self.filled = 0;
    }

    /// The hash, or `None` for no bytes.
    fn finish(mut self) -> Option<u64> {
        if self.len == 0 {
            return None;
        }
        if self.filled > 0 {
            self.mix();
        }
        Some(nonzero(fmix64(self.h ^ self.len)))
    }
}

/// MurmurHash3's 64-bit finalizer.
fn fmix64(mut k: u64) -> u64 {
    k ^= k >> 33;
    k = k.wrapping_mul(0xFF51_AFD7_ED55_8CCD);
    k ^= k >> 33;
    k = k.wrapping_mul(0xC4CE_B9FE_1A85_EC53);
    k ^ (k >> 33)
}

fn nonzero(k: u64) -> u64 {
    if k == 0 { 1 } else { k }
}

/// A hasher for keys that are hashes already.
#[derive(Default)]
struct Prehashed(u64);

impl Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

// ---------------------------------------------------------------------
// The tables.

/// An open-addressing hash table from non-zero u64 keys (hashes already)
/// to values, with linear probing; key 0 marks an empty slot.
#[derive(Clone)]
struct Table<V> {
    keys: Vec<u64>,
    values: Vec<V>,
    len: usize,
}

impl<V: Copy + Default> Table<V> {
    fn with_slots(slots: usize) -> Table<V> {
        let slots = slots.max(2).next_power_of_two();
        Table {
            keys: vec![0; slots],
            values: vec![V::default(); slots],
            len: 0,
        }
    }

    /// A table of `entries` (keys distinct, not 0), at most half full.
    fn from_entries(entries: &[(u64, V)]) -> Table<V> {
        let mut table = Table::with_slots(entries.len().saturating_mul(2));
        for &(key, value) in entries {
            let at = table.find(key);
            if table.keys[at] == 0 {
                table.keys[at] = key;
                table.len += 1;
            }
            table.values[at] = value;
        }
        table
    }

    /// The slot of `key`, or the empty slot where it would go. The table
    /// always has an empty slot.
    #[inline]
    fn find(&self, key: u64) -> usize {
        let mask = self.keys.len() - 1;
        // The high bits: the low ones of a site-line key and of its line's
        // key are unrelated anyway, but fmix64's high bits are its best.
        let mut at = (key >> 32 ^ key) as usize & mask;
        loop {
            let k = self.keys[at];
            if k == key || k == 0 {
                return at;
            }
            at = (at + 1) & mask;
        }
    }

    fn get(&self, key: u64) -> V {
        let at = self.find(key);
        if self.keys[at] == key { self.values[at] } else { V::default() }
    }

    fn entries(&self) -> impl Iterator<Item = (u64, V)> + '_ {
        self.keys
            .iter()
            .zip(&self.values)
            .filter(|(k, _)| **k != 0)
            .map(|(k, v)| (*k, *v))
    }

    fn sorted(&self) -> Vec<(u64, V)> {
        let mut out: Vec<(u64, V)> = self.entries().collect();
        out.sort_unstable_by_key(|e| e.0);
        out
    }

    /// Keeps the entries `keep` says yes to, in place: emptied slots are
    /// filled again by re-placing, in probe order, every entry after them.
    fn retain(&mut self, mut keep: impl FnMut(V) -> bool) {
        for at in 0..self.keys.len() {
            if self.keys[at] != 0 && !keep(self.values[at]) {
                self.keys[at] = 0;
                self.len -= 1;
            }
        }
        self.replace_all();
    }

    /// Re-places every entry, starting after an empty slot so that no
    /// run of entries wraps past the start: each entry then finds its
    /// place at or before where it is.
    fn replace_all(&mut self) {
        let n = self.keys.len();
        let Some(empty) = self.keys.iter().position(|&k| k == 0) else {
            return;
        };
        for step in 1..=n {
            let at = (empty + step) % n;
            let key = self.keys[at];
            if key == 0 {
                continue;
            }
            let value = self.values[at];
            self.keys[at] = 0;
            let to = self.find(key);
            self.keys[to] = key;
            self.values[to] = value;
        }
    }

    /// The same entries in a table of twice the slots.
    fn grow(&mut self) {
        let mut bigger = Table::with_slots(self.keys.len() * 2);
        for (key, value) in self.entries() {
            let at = bigger.find(key);
            bigger.keys[at] = key;
            bigger.values[at] = value;
        }
        bigger.len = self.len;
        *self = bigger;
    }
}

/// What a [`Counter`] counts by: a line's documents, or a site's.
trait Count: Copy + Default {
    fn count(self) -> u32;
}

impl Count for u32 {
    fn count(self) -> u32 {
        self
    }
}

impl Count for (u32, u32) {
    fn count(self) -> u32 {
        self.0
    }
}

/// A [`Table`] of counts within a memory bound, pruned of its least
/// frequent keys when full.
struct Counter<V> {
    table: Table<V>,
    /// The most slots it may have.
    max_slots: usize,
    /// The most counts a key may have lost to pruning: the sum of every
    /// pruning's threshold.
    lost: u32,
}

impl<V: Count> Counter<V> {
    /// A counter whose table has at most `max_slots` slots (rounded down
    /// to a power of two).
    fn new(max_slots: usize) -> Counter<V> {
        let max_slots = (max_slots.max(16) + 1).next_power_of_two() / 2;
        Counter {
            table: Table::with_slots(max_slots.min(1024)),
            max_slots,
            lost: 0,
        }
    }

    /// Updates the count of `key` with `bump`, or starts it at `start`.
    #[inline]
    fn add(&mut self, key: u64, bump: impl FnOnce(&mut V), start: V) {
        let at = self.table.find(key);
        if self.table.keys[at] == key {
            bump(&mut self.table.values[at]);
            return;
        }
        self.table.keys[at] = key;
        self.table.values[at] = start;
        self.table.len += 1;
        // At most three quarters full, so probes stay short.
        if self.table.len * 4 >= self.table.keys.len() * 3 {
            if self.table.keys.len() < self.max_slots {
                self.table.grow();
            } else {
                self.prune();
            }
        }
    }

    /// Drops the keys of the lowest counts, until at most half the slots
    /// hold one (3/8 of them, counting the ones at the threshold).
    fn prune(&mut self) {
        // Counts 1 to 255 each in a bucket, larger ones by powers of two.
        fn bucket(n: u32) -> usize {
            if n < 256 {
                n as usize
            } else {
                248 + (31 - n.leading_zeros()) as usize
            }
        }
        fn top(b: usize) -> u32 {
            if b < 256 {
                b as u32
            } else {
                (2u64 << (b - 248)).saturating_sub(1).min(u64::from(u32::MAX))
                    as u32
            }
        }
        let mut histogram = [0usize; 281];
        for (_, v) in self.table.entries() {
            histogram[bucket(v.count())] += 1;
        }
        let target = self.table.keys.len() * 3 / 8;
        let mut above = self.table.len;
        let mut threshold = 0;
        for (b, &n) in histogram.iter().enumerate() {
            if above <= target {
                break;
            }
            above -= n;
            threshold = b;
        }
        let limit = top(threshold);
        self.table.retain(|v| v.count() > limit);
        self.lost = self.lost.saturating_add(limit);
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn model() -> CorpusModel {
        let mut learner = Learner::new(LearnOptions::default());
        for i in 0..6 {
            let page = format!(
                "Example Recipes\nSign up for our weekly letter\n\
                 Recipe {i}: soup number {} with leeks.\n",
                i + 1
            );
            learner.add(&page, Some("https://recipes.example/r/1"));
        }
        learner.add(
            "Sign up for our weekly letter\nElsewhere.\n",
            Some("b.example"),
        );
        learner.add("Sign up for our weekly letter\nNo site.\n", None);
        learner.finish()
    }

    #[test]
    fn counts_lines_once_per_document_globally_and_per_site() {
        let m = model();
        assert_eq!(m.documents(), 8);
        assert_eq!(m.site_documents("recipes.example"), 6);
        // One document of its own: not kept.
        assert_eq!(m.site_documents("b.example"), 0);
        assert_eq!(m.line_documents("sign up for our weekly letter"), 8);
        assert_eq!(
            m.site_line_documents("recipes.example", "Example Recipes"),
            6
        );
        assert_eq!(m.site_line_documents("b.example", "Example Recipes"), 0);
        // Digits fold: every recipe line is one key.
        assert_eq!(m.line_documents("Recipe 1: soup number 9 with leeks."), 6);
        let twice = CorpusModel::learn([("a\na\na\n", None), ("a\n", None)]);
        assert_eq!(twice.line_documents("a"), 2);
    }

    #[test]
    fn the_hash_is_fixed() {
        // Pinned: model files of every platform and version agree.
        assert_eq!(line_hash("a"), Some(0x8ce9_325a_87ca_2d2e));
        assert_eq!(
            line_hash("Share this page"),
            line_hash("share-this-page!")
        );
        assert_eq!(
            site_hash("https://WWW.Example.org./x"),
            site_hash("example.org")
        );
        let bytes = CorpusModel::default().to_bytes();
        assert_eq!(bytes.len(), HEADER + 8);
        assert!(bytes.starts_with(b"textclean corpus model\n\0\x01\0\0\0"));
    }

    #[test]
    fn hash_of_key_agrees_with_the_key() {
        for line in ["Ünïcode ÉTÉ 2024", "x", "½ cup", "İstanbul", "ﬁne"]
        {
            let key = line_key(line);
            let mut hasher = KeyHasher::new();
            key.bytes().for_each(|b| hasher.push(b));
            assert_eq!(hasher.finish(), line_hash(line), "{line:?} → {key:?}");
        }
    }

    #[test]
    fn pruning_keeps_memory_bounded_and_frequent_lines() {
        let mut learner = Learner::new(LearnOptions { memory: 0 });
        let slots = learner.lines.max_slots;
        // Digits fold to 0: name each page in letters.
        let name = |mut i: usize| {
            let mut s = String::new();
            loop {
                s.push(char::from(b'a' + (i % 26) as u8));
                i /= 26;
                if i == 0 {
                    return s;
                }
            }
        };
        for i in 0..20_000 {
            let page = format!("Our menu line\nunique line {}\n", name(i));
            learner.add(&page, Some("site.example"));
            assert!(learner.lines.table.keys.len() <= slots);
        }
        assert!(learner.lines.lost > 0);
        let model = learner.finish();
        assert_eq!(model.site_documents("site.example"), 20_000);
        let menu = model.site_line_documents("site.example", "Our menu line");
        assert!(menu > 19_000 && menu <= 20_000, "{menu}");
        assert!(model.slack() > 0);
    }

    #[test]
    fn errors_name_what_is_wrong() {
        let bytes = model().to_bytes();
        let kind = |b: &[u8]| CorpusModel::from_bytes(b).unwrap_err().kind();
        assert_eq!(kind(b""), ModelErrorKind::Truncated);
        assert_eq!(kind(&bytes[..30]), ModelErrorKind::Truncated);
        assert_eq!(
            kind(&bytes[..bytes.len() - 12]),
            ModelErrorKind::Truncated
        );
        assert_eq!(kind(b"PK\x03\x04 a zip file"), ModelErrorKind::NotAModel);
        let mut newer = bytes.clone();
        newer[MAGIC.len()] = 2;
        let err = CorpusModel::from_bytes(&newer).unwrap_err();
        assert_eq!(err.kind(), ModelErrorKind::Version);
        assert!(err.to_string().contains("version 2"), "{err}");
        let mut flipped = bytes.clone();
        let last = flipped.len() - 9;
        flipped[last] ^= 1;
        assert_eq!(kind(&flipped), ModelErrorKind::Corrupt);
        let mut longer = bytes;
        longer.push(0);
        assert_eq!(kind(&longer), ModelErrorKind::Corrupt);
    }

    /// A small corpus of two sites: each page a template (a header and
    /// a footer of the site's own words) around its own text, and a line
    /// that only two pages share.
    fn sites() -> (CorpusModel, Vec<(String, &'static str)>) {
        let mut pages = Vec::new();
        for i in 0..8 {
            let text = format!(
                "Hollow Creek Gazette\n\
                 Your source for valley news since 1921\n\n\
                 Story {i} opens here, and the {} reporter writes a long \
                 paragraph about the valley that nobody else wrote.\n\n\
                 {}\n\
                 Hollow Creek Gazette is owned by its readers.\n",
                [
                    "first", "second", "third", "fourth", "fifth", "sixth",
                    "seventh", "eighth"
                ][i],
                if i < 2 { "Photos by the Gazette staff" } else { "Tip line" },
            );
            pages.push((text, "https://gazette.example/story"));
        }
        for when in ["dawn", "noon", "dusk", "night", "sunrise"] {
            let text = format!(
                "Pine Lake Blog\n\
                 We kayaked across the lake at {when}.\n"
            );
            pages.push((text, "https://www.pinelake.example/"));
        }
        let model = CorpusModel::learn(
            pages.iter().map(|(t, u)| (t.as_str(), Some(*u))),
        );
        (model, pages)
    }

    fn remover(model: CorpusModel) -> crate::BoilerplateRemover {
        crate::BoilerplateRemover::builder()
            .corpus_model(std::sync::Arc::new(model))
            .build()
    }

    fn run(
        remover: &crate::BoilerplateRemover,
        text: &str,
        url: Option<&str>,
    ) -> (String, Vec<(String, String)>) {
        let meta = textclean_core::Meta {
            url: url.map(str::to_owned),
            language: None,
        };
        let doc = textclean_core::Doc::new(text).with_meta(&meta);
        let done = remover.run_doc(&doc, textclean_core::Record::Changes);
        let changes = done
            .changes
            .iter()
            .map(|c| {
                (c.rule.to_owned(), c.original(text).trim_end().to_owned())
            })
            .collect();
        (done.text.into_owned(), changes)
    }

    #[test]
    fn a_sites_template_goes_and_its_own_text_stays() {
        let (model, pages) = sites();
        let remover = remover(model);
        let (text, url) = &pages[3];
        let (out, changes) = run(&remover, text, Some(url));
        assert_eq!(
            changes,
            [
                ("boilerplate.corpus", "Hollow Creek Gazette"),
                (
                    "boilerplate.corpus",
                    "Your source for valley news since 1921"
                ),
                ("boilerplate.corpus", "Tip line"),
                (
                    "boilerplate.corpus",
                    "Hollow Creek Gazette is owned by its readers."
                ),
            ]
            .map(|(r, l)| (r.to_owned(), l.to_owned()))
        );
        assert!(out.contains("Story 3 opens here"));
        // On 2 of the site's 8 pages: kept.
        let (_, changes) = run(&remover, &pages[0].0, Some(url));
        assert!(
            !changes.iter().any(|c| c.1.starts_with("Photos")),
            "{changes:?}"
        );
        // The template of one site is not another's, nor that of a page
        // with no URL (no line is on 10% of the corpus and 10 pages).
        let (out, _) = run(&remover, text, Some("https://other.example/"));
        assert_eq!(out, *text);
        assert_eq!(run(&remover, text, None).0, *text);
        // A site of 5 pages: its header is on all of them.
        let (text, url) = &pages[9];
        let (out, _) = run(&remover, text, Some(url));
        assert_eq!(out, "We kayaked across the lake at noon.\n");
    }

    #[test]
    fn thresholds_decide() {
        let (model, pages) = sites();
        let strict = crate::BoilerplateRemover::builder()
            .corpus_model(std::sync::Arc::new(model.clone()))
            .corpus_site(10, 50)
            .build();
        let (text, url) = &pages[3];
        assert_eq!(run(&strict, text, Some(url)).0, *text);
        let global = crate::BoilerplateRemover::builder()
            .corpus_model(std::sync::Arc::new(model))
            .corpus_global(8, 60)
            .build();
        // The template is on 8 of 13 pages (61%), "Tip line" on 6 (46%).
        let (_, changes) = run(&global, text, None);
        assert_eq!(changes.len(), 3, "{changes:?}");
        assert!(!changes.iter().any(|c| c.1 == "Tip line"), "{changes:?}");
    }

    #[test]
    fn options_name_a_bad_file_and_bad_percentages() {
        use crate::{BoilerplateOptions, BoilerplateRemover, Language};
        let dir = std::env::temp_dir()
            .join(format!("textclean-corpus-{}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let bad = dir.join("bad.model");
        std::fs::write(&bad, b"textclean corpus model\n\0\x01\0").unwrap();
        let options = BoilerplateOptions {
            corpus_model: Some(bad.clone()),
            ..Default::default()
        };
        let err = BoilerplateRemover::try_new(Language::english(), &options)
            .unwrap_err();
        let message = err.to_string();
        assert!(
            message.contains("bad.model: the model file is cut short"),
            "{message}"
        );
        assert_eq!(err.field(), Some("corpus_model"));
        let good = dir.join("good.model");
        sites().0.save(&good).unwrap();
        let options = BoilerplateOptions {
            corpus_model: Some(good),
            ..Default::default()
        };
        let remover =
            BoilerplateRemover::try_new(Language::english(), &options)
                .unwrap();
        assert_eq!(remover.corpus_model().unwrap().documents(), 13);
        let options = BoilerplateOptions {
            corpus_site_percent: 0,
            ..Default::default()
        };
        let err = BoilerplateRemover::try_new(Language::english(), &options)
            .unwrap_err();
        assert_eq!(err.field(), Some("corpus_site_percent"));
        std::fs::remove_dir_all(&dir).ok();
    }

    /// Pages made of lines from a small pool, so that lines recur.
    fn pool_pages() -> impl Strategy<Value = Vec<(Vec<usize>, u8)>> {
        proptest::collection::vec(
            (proptest::collection::vec(0usize..POOL.len(), 0..10), 0u8..3),
            1..12,
        )
    }

    const POOL: [&str; 12] = [
        "Home",
        "Sign in to comment",
        "The committee met on Tuesday and agreed, after a long debate, to repair the bridge.",
        "bankThe river rose",
        "bank. The river rose",
        "",
        "Hard-wrapped prose that goes on and",
        "on to the next line, where it ends.",
        "© 2024 Example",
        "Prices from 12.50",
        "Related: ten more stories you can read",
        "   ",
    ];

    proptest! {
    // Each case builds a stage (its automata): a few dozen suffice.
    #![proptest_config(ProptestConfig::with_cases(40))]

    #[test]
    fn the_rule_is_idempotent_and_removes_whole_lines(pages in pool_pages()) {
        let hosts = ["a.example", "b.example", ""];
        let texts: Vec<(String, &str)> = pages
            .iter()
            .map(|(lines, h)| {
                let lines: Vec<&str> = lines.iter().map(|&i| POOL[i]).collect();
                (lines.join("\n"), hosts[usize::from(*h)])
            })
            .collect();
        let model = CorpusModel::learn(
            texts.iter().map(|(t, h)| (t.as_str(), Some(*h).filter(|h| !h.is_empty()))),
        );
        let remover = crate::BoilerplateRemover::builder()
            .corpus_model(std::sync::Arc::new(model))
            .corpus_site(2, 40)
            .corpus_global(2, 20)
            .build();
        for (text, host) in &texts {
            let url = Some(*host).filter(|h| !h.is_empty());
            let (once, changes) = run(&remover, text, url);
            let (twice, _) = run(&remover, &once, url);
            prop_assert_eq!(&twice, &once);
            let kept: Vec<&str> = once.lines().collect();
            let mut input = text.lines();
            for line in kept {
                prop_assert!(input.any(|l| l == line), "{:?} not a line of the input", line);
            }
            for (_, line) in changes {
                prop_assert!(text.lines().any(|l| l.trim_end() == line));
            }
        }
    }

    }

    proptest! {
        #[test]
        fn random_bytes_are_an_error_not_a_panic(bytes in proptest::collection::vec(any::<u8>(), 0..200)) {
            prop_assert!(CorpusModel::from_bytes(&bytes).is_err());
            let mut with_magic = MAGIC.to_vec();
            with_magic.extend_from_slice(&bytes);
            prop_assert!(CorpusModel::from_bytes(&with_magic).is_err());
        }

        #[test]
        fn truncated_or_damaged_files_are_an_error(cut in 0usize..10_000, flip in 0usize..10_000, bit in 0u8..8) {
            let bytes = model().to_bytes();
            let cut = cut % bytes.len();
            prop_assert!(CorpusModel::from_bytes(&bytes[..cut]).is_err());
            let mut damaged = bytes.clone();
            damaged[flip % bytes.len()] ^= 1 << bit;
            prop_assert!(CorpusModel::from_bytes(&damaged).is_err());
        }

        #[test]
        fn save_then_load_gives_the_model_back(
            docs in proptest::collection::vec(("[a-c ]{0,3}(\n[a-c0-9 .]{0,4}){0,6}", 0u8..4), 0..30),
        ) {
            let hosts = [None, Some("a.example"), Some("https://b.example/p"), Some("www.a.example")];
            let model = CorpusModel::learn(
                docs.iter().map(|(t, h)| (t.as_str(), hosts[usize::from(*h)])),
            );
            let bytes = model.to_bytes();
            let back = CorpusModel::from_bytes(&bytes).unwrap();
            prop_assert_eq!(&back, &model);
            prop_assert_eq!(back.to_bytes(), bytes);
            for (text, host) in &docs {
                for line in text.lines() {
                    let all = model.line_documents(line);
                    prop_assert!(all <= model.documents());
                    if let Some(host) = hosts[usize::from(*host)] {
                        let own = model.site_line_documents(host, line);
                        prop_assert!(own <= all && own <= model.site_documents(host));
                    }
                }
            }
        }
    }
}
