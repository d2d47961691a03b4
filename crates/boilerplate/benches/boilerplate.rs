//! Throughput of the boilerplate stage on realistic page text.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textclean_boilerplate::BoilerplateRemover;
use textclean_core::Stage;

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

criterion_group!(benches, clean);
criterion_main!(benches);
