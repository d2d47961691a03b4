//! Hostile inputs beside ordinary text of the same size, through the `web`
//! and `pdf` pipelines: `cargo bench --bench adversarial`. Each case must
//! cost, per MB, no more than twice what ordinary text costs.
//!
//! Groups are `adversarial/{pipeline}`, inputs the case names of
//! `support/cases.rs`. `TEXTCLEAN_BENCH_SIZE` sets the size in bytes
//! (default 10 MB).

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use textclean::{Pipeline, Preset};

#[path = "support/cases.rs"]
mod cases;

fn adversarial(c: &mut Criterion) {
    let size = std::env::var("TEXTCLEAN_BENCH_SIZE")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(10_000_000);
    let inputs = cases::all(size);
    for preset in [Preset::Web, Preset::Pdf] {
        let pipeline = Pipeline::preset(preset);
        let mut group = c.benchmark_group(format!("adversarial/{preset}"));
        group.sample_size(10);
        for (name, text) in &inputs {
            group.throughput(Throughput::Bytes(text.len() as u64));
            group.bench_function(*name, |b| {
                b.iter(|| {
                    let out = pipeline.clean(text);
                    // A bench that cleaned nothing would measure nothing.
                    assert!(out.len() <= text.len() + text.len() / 8 + 64);
                    out.len()
                })
            });
        }
        group.finish();
    }
}

criterion_group!(benches, adversarial);
criterion_main!(benches);
