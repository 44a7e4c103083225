//! Runs in headless Chromium (`make browser`): the browser's `Intl.Segmenter` (ICU), which
//! the app installs as the core's segmenter, against UAX #29 (`unicode-segmentation`),
//! which the host, the CLI and the core's tests use. They agree where Unicode's default
//! rules are all there is — Latin, emoji sequences, combining marks, Arabic, Hebrew — and
//! the places where ICU knows more or tailors the rules are listed here, as tests.
#![cfg(target_arch = "wasm32")]

use annotator_core::boundaries::{self, Segmenter};
use annotator_core::text::{Step, step_from};
use article_annotator::dom;
use unicode_segmentation::UnicodeSegmentation;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn icu() -> &'static dyn Segmenter {
    dom::segment::install();
    let s = boundaries::segmenter();
    assert!(s.name().starts_with("intl "), "the browser's segmenter is the one installed");
    s
}

/// `text` with `|` between its pieces, as ICU cuts it (words, or grapheme clusters).
fn by_icu(text: &str, words: bool) -> String {
    let mut starts = Vec::new();
    if words {
        icu().words(text, &mut starts)
    } else {
        icu().graphemes(text, &mut starts)
    }
    let ends = starts.iter().skip(1).copied().chain([text.len()]);
    starts.iter().zip(ends).map(|(&s, e)| &text[s..e]).collect::<Vec<_>>().join("|")
}

/// The same, as UAX #29 cuts it.
fn by_uax29(text: &str, words: bool) -> String {
    let pieces: Vec<&str> =
        if words { text.split_word_bounds().collect() } else { text.graphemes(true).collect() };
    pieces.join("|")
}

#[wasm_bindgen_test]
fn icu_and_uax29_agree_on_latin_emoji_marks_arabic_and_hebrew() {
    let texts = [
        "The Ministry's 3.5% rise, as in 1,000 cases, it's — “shockingly bad”, said O’Neill.",
        "Facepalm 🤦🏼‍♂️ with 👩‍👩‍👧, flags 🇯🇵🇫🇷 and keycap 1️⃣.",
        "Cafe\u{301} n\u{303}o\u{308}\u{301}, and a space with a mark: \u{64e} here.",
        "مَرْحَبًا بِكُم في القاهرة، قال الوزير.",
        "שָׁלוֹם עולם, צה\"ל והמוסד.",
        "first line\nsecond\n\nlast",
    ];
    let mut diffs = vec![];
    for text in texts {
        for words in [false, true] {
            if by_icu(text, words) != by_uax29(text, words) {
                diffs.push(format!("{words}\n icu {}\n uax {}", by_icu(text, words), by_uax29(text, words)));
            }
        }
    }
    assert!(diffs.is_empty(), "{}", diffs.join("\n"));
}

#[wasm_bindgen_test]
fn icu_finds_chinese_and_japanese_words_by_dictionary() {
    // UAX #29 has no rule for ideographs but one at a time (kana join their own script).
    let japanese = "日本の防衛省が発表した";
    assert_eq!(by_uax29(japanese, true), "日|本|の|防|衛|省|が|発|表|し|た");
    assert_eq!(by_icu(japanese, true), "日本|の|防衛|省|が|発表|した");
    assert_eq!(by_icu("中国国防部发言人表示", true), "中国|国防|部|发言|人|表示");
    // Clusters are the same: one ideograph or kana each.
    assert_eq!(by_icu(japanese, false), by_uax29(japanese, false));
}

#[wasm_bindgen_test]
fn icu_splits_letters_around_a_full_stop_or_colon() {
    // UAX #29 (WB6, WB7) keeps `e.g`, `U.S` and `a:b` one word each; Chromium's ICU breaks
    // there, as in a web address, and keeps the digits' rules (`3.5`, `1,000`) and the
    // apostrophe's (`it's`). The suggestions' fast path for ASCII asks the segmenter in
    // these places, so that the app is of one mind.
    let text = "e.g. U.S. a:b 3.5 it's";
    assert_eq!(by_uax29(text, true), "e.g|.| |U.S|.| |a:b| |3.5| |it's");
    assert_eq!(by_icu(text, true), "e|.|g|.| |U|.|S|.| |a|:|b| |3.5| |it's");
}

#[wasm_bindgen_test]
fn word_steps_from_inside_a_word_find_the_whole_lines_words() {
    // ICU's dictionary splits a part of a run otherwise than the run (東京都庁 from after 東
    // is 京都|庁): steps are taken among the words of the whole run, from any position.
    for text in ["東京都庁に行く", "大学生活を楽しむ。日本の防衛省が発表した", "ab 東京都庁 cd"]
    {
        let mut starts = Vec::new();
        icu().words(text, &mut starts);
        let ends = starts.iter().skip(1).copied().chain([text.len()]);
        let words: Vec<(usize, usize)> = starts
            .iter()
            .copied()
            .zip(ends)
            .filter(|&(s, e)| text[s..e].chars().any(char::is_alphanumeric))
            .collect();
        for (at, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let end_after = words.iter().find(|w| w.1 > at).map_or(text.len(), |w| w.1);
            let start_before = words.iter().rev().find(|w| w.0 < at).map_or(0, |w| w.0);
            assert_eq!(step_from(text, at, Step::WordEndAfter), end_after, "{text} from {at}");
            assert_eq!(step_from(text, at, Step::WordStartBefore), start_before, "{text} from {at}");
        }
    }
}
