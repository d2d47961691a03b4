#!/usr/bin/env bash
# The Python package's tests, as CI runs them: builds the wheel in a fresh
# virtual environment, installs it with its test extras (pytest, pyarrow,
# datatrove, Ray, PySpark), and runs pytest on tests/.
#
#   bash crates/python/run_tests.sh             # all of them
#   bash crates/python/run_tests.sh -k arrow    # pytest's options pass through
#
# TEXTCLEAN_PY_WORK names the folder for the venv and the wheel (a new
# temporary one by default); PYTHON the interpreter to build it with.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
work="${TEXTCLEAN_PY_WORK:-$(mktemp -d)}"
python="${PYTHON:-python3}"

"$python" -m venv "$work/venv"
bin="$work/venv/bin"
"$bin/python" -m pip install --quiet --upgrade pip
"$bin/python" -m pip install --quiet "maturin>=1.7,<2"
rm -rf "$work/dist"
"$bin/maturin" build --release --quiet --manifest-path "$here/Cargo.toml" --out "$work/dist"
wheel=$(ls "$work"/dist/textclean-*.whl)
echo "wheel: $(basename "$wheel"), $(du -k "$wheel" | cut -f1) KiB"
"$bin/python" -m pip install --quiet "$wheel[test,datatrove,ray,spark]"
cd "$here"
"$bin/python" -m pytest -q -p no:cacheprovider "$@"
