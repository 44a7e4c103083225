//! Ids of annotations and documents.

use std::fmt;

use serde::{Deserialize, Serialize};

/// An annotation's id: a random (v4) UUID, written as its hyphenated lowercase text. The
/// app supplies the random bytes so this crate needs no RNG; importers of foreign files
/// derive them from the file's content instead (see `formats`), so the same file gives
/// the same ids.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AnnotationId(uuid::Uuid);

impl AnnotationId {
    /// The v4 UUID made of 16 random bytes (its version and variant bits are set over them).
    pub fn from_random_bytes(bytes: [u8; 16]) -> Self {
        Self(uuid::Builder::from_random_bytes(bytes).into_uuid())
    }
}

impl std::str::FromStr for AnnotationId {
    type Err = uuid::Error;

    fn from_str(s: &str) -> Result<Self, Self::Err> {
        s.parse().map(Self)
    }
}

impl fmt::Display for AnnotationId {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
