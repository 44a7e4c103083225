//! Adding an import's annotations and tags to the open article (annotations matched by
//! id). Two tabs that both edited it are joined in `sync`.

use std::collections::{HashMap, HashSet};
use std::rc::Rc;

use crate::anchor::{UpdateSummary, update_text};
use crate::formats::{FileTags, Imported};
use crate::model::{Annotation, AnnotationId, Workspace};
use crate::tagset::{Tag, TagDef, TagSet};

/// What `merge_import` did, as counts; the app words it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MergeSummary {
    /// Annotations of the file added to the article.
    pub added: usize,
    /// Annotations of the file the article already had.
    pub already_here: usize,
    /// When the file's text differed from the article's: how its annotations were
    /// re-anchored onto the article's text before being added.
    pub reanchored: Option<UpdateSummary>,
    /// What happened to the tags.
    pub tags: TagsMerged,
}

/// How a file's tags joined the article's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct TagsMerged {
    /// Tags the article did not have.
    pub added: usize,
    /// Tags both had, that the file gave another label, colour or hotkey.
    pub changed: usize,
    /// Entity types the article did not have.
    pub entity_types_added: usize,
    /// Tags only the article had that gave way to the file's (a hotkey or a label the
    /// file now uses), in the set's order.
    pub gave_way: Vec<GaveWay>,
}

/// A tag of ours that gave way to one of the file's: its label and hotkey before and
/// after (an empty hotkey: none).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct GaveWay {
    /// The label before.
    pub label_before: String,
    /// The label after (the same unless the file now uses it).
    pub label: String,
    /// The hotkey before.
    pub hotkey_before: String,
    /// The hotkey after (empty: none).
    pub hotkey: String,
}

fn same_text(a: &Workspace, b: &Workspace) -> bool {
    a.document.text() == b.document.text()
}

fn same_article(a: &Workspace, b: &Workspace) -> bool {
    a.document.title().to_lowercase() == b.document.title().to_lowercase()
}

/// Adds to `current` the annotations of `incoming` it does not have yet, when both are on
/// the same article: the same text, or the same title with a re-copied or edited text, in
/// which case the incoming annotations are first re-anchored onto the open text. `None`
/// for another article. Importing the same file twice adds nothing.
///
/// The file's tags come too (see `adopt_tags` and `name_tags`), in the same workspace, so
/// undoing the import takes both out.
pub fn merge_import(current: &Workspace, incoming: &Imported) -> Option<(Workspace, MergeSummary)> {
    let file = &incoming.workspace;
    if same_text(current, file) {
        return Some(add_new(current, file, incoming.tags, None));
    }
    if !same_article(current, file) {
        return None;
    }
    let (moved, summary) = update_text(file, (*current.document).clone());
    Some(add_new(current, &moved, incoming.tags, Some(summary)))
}

/// Adds what `current` lacks: an annotation is already here if its id is, or (for formats
/// without ids, like doccano) the same tag over the same text.
fn add_new(
    current: &Workspace,
    incoming: &Workspace,
    tags: FileTags,
    reanchored: Option<UpdateSummary>,
) -> (Workspace, MergeSummary) {
    let (tagset, retag, tags) = match tags {
        // `import_json` only says `Defined` of a set that passed `check`; a hand-made
        // `Imported` that breaks it is not allowed to break ours.
        FileTags::Defined if incoming.tagset().check().is_ok() => {
            let (tagset, merged) = adopt_tags(current.tagset(), incoming.tagset());
            (tagset, HashMap::new(), merged)
        }
        _ => name_tags(current.tagset(), incoming),
    };
    let ids: HashSet<AnnotationId> = current.annotations().iter().map(|a| a.id).collect();
    let spans: HashSet<_> =
        current.annotations().iter().filter(|a| !a.orphan).map(|a| (a.tag, a.start, a.end)).collect();
    let new: Vec<Rc<Annotation>> = incoming
        .annotations()
        .iter()
        .map(|a| match retag.get(&a.tag) {
            Some(&tag) => Rc::new(Annotation { tag, ..(**a).clone() }),
            None => a.clone(),
        })
        .filter(|a| !ids.contains(&a.id) && (a.orphan || !spans.contains(&(a.tag, a.start, a.end))))
        .collect();
    let summary = MergeSummary {
        added: new.len(),
        already_here: incoming.annotations().len() - new.len(),
        reanchored,
        tags,
    };
    let mut all = current.annotations().to_vec();
    all.extend(new);
    (Workspace::with_annotations((*current.document).clone(), all, tagset), summary)
}

/// Labels are told apart as `TagSet::check` does.
fn same_label(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// A file's own tag set onto ours. The file is what the person chose last, so a tag both
/// have takes the file's label, colour and hotkey, and one only the file has is added
/// after ours. A tag only we have keeps its place but gives way where the file now uses
/// its hotkey (it takes the first free digit) or its label (it gets a number): each
/// outcome depends on the two sets alone. Entity types: ours, then the file's new ones.
fn adopt_tags(ours: &TagSet, file: &TagSet) -> (TagSet, TagsMerged) {
    let theirs = |d: &TagDef| file.get(d.key).is_some();
    let mut merged = TagSet {
        tags: ours.tags.iter().map(|d| file.get(d.key).unwrap_or(d).clone()).collect(),
        entity_types: ours.entity_types.clone(),
    };
    let added: Vec<TagDef> = file.tags.iter().filter(|d| ours.get(d.key).is_none()).cloned().collect();
    let changed = file.tags.iter().filter(|d| ours.get(d.key).is_some_and(|o| o != *d)).count();
    merged.tags.extend(added.iter().cloned());
    let mut gave_way = Vec::new();
    for i in 0..merged.tags.len() {
        if theirs(&merged.tags[i]) {
            continue;
        }
        let before = merged.tags[i].clone();
        if !before.hotkey.is_empty()
            && file.tags.iter().any(|d| d.hotkey.eq_ignore_ascii_case(&before.hotkey))
        {
            merged.tags[i].hotkey.clear();
            merged.tags[i].hotkey = merged.free_hotkey();
        }
        if file.tags.iter().any(|d| same_label(&d.label, &before.label)) {
            let base = before.label.trim();
            merged.tags[i].label = (2..)
                .map(|n| format!("{base} ({n})"))
                .find(|l| !merged.tags.iter().any(|d| same_label(&d.label, l)))
                .expect("some number is free");
        }
        if merged.tags[i] != before {
            let after = &merged.tags[i];
            gave_way.push(GaveWay {
                label_before: before.label,
                label: after.label.clone(),
                hotkey_before: before.hotkey,
                hotkey: after.hotkey.clone(),
            });
        }
    }
    let mut types_added = 0;
    for t in &file.entity_types {
        if !merged.entity_types.iter().any(|o| same_label(o, t)) {
            merged.entity_types.push(t.clone());
            types_added += 1;
        }
    }
    debug_assert_eq!(merged.check(), Ok(()), "two valid sets make a valid one");
    (merged, TagsMerged { added: added.len(), changed, entity_types_added: types_added, gave_way })
}

/// The tags of a file that names them without defining them (other tools' labels, an
/// export without a tag set): its labels, colours and hotkeys are made up, so ours stay.
/// A name finds our tag by key, then by label (a doccano "Assertion" is our renamed
/// claim); one we lack is added under its name. Returns the retagging for the file's
/// annotations.
fn name_tags(ours: &TagSet, incoming: &Workspace) -> (TagSet, HashMap<Tag, Tag>, TagsMerged) {
    let mut merged = ours.clone();
    let mut retag = HashMap::new();
    let mut added = 0;
    let used: HashSet<Tag> = incoming.annotations().iter().map(|a| a.tag).collect();
    for def in incoming.tagset().tags.iter().filter(|d| used.contains(&d.key)) {
        if merged.get(def.key).is_some() {
            continue;
        }
        if let Some(tag) = merged.by_label(&def.label) {
            retag.insert(def.key, tag);
            continue;
        }
        merged.ensure(def.key);
        if !def.label.trim().is_empty() {
            merged.tags.last_mut().expect("just added").label = def.label.trim().to_owned();
        }
        added += 1;
    }
    (merged, retag, TagsMerged { added, ..TagsMerged::default() })
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
