use super::postings::{BREAK, Terms, TextPostings};
use super::record::{read, write};
use crate::model::Document;

fn indexed(text: &str) -> (Terms, TextPostings, Document) {
    let doc = Document::new("t", text);
    let mut terms = Terms::default();
    let postings = TextPostings::build(doc.text(), &mut terms);
    (terms, postings, doc)
}

#[test]
fn a_record_reads_back_as_the_same_postings() {
    // Long words and far gaps, for numbers of several digits; breaks; astral code points.
    let long = "x".repeat(5_000);
    let text = format!("𝒳 Défense\n\nministry {long}{}\nend 日本の防衛省", " ".repeat(40_000));
    let (terms, postings, doc) = indexed(&text);
    let sha = doc.sha256();
    let record = write(&sha, &terms, &postings);
    assert!(record.starts_with("annotator-search 2 uax29\n"));
    let (back_terms, back) = read(&record, &sha, doc.char_len()).expect("a whole record");
    assert_eq!(back, postings);
    assert_eq!(back_terms.len(), terms.len());
    assert_eq!(back.seq(), postings.seq());
    assert_eq!(postings.seq().iter().filter(|w| **w == BREAK).count(), 2, "one per line break between words");
    assert_eq!(write(&sha, &back_terms, &back), record);
}

#[test]
fn only_whole_records_of_this_text_are_read() {
    let (terms, postings, doc) = indexed("The defense ministry said.\nIt rose.");
    let sha = doc.sha256();
    let record = write(&sha, &terms, &postings);
    let n = doc.char_len();
    assert!(read(&record, &sha, n).is_some());
    assert!(read(&record, &Document::new("t", "other").sha256(), n).is_none(), "another text");
    assert!(read(&record.replacen("search 2", "search 1", 1), &sha, n).is_none(), "another version");
    // Intl.Segmenter may bound words otherwise: what it made is tokenised again here.
    assert!(read(&record.replacen("uax29", "intl", 1), &sha, n).is_none(), "another segmenter");
    assert!(read(&record, &sha, 10).is_none(), "words past the end of the text");
    for cut in [1, 20, record.len() / 2, record.len() - 1] {
        assert!(read(&record[..cut], &sha, n).is_none(), "cut at {cut}");
    }
    let stream = record.rsplit('\n').next().unwrap();
    let bad_digit = record.replace(stream, &format!("{stream}\u{7}"));
    assert!(read(&bad_digit, &sha, n).is_none());
    let more_lines = format!("{record}\nextra");
    assert!(read(&more_lines, &sha, n).is_none());
    let twice = record.replacen("\nthe\n", "\ndefense\n", 1);
    assert!(read(&twice, &sha, n).is_none(), "a word twice");
    assert!(read("", &sha, n).is_none());
}
