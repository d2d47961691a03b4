"""split, the corpus model, and the package's own docs."""

import doctest
import pickle

import pytest

import textclean
from textclean import CorpusModel, Learner, ModelError, Pipeline, Sentence


def test_split_gives_sentences_with_character_offsets():
    text = "\U0001f600 Dr. Lee arrived at 9 a.m. on Monday. He left.\n\n\u4e2d\u6587\u3002Next one?"
    sentences = textclean.split(text)
    assert [s.text for s in sentences] == [
        "\U0001f600 Dr. Lee arrived at 9 a.m. on Monday.",
        "He left.",
        "\u4e2d\u6587\u3002",
        "Next one?",
    ]
    for s in sentences:
        assert text[s.start : s.end] == s.text
    assert sentences[1] == textclean.split(text)[1] and sentences[0] != sentences[1]
    assert isinstance(sentences[0], Sentence)
    assert list(textclean.sentences("One. Two.")) == ["One.", "Two."]
    assert [s.text for s in textclean.split("\u8fd9\u662f\u3002\u90a3\u662f\uff01")] == ["\u8fd9\u662f\u3002", "\u90a3\u662f\uff01"]


@pytest.mark.parametrize(
    "language, text, expected",
    [
        ("de", "Das ist z.B. gut. Wir gehen am 3. Mai.", ["Das ist z.B. gut.", "Wir gehen am 3. Mai."]),
        ("fr", "M. Dupont est arriv\u00e9. Il repart.", ["M. Dupont est arriv\u00e9.", "Il repart."]),
        ("es", "El Sr. Garc\u00eda lleg\u00f3. \u00bfY t\u00fa?", ["El Sr. Garc\u00eda lleg\u00f3.", "\u00bfY t\u00fa?"]),
    ],
)
def test_split_in_other_languages(language, text, expected):
    assert [s.text for s in textclean.split(text, language)] == expected


def test_split_detects_the_language_with_auto():
    text = "Herr Dr. M\u00fcller kam am Montag zu uns. Er blieb nicht lange, weil er noch zur Arbeit musste."
    assert [s.text for s in textclean.split(text, "auto")] == [s.text for s in textclean.split(text, "de")]


def test_split_rejects_an_unknown_language():
    with pytest.raises(textclean.ConfigError, match="no language pack for `xx`"):
        textclean.split("a", "xx")


TEMPLATE = "Herald Weekly Print Team Morning Edition Desk"
SITE = [
    (
        TEMPLATE + f"\nStory {i}: the council met on Tuesday and "
        f"agreed the budget for the coming year after a long debate.\nAll rights reserved by the Herald",
        "https://herald.example/news/%d" % i,
    )
    for i in range(8)
]


def test_a_corpus_model_learned_removes_a_sites_template_lines(tmp_path):
    model = CorpusModel.learn([t for t, _ in SITE], [u for _, u in SITE])
    assert model.documents == 8 and len(model) > 0 and model.sites == 1
    assert model.site_line_documents("https://herald.example/x", TEMPLATE) == 8
    assert model.site_documents("https://herald.example/x") == 8
    page = (
        TEMPLATE + "\nA new story: the library opens a reading room for children "
        "on Saturday mornings in the old town hall, as it did before the war.\n"
    )
    url = "https://herald.example/news/new"
    assert TEMPLATE in Pipeline().clean(page, url=url)
    pipeline = Pipeline(corpus_model=model)
    report = pipeline.explain(page, url=url)
    assert TEMPLATE not in report.text and "reading room" in report.text
    assert report.counts.get("boilerplate.corpus") == 1
    # Which site a page is from comes with it: without its URL, the corpus
    # as a whole is too small to tell.
    assert TEMPLATE in pipeline.clean(page)
    assert pipeline.clean_batch([page, page], urls=[url, None]) == [report.text, pipeline.clean(page)]


def test_a_corpus_model_saves_loads_and_pickles(tmp_path):
    model = CorpusModel.learn([t for t, _ in SITE], [u for _, u in SITE])
    path = tmp_path / "site.model"
    model.save(path)
    loaded = CorpusModel.load(str(path))
    assert loaded.to_bytes() == model.to_bytes()
    assert CorpusModel.from_bytes(model.to_bytes()).documents == 8
    assert pickle.loads(pickle.dumps(model)).to_bytes() == model.to_bytes()
    pipeline = Pipeline(corpus_model=loaded)
    assert pipeline.corpus_model is loaded
    again = pickle.loads(pickle.dumps(pipeline))
    assert again.corpus_model.to_bytes() == model.to_bytes()


def test_model_errors_name_the_file(tmp_path):
    missing = tmp_path / "missing.model"
    with pytest.raises(ModelError, match="missing.model"):
        CorpusModel.load(missing)
    bad = tmp_path / "bad.model"
    bad.write_bytes(b"not a model at all")
    with pytest.raises(ModelError, match="bad.model"):
        CorpusModel.load(bad)
    with pytest.raises(ModelError):
        CorpusModel.from_bytes(b"\x00" * 100)


def test_a_learner_learns_a_stream_and_finishes_once():
    learner = Learner(memory=1 << 20)
    for text, url in SITE[:4]:
        learner.add(text, url)
    learner.add_batch((t for t, _ in SITE[4:]), (u for _, u in SITE[4:]))
    assert learner.documents == 8
    model = learner.finish()
    assert model.to_bytes() == CorpusModel.learn([t for t, _ in SITE], [u for _, u in SITE]).to_bytes()
    with pytest.raises(ModelError, match="finished"):
        learner.add("more")
    with pytest.raises(ValueError, match="urls ran out"):
        Learner().add_batch(["a", "b"], ["https://x.example/"])


def test_the_package_docs_run():
    import textclean.batches

    for module in (textclean, textclean.batches):
        failures, _ = doctest.testmod(module)
        assert failures == 0
    assert textclean.Pipeline.__doc__ and textclean.Pipeline.clean.__doc__
    assert textclean.split.__doc__


def test_the_package_is_typed():
    from pathlib import Path

    root = Path(textclean.__file__).parent
    assert (root / "py.typed").exists()
    assert (root / "_textclean.pyi").exists()


@pytest.mark.parametrize(
    "data, text, encoding",
    [
        ("Caf\u00e9 cr\u00e8me".encode(), "Caf\u00e9 cr\u00e8me", "UTF-8"),
        (b"\xef\xbb\xbfhi", "hi", "UTF-8 with BOM"),
        ("\ufeffh\u00e9".encode("utf-16-le"), "h\u00e9", "UTF-16LE"),
        ("\ufeffh\u00e9".encode("utf-16-be"), "h\u00e9", "UTF-16BE"),
        (
            "Le caf\u00e9 est servi tr\u00e8s chaud, et les cr\u00eapes sont d\u00e9licieuses.".encode("cp1252"),
            "Le caf\u00e9 est servi tr\u00e8s chaud, et les cr\u00eapes sont d\u00e9licieuses.",
            "windows-1252",
        ),
        (
            "\u041c\u043e\u0441\u043a\u0432\u0430 \u2014 \u0441\u0442\u043e\u043b\u0438\u0446\u0430 \u0420\u043e\u0441\u0441\u0438\u0438, \u043a\u0440\u0443\u043f\u043d\u0435\u0439\u0448\u0438\u0439 \u0433\u043e\u0440\u043e\u0434 \u0441\u0442\u0440\u0430\u043d\u044b.".encode("cp1251"),
            "\u041c\u043e\u0441\u043a\u0432\u0430 \u2014 \u0441\u0442\u043e\u043b\u0438\u0446\u0430 \u0420\u043e\u0441\u0441\u0438\u0438, \u043a\u0440\u0443\u043f\u043d\u0435\u0439\u0448\u0438\u0439 \u0433\u043e\u0440\u043e\u0434 \u0441\u0442\u0440\u0430\u043d\u044b.",
            "windows-1251",
        ),
        (b"", "", "UTF-8"),
    ],
)
def test_decode_reads_bytes_of_unknown_encoding(data, text, encoding):
    assert textclean.decode(data) == (text, encoding)


def test_decode_replaces_or_refuses_unreadable_bytes():
    cut = "caf\u00e9 cr\u00e8me br\u00fbl\u00e9e \u00e0 la fran\u00e7aise".encode()[:-1] + b"\xc3"
    text, encoding = textclean.decode(cut)
    assert encoding == "UTF-8" and text.endswith("\ufffd")
    with pytest.raises(ValueError, match="not all readable as UTF-8"):
        textclean.decode(cut, errors="strict")
    with pytest.raises(ValueError, match="errors must be"):
        textclean.decode(b"x", errors="ignore")
