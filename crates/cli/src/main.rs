use std::io::Write;
use std::process::ExitCode;

use annotations_cli::{Cli, CliError, Command, convert, output_paths, report};
use clap::Parser;

fn run(cli: Cli) -> Result<(), CliError> {
    let Command::Convert { to, from, text, title, output, input } = cli.command;
    let now = humantime::format_rfc3339_millis(std::time::SystemTime::now()).to_string();
    let done = convert(to, from, &input, text.as_deref(), title.as_deref(), &now)?;
    eprintln!("{}", report::summary(&done.report));
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
        None => {
            let main = done.files.first().map_or("", |file| file.body.as_str());
            let mut out = std::io::stdout().lock();
            out.write_all(main.as_bytes())
                .map_err(|source| CliError::Io { path: "stdout".into(), source })?;
        }
    }
    Ok(())
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
