#!/bin/sh
# Runs every fuzz target in turn for SECONDS each (default 300), seeded from the
# repository's inputs and datasets: `fuzz/run.sh` from the repository root, or
# `fuzz/run.sh 60` for a quick round. Needs cargo-fuzz (`cargo install cargo-fuzz`);
# RUSTC_BOOTSTRAP=1 lets it use nightly features on a stable toolchain.
set -eu
SECONDS_EACH=${1:-300}
cd "$(dirname "$0")"
export RUSTC_BOOTSTRAP=1
mkdir -p corpus/ingest_extract corpus/read_table corpus/check_dataset
# check_dataset seeds: each sample table behind the byte that picks it.
i=0
for t in actors sources articles claims mentions; do
    { printf "\\00$i"; cat "../datasets/sample/$t.parquet"; } > "corpus/check_dataset/seed-$t"
    i=$((i + 1))
done
cargo fuzz run ingest_extract corpus/ingest_extract ../tests/fixtures/bad-inputs ../datasets/raw \
    -- -max_total_time="$SECONDS_EACH" -max_len=65536 -malloc_limit_mb=1024
cargo fuzz run read_table corpus/read_table ../datasets/sample \
    -- -max_total_time="$SECONDS_EACH" -malloc_limit_mb=512
cargo fuzz run check_dataset corpus/check_dataset \
    -- -max_total_time="$SECONDS_EACH" -malloc_limit_mb=1024
