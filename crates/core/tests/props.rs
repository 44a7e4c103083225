//! Property tests: each fast function against a slow, obviously-correct oracle.

use annotator_core::offsets::{
    CharIndex, byte_to_char, char_to_byte, char_to_utf16, slice_chars, utf16_to_char,
};
use annotator_core::text::{Step, is_grapheme_boundary, shorten, step_from};
use annotator_core::{
    AnnotationId, Document, Editor, Tag, Workspace, export_json, import_json, layout, lines, relayout,
    snap_selection, update_text,
};
use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

/// Text mixing ASCII, accents, CJK, RTL, emoji with modifiers and ZWJ, and newlines.
fn text() -> impl Strategy<Value = String> {
    let pieces = prop::sample::select(vec![
        "a",
        "Z",
        " ",
        "\n",
        ".",
        "é",
        "e\u{301}",
        "日",
        "本",
        "ש",
        "ׁ",
        "م",
        "َ",
        "😀",
        "🤦🏼‍♂️",
        "👩‍👩‍👧",
        "\u{200b}",
        "🇯🇵",
    ]);
    prop::collection::vec(pieces, 0..40).prop_map(|v| v.concat())
}

/// An editor over `doc` with `spans` (start, length, tag index) added, clamped to the text.
/// Bad ranges are refused by the editor; layouts only see what it accepted.
fn tagged(doc: &Document, spans: &[(usize, usize, usize)]) -> Editor {
    let n = doc.char_len();
    let mut ed = Editor::new(Workspace::new(doc.clone()));
    for (i, (start, len, tag)) in spans.iter().enumerate() {
        let (start, end) = ((*start).min(n), (start + len).min(n));
        let _ = ed.add(
            start..end,
            Tag::DEFAULTS[*tag],
            AnnotationId::from_random_bytes([i as u8; 16]),
            "2026-01-01T00:00:00Z",
        );
    }
    ed
}

proptest! {
    #[test]
    fn utf16_offsets_match_oracle(s in text()) {
        let mut utf16 = 0;
        for (ci, c) in s.chars().enumerate() {
            prop_assert_eq!(char_to_utf16(&s, ci), utf16);
            prop_assert_eq!(utf16_to_char(&s, utf16), ci);
            if c.len_utf16() == 2 {
                prop_assert_eq!(utf16_to_char(&s, utf16 + 1), ci, "inside a surrogate pair");
            }
            utf16 += c.len_utf16();
        }
        prop_assert_eq!(utf16_to_char(&s, utf16), s.chars().count());
    }

    #[test]
    fn byte_offsets_match_oracle(s in text()) {
        for (ci, (bi, _)) in s.char_indices().enumerate() {
            prop_assert_eq!(char_to_byte(&s, ci), bi);
            prop_assert_eq!(byte_to_char(&s, bi), ci);
        }
    }

    #[test]
    fn char_index_matches_oracle(
        s in prop::collection::vec(text(), 1..10).prop_map(|v| v.concat()),
        cut in (0usize..700, 0usize..700),
    ) {
        let index = CharIndex::new(&s);
        let bytes: Vec<usize> = s.char_indices().map(|(b, _)| b).chain([s.len()]).collect();
        for (ci, &bi) in bytes.iter().enumerate() {
            prop_assert_eq!(index.char_to_byte(&s, ci), bi);
            prop_assert_eq!(index.byte_to_char(&s, bi), ci);
        }
        prop_assert_eq!(index.char_to_byte(&s, bytes.len() + 5), s.len(), "past the end");
        let (a, b) = cut;
        prop_assert_eq!(index.slice(&s, a, b), slice_chars(&s, a, b));
    }

    #[test]
    fn snapped_ranges_are_whole_graphemes_without_edge_space(s in text(), a in 0usize..60, b in 0usize..60, words: bool) {
        let n = s.chars().count();
        if let Some(r) = snap_selection(&s, a.min(n), b.min(n), words) {
            prop_assert!(r.start < r.end && r.end <= n);
            prop_assert!(is_grapheme_boundary(&s, r.start) && is_grapheme_boundary(&s, r.end));
            let picked = slice_chars(&s, r.start, r.end);
            let blank = |g: &str| g.chars().all(char::is_whitespace);
            prop_assert!(!blank(picked.graphemes(true).next().unwrap()));
            prop_assert!(!blank(picked.graphemes(true).next_back().unwrap()));
            // Snapping only widens before trimming: everything selected that is not space stays.
            let (lo, hi) = (a.min(b).min(n), a.max(b).min(n));
            let raw = slice_chars(&s, lo, hi);
            if !raw.trim().is_empty() {
                let inner = lo + raw.chars().take_while(|c| c.is_whitespace()).count();
                prop_assert!(r.start <= inner);
            }
        }
    }

    #[test]
    fn steps_match_segmenting_the_whole_text(s in text(), at in 0usize..60) {
        // The oracle segments the whole text and picks by position; steps segment only
        // the runs around the position.
        let at = char_to_byte(&s, at.min(s.chars().count()));
        let word = |w: &str| w.chars().any(char::is_alphanumeric);
        let words: Vec<_> = s.split_word_bound_indices().filter(|(_, w)| word(w)).map(|(i, w)| (i, i + w.len())).collect();
        prop_assert_eq!(step_from(&s, at, Step::WordEndAfter), words.iter().find(|w| w.1 > at).map_or(s.len(), |w| w.1));
        prop_assert_eq!(step_from(&s, at, Step::WordStartBefore), words.iter().rev().find(|w| w.0 < at).map_or(0, |w| w.0));
        prop_assert_eq!(step_from(&s, at, Step::WordStartAfter), words.iter().map(|w| w.0).find(|i| *i > at).unwrap_or(at));
        prop_assert_eq!(step_from(&s, at, Step::WordEndBefore), words.iter().rev().map(|w| w.1).find(|e| *e < at).unwrap_or(at));
        let starts: Vec<usize> = s.grapheme_indices(true).map(|(i, _)| i).chain([s.len()]).collect();
        if starts.contains(&at) {
            prop_assert_eq!(step_from(&s, at, Step::NextGrapheme), starts.iter().copied().find(|&b| b > at).unwrap_or(at));
            prop_assert_eq!(step_from(&s, at, Step::PrevGrapheme), starts.iter().copied().rev().find(|&b| b < at).unwrap_or(at));
        }
    }

    #[test]
    fn long_runs_split_as_the_whole_text(rep in 1usize..400, at in 0usize..3000, piece in prop::sample::select(vec!["🇯🇵", "e\u{301}", "日本の", "ab", "\u{600} \u{301}"])) {
        // Runs with no certain boundary for longer than any window once was: flags pair
        // from the start of their run, a prepended char joins the space after it.
        let s = format!("x{}", piece.repeat(rep));
        let at = char_to_byte(&s, at.min(s.chars().count()));
        let starts: Vec<usize> = s.grapheme_indices(true).map(|(i, _)| i).chain([s.len()]).collect();
        prop_assert_eq!(is_grapheme_boundary(&s, byte_to_char(&s, at)), starts.contains(&at));
    }

    #[test]
    fn shortening_keeps_the_first_clusters(s in text(), max in 0usize..12) {
        let folded = s.split_whitespace().collect::<Vec<_>>().join(" ");
        let kept: String = folded.graphemes(true).take(max).collect();
        let cut = folded.graphemes(true).count() > max;
        prop_assert_eq!(shorten(&s, max), if cut { format!("{kept}…") } else { kept });
    }

    #[test]
    fn grapheme_boundaries_match_oracle(s in text()) {
        let mut boundaries = vec![0];
        let mut at = 0;
        for g in s.graphemes(true) {
            at += g.chars().count();
            boundaries.push(at);
        }
        for ci in 0..=s.chars().count() {
            prop_assert_eq!(is_grapheme_boundary(&s, ci), boundaries.contains(&ci));
        }
    }

    #[test]
    fn layout_matches_per_character_brute_force(
        s in text(),
        spans in prop::collection::vec((0usize..60, 1usize..20, 0usize..3), 0..12),
    ) {
        let doc = Document::new("t", &s);
        let n = doc.char_len();
        let ed = tagged(&doc, &spans);
        let anns = ed.workspace().annotations();
        let ls = lines(doc.text());
        let texts: Vec<&str> = ls.iter().map(|l| slice_chars(doc.text(), l.start, l.end)).collect();
        let mut seen = vec![None; n];
        for line in layout(&ls, &texts, anns) {
            for seg in &line.segments {
                prop_assert!(seg.start < seg.end);
                prop_assert_eq!(&texts[ls.iter().position(|l| *l == line.line).unwrap()][seg.bytes.clone()], slice_chars(doc.text(), seg.start, seg.end));
                let mut ids: Vec<_> = seg.covers.iter().map(|c| c.id).collect();
                ids.sort();
                for slot in &mut seen[seg.start..seg.end] {
                    prop_assert!(slot.is_none(), "segments overlap");
                    *slot = Some(ids.clone());
                }
            }
        }
        for (ci, c) in doc.text().chars().enumerate() {
            let mut want: Vec<_> = anns.iter().filter(|a| a.start <= ci && ci < a.end).map(|a| a.id).collect();
            want.sort();
            if c == '\n' {
                prop_assert!(seen[ci].is_none(), "newlines are not rendered");
            } else {
                prop_assert_eq!(seen[ci].as_ref(), Some(&want), "char {}", ci);
            }
        }
    }

    #[test]
    fn relayout_after_an_edit_equals_a_fresh_layout(
        s in text(),
        spans in prop::collection::vec((0usize..60, 1usize..20, 0usize..3), 1..12),
        edit in (0usize..3, 0usize..12, 0usize..3),
    ) {
        let doc = Document::new("t", &s);
        let n = doc.char_len();
        let mut ed = tagged(&doc, &spans);
        let (ls, texts): (_, Vec<&str>) = (lines(doc.text()), doc.text().split('\n').collect());
        let before = layout(&ls, &texts, ed.workspace().annotations());
        let (kind, which, tag) = edit;
        if let Some(a) = ed.workspace().annotations().get(which % spans.len()).map(|a| a.id) {
            let _ = match kind {
                0 => ed.delete(a, "2026-01-02T00:00:00Z"),
                1 => ed.retag(a, Tag::DEFAULTS[tag], "2026-01-02T00:00:00Z"),
                _ => ed.add(0..n.min(3), Tag::DEFAULTS[tag], AnnotationId::from_random_bytes([99; 16]), "2026-01-02T00:00:00Z"),
            };
        }
        let fresh = layout(&ls, &texts, ed.workspace().annotations());
        prop_assert_eq!(relayout(&before, &ls, &texts, ed.workspace().annotations()), fresh);
    }

    #[test]
    fn import_of_export_is_identity(
        s in text(),
        title in "[a-z<>&\" ]{1,12}",
        spans in prop::collection::vec((0usize..60, 1usize..20, 0usize..3, "[a-z\n<>]{0,8}"), 0..8),
    ) {
        let mut ed = Editor::new(Workspace::new(Document::new(&title, &s)));
        let n = ed.workspace().document.char_len();
        for (i, (start, len, tag, note)) in spans.iter().enumerate() {
            let id = AnnotationId::from_random_bytes([i as u8; 16]);
            if ed.add((*start).min(n)..(start + len).min(n), Tag::DEFAULTS[*tag], id, "2026-01-01T00:00:00.000Z").is_ok() {
                ed.set_note(id, note, "2026-01-02T00:00:00.000Z").unwrap();
            }
        }
        let exported = export_json(ed.workspace());
        let back = import_json(&exported).unwrap().workspace;
        prop_assert_eq!(&back, ed.workspace());
        prop_assert_eq!(export_json(&back), exported);
    }
}

proptest! {
    #[test]
    fn reanchoring_follows_inserted_text_exactly(
        s in text(),
        // Digits never occur in `text()`: with repeats of the same quote and context, no
        // algorithm could tell the original from the copy ("." → ".\n.").
        inserted in "[0-9]{0,12}",
        spans in prop::collection::vec((0usize..60, 1usize..20, 0usize..3), 0..8),
    ) {
        let doc = Document::new("t", &s);
        let n = doc.char_len();
        let mut ed = Editor::new(Workspace::new(doc));
        for (i, (start, len, tag)) in spans.iter().enumerate() {
            let id = AnnotationId::from_random_bytes([i as u8; 16]);
            let _ = ed.add((*start).min(n)..(start + len).min(n), Tag::DEFAULTS[*tag], id, "2026-01-01T00:00:00Z");
        }
        let ws = ed.workspace();
        // The same text: nothing moves.
        let (same, _) = update_text(ws, Document::new("t", &s));
        prop_assert_eq!(&same, ws);
        // Text put in front (ending in a newline, so no grapheme joins across it): every
        // span shifts by its length and keeps its quote.
        let prefix = format!("{inserted}\n");
        let shift = prefix.chars().count();
        let (moved, _) = update_text(ws, Document::new("t", &format!("{prefix}{s}")));
        for (before, after) in ws.annotations().iter().zip(moved.annotations()) {
            prop_assert_eq!((after.start, after.end), (before.start + shift, before.end + shift));
            prop_assert_eq!(&after.exact, &before.exact);
            prop_assert!(!after.orphan);
        }
    }
}
