//! Writing a report file safely: never over one of the input files, and never half-written (the
//! report goes to a temporary file in the target directory, which is then renamed into place).

use std::io::Write;
use std::path::{Path, PathBuf};

use anyhow::{bail, Context};

/// Writes to `target` what `write` writes (through a buffer), refusing when `target` is one of
/// `inputs` (compared after resolving links and relative parts) before anything is written. An
/// error from `write` leaves the old file, if any, and no temporary file; a run killed while
/// `write` runs (a large report is written as it is serialised) leaves the old file and may leave
/// the temporary `.crosscheck-*.tmp` beside it.
pub fn write_report(
    target: &Path,
    inputs: &[PathBuf],
    write: impl FnOnce(&mut dyn Write) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let name = target.display();
    let resolved = resolve(target).with_context(|| format!("writing {name}"))?;
    for input in inputs {
        if std::fs::canonicalize(input).is_ok_and(|i| i == resolved) {
            bail!("refusing to write the report over the input file {}", input.display());
        }
    }
    let dir = resolved.parent().unwrap_or_else(|| Path::new("."));
    let mut builder = tempfile::Builder::new();
    builder.prefix(".crosscheck-").suffix(".tmp");
    if let Some(permissions) = new_file_permissions(&resolved) {
        builder.permissions(permissions);
    }
    let tmp = builder
        .tempfile_in(dir)
        .with_context(|| format!("writing {name}: cannot create a temporary file in {}", dir.display()))?;
    let mut out = std::io::BufWriter::new(tmp);
    write(&mut out).with_context(|| format!("writing {name}"))?;
    // Dropping the temporary file on an error removes it.
    let tmp = out.into_inner().map_err(|e| e.into_error()).with_context(|| format!("writing {name}"))?;
    tmp.persist(&resolved).map_err(|e| e.error).with_context(|| format!("writing {name}"))?;
    Ok(())
}

/// The permissions the report gets: those of the file it replaces, or on Unix those of any new
/// file (read-write for all, less the umask) rather than the temporary file's owner-only default.
fn new_file_permissions(target: &Path) -> Option<std::fs::Permissions> {
    if let Ok(meta) = std::fs::metadata(target) {
        return Some(meta.permissions());
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        Some(std::fs::Permissions::from_mode(0o666))
    }
    #[cfg(not(unix))]
    {
        None
    }
}

/// The absolute, link-free path `target` names, whether or not the file exists yet (its directory
/// must).
fn resolve(target: &Path) -> anyhow::Result<PathBuf> {
    if let Ok(p) = std::fs::canonicalize(target) {
        return Ok(p);
    }
    let file = target.file_name().context("the output path names no file")?;
    let parent = match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let dir = std::fs::canonicalize(parent).with_context(|| format!("no directory {}", parent.display()))?;
    Ok(dir.join(file))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `bytes` as the report.
    fn write_bytes(target: &Path, inputs: &[PathBuf], bytes: &[u8]) -> anyhow::Result<()> {
        write_report(target, inputs, |out| Ok(out.write_all(bytes)?))
    }

    #[test]
    fn a_report_is_written_and_replaces_an_older_one_without_leaving_temporary_files() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.txt");
        write_bytes(&target, &[], b"first").unwrap();
        write_bytes(&target, &[], b"second").unwrap();
        assert_eq!(std::fs::read(&target).unwrap(), b"second");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["report.txt"]);
    }

    #[test]
    fn a_report_that_fails_half_written_leaves_the_older_one_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("report.json");
        write_bytes(&target, &[], b"old").unwrap();
        // More than the buffer holds, so part of it reaches the temporary file before the error.
        let err = write_report(&target, &[], |out| {
            out.write_all(&[b'x'; 1 << 16])?;
            anyhow::bail!("the serialiser failed")
        })
        .unwrap_err();
        assert!(format!("{err:#}").contains("the serialiser failed"), "{err:#}");
        assert_eq!(std::fs::read(&target).unwrap(), b"old");
        let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(names, ["report.json"]);
    }

    #[test]
    fn writing_over_an_input_is_refused_even_by_another_name() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("official.txt");
        std::fs::write(&input, "the official text").unwrap();
        std::fs::create_dir(dir.path().join("sub")).unwrap();
        let other_name = dir.path().join("sub").join("..").join("official.txt");
        let err = write_bytes(&other_name, std::slice::from_ref(&input), b"report").unwrap_err();
        assert!(err.to_string().contains("official.txt"), "{err}");
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "the official text");
    }

    #[cfg(unix)]
    #[test]
    fn a_new_report_is_readable_by_others_as_any_new_file_and_a_replaced_one_keeps_its_mode() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let plain = dir.path().join("plain.txt");
        std::fs::write(&plain, "x").unwrap();
        let expected = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
        let new = dir.path().join("report.html");
        write_bytes(&new, &[], b"report").unwrap();
        assert_eq!(std::fs::metadata(&new).unwrap().permissions().mode() & 0o777, expected);
        std::fs::set_permissions(&new, std::fs::Permissions::from_mode(0o640)).unwrap();
        write_bytes(&new, &[], b"again").unwrap();
        assert_eq!(std::fs::metadata(&new).unwrap().permissions().mode() & 0o777, 0o640);
    }

    #[cfg(unix)]
    #[test]
    fn writing_through_a_link_to_an_input_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let input = dir.path().join("press.txt");
        std::fs::write(&input, "an article").unwrap();
        let link = dir.path().join("report.txt");
        std::os::unix::fs::symlink(&input, &link).unwrap();
        assert!(write_bytes(&link, std::slice::from_ref(&input), b"report").is_err());
        assert_eq!(std::fs::read_to_string(&input).unwrap(), "an article");
    }

    #[test]
    fn a_missing_directory_is_an_error_naming_the_output() {
        let dir = tempfile::tempdir().unwrap();
        let target = dir.path().join("nowhere").join("report.txt");
        let err = write_bytes(&target, &[], b"x").unwrap_err();
        assert!(format!("{err:#}").contains("report.txt"), "{err:#}");
    }
}
