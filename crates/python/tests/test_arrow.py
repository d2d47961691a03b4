"""Arrow columns: clean_arrow and the ArrowCleaner batch callable."""

import pyarrow as pa
import pytest

from textclean import Pipeline
from textclean.batches import ArrowCleaner

ROWS = ["Caf\u00c3\u00a9\u00a0au lait", None, "", "\U0001f600 \u4e2d\u6587\u00a0x", None, "plain text"] * 5


@pytest.fixture(scope="module")
def pipeline():
    return Pipeline()


def _expected(pipeline, rows):
    cleaned = iter(pipeline.clean_batch([r for r in rows if r is not None]))
    return [None if r is None else next(cleaned) for r in rows]


@pytest.mark.parametrize("kind", [pa.string(), pa.large_string()])
def test_clean_arrow_equals_clean_batch_and_keeps_nulls(pipeline, kind):
    array = pa.array(ROWS, type=kind)
    out = pipeline.clean_arrow(array)
    assert out.type == kind
    assert out.to_pylist() == _expected(pipeline, ROWS)
    assert out.null_count == array.null_count
    out.validate(full=True)


def test_clean_arrow_reads_sliced_arrays(pipeline):
    array = pa.array(ROWS, type=pa.string())
    for start, length in [(1, 4), (3, 10), (7, 0), (0, len(ROWS))]:
        part = array.slice(start, length)
        out = pipeline.clean_arrow(part)
        assert out.to_pylist() == _expected(pipeline, ROWS[start : start + length])
        out.validate(full=True)


def test_clean_arrow_on_chunked_views_and_edge_cases(pipeline):
    chunked = pa.chunked_array([pa.array(ROWS[:3]), pa.array(ROWS[3:])])
    out = pipeline.clean_arrow(chunked)
    assert isinstance(out, pa.ChunkedArray) and out.num_chunks == 2
    assert out.to_pylist() == _expected(pipeline, ROWS)
    if hasattr(pa, "string_view"):
        view = pa.array(ROWS, type=pa.string_view())
        assert pipeline.clean_arrow(view).type == pa.string_view()
        assert pipeline.clean_arrow(view).to_pylist() == _expected(pipeline, ROWS)
    assert pipeline.clean_arrow(pa.array([], pa.string())).to_pylist() == []
    assert pipeline.clean_arrow(pa.array([None, None], pa.string())).to_pylist() == [None, None]
    assert pipeline.clean_arrow(pa.nulls(3)).to_pylist() == [None] * 3
    with pytest.raises(TypeError, match="string array"):
        pipeline.clean_arrow(pa.array([1, 2]))


def test_clean_arrow_takes_the_arrow_c_data_interface(pipeline):
    class Exported:
        def __init__(self, array):
            self.array = array

        def __arrow_c_array__(self, requested_schema=None):
            return self.array.__arrow_c_array__(requested_schema)

    out = pipeline.clean_arrow(Exported(pa.array(ROWS)))
    assert out.to_pylist() == _expected(pipeline, ROWS)


def test_clean_arrow_refuses_malformed_buffers(pipeline):
    offsets = pa.array([0, 5, 3], pa.int32()).buffers()[1]
    data = pa.py_buffer(b"hello")
    broken = pa.Array.from_buffers(pa.string(), 2, [None, offsets, data])
    with pytest.raises(ValueError, match="go backwards"):
        pipeline.clean_arrow(broken)
    bad_utf8 = pa.Array.from_buffers(pa.string(), 1, [None, pa.array([0, 2], pa.int32()).buffers()[1], pa.py_buffer(b"\xff\xfe")])
    with pytest.raises(ValueError, match="not UTF-8"):
        pipeline.clean_arrow(bad_utf8)


def test_arrow_cleaner_cleans_a_column_of_tables_and_record_batches(pipeline):
    table = pa.table({"id": list(range(len(ROWS))), "text": ROWS})
    out = ArrowCleaner(column="text")(table)
    assert out.column_names == ["id", "text"]
    assert out.column("text").to_pylist() == _expected(pipeline, ROWS)
    assert out.column("id").to_pylist() == list(range(len(ROWS)))
    beside = ArrowCleaner(column="text", output="clean")(table.to_batches()[0])
    assert isinstance(beside, pa.RecordBatch)
    assert beside.schema.names == ["id", "text", "clean"]
    assert beside.column(1).to_pylist() == ROWS
    assert beside.column(2).to_pylist() == _expected(pipeline, ROWS)
    batches = list(ArrowCleaner().map_in_arrow(table.to_batches(max_chunksize=7)))
    assert sum(b.num_rows for b in batches) == len(ROWS)
    with pytest.raises(KeyError, match="no column 'body'"):
        ArrowCleaner(column="body")(table)
