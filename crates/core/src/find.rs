//! Finding text: every match of a query in the article, highlighted as you type.

use std::ops::Range;

use crate::offsets::char_len;

/// Most matches reported; past this the count says "1000+".
pub const MATCH_LIMIT: usize = 1000;

/// Lowercases a char when it stays one char, so positions in the folded text map one to
/// one onto the original (`İ` lowercases to two chars and is left as it is). The
/// sidebar's filter folds alike, so that both find the same words.
pub(crate) fn fold(c: char) -> char {
    let mut lower = c.to_lowercase();
    match (lower.next(), lower.next()) {
        (Some(l), None) => l,
        _ => c,
    }
}

/// Code point ranges of every case-insensitive match of `query` in `text`, in order,
/// not overlapping, at most `MATCH_LIMIT`. A blank query matches nothing.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle: String = query.chars().map(fold).collect();
    if needle.trim().is_empty() {
        return Vec::new();
    }
    let hay: String = text.chars().map(fold).collect();
    let len = needle.chars().count();
    let mut out = Vec::new();
    let (mut byte, mut chars) = (0, 0);
    for (at, _) in hay.match_indices(&needle).take(MATCH_LIMIT) {
        chars += char_len(&hay[byte..at]);
        byte = at;
        out.push(chars..chars + len);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_every_match_in_code_points_ignoring_case() {
        let text = "🤦🏼‍♂️ Tokyo said TOKYO; tokyo.";
        assert_eq!(find_all(text, "tokyo"), vec![6..11, 17..22, 24..29]);
        assert_eq!(find_all(text, "  "), Vec::<Range<usize>>::new());
        assert_eq!(find_all("İstanbul istanbul", "istanbul"), vec![9..17], "İ is not folded to two chars");
        assert_eq!(find_all("aaaa", "aa"), vec![0..2, 2..4]);
        assert_eq!(find_all(&"x ".repeat(2000), "x").len(), MATCH_LIMIT);
    }
}
