#!/usr/bin/env python3
"""The differential harness against ftfy: runs `ftfy.fix_text` and
textclean's `ftfy` preset over the same lines and counts where they differ.

    pip install ftfy ./crates/python
    python3 crates/unicode/tools/ftfy_diff.py --pages ../shared/data/boilerplate-dev/cases.jsonl.gz \
        --books ../shared/data/prose/*.txt [--examples 5]

Inputs, one line a unit (ftfy fixes line by line too):
- `clean`: the lines of real page texts and books that hold a non-ASCII
  character or an `&`, as they are: the truth is the line itself, but
  ftfy's defaults also straighten quotes, expand ligatures and narrow
  full-width forms, so on these the two are compared with each other;
- damaged: the same lines' UTF-8 read as another code page (one and two
  layers), and with bytes lost on the way (the NBSP of the UTF-8 of `à`
  turned into a space, one byte of a sequence replaced by U+FFFD, the C1
  controls stripped). Here the truth is known: the original line, put
  through ftfy's own normalizations (`fix_text` of a line that was never
  damaged), so each tool is scored on whether it gets back to it.

Prints, per input kind, how many units both tools restore, only ftfy, only
textclean, neither, and (for `clean`) how many outputs differ, with
examples of each kind of difference.
"""

from __future__ import annotations

import argparse
import collections
import gzip
import json
import random

import ftfy
import textclean

CODECS = ["cp1252", "latin-1", "mac_roman", "cp1250", "cp1251", "cp1253", "cp1254", "cp1257", "iso8859_2", "cp437"]


def read_lines(pages: str, books: list[str], limit: int) -> list[str]:
    lines = []
    opener = gzip.open if pages.endswith(".gz") else open
    with opener(pages, "rt", encoding="utf-8") as records:
        for record in records:
            lines.extend(json.loads(record)["text"].splitlines())
    for book in books:
        with open(book, encoding="utf-8") as text:
            lines.extend(text.read().splitlines())
    wanted = [line for line in dict.fromkeys(lines) if line.strip() and (not line.isascii() or "&" in line)]
    random.Random(7).shuffle(wanted)
    return wanted[:limit]


def mojibake(line: str, codec: str) -> str | None:
    """`line`'s UTF-8 read as `codec`, or None where the codec cannot."""
    try:
        return line.encode("utf-8").decode(codec)
    except UnicodeDecodeError:
        if codec == "cp1252":
            # The sloppy reading: the five undefined bytes as C1 controls.
            return "".join(
                b.to_bytes(1, "big").decode("latin-1") if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D)
                else b.to_bytes(1, "big").decode("cp1252")
                for b in line.encode("utf-8")
            )
        return None


def damaged(line: str) -> dict[str, tuple[str, str]]:
    """Damaged versions of `line`, by kind: each the damaged text and the
    original it should come back to (with U+FFFD where a byte was lost for
    good)."""
    out = {}
    for codec in CODECS:
        once = mojibake(line, codec)
        if once is None or once == line:
            continue
        out[f"1 layer {codec}"] = (once, line)
        if codec in ("cp1252", "latin-1", "mac_roman"):
            twice = mojibake(once, codec)
            if twice is not None:
                out[f"2 layers {codec}"] = (twice, line)
    once = mojibake(line, "cp1252")
    if once and "\u00a0" in once:
        # The A0 of a UTF-8 sequence (the NBSP itself, `à`) became a space.
        out["lost NBSP"] = (once.replace("\u00a0", " "), line)
    latin1 = mojibake(line, "latin-1")
    if latin1:
        stripped = "".join(c for c in latin1 if not 0x80 <= ord(c) <= 0x9F)
        if stripped != latin1:
            # Read as Latin-1, then its C1 controls stripped: what the bytes
            # 80-9F held is gone.
            out["C1 stripped"] = (stripped, line)
    first = next((c for c in line if not c.isascii()), None)
    if first is not None:
        # One character of the mojibake of the first non-ASCII character
        # became U+FFFD: that character is lost, the rest can come back.
        spelled = mojibake(first, "cp1252")
        if spelled and len(spelled) > 1:
            hurt = spelled[:-1] + "\ufffd"
            at = line.index(first)
            rest = line[at + 1 :]
            out["byte became U+FFFD"] = (
                line[:at] + hurt + (mojibake(rest, "cp1252") or rest),
                line[:at] + "\ufffd" + rest,
            )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", required=True)
    parser.add_argument("--books", nargs="*", default=[])
    parser.add_argument("--limit", type=int, default=20000, help="lines to use (default 20,000)")
    parser.add_argument("--examples", type=int, default=3)
    args = parser.parse_args()

    ours = textclean.Pipeline("ftfy")

    def tc(text: str) -> str:
        return ours.clean(text)

    lines = read_lines(args.pages, args.books, args.limit)
    tally: dict[str, collections.Counter] = collections.defaultdict(collections.Counter)
    examples: dict[tuple[str, str], list] = collections.defaultdict(list)

    for line in lines:
        truth_f = ftfy.fix_text(line)
        truth_t = tc(line)
        kind = "clean"
        tally[kind]["units"] += 1
        if truth_f == truth_t:
            tally[kind]["same"] += 1
        else:
            tally[kind]["differ"] += 1
            if truth_t == line:
                verdict = "textclean keeps the line, ftfy changes it"
            elif truth_f == line:
                verdict = "ftfy keeps the line, textclean changes it"
            else:
                verdict = "both change it, differently"
            tally[kind][verdict] += 1
            if len(examples[(kind, verdict)]) < args.examples:
                examples[(kind, verdict)].append((line, truth_f, truth_t))
        for kind, (text, original) in damaged(line).items():
            f, t = ftfy.fix_text(text), tc(text)
            tally[kind]["units"] += 1
            if original == line:
                want_f, want_t = truth_f, truth_t
            else:
                want_f, want_t = ftfy.fix_text(original), tc(original)
            right_f, right_t = f == want_f, t == want_t
            verdict = {
                (True, True): "both",
                (True, False): "only ftfy",
                (False, True): "only textclean",
                (False, False): "neither",
            }[(right_f, right_t)]
            tally[kind][verdict] += 1
            if verdict in ("only ftfy", "neither") and len(examples[(kind, verdict)]) < args.examples:
                examples[(kind, verdict)].append((text, f, t))

    print(f"{len(lines)} lines with a non-ASCII character or an `&`\n")
    print("| input | units | both right | only ftfy | only textclean | neither |")
    print("| --- | ---: | ---: | ---: | ---: | ---: |")
    for kind, counts in tally.items():
        if kind == "clean":
            continue
        print(f"| {kind} | {counts['units']} | {counts['both']} | {counts['only ftfy']} | "
              f"{counts['only textclean']} | {counts['neither']} |")
    clean = tally["clean"]
    print(f"\nclean lines: {clean['units']}, the same output {clean['same']}, different {clean['differ']}")
    for verdict, n in clean.items():
        if verdict not in ("units", "same", "differ"):
            print(f"  {verdict}: {n}")
    print()
    for (kind, verdict), cases in examples.items():
        print(f"## {kind}: {verdict}")
        for text, f, t in cases:
            print(f"  input:     {text[:160]!r}")
            print(f"  ftfy:      {f[:160]!r}")
            print(f"  textclean: {t[:160]!r}")
            print()


if __name__ == "__main__":
    main()
