//! What `--explain` says about each change: where it starts in the
//! original input and what it replaced there.

use std::fmt::Write as _;
use std::ops::Range;

use textclean::{Change, Judgement};

use crate::position::line_columns;

/// The span of `change` in the original input.
///
/// The one place the command reads it: positions and original text in both
/// plain and JSON Lines mode come from here.
pub fn source_span(change: &Change) -> Range<usize> {
    change.span.clone()
}

/// The text of the original `input` that `change` replaced, or `""` when
/// its span does not fit `input`.
pub fn original<'a>(change: &Change, input: &'a str) -> &'a str {
    input.get(source_span(change)).unwrap_or("")
}

/// The plain-mode explanation of one document: a line
/// `NAME:LINE:COLUMN: RULE "ORIGINAL" -> "REPLACEMENT"` per change, in the
/// order of `changes`. Linear in `input` (see [`line_columns`]).
pub fn render(name: &str, input: &str, changes: &[Change]) -> String {
    let starts: Vec<usize> =
        changes.iter().map(|c| source_span(c).start).collect();
    let positions = line_columns(input, &starts);
    let mut out = String::new();
    for (change, at) in changes.iter().zip(positions) {
        // Writing to a String cannot fail.
        let _ = writeln!(
            out,
            "{name}:{}:{}: {:<24} {:?} -> {:?}",
            at.line,
            at.column,
            change.rule,
            original(change, input),
            change.replacement,
        );
    }
    out
}

/// The plain-mode report of how stages scored parts of one document
/// (`--scores`): a line `NAME:LINE:COLUMN: RULE score S VERDICT "TEXT"`
/// per judgement, the verdict `removed`, `kept` or `kept (RULE)` when a
/// safety rule kept it whatever its score, the text cut to its first line
/// and 60 characters.
pub fn render_scores(
    name: &str,
    input: &str,
    judgements: &[Judgement],
) -> String {
    let starts: Vec<usize> = judgements.iter().map(|j| j.span.start).collect();
    let positions = line_columns(input, &starts);
    let mut out = String::new();
    for (j, at) in judgements.iter().zip(positions) {
        let text = input.get(j.span.clone()).unwrap_or("");
        let first = text.lines().next().unwrap_or("");
        let shown: String = first.chars().take(60).collect();
        let cut = if shown.len() < text.trim_end().len() { "…" } else { "" };
        let verdict = match (j.removed, j.kept_by) {
            (true, _) => "removed".to_owned(),
            (false, Some(rule)) => format!("kept ({rule})"),
            (false, None) => "kept".to_owned(),
        };
        let _ = writeln!(
            out,
            "{name}:{}:{}: {:<24} score {:>6.2} {verdict:<20} {:?}{cut}",
            at.line, at.column, j.rule, j.score, shown,
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use textclean::{Pipeline, Preset, Record};

    #[test]
    fn renders_one_line_per_change_with_its_original_text() {
        let input = "caf\u{e9}\nx\u{a0}y &amp; z\n";
        let report =
            Pipeline::preset(Preset::Unicode).run(input, Record::Changes);
        assert_eq!(
            render("a.txt", input, &report.changes),
            format!(
                "a.txt:2:2: {:<24} \"\\u{{a0}}\" -> \" \"\n\
                 a.txt:2:5: {:<24} \"&amp;\" -> \"&\"\n",
                "space.odd", "entity.html"
            )
        );
        let beyond: Vec<_> = report
            .changes
            .into_iter()
            .map(|mut c| {
                c.span = 40..50;
                c
            })
            .collect();
        assert_eq!(
            render("a.txt", input, &beyond).lines().next(),
            Some(format!("a.txt:3:1: {:<24} \"\" -> \" \"", "space.odd"))
                .as_deref()
        );
    }
}
