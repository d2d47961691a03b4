"""The datatrove steps, in a real LocalPipelineExecutor run."""

import gzip
import json

import pytest

pytest.importorskip("datatrove")

from datatrove.data import Document  # noqa: E402
from datatrove.executor import LocalPipelineExecutor  # noqa: E402
from datatrove.pipeline.readers import JsonlReader  # noqa: E402
from datatrove.pipeline.writers import JsonlWriter  # noqa: E402

from textclean import Pipeline  # noqa: E402
from textclean.datatrove import BoilerplateFilter, TextcleanFormatter  # noqa: E402

ARTICLE = (
    "Floods close the school\n\nAdvertisement\n\n"
    + " ".join(
        ["The river rose overnight and the main street was under water by dawn\u00a0as it was in 1998."] * 4
    )
    + "\n\nLeave a Reply\n"
)
MENU = "Home\nAbout\nContact\nLogin\nSubscribe\nShare on Facebook\nFollow us on Twitter\nAdvertisement\n"


def _write(path, docs):
    with gzip.open(path, "wt", encoding="utf-8") as out:
        for i, text in enumerate(docs):
            out.write(json.dumps({"id": str(i), "text": text, "metadata": {"url": f"https://news.example/{i}"}}) + "\n")


def _read(folder):
    rows = []
    for path in sorted(folder.glob("*.jsonl.gz")):
        with gzip.open(path, "rt", encoding="utf-8") as lines:
            rows.extend(json.loads(line) for line in lines)
    return sorted(rows, key=lambda r: int(r["id"]))


def _total(stat):
    """A datatrove stat's total (a stat counted once is a bare number)."""
    return stat["total"] if isinstance(stat, dict) else stat


def test_jsonl_reader_textclean_jsonl_writer_end_to_end(tmp_path):
    source = tmp_path / "raw"
    source.mkdir()
    docs = [ARTICLE, "Caf\u00c3\u00a9 au lait\u00a0is what the town drinks at night, and the river is the reason why.", MENU, ARTICLE.replace("1998", "2004")]
    _write(source / "part.jsonl.gz", docs)
    executor = LocalPipelineExecutor(
        pipeline=[
            JsonlReader(str(source)),
            BoilerplateFilter(min_kept=0.3),
            TextcleanFormatter(preset="web", batch_size=2),
            JsonlWriter(str(tmp_path / "clean")),
        ],
        tasks=1,
        logging_dir=str(tmp_path / "logs"),
    )
    executor.run()
    rows = _read(tmp_path / "clean")
    web = Pipeline()
    # The menu page is dropped; the others come out as the web preset cleans them.
    assert [r["id"] for r in rows] == ["0", "1", "3"]
    for row in rows:
        assert row["text"] == web.clean(docs[int(row["id"])], url=row["metadata"]["url"])
        assert 0.3 <= row["metadata"]["textclean_kept"] <= 1.0
    assert "Advertisement" not in rows[0]["text"] and "Caf\u00e9" in rows[1]["text"]
    stats = json.loads((tmp_path / "logs" / "stats.json").read_text())
    by_name = {step["name"]: step["stats"] for step in stats}
    formatter = by_name["\u2702\ufe0f - FORMAT: \U0001f9f9 textclean"]
    assert _total(formatter["textclean.mojibake.cp1252"]) == 1
    assert _total(formatter["textclean.boilerplate.phrase"]) >= 2
    dropped = by_name["\U0001f53b - FILTER: \U0001f9f9 textclean boilerplate"]
    assert _total(dropped["dropped_mostly_boilerplate"]) == 1


def test_the_formatter_and_filter_alone():
    formatter = TextcleanFormatter(preset="unicode")
    assert formatter.format("Caf\u00c3\u00a9") == "Caf\u00e9\n"
    docs = [Document(text=t, id=str(i)) for i, t in enumerate([ARTICLE, MENU])]
    out = list(formatter.run(iter(docs)))
    assert [d.text for d in out] == [Pipeline("unicode").clean(t) for t in (ARTICLE, MENU)]
    keep = BoilerplateFilter(min_kept=0.3, min_words=10)
    assert keep.filter(Document(text=ARTICLE, id="a")) is True
    assert keep.filter(Document(text=MENU, id="m")) == (False, "mostly_boilerplate")
    few = BoilerplateFilter(min_kept=0.0, min_words=1000)
    assert few.filter(Document(text=ARTICLE, id="a")) == (False, "too_few_words_kept")
