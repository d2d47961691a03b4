//! The sample article through the default pipeline, byte for byte, and
//! proof that no rule is tuned to its words.

const ARTICLE: &str = include_str!("../examples/data/article.txt");
const EXPECTED: &str = include_str!("../examples/data/article.expected.txt");

#[test]
fn web_pipeline_cleans_the_article_byte_for_byte() {
    let cleaned = textclean::clean(ARTICLE);
    if cleaned != EXPECTED {
        let diff: Vec<_> = cleaned
            .lines()
            .zip(EXPECTED.lines())
            .filter(|(a, b)| a != b)
            .take(3)
            .collect();
        panic!("cleaned article differs; first differing lines: {diff:#?}");
    }
}

#[test]
fn cleaning_the_expected_output_changes_nothing() {
    let again = textclean::Pipeline::default().clean(EXPECTED);
    assert!(matches!(again, std::borrow::Cow::Borrowed(_)));
}

/// Replaces whole words (runs of letters) by other words.
fn replace_words(text: &str, pairs: &[(&str, &str)]) -> String {
    let mut out = String::with_capacity(text.len());
    let mut word = String::new();
    let flush = |word: &mut String, out: &mut String| {
        let with =
            pairs.iter().find(|(from, _)| *from == word.as_str()).map(|p| p.1);
        out.push_str(with.unwrap_or(word));
        word.clear();
    };
    for c in text.chars() {
        if c.is_alphabetic() {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// The same article with other names, each used as often as the one it
/// replaces, is cleaned just as well: no rule names a word of the article.
#[test]
fn other_names_are_cleaned_just_as_well() {
    let substitutions: [&[(&str, &str)]; 3] = [
        // Invented camel-case names.
        &[("DeepSeek", "NovaMind"), ("OpenAI", "BrightLoop")],
        &[("DeepSeek", "QuantaForge"), ("OpenAI", "ZenithLabs")],
        // Other places and peoples.
        &[
            ("China", "Brazil"),
            ("Chinese", "Peruvian"),
            ("Africa", "Oceania"),
            ("Asia", "Europe"),
            ("American", "Canadian"),
        ],
    ];
    for pairs in substitutions {
        let article = replace_words(ARTICLE, pairs);
        let expected = replace_words(EXPECTED, pairs);
        assert_ne!(article, ARTICLE);
        assert_eq!(
            article.matches(pairs[0].1).count(),
            ARTICLE.matches(pairs[0].0).count()
        );
        assert_eq!(textclean::clean(&article), expected, "names: {pairs:?}");
    }
}

/// Another known ad marker in place of "Advertisements" is removed too.
#[test]
fn other_ad_markers_are_removed_too() {
    for marker in ["Advertisement", "ADVERTISEMENT", "Sponsored Content"] {
        let article = ARTICLE.replace("Advertisements", marker);
        assert_eq!(textclean::clean(&article), EXPECTED, "marker: {marker}");
    }
}

/// The report accounts for every removal: each removed ad marker is a change
/// whose original span holds the marker.
#[test]
fn explain_accounts_for_the_removed_markers() {
    let report = textclean::Pipeline::default().explain(ARTICLE);
    assert_eq!(report.text, EXPECTED);
    let removed: Vec<&str> = report
        .changes
        .iter()
        .filter(|c| c.stage == "boilerplate")
        .map(|c| c.original(ARTICLE).trim())
        .collect();
    assert_eq!(
        removed.iter().filter(|r| **r == "Advertisements").count(),
        ARTICLE.matches("Advertisements").count()
    );
    assert!(removed.contains(&"Leave A Comment"));
    let glued = report.stats.count("sentences.glued");
    assert!(glued >= 20, "only {glued} glued sentences repaired");
    assert_eq!(report.stats.bytes_out as usize, EXPECTED.len());
}
