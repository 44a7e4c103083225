//! How far a claim has been checked: the one home of `ClaimStatus` (the crate root
//! re-exports it; no other module does).

use serde::{Deserialize, Serialize};

/// How far a claim has been checked. Meaningful on claims only; every other annotation
/// keeps the default, `Unchecked`. Written in files by its `key`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimStatus {
    /// Not looked into yet: what every new claim is, and what older files read as.
    #[default]
    Unchecked,
    /// The sources checked bear it out.
    Supported,
    /// Contested: the sources disagree, or the checker has doubts.
    Disputed,
    /// Shown to be wrong.
    False,
    /// A view rather than a fact: nothing to check.
    Opinion,
}

impl ClaimStatus {
    /// Every status, in the order menus and the overview's counts list them.
    pub const ALL: [ClaimStatus; 5] = [
        ClaimStatus::Unchecked,
        ClaimStatus::Supported,
        ClaimStatus::Disputed,
        ClaimStatus::False,
        ClaimStatus::Opinion,
    ];

    /// The lowercase name files and CSS classes use (`"disputed"`); never changes.
    pub fn key(self) -> &'static str {
        match self {
            ClaimStatus::Unchecked => "unchecked",
            ClaimStatus::Supported => "supported",
            ClaimStatus::Disputed => "disputed",
            ClaimStatus::False => "false",
            ClaimStatus::Opinion => "opinion",
        }
    }

    /// The name shown to people (`"Disputed"`).
    pub fn label(self) -> &'static str {
        match self {
            ClaimStatus::Unchecked => "Unchecked",
            ClaimStatus::Supported => "Supported",
            ClaimStatus::Disputed => "Disputed",
            ClaimStatus::False => "False",
            ClaimStatus::Opinion => "Opinion",
        }
    }

    /// The status a `key` names; `None` for any other string.
    pub fn from_key(key: &str) -> Option<ClaimStatus> {
        ClaimStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}
