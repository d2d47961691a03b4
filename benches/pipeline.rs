//! Whole pipelines on realistic text: `cargo bench --bench pipeline`.
//!
//! Groups are named `{pipeline}/{operation}`, inputs `{kind}-{size}`.
//! `TEXTCLEAN_BENCH_JSONL` and `TEXTCLEAN_BENCH_CONFIG` add your own corpus
//! and pipeline (see [`corpus`]).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textclean::{Layout, Pipeline, Preset, Stage};

const ARTICLE: &str = include_str!("../examples/data/article.txt");

/// A page of about `size` bytes built from the article's paragraphs: each
/// copy of the article under its own heading, with its ads and comment
/// form, and one word in each paragraph changed so copies are not identical.
fn page(size: usize) -> String {
    let mut page = String::with_capacity(size + ARTICLE.len());
    let mut copy = 0;
    while page.len() < size {
        page.push_str(&format!("Part {copy}: The Story Goes On\n\n"));
        for paragraph in ARTICLE.split("\n\n") {
            page.push_str(&paragraph.replacen(
                " the ",
                &format!(" the {copy} "),
                1,
            ));
            page.push_str("\n\n");
        }
        copy += 1;
    }
    page
}

/// Benches `run` on each named input in group `group`, counting `bytes`
/// of input per iteration (the input's own length when `None`). `run`
/// checks its result, so a bench cannot measure nothing.
fn bench<I, R>(
    c: &mut Criterion,
    group: &str,
    inputs: &[(&str, I)],
    bytes: impl Fn(&I) -> usize,
    run: impl Fn(&I) -> R,
) {
    let mut group = c.benchmark_group(group);
    for (name, input) in inputs {
        group.throughput(Throughput::Bytes(bytes(input) as u64));
        group.bench_function(*name, |b| b.iter(|| run(input)));
    }
    group.finish();
}

fn web(c: &mut Criterion) {
    let pipeline = Pipeline::preset(Preset::Web);
    let clean_page = pipeline.clean(&page(1 << 20)).into_owned();
    let inputs = [
        ("article-6KB", ARTICLE.to_owned()),
        ("page-1MB", page(1 << 20)),
        ("clean-1MB", clean_page),
    ];
    bench(c, "web/clean", &inputs, String::len, |text| {
        let out = pipeline.clean(text).len();
        assert!(out <= text.len() + text.len() / 8);
        out
    });
    bench(
        c,
        "web/explain",
        &[("article-6KB", ARTICLE)],
        |t| t.len(),
        |t| {
            let report = pipeline.explain(t);
            assert!(!report.changes.is_empty());
            report
        },
    );

    let docs: Vec<String> = (0..256)
        .map(|i| page(16 << 10).replace("Part 0", &format!("Doc {i}")))
        .collect();
    let total = |docs: &Vec<String>| docs.iter().map(String::len).sum();
    let docs = [("docs-256x16KB", docs)];
    bench(c, "web/clean_batch", &docs, total, |docs| {
        let out = pipeline.clean_batch(docs);
        assert_eq!(out.len(), docs.len());
        out
    });
    // The same documents one after another on one thread: the batch's
    // speed-up over this is what parallelism buys.
    bench(c, "web/clean_each", &docs, total, |docs| {
        let out: Vec<String> =
            docs.iter().map(|d| pipeline.clean(d).into_owned()).collect();
        assert_eq!(out.len(), docs.len());
        out
    });
}

fn pdf(c: &mut Criterion) {
    let pipeline = Pipeline::preset(Preset::Pdf);
    // The article hard-wrapped at 72 columns, as text from a PDF would be.
    let mut wrapped = String::new();
    for paragraph in page(1 << 20).split("\n\n") {
        let mut width = 0;
        for word in paragraph.split(' ') {
            if width + word.len() > 72 {
                wrapped.push('\n');
                width = 0;
            } else if width > 0 {
                wrapped.push(' ');
            }
            wrapped.push_str(word);
            width += word.len() + 1;
        }
        wrapped.push_str("\n\n");
    }
    bench(c, "pdf/clean", &[("wrapped-1MB", wrapped)], String::len, |t| {
        let out = pipeline.clean(t);
        assert!(out.lines().count() < t.lines().count());
        out.len()
    });
}

/// The layout pass alone, which ends every pipeline.
fn layout(c: &mut Criterion) {
    let messy = page(1 << 20);
    let clean = Layout::default().clean(&messy).into_owned();
    let inputs = [("page-1MB", messy), ("clean-1MB", clean)];
    bench(c, "layout/clean", &inputs, String::len, |text| {
        let out = Layout::default().clean(text);
        assert!(!out.contains("\n\n\n"));
        out.len()
    });
}

/// Your own corpus, when `TEXTCLEAN_BENCH_JSONL` names a JSON Lines file
/// with a `text` field: each stage alone and the `web` pipeline, over all
/// its documents, one after another; and your own pipeline too, when
/// `TEXTCLEAN_BENCH_CONFIG` names its TOML file. Without them, nothing
/// runs.
fn corpus(c: &mut Criterion) {
    let Ok(path) = std::env::var("TEXTCLEAN_BENCH_JSONL") else { return };
    let docs: Vec<String> = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("TEXTCLEAN_BENCH_JSONL={path}: {e}"))
        .lines()
        .filter_map(|line| {
            serde_json::from_str::<serde_json::Value>(line).ok()
        })
        .filter_map(|v| v.get("text")?.as_str().map(str::to_owned))
        .collect();
    let bytes: usize = docs.iter().map(String::len).sum();
    let name = format!("corpus-{}MB", bytes >> 20);
    let presets =
        [Preset::Unicode, Preset::Boilerplate, Preset::Sentences, Preset::Web];
    let mut pipelines: Vec<(String, Pipeline)> = presets
        .into_iter()
        .map(|p| (p.to_string(), Pipeline::preset(p)))
        .collect();
    if let Ok(config) = std::env::var("TEXTCLEAN_BENCH_CONFIG") {
        let pipeline = std::fs::read_to_string(&config)
            .map_err(|e| e.to_string())
            .and_then(|toml| {
                Pipeline::from_toml(&toml).map_err(|e| e.to_string())
            })
            .unwrap_or_else(|e| {
                panic!("TEXTCLEAN_BENCH_CONFIG={config}: {e}")
            });
        pipelines.push(("config".to_owned(), pipeline));
    }
    // The whole corpus as one document of 50 MB: cost must stay linear.
    let mut one = String::with_capacity(50 << 20);
    while one.len() < 50 << 20 && bytes > 0 {
        for doc in &docs {
            one.push_str(doc);
            one.push_str("\n\n");
        }
    }
    let web = Pipeline::preset(Preset::Web);
    bench(
        c,
        "web/clean",
        &[("corpus-one-50MB", ())],
        |_| one.len(),
        |_| {
            let out = web.clean(&one).len();
            assert!(out > 0 || one.is_empty());
            out
        },
    );
    let inputs = [(name.as_str(), ())];
    for (pipeline_name, pipeline) in &pipelines {
        let group = format!("{pipeline_name}/clean");
        bench(
            c,
            &group,
            &inputs,
            |_| bytes,
            |_| {
                let out: usize =
                    docs.iter().map(|d| pipeline.clean(d).len()).sum();
                assert!(out > 0 || bytes == 0);
                out
            },
        );
    }
}

criterion_group! {
    name = benches;
    config = Criterion::default().sample_size(20);
    targets = web, pdf, layout, corpus
}
criterion_main!(benches);
