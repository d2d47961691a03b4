//! Unicode's normalization conformance test, NormalizationTest.txt, run
//! through the cleaner with only normalization on, in all four forms.
//!
//! The data is Unicode 17.0.0's (see `data/` and the generator
//! `tools/gen_normalization_test.py`). Each line holds five strings
//! `c1;c2;c3;c4;c5`, for which NFC(c1) = NFC(c2) = NFC(c3) = c2,
//! NFC(c4) = NFC(c5) = c4, NFD(c1..c3) = c3, NFD(c4, c5) = c5,
//! NFKC(c1..c5) = c4 and NFKD(c1..c5) = c5. Part 1 lists single
//! characters; every other character assigned in that version is its own
//! normal form in all four.

use std::io::Read;
use std::ops::RangeInclusive;

use textclean_unicode::{
    Normalization, Stage, UnicodeCleaner, UnicodeOptions,
};

const DATA: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/data");

struct Case {
    part: u8,
    line: usize,
    /// c1 to c5.
    columns: [String; 5],
}

fn cases() -> Vec<Case> {
    let file =
        std::fs::File::open(format!("{DATA}/NormalizationTest-17.0.0.txt.gz"))
            .expect("the data file is checked in");
    let mut text = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut text)
        .expect("the data file is gzipped UTF-8");
    let mut part = 0;
    let mut cases = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.starts_with('#') {
            continue;
        }
        if let Some(p) = line.strip_prefix("@Part") {
            part = p.trim().parse().expect("a part number");
            continue;
        }
        let fields: Vec<String> =
            line.split(';').take(5).map(parse_code_points).collect();
        let columns: [String; 5] =
            fields.try_into().expect("five fields on every line");
        cases.push(Case { part, line: n + 1, columns });
    }
    cases
}

fn parse_code_points(field: &str) -> String {
    field
        .split_whitespace()
        .map(|hex| {
            let u = u32::from_str_radix(hex, 16).expect("hex code point");
            char::from_u32(u).expect("a scalar value")
        })
        .collect()
}

fn assigned() -> Vec<RangeInclusive<u32>> {
    std::fs::read_to_string(format!("{DATA}/Assigned-17.0.0.txt"))
        .expect("the data file is checked in")
        .lines()
        .filter(|line| !line.starts_with('#'))
        .map(|line| {
            let (lo, hi) = line.split_once("..").expect("a range");
            u32::from_str_radix(lo, 16).unwrap()
                ..=u32::from_str_radix(hi, 16).unwrap()
        })
        .collect()
}

fn normalizer(form: Normalization) -> UnicodeCleaner {
    UnicodeCleaner::new(UnicodeOptions {
        normalization: form,
        ..UnicodeOptions::none()
    })
}

/// For each form, the column its normal form is, by source column.
fn expected(form: Normalization, source: usize) -> usize {
    match form {
        Normalization::Nfc if source < 3 => 1,
        Normalization::Nfc => 3,
        Normalization::Nfd if source < 3 => 2,
        Normalization::Nfd => 4,
        Normalization::Nfkc => 3,
        Normalization::Nfkd => 4,
        Normalization::None => source,
    }
}

const FORMS: [Normalization; 4] = [
    Normalization::Nfc,
    Normalization::Nfd,
    Normalization::Nfkc,
    Normalization::Nfkd,
];

#[test]
fn every_line_in_every_form() {
    let cases = cases();
    assert!(cases.len() > 19_000, "only {} cases read", cases.len());
    for form in FORMS {
        let cleaner = normalizer(form);
        let mut failures = Vec::new();
        for case in &cases {
            for source in 0..5 {
                let want = &case.columns[expected(form, source)];
                let got = cleaner.clean(&case.columns[source]);
                if got != *want {
                    failures.push(format!(
                        "line {} c{}: {:?} gave {:?}, not {:?}",
                        case.line,
                        source + 1,
                        case.columns[source],
                        got,
                        want
                    ));
                }
            }
        }
        assert!(
            failures.is_empty(),
            "{form:?}: {} failures, first {:#?}",
            failures.len(),
            &failures[..failures.len().min(10)]
        );
    }
}

/// The same cases, all in one text: regions and segments are cut as
/// they would be in a document, and the source columns can sit side by
/// side without changing one another (a space is a starter that composes
/// with nothing).
#[test]
fn every_line_in_one_text() {
    let cases = cases();
    for form in FORMS {
        let cleaner = normalizer(form);
        for source in 0..5 {
            let text: String = cases
                .iter()
                .map(|case| format!("{} |", case.columns[source]))
                .collect::<Vec<_>>()
                .join("\n");
            let want: String = cases
                .iter()
                .map(|case| {
                    format!("{} |", case.columns[expected(form, source)])
                })
                .collect::<Vec<_>>()
                .join("\n");
            let got = cleaner.clean(&text);
            if got != want {
                let line = got
                    .lines()
                    .zip(want.lines())
                    .position(|(g, w)| g != w)
                    .unwrap_or(0);
                panic!(
                    "{form:?}, column c{}: differs first at case line {}",
                    source + 1,
                    cases[line].line
                );
            }
        }
    }
}

#[test]
fn other_characters_are_their_own_normal_form() {
    let listed: std::collections::HashSet<char> = cases()
        .iter()
        .filter(|case| case.part == 1)
        .map(|case| case.columns[0].chars().next().unwrap())
        .collect();
    assert!(listed.len() > 15_000, "only {} in part 1", listed.len());
    let others: Vec<char> = assigned()
        .into_iter()
        .flatten()
        .filter_map(char::from_u32)
        .filter(|c| !listed.contains(c))
        .collect();
    assert!(others.len() > 250_000, "only {} others", others.len());
    // One text per form, a character a line; only on a difference is
    // each character tried alone, to name it.
    let text: String = others.iter().flat_map(|&c| [c, '\n']).collect();
    for form in FORMS {
        let cleaner = normalizer(form);
        if cleaner.clean(&text) != text {
            let changed: Vec<String> = others
                .iter()
                .filter(|c| cleaner.clean(&c.to_string()) != c.to_string())
                .map(|c| format!("U+{:04X}", *c as u32))
                .take(10)
                .collect();
            panic!("{form:?} changes {changed:?}");
        }
    }
}
