//! The feedback and health groups: what the page says and whether work is kept.

use super::*;
use crate::storage::StorageError;

#[test]
fn saying_the_same_thing_twice_is_heard_twice() {
    let once = reduce(fresh(), FeedbackAction::Announce("Saved".into()));
    let twice = reduce(once.clone(), FeedbackAction::Announce("Saved".into()));
    assert_eq!(once.feedback.announcement.1, twice.feedback.announcement.1);
    assert_ne!(once.feedback.announcement.0, twice.feedback.announcement.0);
}

#[test]
fn a_notice_stays_until_dismissed() {
    let shown = reduce(fresh(), FeedbackAction::Notify(Notice::error("Could not read it.")));
    assert_eq!(shown.feedback.notice.as_ref().map(|n| n.kind), Some(NoticeKind::Error));
    assert_eq!(reduce(shown, FeedbackAction::Dismiss).feedback.notice, None);
}

#[test]
fn saving_stops_only_for_problems_that_stop_it() {
    let full = reduce(fresh(), HealthAction::StorageProblem(Some(StorageError::Full)));
    assert!(full.can_save(), "a full store may have room after a deletion: keep trying");
    let closed = reduce(full, HealthAction::StorageProblem(Some(StorageError::Closed)));
    assert!(!closed.can_save());
    let fixed = reduce(closed, HealthAction::StorageProblem(None));
    assert!(fixed.can_save());
    let mut newer = fixed.clone();
    newer.health.data_problem = Some(StorageError::Newer(9));
    assert!(!newer.can_save(), "data from a newer version is never overwritten");
}

#[test]
fn storage_usage_and_persistence_are_kept_as_reported() {
    let state = reduce(fresh(), HealthAction::StorageUsage(Some(91)));
    let state = reduce(state, HealthAction::Persisted(Some(true)));
    assert_eq!((state.health.storage_full_pct, state.health.persisted), (Some(91), Some(true)));
}
