"""Cleaning Arrow batches on distributed engines: Ray Data, Spark, Polars.

``ArrowCleaner`` is a callable that cleans one text column of an Arrow
table or record batch and returns the same table with the column cleaned.
Its pipeline is built once, where the callable is made, so on Ray give the
class to ``map_batches`` (each actor builds its own)::

    import ray
    from textclean.batches import ArrowCleaner

    ds = ray.data.read_json("corpus.jsonl")
    ds = ds.map_batches(
        ArrowCleaner,
        fn_constructor_kwargs={"column": "text", "preset": "web"},
        batch_format="pyarrow",
        concurrency=2,
    )

and on Spark pass ``ArrowCleaner(...).map_in_arrow`` to
``DataFrame.mapInArrow`` (the schema does not change)::

    df.mapInArrow(ArrowCleaner(column="text").map_in_arrow, df.schema)
"""

from __future__ import annotations

from typing import Any, Iterable, Iterator, Mapping, Optional, Union

from . import CorpusModel, Pipeline

__all__ = ["ArrowCleaner"]


class ArrowCleaner:
    """Cleans the column ``column`` of Arrow tables and record batches.

    Args:
        column: the name of the text column.
        output: the name of the column to write (``column`` by default:
            cleaned in place; another name keeps the original beside it).
        preset, config, language, corpus_model: the pipeline, as for
            ``textclean.Pipeline``.
        url_column: the name of a column of page addresses, for a corpus
            model's site counts.
        threads: threads per batch (one per core by default; give the cores
            of one worker when an engine runs several workers per machine).
    """

    def __init__(
        self,
        column: str = "text",
        output: Optional[str] = None,
        preset: Optional[str] = None,
        config: Union[Mapping[str, Any], str, None] = None,
        language: Optional[str] = None,
        corpus_model: Optional[CorpusModel] = None,
        url_column: Optional[str] = None,
        threads: Optional[int] = None,
    ):
        self.url_column = url_column
        self.column = column
        self.output = output or column
        self.pipeline = Pipeline(preset, config=config, language=language, corpus_model=corpus_model)
        self.threads = threads

    def __call__(self, batch: Any) -> Any:
        """The table (or record batch) with its text column cleaned."""
        import pyarrow as pa

        names = batch.schema.names
        if self.column not in names:
            raise KeyError(f"no column {self.column!r} in the batch: it has {', '.join(names)}")
        urls = None
        if self.url_column is not None:
            if self.url_column not in names:
                raise KeyError(f"no column {self.url_column!r} in the batch: it has {', '.join(names)}")
            urls = batch.column(self.url_column)
        cleaned = self.pipeline.clean_arrow(batch.column(self.column), urls=urls, threads=self.threads)
        if isinstance(batch, pa.RecordBatch):
            columns = list(batch.columns)
            if self.output in names:
                columns[names.index(self.output)] = cleaned
                return pa.RecordBatch.from_arrays(columns, schema=batch.schema)
            return pa.RecordBatch.from_arrays(columns + [cleaned], names=names + [self.output])
        if self.output in names:
            return batch.set_column(names.index(self.output), self.output, cleaned)
        return batch.append_column(self.output, cleaned)

    def map_in_arrow(self, batches: Iterable[Any]) -> Iterator[Any]:
        """Cleans a stream of record batches: for Spark's ``mapInArrow``."""
        for batch in batches:
            yield self(batch)
