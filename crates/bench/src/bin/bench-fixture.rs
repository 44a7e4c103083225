//! Writes a seeded benchmark document as a native export,
//! `bench-fixture <words> <spans> [seed] > file.json`, or the search budget's library of
//! 50 documents as an "Export all" file, `bench-fixture library > library.json`.

use std::io::Write;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.first().map(String::as_str) == Some("library") {
        let file = annotator_bench::library::library_file();
        std::io::stdout().lock().write_all(file.as_bytes()).expect("stdout is writable");
        return;
    }
    let number = |i: usize, default: Option<u64>| -> u64 {
        match args.get(i).map(|a| a.replace('_', "").parse()) {
            Some(Ok(n)) => n,
            None if default.is_some() => default.unwrap_or_default(),
            _ => {
                eprintln!(
                    "usage: bench-fixture <words> <spans> [seed] | library   (writes a native export to stdout)"
                );
                std::process::exit(2);
            }
        }
    };
    let (words, spans, seed) = (number(0, None) as usize, number(1, None) as usize, number(2, Some(1)));
    let doc = annotator_bench::article(words, seed);
    let ws = annotator_bench::spans(&doc, spans, seed);
    let json = annotator_core::export_json(&ws);
    std::io::stdout().lock().write_all(json.as_bytes()).expect("stdout is writable");
}
