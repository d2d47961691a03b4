//! Throughput of the Unicode stage on clean text (the fast path), on text
//! with mojibake, and on hostile input; on a real corpus as it is and with
//! a fifth of its non-ASCII words mojibaked, when `TEXTCLEAN_BENCH_JSONL`
//! names a JSON Lines file with a `text` field (the WCXB dev pages:
//! `zcat cases.jsonl.gz > cases.jsonl`); and of `decode` on UTF-8 (its
//! fast path) and on legacy code pages (the detector).

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textclean_unicode::{Encoding, Stage, UnicodeCleaner, decode};

#[path = "../tests/support/hostile.rs"]
mod hostile;

/// Realistic paragraphs: mostly ASCII, with em dashes, curly quotes and
/// accented letters, as in edited English news text.
const PARAGRAPHS: &[&str] = &[
    "The city council voted on Tuesday to extend the café licence scheme \
     for another year — a decision that owners along the river had asked \
     for since the spring. “It’s the difference between a good season and \
     a bad one,” said Zoë Martínez, who runs a small bakery near the old \
     bridge.\n",
    "Prices rose 3.2% in March, the statistics office said, driven by \
     energy and food. Economists had expected 2.9%; the central bank’s \
     next meeting is on 14 May, and markets now price in a rate rise.\n",
    "In Zürich and São Paulo alike, the naïve view that remote work would \
     empty city centres has not held up: footfall is back to 85% of its \
     2019 level, according to the report.\n",
];

/// `size` bytes of paragraphs, cycled.
fn text(size: usize) -> String {
    let mut out = String::with_capacity(size + 512);
    let mut i = 0;
    while out.len() < size {
        out.push_str(PARAGRAPHS[i % PARAGRAPHS.len()]);
        i += 1;
    }
    out
}

/// What a wrong charset header does: UTF-8 read as Windows-1252.
fn mojibake(text: &str) -> String {
    const HIGH: [char; 32] = [
        '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ',
        '\u{8d}', 'Ž', '\u{8f}', '\u{90}', '‘', '’', '“', '”', '•', '–', '—',
        '˜', '™', 'š', '›', 'œ', '\u{9d}', 'ž', 'Ÿ',
    ];
    text.bytes()
        .map(|b| match b {
            0x80..=0x9f => HIGH[b as usize - 0x80],
            _ => b as char,
        })
        .collect()
}

fn bench(c: &mut Criterion) {
    let cleaner = UnicodeCleaner::default();
    let mut group = c.benchmark_group("unicode/clean");
    let kb = text(1 << 10);
    let mb = text(1 << 20);
    // Text all in another script, all mojibake: two repairs a letter.
    let cyrillic = RUSSIAN.repeat((1 << 19) / RUSSIAN.len());
    let greek = GREEK.repeat((1 << 19) / GREEK.len());
    let inputs = [
        ("clean-1KB", kb.clone(), true),
        ("clean-1MB", mb.clone(), true),
        ("mojibake-1KB", mojibake(&kb), false),
        ("mojibake-1MB", mojibake(&mb), false),
        ("mojibake-cyrillic-1MB", mojibake(&cyrillic), false),
        ("mojibake-greek-1MB", mojibake(&greek), false),
        ("adversarial-A-tilde-1MB", "Ã".repeat(1 << 19), true),
        ("adversarial-ampersand-1MB", "&".repeat(1 << 20), true),
    ];
    for (name, input, clean) in &inputs {
        // Checked once outside the timing: the fast path borrows, the
        // repair gives back the clean text.
        let out = cleaner.clean(input);
        assert_eq!(matches!(out, Cow::Borrowed(_)), *clean, "{name}");
        if name.starts_with("mojibake") {
            let want = match *name {
                "mojibake-1KB" => &kb,
                "mojibake-cyrillic-1MB" => &cyrillic,
                "mojibake-greek-1MB" => &greek,
                _ => &mb,
            };
            assert_eq!(out.as_ref(), want.as_str(), "{name}");
        }
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let out = cleaner.clean(black_box(input));
                assert_eq!(matches!(out, Cow::Borrowed(_)), *clean);
                out.len()
            })
        });
    }
    group.finish();
}

/// A Russian paragraph, for a legacy Cyrillic code page.
const RUSSIAN: &str = "Вчера вечером в городе прошёл сильный дождь, и \
    многие улицы оказались под водой. Автобусы ходили с большими \
    опозданиями, а некоторые станции метро были закрыты.\n";

/// A Greek paragraph.
const GREEK: &str = "Η Αθήνα είναι η πρωτεύουσα της Ελλάδας και μία από \
    τις αρχαιότερες πόλεις του κόσμου, με ιστορία που ξεπερνά τα τρεις \
    χιλιάδες χρόνια.\n";

fn bench_decode(c: &mut Criterion) {
    let mut group = c.benchmark_group("unicode/decode");
    let mb = text(1 << 20);
    let russian = RUSSIAN.repeat((1 << 20) / RUSSIAN.len());
    let legacy = |text: &str, code: &'static encoding_rs::Encoding| {
        let (bytes, _, unmappable) = code.encode(text);
        assert!(!unmappable);
        (bytes.into_owned(), text.to_owned(), Encoding::Legacy(code))
    };
    let inputs = [
        ("utf8-1MB", (mb.clone().into_bytes(), mb.clone(), Encoding::Utf8)),
        ("windows-1252-1MB", legacy(&mb, encoding_rs::WINDOWS_1252)),
        ("windows-1251-1MB", legacy(&russian, encoding_rs::WINDOWS_1251)),
    ];
    for (name, (bytes, want, encoding)) in &inputs {
        let decoded = decode(bytes);
        assert_eq!(decoded.encoding, *encoding, "{name}");
        assert_eq!(decoded.text, want.as_str(), "{name}");
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let decoded = decode(black_box(bytes));
                assert_eq!(decoded.encoding, *encoding);
                decoded.text.len()
            })
        });
    }
    group.finish();
}

/// The documents of the corpus `TEXTCLEAN_BENCH_JSONL` names, if any.
fn corpus_docs() -> Option<Vec<String>> {
    let path = std::env::var("TEXTCLEAN_BENCH_JSONL").ok()?;
    let text = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("TEXTCLEAN_BENCH_JSONL={path}: {e}"));
    Some(
        text.lines()
            .filter_map(|line| {
                serde_json::from_str::<serde_json::Value>(line).ok()
            })
            .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
            .collect(),
    )
}

/// `doc` with every fifth word that holds a non-ASCII character read as
/// Windows-1252.
fn mojibake_20pct(doc: &str) -> String {
    let mut seen = 0;
    let mut out = String::with_capacity(doc.len() + doc.len() / 8);
    for word in doc.split_inclusive(char::is_whitespace) {
        if !word.is_ascii() {
            seen += 1;
            if seen % 5 == 0 {
                out.push_str(&mojibake(word));
                continue;
            }
        }
        out.push_str(word);
    }
    out
}

fn bench_corpus(c: &mut Criterion) {
    let cleaner = UnicodeCleaner::default();
    let mut group = c.benchmark_group("unicode/corpus");
    let ascii: String = text(1 << 20).chars().filter(char::is_ascii).collect();
    assert!(matches!(cleaner.clean(&ascii), Cow::Borrowed(_)));
    let mut inputs = vec![("clean-ascii-1MB", vec![ascii])];
    if let Some(docs) = corpus_docs() {
        let damaged = docs.iter().map(|d| mojibake_20pct(d)).collect();
        inputs.push(("corpus", docs));
        inputs.push(("mojibake-20pct", damaged));
    }
    for (name, docs) in &inputs {
        let bytes: usize = docs.iter().map(String::len).sum();
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                docs.iter()
                    .map(|doc| cleaner.clean(black_box(doc)).len())
                    .sum::<usize>()
            })
        });
    }
    group.finish();
}

/// The hostile inputs of `tests/support/hostile.rs`, 1 MB each, beside
/// ordinary text of that size: linear work keeps them within a small
/// factor of it.
fn bench_hostile(c: &mut Criterion) {
    let cleaner = UnicodeCleaner::default();
    let mut group = c.benchmark_group("unicode/hostile");
    let mut inputs = vec![("ordinary", text(1 << 20))];
    inputs.extend(hostile::cases(1 << 19));
    for (name, input) in &inputs {
        group.throughput(Throughput::Bytes(input.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| cleaner.clean(black_box(input)).len())
        });
    }
    group.finish();
}

criterion_group!(benches, bench, bench_decode, bench_corpus, bench_hostile);
criterion_main!(benches);
