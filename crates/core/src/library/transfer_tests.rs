use super::fixtures::{edited, library, nid, workspace};
use super::*;
use crate::formats::{ImportError, export_json};

/// Old rule: Import read only single native exports, so it could not read what Export all
/// wrote. Now the library file reads back as its documents.
#[test]
fn export_all_reads_back_with_import_library() {
    let mut lib = library();
    lib.save(nid(1), &workspace("Saved", 3), 1, &Marks::default()).unwrap();
    let open = edited(&workspace("Open", 2), 0, "unsaved", "2026-11-27T09:00:00.000Z");
    lib.save(nid(2), &workspace("Open", 2), 1, &Marks::default()).unwrap();
    let export = lib.export_all((nid(2), &open)).unwrap();
    assert_eq!(export.left_out, vec![]);
    let back: Vec<Workspace> =
        import_library(&export.file).unwrap().into_iter().map(|d| d.unwrap().workspace).collect();
    assert_eq!(back, [open.clone(), workspace("Saved", 3)], "the open one as in memory, first");
    // Each document is its own export, byte for byte (keys in the same order).
    assert!(export.file.contains(export_json(&open).trim_end()));
    let value: serde_json::Value = serde_json::from_str(&export.file).unwrap();
    assert_eq!(value["format"], LIBRARY_FORMAT);
}

#[test]
fn import_library_reads_single_exports_and_names_what_it_cannot() {
    let one = export_json(&workspace("One", 1));
    assert_eq!(import_library(&one).unwrap().len(), 1);
    assert_eq!(import_library("{\"rows\": []}"), Err(ImportError::Foreign));
    assert!(matches!(
        import_library("{\"format\": \"article-annotator-library\"}"),
        Err(ImportError::Shape(_))
    ));
    let mixed = format!("{{\"format\": \"{LIBRARY_FORMAT}\", \"documents\": [{one}, {{\"format\": 1}}]}}");
    let docs = import_library(&mixed).unwrap();
    assert!(docs[0].is_ok());
    assert_eq!(docs[1], Err(ImportError::Foreign));
}

#[test]
fn usage_counts_keys_and_values_in_utf16_units() {
    let mut store = MemoryStore::new();
    store.put("ab", "🤦x");
    let u = usage(&store, 10).unwrap();
    assert_eq!((u.used, u.fraction()), (5, 0.5));
}

/// The importers accept a byte-order mark (Notepad, PowerShell); the library file's reader
/// was the one place left that refused it.
#[test]
fn a_library_file_with_a_byte_order_mark_is_read_and_recognised() {
    let one = export_json(&workspace("One", 1));
    let file = format!("\u{feff}{{\"format\": \"{LIBRARY_FORMAT}\", \"documents\": [{one}]}}");
    assert_eq!(import_library(&file).unwrap().len(), 1);
    assert!(is_library_file(&file));
    assert!(!is_library_file(&one), "a single export is not a library file");
    assert!(!is_library_file("not json"));
}
