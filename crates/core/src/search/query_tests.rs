use super::*;

fn phrase(words: &[&str]) -> Phrase {
    Phrase { words: words.iter().map(|w| (*w).into()).collect() }
}

#[test]
fn free_words_and_quoted_phrases() {
    let q = Query::parse(r#"Défense  "Defense Ministry" budget"#);
    assert_eq!(q.text, [phrase(&["defense"]), phrase(&["defense", "ministry"]), phrase(&["budget"])]);
    assert!(!q.has_filters() && !q.is_empty());
    // Curly quotes too, and an unclosed quote runs to the end.
    assert_eq!(
        Query::parse("“washington post” said").text,
        [phrase(&["washington", "post"]), phrase(&["said"])]
    );
    assert_eq!(Query::parse(r#"a "open ended"#).text, [phrase(&["a"]), phrase(&["open", "ended"])]);
    // A word that splits is a phrase of its pieces; the same phrase twice is once.
    assert_eq!(
        Query::parse("e-mail 防衛省 e-mail").text,
        [phrase(&["e", "mail"]), phrase(&["防", "衛", "省"])]
    );
}

#[test]
fn each_filter() {
    let q = Query::parse("tag:Claim status:DISPUTED type:person note:wapo in:quote");
    assert_eq!(q.tags, ["claim"]);
    assert_eq!(q.statuses, ["disputed"]);
    assert_eq!(q.types, ["person"]);
    assert_eq!(q.notes, [phrase(&["wapo"])]);
    assert_eq!(q.fields, [Field::Quote]);
    assert!(q.text.is_empty() && q.has_filters() && !q.is_empty());
    assert!(q.searches(Field::Quote) && !q.searches(Field::Text));
    assert!(Query::parse("x").searches(Field::Title), "no in: searches every field");
    let keys = Query::parse("TAG:source In:Title in:note");
    assert_eq!(
        (keys.tags.as_slice(), keys.fields.as_slice()),
        (&["source".to_owned()][..], &[Field::Title, Field::Note][..])
    );
}

#[test]
fn filter_values_may_be_quoted() {
    let q = Query::parse(r#"note:"Washington Post" tag:"Direct quote" type:“political party” rest"#);
    assert_eq!(q.notes, [phrase(&["washington", "post"])]);
    assert_eq!(q.tags, ["direct quote"]);
    assert_eq!(q.types, ["political party"]);
    assert_eq!(q.text, [phrase(&["rest"])]);
}

#[test]
fn unknown_keys_are_free_text() {
    let q = Query::parse("foo:bar in:margin user:ana");
    assert_eq!(q.text, [phrase(&["foo:bar"]), phrase(&["in:margin"]), phrase(&["user:ana"])]);
    assert!(!q.has_filters());
    // A filter without a value is its key as a word.
    assert_eq!(Query::parse("tag: claim").text, [phrase(&["tag"]), phrase(&["claim"])]);
    assert_eq!(Query::parse("note:!!").text, [phrase(&["note"])], "a value of no word is none");
    assert_eq!(Query::parse(r#"who:"a b""#).text, [phrase(&["who"]), phrase(&["a", "b"])]);
}

#[test]
fn empty_queries() {
    for input in ["", "   ", "— … 🤦🏼‍♂️", r#""""#] {
        let q = Query::parse(input);
        assert!(q.is_empty(), "{input:?}: {q:?}");
    }
    let only_in = Query::parse("in:title");
    assert!(only_in.is_empty() && !only_in.has_filters() && only_in.fields == [Field::Title]);
}
