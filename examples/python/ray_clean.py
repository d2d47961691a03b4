"""Cleans a JSONL or Parquet corpus with Ray Data, on Arrow batches.

    python examples/python/ray_clean.py corpus.jsonl clean/ --preset web --cpus 2

Each Ray actor (one per CPU but the one the readers use) builds the
pipeline once (``ArrowCleaner`` is a callable
class) and cleans whole Arrow batches in Rust; the output is Parquet, one
file per block, with every column as it came in and the text column
cleaned.
"""

from __future__ import annotations

import argparse
from typing import Optional


def clean_corpus(
    source: str,
    output: str,
    *,
    column: str = "text",
    preset: str = "web",
    url_column: Optional[str] = None,
    actors: int = 2,
    threads_per_actor: int = 1,
    batch_size: int = 512,
):
    """Reads ``source`` (``.jsonl``/``.json`` or Parquet), cleans ``column``
    and writes Parquet to ``output``; returns the cleaned dataset."""
    import ray

    from textclean.batches import ArrowCleaner

    if source.endswith((".jsonl", ".json", ".jsonl.gz", ".json.gz")):
        dataset = ray.data.read_json(source)
    else:
        dataset = ray.data.read_parquet(source)
    cleaned = dataset.map_batches(
        ArrowCleaner,
        fn_constructor_kwargs={
            "column": column,
            "preset": preset,
            "url_column": url_column,
            "threads": threads_per_actor,
        },
        batch_format="pyarrow",
        batch_size=batch_size,
        concurrency=actors,
        num_cpus=threads_per_actor,
    )
    cleaned.write_parquet(output)
    return cleaned


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a .jsonl file or a Parquet file or folder")
    parser.add_argument("output", help="the folder to write Parquet to")
    parser.add_argument("--column", default="text")
    parser.add_argument("--url-column", default=None)
    parser.add_argument("--preset", default="web")
    parser.add_argument("--cpus", type=int, default=2, help="CPUs of the local Ray instance")
    args = parser.parse_args()

    import ray

    ray.init(num_cpus=args.cpus)
    # The actors each hold a CPU for as long as the dataset runs; the tasks
    # that read the input need one of their own, or nothing is ever read.
    clean_corpus(
        args.source, args.output, column=args.column, preset=args.preset,
        url_column=args.url_column, actors=max(1, args.cpus - 1),
    )
    ray.shutdown()


if __name__ == "__main__":
    main()
