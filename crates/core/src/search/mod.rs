//! Searching the whole library. So far, what it searches for: the words of a text
//! ([`tokens`]) and queries typed as Hypothesis's are ([`Query`]).
//!
//! Words are word snapping's (UAX #29 word bounds), folded: lowercased and stripped of
//! accents, so "Défense" finds "defense" and "DEFENSE"; each Han ideograph and kana is a
//! word, so 防衛省 is found as a phrase of three inside 日本の防衛省が発表した.

mod query;
mod results;
mod tokens;

pub use query::{Phrase, Query};
pub use results::Field;
pub use tokens::{Token, tokens};

#[cfg(test)]
mod query_tests;
#[cfg(test)]
mod tokens_tests;
