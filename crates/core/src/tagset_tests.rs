use super::*;

#[test]
fn keys_are_short_slugs() {
    assert_eq!(Tag::parse("claim"), Ok(Tag::Claim));
    assert_eq!(Tag::Claim.key(), "claim");
    assert!(Tag::parse("Claim").is_err());
    assert!(Tag::parse("-x").is_err());
    assert!(Tag::parse(&"a".repeat(25)).is_err());
    assert!(Tag::parse("<b>").is_err());
    assert_eq!(serde_json::to_string(&Tag::Source).unwrap(), "\"source\"");
    assert_eq!(serde_json::from_str::<Tag>("\"quote-2\"").unwrap().key(), "quote-2");
    assert!(serde_json::from_str::<Tag>("\"no way\"").is_err());
}

#[test]
fn keys_made_from_labels_are_unique() {
    let set = TagSet::default();
    let taken = |t| set.get(t).is_some();
    assert_eq!(Tag::from_label("Direct quote!", taken).key(), "direct-quote");
    assert_eq!(Tag::from_label("Claim", taken).key(), "claim-2");
    assert_eq!(Tag::from_label("引用", taken).key(), "tag");
}

#[test]
fn adding_a_tag_checks_only_the_new_tag() {
    let mut tags = TagSet::default();
    tags.tags[2].hotkey = "1".into(); // Entity now clashes with Claim: that row's problem
    assert_eq!(tags.add("Quote").map(|t| t.key().to_owned()), Ok("quote".to_owned()));
    assert_eq!(tags.add("  "), Err(TagError::EmptyLabel));
    assert_eq!(tags.add("quote"), Err(TagError::DuplicateLabel("quote".into())));
    assert!(matches!(tags.check(), Err(TagError::DuplicateHotkey(..))), "the clash is still found on Save");
}

#[test]
fn adding_takes_the_next_colour_and_digit() {
    let mut set = TagSet::default();
    let key = set.add("Quote").unwrap();
    let def = set.get(key).unwrap();
    assert_eq!((def.label.as_str(), def.colour.as_str(), def.hotkey.as_str()), ("Quote", PALETTE[3].0, "4"));
    assert_eq!(set.by_hotkey("4"), Some(key));
    assert_eq!(set.by_label("QUOTE"), Some(key));
    assert_eq!(set.add(" claim "), Err(TagError::DuplicateLabel("claim".into())));
    set.tags[0].label = " Assertion ".into();
    assert_eq!(set.by_label("assertion"), Some(Tag::Claim), "labels compare as check compares them");
}

#[test]
fn check_refuses_what_would_confuse() {
    let mut set = TagSet::default();
    set.tags[1].hotkey = "1".into();
    assert_eq!(set.check(), Err(TagError::DuplicateHotkey("1".into(), "Claim".into())));
    set.tags[1].hotkey = "j".into();
    assert_eq!(set.check(), Err(TagError::BadHotkey("j".into())));
    set.tags[1].hotkey = "".into();
    set.tags[1].colour = "red".into();
    assert_eq!(set.check(), Err(TagError::BadColour("red".into())));
    set.tags[1].colour = PALETTE[1].0.into();
    set.tags[1].label = " ".into();
    assert_eq!(set.check(), Err(TagError::EmptyLabel));
    assert_eq!(TagSet { tags: vec![], entity_types: vec![] }.check(), Err(TagError::Empty));
}

#[test]
fn ensure_defines_tags_files_use() {
    let mut set = TagSet::default();
    set.ensure(Tag::parse("quote").unwrap());
    set.ensure(Tag::Claim);
    assert_eq!(set.tags.len(), 4);
    assert_eq!(set.label(Tag::parse("quote").unwrap()), "Quote");
    assert!(set.check().is_ok());
}
