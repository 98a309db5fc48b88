//! `crosscheck parse`.

use crate::util::{data, run};

#[test]
fn parse_json_of_the_official_text_has_a_preamble_and_24_points() {
    let out = run(&["parse", "--json", data("vn-kr-2025/official.txt").to_str().unwrap()]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["kind"], "official");
    let numbers: Vec<i64> =
        v["sections"].as_array().unwrap().iter().map(|s| s["number"].as_i64().unwrap()).collect();
    assert_eq!(numbers, (0..=24).collect::<Vec<_>>());
}

#[test]
fn parse_kind_forces_how_a_file_is_read() {
    let cases = [
        ("vn-kr-2025/official.txt", "press", "article"),
        ("vn-kr-2025/press-1.txt", "official", "paragraphs"),
        ("vn-kr-2025/press-1.txt", "press", "article"),
        ("vn-kr-2025/official.txt", "official", "numbered_points"),
    ];
    for (file, kind, structure) in cases {
        let out = run(&["parse", "--json", "--kind", kind, data(file).to_str().unwrap()]);
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
        assert_eq!((v["kind"].as_str(), v["structure"].as_str()), (Some(kind), Some(structure)), "{file}");
        let numbered = v["sections"].as_array().unwrap().iter().all(|s| s["number"].is_u64());
        assert_eq!(numbered, kind == "official", "{file} as {kind}: section numbers");
    }
}
