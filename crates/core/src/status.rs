//! How far a claim has been checked.

use serde::{Deserialize, Serialize};

/// How far a claim has been checked.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ClaimStatus {
    #[default]
    Unchecked,
    Supported,
    Disputed,
    False,
    Opinion,
}

impl ClaimStatus {
    pub const ALL: [ClaimStatus; 5] = [
        ClaimStatus::Unchecked,
        ClaimStatus::Supported,
        ClaimStatus::Disputed,
        ClaimStatus::False,
        ClaimStatus::Opinion,
    ];

    pub fn key(self) -> &'static str {
        match self {
            ClaimStatus::Unchecked => "unchecked",
            ClaimStatus::Supported => "supported",
            ClaimStatus::Disputed => "disputed",
            ClaimStatus::False => "false",
            ClaimStatus::Opinion => "opinion",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            ClaimStatus::Unchecked => "Unchecked",
            ClaimStatus::Supported => "Supported",
            ClaimStatus::Disputed => "Disputed",
            ClaimStatus::False => "False",
            ClaimStatus::Opinion => "Opinion",
        }
    }

    pub fn from_key(key: &str) -> Option<ClaimStatus> {
        ClaimStatus::ALL.into_iter().find(|s| s.key() == key)
    }
}
