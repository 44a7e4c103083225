//! `annotations convert`: the app's export formats for batch pipelines, no browser needed.
//! The same core functions, validation and messages as the app's importer.
//! `annotations compare` (in `compare`): how far two people's annotations of one article agree.
//! `annotations merge` (in `merge`): a colleague's export merged into ours, conflicts kept.
//! `annotations suggest` (in `suggest`): what a library's tags suggest tagging in an export.

use std::path::{Path, PathBuf};

use annotator_core::article::MAX_ARTICLE_BYTES;
use annotator_core::formats::{ClaimReviews, Format, Review, claim_reviews, doccano, w3c};
use annotator_core::{CompareError, Creator, Document, ExportFile, ImportError, Imported, import_json};
use clap::{Parser, Subcommand, ValueEnum};
use thiserror::Error;

pub mod compare;
pub mod merge;
pub mod report;
pub mod suggest;

#[derive(Parser, Debug)]
#[command(
    name = "annotations",
    version,
    about = "Convert Article Annotator exports for other tools, compare two, merge one into another, or suggest tags learned from a library of them."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Subcommand, Debug)]
pub enum Command {
    /// Convert an export to another format (written to stdout, or to -o FILE).
    Convert {
        /// What to write: native, w3c, doccano, brat, csv, html or claimreview.
        #[arg(long, value_parser = parse_format)]
        to: Format,
        /// The page where the fact check is published: each ClaimReview's url (with
        /// --to claimreview, or html, which embeds the reviews).
        #[arg(long, value_name = "URL")]
        review_url: Option<String>,
        /// The fact-checking organisation that reviews the claims: each ClaimReview's
        /// author.
        #[arg(long, value_name = "NAME")]
        author: Option<String>,
        /// What INPUT is.
        #[arg(long, value_enum, default_value = "native")]
        from: From,
        /// The article text, needed with --from w3c (W3C annotations do not carry it).
        #[arg(long)]
        text: Option<PathBuf>,
        /// Title for --from w3c or doccano (default: the input's file name).
        #[arg(long)]
        title: Option<String>,
        /// Write here instead of stdout. With --to brat, the text goes beside it as .txt.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// The file to convert.
        input: PathBuf,
    },
    /// Compare two people's annotations of one article: agreement per tag and overall.
    Compare {
        /// The first native export (A): the article the other is placed on.
        a: PathBuf,
        /// The second native export (B); if its text differs, its annotations are found
        /// again in A's text by their quotes.
        b: PathBuf,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// Merge a colleague's export (B) into yours (A), as the app's import does: prints
    /// the counts on stdout and each new conflict on stderr; the conflicts are kept in
    /// OUT for the app to resolve.
    Merge {
        /// Your native export (A): its annotations win where both differ.
        a: PathBuf,
        /// The colleague's native export (B) of the same article; if its text differs,
        /// its annotations are found again in A's text by their quotes.
        b: PathBuf,
        /// Where to write A with B merged in (native JSON).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Suggest tags for TARGET's text learned from the entities, sources and custom tags
    /// of every native export in DIR: one line each, `start end tag "text"` (code points;
    /// `"`, `\` and line breaks escaped with a backslash). What TARGET already tagged so
    /// is not suggested again.
    Suggest {
        /// The folder of native exports (`*.json`) to learn from; TARGET itself, if in
        /// it, is left out, and so is any file that is not a native export (with a warning).
        #[arg(long, value_name = "DIR")]
        library: PathBuf,
        /// The native export to suggest tags for.
        target: PathBuf,
        /// Print a JSON array of { start, end, tag, exact, entity_type, count } instead.
        #[arg(long)]
        json: bool,
        /// Match texts whatever their case (Élysée finds ÉLYSÉE).
        #[arg(long)]
        ignore_case: bool,
    },
}

fn parse_format(key: &str) -> Result<Format, String> {
    Format::from_key(key).ok_or_else(|| {
        let keys: Vec<&str> = Format::ALL.iter().map(|f| f.key()).collect();
        format!("invalid value '{key}': use one of {}", keys.join(", "))
    })
}

#[derive(Clone, Copy, Debug, ValueEnum)]
pub enum From {
    Native,
    W3c,
    Doccano,
}

/// Why a command failed; each message says what to do.
#[derive(Debug, Error)]
pub enum CliError {
    /// A file could not be read or written.
    #[error("{path}: {source}")]
    Io { path: PathBuf, source: std::io::Error },
    /// The input is bigger than the app accepts.
    #[error("{path}: {size} bytes; the limit is {MAX_ARTICLE_BYTES} bytes")]
    TooLarge { path: PathBuf, size: u64 },
    /// The input is not valid UTF-8.
    #[error("{0}: not a UTF-8 text file")]
    NotText(PathBuf),
    /// The input was refused by the importer.
    #[error("{path}: {source}")]
    Import { path: PathBuf, source: ImportError },
    /// W3C input without the article it annotates.
    #[error("--from w3c needs --text ARTICLE.txt: W3C annotations do not contain the article text")]
    NeedsText,
    /// Two files that cannot be merged: not of the same article.
    #[error("{b} is not an export of the same article as {a} (neither its text nor its title is the same)")]
    OtherArticle { a: PathBuf, b: PathBuf },
    /// The library to learn from is not a folder that can be read.
    #[error("{path}: {source} (--library takes a folder of native exports to learn from)")]
    Library { path: PathBuf, source: std::io::Error },
    /// Two files that cannot be compared.
    #[error("{a} and {b}: {source}")]
    Compare { a: PathBuf, b: PathBuf, source: CompareError },
}

pub(crate) fn read(path: &Path) -> Result<String, CliError> {
    let io = |source| CliError::Io { path: path.to_owned(), source };
    let size = std::fs::metadata(path).map_err(io)?.len();
    if size > MAX_ARTICLE_BYTES as u64 {
        return Err(CliError::TooLarge { path: path.to_owned(), size });
    }
    String::from_utf8(std::fs::read(path).map_err(io)?).map_err(|_| CliError::NotText(path.to_owned()))
}

fn stem(path: &Path) -> String {
    path.file_stem()
        .map(|s| s.to_string_lossy().trim_end_matches(".annotations").to_owned())
        .unwrap_or_default()
}

/// What a conversion produced: the format's files (the main one first; brat's `.txt`
/// after its `.ann`), what was skipped, and, for `--to claimreview`, how many claims were
/// reviewed and left out.
pub struct Converted {
    pub files: Vec<ExportFile>,
    pub report: Imported,
    pub reviews: Option<ClaimReviews>,
}

/// The review `--author` and `--review-url` describe, made at `now`: the author is an
/// organisation (a blank one is none).
pub fn review(author: Option<&str>, url: Option<&str>, now: &str) -> Review {
    Review {
        author: author.and_then(|name| Creator::new(name, name)),
        url: url.map(str::trim).filter(|u| !u.is_empty()).map(str::to_owned),
        date: now.to_owned(),
    }
}

/// Where each of `files` is written with `-o output`: the main file at `output`, each
/// other beside it with its own extension (brat's text: `out.ann` → `out.txt`). The
/// person chose the main file's name, so the core's names only lend their extensions.
pub fn output_paths(output: &Path, files: &[ExportFile]) -> Vec<PathBuf> {
    let companions = files
        .iter()
        .skip(1)
        .map(|file| output.with_extension(Path::new(&file.name).extension().unwrap_or_default()));
    files.first().map(|_| output.to_owned()).into_iter().chain(companions).collect()
}

/// Runs `convert`; `review.date` stamps annotations that arrive without times and dates
/// the claim reviews, which `review` describes.
pub fn convert(
    to: Format,
    from: From,
    input: &Path,
    text: Option<&Path>,
    title: Option<&str>,
    review: &Review,
) -> Result<Converted, CliError> {
    let now = review.date.as_str();
    let raw = read(input)?;
    let import_err = |source| CliError::Import { path: input.to_owned(), source };
    let title = title.map_or_else(|| stem(input), str::to_owned);
    let report = match from {
        From::Native => import_json(&raw).map_err(import_err)?,
        From::Doccano => doccano::import(&raw, &title, now).map_err(import_err)?,
        From::W3c => {
            let text = read(text.ok_or(CliError::NeedsText)?)?;
            w3c::import(&Document::new(&title, &text), &raw, now).map_err(import_err)?
        }
    };
    let files = to.files_with(&report.workspace, review);
    let reviews = (to == Format::ClaimReview).then(|| claim_reviews(&report.workspace, review));
    Ok(Converted { files, report, reviews })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn file(name: &str) -> ExportFile {
        ExportFile { name: name.to_owned(), mime: "text/plain", body: String::new() }
    }

    #[test]
    fn the_main_file_goes_where_asked_and_the_rest_beside_it() {
        let brat = [file("Budget.ann"), file("Budget.txt")];
        assert_eq!(
            output_paths(Path::new("out/article.ann"), &brat),
            ["out/article.ann", "out/article.txt"].map(PathBuf::from)
        );
        assert_eq!(output_paths(Path::new("article"), &brat), ["article", "article.txt"].map(PathBuf::from));
        let csv = [file("Budget.annotations.csv")];
        assert_eq!(output_paths(Path::new("rows.csv"), &csv), [PathBuf::from("rows.csv")]);
    }
}
