"""The Ray Data example, on a local Ray instance."""

import json
import sys
from pathlib import Path

import pytest

ray = pytest.importorskip("ray")
pa = pytest.importorskip("pyarrow")
pq = pytest.importorskip("pyarrow.parquet")

from textclean import Pipeline  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "python"


@pytest.fixture(scope="module")
def local_ray():
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    yield
    ray.shutdown()


def test_the_ray_example_cleans_as_clean_batch(local_ray, tmp_path):
    sys.path.insert(0, str(EXAMPLES))
    from ray_clean import clean_corpus

    texts = [
        "Caf\u00c3\u00a9 au lait\u00a0tonight",
        "Floods close the school\n\nAdvertisement\n\nThe river rose overnight and the "
        "main street was under water by dawnIt was the worst flood since 1998",
        "",
        "\U0001f600 \u4e2d\u6587\u00a0x",
    ] * 50
    source = tmp_path / "corpus.jsonl"
    source.write_text("".join(json.dumps({"id": i, "text": t}) + "\n" for i, t in enumerate(texts)))
    clean_corpus(str(source), str(tmp_path / "out"), actors=1, batch_size=64)
    table = pq.read_table(str(tmp_path / "out"))
    rows = sorted(zip(table.column("id").to_pylist(), table.column("text").to_pylist()))
    assert [i for i, _ in rows] == list(range(len(texts)))
    assert [t for _, t in rows] == Pipeline().clean_batch(texts)
