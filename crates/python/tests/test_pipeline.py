"""The pipeline API: clean, explain, batches, configuration and errors."""

import json
import pickle
import threading
import time

import pytest

import textclean
from textclean import ConfigError, Pipeline, TextcleanError

PAGE = (
    "How It Works\n\nAdvertisements\n\nThe engine is fast\u00a0and small, and it "
    "cleans text in one pass over the inputIt also explains every change it "
    "makes\n\nLeave a Reply\n"
)
CLEAN_PAGE = (
    "How It Works\n\nThe engine is fast and small, and it cleans text in one "
    "pass over the input. It also explains every change it makes.\n"
)


def test_clean_uses_the_web_preset_by_default():
    assert textclean.clean(PAGE) == CLEAN_PAGE
    assert textclean.clean(PAGE, preset="web") == CLEAN_PAGE
    assert Pipeline().clean(PAGE) == CLEAN_PAGE


def test_presets_differ_as_documented():
    assert textclean.presets() == ["web", "pdf", "unicode", "boilerplate", "sentences", "ftfy"]
    # The unicode preset repairs mojibake and leaves the page's lines.
    unicode_only = textclean.clean("Caf\u00c3\u00a9\n\nAdvertisements\n", preset="unicode")
    assert unicode_only == "Caf\u00e9\n\nAdvertisements\n"
    # ftfy's defaults straighten quotes; the web preset keeps them.
    assert textclean.clean("\u201cquoted\u201d", preset="ftfy") == '"quoted"'
    assert textclean.clean("\u201cquoted\u201d") == "\u201cquoted\u201d\n"
    assert Pipeline("unicode").stages == ["layout", "unicode", "layout"]


def test_clean_is_idempotent_on_the_page():
    once = textclean.clean(PAGE)
    assert textclean.clean(once) == once


def test_a_config_dict_and_the_same_config_in_toml_build_the_same_pipeline():
    as_dict = Pipeline(config={"stage": [{"kind": "unicode", "quotes": True}, {"kind": "sentences"}]})
    as_toml = Pipeline(config='[[stage]]\nkind = "unicode"\nquotes = true\n[[stage]]\nkind = "sentences"\n')
    text = "\u201cQuoted\u201d  text"
    assert as_dict.clean(text) == as_toml.clean(text) == '"Quoted"  text\n'
    assert json.loads(as_dict.config_json()) == json.loads(as_toml.config_json())


def test_a_preset_with_a_config_of_overrides():
    web = Pipeline("web", config={"stage": [{"kind": "unicode", "quotes": True}]})
    assert web.stages == Pipeline().stages
    assert web.clean("\u201cQuoted\u201d text") == '"Quoted" text\n'
    toml = Pipeline("web", config='[[stage]]\nkind = "unicode"\nquotes = true\n')
    assert json.loads(toml.config_json()) == json.loads(web.config_json())


def test_every_normalization_form_can_be_configured():
    text = "caf\u00e9 \ufb01"
    forms = {"nfc": "caf\u00e9 \ufb01", "nfkc": "caf\u00e9 fi", "nfd": "cafe\u0301 \ufb01", "nfkd": "cafe\u0301 fi", "none": text}
    for form, want in forms.items():
        pipeline = Pipeline(config={"stage": [{"kind": "unicode", "normalization": form}]})
        assert pipeline.clean(text) == want + "\n", form


def test_a_language_can_be_given():
    page = (
        "Anzeige\n\nDer Fluss stieg \u00fcber Nacht, und die Hauptstra\u00dfe der Stadt "
        "stand bei Tagesanbruch unter Wasser.\n"
    )
    german = Pipeline(language="de")
    assert german.clean(page) == page[len("Anzeige\n\n") :]
    assert Pipeline().clean(page) == page, "the English pack does not know the German ad marker"
    assert '"language": "de"' in german.config_json()
    Pipeline(language="auto")


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"preset": "nope"}, "unknown preset `nope`: use one of web, pdf, unicode, boilerplate, sentences, ftfy"),
        (
            {"config": {"stage": [{"kind": "unicode", "quote": True}]}},
            "in the `unicode` stage: `quote`: unknown field `quote`",
        ),
        ({"config": {"stage": [{"kind": "nope"}]}}, "unknown stage kind `nope`: use one of boilerplate, sentences, unicode"),
        ({"language": "xx"}, "`language`: no language pack for `xx`"),
        ({"config": "[[stage]\nkind = 1"}, "line 1: invalid table header"),
        ({"preset": "web", "config": {"preset": "pdf"}}, "preset `web` given, and the configuration names preset `pdf`"),
        ({"preset": "unicode", "corpus_model": textclean.CorpusModel()}, "corpus_model: the pipeline has no boilerplate stage"),
    ],
)
def test_bad_configurations_raise_config_error_with_the_rust_message(kwargs, message):
    with pytest.raises(ConfigError) as error:
        Pipeline(**kwargs)
    assert message in str(error.value)
    assert isinstance(error.value, TextcleanError)


def test_config_must_be_a_dict_or_a_string():
    with pytest.raises(TypeError, match="dict or a TOML string"):
        Pipeline(config=42)


def test_explain_offsets_are_characters_of_the_original():
    text = "\U0001f389 Caf\u00c3\u00a9\u00a0au lait: \u4e2d\u6587\u00a0\u30c6\u30ad\u30b9\u30c8.\r\n\n\nAdvertisement\n\nHello \U0001f600\u00a0world"
    report = Pipeline().explain(text)
    assert report.source == text
    assert report.text == Pipeline().clean(text)
    assert report.changes, "something was changed"
    rules = {c.rule for c in report.changes}
    assert {"mojibake.cp1252", "space.odd"} <= rules
    for change in report.changes:
        assert text[change.start : change.end] == change.original, change
        assert change.stage in {"layout", "unicode", "boilerplate", "sentences"}
    # The counts add up to the changes.
    assert sum(report.counts.values()) == len(report.changes)
    # Offsets are not UTF-8 bytes or UTF-16 units: the emoji and CJK before
    # the mojibake count one each.
    mojibake = next(c for c in report.changes if c.rule == "mojibake.cp1252")
    assert (mojibake.start, mojibake.end) == (5, 7)


def test_offsets_map_both_ways_in_characters():
    text = "\U0001f600\u00a0\u4e2d\u6587 caf\u00c3\u00a9 au lait"
    report = Pipeline("unicode").explain(text)
    out = report.text
    at = out.index("au lait")
    assert text[report.to_source(at) :].startswith("au lait")
    assert out[report.to_output(text.index("au lait")) :].startswith("au lait")
    start, end = report.to_source_range(out.index("caf"), out.index("caf") + 4)
    assert text[start:end] == "caf\u00c3\u00a9"


def test_explain_with_scores_gives_the_blocks_judgements():
    prose = (
        "The river rose overnight and the town's main street was under water "
        "by dawn, as it was in the spring of 1998."
    )
    page = "Our town\n\n" + "\n\n".join([prose] * 6) + "\n\nMore stories\nFloods close the school\n"
    report = Pipeline().explain(page, scores=True)
    blocks = [j for j in report.judgements if j.rule == "boilerplate.block"]
    assert blocks
    kept = [j for j in blocks if page[j.start : j.end].startswith("The river")]
    assert kept and not any(j.removed for j in kept)
    assert all(isinstance(j.score, float) and j.features for j in blocks)
    assert Pipeline().explain(page).judgements == []


def test_clean_batch_equals_a_loop_of_clean():
    texts = [PAGE, "", "a\u00a0b", "Caf\u00c3\u00a9", "\U0001f600 \u4e2d\u6587"] * 20
    pipeline = Pipeline()
    expected = [pipeline.clean(t) for t in texts]
    assert pipeline.clean_batch(texts) == expected
    assert pipeline.clean_batch(texts, threads=1) == expected
    assert pipeline.clean_batch(texts, threads=2) == expected
    assert pipeline.clean_batch([]) == []
    cleaned, counts = pipeline.clean_batch_counts(texts, threads=2)
    assert cleaned == expected
    assert counts["space.odd"] == 20 * 2 and counts["mojibake.cp1252"] == 20


def test_urls_go_with_their_texts():
    texts = ["a\u00a0b", "c"]
    assert Pipeline().clean_batch(texts, urls=["https://a.example/", None]) == ["a b\n", "c\n"]
    assert Pipeline().clean("a\u00a0b", url="https://a.example/", language="en") == "a b\n"
    with pytest.raises(ValueError, match="1 urls for 2 texts"):
        Pipeline().clean_batch(texts, urls=["https://a.example/"])


def test_clean_batch_rejects_what_is_not_a_list_of_strings():
    with pytest.raises(TypeError):
        Pipeline().clean_batch("a string")
    with pytest.raises(TypeError):
        Pipeline().clean_batch(["a", 1])
    with pytest.raises(ValueError, match="at least 1"):
        Pipeline().clean_batch(["a"], threads=0)


def _seconds(work):
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        work()
        best = min(best, time.perf_counter() - start)
    return best


def test_clean_batch_on_two_threads_is_faster_than_on_one():
    texts = [PAGE * 40] * 64
    pipeline = Pipeline()
    one = _seconds(lambda: pipeline.clean_batch(texts, threads=1))
    two = _seconds(lambda: pipeline.clean_batch(texts, threads=2))
    assert two < one * 0.85, (one, two)


def test_clean_batch_releases_the_gil():
    texts = [PAGE * 400] * 32
    pipeline = Pipeline()
    done = threading.Event()
    ticks = []

    def count():
        while not done.is_set():
            ticks.append(1)
            time.sleep(0.001)

    counter = threading.Thread(target=count)
    counter.start()
    time.sleep(0.01)
    before = len(ticks)
    # Batches until a quarter of a second has passed, however fast the
    # machine: the counter ticks between two batches whatever the GIL
    # does, so it must tick several times a batch.
    start = time.perf_counter()
    batches = 0
    while time.perf_counter() - start < 0.25:
        pipeline.clean_batch(texts, threads=1)
        batches += 1
    elapsed = time.perf_counter() - start
    during = len(ticks) - before
    done.set()
    counter.join()
    assert during >= 3 * batches + 10, (during, batches, elapsed)


def test_a_pipeline_pickles_with_its_configuration():
    pipeline = Pipeline("web", config={"stage": [{"kind": "unicode", "quotes": True}]}, language="en")
    again = pickle.loads(pickle.dumps(pipeline))
    assert type(again) is Pipeline
    assert json.loads(again.config_json()) == json.loads(pipeline.config_json())
    assert again.clean("\u201cQuoted\u201d text") == '"Quoted" text\n'


def test_a_pipeline_is_shared_between_threads():
    pipeline = Pipeline()
    results = []
    threads = [threading.Thread(target=lambda: results.append(pipeline.clean(PAGE))) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [CLEAN_PAGE] * 8


def test_reprs_read_like_python():
    change = Pipeline("unicode").explain("a\u00a0b").changes[0]
    assert repr(change) == "Change(rule='space.odd', start=1, end=2, original='\\xa0', replacement=' ')"
    assert repr(Pipeline("unicode")) == "Pipeline(stages=['layout', 'unicode', 'layout'])"
