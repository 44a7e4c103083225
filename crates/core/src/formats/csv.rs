//! CSV for spreadsheets: one row per annotation, RFC 4180 quoting, and
//! safe to open in Excel or LibreOffice: a cell that starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return is prefixed with `'` so it is never run as a formula. The
//! article's metadata (its URL, site, authors and date) is repeated on every row, in the
//! last columns, so that rows of several articles' files stay told apart once pasted
//! together.

use crate::creator::Creator;
use crate::model::{Annotation, Workspace};
use crate::tagset::Tag;

const HEADER: [&str; 19] = [
    "id",
    "tag",
    "start",
    "end",
    "quote",
    "prefix",
    "suffix",
    "note",
    "created",
    "modified",
    "orphan",
    "status",
    "entity_type",
    "sources",
    // Added last, so that columns read by position keep their place.
    "creator",
    // The article's, on every row (empty when unknown), after every column before them.
    "article_url",
    "article_site",
    "article_authors",
    "article_published",
];

/// A cell's text, defused. The field is private to this module and `new` its only way in,
/// so no value, whichever column it is for, can reach the file without the guard.
mod cell {
    pub struct Cell(String);

    impl Cell {
        /// A value starting with what a spreadsheet reads as a formula gets a leading `'`:
        /// Excel and LibreOffice then show it as text.
        pub fn new(value: impl Into<String>) -> Self {
            let value = value.into();
            Cell(if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
                format!("'{value}")
            } else {
                value
            })
        }

        pub fn as_str(&self) -> &str {
            &self.0
        }
    }
}

use cell::Cell;

/// One annotation's row, in `HEADER` order: made of `Cell`s only. Ids, offsets and keys
/// cannot start with a formula character, but they pass the guard too: a column added
/// later cannot forget it.
struct Row([Cell; HEADER.len()]);

impl Row {
    fn of(ws: &Workspace, a: &Annotation) -> Self {
        let meta = ws.document.meta();
        let sources = a.sources.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(" ");
        Row([
            Cell::new(a.id.to_string()),
            Cell::new(ws.tagset().label(a.tag)),
            Cell::new(a.start.to_string()),
            Cell::new(a.end.to_string()),
            Cell::new(&*a.exact),
            Cell::new(&*a.prefix),
            Cell::new(&*a.suffix),
            Cell::new(&*a.note),
            Cell::new(&*a.created),
            Cell::new(&*a.modified),
            Cell::new(a.orphan.to_string()),
            Cell::new(if a.tag == Tag::Claim { a.status.key() } else { "" }),
            Cell::new(&*a.entity_type),
            Cell::new(sources),
            Cell::new(a.creator.as_ref().map(Creator::display).unwrap_or_default()),
            Cell::new(&*meta.url),
            Cell::new(&*meta.site),
            Cell::new(meta.authors.join("; ")),
            Cell::new(&*meta.published),
        ])
    }
}

/// The workspace as CSV: a header row, then one row per annotation in document order
/// (positions in code points, half-open, like every export).
pub fn export(ws: &Workspace) -> String {
    let mut out = String::new();
    record(&mut out, HEADER);
    for a in ws.annotations() {
        record(&mut out, Row::of(ws, a).0.iter().map(Cell::as_str));
    }
    out
}

/// One record, as the `csv` crate writes it by default (the tests hold the two to the
/// same bytes): fields joined by commas, a field with a comma, a quote or a line break
/// quoted and its quotes doubled, `\n` after it. Written here because the crate's writer
/// brought a float parser into the wasm for a quoting style never used (`NonNumeric`).
fn record<'a>(out: &mut String, fields: impl IntoIterator<Item = &'a str>) {
    for (i, field) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        if field.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&field.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(field);
        }
    }
    out.push('\n');
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::model::Document;
    use crate::tagset::TagSet;
    use crate::test_support::{NOW, id};

    proptest::proptest! {
        /// Byte for byte what the `csv` crate's writer makes of the same fields.
        #[test]
        fn records_are_written_as_the_csv_crate_writes_them(
            rows in proptest::collection::vec(proptest::collection::vec("[a,\"\r\n é]{0,6}", 3), 1..4),
        ) {
            let mut ours = String::new();
            let mut theirs = csv::Writer::from_writer(Vec::new());
            for row in &rows {
                record(&mut ours, row.iter().map(String::as_str));
                theirs.write_record(row).unwrap();
            }
            proptest::prop_assert_eq!(ours, String::from_utf8(theirs.into_inner().unwrap()).unwrap());
        }
    }

    #[test]
    fn quotes_and_defuses_formulas() {
        let mut ed = Editor::new(Workspace::new(Document::new("t", "=SUM(A1) said \"x\", then\n@cmd")));
        ed.add(0..8, Tag::Claim, id(1), NOW).unwrap();
        ed.add(14..23, Tag::Source, id(2), NOW).unwrap();
        ed.set_note(id(2), "-2 points, \"really\"", NOW).unwrap();
        let out = export(ed.workspace());
        let mut rows = csv::Reader::from_reader(out.as_bytes());
        let rows: Vec<csv::StringRecord> = rows.records().map(Result::unwrap).collect();
        assert_eq!(rows[0].iter().skip(1).take(4).collect::<Vec<_>>(), ["Claim", "0", "8", "'=SUM(A1)"]);
        assert_eq!(&rows[0][6], " said \"x\", then\n@cmd");
        assert_eq!(&rows[1][4], "\"x\", then");
        assert_eq!(&rows[1][7], "'-2 points, \"really\"");
        assert!(out.starts_with(
            "id,tag,start,end,quote,prefix,suffix,note,created,modified,orphan,status,entity_type,sources,creator,\
             article_url,article_site,article_authors,article_published\n"
        ));
        assert!(out.contains(",\" said \"\"x\"\", then\n@cmd\","), "RFC 4180: quoted, quotes doubled");
    }

    /// Every free-text column, each fed a value a spreadsheet would run: the tag's label
    /// (people name tags), the quote and its context (from the article), the note, the
    /// entity type, and the times (a hand-written file can carry any string there).
    #[test]
    fn no_text_column_reaches_a_spreadsheet_as_a_formula() {
        let doc = Document::new("t", "@pre=HYPERLINK(\"x\")-post");
        let mut tags = TagSet::default();
        tags.tags[0].label = "=HYPERLINK(\"http://evil.example\",\"x\")".into();
        let mut a = Annotation::new(&doc, 4..19, Tag::Claim, id(1), "+created");
        a.note = "\tnote".into();
        a.entity_type = "\rtype".into();
        a.modified = "-modified".into();
        let meta = crate::meta::ArticleMeta {
            url: "=HYPERLINK(\"http://evil.example\")".into(),
            site: "+site".into(),
            authors: vec!["@author".into()],
            published: "-1".into(),
            ..Default::default()
        };
        let ws = Workspace::with_annotations(doc.with_meta(meta), [a], tags);
        let out = export(&ws);
        let row = csv::Reader::from_reader(out.as_bytes()).records().next().unwrap().unwrap();
        let cell = |name: &str| row[HEADER.iter().position(|h| *h == name).unwrap()].to_owned();
        assert_eq!(cell("tag"), "'=HYPERLINK(\"http://evil.example\",\"x\")");
        assert_eq!(cell("quote"), "'=HYPERLINK(\"x\")");
        assert_eq!(cell("prefix"), "'@pre");
        assert_eq!(cell("suffix"), "'-post");
        assert_eq!(cell("note"), "'\tnote");
        assert_eq!(cell("entity_type"), "'\rtype");
        assert_eq!(cell("created"), "'+created");
        assert_eq!(cell("modified"), "'-modified");
        assert_eq!(cell("article_url"), "'=HYPERLINK(\"http://evil.example\")");
        assert_eq!((cell("article_site"), cell("article_authors")), ("'+site".into(), "'@author".into()));
        assert_eq!(cell("article_published"), "'-1");
        for (name, value) in HEADER.iter().zip(row.iter()) {
            assert!(!value.starts_with(['=', '+', '-', '@', '\t', '\r']), "{name}: {value:?}");
        }
    }

    #[test]
    fn every_row_carries_the_articles_metadata_after_the_columns_before() {
        let meta = crate::meta::ArticleMeta {
            url: "https://news.test/a".into(),
            site: "News, Test".into(),
            authors: vec!["Ana Díaz".into(), "Kenji Satō".into()],
            published: "2024-03-05".into(),
            ..Default::default()
        };
        let text = "Tokyo said taxes will fall.";
        let mut ed = Editor::new(Workspace::new(Document::new("t", text).with_meta(meta)));
        ed.add(crate::test_support::span(text, "Tokyo"), Tag::Entity, id(1), NOW).unwrap();
        ed.add(crate::test_support::span(text, "taxes will fall"), Tag::Claim, id(2), NOW).unwrap();
        let out = export(ed.workspace());
        let mut reader = csv::Reader::from_reader(out.as_bytes());
        let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_owned).collect();
        assert_eq!(&header[..15], &HEADER[..15], "the columns before keep their place");
        for row in reader.records().map(Result::unwrap) {
            assert_eq!(
                row.iter().skip(15).collect::<Vec<_>>(),
                ["https://news.test/a", "News, Test", "Ana Díaz; Kenji Satō", "2024-03-05"]
            );
        }
        let plain = export(&Workspace::new(Document::new("t", text)));
        assert!(plain.starts_with(&HEADER.join(",")), "the same columns without metadata");
    }
}
