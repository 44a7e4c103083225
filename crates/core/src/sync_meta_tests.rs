//! The article's metadata across tabs: the later change wins, as the title's does, and
//! an undo never takes back the other tab's.

use super::*;
use crate::meta::ArticleMeta;

fn site(name: &str) -> ArticleMeta {
    ArticleMeta { site: name.into(), url: "https://news.example/a".into(), ..ArticleMeta::default() }
}

#[test]
fn metadata_set_in_one_tab_reaches_the_other_with_its_annotations() {
    let mut tabs = start();
    tabs[0].ed.set_meta(site("The Times"), &at(1));
    tabs[1].ed.add(word(5), Tag::Source, id(8), &at(1)).unwrap();
    cross(&mut tabs, &at(2));
    settle(&mut tabs, 3);
    for tab in &tabs {
        assert_eq!(tab.ed.workspace().document.meta(), &site("The Times"));
        assert!(tab.ids().contains(&id(8)));
    }
}

#[test]
fn the_later_metadata_wins_whichever_save_arrives_first() {
    let mut tabs = start();
    tabs[1].ed.set_meta(site("Earlier"), &at(1));
    tabs[0].ed.set_meta(site("Later"), &at(2));
    cross(&mut tabs, &at(4));
    settle(&mut tabs, 5);
    for tab in &tabs {
        assert_eq!(tab.ed.workspace().document.meta().site, "Later");
    }
    assert_eq!(tabs[0].sync.marks().meta_at, tabs[1].sync.marks().meta_at);
}

#[test]
fn a_title_and_metadata_each_keep_whoever_changed_them() {
    let mut tabs = start();
    tabs[0].ed.rename("Renamed here", &at(1));
    tabs[1].ed.set_meta(site("Set there"), &at(1));
    cross(&mut tabs, &at(2));
    settle(&mut tabs, 3);
    for tab in &tabs {
        let doc = &tab.ed.workspace().document;
        assert_eq!((doc.title(), doc.meta().site.as_str()), ("Renamed here", "Set there"));
    }
}

#[test]
fn undoing_metadata_the_other_tab_changed_since_is_left_out() {
    let mut tabs = start();
    tabs[0].ed.set_meta(site("Mine"), &at(1));
    settle(&mut tabs, 2);
    tabs[1].ed.set_meta(site("Theirs"), &at(3));
    settle(&mut tabs, 4);
    // The step would put back the empty metadata over theirs: it is gone from the history.
    assert!(!tabs[0].ed.undo(&at(5)));
    assert_eq!(tabs[0].ed.workspace().document.meta().site, "Theirs");
    // Theirs is still theirs to undo, back to mine.
    assert!(tabs[1].ed.undo(&at(6)));
    settle(&mut tabs, 7);
    for tab in &tabs {
        assert_eq!(tab.ed.workspace().document.meta().site, "Mine");
    }
}

#[test]
fn a_late_join_keeps_metadata_set_meanwhile() {
    let mut tabs = start();
    let before = tabs[0].ed.workspace().clone();
    tabs[1].ed.rename("Theirs", &at(1));
    let (remote, marks) = tabs[1].save(&at(1)).unwrap();
    let joined = tabs[0].sync.received(remote, &marks, &before, &at(2));
    tabs[0].ed.set_meta(site("Mine"), &at(3));
    let now = rebase(&before, tabs[0].ed.workspace(), &joined);
    assert_eq!((now.document.title(), now.document.meta()), ("Theirs", &site("Mine")));
}

#[test]
fn the_metadata_mark_round_trips_and_is_left_out_until_there_is_one() {
    assert!(!serde_json::to_string(&Marks::default()).unwrap().contains("meta_at"));
    let marks = Marks { meta_at: Some(at(3)), ..Marks::default() };
    assert_eq!(serde_json::from_str::<Marks>(&serde_json::to_string(&marks).unwrap()).unwrap(), marks);
}
