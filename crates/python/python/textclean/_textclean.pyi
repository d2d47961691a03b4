"""Type stubs of the native module; the package re-exports all of it."""

from os import PathLike
from typing import Any, Iterable, Mapping, Optional, Sequence, Union

__version__: str

class TextcleanError(Exception):
    """The base of every error textclean raises."""

class ConfigError(TextcleanError):
    """A configuration, preset, language or option that does not build a
    pipeline; the message says what to fix."""

class ModelError(TextcleanError):
    """A corpus model file that cannot be read or written."""

def clean(text: str, preset: str = "web") -> str:
    """Cleans ``text`` with the pipeline a preset names (built once, shared)."""

def decode(data: bytes, *, errors: str = "replace") -> tuple[str, str]:
    """Decodes bytes of unknown encoding: returns the text and the name of
    the encoding read (``"UTF-8"``, ``"UTF-8 with BOM"``, ``"UTF-16LE"``,
    ``"UTF-16BE"``, ``"CESU-8"``, or a legacy one guessed such as
    ``"windows-1252"``).
    With ``errors="strict"``, unreadable bytes raise ``ValueError``."""

def presets() -> list[str]:
    """The names of the presets, the default (``web``) first."""

def languages() -> list[str]:
    """The codes of the shipped language packs."""

def split(text: str, language: str = "en") -> list[Sentence]:
    """Splits ``text`` into sentences with the abbreviations and conventions
    of ``language`` (a shipped code, or ``"auto"`` to detect it). Offsets
    are in characters; paragraph and line breaks end sentences."""

def sentences(text: str, language: str = "en") -> list[str]:
    """The text of each sentence of ``text``: ``split`` without offsets."""

class Sentence:
    """One sentence: ``text``, at ``start:end`` of the text split."""

    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def text(self) -> str: ...

class Change:
    """One edit: ``rule`` of ``stage`` replaced ``original``, at
    ``start:end`` of the original text (characters), with ``replacement``."""

    @property
    def stage(self) -> str: ...
    @property
    def rule(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def original(self) -> str: ...
    @property
    def replacement(self) -> str: ...

class Judgement:
    """How a stage that decides by score judged ``start:end`` of the
    original text (characters): its score, whether it removed the part,
    the safety rule that kept it if one did, and the features."""

    @property
    def stage(self) -> str: ...
    @property
    def rule(self) -> str: ...
    @property
    def start(self) -> int: ...
    @property
    def end(self) -> int: ...
    @property
    def score(self) -> float: ...
    @property
    def removed(self) -> bool: ...
    @property
    def kept_by(self) -> Optional[str]: ...
    @property
    def features(self) -> dict[str, float]: ...

class Report:
    """What a pipeline did to one text."""

    @property
    def text(self) -> str:
        """The cleaned text."""
    @property
    def source(self) -> str:
        """The original text."""
    @property
    def changes(self) -> list[Change]:
        """Every change, in order; applied in order they turn ``source``
        into ``text``."""
    @property
    def counts(self) -> dict[str, int]:
        """Changes per rule."""
    @property
    def judgements(self) -> list[Judgement]:
        """How each block was judged (``explain(..., scores=True)``)."""
    def to_source(self, offset: int) -> int:
        """The offset in ``source`` of ``offset`` in ``text`` (characters)."""
    def to_output(self, offset: int) -> int:
        """The offset in ``text`` of ``offset`` in ``source`` (characters)."""
    def to_source_range(self, start: int, end: int) -> tuple[int, int]:
        """The span of ``source`` that ``text[start:end]`` came from."""

class CorpusModel:
    """Lines that recur across a corpus's pages, per site: given to
    ``Pipeline(corpus_model=...)``, the boilerplate stage removes the lines
    on most pages of a site. Picklable."""

    def __init__(self) -> None: ...
    @staticmethod
    def learn(
        texts: Iterable[str],
        urls: Optional[Iterable[Optional[str]]] = None,
        *,
        memory: Optional[int] = None,
    ) -> CorpusModel: ...
    @staticmethod
    def load(path: Union[str, PathLike[str]]) -> CorpusModel: ...
    def save(self, path: Union[str, PathLike[str]]) -> None: ...
    def to_bytes(self) -> bytes: ...
    @staticmethod
    def from_bytes(data: bytes) -> CorpusModel: ...
    @property
    def documents(self) -> int: ...
    @property
    def sites(self) -> int: ...
    def __len__(self) -> int: ...
    def line_documents(self, line: str) -> int: ...
    def site_documents(self, url: str) -> int: ...
    def site_line_documents(self, url: str, line: str) -> int: ...

class Learner:
    """Learns a ``CorpusModel`` one document at a time in bounded memory."""

    def __init__(self, memory: Optional[int] = None) -> None: ...
    def add(self, text: str, url: Optional[str] = None) -> None: ...
    def add_batch(
        self, texts: Iterable[str], urls: Optional[Iterable[Optional[str]]] = None
    ) -> None: ...
    @property
    def documents(self) -> int: ...
    def finish(self) -> CorpusModel: ...

class Pipeline:
    def __init__(
        self,
        preset: Optional[str] = None,
        *,
        config: Union[Mapping[str, Any], str, None] = None,
        language: Optional[str] = None,
        corpus_model: Optional[CorpusModel] = None,
    ) -> None: ...
    @property
    def stages(self) -> list[str]: ...
    @property
    def corpus_model(self) -> Optional[CorpusModel]: ...
    def config_json(self) -> str: ...
    def clean(
        self, text: str, *, url: Optional[str] = None, language: Optional[str] = None
    ) -> str: ...
    def explain(
        self,
        text: str,
        *,
        scores: bool = False,
        url: Optional[str] = None,
        language: Optional[str] = None,
    ) -> Report: ...
    def clean_batch(
        self,
        texts: Sequence[str],
        *,
        urls: Optional[Sequence[Optional[str]]] = None,
        threads: Optional[int] = None,
    ) -> list[str]: ...
    def clean_batch_counts(
        self,
        texts: Sequence[str],
        *,
        urls: Optional[Sequence[Optional[str]]] = None,
        threads: Optional[int] = None,
    ) -> tuple[list[str], dict[str, int]]: ...
    def _clean_arrow_buffers(
        self,
        text: tuple[int, int, Optional[bytes], bytes, bytes, bool],
        urls: Optional[tuple[int, int, Optional[bytes], bytes, bytes, bool]] = None,
        *,
        threads: Optional[int] = None,
    ) -> tuple[Optional[bytes], bytes, bytes, int]: ...
