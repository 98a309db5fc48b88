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
