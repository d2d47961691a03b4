//! A news article as a scraper leaves it once boilerplate is gone: one
//! paragraph a line, sentences glued where markup ended them, lost final
//! periods, camel-case names that must stay. Written for this test; the
//! sample article of `examples/data` is checked, through the whole
//! pipeline, by the facade's tests.

use std::borrow::Cow;

use textclean_core::{Record, Stage};
use textclean_sentences::SentenceRepair;

const ARTICLE: &str = "\
Europe's Open Models Gain Ground

By Marta Lindqvist

A small lab in Paris released an open language model on Tuesday, and \
within a day it had been downloaded more than forty thousand times. The \
release comes as DeepSeek and OpenAI race to ship larger systems, and it \
marks a rare moment of attention for European research in the fieldUnlike \
its larger rivals, the lab publishes its training data along with the \
weights.

The lab was founded three years ago by former university researchers in \
ParisHowever, most of its funding now comes from investors in Germany and \
the Netherlands. Its founders say that openness is the point of the \
projectThe code, the data and the evaluation scripts are all public, and \
anyone can check the results

Regulators have watched the sector closely since the EU adopted its rules \
on artificial intelligence last year. Officials in Brussels said the model \
would be reviewed like any other.The review is expected to take several \
months, and the lab says it will cooperate fully with the EUMoreover, it \
plans to open an office in Brussels next spring.

The lab's main partner is openLedger, a startup that hosts public datasets \
for researchers. openLedger says the model already helps hospitals and \
schools in the region, and that a smaller version runs on an iPhone";

const EXPECTED: &str = "\
Europe's Open Models Gain Ground

By Marta Lindqvist

A small lab in Paris released an open language model on Tuesday, and \
within a day it had been downloaded more than forty thousand times. The \
release comes as DeepSeek and OpenAI race to ship larger systems, and it \
marks a rare moment of attention for European research in the field. \
Unlike its larger rivals, the lab publishes its training data along with \
the weights.

The lab was founded three years ago by former university researchers in \
Paris. However, most of its funding now comes from investors in Germany \
and the Netherlands. Its founders say that openness is the point of the \
project. The code, the data and the evaluation scripts are all public, and \
anyone can check the results.

Regulators have watched the sector closely since the EU adopted its rules \
on artificial intelligence last year. Officials in Brussels said the model \
would be reviewed like any other. The review is expected to take several \
months, and the lab says it will cooperate fully with the EU. Moreover, it \
plans to open an office in Brussels next spring.

The lab's main partner is openLedger, a startup that hosts public datasets \
for researchers. openLedger says the model already helps hospitals and \
schools in the region, and that a smaller version runs on an iPhone.";

fn report(got: &str, want: &str) {
    for (g, w) in got.lines().zip(want.lines()) {
        if g != w {
            eprintln!("got:  {g}\nwant: {w}\n");
        }
    }
}

#[test]
fn article_is_repaired() {
    for stage in [SentenceRepair::default(), SentenceRepair::pdf()] {
        let got = stage.clean(ARTICLE);
        report(&got, EXPECTED);
        assert_eq!(got, EXPECTED);
    }
}

#[test]
fn article_rule_counts() {
    let done = SentenceRepair::default().run(ARTICLE, Record::Changes);
    assert_eq!(done.stats.count("sentences.glued"), 4);
    assert_eq!(done.stats.count("sentences.space"), 1);
    assert_eq!(done.stats.count("sentences.final_period"), 2);
    assert_eq!(done.stats.changes(), 7);
    // Each glued boundary is a lower-case letter or a capital before a
    // capital, split by ". ".
    for c in done.changes.iter().filter(|c| c.rule == "sentences.glued") {
        assert_eq!((c.span.len(), c.replacement.as_str()), (0, ". "));
        let before = ARTICLE[..c.span.start].chars().next_back().unwrap();
        let after = ARTICLE[c.span.start..].chars().next().unwrap();
        assert!(before.is_alphabetic() && after.is_uppercase());
    }
    // Repair is idempotent.
    let again = SentenceRepair::default().clean(&done.text);
    assert!(matches!(again, Cow::Borrowed(_)));
}

#[test]
fn names_and_titles_stay() {
    let got = SentenceRepair::default().clean(ARTICLE);
    for name in ["DeepSeek", "OpenAI", "openLedger", "iPhone"] {
        assert_eq!(
            got.matches(name).count(),
            ARTICLE.matches(name).count(),
            "{name}"
        );
    }
    // The title and the byline keep no period.
    let lines: Vec<&str> = got.lines().take(3).collect();
    assert_eq!(
        lines,
        ["Europe's Open Models Gain Ground", "", "By Marta Lindqvist"]
    );
}

/// No rule names a word of the article: other names, places and
/// institutions, each used as often, are repaired just as well.
#[test]
fn article_with_other_names_is_repaired_as_well() {
    let substitutions: [&[(&str, &str)]; 3] = [
        &[
            ("DeepSeek", "VoltMind"),
            ("OpenAI", "CloudML"),
            ("openLedger", "fastTrack"),
        ],
        &[
            ("DeepSeek", "QuarkLabs"),
            ("OpenAI", "NovaAI"),
            ("openLedger", "dataHarbor"),
        ],
        &[("Paris", "Lisbon"), ("EU", "UN"), ("Brussels", "Geneva")],
    ];
    for pairs in substitutions {
        let (mut text, mut expected) =
            (ARTICLE.to_owned(), EXPECTED.to_owned());
        for (from, to) in pairs {
            assert!(!ARTICLE.contains(to));
            text = text.replace(from, to);
            expected = expected.replace(from, to);
        }
        let got = SentenceRepair::default().clean(&text);
        report(&got, &expected);
        assert_eq!(got, expected, "names: {pairs:?}");
    }
}
