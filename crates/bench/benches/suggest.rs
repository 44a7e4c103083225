//! Suggestions learned from the person's tags (issue 14 §2): the budget is 50 ms for a
//! 100,000-word article from a 20,000-entry dictionary, off the edit path.
//! `cargo bench -p annotator-bench --bench suggest`.
//!
//! Two dictionaries: one whose every text is common words of the article's vocabulary
//! (the worst case: a third of the article's words are suggested), and one as a library
//! of names would be: 1,000 of its texts (of 2–4 words) found in the article, the rest in
//! none.

use std::hint::black_box;

use annotator_bench::{article, dictionary, spans};
use annotator_core::suggest::{Options, Rejections, Suggester, occurrences};
use criterion::{Criterion, criterion_group, criterion_main};

const ENTRIES: usize = 20_000;

fn suggesting(c: &mut Criterion) {
    // The open article, with 10,000 annotations of its own (suggestions skip those).
    let ws = spans(&article(100_000, 1), 10_000, 1);
    let rejected = Rejections::default();
    let mut group = c.benchmark_group("suggest");
    group.sample_size(20);
    let ignoring = Options { case_sensitive: false, ..Options::default() };
    for (case, found, words, options) in [
        ("common words", ENTRIES, 1..=4, Options::default()),
        ("common words, ignoring case", ENTRIES, 1..=4, ignoring),
        ("names, 1,000 of 2-4 words found", 1_000, 2..=4, Options::default()),
    ] {
        let dict = dictionary(ENTRIES, found, words, 1);
        group.bench_function(format!("Suggester::new, {ENTRIES} entries, {case}"), |b| {
            b.iter(|| Suggester::new(black_box(&dict), &rejected, options))
        });
        let suggester = Suggester::new(&dict, &rejected, options);
        let made = suggester.suggest(&ws).len();
        eprintln!("{case}: {} texts looked for, {made} suggestions", suggester.len());
        group.bench_function(format!("suggest, 100k words / {ENTRIES} entries, {case}"), |b| {
            b.iter(|| suggester.suggest(black_box(&ws)))
        });
    }
    let card = ws.annotations()[ws.annotations().len() / 2].id;
    group.bench_function("occurrences of one card's text, 100k words", |b| {
        b.iter(|| occurrences(black_box(&ws), card, &Options::default()))
    });
    group.finish();
}

criterion_group!(benches, suggesting);
criterion_main!(benches);
