use super::tokens::fold_words;
use super::*;
use crate::test_support::span;

/// The folded words of `text`.
fn words(text: &str) -> Vec<String> {
    tokens(text).into_iter().map(|t| t.folded.into_string()).collect()
}

#[test]
fn case_and_accents_fold_away() {
    assert_eq!(words("Défense DEFENSE defense"), ["defense", "defense", "defense"]);
    assert_eq!(words("Ōsaka Zürich façade naïve São"), ["osaka", "zurich", "facade", "naive", "sao"]);
    // Already decomposed: the combining acute goes the same way.
    assert_eq!(words("cafe\u{301} CAFÉ"), ["cafe", "cafe"]);
    assert_eq!(words("İstanbul"), ["istanbul"], "the dot lowercasing adds is an accent too");
    assert_eq!(words("ΚΑΛΗΜΈΡΑ Москва Việt"), ["καλημερα", "москва", "viet"]);
    assert_eq!(words("don’t don't"), ["don't", "don't"], "typographic apostrophes fold");
}

#[test]
fn letters_that_are_marks_are_kept() {
    // Devanagari vowel signs are spacing marks (Mc), the virama a non-spacing one (Mn):
    // letters of the word, not accents.
    assert_eq!(words("हिन्दी किताब"), ["हिन्दी", "किताब"]);
    assert_ne!(fold_words("कि"), fold_words("का"));
    // The kana voicing mark tells が from か.
    assert_ne!(fold_words("が"), fold_words("か"));
    assert_eq!(fold_words("か\u{3099}"), fold_words("が"), "decomposed or not");
    // Hebrew points and Arabic harakat are accents.
    assert_eq!(fold_words("שָׁלוֹם"), "שלום");
    assert_eq!(fold_words("مَرْحَبًا"), "مرحبا");
}

#[test]
fn positions_are_code_points_of_the_original() {
    let text = "𝒳 defense — the Défense 🤦🏼‍♂️ ministry";
    let found = tokens(text);
    let spans: Vec<_> = found.iter().map(|t| t.start..t.end).collect();
    assert_eq!(
        spans,
        [
            span(text, "𝒳"),
            span(text, "defense"),
            span(text, "the"),
            span(text, "Défense"),
            span(text, "ministry")
        ]
    );
    assert_eq!(found[1].start, 2, "the astral 𝒳 is one code point");
    let decomposed = "e\u{301}te\u{301} x";
    let t = tokens(decomposed);
    assert_eq!((t[0].start, t[0].end, &*t[0].folded), (0, 5, "ete"), "marks count as code points");
}

#[test]
fn punctuation_spaces_and_emoji_are_not_words() {
    assert_eq!(words("“Hello,” she said — 📉 5% 🇪🇺 … !!"), ["hello", "she", "said", "5"]);
    assert!(tokens("🤦🏼‍♂️ — … 📈").is_empty());
    assert!(tokens("").is_empty());
    assert_eq!(words("U.S. e-mail 2,000 foo:bar"), ["u.s", "e", "mail", "2,000", "foo:bar"]);
}

#[test]
fn cjk_is_a_word_a_character() {
    let text = "日本の防衛省が発表した";
    let each: Vec<String> = text.chars().map(|c| fold_words(&c.to_string())).collect();
    assert_eq!(words(text), each);
    assert_eq!(words(text).len(), 11);
    // Katakana come from the segmenter as one run; they are split too.
    assert_eq!(words("カタカナ abc"), ["カ", "タ", "カ", "ナ", "abc"]);
    let t = tokens("東京タワー");
    assert_eq!(
        t.iter().map(|t| (t.start, t.end)).collect::<Vec<_>>(),
        [(0, 1), (1, 2), (2, 3), (3, 4), (4, 5)]
    );
    // A variation selector stays with its ideograph.
    let t = tokens("葛\u{E0100}飾");
    assert_eq!(t.iter().map(|t| (t.start, t.end)).collect::<Vec<_>>(), [(0, 2), (2, 3)]);
    // Hangul keeps its words whole (Korean is written with spaces).
    assert_eq!(words("한국 국방부"), ["한국", "국방부"]);
}

#[test]
fn folded_words_join_with_single_spaces() {
    assert_eq!(fold_words("  Political   Party! "), "political party");
    assert_eq!(fold_words("direct-quote"), "direct quote");
}
