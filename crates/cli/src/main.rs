use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use annotations_cli::{
    Cli, CliError, Command, From, compare, convert, merge, output_paths, report, review, suggest,
};
use annotator_core::export_json;
use annotator_core::formats::Format;
use annotator_core::suggest::Options;
use annotator_core::text::plural;
use clap::Parser;

fn write_stdout(body: &str) -> Result<(), CliError> {
    let mut out = std::io::stdout().lock();
    out.write_all(body.as_bytes()).map_err(|source| CliError::Io { path: "stdout".into(), source })
}

/// What `convert` was asked, beyond the format: where the input is and goes, and who
/// reviews the claims.
struct ConvertArgs {
    from: From,
    text: Option<PathBuf>,
    title: Option<String>,
    output: Option<PathBuf>,
    input: PathBuf,
    review_url: Option<String>,
    author: Option<String>,
}

fn run_convert(to: Format, args: ConvertArgs) -> Result<(), CliError> {
    let ConvertArgs { from, text, title, output, input, review_url, author } = args;
    let now = humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string();
    let review = review(author.as_deref(), review_url.as_deref(), &now);
    let done = convert(to, from, &input, text.as_deref(), title.as_deref(), &review)?;
    eprintln!("{}", report::summary(&done.report));
    if let Some(reviews) = &done.reviews {
        eprintln!("{}", report::claim_reviews(reviews));
    }
    let write = |path: &std::path::Path, body: &str| {
        std::fs::write(path, body).map_err(|source| CliError::Io { path: path.to_owned(), source })
    };
    match output {
        Some(path) => {
            for (file, path) in done.files.iter().zip(output_paths(&path, &done.files)) {
                write(&path, &file.body)?;
            }
        }
        // Only the main file: a second one would run into it on stdout.
        None => write_stdout(done.files.first().map_or("", |file| file.body.as_str()))?,
    }
    Ok(())
}

fn run_compare(a: &Path, b: &Path, json: bool) -> Result<(), CliError> {
    let done = compare::compare_files(a, b)?;
    // A file read with items left out is compared without them: say so, as convert does.
    for (path, file) in [(a, &done.a), (b, &done.b)] {
        if !file.skipped.is_empty() {
            eprintln!("{}: {}", path.display(), report::summary(file));
        }
    }
    let body = if json {
        compare::json(&done.comparison)
    } else {
        compare::plain(&done.comparison, &a.display().to_string(), &b.display().to_string())
    };
    write_stdout(&body)
}

/// Writes OUT, then says on stderr what a file left out (as convert does) and each
/// conflict this merge recorded, one per line, and the counts on stdout.
fn run_merge(a: &Path, b: &Path, output: &Path) -> Result<(), CliError> {
    let done = merge::merge_files(a, b)?;
    for (path, file) in [(a, &done.a), (b, &done.b)] {
        if !file.skipped.is_empty() {
            eprintln!("{}: {}", path.display(), report::summary(file));
        }
    }
    std::fs::write(output, export_json(&done.workspace))
        .map_err(|source| CliError::Io { path: output.to_owned(), source })?;
    for conflict in done.new_conflicts() {
        eprintln!("conflict: {}", merge::conflict_line(&done.workspace, conflict));
    }
    write_stdout(&format!("{}\n", merge::summary(&done.summary)))
}

/// Says on stderr which of the library's files were left out and what was learned (as
/// convert says what it read), and prints the suggestions on stdout.
fn run_suggest(library: &Path, target: &Path, json: bool, ignore_case: bool) -> Result<(), CliError> {
    let options = Options { case_sensitive: !ignore_case, ..Options::default() };
    let done = suggest::suggest_files(library, target, options)?;
    if !done.target.skipped.is_empty() {
        eprintln!("{}: {}", target.display(), report::summary(&done.target));
    }
    for (path, why) in &done.left_out {
        eprintln!("warning: {}: {why} Left out of the library.", path.display());
    }
    eprintln!(
        "learned {} from {} in {}",
        plural(done.texts, "text"),
        plural(done.exports, "export"),
        library.display()
    );
    write_stdout(&if json { suggest::json(&done.suggestions) } else { suggest::plain(&done.suggestions) })
}

fn run(cli: Cli) -> Result<(), CliError> {
    match cli.command {
        Command::Convert { to, review_url, author, from, text, title, output, input } => {
            run_convert(to, ConvertArgs { from, text, title, output, input, review_url, author })
        }
        Command::Compare { a, b, json } => run_compare(&a, &b, json),
        Command::Merge { a, b, output } => run_merge(&a, &b, &output),
        Command::Suggest { library, target, json, ignore_case } => {
            run_suggest(&library, &target, json, ignore_case)
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e}");
            ExitCode::FAILURE
        }
    }
}
