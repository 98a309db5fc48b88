# List the recipes.
default:
    @just --list

# Run the main job: compare the seed press article with the seed official text.
demo:
    cargo run --release -- compare data/vn-kr-2025/official.txt data/vn-kr-2025/press-1.txt

# Score the aligner against the gold annotations (the seed and the held-out pairs).
eval:
    cargo run --release -- eval data/vn-kr-2025/gold.json
    for g in data/heldout/*/gold.json; do cargo run --release -q -- eval "$g"; done

# Write the HTML report of the seed pair to target/report.html (open it in any browser).
report:
    cargo run --release -- compare data/vn-kr-2025/official.txt data/vn-kr-2025/press-1.txt -o target/report.html

# Run every test (unit, property, CLI integration, doc tests).
test:
    cargo test --workspace

# Check formatting and lints as CI does.
lint:
    cargo fmt --all -- --check
    cargo clippy --workspace --all-targets -- -D warnings

# Run the benchmarks.
bench:
    cargo bench --workspace

# Generate a synthetic press corpus: just gen-corpus 1000 target/corpus
gen-corpus n="1000" out="target/corpus":
    cargo run --release --example gen-corpus -- --official data/vn-kr-2025/official.txt --n {{n}} --seed 7 --out {{out}}

# Measure whole-process speed and peak memory of compare on generated corpora (N = 100, 1,000, 10,000).
bench-corpus:
    scripts/bench-corpus.sh

# Count the instructions one streamed article costs, in total and by stage (needs valgrind).
profile-stages:
    scripts/profile-stages.sh

# Fuzz the parser or compare (nightly + `cargo install cargo-fuzz`): `just fuzz parse 600`.
fuzz target="parse" seconds="600":
    cd fuzz && mkdir -p corpus/{{target}} && cargo +nightly fuzz run {{target}} corpus/{{target}} ../data/vn-kr-2025 -- -max_total_time={{seconds}} -max_len=4096

# Stream the generated corpus with whole stages left out (checks, diffs, all of the aligning), from a patched copy of HEAD.
stage-floor:
    scripts/stage-floor.sh
