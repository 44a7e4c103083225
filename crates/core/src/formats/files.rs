//! What an export consists of, as files: a name, a media type and a body each. brat is
//! two files (the `.ann` and the `.txt` its offsets count into), every other format one,
//! so the app and the CLI write whatever the list holds instead of each knowing about
//! brat's companion text.

use super::{Format, Review, brat, safe_file_stem};
use crate::model::Workspace;

/// One file of an export, ready to download or write.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ExportFile {
    /// The file name, from the document's title (`safe_file_stem`) and the format's
    /// suffix: `Budget.annotations.json`, `Budget.ann`, `Budget.txt`.
    pub name: String,
    /// The media type a download of it is given.
    pub mime: &'static str,
    /// The file's contents.
    pub body: String,
}

impl Format {
    /// Every file the workspace is written as in this format, the main one first (what
    /// `export` returns): brat gives the `.ann` then its `.txt`, every other format one
    /// file. Never empty. `now` (RFC 3339) dates the HTML report and the claim reviews.
    pub fn files(self, ws: &Workspace, now: &str) -> Vec<ExportFile> {
        self.files_with(ws, &Review::at(now))
    }

    /// [`Format::files`], the claim reviews (their file, and the HTML report's) by
    /// `review`'s author, at its URL, dated by it.
    pub fn files_with(self, ws: &Workspace, review: &Review) -> Vec<ExportFile> {
        let title = ws.document.title();
        let main =
            ExportFile { name: self.file_name(title), mime: self.mime(), body: self.export_with(ws, review) };
        match self {
            // The `.txt` is named by the same stem, so brat finds it beside the `.ann`.
            Format::Brat => vec![
                main,
                ExportFile {
                    name: format!("{}.txt", safe_file_stem(title)),
                    mime: "text/plain",
                    body: brat::text(ws),
                },
            ],
            Format::Native
            | Format::W3c
            | Format::Doccano
            | Format::Csv
            | Format::Html
            | Format::ClaimReview => vec![main],
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::editor::Editor;
    use crate::model::Document;
    use crate::offsets::slice_chars;
    use crate::tagset::Tag;
    use crate::test_support::{NOW, id};

    fn workspace(title: &str) -> Workspace {
        let mut ed = Editor::new(Workspace::new(Document::new(title, "Tokyo 🤦🏼‍♂️ said\nno more taxes.")));
        ed.add(0..5, Tag::Entity, id(1), NOW).unwrap();
        ed.add(6..19, Tag::Claim, id(2), NOW).unwrap();
        ed.workspace().clone()
    }

    #[test]
    fn brat_is_the_ann_and_the_text_its_offsets_count_into() {
        let ws = workspace("Budget");
        let files = Format::Brat.files(&ws, NOW);
        let names: Vec<&str> = files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(names, ["Budget.ann", "Budget.txt"]);
        assert!(files.iter().all(|f| f.mime == "text/plain"));
        let (ann, txt) = (&files[0].body, &files[1].body);
        assert_eq!(ann, &Format::Brat.export(&ws, NOW));
        // Each `T` line's fragments, read from the `.txt`, give the quote it carries.
        for line in ann.lines().filter(|l| l.starts_with('T')) {
            let [_, span, quote] = line.split('\t').collect::<Vec<_>>()[..] else { panic!("{line}") };
            let (_, offsets) = span.split_once(' ').unwrap();
            let pieces: Vec<&str> = offsets
                .split(';')
                .map(|f| {
                    let (s, e) = f.split_once(' ').unwrap();
                    slice_chars(txt, s.parse().unwrap(), e.parse().unwrap())
                })
                .collect();
            assert_eq!(pieces.join(" "), quote, "{line}");
        }
        assert_eq!(ann.lines().filter(|l| l.starts_with('T')).count(), 2);
    }

    #[test]
    fn every_other_format_is_one_file_of_what_export_gives() {
        let ws = workspace("Budget");
        for format in Format::ALL.into_iter().filter(|&f| f != Format::Brat) {
            let files = Format::files(format, &ws, NOW);
            assert_eq!(
                files,
                [ExportFile {
                    name: format.file_name("Budget"),
                    mime: format.mime(),
                    body: format.export(&ws, NOW),
                }],
                "{format:?}"
            );
        }
    }

    #[test]
    fn names_are_safe_for_any_title() {
        let ws = workspace("China: \"US paper\"/2023\\draft");
        for format in Format::ALL {
            for file in format.files(&ws, NOW) {
                assert!(file.name.starts_with("China_ _US paper__2023_draft."), "{}", file.name);
                assert!(!file.name.contains(['/', '\\', '"', ':']), "{}", file.name);
            }
        }
        let untitled = Format::Brat.files(&workspace("..."), NOW);
        assert_eq!([&untitled[0].name, &untitled[1].name], ["article.ann", "article.txt"]);
    }
}
