//! Bad input: every file in `tests/bad-input/` (and a missing and an unreadable one) given to
//! `parse` and to both sides of `compare` (the gold files to `eval`), each with the exit code and
//! the words the one-line message must hold.

use std::path::{Path, PathBuf};

use crate::util::{data, run};

/// A path under `tests/bad-input/`.
fn bad(name: &str) -> String {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/bad-input").join(name).display().to_string()
}

/// Exit code of a usage or input error (`EXIT_INPUT` in src/main.rs).
const INPUT_ERROR: i32 = 2;

/// An input, how `crosscheck` must end, and what its stderr must say (`{path}` is the input).
struct Case {
    file: &'static str,
    exit: i32,
    stderr: &'static [&'static str],
}

const FILE_CASES: &[Case] = &[
    Case { file: "empty.txt", exit: INPUT_ERROR, stderr: &["{path}: ", "empty"] },
    Case { file: "whitespace-only.txt", exit: INPUT_ERROR, stderr: &["{path}: ", "only white space"] },
    Case { file: "binary.png", exit: INPUT_ERROR, stderr: &["{path}: line 3, byte 8", "binary"] },
    Case { file: "a-directory", exit: INPUT_ERROR, stderr: &["{path}: ", "is a directory"] },
    Case { file: "does-not-exist.txt", exit: INPUT_ERROR, stderr: &["{path}: ", "No such file"] },
    Case {
        file: "invalid-utf8.txt",
        exit: INPUT_ERROR,
        stderr: &["{path}: line 3, byte 86", "invalid UTF-8 (byte 0xFF)"],
    },
    Case { file: "truncated-utf16.txt", exit: INPUT_ERROR, stderr: &["{path}: ", "invalid UTF-16LE"] },
];

/// Runs `args` and checks the exit code and that an error is one line naming the input.
fn check(case: &Case, path: &str, args: &[&str]) {
    let out = run(args);
    let stderr = String::from_utf8_lossy(&out.stderr);
    let label = format!("{args:?}");
    assert_eq!(out.status.code(), Some(case.exit), "{label}: {stderr}");
    for needle in case.stderr {
        let needle = needle.replace("{path}", path);
        assert!(stderr.contains(&needle), "{label}: stderr {stderr:?} lacks {needle:?}");
    }
    if case.exit != 0 {
        assert_eq!(stderr.trim_end().lines().count(), 1, "{label}: not one line: {stderr}");
        assert!(stderr.starts_with("crosscheck: error: "), "{label}: {stderr}");
        assert!(out.stdout.is_empty(), "{label}: wrote to stdout");
    }
}

#[test]
fn eval_reports_a_gold_file_that_holds_no_object_in_one_line_naming_it() {
    let cases = [
        Case {
            file: "gold-empty.json",
            exit: INPUT_ERROR,
            stderr: &["{path}: the file is empty; expected a JSON object"],
        },
        Case {
            file: "gold-array.json",
            exit: INPUT_ERROR,
            stderr: &[
                "{path}: expected a JSON object (the gold annotation), found an array at line 1, column 1",
            ],
        },
    ];
    for case in &cases {
        let path = bad(case.file);
        check(case, &path, &["eval", &path]);
    }
}

#[test]
fn parse_reports_each_bad_file_in_one_line_naming_it() {
    for case in FILE_CASES {
        let path = bad(case.file);
        check(case, &path, &["parse", &path]);
    }
}

#[test]
fn compare_reports_a_bad_official_text_in_one_line_naming_it() {
    let press = data("vn-kr-2025/press-1.txt").display().to_string();
    for case in FILE_CASES {
        let path = bad(case.file);
        check(case, &path, &["compare", &path, &press]);
    }
}

#[test]
fn compare_reports_a_bad_press_article_in_one_line_naming_it() {
    let official = data("vn-kr-2025/official.txt").display().to_string();
    for case in FILE_CASES {
        let path = bad(case.file);
        check(case, &path, &["compare", &official, &path]);
    }
}

#[test]
fn an_unreadable_file_is_one_line_naming_it() {
    use std::os::unix::fs::PermissionsExt;
    let path =
        PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("unreadable-{}.txt", std::process::id()));
    std::fs::write(&path, "1. The parties agreed.\n").unwrap();
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    // Root (and some CI sandboxes) can read any file: then there is nothing to test.
    if std::fs::read(&path).is_ok() {
        eprintln!("skipped: this user can read a file with mode 000");
        let _ = std::fs::remove_file(&path);
        return;
    }
    let name = path.display().to_string();
    let case =
        Case { file: "", exit: INPUT_ERROR, stderr: &["{path}: cannot read the file", "Permission denied"] };
    check(&case, &name, &["parse", &name]);
    let press = data("vn-kr-2025/press-1.txt").display().to_string();
    check(&case, &name, &["compare", &name, &press]);
    let _ = std::fs::remove_file(&path);
}

#[test]
fn legacy_encodings_are_read_with_a_warning_and_can_be_forced() {
    let cases: &[(&str, &[&str], Case)] = &[
        (
            "utf16-bom.txt",
            &[],
            Case { file: "", exit: 0, stderr: &["warning: {path}: read as UTF-16 little-endian"] },
        ),
        (
            "windows-1258.txt",
            &[],
            Case { file: "", exit: 0, stderr: &["warning: {path}: not UTF-8; read as Windows-1258"] },
        ),
        ("windows-1258.txt", &["--encoding", "windows-1258"], Case { file: "", exit: 0, stderr: &[] }),
        (
            "windows-1258.txt",
            &["--encoding", "utf-8"],
            Case { file: "", exit: INPUT_ERROR, stderr: &["{path}: line 1, byte 2", "invalid UTF-8"] },
        ),
        ("utf16-bom.txt", &["--encoding", "utf-16le"], Case { file: "", exit: 0, stderr: &[] }),
    ];
    for (file, flags, case) in cases {
        let path = bad(file);
        let mut args = vec!["parse", "--json"];
        args.extend_from_slice(flags);
        args.push(&path);
        check(case, &path, &args);
        let out = run(&args);
        if case.exit == 0 {
            if case.stderr.is_empty() {
                assert!(out.stderr.is_empty(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
            }
            let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            let texts: Vec<&str> = doc["sections"]
                .as_array()
                .unwrap()
                .iter()
                .flat_map(|s| s["sentences"].as_array().unwrap())
                .map(|s| s["text"].as_str().unwrap())
                .collect();
            assert_eq!(
                texts,
                [
                    "Thông cáo chung",
                    "Hai bên nhất trí tăng cường hợp tác kinh tế.",
                    "Phía Hàn Quốc cảm ơn Việt Nam."
                ],
                "{args:?}"
            );
        }
    }
}

#[test]
fn an_unknown_encoding_is_a_usage_error() {
    let out = run(&["parse", "--encoding", "latin-9", &bad("utf16-bom.txt")]);
    assert_eq!(out.status.code(), Some(INPUT_ERROR));
    assert!(String::from_utf8_lossy(&out.stderr).contains("windows-1258"), "the error lists the choices");
}

#[test]
fn config_files_with_errors_name_the_file_the_line_and_the_key() {
    let official = data("vn-kr-2025/official.txt").display().to_string();
    let press = data("vn-kr-2025/press-1.txt").display().to_string();
    let cases: &[(&str, &[&str])] = &[
        ("config-unknown-key.toml", &["{path}: line 3, key `suport_threshold`: unknown field"]),
        ("config-bad-type.toml", &["{path}: line 3, key `support_threshold`: invalid type"]),
        ("config-syntax.toml", &["{path}: line 2, key `support_threshold`: expected"]),
        ("config-out-of-range.toml", &["{path}: key `unigram_share` must be a number from 0 to 1"]),
        ("config-zero-count.toml", &["{path}: key `checks.min_quote_words` must be at least 1"]),
        ("does-not-exist.toml", &["{path}: ", "No such file"]),
    ];
    for (file, stderr) in cases {
        let path = bad(file);
        let case = Case { file: "", exit: INPUT_ERROR, stderr };
        check(&case, &path, &["compare", "--config", &path, &official, &press]);
    }
}

/// Removes every `path` field, so two runs on the same texts in different files compare equal.
fn without_paths(v: &mut serde_json::Value) {
    match v {
        serde_json::Value::Object(map) => {
            map.remove("path");
            map.values_mut().for_each(without_paths);
        }
        serde_json::Value::Array(items) => items.iter_mut().for_each(without_paths),
        _ => {}
    }
}

#[test]
fn compare_of_utf16_copies_of_the_seed_files_equals_compare_of_the_originals() {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("utf16-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut utf8_args = vec!["compare".to_string(), "--format".into(), "json".into()];
    let mut forced_args =
        vec!["compare".to_string(), "--format".into(), "json".into(), "--encoding".into(), "utf-16le".into()];
    let mut detected_args = vec!["compare".to_string(), "--format".into(), "json".into()];
    for name in ["official.txt", "press-1.txt"] {
        let original = data("vn-kr-2025").join(name);
        let text = std::fs::read_to_string(&original).unwrap();
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend(text.encode_utf16().flat_map(|u| u.to_le_bytes()));
        let copy = dir.join(name);
        std::fs::write(&copy, bytes).unwrap();
        utf8_args.push(original.display().to_string());
        forced_args.push(copy.display().to_string());
        detected_args.push(copy.display().to_string());
    }
    let json = |args: &[String]| {
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        assert_eq!(out.status.code(), Some(0), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
        // Findings' messages name the files: put one name for both folders.
        let stdout = String::from_utf8_lossy(&out.stdout)
            .replace(&data("vn-kr-2025").display().to_string(), "DIR")
            .replace(&dir.display().to_string(), "DIR");
        let mut v: serde_json::Value = serde_json::from_str(&stdout).unwrap();
        without_paths(&mut v);
        (v, String::from_utf8_lossy(&out.stderr).into_owned())
    };
    let (expected, _) = json(&utf8_args);
    let (forced, forced_stderr) = json(&forced_args);
    let (detected, detected_stderr) = json(&detected_args);
    assert!(forced == expected, "compare --encoding utf-16le differs from the UTF-8 run");
    assert!(detected == expected, "compare of UTF-16 files differs from the UTF-8 run");
    assert!(!forced_stderr.contains("warning"), "{forced_stderr}");
    assert_eq!(detected_stderr.matches("warning: ").count(), 2, "{detected_stderr}");
    let _ = std::fs::remove_dir_all(&dir);
}
