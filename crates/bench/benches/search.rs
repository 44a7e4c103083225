//! Searching the whole library (issue 14's first part): the budget is 30 ms for a query
//! over 50 documents, 1,000,000 words and 20,000 annotations, and 2 ms to index again
//! one edited annotation of a 600,000-word book with 10,000. Indexing a whole document
//! may take longer: it happens in the background, one document per task.
//! `cargo bench -p annotator-bench --bench search`.
//!
//! The library: one book of 600,000 words with 10,000 annotations, and 49 articles
//! sharing the other 400,000 words and 10,000 annotations; a fifth of the claims
//! disputed, an annotation in seven with a note, the entities typed.

use std::hint::black_box;

use annotator_bench::{TIME, article, spans};
use annotator_core::search::{Query, SearchIndex, TextIndexed};
use annotator_core::{AnnotationId, ClaimStatus, Editor, Tag, Workspace};
use criterion::{Criterion, criterion_group, criterion_main};

const DOCS: usize = 50;
const BOOK: (usize, usize) = (600_000, 10_000);
const REST: (usize, usize) = (400_000, 10_000);

const NOTES: [&str; 4] = [
    "WaPo reported this first",
    "check the ministry figures against the budget",
    "source: Reuters, same day",
    "the government disputes this",
];
const TYPES: [&str; 3] = ["person", "organisation", "place"];

/// `ws` with statuses, notes and entity types set, deterministically by position.
fn dressed(ws: Workspace) -> Workspace {
    let mut ed = Editor::new(ws);
    let all: Vec<_> = ed.workspace().annotations().iter().map(|a| (a.id, a.tag)).collect();
    for (i, (id, tag)) in all.into_iter().enumerate() {
        if tag == Tag::Claim {
            ed.set_status(id, ClaimStatus::ALL[i % 5], TIME).expect("a claim");
        }
        if tag == Tag::Entity {
            ed.set_entity_type(id, TYPES[i % 3], TIME).expect("an entity");
        }
        if i % 7 == 0 {
            ed.set_note(id, NOTES[i % 4], TIME).expect("an annotation");
        }
    }
    ed.workspace().clone()
}

/// The library's documents: (id, title, updated, workspace), the book first.
fn library() -> Vec<(AnnotationId, String, String, Workspace)> {
    let mut docs = Vec::with_capacity(DOCS);
    for n in 0..DOCS {
        let (words, anns) = match n {
            0 => BOOK,
            _ => (REST.0 / (DOCS - 1), REST.1 / (DOCS - 1) + usize::from(n <= REST.1 % (DOCS - 1))),
        };
        let doc = article(words, n as u64 + 1);
        let ws = dressed(spans(&doc, anns, n as u64 + 1));
        let id = AnnotationId::from_random_bytes([n as u8 + 1; 16]);
        let updated = format!("2026-{:02}-{:02}T00:00:00.000Z", n % 12 + 1, n % 28 + 1);
        docs.push((id, ws.document.title().to_owned(), updated, ws));
    }
    docs
}

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
