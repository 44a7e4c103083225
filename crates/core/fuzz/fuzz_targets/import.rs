//! The importer on arbitrary input: it must never panic, and whatever it accepts must
//! export and import back to the same workspace.
#![no_main]

use annotator_core::{export_json, import_json};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    if let Ok(imported) = import_json(text) {
        let again = import_json(&export_json(&imported.workspace)).expect("our own export imports");
        assert_eq!(again.workspace, imported.workspace);
        assert!(again.skipped.is_empty());
    }
});
