//! `annotations suggest`, run as a user would on a folder of native exports made with the core.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use annotator_core::{AnnotationId, Document, Editor, Tag, Workspace, export_json};

const NOW: &str = "2026-11-26T12:00:00.000Z";
/// The article suggestions are made for: emoji and accents before the matches, one
/// "Reuters" already a source, the other two not; the Élysée twice, once in capitals.
const TARGET: &str =
    "🤦🏼‍♂️ Café: Reuters said the Élysée denied it.\nReuters and REUTERS; ÉLYSÉE, Tokyo, Tokyo.";

fn annotations(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annotations")).args(args).output().expect("the binary runs")
}

fn text(bytes: &[u8]) -> String {
    String::from_utf8(bytes.to_vec()).unwrap()
}

/// A directory of `test`'s own (tests run at once), emptied first.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annotations-cli-suggest-{test}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// The code point ranges of every `needle` in `text`.
fn every(text: &str, needle: &str) -> Vec<std::ops::Range<usize>> {
    text.match_indices(needle)
        .map(|(at, _)| {
            let start = text[..at].chars().count();
            start..start + needle.chars().count()
        })
        .collect()
}

/// Writes an export of `text` with each `(needle, tag, entity type)` tagged where it first is.
fn export(path: &Path, text: &str, tags: &[(&str, Tag, &str)]) -> PathBuf {
    let mut ed = Editor::new(Workspace::new(Document::new("t", text)));
    for (n, (needle, tag, kind)) in tags.iter().enumerate() {
        let id = AnnotationId::from_random_bytes([n as u8 + 1; 16]);
        ed.add(every(text, needle)[0].clone(), *tag, id, NOW).unwrap();
        ed.set_entity_type(id, kind, NOW).unwrap();
    }
    std::fs::write(path, export_json(ed.workspace())).unwrap();
    path.to_owned()
}

/// A library of two exports, a JSON file that is not one and a text file (not `*.json`);
/// the target inside it, tagging "Tokyo" (which must not teach) and the first "Reuters".
fn library(test: &str) -> (PathBuf, PathBuf) {
    let dir = temp_dir(test);
    let lib = dir.join("library");
    std::fs::create_dir_all(&lib).unwrap();
    let first = "Reuters reported. The claim is wrong.";
    export(
        &lib.join("a.json"),
        first,
        &[("Reuters", Tag::Source, ""), ("The claim is wrong.", Tag::Claim, "")],
    );
    export(&lib.join("b.json"), "At the Élysée.", &[("Élysée", Tag::Entity, "place")]);
    std::fs::write(lib.join("notes.json"), r#"{"hello": "world"}"#).unwrap();
    std::fs::write(lib.join("readme.txt"), "not an export").unwrap();
    let target =
        export(&lib.join("target.json"), TARGET, &[("Reuters", Tag::Source, ""), ("Tokyo", Tag::Entity, "")]);
    (lib, target)
}

fn run(lib: &Path, target: &Path, flags: &[&str]) -> Output {
    let mut args = vec!["suggest", "--library", lib.to_str().unwrap(), target.to_str().unwrap()];
    args.extend(flags);
    annotations(&args)
}

#[test]
fn prints_each_suggestion_in_code_points_and_warns_of_what_it_left_out() {
    let (lib, target) = library("plain");
    let done = run(&lib, &target, &[]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    let (reuters, elysee) = (every(TARGET, "Reuters"), every(TARGET, "Élysée"));
    assert_eq!(
        text(&done.stdout),
        format!(
            "{} {} entity \"Élysée\"\n{} {} source \"Reuters\"\n",
            elysee[0].start, elysee[0].end, reuters[1].start, reuters[1].end
        )
    );
    let err = text(&done.stderr);
    let notes = lib.join("notes.json");
    assert!(
        err.contains(&format!("warning: {}: This JSON is not an Article Annotator export", notes.display())),
        "{err}"
    );
    assert!(
        err.contains("learned 2 texts from 2 exports"),
        "claims do not teach, the target is left out: {err}"
    );
    assert!(!err.contains("readme.txt"), "only *.json files are read: {err}");
}

#[test]
fn json_has_the_issues_keys_and_ignoring_case_finds_capitals() {
    let (lib, target) = library("json");
    let done = run(&lib, &target, &["--json", "--ignore-case"]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    let all: serde_json::Value = serde_json::from_str(&text(&done.stdout)).unwrap();
    let found: Vec<(&str, &str)> = all
        .as_array()
        .unwrap()
        .iter()
        .map(|s| (s["exact"].as_str().unwrap(), s["tag"].as_str().unwrap()))
        .collect();
    assert_eq!(
        found,
        [("Élysée", "entity"), ("Reuters", "source"), ("REUTERS", "source"), ("ÉLYSÉE", "entity")]
    );
    let first = &all[0];
    let capitals = every(TARGET, "ÉLYSÉE")[0].clone();
    assert_eq!(
        (
            first["entity_type"].as_str(),
            first["count"].as_u64(),
            all[3]["start"].as_u64(),
            all[3]["end"].as_u64()
        ),
        (Some("place"), Some(1), Some(capitals.start as u64), Some(capitals.end as u64))
    );
    assert_eq!(first.as_object().unwrap().len(), 6);
}

#[test]
fn nothing_to_suggest_is_no_output_and_success() {
    let dir = temp_dir("none");
    let lib = dir.join("empty");
    std::fs::create_dir_all(&lib).unwrap();
    let target = export(&dir.join("target.json"), TARGET, &[]);
    let done = run(&lib, &target, &[]);
    assert!(done.status.success(), "{}", text(&done.stderr));
    assert_eq!(text(&done.stdout), "");
    assert!(text(&done.stderr).contains("learned 0 texts from 0 exports"));
    let done = run(&lib, &target, &["--json"]);
    assert_eq!(text(&done.stdout), "[]\n");
}

#[test]
fn a_library_that_is_no_folder_or_a_target_that_is_no_export_is_refused() {
    let (lib, target) = library("refused");
    let done = run(&target, &target, &[]);
    assert_eq!(done.status.code(), Some(1));
    let err = text(&done.stderr);
    assert!(
        err.starts_with("error: ") && err.contains("--library takes a folder of native exports"),
        "{err}"
    );
    let done = run(&lib, &lib.join("notes.json"), &[]);
    assert_eq!(done.status.code(), Some(1));
    assert!(text(&done.stderr).contains("is not an Article Annotator export"), "{}", text(&done.stderr));
}
