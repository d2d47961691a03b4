//! Where results go, written so that a failed run loses nothing: a file
//! output is written beside its target under a temporary name and renamed
//! into place only when the whole run succeeded, so an existing file is
//! never truncated by a run that fails halfway.

use std::fs;
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};

use tempfile::NamedTempFile;

use crate::Failure;

/// A stream of results: standard output, or a file that appears only when
/// [`Output::finish`] is called.
pub struct Output {
    writer: BufWriter<Sink>,
    /// How messages name it.
    name: String,
    /// Where a file output goes once the run succeeded.
    target: Option<PathBuf>,
}

enum Sink {
    Stdout(io::StdoutLock<'static>),
    File(NamedTempFile),
}

impl Write for Sink {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        match self {
            Sink::Stdout(out) => out.write(buf),
            Sink::File(file) => file.write(buf),
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self {
            Sink::Stdout(out) => out.flush(),
            Sink::File(file) => file.flush(),
        }
    }
}

impl Output {
    /// Standard output.
    pub fn stdout() -> Output {
        Output {
            writer: BufWriter::with_capacity(
                1 << 16,
                Sink::Stdout(io::stdout().lock()),
            ),
            name: "standard output".to_owned(),
            target: None,
        }
    }

    /// A file, written in a temporary file in the same directory (so the
    /// final rename is atomic) with the permissions of the file it replaces.
    pub fn file(path: &Path) -> Result<Output, Failure> {
        let name = path.display().to_string();
        let write_error =
            |e: io::Error| Failure::Write(format!("{name}: {e}"));
        let dir = match path.parent() {
            Some(dir) if !dir.as_os_str().is_empty() => dir,
            _ => Path::new("."),
        };
        let mut builder = tempfile::Builder::new();
        builder.prefix(".textclean-").suffix(".tmp");
        let existing = fs::metadata(path).ok();
        if let Some(metadata) = &existing {
            if metadata.is_dir() {
                return Err(Failure::Usage(format!("{name}: is a directory")));
            }
            builder.permissions(metadata.permissions());
        } else if let Some(permissions) = default_permissions() {
            builder.permissions(permissions);
        }
        let file = builder.tempfile_in(dir).map_err(write_error)?;
        Ok(Output {
            writer: BufWriter::with_capacity(1 << 16, Sink::File(file)),
            name,
            target: Some(path.to_owned()),
        })
    }

    /// Writes `bytes`. A reader of standard output that has gone away ends
    /// the run quietly ([`Failure::Closed`]); any other error names the
    /// output.
    pub fn write(&mut self, bytes: &[u8]) -> Result<(), Failure> {
        self.writer.write_all(bytes).map_err(|e| self.failure(e))
    }

    /// Hands what is buffered on (so that it comes before what goes to
    /// standard error next).
    pub fn flush(&mut self) -> Result<(), Failure> {
        self.writer.flush().map_err(|e| self.failure(e))
    }

    /// Ends the run: flushes, and puts a file output in place.
    pub fn finish(mut self) -> Result<(), Failure> {
        self.flush()?;
        let name = self.name.clone();
        let sink = self
            .writer
            .into_inner()
            .map_err(|e| Failure::Write(format!("{name}: {}", e.error())))?;
        if let (Sink::File(file), Some(target)) = (sink, self.target) {
            file.as_file()
                .sync_all()
                .map_err(|e| Failure::Write(format!("{name}: {e}")))?;
            file.persist(&target)
                .map_err(|e| Failure::Write(format!("{name}: {}", e.error)))?;
        }
        Ok(())
    }

    fn failure(&self, e: io::Error) -> Failure {
        if self.target.is_none() && e.kind() == io::ErrorKind::BrokenPipe {
            Failure::Closed
        } else {
            Failure::Write(format!("{}: {e}", self.name))
        }
    }
}

/// What a new file gets: on Unix read and write for all, less the umask
/// (which the system applies on creation), rather than a temporary file's
/// owner-only mode; elsewhere a temporary file's permissions are already
/// ordinary.
fn default_permissions() -> Option<fs::Permissions> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(fs::Permissions::from_mode(0o666))
    }
    #[cfg(not(unix))]
    None
}

/// Writes to standard error what the run reports as it goes (--explain);
/// a standard error that is closed ends the run at once, quietly.
pub fn to_stderr(bytes: &[u8]) -> Result<(), Failure> {
    io::stderr().lock().write_all(bytes).map_err(|_| Failure::Gone)
}

/// Says something on standard error at the end of a run; if standard error
/// is closed there is no one to tell, and the run's result stands.
pub fn note(message: &str) {
    let _ = writeln!(io::stderr().lock(), "textclean: {message}");
}

/// Whether two paths name the same file: the same device and inode when
/// both exist (hard links and symbolic links included), else the same
/// place once their directories are resolved.
pub fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(x), Ok(y)) => same_inode(&x, &y, a, b),
        (Err(_), Err(_)) => {
            resolved(a).is_some_and(|ra| resolved(b) == Some(ra))
        }
        _ => false,
    }
}

#[cfg(unix)]
fn same_inode(x: &fs::Metadata, y: &fs::Metadata, _: &Path, _: &Path) -> bool {
    use std::os::unix::fs::MetadataExt;
    x.dev() == y.dev() && x.ino() == y.ino()
}

#[cfg(not(unix))]
fn same_inode(_: &fs::Metadata, _: &fs::Metadata, a: &Path, b: &Path) -> bool {
    matches!((fs::canonicalize(a), fs::canonicalize(b)), (Ok(x), Ok(y)) if x == y)
}

/// A path that does not exist yet, with its directory resolved.
fn resolved(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    Some(fs::canonicalize(dir).ok()?.join(name))
}
