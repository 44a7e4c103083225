use super::*;

/// "🤦" cut in half: its high surrogate alone, as a save interrupted mid-emoji leaves it.
fn cut_emoji() -> Vec<u16> {
    let mut v: Vec<u16> = "{\"x\":\"".encode_utf16().collect();
    v.push(0xD83E);
    v
}

#[test]
fn copy_keeps_a_lone_surrogate_that_get_cannot() {
    let mut s = MemoryStore::new();
    s.put_utf16("a", cut_emoji());
    assert!(s.get("a").unwrap().unwrap().ends_with('\u{FFFD}'), "a String cannot hold it");
    s.copy("a", "b").unwrap();
    assert_eq!(s.get_utf16("b"), Some(&cut_emoji()[..]));
    assert!(matches!(s.copy("missing", "c"), Err(StoreError::Failed(_))));
}

#[test]
fn keys_are_sorted_and_filtered_by_prefix() {
    let mut s = MemoryStore::new();
    for k in ["b.2", "a.1", "b.1", "c"] {
        s.put(k, "v");
    }
    assert_eq!(s.keys("b.").unwrap(), ["b.1", "b.2"]);
    assert_eq!(s.keys("").unwrap().len(), 4);
}

#[test]
fn a_quota_counts_keys_and_values_in_utf16_units() {
    let mut s = MemoryStore::new().with_quota(10);
    let put = |k: &str, v: &str| vec![Write::Put { key: k.into(), value: v.into() }];
    s.commit(put("k", "🤦🤦")).unwrap(); // 1 + 4 units
    assert_eq!(s.used(), 5);
    assert_eq!(s.commit(put("j", "xxxxx")), Err(StoreError::Full));
    s.commit(put("k", "x")).unwrap(); // replacing frees the old value's room
    s.commit(put("j", "xxxxx")).unwrap();
}

#[test]
fn failures_stop_a_commit_part_way_as_localstorage_does() {
    let mut s = MemoryStore::new();
    s.fail(Failure::AfterWrites(1));
    let writes = vec![
        Write::Put { key: "a".into(), value: "1".into() },
        Write::Put { key: "b".into(), value: "2".into() },
    ];
    assert!(matches!(s.commit(writes), Err(StoreError::Failed(_))));
    assert_eq!((s.get("a").unwrap().as_deref(), s.get("b").unwrap()), (Some("1"), None));
    s.fail(Failure::EveryWrite(StoreError::Unavailable));
    assert_eq!(s.commit(vec![Write::Delete { key: "a".into() }]), Err(StoreError::Unavailable));
    assert_eq!(s.get("a").unwrap().as_deref(), Some("1"), "reads still work");
    assert_eq!(s.written(), ["a"]);
}
