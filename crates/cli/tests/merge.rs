//! `annotations merge`, run as a user would on two native exports made with the core.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use annotator_core::{
    AnnotationId, ClaimStatus, Creator, Document, Editor, Tag, Workspace, export_json, import_json,
};

const NOW: &str = "2026-11-26T12:00:00.000Z";
const TEXT: &str =
    "Tokyo: 日本 exports fell 5% 📉 in 2025, says the Ministry of Finance. Critics 🤦🏼‍♂️ disagree.";

fn annotations(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annotations")).args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A directory of `test`'s own (tests run at once).
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annotations-cli-merge-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn id(n: u8) -> AnnotationId {
    AnnotationId::from_random_bytes([n; 16])
}

/// The code point range of `needle` in `text`.
fn at(text: &str, needle: &str) -> std::ops::Range<usize> {
    let start = text[..text.find(needle).unwrap()].chars().count();
    start..start + needle.chars().count()
}

/// One checker's export of `text` under `title`: a claim linked to its source, and Tokyo
/// as an entity of `tokyo` type; ids from `base`. Kenji (base 10) also tags 日本.
fn export(dir: &Path, name: &str, who: &str, base: u8, title: &str, text: &str, tokyo: &str) -> PathBuf {
    let mut ed = Editor::new(Workspace::new(Document::new(title, text)));
    ed.set_author(Creator::new(who, if base == 0 { "AFP" } else { "" }));
    ed.add(at(text, "日本 exports fell 5% 📉"), Tag::Claim, id(base + 1), NOW).unwrap();
    ed.set_status(id(base + 1), ClaimStatus::Disputed, NOW).unwrap();
    ed.add(at(text, "Ministry of Finance"), Tag::Source, id(base + 2), NOW).unwrap();
    ed.link(id(base + 1), id(base + 2), NOW).unwrap();
    ed.add(at(text, "Tokyo"), Tag::Entity, id(base + 3), NOW).unwrap();
    ed.set_entity_type(id(base + 3), tokyo, NOW).unwrap();
    if base > 0 {
        ed.add(at(text, "日本"), Tag::Entity, id(base + 4), NOW).unwrap();
        ed.add(at(text, "Critics 🤦🏼‍♂️"), Tag::Source, id(base + 5), NOW).unwrap();
        ed.link(id(base + 1), id(base + 5), NOW).unwrap();
    }
    let path = dir.join(name);
    std::fs::write(&path, export_json(ed.workspace())).unwrap();
    path
}

fn run(a: &Path, b: &Path, out: &Path) -> Output {
    annotations(&["merge", a.to_str().unwrap(), b.to_str().unwrap(), "-o", out.to_str().unwrap()])
}

#[test]
fn merges_prints_the_counts_and_each_conflict_and_keeps_the_conflicts() {
    let dir = temp_dir("counts");
    let a = export(&dir, "ana.json", "Ana Díaz", 0, "Exports", TEXT, "place");
    let b = export(&dir, "kenji.json", "Kenji Sato", 10, "Exports", TEXT, "organisation");
    let out = dir.join("merged.json");
    let done = run(&a, &b, &out);
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert_eq!(text(&done.stdout), "2 added, 1 duplicate, 2 conflicts\n");
    let tokyo = at(TEXT, "Tokyo");
    let claim = at(TEXT, "日本 exports fell 5% 📉");
    assert_eq!(
        text(&done.stderr),
        format!(
            "conflict: {}..{} Entity \"Tokyo\": entity type \"place\" vs \"organisation\" \
             (A: Ana Díaz (AFP), B: Kenji Sato)\n\
             conflict: {}..{} Claim \"日本 exports fell 5% 📉\": links \"Ministry of Finance\" vs \
             \"Ministry of Finance\", \"Critics 🤦🏼‍♂️\" (A: Ana Díaz (AFP), B: Kenji Sato)\n",
            tokyo.start, tokyo.end, claim.start, claim.end
        )
    );
    let merged = import_json(&std::fs::read_to_string(&out).unwrap()).unwrap().workspace;
    assert_eq!(merged.annotations().len(), 5);
    assert_eq!(merged.conflicts().iter().map(|c| c.ours).collect::<Vec<_>>(), [id(1), id(3)]);
    let critics = merged.annotations().iter().find(|a| a.exact == "Critics 🤦🏼‍♂️").unwrap();
    assert_eq!(critics.creator, Creator::new("Kenji Sato", ""));

    // The same file again, into the merged one: nothing new, no conflict printed.
    let again = run(&out, &b, &dir.join("again.json"));
    assert!(again.status.success(), "{}", text(&again.stderr));
    assert_eq!(text(&again.stdout), "0 added, 5 duplicates, 0 conflicts\n");
    assert_eq!(text(&again.stderr), "");
    assert_eq!(
        std::fs::read_to_string(dir.join("again.json")).unwrap(),
        std::fs::read_to_string(&out).unwrap()
    );
}

/// B made on a re-copied text of the same article (same title): placed by its quotes.
#[test]
fn an_export_of_an_edited_copy_is_placed_by_its_quotes() {
    let dir = temp_dir("edited");
    let a = export(&dir, "ana.json", "Ana Díaz", 0, "Exports", TEXT, "place");
    let copy = format!("Breaking. {TEXT}");
    let b = export(&dir, "kenji.json", "Kenji Sato", 10, "Exports", &copy, "place");
    let done = run(&a, &b, &dir.join("merged.json"));
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert_eq!(
        text(&done.stdout),
        "2 added, 2 duplicates, 1 conflict \
         (B's text differs: 0 found in place, 5 moved, 0 with edited text, 0 no longer found)\n"
    );
}

#[test]
fn another_article_is_refused() {
    let dir = temp_dir("other");
    let a = export(&dir, "ana.json", "Ana Díaz", 0, "Exports", TEXT, "place");
    let other =
        "Tokyo: another story. 日本 exports fell 5% 📉, the Ministry of Finance says; Critics 🤦🏼‍♂️ agree.";
    let b = export(&dir, "other.json", "Kenji Sato", 10, "Another", other, "place");
    let out = dir.join("merged.json");
    let done = run(&a, &b, &out);
    assert_eq!(done.status.code(), Some(1));
    let err = text(&done.stderr);
    assert!(err.starts_with("error: ") && err.contains("is not an export of the same article as"), "{err}");
    assert!(!out.exists(), "nothing written");
}
