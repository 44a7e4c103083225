//! Searching the whole library (issue 14's first part): the budget is 30 ms for a query
//! over 50 documents, 1,000,000 words and 20,000 annotations, and 2 ms to index again
//! one edited annotation of a 600,000-word book with 10,000. Indexing a whole document
//! may take longer: it happens in the background, one document per task.
//! `cargo bench -p annotator-bench --bench search`.
//! The library is `annotator_bench::library` (the browser's benchmark imports the same).

use std::hint::black_box;

use annotator_bench::TIME;
use annotator_bench::library::{BOOK, library};
use annotator_core::Editor;
use annotator_core::search::{Query, SearchIndex, TextIndexed};
use criterion::{Criterion, criterion_group, criterion_main};

fn searching(c: &mut Criterion) {
    let docs = library();
    let words: usize = docs.iter().map(|d| d.3.document.text().split_whitespace().count()).sum();
    let anns: usize = docs.iter().map(|d| d.3.annotations().len()).sum();
    eprintln!("library: {} documents, {words} words, {anns} annotations", docs.len());
    let mut index = SearchIndex::new();
    for (id, title, updated, ws) in &docs {
        index.update(*id, title, updated, ws);
    }
    let mut group = c.benchmark_group("search");
    group.sample_size(20);
    for (case, q) in [
        ("phrase and filters", r#"tag:claim status:disputed "the government""#),
        ("free words", "budget police"),
        ("free word, common", "the"),
        ("filters only", "type:person note:reuters"),
    ] {
        let q = Query::parse(q);
        let found = index.search(&q, 20);
        let total: usize = found.iter().map(|r| r.total).sum();
        eprintln!("{case}: {} documents, {total} hits", found.len());
        group.bench_function(format!("query, 50 docs / 1M words / 20k annotations, {case}"), |b| {
            b.iter(|| index.search(black_box(&q), 20))
        });
    }

    // One annotation of the book edited, then edited back: each update has one to redo.
    let (id, title, updated, book) = &docs[0];
    let mut ed = Editor::new(book.clone());
    let edited = ed.workspace().annotations()[BOOK.1 / 2].id;
    ed.set_note(edited, "a new note about the ministry", TIME).expect("an annotation");
    let versions = [book.clone(), ed.workspace().clone()];
    let mut turn = 0;
    group.bench_function("update, one annotation edited, 600k words / 10k annotations", |b| {
        b.iter(|| {
            turn ^= 1;
            assert_eq!(index.update(*id, title, updated, black_box(&versions[turn])), TextIndexed::Kept);
        })
    });

    group.sample_size(10);
    let record = index.text_record(*id).expect("indexed");
    eprintln!("the book's record: {} bytes, its text {} bytes", record.len(), book.document.text().len());
    group.bench_function("index a new document, 600k words / 10k annotations, tokenised", |b| {
        b.iter(|| SearchIndex::new().update(*id, title, updated, black_box(book)))
    });
    group.bench_function("index a new document, 600k words / 10k annotations, from its record", |b| {
        b.iter(|| {
            let mut fresh = SearchIndex::new();
            let how = fresh.update_with_record(*id, title, updated, black_box(book), Some(&record));
            assert_eq!(how, TextIndexed::FromRecord);
        })
    });
    group.bench_function("text_record, 600k words", |b| b.iter(|| index.text_record(black_box(*id))));
    group.finish();
}

criterion_group!(benches, searching);
criterion_main!(benches);
