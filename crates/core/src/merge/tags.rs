//! How a file's tags join the open article's: its own tag set adopted (`adopt_tags`), or
//! the tags it names found among ours (`name_tags`).

use std::collections::{HashMap, HashSet};

use super::{GaveWay, TagsMerged};
use crate::model::Workspace;
use crate::tagset::{Tag, TagDef, TagSet};

/// Labels are told apart as `TagSet::check` does.
fn same_label(a: &str, b: &str) -> bool {
    a.trim().eq_ignore_ascii_case(b.trim())
}

/// A file's own tag set onto ours. The file is what the person chose last, so a tag both
/// have takes the file's label, colour and hotkey, and one only the file has is added
/// after ours. A tag only we have keeps its place but gives way where the file now uses
/// its hotkey (it takes the first free digit) or its label (it gets a number): each
/// outcome depends on the two sets alone. Entity types: ours, then the file's new ones.
pub(super) fn adopt_tags(ours: &TagSet, file: &TagSet) -> (TagSet, TagsMerged) {
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
pub(super) fn name_tags(ours: &TagSet, incoming: &Workspace) -> (TagSet, HashMap<Tag, Tag>, TagsMerged) {
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
