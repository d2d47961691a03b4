//! Throughput of the Unicode stage on clean text (the fast path), on text
//! with mojibake, and on hostile input.

use std::borrow::Cow;
use std::hint::black_box;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textclean_unicode::{Stage, UnicodeCleaner};

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
    let inputs = [
        ("clean-1KB", kb.clone(), true),
        ("clean-1MB", mb.clone(), true),
        ("mojibake-1KB", mojibake(&kb), false),
        ("mojibake-1MB", mojibake(&mb), false),
        ("adversarial-A-tilde-1MB", "Ã".repeat(1 << 19), true),
        ("adversarial-ampersand-1MB", "&".repeat(1 << 20), true),
    ];
    for (name, input, clean) in &inputs {
        // Checked once outside the timing: the fast path borrows, the
        // repair gives back the clean text.
        let out = cleaner.clean(input);
        assert_eq!(matches!(out, Cow::Borrowed(_)), *clean, "{name}");
        if name.starts_with("mojibake") {
            let want = if name.ends_with("1KB") { &kb } else { &mb };
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

criterion_group!(benches, bench);
criterion_main!(benches);
