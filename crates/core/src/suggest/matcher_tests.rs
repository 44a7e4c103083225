use std::cmp::Reverse;

use proptest::prelude::*;

use super::*;
use crate::suggest::haystack::key;

/// The definition, slowly: every key at every place, kept when both its ends are word
/// boundaries, then leftmost-longest without overlaps. As (bytes, key index).
fn oracle(keys: &[String], text: &str, fold: bool) -> Vec<(Range<usize>, usize)> {
    let hay = Haystack::new(text, fold);
    let mut bounds = Bounds::new(text);
    let mut all = Vec::new();
    for (at, _) in hay.text().char_indices() {
        for (i, k) in keys.iter().enumerate().filter(|(_, k)| hay.text()[at..].starts_with(k.as_str())) {
            let bytes = hay.original(at)..hay.original(at + k.len());
            if bounds.at(bytes.start) && bounds.at(bytes.end) {
                all.push((bytes, i));
            }
        }
    }
    all.sort_by_key(|(r, _)| (r.start, Reverse(r.end)));
    let mut free_from = 0;
    all.retain(|(r, _)| {
        let free = r.start >= free_from;
        if free {
            free_from = r.end;
        }
        free
    });
    all
}

fn found(keys: &[String], text: &str, fold: bool) -> Vec<(Range<usize>, usize)> {
    let doc = Document::new("t", text);
    Matcher::new(keys, fold)
        .find(&doc)
        .into_iter()
        .map(|hit| {
            assert_eq!(hit.chars, doc.char_of(hit.bytes.start)..doc.char_of(hit.bytes.end));
            (hit.bytes, hit.key)
        })
        .collect()
}

/// Chars texts and keys are made of: words that nest ("a", "ab", "a b"), case, an
/// accent, an apostrophe, a line break.
const CHARS: &[char] = &['a', 'b', 'A', 'B', 'é', 'É', ' ', ' ', '\n', '\'', '.', '\u{a0}'];

fn string(picks: &[usize]) -> String {
    picks.iter().map(|&i| CHARS[i]).collect()
}

proptest! {
    #[test]
    fn the_search_finds_what_trying_every_place_finds(
        text in proptest::collection::vec(0..CHARS.len(), 0..40),
        keys in proptest::collection::vec(proptest::collection::vec(0..CHARS.len(), 1..5), 1..6),
        fold in any::<bool>(),
    ) {
        let text = string(&text);
        let mut keys: Vec<String> = keys.iter().map(|k| key(&string(k), fold)).filter(|k| !k.is_empty()).collect();
        keys.sort();
        keys.dedup();
        prop_assert_eq!(found(&keys, &text, fold), oracle(&keys, &text, fold), "{:?} in {:?}", keys, text);
    }
}

#[test]
fn no_keys_find_nothing() {
    assert!(found(&[], "anything", false).is_empty());
}

#[test]
fn no_match_crosses_a_paragraph_break_of_any_white_space() {
    let keys = ["defense ministry".to_owned()];
    for text in
        ["Defense \n Ministry", "Defense\n\nMinistry", "Defense \t\n\u{a0}Ministry", "DEFENSE\r\nMINISTRY"]
    {
        assert!(found(&keys, text, true).is_empty(), "{text:?}");
    }
    assert_eq!(
        found(&keys, "Defense \u{a0} MINISTRY", true).len(),
        1,
        "a run without a line break is one space"
    );
}
