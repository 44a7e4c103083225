//! `annotations suggest --library DIR TARGET.json`: what the tags of a library of native
//! exports suggest tagging in TARGET's text, as the app's suggestions do
//! (`annotator_core::suggest`): each text tagged as an entity, source or custom tag in
//! DIR, found again in TARGET on word boundaries, where TARGET has not tagged it so.
//!
//! Plain output is one line per suggestion, `start end tag "text"`: code points,
//! half-open, the tag's key, the text quoted on one line (`"`, `\`, line breaks and tabs
//! escaped with a backslash, everything else as it is). `--json` gives an array of
//! `{ "start", "end", "tag", "exact", "entity_type", "count" }`.

use std::path::{Path, PathBuf};

use annotator_core::suggest::{Dictionary, Options, Rejections, Suggester, Suggestion};
use annotator_core::{Imported, Workspace, import_json};

use crate::report::quoted;
use crate::{CliError, read};

/// What the library taught and what it suggests for the target.
pub struct Suggested {
    /// The target as read.
    pub target: Imported,
    /// Its suggestions, in document order.
    pub suggestions: Vec<Suggestion>,
    /// How many exports of the library were learned from.
    pub exports: usize,
    /// How many different texts they taught.
    pub texts: usize,
    /// The library's files left out, each with why (not a native export, unreadable).
    pub left_out: Vec<(PathBuf, String)>,
}

/// The `*.json` files directly in `dir`, by name, the target aside.
fn library_files(dir: &Path, target: &Path) -> Result<Vec<PathBuf>, CliError> {
    let not_a_library = |source| CliError::Library { path: dir.to_owned(), source };
    let target = target.canonicalize().unwrap_or_else(|_| target.to_owned());
    let mut files = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(not_a_library)? {
        let path = entry.map_err(not_a_library)?.path();
        let json = path.extension().is_some_and(|e| e.eq_ignore_ascii_case("json"));
        if json && path.is_file() && path.canonicalize().unwrap_or_else(|_| path.clone()) != target {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}

/// Reads TARGET and every native export in `library` (a file that is none is left out,
/// with why) and suggests what the library's tags say for TARGET's text.
pub fn suggest_files(library: &Path, target: &Path, options: Options) -> Result<Suggested, CliError> {
    let target_file =
        import_json(&read(target)?).map_err(|source| CliError::Import { path: target.to_owned(), source })?;
    let mut learned: Vec<Workspace> = Vec::new();
    let mut left_out = Vec::new();
    for path in library_files(library, target)? {
        match read(&path).and_then(|raw| {
            import_json(&raw).map_err(|source| CliError::Import { path: path.clone(), source })
        }) {
            Ok(file) => learned.push(file.workspace),
            Err(CliError::Import { source, .. }) => left_out.push((path, source.to_string())),
            Err(e) => left_out.push((path, e.to_string())),
        }
    }
    let dict = Dictionary::from_workspaces(&learned);
    let suggestions = Suggester::new(&dict, &Rejections::default(), options).suggest(&target_file.workspace);
    Ok(Suggested { target: target_file, suggestions, exports: learned.len(), texts: dict.len(), left_out })
}

/// One line per suggestion: `12 19 source "Reuters"`.
pub fn plain(suggestions: &[Suggestion]) -> String {
    suggestions.iter().map(|s| format!("{} {} {} {}\n", s.start, s.end, s.tag, quoted(&s.exact))).collect()
}

/// The suggestions as a JSON array (`[]` for none), with the keys the issue names.
pub fn json(suggestions: &[Suggestion]) -> String {
    serde_json::to_string_pretty(suggestions).expect("suggestions always serialise") + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use annotator_core::Tag;

    fn suggestion(exact: &str) -> Suggestion {
        let (start, end) = (3, 3 + exact.chars().count());
        Suggestion {
            start,
            end,
            tag: Tag::Source,
            exact: exact.to_owned(),
            entity_type: String::new(),
            count: 2,
        }
    }

    #[test]
    fn lines_quote_the_text_and_json_has_the_issues_keys() {
        let all = [suggestion("the \"Met\" \\ 🤦🏼‍♂️"), suggestion("Reuters")];
        let lines = format!(
            "3 {} source \"the \\\"Met\\\" \\\\ 🤦🏼‍♂️\"\n3 {} source \"Reuters\"\n",
            all[0].end, all[1].end
        );
        assert_eq!(plain(&all), lines);
        let value: serde_json::Value = serde_json::from_str(&json(&all)).unwrap();
        let keys: Vec<&str> = value[0].as_object().unwrap().keys().map(String::as_str).collect();
        assert_eq!(keys.len(), 6);
        for key in ["start", "end", "tag", "exact", "entity_type", "count"] {
            assert!(keys.contains(&key), "{key} in {keys:?}");
        }
        assert_eq!((value[1]["tag"].as_str(), value[1]["count"].as_u64()), (Some("source"), Some(2)));
        assert_eq!(json(&[]), "[]\n");
    }
}
