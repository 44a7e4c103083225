//! The native JSON format: what is exported, imported, and saved in the browser.
//! One format for all three, so what the app saves is always something it can import.
//!
//! Export is deterministic (fixed field order, document order, pretty-printed), so
//! export → import → export gives the same bytes.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};
use thiserror::Error;

use crate::editor::{EditError, check_range};
use crate::model::{Annotation, Document, Workspace};
use crate::offsets::slice_chars;
use crate::text::plural;

/// Identifies our files among other JSON.
pub const FORMAT: &str = "article-annotator";
/// Bumped whenever the shape changes; older versions are migrated on load.
pub const SCHEMA_VERSION: u32 = 1;
/// How many problems an error message lists before summarising the rest.
const LISTED_PROBLEMS: usize = 5;

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct FileDocument {
    title: String,
    text: String,
    sha256: String,
}

#[derive(Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
struct File {
    format: String,
    schema_version: u32,
    document: FileDocument,
    annotations: Vec<Annotation>,
}

/// Only the header, read first so that a foreign or newer file gets the right message.
#[derive(Deserialize)]
struct Header {
    format: Option<String>,
    schema_version: Option<u64>,
}

/// Why a file could not be imported. Nothing is changed when any of these is returned.
#[derive(Debug, Error, PartialEq, Eq)]
pub enum ImportError {
    /// Not JSON at all.
    #[error("This file is not valid JSON ({0}).")]
    NotJson(String),
    /// JSON, but not one of our exports.
    #[error("This JSON is not an Article Annotator export (it has no \"format\": \"{FORMAT}\").")]
    Foreign,
    /// Written by a newer version of the app.
    #[error(
        "This file uses schema version {found}; this app reads up to {SCHEMA_VERSION}. Update the app to open it."
    )]
    NewerSchema { found: u64 },
    /// Our format, but a field is missing or has the wrong type.
    #[error("This export is damaged: {0}.")]
    Shape(String),
    /// The text does not match the hash stored with it, so offsets cannot be trusted.
    #[error(
        "The article text was changed after export (its SHA-256 does not match), so the positions cannot be trusted."
    )]
    HashMismatch,
    /// Individual annotations are inconsistent with the text.
    #[error("{} in the annotations: {}", plural(.0.len(), "problem"), summarize(.0))]
    Annotations(Vec<String>),
}

fn summarize(problems: &[String]) -> String {
    let mut out = problems
        .iter()
        .take(LISTED_PROBLEMS)
        .cloned()
        .collect::<Vec<_>>()
        .join("; ");
    if problems.len() > LISTED_PROBLEMS {
        out.push_str(&format!("; and {} more", problems.len() - LISTED_PROBLEMS));
    }
    out
}

/// Serialises a workspace as a native export.
pub fn export_json(ws: &Workspace) -> String {
    let doc = &ws.document;
    let file = File {
        format: FORMAT.to_owned(),
        schema_version: SCHEMA_VERSION,
        document: FileDocument {
            title: doc.title().to_owned(),
            text: doc.text().to_owned(),
            sha256: doc.sha256(),
        },
        annotations: ws.annotations().to_vec(),
    };
    let mut out = serde_json::to_string_pretty(&file).expect("plain data always serialises");
    out.push('\n');
    out
}

/// Reads a native export, checking every annotation against the text.
pub fn import_json(input: &str) -> Result<Workspace, ImportError> {
    let header: Header = serde_json::from_str(input).map_err(|e| {
        if e.is_data() {
            ImportError::Foreign
        } else {
            ImportError::NotJson(e.to_string())
        }
    })?;
    if header.format.as_deref() != Some(FORMAT) {
        return Err(ImportError::Foreign);
    }
    match header.schema_version {
        Some(v) if v > u64::from(SCHEMA_VERSION) => {
            return Err(ImportError::NewerSchema { found: v });
        }
        Some(_) => {}
        None => {
            return Err(ImportError::Shape(
                "missing field `schema_version`".to_owned(),
            ));
        }
    }
    let file: File = serde_json::from_str(input).map_err(|e| ImportError::Shape(e.to_string()))?;
    let document = Document::new(&file.document.title, &file.document.text);
    if document.text() != file.document.text || document.sha256() != file.document.sha256 {
        return Err(ImportError::HashMismatch);
    }
    let problems = check_annotations(&document, &file.annotations);
    if !problems.is_empty() {
        return Err(ImportError::Annotations(problems));
    }
    Ok(Workspace::with_annotations(document, file.annotations))
}

fn check_annotations(doc: &Document, annotations: &[Annotation]) -> Vec<String> {
    let mut seen = HashSet::new();
    let mut problems = Vec::new();
    for (i, a) in annotations.iter().enumerate() {
        let n = i + 1;
        if !seen.insert(a.id) {
            problems.push(format!("#{n} repeats id {}", a.id));
        }
        if let Err(e) = check_range(doc, &a.range()) {
            let why = match e {
                EditError::EmptyRange => format!("start {} is not before end {}", a.start, a.end),
                EditError::PastEnd { end, len } => {
                    format!("end {end} is past the text length {len}")
                }
                EditError::SplitsGrapheme { at } => format!("offset {at} splits a character"),
                EditError::NotFound => e.to_string(),
            };
            problems.push(format!("#{n} {why}"));
            continue;
        }
        if slice_chars(doc.text(), a.start, a.end) != a.exact {
            problems.push(format!(
                "#{n} quote does not match the text at {}..{}",
                a.start, a.end
            ));
        }
        for (field, value) in [("created", &a.created), ("modified", &a.modified)] {
            if humantime::parse_rfc3339_weak(value).is_err() {
                problems.push(format!("#{n} {field} {value:?} is not an RFC 3339 time"));
            }
        }
    }
    problems
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::model::Tag;
    use crate::test_support::{NOW, id};

    fn sample() -> Workspace {
        let mut ed = Editor::new(Workspace::new(Document::new(
            "Tokyo <b>",
            "I 🤦🏼‍♂️ 日本の防衛 said \"x\"\n<script>",
        )));
        ed.add(2..7, Tag::Entity, id(1), NOW).unwrap();
        ed.add(8..13, Tag::Claim, id(2), NOW).unwrap();
        ed.add(0..13, Tag::Source, id(3), NOW).unwrap();
        ed.set_note(id(2), "needs\na source", NOW).unwrap();
        ed.workspace().clone()
    }

    #[test]
    fn round_trip_is_byte_identical() {
        let first = export_json(&sample());
        let again = export_json(&import_json(&first).unwrap());
        assert_eq!(first, again);
        assert_eq!(import_json(&first).unwrap(), sample());
    }

    #[test]
    fn export_carries_code_point_offsets_and_context() {
        let v: serde_json::Value = serde_json::from_str(&export_json(&sample())).unwrap();
        let anns = v["annotations"].as_array().unwrap();
        assert_eq!(anns.len(), 3);
        let jp = anns.iter().find(|a| a["tag"] == "claim").unwrap();
        assert_eq!(
            (jp["start"].as_u64(), jp["end"].as_u64()),
            (Some(8), Some(13))
        );
        assert_eq!(jp["exact"], "日本の防衛");
        assert_eq!(jp["prefix"], "I 🤦🏼‍♂️ ");
        assert_eq!(v["schema_version"], 1);
        assert_eq!(v["document"]["sha256"].as_str().unwrap().len(), 64);
    }

    fn broken(edit: impl FnOnce(&mut serde_json::Value)) -> ImportError {
        let mut v: serde_json::Value = serde_json::from_str(&export_json(&sample())).unwrap();
        edit(&mut v);
        import_json(&v.to_string()).unwrap_err()
    }

    #[test]
    fn rejects_non_json_and_foreign_json() {
        assert!(matches!(
            import_json("not json"),
            Err(ImportError::NotJson(_))
        ));
        assert!(matches!(
            import_json("\u{0}\u{1}PK"),
            Err(ImportError::NotJson(_))
        ));
        assert_eq!(import_json("[1,2]"), Err(ImportError::Foreign));
        assert_eq!(import_json(r#"{"rows": []}"#), Err(ImportError::Foreign));
    }

    #[test]
    fn rejects_a_newer_schema_by_name() {
        let e = broken(|v| v["schema_version"] = 7.into());
        assert_eq!(e, ImportError::NewerSchema { found: 7 });
        assert!(e.to_string().contains("schema version 7"));
    }

    #[test]
    fn rejects_wrong_types_with_the_field_named() {
        for bad in [
            serde_json::json!("5"),
            serde_json::json!(-1),
            serde_json::json!(2.5),
            serde_json::json!(1e300),
        ] {
            let e = broken(|v| v["annotations"][0]["start"] = bad.clone());
            assert!(matches!(e, ImportError::Shape(_)), "{bad}: {e:?}");
        }
        let e = broken(|v| {
            v["annotations"][0]
                .as_object_mut()
                .unwrap()
                .remove("tag")
                .map(drop)
                .unwrap()
        });
        assert!(e.to_string().contains("missing field `tag`"), "{e}");
        let e = broken(|v| v["annotations"][0]["tag"] = "opinion".into());
        assert!(e.to_string().contains("unknown variant `opinion`"), "{e}");
    }

    #[test]
    fn rejects_edited_text() {
        assert_eq!(
            broken(|v| v["document"]["text"] = "other".into()),
            ImportError::HashMismatch
        );
    }

    #[test]
    fn lists_every_bad_annotation() {
        let e = broken(|v| {
            v["annotations"][0]["end"] = 999.into();
            v["annotations"][1]["start"] = 4.into(); // inside the ZWJ emoji
            v["annotations"][2]["exact"] = "nope".into();
            v["annotations"][2]["id"] = v["annotations"][0]["id"].clone();
        });
        let msg = e.to_string();
        assert!(msg.starts_with("4 problems in the annotations"), "{msg}");
        assert!(
            msg.contains("#1 end 999 is past the text length 31"),
            "{msg}"
        );
        assert!(msg.contains("#2 offset 4 splits a character"), "{msg}");
        assert!(msg.contains("#3 quote does not match"), "{msg}");
        assert!(msg.contains("#3 repeats id"), "{msg}");
    }

    #[test]
    fn rejects_bad_times() {
        let e = broken(|v| v["annotations"][0]["created"] = "yesterday".into());
        assert!(
            e.to_string()
                .contains("\"yesterday\" is not an RFC 3339 time"),
            "{e}"
        );
    }
}
