//! The text as the automaton reads it, and the way back to the article's own positions.
//!
//! Dictionary keys are whitespace-normalised (one space between words), and lowercased
//! when matching ignores case; the article is read the same way, so that "Defense
//! Ministry" finds "Defense  Ministry" and, ignoring case, "DEFENSE MINISTRY". A run of
//! white space that holds a line break reads as a line break, which no key contains: a
//! match never crosses a paragraph (a run of line breaks and spaces alone is read as it
//! is, so that a book's paragraphs cost nothing; any other reads as one `\n`).

use std::borrow::Cow;

/// One char as matching compares it: itself, or when folding its lowercase, one for one
/// (the first char of a longer lowercase: `İ` folds to `i`), so that folding never
/// changes where chars start, only their UTF-8 lengths. Unlike ASCII-only folding this
/// covers `É`/`é`, `Ü`/`ü`, `Σ`/`σ`; it is not full Unicode case folding (`ß` is not `ss`).
pub(super) fn fold_char(c: char, fold: bool) -> char {
    if fold && !c.is_lowercase() { c.to_lowercase().next().unwrap_or(c) } else { c }
}

/// `text` as a dictionary key: white space runs as one space, none at either end; each
/// char folded when `fold`.
pub(super) fn key(text: &str, fold: bool) -> String {
    let mut out = String::with_capacity(text.len());
    for word in text.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.extend(word.chars().map(|c| fold_char(c, fold)));
    }
    out
}

/// The article's text as matching reads it, with where each of its bytes came from.
pub(super) struct Haystack<'a> {
    /// What the automaton runs over: the text itself when reading it changes nothing.
    text: Cow<'a, str>,
    /// `(byte here, byte in the article)` wherever the distance between the two changes
    /// (after a folded char of another length, after a white space run): between two
    /// anchors the bytes correspond one for one. Sorted; an implicit `(0, 0)` comes first.
    anchors: Vec<(usize, usize)>,
}

impl<'a> Haystack<'a> {
    /// The haystack of `text`: white space runs read as one space, those with a line break
    /// as they are when made of spaces and line breaks alone, else as one `\n`; every char
    /// folded when `fold`.
    pub(super) fn new(text: &'a str, fold: bool) -> Self {
        let bytes = text.as_bytes();
        // Made only once reading changes something (from the start when folding): most
        // texts read as they are when case matters.
        let mut out: Option<Vec<u8>> = fold.then(|| Vec::with_capacity(text.len()));
        let mut anchors = Vec::new();
        let mut at = 0;
        while at < bytes.len() {
            // Printable ASCII and single spaces between words, nearly all of a text: byte
            // for byte, no anchor needed.
            let printable = |b: &u8| (0x21..0x80).contains(b);
            if printable(&bytes[at]) || (bytes[at] == b' ' && bytes.get(at + 1).is_some_and(printable)) {
                if let Some(out) = &mut out {
                    out.push(if fold { bytes[at].to_ascii_lowercase() } else { bytes[at] });
                }
                at += 1;
                continue;
            }
            let c = text[at..].chars().next().expect("at is a char boundary");
            let mut end = at + c.len_utf8();
            let mut folded = [0; 4];
            let read: &[u8] = if c.is_whitespace() {
                let (mut newline, mut plain) = (c == '\n', matches!(c, ' ' | '\n'));
                while let Some(d) = text[end..].chars().next().filter(|d| d.is_whitespace()) {
                    newline |= d == '\n';
                    plain &= matches!(d, ' ' | '\n');
                    end += d.len_utf8();
                }
                match (newline, plain) {
                    // As the text has it: no key holds a line break, and no anchor is
                    // needed (a book has one a paragraph).
                    (true, true) => &bytes[at..end],
                    (true, false) => b"\n",
                    (false, _) => b" ",
                }
            } else {
                fold_char(c, fold).encode_utf8(&mut folded).as_bytes()
            };
            if out.is_none() && read != &bytes[at..end] {
                let mut copy = Vec::with_capacity(text.len());
                copy.extend_from_slice(&bytes[..at]);
                out = Some(copy);
            }
            if let Some(out) = &mut out {
                out.extend_from_slice(read);
                let moved = anchors
                    .last()
                    .map_or(0, |&(here, there): &(usize, usize)| there as isize - here as isize);
                if end as isize - out.len() as isize != moved {
                    anchors.push((out.len(), end));
                }
            }
            at = end;
        }
        match out {
            None => Self { text: Cow::Borrowed(text), anchors },
            Some(out) => {
                Self { text: Cow::Owned(String::from_utf8(out).expect("made of whole chars")), anchors }
            }
        }
    }

    /// What the automaton runs over.
    pub(super) fn text(&self) -> &str {
        &self.text
    }

    /// The article's byte offset for byte `at` of the haystack (a char boundary).
    pub(super) fn original(&self, at: usize) -> usize {
        let i = self.anchors.partition_point(|&(here, _)| here <= at);
        match i.checked_sub(1).map(|i| self.anchors[i]) {
            None => at,
            Some((here, there)) => there + (at - here),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every char boundary of the haystack maps back to the start of the char it came from.
    fn round_trips(text: &str, fold: bool) {
        let hay = Haystack::new(text, fold);
        let mut previous = None;
        for (at, c) in hay.text().char_indices().chain([(hay.text().len(), ' ')]) {
            let there = hay.original(at);
            assert!(text.is_char_boundary(there), "{at} → {there} in {text:?}");
            assert!(previous < Some(there), "positions keep their order");
            previous = Some(there);
            if at < hay.text().len() && !c.is_whitespace() {
                let orig = text[there..].chars().next().unwrap();
                assert_eq!(fold_char(orig, fold), c, "the char itself, folded");
            }
        }
    }

    #[test]
    fn white_space_runs_read_as_one_space_and_line_breaks_as_one_newline() {
        let hay = Haystack::new("Defense \u{a0} Ministry\tsaid\n\n  Then\n\t\nNow", false);
        assert_eq!(hay.text(), "Defense Ministry said\n\n  Then\nNow");
        // Paragraph breaks made of line breaks and spaces are kept: no anchor each.
        let folded = Haystack::new("One.\n\nTwo.\n \nThree.", true);
        assert_eq!((folded.text(), folded.anchors.len()), ("one.\n\ntwo.\n \nthree.", 0));
        assert_eq!(key("  Defense\n Ministry ", false), "Defense Ministry");
        round_trips("Defense \u{a0} Ministry\tsaid\n\n  Then", false);
        // Single spaces and runs with a line break already read right: the text is used.
        assert!(matches!(Haystack::new("Defense Ministry \n\n said", false).text, Cow::Borrowed(_)));
        assert!(matches!(Haystack::new("Defense.\n  Indented, \n", false).text, Cow::Borrowed(_)));
        for odd in ["Defense  Ministry", "a\tb", "a\u{a0}b", "a\u{2009}b", "a\u{3000}b", "a\u{85}b"] {
            assert!(matches!(Haystack::new(odd, false).text, Cow::Owned(_)), "{odd:?}");
        }
        assert!(matches!(Haystack::new("é — 日本 🤦🏼‍♂️", false).text, Cow::Borrowed(_)));
        // Copied only for white space read otherwise, for every char (white space or not).
        for c in (char::MIN..=char::MAX).step_by(7).chain(('\0'..='\u{3000}').filter(|c| c.is_whitespace())) {
            let odd = c.is_whitespace() && !matches!(c, ' ' | '\n');
            assert_eq!(matches!(Haystack::new(&format!("é{c}x"), false).text, Cow::Owned(_)), odd, "{c:?}");
        }
    }

    #[test]
    fn folding_is_one_char_for_one_whatever_its_length() {
        // The Kelvin sign (3 bytes) folds to k (1 byte); İ (2 bytes) to i (1 byte).
        let text = "\u{212a}elvin İSTANBUL Élysée ΣΟΦΙΑ 🤦🏼‍♂️ ok";
        let hay = Haystack::new(text, true);
        assert_eq!(hay.text(), "kelvin istanbul élysée σοφια 🤦🏼‍♂️ ok");
        assert_eq!(hay.text().chars().count(), text.chars().count());
        round_trips(text, true);
        round_trips("ÉÉ  \n x", true);
        assert_eq!(key("ZÜRICH", true), "zürich");
    }
}
