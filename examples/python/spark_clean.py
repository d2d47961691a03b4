"""Cleans a JSONL or Parquet corpus with PySpark's ``mapInArrow``.

    python examples/python/spark_clean.py corpus.jsonl clean/ --master 'local[2]'

``ArrowCleaner.map_in_arrow`` cleans each Arrow record batch a Spark task
hands over, in Rust, and keeps the schema: the text column is cleaned in
place, every other column passes through. The pipeline travels to the
executors pickled (a ``Pipeline`` pickles as its configuration).
"""

from __future__ import annotations

import argparse


def clean_frame(frame, *, column: str = "text", preset: str = "web", threads: int = 1):
    """The DataFrame with its text column cleaned."""
    from textclean.batches import ArrowCleaner

    cleaner = ArrowCleaner(column=column, preset=preset, threads=threads)
    return frame.mapInArrow(cleaner.map_in_arrow, frame.schema)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("source", help="a .jsonl file or a Parquet file or folder")
    parser.add_argument("output", help="the folder to write Parquet to")
    parser.add_argument("--column", default="text")
    parser.add_argument("--preset", default="web")
    parser.add_argument("--master", default="local[2]")
    args = parser.parse_args()

    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master(args.master).appName("textclean").getOrCreate()
    if args.source.endswith((".jsonl", ".json")):
        frame = spark.read.json(args.source)
    else:
        frame = spark.read.parquet(args.source)
    clean_frame(frame, column=args.column, preset=args.preset).write.mode("overwrite").parquet(args.output)
    spark.stop()


if __name__ == "__main__":
    main()
