//! CSV for spreadsheets: one row per annotation, RFC 4180 quoting (the `csv` crate), and
//! safe to open in Excel or LibreOffice: a cell that starts with `=`, `+`, `-`, `@`, a tab
//! or a carriage return is prefixed with `'` so it is never run as a formula.

use crate::model::{Tag, Workspace};

const HEADER: [&str; 14] = [
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
];

fn cell(value: &str) -> String {
    if value.starts_with(['=', '+', '-', '@', '\t', '\r']) { format!("'{value}") } else { value.to_owned() }
}

pub fn export(ws: &Workspace) -> String {
    let mut out = csv::Writer::from_writer(Vec::new());
    out.write_record(HEADER).expect("writing to memory cannot fail");
    for a in ws.annotations() {
        let row = [
            a.id.to_string(),
            ws.tagset.label(a.tag),
            a.start.to_string(),
            a.end.to_string(),
            cell(&a.exact),
            cell(&a.prefix),
            cell(&a.suffix),
            cell(&a.note),
            a.created.clone(),
            a.modified.clone(),
            a.orphan.to_string(),
            if a.tag == Tag::Claim { a.status.key().to_owned() } else { String::new() },
            cell(&a.entity_type),
            a.sources.iter().map(|s| s.to_string()).collect::<Vec<_>>().join(" "),
        ];
        out.write_record(&row).expect("writing to memory cannot fail");
    }
    String::from_utf8(out.into_inner().expect("in memory")).expect("all cells are UTF-8")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::model::{Document, Tag};
    use crate::test_support::{NOW, id};

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
            "id,tag,start,end,quote,prefix,suffix,note,created,modified,orphan,status,entity_type,sources\n"
        ));
        assert!(out.contains(",\" said \"\"x\"\", then\n@cmd\","), "RFC 4180: quoted, quotes doubled");
    }
}
