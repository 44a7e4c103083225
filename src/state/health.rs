//! Whether work is being kept: what storage and start-up reported.

use crate::storage::StorageError;

#[derive(Clone, Debug, Default, PartialEq)]
pub struct Health {
    /// Why work is not being saved (or was not read), shown until it is resolved.
    pub storage_problem: Option<StorageError>,
    /// Percentage of browser storage in use, once it passes the warning level.
    pub storage_full_pct: Option<u8>,
    /// What start-up found wrong with the saved data (unreadable, newer), shown all visit.
    pub data_problem: Option<StorageError>,
    /// Storage keys of unreadable data a person can download.
    pub storage_downloads: Vec<String>,
    /// Whether the browser protects this site's data from eviction (`None`: not known yet).
    pub persisted: Option<bool>,
}

/// What storage reported.
pub enum HealthAction {
    /// Saving stopped working (or works again: `None`).
    StorageProblem(Option<StorageError>),
    /// How full storage is, once it passes the warning level.
    StorageUsage(Option<u8>),
    /// Whether the browser keeps this site's data under storage pressure (`None`: unknown).
    Persisted(Option<bool>),
}

impl Health {
    /// Whether changes can be written to storage at all.
    pub fn can_save(&self) -> bool {
        let stops = |p: &Option<StorageError>| {
            matches!(p, Some(StorageError::Unavailable | StorageError::Newer(_) | StorageError::Closed))
        };
        !stops(&self.storage_problem) && !stops(&self.data_problem)
    }

    pub(super) fn reduce(&mut self, action: HealthAction) -> bool {
        match action {
            HealthAction::StorageProblem(problem) => self.storage_problem = problem,
            HealthAction::StorageUsage(pct) => self.storage_full_pct = pct,
            HealthAction::Persisted(persisted) => self.persisted = persisted,
        }
        true
    }
}
