//! Throughput of sentence repair and splitting.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textclean_core::Stage;
use textclean_sentences::{SentenceRepair, SentenceSplitter};

const ARTICLE: &str = include_str!("../../../examples/data/article.txt");
const TOM: &str = include_str!("../tests/data/tom-sawyer-ch1.txt");
const ORIGIN: &str = include_str!("../tests/data/arbor-origin.txt");

/// About `size` bytes of paragraphs, repeated deterministically.
fn repeat(parts: &[&str], size: usize) -> String {
    let mut out = String::with_capacity(size + 4096);
    let mut i = 0;
    while out.len() < size {
        out.push_str(parts[i % parts.len()].trim());
        out.push_str("\n\n");
        i += 1;
    }
    out
}

fn inputs() -> Vec<(&'static str, String)> {
    // Unwrapped book prose, one paragraph a line, as web text is.
    let pdf = SentenceRepair::pdf();
    let prose = format!("{}\n\n{}", pdf.clean(TOM), pdf.clean(ORIGIN));
    let paragraphs: Vec<&str> = prose.split("\n\n").collect();
    vec![
        ("article-6KB", ARTICLE.to_owned()),
        ("prose-1MB", repeat(&paragraphs, 1 << 20)),
        ("caps-line-10MB", "ABCDEFGHIJ".repeat(1 << 20)),
    ]
}

fn repair(c: &mut Criterion) {
    let stage = SentenceRepair::default();
    let mut group = c.benchmark_group("sentences/repair");
    for (name, text) in inputs() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let out = stage.clean(&text);
                assert!(out.len() >= text.len());
                out.len()
            })
        });
    }
    let wrapped = repeat(&[TOM, ORIGIN], 1 << 20);
    let pdf = SentenceRepair::pdf();
    group.throughput(Throughput::Bytes(wrapped.len() as u64));
    group.bench_function("pdf-wrapped-1MB", |b| {
        b.iter(|| {
            let out = pdf.clean(&wrapped);
            assert!(out.len() < wrapped.len() + 64);
            out.len()
        })
    });
    group.finish();
}

fn split(c: &mut Criterion) {
    let splitter = SentenceSplitter::default();
    let mut group = c.benchmark_group("sentences/split");
    for (name, text) in inputs() {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(name, |b| {
            b.iter(|| {
                let spans = splitter.spans(&text);
                assert!(!spans.is_empty());
                spans.len()
            })
        });
    }
    group.finish();
}

criterion_group!(benches, repair, split);
criterion_main!(benches);
