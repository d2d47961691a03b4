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

fn inputs() -> Vec<(String, String)> {
    // Unwrapped book prose, one paragraph a line, as web text is.
    let pdf = SentenceRepair::pdf();
    let prose = format!("{}\n\n{}", pdf.clean(TOM), pdf.clean(ORIGIN));
    let paragraphs: Vec<&str> = prose.split("\n\n").collect();
    vec![
        ("article-6KB".to_owned(), ARTICLE.to_owned()),
        ("prose-1MB".to_owned(), repeat(&paragraphs, 1 << 20)),
        ("caps-line-10MB".to_owned(), "ABCDEFGHIJ".repeat(1 << 20)),
    ]
}

fn repair(c: &mut Criterion) {
    let stage = SentenceRepair::default();
    let mut group = c.benchmark_group("sentences/repair");
    for (name, text) in inputs().into_iter().chain(corpus()) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(&name, |b| {
            b.iter(|| {
                let out = stage.clean(&text);
                assert!(out.len() >= text.len());
                out.len()
            })
        });
    }
    bench_pages(&mut group, |page| stage.clean(page).len());
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

/// The page texts of a JSON Lines corpus (its `text` fields), when
/// `TEXTCLEAN_BENCH_JSONL` names one: the dev corpus, or your own.
fn pages() -> Option<Vec<String>> {
    let path = std::env::var("TEXTCLEAN_BENCH_JSONL").ok()?;
    let jsonl = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("TEXTCLEAN_BENCH_JSONL={path}: {e}"));
    let pages = jsonl
        .lines()
        .filter_map(|line| {
            serde_json::from_str::<serde_json::Value>(line).ok()
        })
        .filter_map(|v| Some(v.get("text")?.as_str()?.to_owned()))
        .collect();
    Some(pages)
}

/// The corpus's pages as one text, separated by blank lines: the hard case
/// of one long document.
fn corpus() -> Option<(String, String)> {
    let text = pages()?.join("\n\n");
    Some((format!("corpus-{}MB", text.len() >> 20), text))
}

/// The corpus page by page, as a JSON Lines corpus is cleaned.
fn bench_pages(
    group: &mut criterion::BenchmarkGroup<
        '_,
        criterion::measurement::WallTime,
    >,
    mut run: impl FnMut(&str) -> usize,
) {
    let Some(pages) = pages() else { return };
    let bytes: usize = pages.iter().map(String::len).sum();
    group.throughput(Throughput::Bytes(bytes as u64));
    group.bench_function("corpus-pages", |b| {
        b.iter(|| pages.iter().map(|page| run(page)).sum::<usize>())
    });
}

fn split(c: &mut Criterion) {
    let splitter = SentenceSplitter::default();
    let mut group = c.benchmark_group("sentences/split");
    // Hostile inputs, 4 MB each: cost per byte must stay that of prose.
    let hostile = [
        ("list-markers-4MB", "1. a 2. b 3. c ".repeat(4 << 20 >> 4)),
        ("periods-4MB", ". A".repeat(4 << 20 >> 2)),
        ("bullets-4MB", " \u{2022} x".repeat(4 << 20 >> 3)),
        ("blank-lead-4MB", format!("{}x 1) 2) 3)", " ".repeat(4 << 20))),
        ("initials-4MB", "J. ".repeat(4 << 20 >> 2)),
        ("lines-4MB", "Word\n".repeat(4 << 20 >> 3)),
    ]
    .map(|(name, text)| (name.to_owned(), text));
    bench_pages(&mut group, |page| splitter.split(page).count());
    for (name, text) in inputs().into_iter().chain(corpus()).chain(hostile) {
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(&name, |b| {
            b.iter(|| {
                let n = splitter.split(&text).count();
                assert!(n > 0);
                n
            })
        });
    }
    group.finish();
}

criterion_group!(benches, repair, split);
criterion_main!(benches);
