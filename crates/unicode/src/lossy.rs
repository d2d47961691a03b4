//! `mojibake.lossy`: a mojibake sequence with a byte lost for good, as
//! ftfy's `fix_text` replaces it (on in the `ftfy` options only).
//!
//! UTF-8 read as Windows-1252 on the way to U+FFFD loses the bytes the code
//! page cannot read: "don’t" can come as "donâ€�t". The character is gone;
//! ftfy replaces the whole sequence, lead and all, with one U+FFFD
//! ("don�t"), so the rest of the line reads cleanly. The stage's own
//! default leaves such sequences as they are: nothing can be recovered,
//! and the lead may be a real letter before the loss ("Ö�").

use std::ops::Range;

use crate::cp1252;
use crate::engine::Engine;

/// Runs `engine` over `input`, then replaces the lossy sequences of its
/// output, reporting each edit (span of `input`, replacement, rule name)
/// in order. A lossy sequence is one edit over the input it came from,
/// with the engine's edits that meet it merged into it.
///
/// The engine reads mojibake with its context, which a replacement
/// changes: when the engine would change the result again, the sequences
/// stay (as the default leaves them), so that cleaning twice gives what
/// cleaning once gave.
pub(crate) fn run(
    engine: &Engine,
    input: &str,
    sink: &mut dyn FnMut(Range<usize>, &str, &'static str),
) {
    let mut edits: Vec<(Range<usize>, String, &'static str)> = Vec::new();
    let replaced = replace(engine, input, &mut |span, with, rule| {
        edits.push((span, with.to_owned(), rule))
    });
    if replaced.is_some_and(|text| settled(engine, &text)) {
        for (span, with, rule) in edits {
            sink(span, &with, rule);
        }
    } else {
        engine.run(input, 0, &mut |span, with, rule| {
            sink(span, with, rule.name())
        });
    }
}

/// Whether `engine` leaves `text` as it is.
fn settled(engine: &Engine, text: &str) -> bool {
    let mut changes = false;
    engine.run(text, 0, &mut |span, with, _| changes |= text[span] != *with);
    !changes
}

/// [`run`] without the check: the edits, and the text they make when a
/// lossy sequence was replaced.
fn replace(
    engine: &Engine,
    input: &str,
    sink: &mut dyn FnMut(Range<usize>, &str, &'static str),
) -> Option<String> {
    // The engine's edits (input span, output range, rule), and the output.
    let mut edits: Vec<(Range<usize>, Range<usize>, &'static str)> =
        Vec::new();
    let mut out = String::with_capacity(input.len());
    let mut copied = 0;
    engine.run(input, 0, &mut |span, with, rule| {
        out.push_str(&input[copied..span.start]);
        let from = out.len();
        out.push_str(with);
        edits.push((span.clone(), from..out.len(), rule.name()));
        copied = span.end;
    });
    out.push_str(&input[copied..]);
    let mut edits = edits.into_iter().peekable();
    // Where the last edit reported ends, in the output and in the input:
    // text after it is the input's, unchanged.
    let (mut out_done, mut in_done) = (0, 0);
    let lossy = spans(&out);
    let mut i = 0;
    while i < lossy.len() {
        let first = lossy[i].clone();
        while let Some((input_span, output, rule)) =
            edits.next_if(|(_, o, _)| o.end <= first.start)
        {
            (out_done, in_done) = (output.end, input_span.end);
            sink(input_span, &out[output], rule);
        }
        let out_start = edits
            .peek()
            .map_or(first.start, |(_, o, _)| o.start.min(first.start));
        let in_start = in_done + (out_start - out_done);
        // The group: the sequences and the engine's edits that meet.
        let mut out_end = first.end;
        let mut j = i + 1;
        loop {
            if let Some((input_span, output, _)) =
                edits.next_if(|(_, o, _)| o.start < out_end)
            {
                out_end = out_end.max(output.end);
                (out_done, in_done) = (output.end, input_span.end);
            } else if lossy.get(j).is_some_and(|l| l.start < out_end) {
                out_end = out_end.max(lossy[j].end);
                j += 1;
            } else {
                break;
            }
        }
        let in_end = in_done + (out_end - out_done);
        let mut replacement = String::new();
        let mut at = out_start;
        for span in &lossy[i..j] {
            replacement.push_str(&out[at..span.start]);
            replacement.push('\u{fffd}');
            at = span.end;
        }
        replacement.push_str(&out[at..out_end]);
        (out_done, in_done) = (out_end, in_end);
        sink(in_start..in_end, &replacement, "mojibake.lossy");
        i = j;
    }
    for (input_span, output, rule) in edits {
        sink(input_span, &out[output], rule);
    }
    if lossy.is_empty() {
        return None;
    }
    let mut text = String::with_capacity(out.len());
    let mut at = 0;
    for span in &lossy {
        text.push_str(&out[at..span.start]);
        text.push('\u{fffd}');
        at = span.end;
    }
    text.push_str(&out[at..]);
    Some(text)
}

/// The spans of `text` (normalized text, the engine's output) that are
/// lossy sequences: a Windows-1252 character of a UTF-8 lead byte (`Â`–`ô`,
/// bytes C2–F4) and as many characters as the lead needs, each a
/// continuation byte's (0x80–0xBF) or U+FFFD, with at least one U+FFFD.
///
/// Read from the end, so that a sequence replaced is the U+FFFD of a lead
/// before it ("ð��Ã�" is one sequence, "ÃÃ�" too): what is left has
/// none, and a second run finds nothing. One pass, linear.
pub(crate) fn spans(text: &str) -> Vec<Range<usize>> {
    let mut spans = Vec::new();
    if !text.contains('\u{fffd}') {
        return spans;
    }
    // What the text reads as so far, from the end: each character, or a
    // U+FFFD that replaces a sequence; its span in `text`.
    let mut after: Vec<(char, Range<usize>)> = Vec::new();
    for (at, c) in text.char_indices().rev() {
        after.push((c, at..at + c.len_utf8()));
        let Some(need) = continuations(c) else { continue };
        let top = after.len() - 1;
        let Some(tail) = top.checked_sub(need).map(|from| &after[from..top])
        else {
            continue;
        };
        let fits =
            tail.iter().all(|(t, _)| *t == '\u{fffd}' || is_continuation(*t))
                && tail.iter().any(|(t, _)| *t == '\u{fffd}');
        if fits {
            let end = tail[0].1.end;
            after.truncate(top - need);
            after.push(('\u{fffd}', at..end));
            spans.push(at..end);
        }
    }
    // Spans replaced later (further left) may hold earlier ones: keep the
    // outermost, in order.
    spans.reverse();
    let mut outer: Vec<Range<usize>> = Vec::new();
    for span in spans {
        match outer.last_mut() {
            Some(last) if span.start < last.end => {
                last.start = last.start.min(span.start);
                last.end = last.end.max(span.end);
            }
            _ => outer.push(span),
        }
    }
    outer
}

/// How many continuation bytes the UTF-8 lead byte that `c` reads as in
/// Windows-1252 needs.
fn continuations(c: char) -> Option<usize> {
    match cp1252::byte(c) {
        Some(0xc2..=0xdf) => Some(1),
        Some(0xe0..=0xef) => Some(2),
        Some(0xf0..=0xf4) => Some(3),
        _ => None,
    }
}

/// Whether `c` reads as a UTF-8 continuation byte in Windows-1252.
fn is_continuation(c: char) -> bool {
    matches!(cp1252::byte(c), Some(0x80..=0xbf))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_the_sequences_ftfy_replaces() {
        for (text, want) in [
            ("Caf\u{c3}\u{fffd} au lait", vec!["\u{c3}\u{fffd}"]),
            ("don\u{e2}\u{20ac}\u{fffd}t", vec!["\u{e2}\u{20ac}\u{fffd}"]),
            ("don\u{e2}\u{fffd}\u{fffd}t", vec!["\u{e2}\u{fffd}\u{fffd}"]),
            (
                "\u{f0}\u{fffd}\u{fffd}\u{fffd} ok",
                vec!["\u{f0}\u{fffd}\u{fffd}\u{fffd}"],
            ),
            ("\u{c3}\u{fffd}\u{fffd}", vec!["\u{c3}\u{fffd}"]),
            ("a\u{fffd}b", vec![]),
            ("caf\u{e9}", vec![]),
            // A sequence replaced completes the one before it.
            ("\u{c3}\u{c3}\u{fffd}", vec!["\u{c3}\u{c3}\u{fffd}"]),
            (
                "\u{f0}\u{fffd}\u{fffd}\u{c5}\u{fffd}",
                vec!["\u{f0}\u{fffd}\u{fffd}\u{c5}\u{fffd}"],
            ),
            // No U+FFFD: ordinary mojibake, the engine's.
            ("caf\u{c3}\u{a9}", vec![]),
            // Cut short by the end.
            ("\u{e2}\u{fffd}", vec![]),
        ] {
            let got: Vec<&str> =
                spans(text).into_iter().map(|s| &text[s]).collect();
            assert_eq!(got, want, "{text:?}");
        }
    }
}
