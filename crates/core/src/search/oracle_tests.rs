//! The index against a slow scan that is plainly right: small ASCII texts of a tiny
//! vocabulary, where a word is a run of letters, found lowercased, line by line.

use proptest::prelude::*;

use super::*;
use crate::editor::Editor;
use crate::model::Document;
use crate::tagset::Tag;
use crate::test_support::{NOW, id};

const WORDS: [&str; 7] = ["defense", "Defense", "DEFENSE", "ministry", "the", "said", "a"];
/// Every one has a space or a line break: `a.b` would be one word to UAX #29.
const GAPS: [&str; 6] = [" ", ", ", ". ", "\n", " - ", "  \n "];

fn text_of(picks: &[(usize, usize)]) -> String {
    let mut text = String::new();
    for (i, (word, gap)) in picks.iter().enumerate() {
        if i > 0 {
            text.push_str(GAPS[*gap]);
        }
        text.push_str(WORDS[*word]);
    }
    text
}

/// Each word of `text` as (lowercased, start, end, line), by scanning letters.
fn naive_words(text: &str) -> Vec<(String, usize, usize, usize)> {
    let (mut out, mut line, mut start) = (Vec::new(), 0, None);
    for (i, c) in text.char_indices().chain([(text.len(), '\n')]) {
        match (c.is_ascii_alphabetic(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push((text[s..i].to_ascii_lowercase(), s, i, line));
                start = None;
            }
            _ => {}
        }
        if c == '\n' {
            line += 1;
        }
    }
    out
}

/// Where `phrase` (lowercase words) is in `text`: consecutive words on one line.
fn naive_find(text: &str, phrase: &[&str]) -> Vec<(usize, usize)> {
    let words = naive_words(text);
    words
        .windows(phrase.len())
        .filter(|w| w.iter().zip(phrase).all(|(a, b)| a.0 == *b) && w[0].3 == w[w.len() - 1].3)
        .map(|w| (w[0].1, w[w.len() - 1].2))
        .collect()
}

/// The hits of `q` in the one document of `ws`, as (field, start, end), in order.
fn found(ws: &Workspace, q: &str) -> Vec<(Field, usize, usize)> {
    let mut index = SearchIndex::new();
    index.update(id(99), "title", NOW, ws);
    let results = index.search(&Query::parse(q), usize::MAX);
    assert!(results.len() <= 1);
    let hits: Vec<_> =
        results.iter().flat_map(|r| r.hits.iter().map(|h| (h.field, h.start, h.end))).collect();
    assert_eq!(hits.len(), results.first().map_or(0, |r| r.total));
    hits
}

fn phrase_of(words: &[usize]) -> Vec<&'static str> {
    words.iter().map(|&w| WORDS[w]).collect()
}

fn lower(phrase: &[&str]) -> Vec<String> {
    phrase.iter().map(|w| w.to_ascii_lowercase()).collect()
}

proptest! {
    /// A quoted phrase of 1–3 words is found in the text exactly where the scan finds it.
    #[test]
    fn phrases_are_found_where_a_scan_finds_them(
        picks in prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 1..40),
        phrase in prop::collection::vec(0..WORDS.len(), 1..=3),
    ) {
        let text = text_of(&picks);
        let ws = Workspace::new(Document::new("t", &text));
        let phrase = phrase_of(&phrase);
        let lowered = lower(&phrase);
        let want: Vec<_> = naive_find(&text, &lowered.iter().map(String::as_str).collect::<Vec<_>>())
            .into_iter()
            .map(|(s, e)| (Field::Text, s, e))
            .collect();
        prop_assert_eq!(found(&ws, &format!("\"{}\" in:text", phrase.join(" "))), want, "{:?}", text);
    }

    /// Free words: every place of each, when each is somewhere; in text and quotes alike.
    #[test]
    fn free_words_are_each_found_when_all_are_there(
        picks in prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 1..30),
        query in prop::collection::vec(0..WORDS.len(), 1..=2),
        spans in prop::collection::vec((0usize..30, 1usize..4), 0..4),
    ) {
        let text = text_of(&picks);
        let words = naive_words(&text);
        let mut ed = Editor::new(Workspace::new(Document::new("t", &text)));
        for (n, (at, len)) in spans.iter().enumerate() {
            let (first, last) = (at % words.len(), (at % words.len() + len - 1).min(words.len() - 1));
            ed.add(words[first].1..words[last].2, Tag::Claim, id(n as u8 + 1), NOW).unwrap();
        }
        let ws = ed.workspace();
        let query = lower(&phrase_of(&query));
        let mut want = Vec::new();
        let mut all_there = true;
        for (i, w) in query.iter().enumerate() {
            if query[..i].contains(w) {
                continue;
            }
            let before = want.len();
            want.extend(naive_find(&text, &[w]).into_iter().map(|(s, e)| (Field::Text, s, e)));
            for a in ws.annotations() {
                want.extend(naive_find(&a.exact, &[w]).into_iter().map(|(s, e)| (Field::Quote, s, e)));
            }
            all_there &= want.len() > before;
        }
        if !all_there {
            want.clear();
        }
        // As multisets: the order of hits is the other test's and the unit tests' matter.
        let order = |h: &(Field, usize, usize)| (h.0 as u8, h.1, h.2);
        want.sort_by_key(order);
        let mut got = found(ws, &format!("{} in:text in:quote", query.join(" ")));
        got.sort_by_key(order);
        prop_assert_eq!(got, want, "{:?}", text);
    }
}

/// One edit of a proptest's sequence, on the annotation numbered `n` (mod how many).
#[derive(Clone, Debug)]
enum Edit {
    Add(usize, usize),
    Delete(usize),
    Note(usize, usize),
    Retag(usize),
    Resize(usize, usize),
    Undo,
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        (0usize..30, 1usize..4).prop_map(|(a, l)| Edit::Add(a, l)),
        (0usize..8).prop_map(Edit::Delete),
        (0usize..8, 0..WORDS.len()).prop_map(|(n, w)| Edit::Note(n, w)),
        (0usize..8).prop_map(Edit::Retag),
        (0usize..8, 1usize..4).prop_map(|(n, l)| Edit::Resize(n, l)),
        Just(Edit::Undo),
    ]
}

proptest! {
    /// Kept up to date edit by edit (the path every change takes), the index finds what
    /// one made afresh of the final workspace finds: an edit's added, changed, moved and
    /// deleted annotations are all seen, however the list shifted.
    #[test]
    fn an_index_kept_up_to_date_equals_a_fresh_one(
        picks in prop::collection::vec((0..WORDS.len(), 0..GAPS.len()), 5..30),
        edits in prop::collection::vec(edit(), 1..25),
    ) {
        let text = text_of(&picks);
        let words = naive_words(&text);
        let extent = |at: usize, len: usize| {
            let first = at % words.len();
            words[first].1..words[(first + len - 1).min(words.len() - 1)].2
        };
        let mut ed = Editor::new(Workspace::new(Document::new("t", &text)));
        let mut index = SearchIndex::new();
        index.update(id(99), "title", NOW, ed.workspace());
        let mut next = 1u8;
        for e in &edits {
            let ids: Vec<_> = ed.workspace().annotations().iter().map(|a| a.id).collect();
            let nth = |n: usize| (!ids.is_empty()).then(|| ids[n % ids.len()]);
            // Refusals (an extent taken already) change nothing, which is fine here.
            let _ = match *e {
                Edit::Add(at, len) => {
                    next += 1;
                    ed.add(extent(at, len), Tag::Claim, id(next), NOW).map(drop)
                }
                Edit::Delete(n) => nth(n).map_or(Ok(()), |a| ed.delete(a, NOW)),
                Edit::Note(n, w) => nth(n).map_or(Ok(()), |a| ed.set_note(a, WORDS[w], NOW)),
                Edit::Retag(n) => nth(n).map_or(Ok(()), |a| ed.retag(a, Tag::Source, NOW)),
                Edit::Resize(n, len) => nth(n).map_or(Ok(()), |a| ed.resize(a, extent(n * 3, len), NOW)),
                Edit::Undo => {
                    ed.undo(NOW);
                    Ok(())
                }
            };
            prop_assert_eq!(index.update(id(99), "title", NOW, ed.workspace()), TextIndexed::Kept);
        }
        let mut fresh = SearchIndex::new();
        fresh.update(id(99), "title", NOW, ed.workspace());
        for q in ["defense", "\"the ministry\"", "tag:claim", "tag:source said", "note:defense", "a in:quote"] {
            let q = Query::parse(q);
            prop_assert_eq!(index.search(&q, usize::MAX), fresh.search(&q, usize::MAX), "{}", q_text(&q));
        }
    }
}

fn q_text(q: &Query) -> String {
    format!("{q:?}")
}
