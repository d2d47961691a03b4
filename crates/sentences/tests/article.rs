//! The sample article of `examples/data`, as the earlier stages leave it.

use textclean_core::{Record, Stage};
use textclean_sentences::SentenceRepair;

const ARTICLE: &str = include_str!("../../../examples/data/article.txt");
const EXPECTED: &str =
    include_str!("../../../examples/data/article.expected.txt");

/// The article as the boilerplate stage leaves it: the "Advertisements"
/// lines and the comment form removed, runs of blank lines collapsed. The
/// layout pass adds the final newline later.
pub fn after_boilerplate(text: &str) -> String {
    let kept: Vec<&str> = text
        .lines()
        .filter(|l| {
            !matches!(l.trim(), "Advertisements" | "Leave A Comment")
                && !l.starts_with("Save my name")
        })
        .collect();
    let mut out = String::new();
    let mut blank = false;
    for line in kept {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if blank {
            out.push('\n');
        }
        blank = false;
        out.push_str(line);
        out.push('\n');
    }
    out.trim_end().to_owned()
}

#[test]
fn article_matches_expected_byte_for_byte() {
    let input = after_boilerplate(ARTICLE);
    let got = SentenceRepair::default().clean(&input);
    let want = EXPECTED.strip_suffix('\n').unwrap();
    if got != want {
        for (g, w) in got.lines().zip(want.lines()) {
            if g != w {
                eprintln!("got:  {g}\nwant: {w}\n");
            }
        }
    }
    assert_eq!(got, want);
}

#[test]
fn article_rule_counts() {
    let input = after_boilerplate(ARTICLE);
    let done = SentenceRepair::default().run(&input, Record::Changes);
    assert_eq!(done.stats.count("sentences.glued"), 23);
    assert_eq!(done.stats.count("sentences.final_period"), 3);
    assert_eq!(done.stats.count("sentences.space"), 0);
    // Repair is idempotent on the article.
    let again = SentenceRepair::default().clean(&done.text);
    assert!(matches!(again, std::borrow::Cow::Borrowed(_)));
}

/// Replaces whole words only.
fn replace_word(text: &str, from: &str, to: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(at) = rest.find(from) {
        let before = rest[..at].chars().next_back();
        let after = rest[at + from.len()..].chars().next();
        out.push_str(&rest[..at]);
        if before.is_some_and(char::is_alphabetic)
            || after.is_some_and(char::is_alphabetic)
        {
            out.push_str(from);
        } else {
            out.push_str(to);
        }
        rest = &rest[at + from.len()..];
    }
    out.push_str(rest);
    out
}

#[test]
fn article_with_other_names_is_repaired_as_well() {
    let input = after_boilerplate(ARTICLE);
    let want = EXPECTED.strip_suffix('\n').unwrap();
    let names = [("DeepSeek", "VoltMind"), ("OpenAI", "CloudML")];
    for (a, b) in [
        ("VoltMind", "CloudML"),
        ("QuarkLabs", "NovaAI"),
        ("BrightPath", "SkyNetics"),
    ] {
        let mut text = input.clone();
        let mut expected = want.to_owned();
        for ((from, _), to) in names.iter().zip([a, b]) {
            assert_eq!(
                text.matches(from).count(),
                expected.matches(from).count()
            );
            text = replace_word(&text, from, to);
            expected = replace_word(&expected, from, to);
        }
        assert!(!text.contains("DeepSeek") && !text.contains("OpenAI"));
        assert_eq!(SentenceRepair::default().clean(&text), expected);
    }
}
