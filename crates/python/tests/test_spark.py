"""The Spark example, on local[2] (needs pyspark and a Java runtime)."""

import os
import shutil
import sys
from pathlib import Path

import pytest

pytest.importorskip("pyspark")
if shutil.which("java") is None and "JAVA_HOME" not in os.environ:
    pytest.skip("Spark needs a Java runtime", allow_module_level=True)

from textclean import Pipeline  # noqa: E402

EXAMPLES = Path(__file__).resolve().parents[3] / "examples" / "python"


@pytest.fixture(scope="module")
def spark():
    from pyspark.sql import SparkSession

    os.environ["PYSPARK_PYTHON"] = sys.executable
    os.environ["PYSPARK_DRIVER_PYTHON"] = sys.executable
    session = (
        SparkSession.builder.master("local[2]")
        .appName("textclean-test")
        .config("spark.ui.enabled", "false")
        .config("spark.sql.shuffle.partitions", "2")
        .getOrCreate()
    )
    yield session
    session.stop()


def test_the_spark_example_cleans_as_clean_batch(spark):
    sys.path.insert(0, str(EXAMPLES))
    from spark_clean import clean_frame

    texts = [
        "Caf\u00c3\u00a9 au lait\u00a0tonight",
        "Floods close the school\n\nAdvertisement\n\nThe river rose overnight and the "
        "main street was under water by dawnIt was the worst flood since 1998",
        None,
        "\U0001f600 \u4e2d\u6587\u00a0x",
    ] * 25
    frame = spark.createDataFrame([(i, t) for i, t in enumerate(texts)], "id long, text string").repartition(2)
    rows = sorted(clean_frame(frame).collect())
    assert [r.id for r in rows] == list(range(len(texts)))
    web = Pipeline()
    assert [r.text for r in rows] == [None if t is None else web.clean(t) for t in texts]
