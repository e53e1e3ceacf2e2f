//! From the paths a user names to the files to read. Directories are walked recursively in
//! sorted order, so the same tree always gives the same batch; hidden entries (`.git`,
//! `.DS_Store`) inside them are left out, but a hidden path named outright is read.
//! Symbolic links are followed, each directory entered once; pipes and devices are read
//! when named outright.

use std::collections::HashSet;
use std::fs;
use std::path::{Path, PathBuf};

use tacitus_dataset::Skipped;

/// One input: a file path, or `-` for standard input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Input {
    /// The file, or `-` for standard input.
    pub path: PathBuf,
    /// Its size in bytes when discovered (0 for standard input).
    pub size: u64,
}

impl Input {
    /// Whether this input is standard input.
    pub fn is_stdin(&self) -> bool {
        self.path.as_os_str() == "-"
    }
}

/// A skip for `path`, for a person to read.
fn skipped(path: &Path, reason: String) -> Skipped {
    Skipped {
        origin: path.display().to_string(),
        reason,
    }
}

/// Expands paths (directories recursively, in sorted order, skipping hidden files/dirs) into
/// inputs; paths that cannot be read are reported.
pub fn discover(paths: &[PathBuf]) -> (Vec<Input>, Vec<Skipped>) {
    let (mut inputs, mut skips) = (Vec::new(), Vec::new());
    let mut seen_dirs = HashSet::new();
    for path in paths {
        if path.as_os_str() == "-" {
            inputs.push(Input {
                path: path.clone(),
                size: 0,
            });
            continue;
        }
        // A stack of directories still to list, each a sorted list of entries to visit.
        let mut stack: Vec<std::vec::IntoIter<PathBuf>> = vec![vec![path.clone()].into_iter()];
        while let Some(top) = stack.last_mut() {
            let Some(p) = top.next() else {
                stack.pop();
                continue;
            };
            let named = stack.len() == 1;
            let meta = match fs::metadata(&p) {
                Ok(m) => m,
                Err(e) => {
                    skips.push(skipped(&p, format!("cannot read: {e}")));
                    continue;
                }
            };
            if meta.is_file() {
                inputs.push(Input {
                    path: p,
                    size: meta.len(),
                });
                continue;
            }
            if !meta.is_dir() {
                // A pipe or device named outright (`<(zcat x.gz)`) is read; inside a
                // directory it is not a document.
                if named {
                    inputs.push(Input { path: p, size: 0 });
                } else {
                    skips.push(skipped(&p, "not a regular file or directory".into()));
                }
                continue;
            }
            if !seen_dirs.insert(fs::canonicalize(&p).unwrap_or_else(|_| p.clone())) {
                continue;
            }
            match list(&p) {
                Ok(entries) => stack.push(entries.into_iter()),
                Err(e) => skips.push(skipped(&p, format!("cannot read directory: {e}"))),
            }
        }
    }
    (inputs, skips)
}

/// A directory's visible entries, sorted by name.
fn list(dir: &Path) -> std::io::Result<Vec<PathBuf>> {
    let mut entries = Vec::new();
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        if !entry.file_name().as_encoded_bytes().starts_with(b".") {
            entries.push(entry.path());
        }
    }
    entries.sort();
    Ok(entries)
}
