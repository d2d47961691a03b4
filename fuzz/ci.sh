#!/usr/bin/env bash
# The fuzz targets as a CI check: installs cargo-fuzz if it is missing,
# builds every target, and runs each one for FUZZ_SECONDS (20 by default)
# from a fresh copy of its seeds (fuzz/seeds/<target>/). Fails when any
# target finds a crash or a broken invariant, and prints the input that
# did it (base64) with the command that replays it.
#
# Set CARGO_BUILD_JOBS to limit the build (e.g. 1 on a shared machine).
set -euo pipefail
cd "$(dirname "$0")"

seconds=${FUZZ_SECONDS:-20}
# A fixed seed makes a run repeatable: the same inputs in the same order,
# so CI on this kind of machine explores what a local run explored (set
# FUZZ_SEED=0 for a new random seed each run, to explore further).
seed=${FUZZ_SEED:-1}
# cargo-fuzz passes nightly flags (-Zsanitizer=address); this lets the
# stable toolchain accept them.
export RUSTC_BOOTSTRAP=1

start=$(date +%s)
if ! cargo fuzz --version >/dev/null 2>&1; then
  echo "fuzz: installing cargo-fuzz"
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi
cargo fuzz --version

cargo fuzz build
built=$(date +%s)
echo "fuzz: built every target in $((built - start)) s"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failed=()
for target in $(cargo fuzz list); do
  corpus="$work/corpus/$target"
  artifacts="$work/artifacts/$target"
  mkdir -p "$corpus" "$artifacts"
  cp seeds/"$target"/* "$corpus"/ 2>/dev/null || true
  log="$work/$target.log"
  # -timeout: a single input that takes 10 s is a bug too (every stage is
  # linear in its input); -max_len: as in local runs.
  if cargo fuzz run "$target" "$corpus" -- \
      -max_total_time="$seconds" -max_len=4096 -timeout=10 -seed="$seed" \
      -artifact_prefix="$artifacts/" >"$log" 2>&1; then
    done_line=$(grep -o 'Done [0-9]* runs in [0-9]* second(s)' "$log" |
      tail -n 1 || true)
    echo "fuzz $target: ok, ${done_line:-no 'Done' line}"
  else
    echo "fuzz $target: FAILED"
    # The invariant that broke, and where.
    grep -A 12 -m 1 'panicked at' "$log" || tail -n 40 "$log"
    for input in "$artifacts"/*; do
      [ -f "$input" ] || continue
      echo "fuzz $target: $(basename "$input"); to replay it, in fuzz/:"
      echo "  echo '$(base64 -w 0 "$input")' | base64 -d > crash &&" \
        "RUSTC_BOOTSTRAP=1 cargo fuzz run $target crash"
    done
    failed+=("$target")
  fi
done

echo "fuzz: $(( $(date +%s) - start )) s in all"
if [ "${#failed[@]}" -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}" >&2
  exit 1
fi
echo "fuzz: every target ran clean"
