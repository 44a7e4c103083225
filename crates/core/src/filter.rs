//! The sidebar's filter: which annotations it keeps, by text, tag, claim status, missing
//! source and who made them.

use crate::find::fold;
use crate::model::{Annotation, Workspace};
use crate::status::ClaimStatus;
use crate::tagset::Tag;

/// What the sidebar shows: text typed in its filter box, one tag, one claim status, and
/// only claims without a source.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Filter {
    /// Words to look for, as typed; blank for no text filter.
    pub text: String,
    /// Only annotations with this tag.
    pub tag: Option<Tag>,
    /// Only claims with this status.
    pub status: Option<ClaimStatus>,
    /// Only claims that no source is linked to.
    pub unsourced: bool,
    /// Only annotations by the person of this name (`Some("")`: by no one named).
    pub creator: Option<String>,
}

impl Filter {
    /// Whether anything is set, so that the sidebar may hide annotations.
    pub fn is_active(&self) -> bool {
        *self != Filter::default()
    }

    /// Whether `a` passes: every part set must match. Text matches the quote, the note,
    /// the tag's name or the entity type, case-insensitively.
    pub fn keeps(&self, ws: &Workspace, a: &Annotation) -> bool {
        let text = self.text.trim();
        let text_ok = text.is_empty() || {
            let needle: String = text.chars().map(fold).collect();
            let has = |s: &str| s.chars().map(fold).collect::<String>().contains(&needle);
            has(&a.exact) || has(&a.note) || has(&ws.tagset().label(a.tag)) || has(&a.entity_type)
        };
        text_ok
            && self.tag.is_none_or(|t| a.tag == t)
            && self.status.is_none_or(|s| a.tag == Tag::Claim && a.status == s)
            && (!self.unsourced || ws.is_unsourced(a))
            && self.creator.as_deref().is_none_or(|name| a.creator.as_ref().map_or("", |c| &c.name) == name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::model::Document;
    use crate::test_support::{NOW, id};

    #[test]
    fn filters_by_text_tag_status_and_missing_source() {
        let mut ed = Editor::new(Workspace::new(Document::new("t", "Tokyo said the report was wrong.")));
        ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
        ed.add(6..31, Tag::Claim, id(2), NOW).unwrap();
        ed.add(11..21, Tag::Source, id(3), NOW).unwrap();
        ed.add(26..31, Tag::Claim, id(4), NOW).unwrap();
        ed.set_status(id(2), ClaimStatus::Disputed, NOW).unwrap();
        ed.set_note(id(4), "Check with the ministry", NOW).unwrap();
        ed.set_entity_type(id(1), "place", NOW).unwrap();
        ed.link(id(2), id(3), NOW).unwrap();
        let ws = ed.workspace();
        let kept = |f: Filter| {
            ws.annotations().iter().filter(|a| f.keeps(ws, a)).map(|a| a.exact.clone()).collect::<Vec<_>>()
        };
        assert_eq!(kept(Filter { text: "MINISTRY".into(), ..Filter::default() }), ["wrong"]);
        assert_eq!(kept(Filter { text: "place".into(), ..Filter::default() }), ["Tokyo"]);
        assert_eq!(kept(Filter { text: "source".into(), ..Filter::default() }), ["the report"]);
        assert_eq!(kept(Filter { status: Some(ClaimStatus::Disputed), ..Filter::default() }).len(), 1);
        assert_eq!(kept(Filter { unsourced: true, ..Filter::default() }), ["wrong"]);
        assert_eq!(kept(Filter { tag: Some(Tag::Claim), text: "said".into(), ..Filter::default() }).len(), 1);
        assert_eq!(kept(Filter::default()).len(), 4);
    }

    #[test]
    fn filters_by_who_made_it() {
        let mut ed = Editor::new(Workspace::new(Document::new("t", "Tokyo said no.")));
        ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
        ed.set_author(crate::Creator::new("Ana", "AFP"));
        ed.add(6..10, Tag::Claim, id(2), NOW).unwrap();
        let ws = ed.workspace();
        let kept = |name: &str| {
            let f = Filter { creator: Some(name.into()), ..Filter::default() };
            ws.annotations().iter().filter(|a| f.keeps(ws, a)).map(|a| a.exact.clone()).collect::<Vec<_>>()
        };
        assert_eq!(kept("Ana"), ["said"]);
        assert_eq!(kept(""), ["Tokyo"], "by no one named");
        assert!(kept("Bo").is_empty());
        assert_eq!(ws.creators(), ["Ana"]);
    }
}
