#!/usr/bin/env bash
# Run what CI runs (.ci/run) without the package installs: formatting, lints, the no-egui
# check, and the tests.
set -euo pipefail
cd "$(dirname "$0")"
[ -d ../shared/seeds ] && export VISAVIS_SOURCES_DIR="$(cd ../shared/seeds && pwd)"
set -x
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --all-targets --no-default-features -- -D warnings
! cargo tree --no-default-features -e normal --prefix none | grep -E '^(egui|eframe|winit|glow|rfd)\b'
cargo test --no-default-features --lib
cargo test
