//! `annotations compare A.json B.json`: how far two people's annotations of one article
//! agree. The core works the figures out (`annotator_core::compare`); the words, the
//! table and the JSON's shape are the CLI's.

use std::path::Path;

use annotator_core::compare::{Agreement, Difference, Field, Side};
use annotator_core::{Comparison, Imported, import_json};
use serde_json::{Value, json};

use crate::{CliError, read};

/// Both files as read, and what comparing them found.
pub struct Compared {
    /// The first file (A): the article the other is placed on.
    pub a: Imported,
    /// The second file (B).
    pub b: Imported,
    /// The figures.
    pub comparison: Comparison,
}

/// Reads two native exports and compares B's annotations with A's.
pub fn compare_files(a: &Path, b: &Path) -> Result<Compared, CliError> {
    let import = |path: &Path| {
        import_json(&read(path)?).map_err(|source| CliError::Import { path: path.to_owned(), source })
    };
    let (a_file, b_file) = (import(a)?, import(b)?);
    let comparison = annotator_core::compare(&a_file.workspace, &b_file.workspace)
        .map_err(|source| CliError::Compare { a: a.to_owned(), b: b.to_owned(), source })?;
    Ok(Compared { a: a_file, b: b_file, comparison })
}

/// A figure in `[0, 1]` (or κ in `[-1, 1]`) as the table shows it.
fn figure(x: f64) -> String {
    format!("{x:.2}")
}

/// `"1 pair"`, `"3 pairs"`.
fn count(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// The comparison for a terminal: a table per tag and overall, then the claim-status
/// agreement, a count of the diff and, if any, what was left out.
pub fn plain(c: &Comparison, a_name: &str, b_name: &str) -> String {
    let overall = ("All tags", &c.overall);
    let rows: Vec<(&str, &Agreement)> =
        c.per_tag.iter().map(|t| (t.label.as_str(), &t.agreement)).chain([overall]).collect();
    let width = rows.iter().map(|(label, _)| label.chars().count()).chain([3]).max().unwrap_or(0);
    let mut out = format!("A: {a_name}\nB: {b_name}\n\n");
    // Padding counts chars, as `width` does (a CJK label still looks wider).
    let line = |cells: [&str; 6]| {
        let [label, a, b, exact, exact_f1, overlap_f1] = cells;
        format!("{label:<width$}  {a:>5}  {b:>5}  {exact:>5}  {exact_f1:>8}  {overlap_f1:>10}\n")
    };
    out.push_str(&line(["Tag", "A", "B", "Exact", "Exact F1", "Overlap F1"]));
    for (label, g) in rows {
        let [a, b, matches] = [g.a, g.b, g.exact_matches].map(|n| n.to_string());
        out.push_str(&line([label, &a, &b, &matches, &figure(g.exact.f1), &figure(g.overlap.f1)]));
    }
    let pairs = count(c.status.pairs, "pair", "pairs");
    let kappa = c.status.kappa.map_or_else(|| "not available".to_owned(), figure);
    out.push_str(&format!(
        "\nClaim status agreement (Cohen's kappa): {kappa} ({pairs} of exactly matched claims)\n"
    ));
    let kinds = |f: fn(&Difference) -> bool| c.diff.iter().filter(|e| f(&e.difference)).count();
    out.push_str(&format!(
        "Annotations: {} alike in both, {} changed, {} only in A, {} only in B\n",
        kinds(|d| matches!(d, Difference::Both { .. })),
        kinds(|d| matches!(d, Difference::Changed { .. })),
        kinds(|d| matches!(d, Difference::OnlyA(_))),
        kinds(|d| matches!(d, Difference::OnlyB(_))),
    ));
    if c.reanchored.is_some() {
        out.push_str("B's text differs from A's: B's annotations were placed on A's text by their quotes.\n");
    }
    if !c.not_anchored.is_empty() {
        let of = |side| c.not_anchored.iter().filter(|n| n.side == side).count();
        out.push_str(&format!(
            "Not anchored: {} whose quote is not in A's text, left out ({} of A, {} of B)\n",
            count(c.not_anchored.len(), "annotation", "annotations"),
            of(Side::A),
            of(Side::B)
        ));
    }
    out
}

/// One agreement's counts and scores, as `per_tag` and `overall` both give them.
fn agreement(g: &Agreement) -> serde_json::Map<String, Value> {
    let value = json!({
        "a": g.a,
        "b": g.b,
        "exact_matches": g.exact_matches,
        "exact_precision": g.exact.precision,
        "exact_recall": g.exact.recall,
        "exact_f1": g.exact.f1,
        "overlap_a": g.overlap_a,
        "overlap_b": g.overlap_b,
        "overlap_precision": g.overlap.precision,
        "overlap_recall": g.overlap.recall,
        "overlap_f1": g.overlap.f1,
    });
    match value {
        Value::Object(map) => map,
        _ => unreachable!("json! of braces is an object"),
    }
}

fn side_key(side: Side) -> &'static str {
    match side {
        Side::A => "a",
        Side::B => "b",
    }
}

fn field_key(field: Field) -> &'static str {
    match field {
        Field::Note => "note",
        Field::Status => "status",
        Field::EntityType => "entity_type",
        Field::Sources => "sources",
    }
}

/// The comparison as JSON for other tools: `per_tag` (each tag by its label, with its
/// key), `overall`, `status_kappa` (null when not available), `status_pairs`, then the
/// diff and what was left out. Every F1, precision and recall is a number in `[0, 1]`.
pub fn json(c: &Comparison) -> String {
    let per_tag: Vec<Value> = c
        .per_tag
        .iter()
        .map(|t| {
            let mut row = serde_json::Map::new();
            row.insert("tag".into(), t.label.clone().into());
            row.insert("key".into(), t.tag.key().into());
            row.extend(agreement(&t.agreement));
            Value::Object(row)
        })
        .collect();
    let diff: Vec<Value> = c
        .diff
        .iter()
        .map(|e| {
            let (kind, a, b, fields) = match &e.difference {
                Difference::Both { a, b } => ("both", Some(a), Some(b), &[][..]),
                Difference::Changed { a, b, fields } => ("changed", Some(a), Some(b), &fields[..]),
                Difference::OnlyA(a) => ("only_a", Some(a), None, &[][..]),
                Difference::OnlyB(b) => ("only_b", None, Some(b), &[][..]),
            };
            let fields: Vec<&str> = fields.iter().map(|&f| field_key(f)).collect();
            let id = |x: Option<&annotator_core::AnnotationId>| x.map(ToString::to_string);
            json!({ "key": e.tag.key(), "start": e.start, "end": e.end, "kind": kind,
                    "a": id(a), "b": id(b), "fields": fields })
        })
        .collect();
    let not_anchored: Vec<Value> = c
        .not_anchored
        .iter()
        .map(|n| json!({ "side": side_key(n.side), "id": n.id.to_string(), "key": n.tag.key(), "quote": n.quote }))
        .collect();
    let out = json!({
        "per_tag": per_tag,
        "overall": agreement(&c.overall),
        "status_kappa": c.status.kappa,
        "status_pairs": c.status.pairs,
        "status_agreeing": c.status.agreeing,
        "diff": diff,
        "not_anchored": not_anchored,
    });
    serde_json::to_string_pretty(&out).expect("a JSON value always serialises") + "\n"
}
