//! The invariants the fuzz targets check, shared by all of them.
//!
//! Each check panics (through `assert!`) with a message that names the
//! invariant and the context (which stage, which options), so that a
//! failure libFuzzer reports says what went wrong, not only where.
//!
//! The checks read only the public API: what a stage or a pipeline
//! promises in its docs (see the README of this folder for the list).
#![forbid(unsafe_code)]

use std::borrow::Cow;
use std::fmt::Display;

use textclean::{Change, Pipeline, Record, Report, SpanMap, Stage};
use textclean_core::{Rewritten, replay};

/// The text a fuzz input stands for: invalid UTF-8 becomes U+FFFD, so
/// that every mutation of the bytes still reaches the stages.
pub fn text_of(data: &[u8]) -> Cow<'_, str> {
    String::from_utf8_lossy(data)
}

/// True when `out` is `input` itself, not a copy of it.
fn same_slice(out: &str, input: &str) -> bool {
    out.as_ptr() == input.as_ptr() && out.len() == input.len()
}

/// A `Cow` result of cleaning `input`: borrowed exactly when unchanged.
///
/// `Stage::clean` and `Pipeline::clean` promise "borrowed when nothing
/// changed" (and the core's own tests assert borrowed iff no change), and
/// a borrowed result must be the input itself.
// The variant is the point: a `&str` would not say whether it was borrowed.
#[allow(clippy::ptr_arg)]
pub fn check_cow(input: &str, out: &Cow<'_, str>, what: &dyn Display) {
    match out {
        Cow::Borrowed(s) => assert!(
            same_slice(s, input),
            "{what}: a borrowed result is not the input itself"
        ),
        Cow::Owned(s) => assert!(
            s != input,
            "{what}: the text is unchanged but came back owned \
             (the docs promise borrowed when nothing changed)"
        ),
    }
}

/// Checks `changes` (each with `span` in `input` and `at` in the text as
/// it stood just before it) against `input` and `output`: spans in bounds
/// and on char boundaries, no change that changes nothing, and replaying
/// them in order gives `output`. Returns, for each byte of `output`, the
/// byte of `input` it was copied from (`None` for written bytes), for
/// [`check_map`].
pub fn check_changes(
    input: &str,
    output: &str,
    changes: &[Change],
    what: &dyn Display,
) -> Vec<Option<usize>> {
    for (i, c) in changes.iter().enumerate() {
        assert!(
            c.span.start <= c.span.end && c.span.end <= input.len(),
            "{what}: change {i} ({}) span {:?} is out of the input's \
             bounds (0..{})",
            c.rule,
            c.span,
            input.len()
        );
        assert!(
            input.is_char_boundary(c.span.start)
                && input.is_char_boundary(c.span.end),
            "{what}: change {i} ({}) span {:?} is not on char boundaries \
             of the input",
            c.rule,
            c.span
        );
    }
    let replayed = replay(input, changes);
    assert_eq!(
        replayed.as_deref(),
        Some(output),
        "{what}: replaying the {} changes on the input does not give the \
         output",
        changes.len()
    );
    if changes.len() <= 64 {
        // The definition itself, for a few changes: each in turn.
        let mut text = input.to_owned();
        for c in changes {
            assert!(
                text.get(c.at.clone()).is_some(),
                "{what}: change ({}) `at` {:?} does not fit the text before \
                 it",
                c.rule,
                c.at
            );
            text.replace_range(c.at.clone(), &c.replacement);
        }
        assert_eq!(
            text, output,
            "{what}: applying the changes in turn at their `at` spans does \
             not give the output"
        );
    }
    let (text, origins) = replay_with_origins(input, changes, what);
    assert_eq!(
        text, output,
        "{what}: applying the changes one by one at their `at` spans does \
         not give the output"
    );
    origins
}

/// Applies `changes` in order, each at its `at` span, to `input`,
/// tracking where each output byte was copied from. Written apart from
/// `textclean_core::replay` (though grouping the changes in runs of
/// increasing spans as it does, to stay linear) so the two check each
/// other; [`check_changes`] also applies a few changes one by one.
fn replay_with_origins(
    input: &str,
    changes: &[Change],
    what: &dyn Display,
) -> (String, Vec<Option<usize>>) {
    let mut text = input.to_owned();
    let mut origins: Vec<Option<usize>> = (0..input.len()).map(Some).collect();
    // Changes in increasing order (one stage's) are applied in one pass:
    // splicing each in turn would be quadratic.
    let mut next_text = String::new();
    let mut next_origins = Vec::new();
    let mut rest = changes;
    while let Some(first) = rest.first() {
        let mut end = 1;
        let mut out_end = first.at.start + first.replacement.len();
        while end < rest.len() && rest[end].at.start >= out_end {
            out_end = rest[end].at.start + rest[end].replacement.len();
            end += 1;
        }
        let (run, after) = rest.split_at(end);
        rest = after;
        next_text.clear();
        next_origins.clear();
        // `at` is in the text with the earlier changes of the run applied:
        // undo their shift to find it in `text`.
        let mut shift: isize = 0;
        let mut copied = 0;
        for c in run {
            let start = c.at.start as isize - shift;
            let stop = c.at.end as isize - shift;
            assert!(
                start >= copied as isize
                    && start <= stop
                    && stop as usize <= text.len()
                    && text.is_char_boundary(start as usize)
                    && text.is_char_boundary(stop as usize),
                "{what}: change ({}) `at` {:?} does not fit the text as it \
                 stood before it ({} bytes)",
                c.rule,
                c.at,
                text.len()
            );
            let (start, stop) = (start as usize, stop as usize);
            assert_ne!(
                &text[start..stop],
                c.replacement,
                "{what}: change ({}) at {:?} replaces text with itself",
                c.rule,
                c.at
            );
            next_text.push_str(&text[copied..start]);
            next_origins.extend_from_slice(&origins[copied..start]);
            next_text.push_str(&c.replacement);
            next_origins
                .extend(std::iter::repeat_n(None, c.replacement.len()));
            copied = stop;
            shift += c.replacement.len() as isize - c.at.len() as isize;
        }
        next_text.push_str(&text[copied..]);
        next_origins.extend_from_slice(&origins[copied..]);
        std::mem::swap(&mut text, &mut next_text);
        std::mem::swap(&mut origins, &mut next_origins);
    }
    (text, origins)
}

/// Checks a span map between `input` and `output`: every output offset
/// maps into the input, onto a char boundary, in order, and every input
/// offset into the output likewise; ranges map to ranges on char
/// boundaries; and text that no change touched (`origins`) maps exactly,
/// both ways.
///
/// Long texts are checked near every change and at every 16th offset
/// elsewhere: far from a change, a map can only shift offsets, and the
/// sampled offsets show a wrong shift.
pub fn check_map(
    input: &str,
    output: &str,
    map: &SpanMap,
    origins: &[Option<usize>],
    what: &dyn Display,
) {
    assert_eq!(origins.len(), output.len(), "{what}: origins of the output");
    let (near_out, near_in) = near_changes(input.len(), origins);
    let mut last = 0;
    for (o, c) in output.char_indices().chain([(output.len(), ' ')]) {
        if !near_out[o] && o % 16 != 0 && o != output.len() {
            continue;
        }
        let s = map.to_source(o);
        assert!(
            s <= input.len() && input.is_char_boundary(s),
            "{what}: output offset {o} maps to {s}, not a char boundary of \
             the input ({} bytes)",
            input.len()
        );
        assert!(
            s >= last,
            "{what}: output offset {o} maps to {s}, before {last}, where \
             the offset before it maps"
        );
        last = s;
        if o == output.len() {
            break;
        }
        let range = map.to_source_range(o..o + c.len_utf8());
        assert!(
            range.start <= range.end
                && range.end <= input.len()
                && input.is_char_boundary(range.start)
                && input.is_char_boundary(range.end),
            "{what}: output range {:?} maps to {range:?}, not a range on \
             char boundaries of the input",
            o..o + c.len_utf8()
        );
        if let Some(from) = origins[o] {
            // A char copied whole from the input maps exactly.
            let n = c.len_utf8();
            let whole = (0..n).all(|k| origins[o + k] == Some(from + k));
            if whole {
                assert_eq!(
                    s, from,
                    "{what}: output offset {o} ({c:?}) was copied from input \
                     offset {from} but maps to {s}"
                );
                assert_eq!(
                    range,
                    from..from + n,
                    "{what}: output char {c:?} at {o} was copied from input \
                     offset {from} but its range maps to {range:?}"
                );
                let back = map.to_output(from);
                assert_eq!(
                    back, o,
                    "{what}: input offset {from} ({c:?}) was copied to \
                     output offset {o} but maps forward to {back}"
                );
                let range = map.to_output_range(from..from + n);
                assert_eq!(
                    range,
                    o..o + n,
                    "{what}: input char {c:?} at {from} was copied to {o} \
                     but its range maps forward to {range:?}"
                );
            }
        }
    }
    let mut last = 0;
    for (i, c) in input.char_indices().chain([(input.len(), ' ')]) {
        if !near_in[i] && i % 16 != 0 && i != input.len() {
            continue;
        }
        let o = map.to_output(i);
        assert!(
            o <= output.len() && output.is_char_boundary(o),
            "{what}: input offset {i} maps forward to {o}, not a char \
             boundary of the output ({} bytes)",
            output.len()
        );
        assert!(
            o >= last,
            "{what}: input offset {i} maps forward to {o}, before {last}"
        );
        last = o;
        if i == input.len() {
            break;
        }
        let range = map.to_output_range(i..i + c.len_utf8());
        assert!(
            range.start <= range.end
                && range.end <= output.len()
                && output.is_char_boundary(range.start)
                && output.is_char_boundary(range.end),
            "{what}: input range {:?} maps forward to {range:?}, not a \
             range on char boundaries of the output",
            i..i + c.len_utf8()
        );
    }
    // The ends map to the ends.
    assert_eq!(map.to_source(output.len()), input.len(), "{what}: end");
    assert_eq!(map.to_output(input.len()), output.len(), "{what}: end");
}

/// Which offsets of the output and of the input (each up to its length)
/// lie within 8 bytes of the edge of a change, or are in short texts.
fn near_changes(
    input_len: usize,
    origins: &[Option<usize>],
) -> (Vec<bool>, Vec<bool>) {
    const REACH: usize = 8;
    let mut near_out = vec![origins.len() <= 256; origins.len() + 1];
    let mut near_in = vec![input_len <= 256; input_len + 1];
    // Where each input byte went, if it was copied.
    let mut went = vec![None; input_len];
    for (o, from) in origins.iter().enumerate() {
        if let Some(from) = *from {
            went[from] = Some(o);
        }
    }
    let mark = |near: &mut Vec<bool>, at: usize| {
        let end = (at + REACH).min(near.len() - 1);
        near[at.saturating_sub(REACH)..=end].fill(true);
    };
    for o in 0..=origins.len() {
        let before = o.checked_sub(1).and_then(|p| origins[p]);
        let here = origins.get(o).copied().flatten();
        let follows = match (before, here) {
            (Some(b), Some(h)) => h == b + 1,
            (None, None) => o != 0 && o != origins.len(),
            _ => false,
        };
        if !follows {
            mark(&mut near_out, o);
        }
    }
    for i in 0..=input_len {
        let before = i.checked_sub(1).and_then(|p| went[p]);
        let here = went.get(i).copied().flatten();
        let follows = match (before, here) {
            (Some(b), Some(h)) => h == b + 1,
            (None, None) => i != 0 && i != input_len,
            _ => false,
        };
        if !follows {
            mark(&mut near_in, i);
        }
    }
    (near_out, near_in)
}

/// Runs one stage on `input` through `Stage::clean`, `Stage::run` with
/// counts and `Stage::explain`, and checks that they agree and that the
/// explain report is right. Returns the output and the report.
pub fn check_stage<'a, S: Stage + ?Sized>(
    stage: &S,
    input: &'a str,
    what: &dyn Display,
) -> (Cow<'a, str>, Rewritten<'a>) {
    let clean = stage.clean(input);
    check_cow(input, &clean, what);
    let counts = stage.run(input, Record::Counts);
    let report = stage.explain(input);
    assert_eq!(
        report.text, clean,
        "{what}: the explain path's text differs from the clean path's"
    );
    assert_eq!(
        counts.text, clean,
        "{what}: the counts path's text differs from the clean path's"
    );
    assert_eq!(
        counts.stats, report.stats,
        "{what}: counting and explaining count different changes"
    );
    assert_eq!(
        report.stats.changes(),
        report.changes.len() as u64,
        "{what}: the stats count another number of changes than reported"
    );
    assert_eq!(
        report.changes.is_empty(),
        matches!(report.text, Cow::Borrowed(_)),
        "{what}: borrowed iff no change"
    );
    // One stage's changes come in input order, apart, each at its `at`.
    let mut end = 0;
    let mut shift: isize = 0;
    for c in &report.changes {
        assert!(
            c.span.start >= end,
            "{what}: change ({}) span {:?} starts before the previous \
             change's end {end}",
            c.rule,
            c.span
        );
        end = c.span.end;
        let at = c.span.start as isize + shift;
        assert_eq!(
            c.at.start as isize, at,
            "{what}: change ({}) `at` {:?} is not its span {:?} shifted by \
             the changes before it",
            c.rule, c.at, c.span
        );
        shift += c.replacement.len() as isize - c.span.len() as isize;
    }
    let origins = check_changes(input, &report.text, &report.changes, what);
    assert_eq!(
        report.map,
        SpanMap::from_changes(&report.changes),
        "{what}: the stage's span map is not the map of its changes"
    );
    check_map(input, &report.text, &report.map, &origins, what);
    (clean, report)
}

/// Runs `pipeline` on `input` through `clean` and `explain` (and, when
/// `thorough`, also `clean_into` and `run` with nothing and with counts),
/// and checks that they agree and that the report is right. Returns the
/// output and the report.
pub fn check_pipeline<'a>(
    pipeline: &Pipeline,
    input: &'a str,
    thorough: bool,
    what: &dyn Display,
) -> (Cow<'a, str>, Report) {
    let clean = pipeline.clean(input);
    check_cow(input, &clean, what);
    if thorough {
        // `clean_into` appends to what the buffer holds.
        let mut buffer = String::from("kept\u{e9}");
        let changed = pipeline.clean_into(input, &mut buffer);
        assert_eq!(
            buffer.strip_prefix("kept\u{e9}"),
            Some(clean.as_ref()),
            "{what}: clean_into appended something else than clean gives"
        );
        assert_eq!(
            changed,
            clean != input,
            "{what}: clean_into says changed = {changed}, the text says \
             otherwise"
        );
        let nothing = pipeline.run(input, Record::Nothing);
        assert_eq!(
            nothing.text, clean,
            "{what}: run(Nothing) differs from clean"
        );
    }
    let report = pipeline.explain(input);
    assert_eq!(
        report.text, clean,
        "{what}: the explain path's text differs from the clean path's"
    );
    if thorough {
        let counts = pipeline.run(input, Record::Counts);
        assert_eq!(
            counts.text, clean,
            "{what}: run(Counts) differs from clean"
        );
        assert_eq!(
            counts.stats, report.stats,
            "{what}: counting and explaining count different changes"
        );
    }
    assert_eq!(
        report.stats.changes(),
        report.changes.len() as u64,
        "{what}: the stats count another number of changes than reported"
    );
    assert_eq!(
        (report.stats.bytes_in, report.stats.bytes_out),
        (input.len() as u64, report.text.len() as u64),
        "{what}: bytes in and out"
    );
    let origins = check_changes(input, &report.text, &report.changes, what);
    check_map(input, &report.text, &report.map, &origins, what);
    (clean, report)
}

/// Cleaning the output again gives it back, borrowed.
pub fn check_idempotent<S: Stage + ?Sized>(
    stage: &S,
    input: &str,
    once: &str,
    what: &dyn Display,
) {
    let twice = stage.clean(once);
    assert_eq!(
        twice, once,
        "{what}: not idempotent: input {input:?} cleaned once is {once:?}, \
         twice {twice:?}"
    );
}

/// One option variant of a stage, with the pipelines of it alone: `bare`
/// without layout, `full` with it.
pub struct Variant<S> {
    pub name: &'static str,
    pub stage: S,
    pub bare: Pipeline,
    pub full: Pipeline,
}

impl<S: Stage + Clone + 'static> Variant<S> {
    pub fn new(name: &'static str, stage: S) -> Variant<S> {
        let pipeline = |layout| {
            Pipeline::builder().stage(stage.clone()).layout(layout).build()
        };
        Variant { name, bare: pipeline(false), full: pipeline(true), stage }
    }
}

/// A stage in pipelines of its own: `bare` (no layout) gives exactly the
/// stage's output `out`; `full` (with layout) passes the pipeline checks
/// and is idempotent. Returns `full`'s output.
pub fn check_in_pipelines<'a>(
    bare: &Pipeline,
    full: &Pipeline,
    input: &'a str,
    out: &str,
    what: &dyn Display,
) -> Cow<'a, str> {
    let alone = bare.clean(input);
    check_cow(input, &alone, what);
    assert_eq!(
        alone, out,
        "{what}: a pipeline of it alone without layout differs from the \
         stage alone"
    );
    let what = format!("{what} in a pipeline with layout");
    let (piped, report) = check_pipeline(full, input, false, &what);
    check_pipeline_idempotent(full, input, &report, &what);
    piped
}

/// Cleaning the output again with `pipeline` gives it back.
///
/// `first` is the report of the first run (`explain` of `input`).
pub fn check_pipeline_idempotent(
    pipeline: &Pipeline,
    input: &str,
    first: &Report,
    what: &dyn Display,
) {
    let once = first.text.as_str();
    let twice = pipeline.clean(once);
    assert_eq!(
        twice, once,
        "{what}: not idempotent: input {input:?} cleaned once is {once:?}, \
         twice {twice:?}"
    );
}

/// The letters and digits of `text`, in order.
pub fn alnum(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}
