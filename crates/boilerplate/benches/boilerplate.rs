//! Throughput of the boilerplate stage on realistic page text, and of
//! learning a corpus model (`boilerplate/learn`) and cleaning with one
//! (`boilerplate/clean_with_model`).
//!
//! The corpus benches read the WCXB dev pages
//! (`/work/shared/data/boilerplate-dev/cases.jsonl.gz`, or the file
//! `TEXTCLEAN_BENCH_PAGES` names: gzip-compressed JSON Lines with `text`
//! and `url`) when they are there, and always a synthetic crawl of 40
//! sites built from the sample article.

use std::io::Read;
use std::sync::Arc;

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textclean_boilerplate::{
    BoilerplateRemover, CorpusModel, LearnOptions, Learner,
};
use textclean_core::{Doc, Meta, Record, Stage};

const ARTICLE: &str = include_str!("../../../examples/data/article.txt");

/// Made-up page furniture: a menu, share widgets, a footer.
const HEADER: &str = "Skip to content\nExample Site\nHome\nNews\nSport\n\
Weather\nSearch\nHome | News | Sport | Weather | Contact\n\n";
const FOOTER: &str = "\nShare this:\nShare on Facebook\n0 Comments\n\
Related Posts\nAbout Us\nContact\nCareers\nPrivacy Policy\n\
© 2024 Example Site. All rights reserved.\n";

/// One page: header, the sample article, footer.
fn page() -> String {
    format!("{HEADER}{ARTICLE}\n{FOOTER}")
}

/// Pages repeated up to at least `size` bytes.
fn pages(size: usize) -> String {
    let one = page();
    one.repeat(size.div_ceil(one.len()))
}

fn clean(c: &mut Criterion) {
    let remover = BoilerplateRemover::default();
    let mut group = c.benchmark_group("boilerplate/clean");
    let inputs = [
        ("article-6KB", ARTICLE.to_owned()),
        ("page-8KB", page()),
        ("page-1MB", pages(1 << 20)),
    ];
    for (name, text) in &inputs {
        let expect_shorter = remover.clean(text).len() < text.len();
        assert!(expect_shorter, "{name}: nothing removed");
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_function(*name, |b| {
            b.iter(|| {
                let out = remover.clean(text);
                assert!(out.len() < text.len());
                out.len()
            })
        });
    }
    // Clean prose: nothing to remove, output borrowed.
    let prose: String = ARTICLE
        .lines()
        .filter(|l| l.len() > 200)
        .collect::<Vec<_>>()
        .join("\n\n")
        .repeat(160);
    group.throughput(Throughput::Bytes(prose.len() as u64));
    group.bench_function("prose-1MB", |b| {
        b.iter(|| {
            let out = remover.clean(&prose);
            assert!(matches!(out, std::borrow::Cow::Borrowed(_)));
            out.len()
        })
    });
    group.finish();
}

/// Pages with their URLs.
type Pages = Vec<(String, Meta)>;

/// The dev pages, when they are there.
fn dev_pages() -> Option<Pages> {
    let path = std::env::var("TEXTCLEAN_BENCH_PAGES").unwrap_or_else(|_| {
        "/work/shared/data/boilerplate-dev/cases.jsonl.gz".to_owned()
    });
    let file = std::fs::File::open(path).ok()?;
    let mut text = String::new();
    flate2::read::GzDecoder::new(file).read_to_string(&mut text).ok()?;
    let pages = text
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .filter_map(|v| {
            let text = v.get("text")?.as_str()?.to_owned();
            let url = v.get("url").and_then(|u| u.as_str());
            let meta = Meta { url: url.map(str::to_owned), language: None };
            Some((text, meta))
        })
        .collect();
    Some(pages)
}

/// A crawl of 40 sites, 25 pages each: each page a site's own header and
/// footer around a slice of the article's paragraphs (a word changed per
/// page, so pages differ).
fn crawl() -> Pages {
    let paragraphs: Vec<&str> = ARTICLE.split("\n\n").collect();
    let mut pages = Vec::new();
    for page in 0..25 {
        for site in 0..40 {
            let mut text = format!(
                "Site {site} Magazine\nHome | Topics {site} | About\n\
                 The weekly letter of site {site}: sign up today\n\n"
            );
            for k in 0..8 {
                let p = paragraphs[(page * 3 + site + k) % paragraphs.len()];
                text.push_str(&p.replacen(
                    " the ",
                    &format!(" the {page}x{site} "),
                    1,
                ));
                text.push_str("\n\n");
            }
            text.push_str(&format!(
                "Site {site} Media Group, all rights kept\nContact the \
                 editors of site {site}\n"
            ));
            let url = format!("https://site{site}.example/{page}");
            pages.push((text, Meta::default().with_url(&url)));
        }
    }
    pages
}

fn learn(pages: &Pages) -> CorpusModel {
    let mut learner = Learner::new(LearnOptions::default());
    for (text, meta) in pages {
        learner.add(text, meta.url.as_deref());
    }
    learner.finish()
}

fn corpus(c: &mut Criterion) {
    let mut corpora = vec![("crawl", crawl())];
    if let Some(pages) = dev_pages() {
        corpora.push(("dev-pages", pages));
    }
    let mut group = c.benchmark_group("boilerplate/learn");
    for (name, pages) in &corpora {
        let bytes: usize = pages.iter().map(|p| p.0.len()).sum();
        let name = format!("{name}-{}MB", bytes >> 20);
        group.throughput(Throughput::Bytes(bytes as u64));
        group.bench_function(&name, |b| {
            b.iter(|| {
                let model = learn(pages);
                assert_eq!(model.documents(), pages.len() as u64);
                model.len()
            })
        });
    }
    group.finish();
    // The cost of the rule: the same pages cleaned without and with a
    // model learned from them.
    let mut group = c.benchmark_group("boilerplate/clean_with_model");
    for (name, pages) in &corpora {
        let bytes: usize = pages.iter().map(|p| p.0.len()).sum();
        let model = Arc::new(learn(pages));
        let with = BoilerplateRemover::builder().corpus_model(model).build();
        let without = BoilerplateRemover::default();
        let run = |remover: &BoilerplateRemover| {
            pages
                .iter()
                .map(|(text, meta)| {
                    let doc = Doc::new(text).with_meta(meta);
                    remover.run_doc(&doc, Record::Nothing).text.len()
                })
                .sum::<usize>()
        };
        let plain = run(&without);
        let cleaner = run(&with);
        assert!(cleaner < plain, "{name}: the model removed nothing");
        group.throughput(Throughput::Bytes(bytes as u64));
        for (label, remover) in [("without", &without), ("with", &with)] {
            let id = format!("{name}-{}MB-{label}", bytes >> 20);
            group.bench_function(&id, |b| b.iter(|| run(remover)));
        }
    }
    group.finish();
}

criterion_group!(benches, clean, corpus);
criterion_main!(benches);
