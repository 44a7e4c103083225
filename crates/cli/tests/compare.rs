//! `annotations compare`, run as a user would on two native exports made with the core.

use std::path::PathBuf;
use std::process::{Command, Output};

use annotator_core::{AnnotationId, ClaimStatus, Document, Editor, Tag, Workspace, export_json};

const NOW: &str = "2026-11-26T12:00:00.000Z";
const SPEECH: &str = "The minister said taxes will fall by 2027, but the opposition said they would rise.";

fn annotations(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_annotations")).args(args).output().expect("the binary runs")
}

fn stdout(out: &Output) -> String {
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout.clone()).unwrap()
}

/// A directory of `test`'s own: tests run at once, and one must never read a file
/// another is writing.
fn temp_dir(test: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("annotations-cli-compare-{test}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// A native export of `text` with a claim or source per `(tag, quote, status)`, the
/// claim tag labelled `claim_label`, written to `file`.
fn export(
    file: PathBuf,
    title: &str,
    text: &str,
    claim_label: &str,
    marks: &[(Tag, &str, ClaimStatus)],
) -> PathBuf {
    let mut ed = Editor::new(Workspace::new(Document::new(title, text)));
    let mut tags = (**ed.workspace().tagset()).clone();
    tags.tags[0].label = claim_label.into();
    ed.set_tagset(tags, NOW).unwrap();
    for (n, &(tag, quote, status)) in marks.iter().enumerate() {
        let start = text[..text.find(quote).unwrap()].chars().count();
        let id = AnnotationId::from_random_bytes([n as u8 + 1; 16]);
        ed.add(start..start + quote.chars().count(), tag, id, NOW).unwrap();
        ed.set_status(id, status, NOW).unwrap();
    }
    std::fs::write(&file, export_json(ed.workspace())).unwrap();
    file
}

use ClaimStatus::{Disputed, False, Supported, Unchecked};

/// Two checkers of one speech. Hand-worked figures:
/// - Claim: |A| 2, |B| 3, both of A's matched exactly: P 2/3, R 1, F1 = 2·(2/3)/(5/3) = 0.8;
///   overlap the same (B's "but the" touches no claim of A).
/// - Source: "minister" is nested in "The minister": exact 0, overlap P 1, R 1, F1 1.
/// - Overall: |A| 3, |B| 4, 2 exact: P 1/2, R 2/3, F1 = 2·(1/3)/(7/6) = 4/7; overlap
///   A 3 of 3, B 3 of 4: F1 = 2·(3/4)/(7/4) = 6/7.
/// - κ over the 2 matched claims, (Supported, Supported) and (False, Disputed): po 1/2,
///   pe = (1/2)(1/2) for Supported and 0 for the others = 1/4; κ = (1/2 − 1/4)/(3/4) = 1/3.
fn two_checkers(dir: &std::path::Path) -> (PathBuf, PathBuf) {
    let a = export(
        dir.join("a.annotations.json"),
        "Budget",
        SPEECH,
        "Assertion",
        &[
            (Tag::Claim, "taxes will fall by 2027", Supported),
            (Tag::Claim, "they would rise", False),
            (Tag::Source, "The minister", Unchecked),
        ],
    );
    let b = export(
        dir.join("b.annotations.json"),
        "Budget",
        SPEECH,
        "Claim",
        &[
            (Tag::Claim, "taxes will fall by 2027", Supported),
            (Tag::Claim, "they would rise", Disputed),
            (Tag::Claim, "but the", Unchecked),
            (Tag::Source, "minister", Unchecked),
        ],
    );
    (a, b)
}

fn approx(value: &serde_json::Value, expected: f64) {
    let got = value.as_f64().unwrap_or_else(|| panic!("{value} is not a number"));
    assert!((got - expected).abs() < 1e-9, "got {got}, expected {expected}");
}

#[test]
fn json_gives_per_tag_overall_and_kappa() {
    let (a, b) = two_checkers(&temp_dir("json"));
    let out = stdout(&annotations(&["compare", a.to_str().unwrap(), b.to_str().unwrap(), "--json"]));
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let per_tag = v["per_tag"].as_array().unwrap();
    let tags: Vec<&str> = per_tag.iter().map(|t| t["tag"].as_str().unwrap()).collect();
    assert_eq!(tags, ["Assertion", "Source"], "by label, A's label first");
    let (claim, source) = (&per_tag[0], &per_tag[1]);
    assert_eq!((&claim["a"], &claim["b"], &claim["exact_matches"]), (&2.into(), &3.into(), &2.into()));
    approx(&claim["exact_f1"], 0.8);
    approx(&claim["overlap_f1"], 0.8);
    assert_eq!((&source["a"], &source["b"], &source["exact_matches"]), (&1.into(), &1.into(), &0.into()));
    approx(&source["exact_f1"], 0.0);
    approx(&source["overlap_f1"], 1.0);
    approx(&v["overall"]["exact_f1"], 4.0 / 7.0);
    approx(&v["overall"]["overlap_f1"], 6.0 / 7.0);
    approx(&v["status_kappa"], 1.0 / 3.0);
    assert_eq!(v["status_pairs"], 2);
    assert_eq!(v["not_anchored"], serde_json::json!([]));
    let kinds: Vec<&str> =
        v["diff"].as_array().unwrap().iter().map(|e| e["kind"].as_str().unwrap()).collect();
    // In text order: The minister (A), minister (B), taxes… (alike), but the (B), they would rise (status).
    assert_eq!(kinds, ["only_a", "only_b", "both", "only_b", "changed"]);
    assert_eq!(v["diff"][4]["fields"], serde_json::json!(["status"]));
}

/// The row of the table that starts with `label`, split into its cells.
fn row<'a>(table: &'a str, label: &str) -> Vec<&'a str> {
    let line =
        table.lines().find(|l| l.starts_with(label)).unwrap_or_else(|| panic!("no {label} in {table}"));
    line[label.len()..].split_whitespace().collect()
}

#[test]
fn plain_output_is_a_table_with_the_kappa_line() {
    let (a, b) = two_checkers(&temp_dir("plain"));
    let table = stdout(&annotations(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]));
    assert_eq!(row(&table, "Tag"), ["A", "B", "Exact", "Exact", "F1", "Overlap", "F1"]);
    assert_eq!(row(&table, "Assertion"), ["2", "3", "2", "0.80", "0.80"]);
    assert_eq!(row(&table, "Source"), ["1", "1", "0", "0.00", "1.00"]);
    assert_eq!(row(&table, "All tags"), ["3", "4", "2", "0.57", "0.86"]);
    assert!(table.contains("Cohen's kappa): 0.33 (2 pairs of exactly matched claims)"), "{table}");
    assert!(table.contains("1 alike in both, 1 changed, 1 only in A, 2 only in B"), "{table}");
    assert!(!table.contains("Not anchored") && !table.contains("text differs"), "{table}");
}

#[test]
fn another_copy_is_placed_by_quote_and_what_is_not_found_is_counted() {
    let dir = temp_dir("copy");
    let (a, _) = two_checkers(&dir);
    let copy = format!("Update at noon. {SPEECH} A sentence only this copy has.");
    let b = export(
        dir.join("copy.annotations.json"),
        "budget",
        &copy,
        "Claim",
        &[(Tag::Claim, "they would rise", False), (Tag::Claim, "A sentence only this copy has", False)],
    );
    let table = stdout(&annotations(&["compare", a.to_str().unwrap(), b.to_str().unwrap()]));
    // One claim matched: no κ. "they would rise" was found again, in A's text.
    assert!(table.contains("kappa): not available (1 pair of"), "{table}");
    assert!(table.contains("B's text differs from A's"), "{table}");
    assert_eq!(row(&table, "Assertion"), ["2", "1", "1", "0.67", "0.67"]);
    assert!(
        table
            .contains("Not anchored: 1 annotation whose quote is not in A's text, left out (0 of A, 1 of B)")
    );
    let v: serde_json::Value = serde_json::from_str(&stdout(&annotations(&[
        "compare",
        "--json",
        a.to_str().unwrap(),
        b.to_str().unwrap(),
    ])))
    .unwrap();
    assert_eq!(v["status_kappa"], serde_json::Value::Null);
    assert_eq!(v["not_anchored"][0]["quote"], "A sentence only this copy has");
}

#[test]
fn files_of_two_articles_or_unreadable_ones_fail_with_exit_code_1() {
    let dir = temp_dir("fail");
    let (a, _) = two_checkers(&dir);
    let other = export(dir.join("weather.annotations.json"), "Weather", "Rain tomorrow.", "Claim", &[]);
    let not_json = dir.join("notes.json");
    std::fs::write(&not_json, "hello").unwrap();
    let a = a.to_str().unwrap();
    let cases = [
        (other.to_str().unwrap(), "two different articles (“Budget” and “Weather”)"),
        ("/no/such/file.json", "/no/such/file.json: No such file or directory"),
        (not_json.to_str().unwrap(), "notes.json: This file is not valid JSON"),
    ];
    for (b, message) in cases {
        let out = annotations(&["compare", a, b]);
        assert_eq!(out.status.code(), Some(1), "{b}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.starts_with("error: ") && err.contains(message), "{b}: {err}");
        assert!(out.stdout.is_empty(), "{b}: nothing on stdout");
    }
}
