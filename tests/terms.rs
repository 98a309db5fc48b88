//! `crosscheck terms`, and the findings `compare` reports, on the seed pair.

use crate::util::{data, run};

fn seed() -> [String; 2] {
    [
        data("vn-kr-2025/official.txt").to_str().unwrap().to_string(),
        data("vn-kr-2025/press-1.txt").to_str().unwrap().to_string(),
    ]
}

#[test]
fn terms_lists_each_files_acronyms_names_and_quantities_then_the_findings() {
    let [official, press] = seed();
    let out = run(&["terms", &official, &press]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8(out.stdout).unwrap();
    for want in [
        "KVFTA = Hiệp định Thương mại Tự do Việt Nam - Hàn Quốc  [lines 50]",
        "150 tỷ USD = 150000000000 USD  [lines 60]",
        "ngày 10-13/8 = dates --08-10..--08-13  [lines 3]",
        "Lee Jae-myung  [lines 3, 7, 33]",
        "warning acronym_conflict:",
        "warning name_variant:",
    ] {
        assert!(text.contains(want), "missing {want:?} in\n{text}");
    }
}

#[test]
fn terms_json_has_one_entry_per_file_and_the_findings() {
    let [official, press] = seed();
    let out = run(&["terms", "--format", "json", &official, &press]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 2);
    let kinds: Vec<&str> =
        v["findings"].as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap()).collect();
    assert!(kinds.contains(&"acronym_conflict") && kinds.contains(&"name_variant"), "{kinds:?}");
}

#[test]
fn a_bad_glossary_is_an_input_error_naming_the_file_line_and_key() {
    let dir = std::env::temp_dir().join(format!("crosscheck-terms-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let glossary = dir.join("glossary.toml");
    std::fs::write(&glossary, "[[alias]]\nforms = [\"Lee Jae Myung\"]\n").unwrap();
    let [official, press] = seed();
    let out = run(&["terms", "--glossary", glossary.to_str().unwrap(), &official, &press]);
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("glossary.toml: line 2: `alias.forms`"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn compare_places_each_finding_once_shared_or_with_its_article() {
    let [official, press] = seed();
    let out = run(&["compare", "--format", "json", &official, &press]);
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let kinds = |list: &serde_json::Value| -> Vec<String> {
        list.as_array().unwrap().iter().map(|f| f["kind"].as_str().unwrap().to_string()).collect()
    };
    let shared = kinds(&v["findings"]);
    let article = kinds(&v["articles"][0]["findings"]);
    // KVFTA/VKFTA is inside the official text: shared, once. Lee Jae-myung is the article's.
    assert_eq!(shared.iter().filter(|k| *k == "acronym_conflict").count(), 1, "{shared:?}");
    assert!(!article.contains(&"acronym_conflict".to_string()), "{article:?}");
    assert_eq!(article.iter().filter(|k| *k == "name_variant").count(), 1, "{article:?}");
    assert!(!shared.contains(&"name_variant".to_string()), "{shared:?}");
}
