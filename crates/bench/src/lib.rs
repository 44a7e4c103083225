//! Seeded, realistic benchmark material: articles of a given length and spans over them
//! with the overlaps real close reading produces (nested, crossing, one hot spot).
//!
//! Everything is a pure function of its seed (ChaCha8, which is portable across platforms
//! and versions), so a benchmark run on another machine measures the very same document.

pub mod library;

use std::ops::{Range, RangeInclusive};

use annotator_core::suggest::{Dictionary, normalise};
use annotator_core::{AnnotationId, Document, Editor, Tag, Workspace};
use rand::{Rng, SeedableRng};
use rand_chacha::ChaCha8Rng;

/// Every annotation gets this time, so files differ only where the seed says.
pub const TIME: &str = "2026-01-01T00:00:00.000Z";

const WORDS: &[&str] = &[
    "the",
    "of",
    "and",
    "to",
    "in",
    "a",
    "that",
    "is",
    "for",
    "it",
    "as",
    "was",
    "with",
    "on",
    "by",
    "he",
    "she",
    "they",
    "said",
    "at",
    "from",
    "his",
    "her",
    "an",
    "were",
    "are",
    "which",
    "this",
    "be",
    "had",
    "not",
    "have",
    "but",
    "their",
    "has",
    "would",
    "been",
    "more",
    "than",
    "its",
    "after",
    "year",
    "people",
    "government",
    "minister",
    "report",
    "data",
    "percent",
    "million",
    "council",
    "police",
    "company",
    "market",
    "health",
    "school",
    "water",
    "city",
    "country",
    "election",
    "policy",
    "budget",
    "study",
    "researchers",
    "according",
    "officials",
    "spokesperson",
    "evidence",
    "claimed",
    "announced",
    "rose",
    "fell",
    "increase",
    "decline",
    "figures",
    "statement",
    "interview",
    "court",
    "ruling",
    "investigation",
    "hospital",
    "patients",
    "climate",
    "energy",
    "prices",
    "workers",
    "union",
    "strike",
    "housing",
    "rent",
    "café",
    "naïve",
    "résumé",
    "coöperation",
    "façade",
    "Zürich",
    "São",
    "Paulo",
    "Kraków",
    "Ōsaka",
    "quarter",
    "between",
    "during",
    "however",
    "although",
    "because",
    "while",
    "since",
    "before",
    "under",
];
const NAMES: &[&str] = &[
    "Amina Diallo",
    "Jonas Berg",
    "María López",
    "Chen Wei",
    "Priya Raman",
    "Olusegun Adeyemi",
    "Sofia Rossi",
    "the Ministry of Finance",
    "the World Health Organization",
    "Reuters",
    "the Office for National Statistics",
    "Dr. Hana Kobayashi",
    "Mayor Ines Duarte",
    "the Central Bank",
    "Professor Tomás Ferreira",
];
/// Rare, but present: text whose UTF-16 length differs from its code points.
const EXTRAS: &[&str] = &["📈", "🇪🇺", "👩‍🔬", "—", "…", "“", "”", "’"];

/// The article lengths the harness uses, in words.
pub const SIZES: [(&str, usize); 4] =
    [("news", 2_000), ("long", 20_000), ("book", 100_000), ("epic", 600_000)];

/// Appends a sentence; returns how many words it added.
fn sentence(rng: &mut ChaCha8Rng, out: &mut String) -> usize {
    let from = out.len();
    let len = rng.random_range(8..30);
    for i in 0..len {
        if i > 0 {
            out.push(' ');
        }
        let roll = rng.random_range(0..100);
        let word = if roll < 4 {
            NAMES[rng.random_range(0..NAMES.len())]
        } else if roll < 6 {
            EXTRAS[rng.random_range(0..EXTRAS.len())]
        } else if roll < 9 {
            out.push_str(&rng.random_range(2..99_000).to_string());
            continue;
        } else {
            WORDS[rng.random_range(0..WORDS.len())]
        };
        if i == 0 {
            let mut chars = word.chars();
            if let Some(first) = chars.next() {
                out.extend(first.to_uppercase());
                out.push_str(chars.as_str());
            }
        } else {
            out.push_str(word);
        }
        if i + 1 < len && rng.random_range(0..12) == 0 {
            out.push(',');
        }
    }
    out.push(if rng.random_range(0..15) == 0 { '?' } else { '.' });
    if rng.random_range(0..8) == 0 {
        out.push_str(" “");
        let who = NAMES[rng.random_range(0..NAMES.len())];
        out.push_str("We have seen nothing like it,” said ");
        out.push_str(who);
        out.push('.');
    }
    out[from..].split_whitespace().count()
}

/// An article of about `words` words: a title, paragraphs of 30–180 words, an occasional
/// heading, the odd emoji and accented name.
pub fn article(words: usize, seed: u64) -> Document {
    let mut rng = ChaCha8Rng::seed_from_u64(seed);
    let mut text = String::with_capacity(words * 7);
    let mut total = 0;
    while total < words {
        if !text.is_empty() {
            text.push_str("\n\n");
        }
        if rng.random_range(0..12) == 0 {
            text.push_str("Section ");
            text.push_str(&rng.random_range(1..40).to_string());
            text.push_str("\n\n");
        }
        let target = rng.random_range(30..180).min(words - total).max(1);
        let mut in_paragraph = 0;
        while in_paragraph < target {
            if in_paragraph > 0 {
                text.push(' ');
            }
            in_paragraph += sentence(&mut rng, &mut text);
        }
        total += in_paragraph;
    }
    Document::new(&format!("Benchmark article, {words} words (seed {seed})"), &text)
}

/// Code-point ranges of the words of `text`, in order.
fn word_ranges(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text.chars().enumerate() {
        match (c.is_alphanumeric(), start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(s..i);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(s..text.chars().count());
    }
    out
}

fn pick_tag(rng: &mut ChaCha8Rng) -> Tag {
    match rng.random_range(0..10) {
        0..4 => Tag::Entity,
        4..8 => Tag::Claim,
        _ => Tag::Source,
    }
}

/// `n` spans over `doc`: a tenth on one sentence (the hot spot, at most 1,000), 5 % in
/// groups nested 5 deep, 5 % in crossing pairs, the rest 1–12 words anywhere.
pub fn spans(doc: &Document, n: usize, seed: u64) -> Workspace {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0x5eed);
    let words = word_ranges(doc.text());
    let mut ranges: Vec<Range<usize>> = Vec::with_capacity(n);
    let span =
        |from: usize, count: usize| words[from].start..words[(from + count - 1).min(words.len() - 1)].end;
    let room = words.len().saturating_sub(20).max(1);
    if n >= 1_000 {
        let at = rng.random_range(0..room);
        ranges.extend(std::iter::repeat_n(span(at, 12), (n / 10).min(1_000)));
    }
    for _ in 0..n * 5 / 100 / 5 {
        let at = rng.random_range(0..room);
        ranges.extend((0..5).map(|depth| span(at + depth, 15 - 3 * depth)));
    }
    for _ in 0..n * 5 / 100 / 2 {
        let at = rng.random_range(0..room);
        ranges.extend([span(at, 6), span(at + 3, 7)]);
    }
    while ranges.len() < n {
        let at = rng.random_range(0..room);
        let len = rng.random_range(1..=12);
        ranges.push(span(at, len));
    }
    let mut editor = Editor::new(Workspace::new(doc.clone()));
    let added: Vec<_> = ranges
        .into_iter()
        .map(|r| (r, pick_tag(&mut rng), AnnotationId::from_random_bytes(rng.random())))
        .collect();
    for (range, tag, id) in added {
        editor.add(range, tag, id, TIME).expect("generated spans are on word boundaries");
    }
    editor.workspace().clone()
}

/// Syllables of made-up names: the people and places a library knows that a given
/// article never mentions.
const SYLLABLES: &[&str] =
    &["ka", "lo", "ven", "ter", "by", "mar", "isa", "dru", "fen", "ol", "pa", "ri", "sto", "zel"];

/// A made-up name of two words, each of two or three syllables: "Kaven Terbyol".
fn made_up_name(rng: &mut ChaCha8Rng) -> String {
    let mut word = || {
        let word: String =
            (0..rng.random_range(2..=3)).map(|_| SYLLABLES[rng.random_range(0..SYLLABLES.len())]).collect();
        word[..1].to_uppercase() + &word[1..]
    };
    format!("{} {}", word(), word())
}

/// A dictionary of exactly `entries` different texts, as a library's tags would teach it:
/// `found` of them `words` words at a time of a 100,000-word article of its own (of the
/// same vocabulary as [`article`]'s, so they are found in any of them, often), the rest
/// made-up names (found in none); tagged entity (typed) or source, in workspaces of 2,000
/// annotations each. All `found`, from 1 word on, is the worst case: every word of the
/// vocabulary (but the stop-words) is an entry, and a third of an article's words are
/// suggested.
pub fn dictionary(entries: usize, found: usize, words: RangeInclusive<usize>, seed: u64) -> Dictionary {
    let mut rng = ChaCha8Rng::seed_from_u64(seed ^ 0xd1c7);
    let doc = article(100_000, seed ^ 0xd1c7);
    let all = word_ranges(doc.text());
    let mut seen = std::collections::HashSet::new();
    let mut ranges: Vec<Range<usize>> = Vec::with_capacity(found);
    while ranges.len() < found {
        let at = rng.random_range(0..all.len() - words.end());
        let range = all[at].start..all[at + rng.random_range(words.clone()) - 1].end;
        if seen.insert(normalise(doc.slice(range.start, range.end))) {
            ranges.push(range);
        }
    }
    let mut names = Vec::new();
    while names.len() < entries - found {
        let name = made_up_name(&mut rng);
        if seen.insert(name.clone()) {
            names.push(name);
        }
    }
    let names = Document::new("Names", &names.join(".\n"));
    let named = word_ranges(names.text()).chunks(2).map(|w| w[0].start..w[1].end).collect::<Vec<_>>();
    let mut workspaces = Vec::new();
    for (on, ranges) in [(&doc, ranges), (&names, named)] {
        for chunk in ranges.chunks(2_000) {
            let mut editor = Editor::new(Workspace::new(on.clone()));
            for range in chunk {
                let (tag, kind) = match rng.random_range(0..3) {
                    0 => (Tag::Source, ""),
                    1 => (Tag::Entity, "person"),
                    _ => (Tag::Entity, "organisation"),
                };
                let id = AnnotationId::from_random_bytes(rng.random());
                editor.add(range.clone(), tag, id, TIME).expect("words are whole");
                editor.set_entity_type(id, kind, TIME).expect("just added");
            }
            workspaces.push(editor.workspace().clone());
        }
    }
    let dict = Dictionary::from_workspaces(&workspaces);
    assert_eq!(dict.len(), entries, "each text was taught once");
    dict
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_same_seed_gives_the_same_material() {
        let a = article(2_000, 7);
        assert_eq!(a, article(2_000, 7));
        assert_ne!(a, article(2_000, 8));
        assert_eq!(spans(&a, 1_000, 7), spans(&a, 1_000, 7));
    }

    #[test]
    fn sizes_and_overlaps_are_as_documented() {
        let doc = article(20_000, 1);
        let words = doc.text().split_whitespace().count();
        assert!((20_000..20_500).contains(&words), "{words} words");
        let ws = spans(&doc, 1_000, 1);
        let all = ws.annotations();
        assert_eq!(all.len(), 1_000);
        let mut same = std::collections::HashMap::new();
        for a in all {
            *same.entry(a.range()).or_insert(0) += 1;
        }
        assert_eq!(same.values().max(), Some(&100), "the hot spot has a tenth of the spans");
        // Some span lies inside four others.
        assert!(all.iter().any(|a| {
            all.iter()
                .filter(|b| b.start <= a.start && a.end <= b.end && b.id != a.id && b.range() != a.range())
                .count()
                >= 4
        }));
    }
}
