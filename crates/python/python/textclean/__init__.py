r"""textclean turns messy real-world text into clean text.

Pages scraped from the web, text pulled out of PDFs, corpora gathered for
search, RAG and language-model training: textclean repairs broken Unicode
(mojibake, entities, invisible characters), removes the page around the
main content (navigation, ads, cookie banners, comment forms), and repairs
sentence boundaries (glued sentences, hard wraps, hyphenation, lost
periods). Every change it makes can be explained, with its rule and its
span in the original text.

>>> import textclean
>>> page = ("How It Works\n\nAdvertisements\n\nThe engine is fast\u00a0and small, "
...         "and it cleans text in one pass over the inputIt also explains "
...         "every change it makes\n\nLeave a Reply\n")
>>> print(textclean.clean(page), end="")
How It Works
<BLANKLINE>
The engine is fast and small, and it cleans text in one pass over the input. It also explains every change it makes.
>>> textclean.sentences("Dr. Lee arrived at 9 a.m. on Monday. He left.")
['Dr. Lee arrived at 9 a.m. on Monday.', 'He left.']
>>> report = textclean.Pipeline("unicode").explain("Caf\u00c3\u00a9\u00a0cr\u00e8me")
>>> [(c.rule, c.start, c.end, c.original, c.replacement) for c in report.changes][:2]
[('mojibake.cp1252', 3, 5, 'Ã©', 'é'), ('space.odd', 5, 6, '\xa0', ' ')]
"""

from __future__ import annotations

from typing import Any, Iterable, Optional

from . import _textclean
from ._textclean import (
    Change,
    ConfigError,
    CorpusModel,
    Judgement,
    Learner,
    ModelError,
    Report,
    Sentence,
    TextcleanError,
    __version__,
    clean,
    decode,
    languages,
    presets,
    sentences,
    split,
)

__all__ = [
    "Change",
    "ConfigError",
    "CorpusModel",
    "Judgement",
    "Learner",
    "ModelError",
    "Pipeline",
    "Report",
    "Sentence",
    "TextcleanError",
    "__version__",
    "clean",
    "decode",
    "languages",
    "presets",
    "sentences",
    "split",
]


class Pipeline(_textclean.Pipeline):
    """A pipeline of cleaning stages.

    Build it from a preset (``"web"``, the default; ``"pdf"``, ``"unicode"``,
    ``"boilerplate"``, ``"sentences"``, ``"ftfy"``), a configuration (a dict,
    or a TOML string, as the command line's ``--config`` files), or a preset
    with a configuration of overrides::

        Pipeline()                                   # the web preset
        Pipeline("ftfy")
        Pipeline("web", config={"stage": [{"kind": "boilerplate", "strictness": "precision"}]})
        Pipeline(config=open("pipeline.toml").read())
        Pipeline("web", language="auto", corpus_model=CorpusModel.load("site.model"))

    A pipeline is immutable, safe to share between threads, and picklable
    (Ray and Spark ship it to their workers). Every method releases the GIL
    while it works.
    """

    def clean_arrow(self, array: Any, *, urls: Any = None, threads: Optional[int] = None) -> Any:
        """Cleans every row of an Arrow string column, keeping nulls as nulls.

        ``array`` is a ``pyarrow`` ``string``, ``large_string`` or
        ``string_view`` array or chunked array, or any object that exports
        the Arrow C data interface (``__arrow_c_array__``, such as a Polars
        series); the result is a pyarrow array of the same type (a chunked
        array for a chunked array). ``urls``, a string column of the same
        length (nulls where unknown), gives each row's address, for a
        corpus model's site counts. The rows are cleaned in parallel in
        Rust, with no Python code per row: what Ray Data
        ``map_batches(batch_format="pyarrow")``, Spark ``mapInArrow`` and
        Polars hand over.
        """
        import pyarrow as pa

        if isinstance(array, pa.ChunkedArray):
            if urls is not None:
                return pa.chunked_array(
                    [self.clean_arrow(array.combine_chunks(), urls=urls, threads=threads)], type=array.type
                )
            chunks = [self.clean_arrow(chunk, threads=threads) for chunk in array.chunks]
            return pa.chunked_array(chunks, type=array.type)
        array = _string_array(array)
        kind = array.type
        if pa.types.is_null(kind):
            return array
        if pa.types.is_string_view(kind):
            return self.clean_arrow(array.cast(pa.large_string()), urls=urls, threads=threads).cast(kind)
        url_buffers = None
        if urls is not None:
            urls = _string_array(urls)
            if isinstance(urls, pa.ChunkedArray):
                urls = urls.combine_chunks()
            if pa.types.is_string_view(urls.type):
                urls = urls.cast(pa.large_string())
            if pa.types.is_null(urls.type):
                urls = urls.cast(pa.string())
            url_buffers = _buffers(urls)
        out_validity, out_offsets, out_data, nulls = self._clean_arrow_buffers(
            _buffers(array), url_buffers, threads=threads
        )
        buffers = [
            None if out_validity is None else pa.py_buffer(out_validity),
            pa.py_buffer(out_offsets),
            pa.py_buffer(out_data),
        ]
        return pa.Array.from_buffers(kind, len(array), buffers, null_count=nulls)

    def __reduce__(self) -> Any:
        return (_rebuild, (type(self), self.config_json(), self.corpus_model))


def _string_array(array: Any) -> Any:
    """``array`` as a pyarrow array, checked to hold strings (or only nulls)."""
    import pyarrow as pa

    if not isinstance(array, (pa.Array, pa.ChunkedArray)):
        array = pa.array(array)
    kind = array.type
    if not (pa.types.is_string(kind) or pa.types.is_large_string(kind) or pa.types.is_null(kind)
            or pa.types.is_string_view(kind)):
        raise TypeError(f"clean_arrow takes a string array, not {kind}")
    return array


def _buffers(array: Any) -> tuple:
    """The buffers of a string array, as ``_clean_arrow_buffers`` takes them."""
    import pyarrow as pa

    validity, offsets, data = array.buffers()
    return (
        len(array),
        array.offset,
        None if validity is None or array.null_count == 0 else validity.to_pybytes(),
        offsets.to_pybytes(),
        b"" if data is None else data.to_pybytes(),
        pa.types.is_large_string(array.type),
    )


def _rebuild(cls: type, config_json: str, corpus_model: Optional[CorpusModel]) -> Pipeline:
    import json

    return cls(config=json.loads(config_json), corpus_model=corpus_model)


def learn(texts: Iterable[str], urls: Optional[Iterable[Optional[str]]] = None) -> CorpusModel:
    """Learns a boilerplate corpus model from ``texts`` (and their ``urls``):
    ``CorpusModel.learn``."""
    return CorpusModel.learn(texts, urls)


__all__ += ["learn"]
