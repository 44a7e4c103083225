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
