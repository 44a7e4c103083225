//! Who made or last changed an annotation: the name a person gives once in the app (and,
//! if they like, their organisation), kept with each annotation through exports, imports
//! and merges, so that colleagues' work can be told apart.

use serde::{Deserialize, Serialize};

/// A person who annotates, as they named themselves.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Creator {
    /// Their name, trimmed; never empty in a stored creator.
    pub name: String,
    /// Their newsroom, lab or school; empty for none.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub organisation: String,
}

impl Creator {
    /// A creator from what a person typed: `None` when the name is blank.
    pub fn new(name: &str, organisation: &str) -> Option<Self> {
        let name = name.split_whitespace().collect::<Vec<_>>().join(" ");
        let organisation = organisation.split_whitespace().collect::<Vec<_>>().join(" ");
        (!name.is_empty()).then_some(Self { name, organisation })
    }

    /// `Name (Organisation)`, or just the name: how lists and exports show one.
    pub fn display(&self) -> String {
        if self.organisation.is_empty() {
            self.name.clone()
        } else {
            format!("{} ({})", self.name, self.organisation)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_creator_needs_a_name_and_is_shown_with_its_organisation() {
        assert_eq!(Creator::new("  ", "AFP"), None);
        let ana = Creator::new("  Ana   Díaz ", " AFP  Fact Check ").unwrap();
        assert_eq!((ana.name.as_str(), ana.organisation.as_str()), ("Ana Díaz", "AFP Fact Check"));
        assert_eq!(ana.display(), "Ana Díaz (AFP Fact Check)");
        assert_eq!(Creator::new("Kenji", "").unwrap().display(), "Kenji");
        let json = serde_json::to_string(&Creator::new("Kenji", "").unwrap()).unwrap();
        assert_eq!(json, r#"{"name":"Kenji"}"#, "no empty organisation in files");
    }
}
