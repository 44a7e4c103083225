//! The words the index knows: word snapping's segmentation (`crate::boundaries`), the
//! pieces with a letter or digit kept, each folded so that case and accents never keep a
//! word from being found; Chinese and Japanese split a character at a time, as they are
//! written without spaces. Positions are code points of the original text.

use unicode_normalization::char::{canonical_combining_class, decompose_canonical, is_combining_mark};

/// One word of a text: its folded form and where it is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// Lowercased, accents taken off (`"Défense"` → `"defense"`): what the index compares.
    pub folded: Box<str>,
    /// First code point of the word in the original text.
    pub start: usize,
    /// One past its last code point (half-open).
    pub end: usize,
}

/// Every word of `text`, in order, folded (see [`Token`]). Punctuation, spaces and emoji
/// are not words; each Han ideograph and each kana is a word of its own.
pub fn tokens(text: &str) -> Vec<Token> {
    let mut out = Vec::new();
    scan(text, |piece| {
        out.push(Token { folded: piece.folded.into(), start: piece.start, end: piece.end });
    });
    out
}

/// A word as [`scan`] hands it over: the folded form is only borrowed, so that indexing a
/// long text allocates nothing per word.
pub(super) struct Piece<'a> {
    pub folded: &'a str,
    pub start: usize,
    pub end: usize,
    /// A line break lies between this word and the one before: each line is a paragraph,
    /// and a phrase is never found across one (as suggestions never are).
    pub after_break: bool,
}

/// Calls `each` for every word of `text`, in order (the words [`tokens`] lists).
pub(super) fn scan(text: &str, mut each: impl FnMut(Piece<'_>)) {
    let mut at = 0; // code points before the current piece
    let mut broke = false;
    let mut folded = String::new();
    for (_, piece) in crate::boundaries::words(text) {
        let len = if piece.is_ascii() { piece.len() } else { piece.chars().count() };
        if !piece.chars().any(char::is_alphanumeric) {
            broke |= piece.contains('\n');
            at += len;
            continue;
        }
        // Runs of the piece: a CJK character alone (with the marks that follow it), or
        // the longest stretch of anything else.
        let mut run_start = at;
        let mut run_cjk = false;
        let mut wordy = false;
        folded.clear();
        let mut flush = |folded: &mut String, start: usize, end: usize, wordy: bool, broke: &mut bool| {
            if wordy && !folded.is_empty() {
                each(Piece { folded, start, end, after_break: *broke });
                *broke = false;
            }
            folded.clear();
        };
        for (i, c) in piece.chars().enumerate() {
            let here = at + i;
            let cjk = is_cjk(c);
            let joins_cjk = run_cjk && here > run_start && is_attached(c);
            if here > run_start && !joins_cjk && (cjk || run_cjk) {
                flush(&mut folded, run_start, here, wordy, &mut broke);
                (run_start, wordy) = (here, false);
            }
            if here == run_start {
                run_cjk = cjk;
            }
            wordy |= c.is_alphanumeric();
            fold_into(c, &mut folded);
        }
        flush(&mut folded, run_start, at + len, wordy, &mut broke);
        at += len;
    }
}

/// The folded form of `s`: its words' folded forms, each as [`tokens`] gives it, joined by
/// single spaces (entity types and tag names are compared this way).
pub(super) fn fold_words(s: &str) -> String {
    let mut out = String::new();
    scan(s, |p| {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(p.folded);
    });
    out
}

/// Appends `c` folded: lowercased and canonically decomposed, its diacritics dropped.
fn fold_into(c: char, out: &mut String) {
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Apostrophes: a typographic one must find the typewriter's ("don’t", "don't").
    if matches!(c, '\u{2019}' | '\u{02BC}') {
        out.push('\'');
        return;
    }
    // Hangul syllables decompose into jamo: nothing to drop, and twice as long to compare.
    if ('\u{AC00}'..='\u{D7A3}').contains(&c) {
        out.push(c);
        return;
    }
    decompose_canonical(c, |d| {
        for l in d.to_lowercase() {
            if !is_diacritic(l) {
                out.push(l);
            }
        }
    });
}

/// An accent, which folding drops: a combining mark whose combining class is one of the
/// classes of accents (200 and up: above, below, attached — every Latin, Greek and
/// Cyrillic diacritic), of Hebrew points (10–26) or of Arabic harakat (27–35). Not every
/// mark is an accent: `is_combining_mark` counts the spacing vowel signs of Indic scripts
/// (`General_Category=Mc`, class 0), and viramas (9), nuktas (7), the kana voicing marks
/// (8: が is another sound than か) and the vowels of other scripts (36–199) are letters of
/// their words too, so all these are kept.
fn is_diacritic(c: char) -> bool {
    matches!(canonical_combining_class(c), 10..=35 | 200..) && is_combining_mark(c)
}

/// Whether `c` belongs to the CJK character before it: a mark, or a variation selector.
fn is_attached(c: char) -> bool {
    is_combining_mark(c) || ('\u{FE00}'..='\u{FE0F}').contains(&c) || ('\u{E0100}'..='\u{E01EF}').contains(&c)
}

/// Han ideographs and kana: scripts written without spaces between words, so each
/// character is indexed alone and a word is found as a phrase of them.
fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3005}' | '\u{3007}'                 // 々 and 〇
        | '\u{3040}'..='\u{309F}'               // Hiragana
        | '\u{30A0}'..='\u{30FF}'               // Katakana
        | '\u{31F0}'..='\u{31FF}'               // Katakana phonetic extensions
        | '\u{3400}'..='\u{4DBF}'               // CJK extension A
        | '\u{4E00}'..='\u{9FFF}'               // CJK unified ideographs
        | '\u{F900}'..='\u{FAFF}'               // CJK compatibility ideographs
        | '\u{FF66}'..='\u{FF9F}'               // Halfwidth katakana
        | '\u{1B000}'..='\u{1B16F}'             // Kana supplement and extension A
        | '\u{20000}'..='\u{3134F}'             // CJK extensions B–G, compatibility supplement
    ) && !is_combining_mark(c)
}
