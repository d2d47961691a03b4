"""textclean as datatrove pipeline steps.

>>> from datatrove.executor import LocalPipelineExecutor
>>> from datatrove.pipeline.readers import JsonlReader
>>> from datatrove.pipeline.writers import JsonlWriter
>>> from textclean.datatrove import BoilerplateFilter, TextcleanFormatter
>>> LocalPipelineExecutor(pipeline=[                        # doctest: +SKIP
...     JsonlReader("raw/"),
...     BoilerplateFilter(min_kept=0.2),
...     TextcleanFormatter(preset="web"),
...     JsonlWriter("clean/"),
... ]).run()

Both steps work on batches of documents, cleaned in parallel in Rust, and
add the changes per rule to the step's stats (``textclean.<rule>``). A
document's ``metadata["url"]``, when it has one, tells a corpus model its
site.
"""

from __future__ import annotations

from typing import Any, Mapping, Optional, Union

from datatrove.data import DocumentsPipeline
from datatrove.pipeline.filters.base_filter import BaseFilter
from datatrove.pipeline.formatters.base import BaseFormatter
from datatrove.utils.batching import batched
from datatrove.utils.typeshelper import StatHints

from . import CorpusModel, Pipeline

__all__ = ["BoilerplateFilter", "TextcleanFormatter"]

Config = Union[Mapping[str, Any], str, None]


def _urls(batch: list) -> Optional[list]:
    """Each document's ``metadata["url"]``, when any has one."""
    urls = [doc.metadata.get("url") for doc in batch]
    return urls if any(urls) else None


class TextcleanFormatter(BaseFormatter):
    """Cleans each document's text with a textclean pipeline.

    Args:
        preset: the preset to start from (``web`` by default).
        config: a configuration (dict or TOML string), alone or as
            overrides of ``preset``.
        language: a language code, or ``auto`` to detect each document's.
        corpus_model: a boilerplate ``CorpusModel`` learned on the corpus.
        batch_size: documents cleaned together, in parallel.
        threads: threads per batch (one per core by default).
    """

    name = "🧹 textclean"

    def __init__(
        self,
        preset: Optional[str] = None,
        config: Config = None,
        language: Optional[str] = None,
        corpus_model: Optional[CorpusModel] = None,
        batch_size: int = 256,
        threads: Optional[int] = None,
    ):
        super().__init__()
        self.pipeline = Pipeline(preset, config=config, language=language, corpus_model=corpus_model)
        self.batch_size = batch_size
        self.threads = threads

    def format(self, text: str) -> str:
        return self.pipeline.clean(text)

    def run(self, data: DocumentsPipeline, rank: int = 0, world_size: int = 1) -> DocumentsPipeline:
        for batch in batched(data, self.batch_size):
            with self.track_time("batch"):
                texts, counts = self.pipeline.clean_batch_counts(
                    [doc.text for doc in batch], urls=_urls(batch), threads=self.threads
                )
            for rule, n in counts.items():
                self.stat_update(f"textclean.{rule}", value=n)
            for doc, text in zip(batch, texts):
                self.stat_update(StatHints.total)
                doc.text = text
                yield doc


class BoilerplateFilter(BaseFilter):
    """Drops documents that are mostly boilerplate: those of which the
    boilerplate stage keeps less than ``min_kept`` of the characters, or
    fewer than ``min_words`` words. Documents it keeps are unchanged (put a
    ``TextcleanFormatter`` after it to clean them); each gets the share
    kept in ``metadata["textclean_kept"]``.

    Args:
        min_kept: the least share of the text (0 to 1) the stage must keep.
        min_words: the fewest words it must keep.
        preset, config, language, corpus_model: the pipeline that judges,
            as for ``TextcleanFormatter`` (the ``boilerplate`` preset by
            default).
        exclusion_writer: a datatrove writer for the dropped documents.
        batch_size: documents judged together, in parallel.
    """

    name = "🧹 textclean boilerplate"

    def __init__(
        self,
        min_kept: float = 0.2,
        min_words: int = 0,
        preset: Optional[str] = None,
        config: Config = None,
        language: Optional[str] = None,
        corpus_model: Optional[CorpusModel] = None,
        exclusion_writer: Any = None,
        batch_size: int = 256,
        threads: Optional[int] = None,
    ):
        super().__init__(exclusion_writer, batch_size=batch_size)
        if preset is None and config is None:
            preset = "boilerplate"
        self.pipeline = Pipeline(preset, config=config, language=language, corpus_model=corpus_model)
        self.min_kept = min_kept
        self.min_words = min_words
        self.threads = threads

    def _verdict(self, doc: Any, kept: str) -> Union[bool, tuple[bool, str]]:
        original = len(doc.text.strip())
        share = len(kept.strip()) / original if original else 1.0
        doc.metadata["textclean_kept"] = round(share, 4)
        if share < self.min_kept:
            return False, "mostly_boilerplate"
        if self.min_words and len(kept.split()) < self.min_words:
            return False, "too_few_words_kept"
        return True

    def filter(self, doc: Any) -> Union[bool, tuple[bool, str]]:
        return self.filter_batch([doc])[0]

    def filter_batch(self, batch: list) -> list:
        kept, counts = self.pipeline.clean_batch_counts(
            [doc.text for doc in batch], urls=_urls(batch), threads=self.threads
        )
        for rule, n in counts.items():
            self.stat_update(f"textclean.{rule}", value=n)
        return [self._verdict(doc, text) for doc, text in zip(batch, kept)]
