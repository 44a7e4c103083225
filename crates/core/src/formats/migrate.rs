//! Upgrading saved and exported files from older schema versions, one step per version,
//! on the JSON value before it is read. Every old version has a fixture in
//! `tests/fixtures/schema-vN.json` that the tests load.

use serde_json::Value;

use super::error::{ImportError, SCHEMA_VERSION};

/// `STEPS[i]` upgrades a file from version `i + 1` to `i + 2`.
const STEPS: [fn(&mut Value); SCHEMA_VERSION as usize - 1] =
    [v1_to_v2, v2_to_v3, v3_to_v4, v4_to_v5, v5_to_v6];

/// Version 2 added `orphan` to annotations (re-anchoring keeps lost ones).
fn v1_to_v2(file: &mut Value) {
    if let Some(list) = file.get_mut("annotations").and_then(Value::as_array_mut) {
        for a in list.iter_mut().filter_map(Value::as_object_mut) {
            a.entry("orphan").or_insert(Value::Bool(false));
        }
    }
}

/// Version 3 added the tag set (custom tags, entity types) and, on annotations, a claim's
/// status, an entity's type and a claim's links to its sources. An older file gets no tag
/// set: it had the fixed tags, chosen by no one, so it must not replace the open article's.
fn v2_to_v3(file: &mut Value) {
    if let Some(list) = file.get_mut("annotations").and_then(Value::as_array_mut) {
        for a in list.iter_mut().filter_map(Value::as_object_mut) {
            a.entry("status").or_insert("unchecked".into());
            a.entry("entity_type").or_insert("".into());
            a.entry("sources").or_insert(Value::Array(Vec::new()));
        }
    }
}

/// Version 4 added the document's links, left out when there are none: a file without
/// them reads as it is, so this step has nothing to do. (A file without links is still
/// written as version 3, see `schema::schema_of`.)
fn v3_to_v4(_file: &mut Value) {}

/// Version 5 added an annotation's creator and the workspace's `conflicts`, each left out
/// when there is none: nothing to do either. (A file without them is written as version
/// 3 or 4, see `schema::schema_of_file`.)
fn v4_to_v5(_file: &mut Value) {}

/// Version 6 added the article's metadata (the document's `meta`: URL, authors, dates,
/// site, language), left out when there is none: nothing to do. (A file without it is
/// written as an older version, see `schema::schema_of_file`.)
fn v5_to_v6(_file: &mut Value) {}

/// Brings `file`, written as `version`, up to `SCHEMA_VERSION`.
pub fn upgrade(file: &mut Value, version: u64) -> Result<(), ImportError> {
    if version == 0 {
        return Err(ImportError::Shape("schema_version 0 does not exist".to_owned()));
    }
    if version > u64::from(SCHEMA_VERSION) {
        return Err(ImportError::NewerSchema { found: version });
    }
    for step in &STEPS[version as usize - 1..] {
        step(file);
    }
    file["schema_version"] = SCHEMA_VERSION.into();
    Ok(())
}
