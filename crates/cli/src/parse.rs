//! `tacitus parse`: raw text in, CoNLL-U trees out.

use std::io::{BufWriter, Write};
use std::path::PathBuf;

use anyhow::{Context, Result};
use clap::{Args, ValueEnum};
use tacitus_conllu::{render_tree, write_sentence};

use crate::Dirs;
use crate::input::read_text;

/// Options of `tacitus parse`.
#[derive(Args)]
pub struct ParseArgs {
    /// Text file to parse, or - for standard input
    #[arg(default_value = "-")]
    input: PathBuf,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Conllu)]
    format: Format,
}

/// How `tacitus parse` writes its trees.
#[derive(Clone, Copy, ValueEnum)]
enum Format {
    /// CoNLL-U with TokenRange offsets (for programs)
    Conllu,
    /// An indented drawing of each tree (for people)
    Tree,
}

/// Runs `tacitus parse`.
pub fn run(dirs: &Dirs, args: &ParseArgs) -> Result<()> {
    let text = read_text(&args.input)?;
    let pipeline = dirs.pipeline()?;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    let mut buf = String::new();
    let mut failed = None;
    let mut count = 0usize;
    pipeline.analyse(&text, |parsed| {
        if failed.is_some() {
            return;
        }
        buf.clear();
        match args.format {
            Format::Conllu => write_sentence(&mut buf, &parsed.sentence),
            Format::Tree => {
                let text = parsed.sentence.meta("text").unwrap_or_default();
                buf.push_str(&format!("# {text}\n{}\n", render_tree(&parsed.sentence)));
            }
        }
        count += 1;
        if let Err(e) = out.write_all(buf.as_bytes()) {
            failed = Some(e);
        }
    });
    // A closed pipe (`tacitus parse | head`) is the reader's choice, not an error.
    let result = match failed {
        Some(e) => Err(e),
        None => out.flush(),
    };
    match result {
        Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => return Ok(()),
        other => other.context("writing output")?,
    }
    if count == 0 {
        eprintln!("warning: no sentences found in {}", args.input.display());
    }
    Ok(())
}
