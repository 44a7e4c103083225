//! Host micro-benchmarks of the core on the same seeded material as the browser harness:
//! `cargo bench -p annotator-bench` (or `make bench`, which also runs the browser side).

use std::hint::black_box;

use annotator_bench::{article, spans};
use annotator_core::offsets::{char_to_utf16, slice_chars, utf16_to_char};
use std::rc::Rc;

use annotator_core::{Document, Editor, Tag, export_json, import_json, layout, lines, update_text};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

const CASES: [(usize, usize); 3] = [(2_000, 100), (20_000, 1_000), (100_000, 10_000)];

fn segmenting(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    for (words, n) in CASES {
        let ws = spans(&article(words, 1), n, 1);
        let text = ws.document.text();
        let lines = lines(text);
        let texts: Vec<&str> = lines.iter().map(|l| slice_chars(text, l.start, l.end)).collect();
        group.throughput(Throughput::Elements(n as u64));
        group.bench_function(BenchmarkId::from_parameter(format!("{words}w/{n}")), |b| {
            b.iter(|| layout(black_box(&lines), &texts, ws.annotations()))
        });
    }
    group.finish();
}

fn offsets(c: &mut Criterion) {
    let doc = article(100_000, 1);
    let text = doc.text();
    let units = char_to_utf16(text, doc.char_len());
    let mut group = c.benchmark_group("offsets");
    group.bench_function("utf16→code point, 100k words", |b| {
        b.iter(|| utf16_to_char(black_box(text), units * 3 / 4))
    });
    group.bench_function("code point→utf16, 100k words", |b| {
        b.iter(|| char_to_utf16(black_box(text), doc.char_len() * 3 / 4))
    });
    group.finish();
}

fn reanchoring(c: &mut Criterion) {
    let mut group = c.benchmark_group("reanchor");
    group.sample_size(10);
    for (words, n) in CASES {
        let ws = spans(&article(words, 1), n, 1);
        // A sentence inserted a third of the way in, as when a publisher updates a story.
        let text = ws.document.text();
        let at = text.char_indices().nth(ws.document.char_len() / 3).map_or(0, |(i, _)| i);
        let edited = format!("{} An update was added here. {}", &text[..at], &text[at..]);
        let new = Document::new(ws.document.title(), &edited);
        group.bench_function(BenchmarkId::from_parameter(format!("{words}w/{n}")), |b| {
            b.iter(|| update_text(black_box(&ws), new.clone()))
        });
    }
    group.finish();
}

fn export_import(c: &mut Criterion) {
    let mut group = c.benchmark_group("native json");
    group.sample_size(20);
    for (words, n) in CASES {
        let ws = spans(&article(words, 1), n, 1);
        let json = export_json(&ws);
        group.throughput(Throughput::Bytes(json.len() as u64));
        group.bench_function(BenchmarkId::new("export", format!("{words}w/{n}")), |b| {
            b.iter(|| export_json(black_box(&ws)))
        });
        group.bench_function(BenchmarkId::new("import", format!("{words}w/{n}")), |b| {
            b.iter(|| import_json(black_box(&json)).expect("own export imports"))
        });
    }
    group.finish();
}

/// One edit as the app makes it: the state still holds the editor it replaces, so
/// `Rc::make_mut` clones the editor, history included. Its cost must not grow with the
/// history's length.
fn edit_with_history(c: &mut Criterion) {
    let mut group = c.benchmark_group("edit with history");
    let ws = spans(&article(100_000, 1), 10_000, 1);
    let target = ws.annotations()[ws.annotations().len() / 2].id;
    for steps in [0, 500] {
        let mut editor = Editor::new(ws.clone());
        for n in 0..steps {
            let tag = if n % 2 == 0 { Tag::Source } else { Tag::Claim };
            editor.retag(target, tag, "2026-01-01T00:00:00Z").expect("the span exists");
        }
        let held = Rc::new(editor);
        group.bench_function(
            BenchmarkId::new("retag, 100k words / 10k spans", format!("{steps} steps")),
            |b| {
                b.iter(|| {
                    let mut next = held.clone();
                    Rc::make_mut(&mut next)
                        .retag(target, Tag::Entity, "2026-01-01T00:00:01Z")
                        .expect("exists");
                    black_box(next)
                })
            },
        );
    }
    group.finish();
}

/// Saving a book after one edit: the library works out and writes only what changed
/// (the browser's main-thread cost of a save, less the IndexedDB adapter).
fn save_after_one_edit(c: &mut Criterion) {
    use annotator_core::Marks;
    use annotator_core::library::{Library, MemoryStore};
    let mut group = c.benchmark_group("library save");
    let ws = spans(&article(100_000, 1), 10_000, 1);
    let id = ws.annotations()[0].id;
    let target = ws.annotations()[ws.annotations().len() / 2].id;
    let mut lib = Library::new(MemoryStore::new());
    lib.save(id, &ws, 1, &Marks::default()).expect("saved");
    let mut editor = Editor::new(ws);
    let mut revision = 1;
    group.bench_function("after one retag, 100k words / 10k spans", |b| {
        b.iter(|| {
            revision += 1;
            let tag = if revision % 2 == 0 { Tag::Source } else { Tag::Claim };
            editor.retag(target, tag, "2026-01-01T00:00:01Z").expect("exists");
            lib.save(id, editor.workspace(), revision, &Marks::default()).expect("saved");
        })
    });
    group.finish();
}

criterion_group!(
    benches,
    segmenting,
    offsets,
    reanchoring,
    export_import,
    edit_with_history,
    save_after_one_edit
);
criterion_main!(benches);
