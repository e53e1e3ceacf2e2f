//! Reading user input: files or standard input, any bytes, decoded to text without failing.

use std::io::Read;
use std::path::Path;

use anyhow::{Context, Result};

/// Reads `path` (or standard input for `-`) as text; invalid UTF-8 is replaced, with a warning.
pub fn read_text(path: &Path) -> Result<String> {
    let bytes = if path.as_os_str() == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .context("reading standard input")?;
        b
    } else {
        std::fs::read(path).with_context(|| format!("reading {}", path.display()))?
    };
    Ok(match String::from_utf8(bytes) {
        Ok(s) => s,
        Err(e) => {
            let bytes = e.into_bytes();
            let text = String::from_utf8_lossy(&bytes).into_owned();
            let bad = text.chars().filter(|&c| c == '\u{FFFD}').count();
            eprintln!(
                "warning: {} is not valid UTF-8; {bad} invalid sequence(s) replaced by U+FFFD (offsets count the replacement characters)",
                path.display()
            );
            text
        }
    })
}
