//! The page pass: classify each line on its own, then look at runs of lines
//! in their place on the page, then delete.
//!
//! Each line gets a [`Kind`]: removed by a rule, or one of the shapes the
//! page-level rules read (blank, prose, short, other). Line rules are pure
//! functions of one line, and the run rule skips lines they removed, so a
//! second pass finds nothing more to do (the stage is idempotent). Lines
//! learned from a corpus (`boilerplate.corpus`) are one more line rule in
//! [`Rules::line_kind`], a pure function of the line and its site.

use std::ops::Range;

use aho_corasick::{AhoCorasick, Anchored, Input};
use textclean_core::wrap::{BlockLine, is_evidently_wrapped};
use textclean_core::{Doc, Edits, LanguagePack};

use crate::corpus::{CorpusRule, Site};
use crate::features::{self, Context, Neighbour, Own, Region};
use crate::line::{
    Consent, alnum_words, case_boundaries, count_words, is_copyright,
    is_counter, is_navigation, normalize, normalize_splitting,
};
use crate::model::Model;

/// Rule names: stable, documented in the crate docs.
pub(crate) const PHRASE: &str = "boilerplate.phrase";
pub(crate) const NAVIGATION: &str = "boilerplate.navigation";
pub(crate) const COPYRIGHT: &str = "boilerplate.copyright";
pub(crate) const COUNTER: &str = "boilerplate.counter";
pub(crate) const CONSENT: &str = "boilerplate.consent";
pub(crate) const LINK_RUN: &str = "boilerplate.link_run";
pub(crate) const BLOCK: &str = "boilerplate.block";
pub(crate) const CORPUS: &str = "boilerplate.corpus";

/// Longest line (in bytes) that markers and phrases are tried on: longer
/// lines are content whatever they mention.
const KEY_MAX_BYTES: usize = 300;
/// Phrases must cover at least this share (in percent) of a line's key.
const PHRASE_COVER_PERCENT: usize = 50;
/// A line of at least this many words is prose: it bounds the head and
/// tail of the page, where menus live.
const PROSE_WORDS: usize = 12;
/// A line of at most this many words, without closing punctuation, may be
/// a menu item.
const SHORT_WORDS: usize = 4;
/// So many short lines in a row, with no prose before (or after) them, are
/// a menu.
const RUN_MIN: usize = 3;

/// The compiled rules of a [`crate::BoilerplateRemover`]: cheap to clone
/// (the automata are shared).
#[derive(Clone, Debug)]
pub(crate) struct Rules {
    /// One word of every marker, phrase, count word and copyright cue (its
    /// longest), ASCII case-insensitive: a line that holds none of them as
    /// a word can match none of them, and skips the key. `None` checks
    /// every line (a language whose words are not all ASCII).
    pub(crate) anchors: Option<AhoCorasick>,
    /// Whole-line markers, anchored; none when the phrase rule is off.
    pub(crate) markers: Option<AhoCorasick>,
    /// Contained phrases, including the user's.
    pub(crate) phrases: Option<AhoCorasick>,
    /// The heuristics' word lists; none when they are off.
    pub(crate) heuristics: Option<Heuristics>,
    /// The block model and the log-odds of being content below which it
    /// removes a block; none when the heuristics are off.
    pub(crate) model: Option<(&'static Model, f32)>,
    /// The language, for the block model's stopwords.
    pub(crate) lang: LanguagePack,
    /// Lines learned from a corpus (`boilerplate.corpus`); none by
    /// default.
    pub(crate) corpus: Option<CorpusRule>,
}

/// What the heuristics need from the language.
#[derive(Clone, Debug)]
pub(crate) struct Heuristics {
    pub(crate) counters: Vec<String>,
    pub(crate) copyright: Vec<String>,
    /// Cookie and consent banners; none when the pack lists no words.
    pub(crate) consent: Option<Consent>,
}

/// What a line is, as far as the page pass cares.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Kind {
    Blank,
    Removed(&'static str),
    Prose,
    Short,
    Other,
}

impl Rules {
    pub(crate) fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
        let lines = self.judge(doc, None);
        for (span, kind) in lines {
            if let Kind::Removed(rule) = kind {
                edits.delete(span, rule);
            }
        }
    }

    /// Every line's kind, removed or not, after all rules. `report`, when
    /// given, receives the block model's judgement of every block it saw;
    /// with `unjudged` the model removes nothing, so each block is scored
    /// in the context of every other (what the model is trained on).
    fn judge(
        &self,
        doc: &Doc<'_>,
        report: Option<(&mut Vec<BlockScore>, bool)>,
    ) -> Vec<(Range<usize>, Kind)> {
        let text = doc.text();
        let index = doc.lines();
        let (mut key, mut split) = (String::new(), String::new());
        let site = self.corpus.as_ref().map(|c| c.site(doc.meta().host()));
        let site = site.unwrap_or_default();
        // Blank lines neither count nor break a run, so they are not kept:
        // a page of blank lines costs no memory per line.
        let mut lines: Vec<(Range<usize>, Kind)> = index
            .iter()
            .enumerate()
            .filter_map(|(i, line)| {
                let kind =
                    self.line_kind(&text[line], &mut key, &mut split, site);
                (kind != Kind::Blank).then(|| (index.with_newline(i), kind))
            })
            .collect();
        let continuations = keep_continuations(text, &mut lines);
        let mut wrapped = Vec::new();
        let scratch = (&mut key, &mut split, site);
        self.page_rules(text, &mut lines, scratch, &mut wrapped);
        let Some((model, threshold)) = self.model else { return lines };
        let unjudged = report.as_ref().is_some_and(|r| r.1);
        let threshold = if unjudged { f32::NEG_INFINITY } else { threshold };
        let mut scores = Vec::new();
        let mut blocks;
        let mut removed;
        let mut rounds = 0;
        let mut gone = Vec::new();
        let mut own_of_line = vec![None; lines.len()];
        loop {
            blocks = self.blocks(text, &lines, &wrapped, &mut own_of_line);
            let want = report.is_some().then_some(&mut scores);
            removed = judge_blocks(model, threshold, &blocks, want);
            // A removed block is gone from the next round's blocks: its
            // report is taken now.
            if report.is_some() {
                for &dead in &removed {
                    gone.push(block_score(
                        &lines,
                        &blocks[dead],
                        &scores[dead],
                        true,
                    ));
                }
            }
            for &dead in &removed {
                for line in &mut lines[blocks[dead].lines.clone()] {
                    if !matches!(line.1, Kind::Removed(_)) {
                        line.1 = Kind::Removed(BLOCK);
                    }
                }
            }
            let orphans = drop_orphans(&continuations, &mut lines);
            // What the model removed changes what the page rules see, as a
            // second run would see it: lines beside a removed one may now be
            // an evidently wrapped paragraph, which sentence repair will
            // join (judged as one block), or a run of menu items at an edge
            // of the page. Either changes the model's context: judge again.
            // The main content may have grown where removals brought its
            // paragraphs together, which changes every block's place
            // beside it: judge again then too.
            rounds += 1;
            let mut alive = vec![true; blocks.len()];
            for &dead in &removed {
                alive[dead] = false;
            }
            let main_moved = main_content(&blocks, &alive)
                .iter()
                .zip(&blocks)
                .zip(&alive)
                .any(|((&now, block), &live)| live && now != block.main);
            let rules_found = !removed.is_empty()
                && self.page_rules(
                    text,
                    &mut lines,
                    (&mut key, &mut split, site),
                    &mut wrapped,
                );
            let again =
                rounds < MAX_ROUNDS && (main_moved || rules_found || orphans);
            if !again {
                break;
            }
        }
        if let Some((out, _)) = report {
            out.clear();
            out.append(&mut gone);
            for (b, block) in blocks.iter().enumerate() {
                if removed.binary_search(&b).is_err() {
                    out.push(block_score(&lines, block, &scores[b], false));
                }
            }
            out.sort_by_key(|b| b.span.start);
        }
        lines
    }

    /// The rules that read lines in their place on the page: hard-wrapped
    /// paragraphs judged as one line (their line sets into `wrapped`) and
    /// menu runs at its edges. Returns whether they found something new
    /// since the last call: other paragraphs, or lines to remove.
    fn page_rules(
        &self,
        text: &str,
        lines: &mut [(Range<usize>, Kind)],
        (key, split, site): (&mut String, &mut String, Site),
        wrapped: &mut Vec<Range<usize>>,
    ) -> bool {
        let before = std::mem::take(wrapped);
        self.judge_wrapped_paragraphs(text, lines, key, split, site, wrapped);
        let runs = self.heuristics.is_some() && mark_edge_runs(lines);
        runs || *wrapped != before
    }

    /// The block model's judgement of every block of `doc`.
    pub(crate) fn block_scores(
        &self,
        doc: &Doc<'_>,
        unjudged: bool,
    ) -> Vec<BlockScore> {
        let mut out = Vec::new();
        self.judge(doc, Some((&mut out, unjudged)));
        out
    }

    /// Gives the lines of each hard-wrapped paragraph the kind of the
    /// paragraph read as one line: what they will be once sentence repair
    /// joins them ([`is_evidently_wrapped`], the criterion it joins by),
    /// so that a second run, which sees the joined line, decides the same.
    /// A block is judged by the lines no line rule removed, as they stand
    /// in the output.
    fn judge_wrapped_paragraphs(
        &self,
        text: &str,
        lines: &mut [(Range<usize>, Kind)],
        key: &mut String,
        split: &mut String,
        site: Site,
        wrapped: &mut Vec<Range<usize>>,
    ) {
        let mut kept: Vec<usize> = Vec::new();
        let mut block: Vec<BlockLine> = Vec::new();
        let mut joined = String::new();
        let mut i = 0;
        while i < lines.len() {
            // A block: lines with no blank line between them.
            let mut j = i + 1;
            while j < lines.len() && lines[j - 1].0.end == lines[j].0.start {
                j += 1;
            }
            kept.clear();
            kept.extend(
                (i..j).filter(|&k| !matches!(lines[k].1, Kind::Removed(_))),
            );
            if kept.len() >= 2 {
                block.clear();
                block.extend(kept.iter().map(|&k| {
                    let span = lines[k].0.clone();
                    let raw = text[span.clone()].trim_end_matches('\n');
                    BlockLine::new(text, span.start..span.start + raw.len())
                }));
                if is_evidently_wrapped(text, &block) {
                    joined.clear();
                    for line in &block {
                        join_wrapped(&mut joined, &text[line.start..line.end]);
                    }
                    let kind = self.line_kind(&joined, key, split, site);
                    for &k in &kept {
                        lines[k].1 = kind;
                    }
                    wrapped.push(kept[0]..kept[kept.len() - 1] + 1);
                }
            }
            i = j;
        }
    }

    /// The blocks the model judges: every line no rule removed, the kept
    /// lines of a hard-wrapped paragraph together, read as one line.
    /// `own_of_line` keeps what each line reads as on its own from one
    /// round to the next.
    fn blocks(
        &self,
        text: &str,
        lines: &[(Range<usize>, Kind)],
        wrapped: &[Range<usize>],
        own_of_line: &mut [Option<Own>],
    ) -> Vec<Block> {
        let mut group_of = vec![usize::MAX; lines.len()];
        for (g, members) in wrapped.iter().enumerate() {
            group_of[members.clone()].fill(g);
        }
        // Blank lines before each line, counted from the top: two blocks
        // are apart when a blank line stands between them.
        let mut gaps = 0;
        let mut blocks: Vec<Block> = Vec::new();
        let mut joined = String::new();
        for (k, (span, kind)) in lines.iter().enumerate() {
            if k > 0 && lines[k - 1].0.end != span.start {
                gaps += 1;
            }
            if matches!(kind, Kind::Removed(_)) {
                continue;
            }
            let g = group_of[k];
            let open = blocks.last().is_some_and(|b| b.lines.contains(&k));
            if g != usize::MAX && open {
                if let Some(b) = blocks.last_mut() {
                    b.gaps_after = gaps;
                }
                continue;
            }
            let members = wrapped.get(g).map_or(k..k + 1, |r| k..r.end);
            let kept = lines[members.start + 1..members.end]
                .iter()
                .filter(|line| !matches!(line.1, Kind::Removed(_)))
                .count();
            // A block of one line reads as that line did in the last round.
            let own = if kept == 0 {
                *own_of_line[k].get_or_insert_with(|| {
                    Own::of(text[span.clone()].trim(), &self.lang, false)
                })
            } else {
                joined.clear();
                for (m, line) in lines[members.clone()].iter().enumerate() {
                    if matches!(line.1, Kind::Removed(_)) && m > 0 {
                        continue;
                    }
                    join_wrapped(&mut joined, text[line.0.clone()].trim());
                }
                Own::of(&joined, &self.lang, true)
            };
            blocks.push(Block {
                lines: members,
                own,
                gaps_before: gaps,
                gaps_after: gaps,
                region: Region::default(),
                main: false,
            });
        }
        // The main content's paragraphs on each side of each block: the
        // model never removes those, so these stay as it removes others.
        let alive = vec![true; blocks.len()];
        for (b, main) in main_content(&blocks, &alive).into_iter().enumerate()
        {
            blocks[b].main = main;
        }
        let (mut count, mut words) = (0.0, 0.0);
        for b in &mut blocks {
            b.region.blocks_before = count;
            b.region.words_before = words;
            if b.main {
                count += 1.0;
                words += b.own.words;
            }
        }
        let (mut count, mut words) = (0.0, 0.0);
        for b in blocks.iter_mut().rev() {
            b.region.blocks_after = count;
            b.region.words_after = words;
            if b.main {
                count += 1.0;
                words += b.own.words;
            }
        }
        blocks
    }

    /// Classifies one line on its own (and, for `boilerplate.corpus`, its
    /// document's `site`).
    fn line_kind(
        &self,
        line: &str,
        key: &mut String,
        split: &mut String,
        site: Site,
    ) -> Kind {
        let trimmed = line.trim();
        if trimmed.is_empty() {
            return Kind::Blank;
        }
        // Where sentence repair may split glued words: read once, for the
        // phrase match and for the word count.
        let boundaries = case_boundaries(line);
        let words = if line.len() > KEY_MAX_BYTES {
            key.clear();
            count_words(line)
        } else if self.may_match(line) {
            let words = normalize(line, key);
            if self.is_marker(key) || self.is_phrase(key) {
                return Kind::Removed(PHRASE);
            }
            // Glued sentences read as sentence repair will split them, so
            // that a second run removes no more than the first.
            if boundaries > 0 {
                normalize_splitting(line, split, true);
                if self.is_marker(split) || self.is_phrase(split) {
                    return Kind::Removed(PHRASE);
                }
            }
            words
        } else {
            key.clear();
            alnum_words(line)
        };
        let words = words + boundaries;
        if let Some(h) = &self.heuristics {
            if h.consent.as_ref().is_some_and(|c| c.holds(line, split)) {
                return Kind::Removed(CONSENT);
            }
            if line.len() <= KEY_MAX_BYTES {
                if is_copyright(line, key, &h.copyright) {
                    return Kind::Removed(COPYRIGHT);
                }
                if is_counter(key, &h.counters) {
                    return Kind::Removed(COUNTER);
                }
            }
            if is_navigation(line) {
                return Kind::Removed(NAVIGATION);
            }
        }
        // Last: the known rules name what they find; this one finds what
        // none of them knows (a pure function of the line and its site,
        // so a second run decides the same).
        if let Some(corpus) = &self.corpus {
            if corpus.is_recurring(line, site) {
                return Kind::Removed(CORPUS);
            }
        }
        if words >= PROSE_WORDS {
            Kind::Prose
        } else if words <= SHORT_WORDS
            && !trimmed.ends_with(['.', '!', '?', ':', ';', ','])
        {
            Kind::Short
        } else {
            Kind::Other
        }
    }

    /// Whether `line` holds an anchor word, so that a marker, a phrase, a
    /// count word or a copyright cue may match its key.
    fn may_match(&self, line: &str) -> bool {
        let Some(anchors) = &self.anchors else { return true };
        let bytes = line.as_bytes();
        // A word edge, or a lower→Upper boundary as the key has it.
        let edge = |before: Option<&u8>, after: Option<&u8>| {
            !before.is_some_and(u8::is_ascii_alphanumeric)
                || !after.is_some_and(u8::is_ascii_alphanumeric)
                || (before.is_some_and(u8::is_ascii_lowercase)
                    && after.is_some_and(u8::is_ascii_uppercase))
        };
        anchors.find_overlapping_iter(line).any(|m| {
            let start = m.start().checked_sub(1).map(|i| &bytes[i]);
            let end = m.end().checked_sub(1).map(|i| &bytes[i]);
            edge(start, bytes.get(m.start())) && edge(end, bytes.get(m.end()))
        })
    }

    /// True when `key` is a whole-line marker, ignoring trailing numbers
    /// (`Comments (3)`).
    fn is_marker(&self, key: &str) -> bool {
        let Some(ac) = &self.markers else { return false };
        let mut key = key;
        loop {
            if key.is_empty() {
                return false;
            }
            let input = Input::new(key).anchored(Anchored::Yes);
            if ac.find(input).is_some_and(|m| m.end() == key.len()) {
                return true;
            }
            match key.rsplit_once(' ') {
                Some((head, last))
                    if last.bytes().all(|b| b.is_ascii_digit()) =>
                {
                    key = head;
                }
                _ => return false,
            }
        }
    }

    /// True when known phrases, on word boundaries, cover most of `key`.
    fn is_phrase(&self, key: &str) -> bool {
        let Some(ac) = &self.phrases else { return false };
        let bytes = key.as_bytes();
        let mut covered = 0;
        for m in ac.find_iter(key) {
            let starts_word = m.start() == 0 || bytes[m.start() - 1] == b' ';
            let ends_word = m.end() == key.len() || bytes[m.end()] == b' ';
            if starts_word && ends_word {
                covered += m.len();
            }
        }
        covered > 0 && covered * 100 >= key.len() * PHRASE_COVER_PERCENT
    }
}

/// Keeps a line the phrase rule removed when it is the end of a sentence
/// wrapped from the prose line right above it: that line does not end a
/// sentence, and this one starts in lower case (`…where capping was` /
/// `necessary.`). No line rule removes a prose line, so the decision is
/// the same on a second run; the block model may, and then the line it
/// kept goes too ([`drop_orphans`]).
///
/// Returns the lines it kept.
fn keep_continuations(
    text: &str,
    lines: &mut [(Range<usize>, Kind)],
) -> Vec<usize> {
    let mut kept = Vec::new();
    for i in 1..lines.len() {
        let (above, line) = (&lines[i - 1], &lines[i]);
        if line.1 != Kind::Removed(PHRASE)
            || above.1 != Kind::Prose
            || above.0.end != line.0.start
        {
            continue;
        }
        let above_text = text[above.0.clone()].trim_end();
        let goes_on = !above_text.ends_with(['.', '!', '?', ':', ';']);
        let lower = text[line.0.clone()]
            .trim_start()
            .chars()
            .next()
            .is_some_and(char::is_lowercase);
        if goes_on && lower {
            lines[i].1 = Kind::Other;
            kept.push(i);
        }
    }
    kept
}

/// Removes again, as the phrases they are, the `continuations` whose
/// line above is gone (the block model judged it part of the page
/// around the content): a second run, which sees them alone, would.
/// Returns whether it removed one.
fn drop_orphans(
    continuations: &[usize],
    lines: &mut [(Range<usize>, Kind)],
) -> bool {
    let mut dropped = false;
    for &i in continuations {
        let above_gone = matches!(lines[i - 1].1, Kind::Removed(_));
        if above_gone && !matches!(lines[i].1, Kind::Removed(_)) {
            lines[i].1 = Kind::Removed(PHRASE);
            dropped = true;
        }
    }
    dropped
}

/// Marks runs of short lines before the first and after the last prose
/// line as `boilerplate.link_run`. Blank and removed lines neither count
/// nor break a run. Returns whether it marked a line.
fn mark_edge_runs(lines: &mut [(Range<usize>, Kind)]) -> bool {
    let Some(first) = lines.iter().position(|l| l.1 == Kind::Prose) else {
        return false;
    };
    let last = lines.iter().rposition(|l| l.1 == Kind::Prose).unwrap_or(first);
    let n = lines.len();
    let head = mark_runs(&mut lines[..first], false);
    let tail = mark_runs(&mut lines[last + 1..n], true);
    head || tail
}

fn mark_runs(lines: &mut [(Range<usize>, Kind)], need_evidence: bool) -> bool {
    let mut marked = false;
    // The run being read: its short lines, and whether a line rule removed
    // a line among or right beside them (a menu that holds "Privacy
    // Policy" or "Facebook" is a menu).
    let mut run: Vec<usize> = Vec::new();
    let mut evidence = false;
    let mut removed_before = false;
    for i in 0..=lines.len() {
        let kind = lines.get(i).map_or(Kind::Other, |l| l.1);
        match kind {
            Kind::Short => {
                if run.is_empty() {
                    evidence = removed_before;
                }
                run.push(i);
            }
            Kind::Blank => {}
            Kind::Removed(_) => {
                removed_before = true;
                evidence |= !run.is_empty();
            }
            Kind::Prose | Kind::Other => {
                if run.len() >= RUN_MIN && (evidence || !need_evidence) {
                    for &j in &run {
                        lines[j].1 = Kind::Removed(LINK_RUN);
                    }
                    marked = true;
                }
                run.clear();
                evidence = false;
                removed_before = false;
            }
        }
    }
    marked
}

/// How the block model judged one block: see
/// [`BoilerplateRemover::block_scores`](crate::BoilerplateRemover::block_scores).
#[derive(Clone, Debug, PartialEq)]
pub struct BlockScore {
    /// The block's lines in the text, with their line ends.
    pub span: Range<usize>,
    /// The log-odds that the block is main content, in its last context.
    pub score: f32,
    /// The features the score was computed from, named by
    /// [`BoilerplateRemover::block_feature_names`](crate::BoilerplateRemover::block_feature_names).
    pub features: Vec<f32>,
    /// Whether the model removed it.
    pub removed: bool,
    /// The rule that kept it whatever its score, if one did: `prose` (it
    /// reads as prose on its own), `between prose`, `headline` (the title
    /// above the first paragraph), `short page` (too few blocks to judge).
    pub kept_by: Option<&'static str>,
}

/// Adds the next `line` of a wrapped paragraph to `joined`, as sentence
/// repair joins it: after a space, or right after a hyphen that ends a
/// word cut across the break (`con-` + `tinue`), which the word tally then
/// reads as one word, hyphen kept or not.
fn join_wrapped(joined: &mut String, line: &str) {
    let cut = joined.strip_suffix('-').is_some_and(|rest| {
        rest.chars().next_back().is_some_and(char::is_alphabetic)
    }) && line.chars().next().is_some_and(char::is_alphabetic);
    if !joined.is_empty() && !cut {
        joined.push(' ');
    }
    joined.push_str(line);
}

/// How many times the model judges a page at most: again after the page
/// rules found more to remove beside what it removed, or after prose
/// went (once or twice more is almost always the last).
const MAX_ROUNDS: usize = 6;

/// Pages of fewer blocks are not judged by the model: a snippet, a post,
/// a short document has no page around it to tell its content from.
/// (Removing blocks never brings a judged page back below this in a way
/// that matters: a second run that does not judge removes nothing, and one
/// that does sees the contexts the first run ended with.)
const MIN_BLOCKS: usize = 8;

/// A block the model judges.
#[derive(Clone, Debug)]
pub(crate) struct Block {
    /// Its lines (indices into the page's non-blank lines): those of the
    /// range no rule removed.
    pub(crate) lines: Range<usize>,
    pub(crate) own: Own,
    /// Blank lines above its first line and above its last, counted from
    /// the top of the page.
    gaps_before: usize,
    gaps_after: usize,
    region: Region,
    /// A paragraph of the page's main content ([`main_content`]).
    main: bool,
}

/// Judges the blocks with `model`, and returns those it removes.
///
/// A block's context is the blocks still on the page around it, so when
/// one goes, the blocks whose context held it are judged again, until no
/// block changes: what is kept is then exactly what a second run keeps
/// (it sees the kept blocks, and only them). Each block is removed at most
/// once and each removal queues a bounded number of neighbours, so the
/// work is linear in the number of blocks. The prose of the main content
/// ([`main_content`]) is never removed, nor a block between two blocks of
/// prose, nor the headline above the first: a page's content is worth
/// more than the boilerplate such rules leave. Other prose goes only below
/// [`prose_threshold`]; when it does, every block's place among the
/// page's prose changes, and the caller judges the page again.
/// `scores`, when given, receives each block's last score and features.
pub(crate) fn judge_blocks(
    model: &Model,
    threshold: f32,
    blocks: &[Block],
    mut scores: Option<&mut Vec<Scored>>,
) -> Vec<usize> {
    let n = blocks.len();
    if n < MIN_BLOCKS && threshold > f32::NEG_INFINITY {
        if let Some(s) = scores.as_deref_mut() {
            s.clear();
            s.extend(blocks.iter().map(|_| Scored {
                score: f32::NAN,
                features: [f32::NAN; features::COUNT],
                kept_by: Some(KEPT_SHORT_PAGE),
            }));
        }
        return Vec::new();
    }
    let none = usize::MAX;
    let first_main = blocks.iter().position(|b| b.main).unwrap_or(none);
    let mut prev: Vec<usize> =
        (0..n).map(|i| i.checked_sub(1).unwrap_or(none)).collect();
    let mut next: Vec<usize> =
        (1..=n).map(|i| if i < n { i } else { none }).collect();
    let mut alive = vec![true; n];
    let mut queued = vec![true; n];
    let mut queue: std::collections::VecDeque<usize> = (0..n).collect();
    let mut removed = Vec::new();
    let mut x = [0f32; features::COUNT];
    let mut memo = Memo::default();
    if let Some(s) = scores.as_deref_mut() {
        s.clear();
        s.resize(n, Scored::default());
    }
    while let Some(b) = queue.pop_front() {
        queued[b] = false;
        if !alive[b] {
            continue;
        }
        let protected =
            |at: usize| at != none && blocks[at].own.is_protected();
        // A heading or a line between two paragraphs of prose is part of
        // the text they make.
        // Prose outside the main content is decided by its score, with a
        // lower bar than other blocks.
        let outer_prose = !blocks[b].main && blocks[b].own.is_protected();
        let kept_by = if blocks[b].main {
            Some(KEPT_PROSE)
        } else if outer_prose {
            None
        } else if protected(prev[b]) && protected(next[b]) {
            Some(KEPT_BETWEEN_PROSE)
        } else if is_headline(blocks, b, first_main, &next) {
            Some(KEPT_HEADLINE)
        } else {
            None
        };
        if kept_by.is_some() && scores.is_none() {
            continue;
        }
        let context = context_of(blocks, b, &prev, &next);
        features::vector(&blocks[b].own, &context, &mut x);
        let score = memo.score(model, &x);
        let bar =
            if outer_prose { prose_threshold(threshold) } else { threshold };
        let kept_by =
            kept_by.or((outer_prose && score >= bar).then_some(KEPT_PROSE));
        if let Some(s) = scores.as_deref_mut() {
            s[b] = Scored { score, features: x, kept_by };
        }
        if kept_by.is_some() || score >= bar {
            continue;
        }
        alive[b] = false;
        removed.push(b);
        let (p, q) = (prev[b], next[b]);
        if p != none {
            next[p] = q;
        }
        if q != none {
            prev[q] = p;
        }
        // Every block whose window held this one.
        for (start, step) in [(p, &prev), (q, &next)] {
            let mut at = start;
            for _ in 0..features::WINDOW {
                if at == none {
                    break;
                }
                if !queued[at] {
                    queued[at] = true;
                    queue.push_back(at);
                }
                at = step[at];
            }
        }
    }
    removed.sort_unstable();
    removed
}

/// The last scores the model gave, by their feature vector: a page of
/// blocks alike (a menu, a list of links, hostile input) asks for the same
/// vector again and again, and gets the same score without the trees.
/// Direct-mapped: a vector replaces whatever held its slot.
struct Memo {
    slots: Vec<Option<([u32; features::COUNT], f32)>>,
}

/// The slots of a [`Memo`], a power of two.
const MEMO_SLOTS: usize = 256;

impl Default for Memo {
    fn default() -> Memo {
        Memo { slots: vec![None; MEMO_SLOTS] }
    }
}

impl Memo {
    /// `model`'s score of `x`, as the trees give it.
    fn score(&mut self, model: &Model, x: &[f32; features::COUNT]) -> f32 {
        let bits = x.map(f32::to_bits);
        let hash = bits.iter().fold(0u64, |h, &b| {
            (h.rotate_left(5) ^ u64::from(b))
                .wrapping_mul(0x517c_c1b7_2722_0a95)
        });
        let slot = &mut self.slots[(hash >> 56) as usize % MEMO_SLOTS];
        match slot {
            Some((key, score)) if *key == bits => *score,
            _ => {
                let score = model.score(x);
                *slot = Some((bits, score));
                score
            }
        }
    }
}

/// One block's last judgement: its score, the features it was computed
/// from, and the safety rule that kept it whatever the score, if one did.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Scored {
    score: f32,
    features: [f32; features::COUNT],
    kept_by: Option<&'static str>,
}

impl Default for Scored {
    fn default() -> Scored {
        Scored { score: 0.0, features: [0.0; features::COUNT], kept_by: None }
    }
}

/// Why a block was kept whatever its score: it reads as prose
/// ([`Own::is_protected`]), it stands between two such blocks, it is the
/// headline above the first of them, or the page has too few blocks to be
/// judged ([`MIN_BLOCKS`]).
pub(crate) const KEPT_PROSE: &str = "prose";
pub(crate) const KEPT_BETWEEN_PROSE: &str = "between prose";
pub(crate) const KEPT_HEADLINE: &str = "headline";
pub(crate) const KEPT_SHORT_PAGE: &str = "short page";

/// The report of `block` of `lines`, with its last score and features.
fn block_score(
    lines: &[(Range<usize>, Kind)],
    block: &Block,
    scored: &Scored,
    removed: bool,
) -> BlockScore {
    let first = &lines[block.lines.start].0;
    let last = &lines[block.lines.end - 1].0;
    BlockScore {
        span: first.start..last.end,
        score: scored.score,
        features: scored.features.to_vec(),
        removed,
        kept_by: scored.kept_by,
    }
}

/// The blocks of the page's main content, of those `alive`: the run of
/// blocks that read as prose ([`Own::is_protected`]), each at most
/// [`MAIN_GAP`] live blocks from the next, holding the most words of such
/// prose (the first such run on a tie). They are never removed: whatever
/// the model thinks of a page, its text stays.
fn main_content(blocks: &[Block], alive: &[bool]) -> Vec<bool> {
    let mut main = vec![false; blocks.len()];
    // The best run so far and the current one (first block, last block,
    // words), and the live blocks seen since the current run's last.
    let mut best = (0, 0, 0.0);
    let mut run: Option<(usize, usize, f32)> = None;
    let mut since = 0;
    for (b, block) in blocks.iter().enumerate() {
        if !alive[b] {
            continue;
        }
        if !block.own.is_protected() {
            since += 1;
            continue;
        }
        let words = block.own.words;
        run = match run {
            Some((first, _, sum)) if since <= MAIN_GAP => {
                Some((first, b, sum + words))
            }
            _ => Some((b, b, words)),
        };
        since = 0;
        if let Some(r) = run.filter(|r| r.2 > best.2) {
            best = r;
        }
    }
    if best.2 > 0.0 {
        for b in best.0..=best.1 {
            main[b] = alive[b] && blocks[b].own.is_protected();
        }
    }
    main
}

/// How many other blocks may stand between two paragraphs of the main
/// content.
const MAIN_GAP: usize = 3;

/// How much lower than the threshold a block that reads as prose on its
/// own ([`Own::is_protected`]) must score to be removed: prose goes only
/// where the model plainly finds it outside the page's content (comments,
/// an author's box, a related story's teaser, a cookie notice).
const PROSE_MARGIN: f32 = 0.5;

/// The score below which prose outside the main content goes: the
/// threshold less [`PROSE_MARGIN`], and never above `-PROSE_MARGIN` (even
/// the aggressive strictness keeps prose the model is unsure of).
fn prose_threshold(threshold: f32) -> f32 {
    threshold.min(0.0) - PROSE_MARGIN
}

/// How many blocks above the main content's first paragraph its title and
/// byline may stand.
const HEADLINE_REACH: usize = 3;

/// Whether block `b` reads like a title and stands at most
/// [`HEADLINE_REACH`] blocks (of those still on the page) above the main
/// content's first paragraph, `first_main`: the headline of the text, and its byline, which the
/// model would take for the page around it.
fn is_headline(
    blocks: &[Block],
    b: usize,
    first_main: usize,
    next: &[usize],
) -> bool {
    if b >= first_main || !blocks[b].own.title_like {
        return false;
    }
    let mut at = b;
    for _ in 0..HEADLINE_REACH {
        at = next[at];
        if at == first_main {
            return true;
        }
        if at == usize::MAX {
            break;
        }
    }
    false
}

/// The context of block `b` among the blocks still linked by `prev` and
/// `next`.
fn context_of(
    blocks: &[Block],
    b: usize,
    prev: &[usize],
    next: &[usize],
) -> Context {
    let mut context =
        Context { region: blocks[b].region, ..Context::default() };
    for (before, links) in [(true, prev), (false, next)] {
        let mut sums = [0f32; 3];
        let mut at = links[b];
        let mut nearer = b;
        for k in 0..features::WINDOW {
            if at == usize::MAX {
                break;
            }
            let block = &blocks[at];
            if k < features::NEIGHBOURS {
                let separated = if before {
                    blocks[nearer].gaps_before > block.gaps_after
                } else {
                    block.gaps_before > blocks[nearer].gaps_after
                };
                let neighbour = Some(Neighbour { own: block.own, separated });
                if before {
                    context.before[k] = neighbour;
                } else {
                    context.after[k] = neighbour;
                }
            }
            sums[0] += f32::from(u8::from(block.own.is_prose()));
            sums[1] += block.own.words;
            sums[2] += 1.0;
            nearer = at;
            at = links[at];
        }
        if before {
            context.before_sums = sums;
        } else {
            context.after_sums = sums;
        }
    }
    context
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_memo_gives_the_models_scores() {
        let model = crate::block_model();
        let mut memo = Memo::default();
        // More vectors than slots, each asked for twice: slots are reused
        // and replaced, and every answer is still the trees'.
        let vectors: Vec<[f32; features::COUNT]> = (0..4 * MEMO_SLOTS)
            .map(|i| {
                std::array::from_fn(|f| ((i * 7 + f * 3) % 11) as f32 / 4.0)
            })
            .collect();
        for x in vectors.iter().chain(vectors.iter().rev()) {
            assert_eq!(
                memo.score(model, x).to_bits(),
                model.score(x).to_bits()
            );
        }
    }
}
