//! brat standoff: the text as a `.txt` file and an `.ann` file of lines
//! `T1<TAB>Claim 0 24<TAB>quoted text`, `#1<TAB>AnnotatorNotes T1<TAB>note` and, for each
//! claim→source link, `R1<TAB>Source Arg1:T1 Arg2:T2`.
//! brat counts offsets in code points (Python), as we do. A span that crosses a line
//! break is written as fragments (`0 5;6 10`), since brat's text field is one line.
//! Cannot carry: our ids, times, context, statuses, entity types, line breaks inside
//! notes, and orphans.

use std::collections::HashMap;

use crate::model::Workspace;
use crate::offsets::slice_chars;

/// The `.txt` file brat reads the offsets against.
pub fn text(ws: &Workspace) -> String {
    ws.document.text().to_owned()
}

/// The `.ann` file.
pub fn export(ws: &Workspace) -> String {
    let text = ws.document.text();
    let mut out = String::new();
    let mut notes = 0;
    for (n, a) in ws.annotations().iter().filter(|a| !a.orphan).enumerate() {
        let t = n + 1;
        let mut fragments = Vec::new();
        let mut start = a.start;
        for (i, c) in a.exact.chars().enumerate() {
            if c == '\n' {
                if a.start + i > start {
                    fragments.push((start, a.start + i));
                }
                start = a.start + i + 1;
            }
        }
        if a.end > start {
            fragments.push((start, a.end));
        }
        let offsets: Vec<String> = fragments.iter().map(|(s, e)| format!("{s} {e}")).collect();
        let quote: Vec<&str> = fragments.iter().map(|&(s, e)| slice_chars(text, s, e)).collect();
        out.push_str(&format!(
            "T{t}\t{} {}\t{}\n",
            brat_label(&ws.tagset().label(a.tag)),
            offsets.join(";"),
            quote.join(" ")
        ));
        // brat has no field for who made an annotation: it goes in the note, after it.
        let by = a.creator.as_ref().map(|c| format!("(by {})", c.display()));
        let note = [a.note.as_str(), by.as_deref().unwrap_or("")].join(" ");
        let note = note.split_whitespace().collect::<Vec<_>>().join(" ");
        if !note.is_empty() {
            notes += 1;
            out.push_str(&format!("#{notes}\tAnnotatorNotes T{t}\t{note}\n"));
        }
    }
    let t_of: HashMap<_, usize> =
        ws.annotations().iter().filter(|a| !a.orphan).enumerate().map(|(n, a)| (a.id, n + 1)).collect();
    let links = ws.annotations().iter().filter(|a| !a.orphan).flat_map(|a| {
        let from = t_of[&a.id];
        a.sources.iter().filter_map(|s| t_of.get(s)).map(move |to| (from, *to))
    });
    for (r, (from, to)) in links.enumerate() {
        out.push_str(&format!("R{}\tSource Arg1:T{from} Arg2:T{to}\n", r + 1));
    }
    out
}

/// brat types are single tokens: `Direct quote` becomes `Direct_quote`.
fn brat_label(label: &str) -> String {
    label.split_whitespace().collect::<Vec<_>>().join("_")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::model::Document;
    use crate::tagset::Tag;
    use crate::test_support::{NOW, id};

    #[test]
    fn writes_text_bound_lines_with_notes_and_fragments() {
        let mut ed = Editor::new(Workspace::new(Document::new("t", "Tokyo 🤦🏼‍♂️ said\nno more")));
        ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
        ed.add(6..19, Tag::Claim, id(2), NOW).unwrap();
        ed.set_note(id(2), "two\nlines", NOW).unwrap();
        ed.add(20..24, Tag::Source, id(3), NOW).unwrap();
        ed.link(id(2), id(3), NOW).unwrap();
        assert_eq!(
            export(ed.workspace()),
            "T1\tEntity 0 5\tTokyo\nT2\tClaim 6 16;17 19\t🤦🏼‍♂️ said no\n#1\tAnnotatorNotes T2\ttwo lines\n\
             T3\tSource 20 24\tmore\nR1\tSource Arg1:T2 Arg2:T3\n"
        );
        assert_eq!(text(ed.workspace()), "Tokyo 🤦🏼‍♂️ said\nno more");
    }
}
