"""textclean against the Python tools it replaces, from Python, on the same
text, in one run.

    pip install textclean ftfy justext pysbd sentencex
    python crates/python/bench/peers.py --pages ../shared/data/boilerplate-dev/cases.jsonl.gz \
        --book ../shared/data/prose/pg74-the-adventures-of-tom-sawyer.txt

Prints a Markdown table of MB/s (MB of UTF-8 input per second, the best of
``--repeat`` runs, one core unless the row says otherwise). The inputs:
``pages``, real page texts (a JSONL file, gzipped or not, with a ``text``
field); ``book``, a plain-text book, and the same book as mojibake (its
UTF-8 read as Windows-1252, what ftfy exists to repair); the book's
paragraphs for the sentence splitters. A peer that is not installed is
left out of the table.
"""

from __future__ import annotations

import argparse
import gzip
import html
import json
import time
from typing import Callable, Optional

import textclean


def read_pages(path: str, limit: int) -> list[str]:
    opener = gzip.open if path.endswith(".gz") else open
    pages = []
    with opener(path, "rt", encoding="utf-8") as lines:
        for line in lines:
            pages.append(json.loads(line)["text"])
            if len(pages) == limit:
                break
    return pages


def megabytes(texts: list[str]) -> float:
    return sum(len(t.encode("utf-8")) for t in texts) / 1e6


def best_seconds(work: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def each(function: Callable[[str], object], texts: list[str]) -> Callable[[], None]:
    def run() -> None:
        for text in texts:
            function(text)

    return run


def peer(name: str) -> Optional[object]:
    try:
        return __import__(name)
    except ImportError:
        return None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", required=True, help="JSONL(.gz) of page texts, a `text` field each")
    parser.add_argument("--book", required=True, help="a plain-text book")
    parser.add_argument("--limit", type=int, default=400, help="pages to read (default 400)")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    pages = read_pages(args.pages, args.limit)
    book = open(args.book, encoding="utf-8").read()
    mojibake = book.encode("utf-8").decode("cp1252", errors="replace")
    paragraphs = [" ".join(p.split()) for p in book.split("\n\n") if p.strip()]
    # jusText reads HTML: each line of a page text becomes a paragraph.
    pages_html = ["".join(f"<p>{html.escape(line)}</p>" for line in page.splitlines()) for page in pages]

    rows: list[tuple[str, str, str, float]] = []

    def measure(job: str, tool: str, inputs: str, texts: list[str], work: Callable[[], object]) -> None:
        seconds = best_seconds(work, args.repeat)
        rows.append((job, tool, inputs, megabytes(texts) / seconds))

    ftfy = peer("ftfy")
    justext = peer("justext")
    pysbd = peer("pysbd")
    sentencex = peer("sentencex")

    # Unicode repair.
    ftfy_preset = textclean.Pipeline("ftfy")
    if ftfy:
        measure("Unicode repair", "ftfy.fix_text", "mojibake book", [mojibake], lambda: ftfy.fix_text(mojibake))
    measure("Unicode repair", 'textclean preset="ftfy"', "mojibake book", [mojibake], lambda: ftfy_preset.clean(mojibake))
    if ftfy:
        measure("Unicode repair", "ftfy.fix_text", "pages", pages, each(ftfy.fix_text, pages))
    measure("Unicode repair", 'textclean preset="ftfy"', "pages", pages, each(ftfy_preset.clean, pages))

    # Boilerplate removal.
    if justext:
        stoplist = justext.get_stoplist("English")
        measure(
            "Boilerplate removal", "justext.justext", "pages", pages,
            each(lambda page: justext.justext(page, stoplist), pages_html),
        )
    boilerplate = textclean.Pipeline("boilerplate")
    measure("Boilerplate removal", 'textclean preset="boilerplate"', "pages", pages, each(boilerplate.clean, pages))

    # Sentence splitting.
    if pysbd:
        segmenter = pysbd.Segmenter(language="en", clean=False)
        measure("Sentence splitting", "pysbd", "book paragraphs", paragraphs, each(segmenter.segment, paragraphs))
    if sentencex:
        measure(
            "Sentence splitting", "sentencex", "book paragraphs", paragraphs,
            each(lambda p: sentencex.segment("en", p), paragraphs),
        )
    measure("Sentence splitting", "textclean.sentences", "book paragraphs", paragraphs, each(textclean.sentences, paragraphs))
    measure("Sentence splitting", "textclean.split (with offsets)", "book paragraphs", paragraphs, each(textclean.split, paragraphs))

    # The whole web pipeline.
    web = textclean.Pipeline()
    measure("Whole web pipeline", "textclean.Pipeline().clean", "pages", pages, each(web.clean, pages))
    measure("Whole web pipeline", "clean_batch, 2 threads", "pages", pages, lambda: web.clean_batch(pages, threads=2))
    pa = peer("pyarrow")
    if pa:
        column = pa.array(pages)
        measure("Whole web pipeline", "clean_arrow, 2 threads", "pages", pages, lambda: web.clean_arrow(column, threads=2))

    print(f"{len(pages)} pages ({megabytes(pages):.1f} MB), book {megabytes([book]):.2f} MB, "
          f"{len(paragraphs)} paragraphs; textclean {textclean.__version__}")
    print()
    print("| job | tool | input | MB/s | × the fastest peer |")
    print("| --- | --- | --- | ---: | ---: |")
    for job, tool, inputs, speed in rows:
        ours = tool.startswith(("textclean", "clean_"))
        peers = [s for j, t, i, s in rows if j == job and i == inputs and not t.startswith(("textclean", "clean_"))]
        ratio = f"{speed / max(peers):.1f}×" if ours and peers else ""
        print(f"| {job} | {tool} | {inputs} | {speed:.2f} | {ratio} |")


if __name__ == "__main__":
    main()
