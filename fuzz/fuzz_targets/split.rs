//! Sentence splitting (`SentenceSplitter`), on the raw input and on what
//! sentence repair makes of it.
//!
//! Checks what `SentenceSplitter::spans` promises: "The byte spans of the
//! sentences of `text`, in order, each trimmed of surrounding whitespace.
//! Together they cover every non-whitespace char of `text`." So spans are
//! in bounds, on char boundaries, non-empty, in order and apart, trimmed,
//! only whitespace lies between them, and `split` gives exactly those
//! slices of the input.
#![no_main]

use std::sync::LazyLock;

use libfuzzer_sys::fuzz_target;
use textclean_core::Stage;
use textclean_fuzz::text_of;
use textclean_sentences::{SentenceRepair, SentenceSplitter};

static SPLITTER: LazyLock<SentenceSplitter> =
    LazyLock::new(SentenceSplitter::default);
static REPAIR: LazyLock<SentenceRepair> =
    LazyLock::new(SentenceRepair::default);

fn check(splitter: &SentenceSplitter, text: &str, what: &str) {
    let spans = splitter.spans(text);
    let mut at = 0;
    for (i, span) in spans.iter().enumerate() {
        assert!(
            span.start < span.end && span.end <= text.len(),
            "{what}: sentence {i} {span:?} is empty or out of bounds (0..{})",
            text.len()
        );
        assert!(
            text.is_char_boundary(span.start)
                && text.is_char_boundary(span.end),
            "{what}: sentence {i} {span:?} is not on char boundaries"
        );
        assert!(
            span.start >= at,
            "{what}: sentence {i} {span:?} starts before the previous one \
             ends ({at})"
        );
        let gap = &text[at..span.start];
        assert!(
            gap.chars().all(char::is_whitespace),
            "{what}: {gap:?} before sentence {i} is in no sentence"
        );
        let s = &text[span.clone()];
        assert_eq!(s.trim(), s, "{what}: sentence {i} is not trimmed");
        at = span.end;
    }
    let tail = &text[at..];
    assert!(
        tail.chars().all(char::is_whitespace),
        "{what}: {tail:?} after the last sentence is in no sentence"
    );
    // `split` gives the same sentences, as slices of the text itself, with
    // char offsets that count the chars before them.
    let sentences: Vec<_> = splitter.split(text).collect();
    assert_eq!(sentences.len(), spans.len(), "{what}: split and spans differ");
    for (s, span) in sentences.iter().zip(&spans) {
        let offset =
            (s.text.as_ptr() as usize).checked_sub(text.as_ptr() as usize);
        assert_eq!(
            offset.map(|o| o..o + s.text.len()),
            Some(span.clone()),
            "{what}: split gives a sentence that is not the slice its span \
             names"
        );
        assert_eq!(s.bytes, *span, "{what}: split and spans differ");
        let chars = text[..span.start].chars().count();
        assert_eq!(
            s.chars,
            chars..chars + s.text.chars().count(),
            "{what}: char offsets of {span:?} are wrong"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let text = text_of(data);
    check(&SPLITTER, &text, "split");
    let repaired = REPAIR.clean(&text);
    check(&SPLITTER, &repaired, "split after repair");
});
