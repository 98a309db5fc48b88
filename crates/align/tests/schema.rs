//! The published JSON Schema (`docs/alignment.schema.json`) is the one the types generate.
//! Regenerate it with `UPDATE_SCHEMA=1 cargo test -p crosscheck-align --test schema`.

use std::path::Path;

#[test]
fn the_published_schema_matches_the_types() {
    let schema = schemars::schema_for!(crosscheck_align::Alignment);
    let generated = serde_json::to_string_pretty(&schema).unwrap() + "\n";
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../docs/alignment.schema.json");
    if std::env::var_os("UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &generated).unwrap();
    }
    let published = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(published == generated, "docs/alignment.schema.json is stale: run UPDATE_SCHEMA=1 cargo test -p crosscheck-align --test schema");
}
