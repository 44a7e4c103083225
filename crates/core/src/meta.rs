//! The article's metadata: where it was published (its canonical URL and site), by whom,
//! when, in which language, and when it entered the library. Read from a saved page's
//! head (`web_page::page_meta`) or typed in the Article details panel; a pasted or
//! plain-text article has none.
//!
//! Like a document's links it is data *about* the text: it travels with the document
//! (`Document::meta`) but is not part of the text's identity (`Document::sha256`), and
//! changing it is an undoable step of its own (`Editor::set_meta`).

use serde::{Deserialize, Serialize};

/// What is known of where and when an article was published. Every field is empty when
/// unknown; [`ArticleMeta::default`] knows nothing.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields, default)]
pub struct ArticleMeta {
    /// The article's canonical URL, as the page gives it (`<link rel=canonical>`, `og:url`…).
    pub url: String,
    /// Its authors' names, in the page's order, each once.
    pub authors: Vec<String>,
    /// When it was published, as found, normalised by [`normalise_date`] where it can be:
    /// `YYYY-MM-DD` for a date alone, full RFC 3339 (its offset as given) for a time.
    pub published: String,
    /// The publication or site's name (`og:site_name`, the publisher's name…).
    pub site: String,
    /// Its language as a BCP 47 tag (`en-GB`), see [`normalise_language`].
    pub language: String,
    /// When it entered the library: an RFC 3339 time from the caller's clock.
    pub added: String,
}

impl ArticleMeta {
    /// Whether nothing at all is known, `added` included: such a document is written as
    /// the schema before metadata, byte for byte.
    pub fn is_empty(&self) -> bool {
        *self == Self::default()
    }

    /// The same metadata as a person would mean it: every field trimmed, and the authors
    /// without blank or repeated names (case aside; the first spelling is kept).
    pub fn tidied(self) -> Self {
        let mut authors: Vec<String> = Vec::new();
        for name in self.authors {
            let name = squeezed(&name);
            if !name.is_empty() && !authors.iter().any(|a| a.to_lowercase() == name.to_lowercase()) {
                authors.push(name);
            }
        }
        Self {
            url: self.url.trim().to_owned(),
            authors,
            published: self.published.trim().to_owned(),
            site: squeezed(&self.site),
            language: self.language.trim().to_owned(),
            added: self.added.trim().to_owned(),
        }
    }

    /// The year, month and day it was published (the first ten characters of a
    /// normalised date), if `published` starts with one.
    pub fn published_day(&self) -> Option<&str> {
        day_of(&self.published)
    }
}

/// The `YYYY-MM-DD` a date or RFC 3339 time starts with, if it starts with one.
pub fn day_of(date: &str) -> Option<&str> {
    let day = date.get(..10)?;
    (day.as_bytes()[4] == b'-' && parse_ymd(day).is_some()).then_some(day)
}

/// `s` with its runs of white space as single spaces, trimmed (a name across lines in
/// the page's markup is one name).
fn squeezed(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

const MONTHS: [&str; 12] =
    ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];

/// A publication date as found in a page, made regular where it can be read:
/// - a date alone (`2024-03-05`, `2024/03/05`, `20240305`, `March 5, 2024`,
///   `5 March 2024`) becomes `YYYY-MM-DD`;
/// - a date and time with an offset (`2024-03-05T10:22:00+01:00`, `… 10:22Z`, `+0100`)
///   becomes full RFC 3339, `YYYY-MM-DDTHH:MM:SS[.fff]±HH:MM` (or `Z`), the offset kept
///   as given (the page's own time zone, not turned into UTC);
/// - a date and time without an offset names no instant: its date alone is kept (as
///   it is when the time cannot be read);
/// - anything else is kept as found (trimmed): a person can still read it.
pub fn normalise_date(raw: &str) -> String {
    let raw = raw.trim();
    if let Some(date) = iso_date(raw) {
        return date;
    }
    worded_date(raw).unwrap_or_else(|| raw.to_owned())
}

/// Year, month, day of `YYYY-MM-DD` (or with `/`, or none: `YYYYMMDD`), checked for
/// range (not for the month's length: a page's February 30 is its own mistake).
fn parse_ymd(s: &str) -> Option<(u32, u32, u32)> {
    let digits = |t: &str| t.bytes().all(|b| b.is_ascii_digit()).then(|| t.parse::<u32>().ok()).flatten();
    let (y, m, d) = match s.len() {
        8 => (digits(&s[..4])?, digits(&s[4..6])?, digits(&s[6..])?),
        10 => {
            let sep = s.as_bytes()[4];
            if !matches!(sep, b'-' | b'/') || s.as_bytes()[7] != sep {
                return None;
            }
            (digits(&s[..4])?, digits(&s[5..7])?, digits(&s[8..])?)
        }
        _ => return None,
    };
    ((1..=12).contains(&m) && (1..=31).contains(&d)).then_some((y, m, d))
}

/// An ISO 8601 / RFC 3339 date, or date and time, made regular (see [`normalise_date`]).
fn iso_date(raw: &str) -> Option<String> {
    let split = raw.find(['T', 't', ' ']).unwrap_or(raw.len());
    let (y, m, d) = parse_ymd(&raw[..split])?;
    let day = format!("{y:04}-{m:02}-{d:02}");
    let Some(rest) = raw.get(split + 1..).filter(|r| !r.is_empty()) else { return Some(day) };
    Some(time_of_day(rest).map_or(day.clone(), |time| format!("{day}T{time}")))
}

/// `HH:MM[:SS[.fff]]` followed by `Z` or `±HH[:]MM`, as RFC 3339's time part; `None`
/// without an offset, or when it is not a time.
fn time_of_day(rest: &str) -> Option<String> {
    let end = rest.find(['Z', 'z', '+', '-']).unwrap_or(rest.len());
    let (clock, zone) = rest.split_at(end);
    let mut parts = clock.split(':');
    let num = |p: Option<&str>, max: u32| {
        p.filter(|p| p.len() == 2 && p.bytes().all(|b| b.is_ascii_digit()))
            .and_then(|p| p.parse::<u32>().ok())
            .filter(|n| *n <= max)
    };
    let (h, min) = (num(parts.next(), 23)?, num(parts.next(), 59)?);
    let seconds = match parts.next() {
        None => "00".to_owned(),
        Some(s) => {
            let (whole, fraction) = s.split_once('.').unwrap_or((s, ""));
            num(Some(whole), 60)?;
            if !fraction.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            if fraction.is_empty() { whole.to_owned() } else { format!("{whole}.{fraction}") }
        }
    };
    if parts.next().is_some() {
        return None;
    }
    let zone = match zone {
        "Z" | "z" => "Z".to_owned(),
        "" => return None,
        _ => {
            let (sign, hhmm) = zone.split_at(1);
            let hhmm = hhmm.replace(':', "");
            let (oh, om) = (num(hhmm.get(..2), 23)?, num(hhmm.get(2..), 59)?);
            format!("{sign}{oh:02}:{om:02}")
        }
    };
    Some(format!("{h:02}:{min:02}:{seconds}{zone}"))
}

/// `March 5, 2024`, `Mar. 5 2024`, `5 March 2024` (English month names, as newspapers'
/// bylines write them) as `YYYY-MM-DD`.
fn worded_date(raw: &str) -> Option<String> {
    let words: Vec<String> = raw
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let month = |w: &str| MONTHS.iter().position(|m| w.len() >= 3 && w.starts_with(m)).map(|i| i as u32 + 1);
    let day = |w: &str| {
        let w = w.trim_end_matches(|c: char| c.is_ascii_alphabetic()); // 5th, 1st
        w.parse::<u32>().ok().filter(|d| (1..=31).contains(d))
    };
    let year = |w: &str| (w.len() == 4).then(|| w.parse::<u32>().ok()).flatten();
    let (m, d, y) = match words.as_slice() {
        [a, b, c] => match (month(a), month(b)) {
            (Some(m), _) => (m, day(b)?, year(c)?),
            (None, Some(m)) => (m, day(a)?, year(c)?),
            _ => return None,
        },
        _ => return None,
    };
    Some(format!("{y:04}-{m:02}-{d:02}"))
}

/// A language as a BCP 47 tag in its usual case: `en_GB` (Open Graph's locale) and
/// `EN-gb` become `en-GB`, `zh-hant-tw` becomes `zh-Hant-TW`. Blank stays blank.
pub fn normalise_language(raw: &str) -> String {
    let parts: Vec<String> = raw
        .trim()
        .split(['-', '_'])
        .filter(|p| !p.is_empty())
        .enumerate()
        // Subtags are ASCII (RFC 5646), so ASCII case: Unicode's upper-case table would be
        // in the wasm for this alone.
        .map(|(i, p)| match (i, p.len()) {
            (0, _) => p.to_ascii_lowercase(),
            (_, 2) => p.to_ascii_uppercase(),
            (_, 4) => {
                let mut script = p.to_ascii_lowercase();
                // Not sliced: a page's tag may start with a char of two bytes.
                if let Some(first) = script.get_mut(..1) {
                    first.make_ascii_uppercase();
                }
                script
            }
            _ => p.to_ascii_lowercase(),
        })
        .collect();
    parts.join("-")
}

#[cfg(test)]
#[path = "meta_tests.rs"]
mod tests;
