//! `crosscheck compare` on many articles: directories, globs, txt/md/html inputs, `--stdin-jsonl`
//! streaming, skipped articles, and output that does not depend on the thread count.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};

use serde_json::Value;

use crate::util::{data, run};

fn official() -> String {
    data("vn-kr-2025/official.txt").display().to_string()
}

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/batch")
}

/// The seed article's paragraphs (to build many different articles from).
fn paragraphs() -> Vec<String> {
    let text = std::fs::read_to_string(data("vn-kr-2025/press-1.txt")).unwrap();
    text.split("\n\n").map(|p| p.trim().to_string()).filter(|p| !p.is_empty()).collect()
}

/// Runs the binary with `args`, feeding `stdin`.
fn run_with_stdin(args: &[&str], stdin: impl AsRef<[u8]>) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_crosscheck"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("binary runs");
    let mut input = child.stdin.take().unwrap();
    let bytes = stdin.as_ref().to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&bytes);
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    out
}

/// A fresh scratch directory for one test (removed at its end; left for inspection when it fails).
fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("crosscheck-batch-{}-{name}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

/// Writes `n` different articles (txt, md and html in turn) built from the seed's paragraphs.
fn write_corpus(dir: &Path, n: usize) {
    let ps = paragraphs();
    for i in 0..n {
        let pick: Vec<&str> = (0..4).map(|k| ps[(i * 7 + k * 5 + 1) % ps.len()].as_str()).collect();
        let (name, body) = match i % 3 {
            0 => (format!("a{i:03}.txt"), pick.join("\n\n")),
            1 => (format!("a{i:03}.md"), format!("# Article {i}\n\n{}", pick.join("\n\n"))),
            _ => (
                format!("a{i:03}.html"),
                format!(
                    "<html><head><title>Article {i}</title><script>x()</script></head><body><nav><a href=/>Home</a></nav><article><p>{}</p></article></body></html>",
                    pick.join("</p><p>")
                ),
            ),
        };
        std::fs::write(dir.join(name), body).unwrap();
    }
}

fn stdout_json(out: &Output) -> Value {
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap()
}

#[test]
fn a_directory_of_txt_md_and_html_articles_gives_the_same_alignment_for_the_same_text() {
    let dir = fixtures().display().to_string();
    let v = stdout_json(&run(&["compare", &official(), &dir, "--format", "json"]));
    let articles = v["articles"].as_array().unwrap();
    let names: Vec<&str> = articles
        .iter()
        .map(|a| Path::new(a["path"].as_str().unwrap()).file_name().unwrap().to_str().unwrap())
        .collect();
    assert_eq!(names, ["article.html", "article.md", "article.txt"]);
    // Findings name the article's file too: compare everything with the file name taken out.
    let without_path = |a: &Value| {
        let path = a["path"].as_str().unwrap();
        serde_json::from_str::<Value>(&a.to_string().replace(path, "ARTICLE")).unwrap()
    };
    assert_eq!(without_path(&articles[0]), without_path(&articles[2]), "html and txt differ");
    assert_eq!(without_path(&articles[1]), without_path(&articles[2]), "md and txt differ");
    // The alignment is a real one: roles from the markup, and sources found for the body.
    let roles: Vec<&str> =
        articles[0]["sentences"].as_array().unwrap().iter().map(|s| s["role"].as_str().unwrap()).collect();
    assert_eq!(roles.first(), Some(&"dateline"));
    assert_eq!(roles.get(1), Some(&"headline"));
    assert!(roles.contains(&"caption") && roles.last() == Some(&"byline"), "{roles:?}");
    assert!(articles[0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["sources"].as_array().is_some_and(|x| !x.is_empty())));
    assert_eq!(v["summary"]["articles"], 3);
}

#[test]
fn navigation_scripts_ads_and_related_links_of_a_web_page_are_not_article_text() {
    let page = fixtures().join("article.html").display().to_string();
    let v = stdout_json(&run(&["compare", &official(), &page, "--format", "json"]));
    let text: Vec<&str> = v["articles"][0]["sentences"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["text"].as_str().unwrap())
        .collect();
    let all = text.join("\n");
    for noise in [
        "Thời sự",
        "dataLayer",
        "Quảng cáo",
        "Tin liên quan",
        "Facebook",
        "Trang chủ",
        "Giấy phép",
        "Đọc nhiều",
    ] {
        assert!(!all.contains(noise), "{noise} leaked into the article:\n{all}");
    }
    assert!(v.get("summary").is_none(), "one article has no summary unless asked");
}

#[test]
fn a_quoted_glob_is_expanded_by_crosscheck() {
    let pattern = fixtures().join("*.md").display().to_string();
    let v = stdout_json(&run(&["compare", &official(), &pattern, "--format", "json", "--summary"]));
    assert_eq!(v["articles"].as_array().unwrap().len(), 1);
    assert_eq!(v["summary"]["articles"], 1);
}

#[test]
fn streaming_200_records_gives_200_lines_in_input_order() {
    let ps = paragraphs();
    let mut input = String::new();
    let mut ids = Vec::new();
    for i in 0..200usize {
        let id: Value = if i % 2 == 0 { Value::from(i) } else { Value::from(format!("rec-{i}")) };
        let text = format!("{}\n\n{}", ps[i % ps.len()], ps[(i * 7 + 3) % ps.len()]);
        input.push_str(&serde_json::json!({"id": id, "text": text}).to_string());
        input.push('\n');
        ids.push(id);
    }
    let out = run_with_stdin(&["compare", &official(), "--stdin-jsonl", "--threads", "2"], &input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let lines: Vec<Value> =
        String::from_utf8(out.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 200);
    let got: Vec<&Value> = lines.iter().map(|l| &l["id"]).collect();
    assert_eq!(got, ids.iter().collect::<Vec<_>>());
    assert!(lines
        .iter()
        .all(|l| l["sentences"].as_array().is_some_and(|s| !s.is_empty()) && l["coverage"].is_array()));
}

/// A stream record that aligns.
fn good_record() -> String {
    serde_json::json!({"id": "good", "text": "Hai bên nhất trí tăng cường hợp tác."}).to_string()
}

/// Streams `input` in a run that must succeed: each output line's id and error flag
/// ([`id_and_error_of`]), and what was written to stderr.
fn stream_that_succeeds(input: impl AsRef<[u8]>) -> (Vec<(String, bool)>, String) {
    let out = run_with_stdin(&["compare", &official(), "--stdin-jsonl"], input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    (id_and_error_of(&out.stdout), String::from_utf8_lossy(&out.stderr).into_owned())
}

/// Each output line of a stream as its id (as JSON) and whether it is an error line.
fn id_and_error_of(stdout: &[u8]) -> Vec<(String, bool)> {
    let text = std::str::from_utf8(stdout).unwrap();
    let lines: Vec<Value> = text.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    lines.iter().map(|l| (l["id"].to_string(), l.get("error").is_some())).collect()
}

#[test]
fn a_bad_record_gets_an_error_line_and_the_stream_goes_on_unless_strict() {
    let good = good_record();
    let missing = serde_json::json!({"id": "missing", "path": "/no/such/article.txt"}).to_string();
    let input = format!("{good}\nnot json\n{missing}\n\n{good}\n");
    let out = run_with_stdin(&["compare", &official(), "--stdin-jsonl"], &input);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let shape = id_and_error_of(&out.stdout);
    assert_eq!(
        shape,
        [
            ("\"good\"".to_string(), false),
            ("null".to_string(), true),
            ("\"missing\"".to_string(), true),
            ("\"good\"".to_string(), false)
        ]
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("stdin line 2") && stderr.contains("/no/such/article.txt"), "{stderr}");
    assert!(stderr.contains("2 of 4 records skipped"), "{stderr}");

    let out = run_with_stdin(&["compare", &official(), "--stdin-jsonl", "--strict"], &input);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 2, "stops after the first bad record");
}

#[test]
fn a_record_that_is_not_an_object_gets_an_error_line_saying_so_and_the_stream_goes_on() {
    let good = good_record();
    let (shape, stderr) = stream_that_succeeds(format!("[1, 2]\n{good}\n"));
    assert_eq!(shape, [("null".to_string(), true), ("\"good\"".to_string(), false)]);
    assert!(stderr.contains("stdin line 1: not a valid record: expected a JSON object"), "{stderr}");
    assert!(stderr.contains("found an array at column 1"), "{stderr}");
}

#[test]
fn a_byte_order_mark_opening_the_stream_is_not_part_of_the_first_record() {
    let good = good_record();
    let (shape, stderr) = stream_that_succeeds(format!("\u{FEFF}{good}\n\u{FEFF}{good}\n"));
    // Only the stream's first line may carry one: inside the stream it is a stray character.
    assert_eq!(shape, [("\"good\"".to_string(), false), ("null".to_string(), true)]);
    assert!(stderr.contains("stdin line 2: not a valid record: expected a JSON object"), "{stderr}");
    assert!(stderr.contains("found U+FEFF at column 1"), "{stderr}");
}

#[test]
fn a_line_that_is_not_utf8_gets_an_error_line_naming_its_line_and_byte_and_the_stream_goes_on() {
    let good = good_record();
    let mut input = format!("{good}\n").into_bytes();
    input.extend_from_slice(b"{\"id\": \"latin1\", \"text\": \"Caf\xE9\"}\r\n");
    input.extend_from_slice(format!("{good}\n").as_bytes());
    let (shape, stderr) = stream_that_succeeds(&input);
    assert_eq!(
        shape,
        [("\"good\"".to_string(), false), ("\"latin1\"".to_string(), true), ("\"good\"".to_string(), false)]
    );
    // Line 1 is the good record and its newline; the bad byte is 29 bytes into line 2.
    let at = good.len() + 1 + 29;
    assert!(stderr.contains(&format!("stdin line 2, byte {at}: invalid UTF-8 (byte 0xE9)")), "{stderr}");
}

#[test]
fn a_record_whose_id_is_not_utf8_gets_an_error_line_with_no_id() {
    let out = run_with_stdin(
        &["compare", &official(), "--stdin-jsonl"],
        b"{\"id\": \"caf\xE9\", \"text\": \"x\"}\n",
    );
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let line: Value = serde_json::from_slice(out.stdout.trim_ascii_end()).unwrap();
    assert_eq!((&line["id"], line["error"].is_string()), (&Value::Null, true));
}

#[test]
fn a_line_that_is_not_utf8_stops_the_stream_with_strict() {
    let good = good_record();
    let mut input = b"{\"id\": 1, \"text\": \"Caf\xE9\"}\n".to_vec();
    input.extend_from_slice(format!("{good}\n").as_bytes());
    let out = run_with_stdin(&["compare", &official(), "--stdin-jsonl", "--strict"], &input);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(String::from_utf8(out.stdout).unwrap().lines().count(), 1, "only the error line");
}

#[test]
fn an_unreadable_article_is_skipped_and_counted_unless_strict() {
    let dir = scratch("skip");
    write_corpus(&dir, 2);
    std::fs::write(dir.join("broken.txt"), b"Valid start \xff\xfe then bad bytes.").unwrap();
    let d = dir.display().to_string();
    let out = run(&["compare", &official(), &d]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("skipped") && stderr.contains("broken.txt: line 1"), "{stderr}");
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("Corpus: 2 articles compared, 1 skipped"), "{stdout}");

    let out = run(&["compare", &official(), &d, "--strict"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(out.stdout.is_empty());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn output_is_byte_identical_with_1_and_4_threads() {
    let dir = scratch("threads");
    write_corpus(&dir, 40);
    let d = dir.display().to_string();
    for format in ["json", "text"] {
        let one = run(&["compare", &official(), &d, "--format", format, "--threads", "1"]);
        let four = run(&["compare", &official(), &d, "--format", format, "--threads", "4"]);
        assert!(one.status.success() && four.status.success(), "{}", String::from_utf8_lossy(&four.stderr));
        assert!(one.stdout.len() > 1000);
        assert!(one.stdout == four.stdout, "{format} output differs between 1 and 4 threads");
    }
    let mut input = String::new();
    for entry in std::fs::read_dir(&dir).unwrap() {
        let path = entry.unwrap().path();
        input.push_str(&serde_json::json!({"id": path.display().to_string(), "path": path}).to_string());
        input.push('\n');
    }
    let one = run_with_stdin(&["compare", &official(), "--stdin-jsonl", "--threads", "1"], &input);
    let four = run_with_stdin(&["compare", &official(), "--stdin-jsonl", "--threads", "4"], &input);
    assert!(one.status.success(), "{}", String::from_utf8_lossy(&one.stderr));
    assert_eq!(String::from_utf8_lossy(&one.stdout).lines().count(), 40);
    assert!(one.stdout == four.stdout, "streamed output differs between 1 and 4 threads");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_corpus_summary_is_in_the_text_markdown_html_and_json_reports() {
    let dir = fixtures().display().to_string();
    for (format, marker) in [
        ("text", "Corpus: 3 articles compared, 25 points"),
        ("md", "## Corpus summary"),
        ("html", "<section class=\"corpus-summary\"><h2>Corpus summary</h2>"),
        ("json", "\"summary\": {"),
    ] {
        let out = run(&["compare", &official(), &dir, "--format", format]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let report = String::from_utf8(out.stdout).unwrap();
        assert!(report.contains(marker), "{format} report lacks the summary");
    }
    let out = run(&["compare", &official(), &fixtures().join("article.txt").display().to_string()]);
    assert!(
        !String::from_utf8_lossy(&out.stdout).contains("Corpus:"),
        "one article has no summary unless asked"
    );
}
