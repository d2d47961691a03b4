//! Hard-wrapped public-domain books (Project Gutenberg): unwrapping,
//! dehyphenation and splitting on short excerpts checked in under
//! `tests/data`, and invariants on the whole books when they are present.

use std::borrow::Cow;

use textclean_core::{Record, Stage};
use textclean_sentences::{SentenceRepair, SentenceSplitter};

// Excerpts of Project Gutenberg books (public domain in the US), see
// tests/data/README.md.
const ORIGIN: &str = include_str!("data/arbor-origin.txt");
const PROVERBS: &str = include_str!("data/arbor-proverbs.txt");
const CONTENTS: &str = include_str!("data/arbor-contents.txt");
const TOM: &str = include_str!("data/tom-sawyer-ch1.txt");

fn alnum(text: &str) -> String {
    text.chars().filter(|c| c.is_alphanumeric()).collect()
}

/// Paragraphs (blank-line separated blocks) and their lines.
fn shape(text: &str) -> (usize, usize) {
    let paragraphs = text.split("\n\n").filter(|p| !p.trim().is_empty());
    let lines = text.lines().filter(|l| !l.trim().is_empty()).count();
    (paragraphs.count(), lines)
}

#[test]
fn origin_paragraphs_are_unwrapped() {
    let done = SentenceRepair::pdf().run(ORIGIN, Record::Changes);
    let (paragraphs, lines) = shape(ORIGIN);
    assert_eq!(shape(&done.text), (paragraphs, paragraphs));
    // The heading is a paragraph of one line: every other line is joined.
    assert_eq!(
        done.stats.count("sentences.unwrap") as usize,
        lines - paragraphs
    );
    assert_eq!(done.stats.changes(), done.stats.count("sentences.unwrap"));
    assert_eq!(alnum(&done.text), alnum(ORIGIN));
    assert!(done.text.contains(
        "belongs the honor of originating this tree-planting festival"
    ));
    let again = SentenceRepair::pdf().clean(&done.text);
    assert!(matches!(again, Cow::Borrowed(_)));
    // The web defaults see that the breaks fall mid-sentence, and join
    // the same lines.
    assert_eq!(SentenceRepair::default().clean(ORIGIN), done.text);
}

#[test]
fn origin_dehyphenation() {
    let hyphenated = ORIGIN
        .replace(
            "honor of\noriginating this tree-planting festival",
            "honor of originating this tree-\nplanting festival",
        )
        .replace("commended it at\nonce to", "commended it at on-\nce to");
    assert_ne!(hyphenated, ORIGIN);
    let done = SentenceRepair::pdf().run(&hyphenated, Record::Changes);
    assert_eq!(done.stats.count("sentences.dehyphenate"), 1, "{}", done.text);
    assert!(
        done.text.contains("this tree-planting festival"),
        "{}",
        done.text
    );
    assert!(done.text.contains("commended it at once to"));
    assert_eq!(alnum(&done.text), alnum(ORIGIN));
}

#[test]
fn verse_and_contents_stay() {
    for text in [PROVERBS, CONTENTS] {
        let out = SentenceRepair::pdf().clean(text);
        assert!(matches!(out, Cow::Borrowed(_)), "{out}");
    }
}

#[test]
fn tom_sawyer_dialogue() {
    let out = SentenceRepair::pdf().clean(TOM);
    assert_eq!(shape(&out).0, shape(TOM).0);
    assert_eq!(shape(&out).0, shape(&out).1);
    assert!(out.contains(
        "“There! I might ’a’ thought of that closet. What you been doing \
         in there?”"
    ));
    assert!(out.contains("“Well, I lay if I get hold of you I’ll—”\n"));
    assert!(out.contains(
        "her state pair, the pride of her heart, and were built for \
         “style,” not service—she could"
    ));
    let sentences: Vec<&str> =
        SentenceSplitter::default().split(&out).map(|s| s.text).collect();
    for want in [
        "“There!",
        "I might ’a’ thought of that closet.",
        "What you been doing in there?”",
        "No Tom.",
        "“Y-o-u-u TOM!”",
        "The switch hovered in the air—the peril was desperate—",
    ] {
        assert!(sentences.contains(&want), "{want}: {sentences:#?}");
    }
}

#[test]
fn origin_sentences() {
    let out = SentenceRepair::pdf().clean(ORIGIN);
    let sentences: Vec<&str> =
        SentenceSplitter::default().split(&out).map(|s| s.text).collect();
    assert_eq!(sentences[0], "ORIGIN OF ARBOR DAY.");
    assert!(sentences[1].starts_with("To J. Sterling Morton, ex-Governor"));
    assert!(sentences[1].ends_with("\"father of Arbor Day.\""));
    assert!(sentences[2].starts_with("So well has the day"));
}

/// The book text between the `*** START OF` and `*** END OF` lines.
fn body(text: &str) -> &str {
    let start = text.find("*** START OF").unwrap_or(0);
    let start = text[start..].find("***\n").map_or(start, |k| start + k + 4);
    let start = text[start..]
        .find("***\r\n")
        .filter(|&k| k < 200)
        .map_or(start, |k| start + k + 5);
    let end = text.find("*** END OF").unwrap_or(text.len());
    &text[start..end.max(start)]
}

/// The whole books, when `/work/shared/data/prose` has them (it is not part
/// of the repository): the pdf preset keeps every letter and digit and
/// every paragraph, is idempotent, only joins lines at single line breaks,
/// and makes few sentence-level changes.
#[test]
fn whole_books() {
    let dir = std::path::Path::new("/work/shared/data/prose");
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("{} is not there: whole books skipped", dir.display());
        return;
    };
    let mut paths: Vec<_> = entries
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    paths.sort();
    for path in paths {
        let raw = std::fs::read_to_string(&path).unwrap();
        let text = body(&raw).replace("\r\n", "\n");
        let name = path.file_name().unwrap().to_string_lossy();
        let done = SentenceRepair::pdf().run(&text, Record::Changes);
        assert_eq!(alnum(&done.text), alnum(&text), "{name}");
        assert_eq!(shape(&done.text).0, shape(&text).0, "{name}: paragraphs");
        let again = SentenceRepair::pdf().clean(&done.text);
        assert!(matches!(again, Cow::Borrowed(_)), "{name}: not idempotent");
        for c in &done.changes {
            let original = c.original(&text);
            let ok = match c.rule {
                // One line break and the spaces around it.
                "sentences.unwrap" => {
                    original.matches('\n').count() == 1
                        && original.trim().is_empty()
                }
                // A hyphen and the line break after it.
                "sentences.dehyphenate" => {
                    original.starts_with('-')
                        && original[1..].contains('\n')
                        && original[1..].trim().is_empty()
                }
                _ => original.is_empty(),
            };
            assert!(ok, "{name}: {} at {:?}: {original:?}", c.rule, c.span);
        }
        // Hard-wrapped books are edited at their line breaks: most are
        // joined (a line holds about ten words), and the other rules
        // (glued, space, final period) rarely fire.
        let per_1000_words = |n: u64| {
            n as f64 * 1000.0 / text.split_whitespace().count() as f64
        };
        let unwraps = done.stats.count("sentences.unwrap");
        let sentence_level = done.stats.changes()
            - unwraps
            - done.stats.count("sentences.dehyphenate");
        let counts: Vec<_> = done.stats.counts().collect();
        assert!(per_1000_words(unwraps) > 30.0, "{name}: {counts:?}");
        assert!(per_1000_words(sentence_level) < 0.5, "{name}: {counts:?}");
    }
}
