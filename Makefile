# claimset tasks. `make test` is the one command CI runs.

.PHONY: test lint sample schema rules

# Every check: formatting, lints, then the Rust tests (unit, integration, snapshots).
test: lint
	cargo test --locked --all-targets

lint:
	cargo fmt --check
	cargo clippy --locked --all-targets -- -D warnings

# Reconvert the bundled sample articles into datasets/sample.
sample:
	cargo run --release -- convert

# Regenerate schema/ from the record types.
schema:
	cargo run -- schema

# Regenerate docs/rules.md from the checker rules' docs.
rules:
	cargo run -q -- rule --all > docs/rules.md
