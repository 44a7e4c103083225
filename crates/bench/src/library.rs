//! The library the search budget is measured on (issue 14: 50 documents, 1,000,000 words,
//! 20,000 annotations): one book of 600,000 words with 10,000 annotations, and 49
//! articles sharing the other 400,000 words and 10,000 annotations; a fifth of the claims
//! disputed, an annotation in seven with a note, the entities typed. The same for the
//! host's criterion benchmark and the browser's (`bench-fixture library`).

use annotator_core::{AnnotationId, ClaimStatus, Editor, Tag, Workspace};

use crate::{TIME, article, spans};

/// Documents in the library.
pub const DOCS: usize = 50;
/// The book: words, annotations.
pub const BOOK: (usize, usize) = (600_000, 10_000);
/// The 49 others, together: words, annotations.
pub const REST: (usize, usize) = (400_000, 10_000);

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
pub fn library() -> Vec<(AnnotationId, String, String, Workspace)> {
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

/// The library as an "Export all" file, as a person would import it.
pub fn library_file() -> String {
    let documents: Vec<String> = library().iter().map(|d| annotator_core::export_json(&d.3)).collect();
    // The format's name is plain ASCII: it needs no escaping.
    let format = annotator_core::library::LIBRARY_FORMAT;
    format!("{{\"format\":\"{format}\",\"documents\":[{}]}}\n", documents.join(","))
}
