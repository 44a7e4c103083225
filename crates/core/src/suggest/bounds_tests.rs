use proptest::prelude::*;
use unicode_segmentation::UnicodeSegmentation;

use super::*;

/// The definition, slowly: UAX #29 over the whole text, and either side of an apostrophe
/// where that is between two characters.
fn oracle(text: &str) -> Vec<usize> {
    let mut all: Vec<usize> = text.split_word_bound_indices().map(|(i, _)| i).chain([text.len()]).collect();
    for (i, c) in text.char_indices().filter(|(_, c)| APOSTROPHES.contains(c)) {
        all.extend([i, i + c.len_utf8()].into_iter().filter(|&p| is_grapheme_boundary_at_byte(text, p)));
    }
    all.sort_unstable();
    all.dedup();
    all
}

fn answered(text: &str) -> Vec<usize> {
    let mut bounds = Bounds::new(text);
    text.char_indices().map(|(i, _)| i).chain([text.len()]).filter(|&p| bounds.at(p)).collect()
}

/// `text` with `|` at each boundary.
fn marked(text: &str) -> String {
    let at = answered(text);
    let mut out = String::new();
    for (i, c) in text.char_indices() {
        if at.contains(&i) {
            out.push('|');
        }
        out.push(c);
    }
    out.push('|');
    out
}

#[test]
fn words_as_snapping_has_them_and_apostrophes_split() {
    assert_eq!(marked("the Ministryship"), "|the| |Ministryship|");
    assert_eq!(marked("Ministry's l’Élysée"), "|Ministry|'|s| |l|’|Élysée|");
    assert_eq!(marked("U.S. 3.5, e.g: a_b"), "|U.S|.| |3.5|,| |e.g|:| |a_b|");
    assert_eq!(marked("🤦🏼‍♂️日本 café"), "|🤦🏼‍♂️|日|本| |café|");
    assert_eq!(marked("'\u{301}x"), "|'\u{301}|x|", "no boundary between a mark and its base");
}

/// Chars that each rule is about, ASCII and not.
const ALPHABET: &[char] = &[
    'a', 'Z', '7', '_', '.', ':', ',', ';', '\'', '’', '"', ' ', ' ', '\n', '\t', '-', 'é', '\u{301}', '日',
    'カ', 'א', '🇪', '🇺', '\u{200d}', '👩', '\u{a0}', '\u{202f}', '\u{ad}',
];

proptest! {
    #[test]
    fn the_shortcuts_agree_with_segmenting_the_whole_text(
        picks in proptest::collection::vec(0..ALPHABET.len(), 0..24)
    ) {
        let text: String = picks.iter().map(|&i| ALPHABET[i]).collect();
        prop_assert_eq!(answered(&text), oracle(&text), "{:?}", text);
    }
}
