//! The Tacitus model file: a versioned, checksummed container for one trained model.
//!
//! Models are trained by `tacitus setup` and read by every command, so a file from another version,
//! a truncated download or a file of the wrong kind must be refused with a message that says which,
//! not misread. Layout (all integers little-endian):
//!
//! ```text
//! magic  b"TACITUSM"         8 bytes
//! format u32                 container version (FORMAT_VERSION)
//! kind   u16 length + UTF-8  what model this is, e.g. "tagger"
//! model  u32                 the model's own schema version
//! length u64                 payload length in bytes
//! crc32  u32                 CRC-32 of the payload
//! payload                    bincode encoding of the model
//! ```

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::Serialize;
use serde::de::DeserializeOwned;

/// The first eight bytes of every model file.
pub const MAGIC: &[u8; 8] = b"TACITUSM";
/// Version of the container layout described in the module docs.
pub const FORMAT_VERSION: u32 = 1;

/// A model file that could not be written or read.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The file could not be read or written.
    #[error("{path}")]
    Io {
        /// The file.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// The file is not a Tacitus model at all.
    #[error("{path}: not a Tacitus model file")]
    NotAModel {
        /// The file.
        path: PathBuf,
    },
    /// The file holds another kind of model.
    #[error("{path}: holds a {found} model, expected a {expected} model")]
    WrongKind {
        /// The file.
        path: PathBuf,
        /// Kind the caller asked for.
        expected: String,
        /// Kind found in the file.
        found: String,
    },
    /// The file was written by another version of Tacitus.
    #[error(
        "{path}: model version {found} (container {found_format}), this build reads version {expected} (container {FORMAT_VERSION}); run `tacitus setup` again"
    )]
    Version {
        /// The file.
        path: PathBuf,
        /// Model version this build reads.
        expected: u32,
        /// Model version in the file.
        found: u32,
        /// Container version in the file.
        found_format: u32,
    },
    /// The payload is truncated or damaged.
    #[error("{path}: corrupt model file ({what}); run `tacitus setup` again")]
    Corrupt {
        /// The file.
        path: PathBuf,
        /// What check failed.
        what: String,
    },
}

/// Writes `value` as a model of `kind` at schema `version`, atomically (temporary file, then rename).
pub fn save<T: Serialize>(
    path: &Path,
    kind: &str,
    version: u32,
    value: &T,
) -> Result<(), ModelError> {
    let io = |source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    };
    let payload = bincode::serialize(value).map_err(|e| ModelError::Corrupt {
        path: path.to_path_buf(),
        what: format!("encoding failed: {e}"),
    })?;
    let mut bytes = Vec::with_capacity(payload.len() + 64);
    bytes.extend_from_slice(MAGIC);
    bytes.extend_from_slice(&FORMAT_VERSION.to_le_bytes());
    bytes.extend_from_slice(&(kind.len() as u16).to_le_bytes());
    bytes.extend_from_slice(kind.as_bytes());
    bytes.extend_from_slice(&version.to_le_bytes());
    bytes.extend_from_slice(&(payload.len() as u64).to_le_bytes());
    bytes.extend_from_slice(&crc32fast::hash(&payload).to_le_bytes());
    bytes.extend_from_slice(&payload);
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        fs::create_dir_all(dir).map_err(io)?;
    }
    let tmp = path.with_extension("tmp");
    let mut f = fs::File::create(&tmp).map_err(io)?;
    f.write_all(&bytes).map_err(io)?;
    f.sync_all().map_err(io)?;
    fs::rename(&tmp, path).map_err(io)
}

/// Reads a model of `kind` at schema `version`, checking magic, kind, versions, length and checksum.
pub fn load<T: DeserializeOwned>(path: &Path, kind: &str, version: u32) -> Result<T, ModelError> {
    let bytes = fs::read(path).map_err(|source| ModelError::Io {
        path: path.to_path_buf(),
        source,
    })?;
    decode(path, &bytes, kind, version)
}

fn decode<T: DeserializeOwned>(
    path: &Path,
    bytes: &[u8],
    kind: &str,
    version: u32,
) -> Result<T, ModelError> {
    let corrupt = |what: &str| ModelError::Corrupt {
        path: path.to_path_buf(),
        what: what.to_string(),
    };
    let mut cur = Cursor { bytes, pos: 0 };
    if cur.take(8) != Some(MAGIC.as_slice()) {
        return Err(ModelError::NotAModel {
            path: path.to_path_buf(),
        });
    }
    let header = |c: &mut Cursor| -> Option<(u32, String, u32, u64, u32)> {
        let format = c.u32()?;
        let kind_len = u16::from_le_bytes(c.take(2)?.try_into().ok()?) as usize;
        let found_kind = String::from_utf8_lossy(c.take(kind_len)?).into_owned();
        let found_version = c.u32()?;
        let len = u64::from_le_bytes(c.take(8)?.try_into().ok()?);
        let crc = c.u32()?;
        Some((format, found_kind, found_version, len, crc))
    };
    let (format, found_kind, found_version, len, crc) =
        header(&mut cur).ok_or_else(|| corrupt("truncated header"))?;
    if found_kind != kind {
        return Err(ModelError::WrongKind {
            path: path.to_path_buf(),
            expected: kind.to_string(),
            found: found_kind,
        });
    }
    if format != FORMAT_VERSION || found_version != version {
        return Err(ModelError::Version {
            path: path.to_path_buf(),
            expected: version,
            found: found_version,
            found_format: format,
        });
    }
    let payload = &bytes[cur.pos..];
    if payload.len() as u64 != len {
        return Err(corrupt(&format!(
            "payload is {} bytes, header says {len}",
            payload.len()
        )));
    }
    if crc32fast::hash(payload) != crc {
        return Err(corrupt("checksum mismatch"));
    }
    bincode::deserialize(payload).map_err(|e| corrupt(&format!("decoding failed: {e}")))
}

struct Cursor<'a> {
    bytes: &'a [u8],
    pos: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.pos..self.pos.checked_add(n)?)?;
        self.pos += n;
        Some(s)
    }

    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn tmp(name: &str) -> PathBuf {
        std::env::temp_dir().join(format!("tacitus-modelfile-{}-{name}", std::process::id()))
    }

    #[test]
    fn round_trip_and_checks() {
        let p = tmp("ok.bin");
        let value = (vec![1.5f32, -2.0], "hello".to_string());
        save(&p, "toy", 3, &value).unwrap();
        let back: (Vec<f32>, String) = load(&p, "toy", 3).unwrap();
        assert_eq!(back, value);
        assert!(matches!(
            load::<(Vec<f32>, String)>(&p, "tagger", 3),
            Err(ModelError::WrongKind { .. })
        ));
        assert!(matches!(
            load::<(Vec<f32>, String)>(&p, "toy", 4),
            Err(ModelError::Version { .. })
        ));

        let mut bytes = fs::read(&p).unwrap();
        let last = bytes.len() - 1;
        bytes[last] ^= 0xff;
        fs::write(&p, &bytes).unwrap();
        let err = load::<(Vec<f32>, String)>(&p, "toy", 3).unwrap_err();
        assert!(err.to_string().contains("checksum"), "{err}");

        bytes.truncate(bytes.len() - 3);
        fs::write(&p, &bytes).unwrap();
        assert!(matches!(
            load::<(Vec<f32>, String)>(&p, "toy", 3),
            Err(ModelError::Corrupt { .. })
        ));

        fs::write(&p, b"hello world, not a model").unwrap();
        assert!(matches!(
            load::<(Vec<f32>, String)>(&p, "toy", 3),
            Err(ModelError::NotAModel { .. })
        ));
        fs::write(&p, b"TACITUSM\x01").unwrap();
        assert!(matches!(
            load::<(Vec<f32>, String)>(&p, "toy", 3),
            Err(ModelError::Corrupt { .. })
        ));
        let _ = fs::remove_file(&p);
    }
}
