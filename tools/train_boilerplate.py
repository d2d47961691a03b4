#!/usr/bin/env python3
"""Trains the boilerplate stage's block model (crates/boilerplate/model/blocks.model).

    cargo run --release -p textclean-boilerplate --example block_features -- \
        ../shared/data/boilerplate-dev/cases.jsonl.gz > /tmp/blocks.jsonl
    python3 tools/train_boilerplate.py /tmp/blocks.jsonl [-o crates/boilerplate/model/blocks.model]

Needs numpy and scikit-learn (a scratch venv will do; nothing else in the
project depends on them). The model is a histogram gradient-boosting
ensemble of small trees, written as plain text for the Rust reader
(crates/boilerplate/src/model.rs documents the format). Trees at most six
levels deep are walked without branches, several times faster.

The shipped model is trained in rounds: on the blocks each page has with
none removed, then again with the blocks of `block_features --judged`
dumps added (features as the stage sees them after its own removals,
made with the model of the round before), three times.

Labels: a block is main content when its words, in order, occur in the
page's gold main content (lower-cased runs of letters and digits, matched
on word boundaries). Each page weighs the same in training, its blocks by
their share of its words, as the per-page word-bag F1 the stage is scored
by. Pages marked held_out (every fifth) are neither trained nor tuned on;
the script reports on them at the end, once.
"""
import argparse
import json
import os
import re
import sys

# One thread: OpenMP's spinning threads slow to a crawl on a busy machine,
# and one thread gives the same trees on every machine.
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
from sklearn.ensemble import HistGradientBoostingClassifier  # noqa: E402

WORD = re.compile(r"\w+")


def norm(text):
    return " ".join(w.lower() for w in WORD.findall(text))


def load(paths):
    """Reads the dumps; the pages of the first give the tuning figures, the
    blocks of all of them are trained on."""
    names, pages = load_one(paths[0])
    for path in paths[1:]:
        more_names, more = load_one(path)
        assert more_names == names, path
        for (page, blocks), (other, extra) in zip(pages, more):
            assert page["id"] == other["id"]
            page.setdefault("extra", []).extend(extra)
    return names, pages


def load_one(path):
    pages = []
    with open(path) as f:
        names = json.loads(f.readline())["features"]
        for line in f:
            page = json.loads(line)
            gold_words = norm(page["gold"]).split()
            gold = " " + " ".join(gold_words) + " "
            pairs = set(zip(gold_words, gold_words[1:]))
            blocks = []
            for b in page["blocks"]:
                blocks.append((b["f"], label(b["text"], gold, pairs), b["text"]))
            keep_headline(blocks)
            pages.append((page, blocks))
    return names, pages


def label(text, gold, pairs):
    """Whether a block is main content: its words occur in the gold in
    order, or (a block of four words or more, which the gold may have
    reworded a little: a dash, a joined word) most of its word pairs do."""
    words = norm(text).split()
    if not words:
        return False
    if (" " + " ".join(words) + " ") in gold:
        return True
    if len(words) < 4:
        return False
    own = list(zip(words, words[1:]))
    return sum(p in pairs for p in own) >= 0.7 * len(own)


def keep_headline(blocks):
    """Labels the page's headline content: the heading nearest above the
    first block of main content (at most four blocks up). WCXB's gold
    leaves the title out (it is a field of its own); a cleaned page keeps
    it, as readers and models want it."""
    first = next((i for i, b in enumerate(blocks) if b[1]), None)
    if first is None:
        return
    for i in range(first - 1, max(first - 5, -1), -1):
        f, _, text = blocks[i]
        words = norm(text).split()
        if 0 < len(words) <= 15 and not text.rstrip().endswith((".", "!", "?", ":", ",")):
            blocks[i] = (f, True, text)
            return


def bag(text):
    out = {}
    for w in WORD.findall(text):
        w = w.lower()
        out[w] = out.get(w, 0) + 1
    return out


def f1(kept_text, gold_bag):
    out = bag(kept_text)
    out_n = sum(out.values())
    gold_n = sum(gold_bag.values())
    if gold_n == 0:
        return 1.0 if out_n == 0 else 0.0
    if out_n == 0:
        return 0.0
    overlap = sum(min(n, gold_bag.get(w, 0)) for w, n in out.items())
    if overlap == 0:
        return 0.0
    p, r = overlap / out_n, overlap / gold_n
    return 2 * p * r / (p + r)


def matrix(pages):
    xs, ys, ws = [], [], []
    for page, blocks in pages:
        total = sum(max(len(WORD.findall(t)), 1) for _, _, t in blocks) or 1
        extra = page.get("extra", [])
        share = len(blocks) / max(len(blocks) + len(extra), 1)
        for f, label, text in blocks + extra:
            xs.append(f)
            ys.append(label)
            ws.append(max(len(WORD.findall(text)), 1) / total * share)
    return np.array(xs, dtype=np.float64), np.array(ys), np.array(ws)


def page_f1(model, pages, threshold):
    """Mean per-page F1 when blocks scoring below threshold go (each block
    judged in the context of all others: the Rust stage re-judges
    neighbours after each removal, so its figures differ a little)."""
    scores = []
    for page, blocks in pages:
        if not blocks:
            scores.append(f1("", bag(page["gold"])))
            continue
        x = np.array([f for f, _, _ in blocks], dtype=np.float64)
        s = model.decision_function(x)
        kept = "\n".join(t for (_, _, t), v in zip(blocks, s) if v >= threshold)
        scores.append(f1(kept, bag(page["gold"])))
    return float(np.mean(scores))


def export(model, names, out, shape):
    lines = [
        "# The boilerplate stage's block model: gradient-boosted trees over",
        "# the block features (crates/boilerplate/src/features.rs).",
        "# Trained by tools/train_boilerplate.py on the WCXB v1.0 dev pages",
        "# (CC BY 4.0, Murrough Foley; ../shared/data/boilerplate-dev), every",
        "# fifth page held out. Regenerate rather than edit.",
        "# %d trees of at most %d leaves, %d levels deep, learning rate %g." % shape,
        "textclean-boilerplate-model 1",
        "features " + " ".join(names),
        "base %r" % float(np.ravel(model._baseline_prediction)[0]),
    ]
    for predictors in model._predictors:
        nodes = predictors[0].nodes
        lines.append("tree %d" % len(nodes))
        for node in nodes:
            if node["is_leaf"]:
                lines.append("leaf %r" % float(node["value"]))
            else:
                lines.append(
                    "split %d %r %d %d"
                    % (
                        node["feature_idx"],
                        float(node["num_threshold"]),
                        node["left"],
                        node["right"],
                    )
                )
    with open(out, "w") as f:
        f.write("\n".join(lines) + "\n")


def own_score(path, names, x):
    """Scores x with the exported file, as the Rust reader does."""
    text = [l for l in open(path) if l.strip() and not l.startswith("#")]
    base = float(text[2].split()[1])
    trees, i = [], 3
    while i < len(text):
        n = int(text[i].split()[1])
        trees.append([t.split() for t in text[i + 1 : i + 1 + n]])
        i += 1 + n
    out = np.full(len(x), base)
    for row, v in enumerate(x):
        for tree in trees:
            at = 0
            while tree[at][0] == "split":
                _, f, t, l, r = tree[at]
                at = int(l) if v[int(f)] <= float(t) else int(r)
            out[row] += float(tree[at][1])
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("blocks", nargs="+", help="dumps: unjudged first, then --judged ones")
    ap.add_argument("-o", "--out", default="crates/boilerplate/model/blocks.model")
    ap.add_argument("--trees", type=int, default=75)
    ap.add_argument("--rate", type=float, default=0.2, help="the learning rate")
    ap.add_argument("--leaves", type=int, default=24)
    # Trees at most 6 deep are walked without branches (model.rs).
    ap.add_argument("--depth", type=int, default=5, help="the deepest a tree may grow")
    ap.add_argument("--final", action="store_true", help="also report the held-out pages")
    args = ap.parse_args()
    names, pages = load(args.blocks)
    dev = [p for p in pages if not p[0]["held_out"]]
    held = [p for p in pages if p[0]["held_out"]]
    # Tune on a part of the dev pages the trees do not see.
    fit = [p for i, p in enumerate(dev) if i % 4 != 3]
    tune = [p for i, p in enumerate(dev) if i % 4 == 3]
    x, y, w = matrix(fit)
    print(f"{len(fit)} pages, {len(x)} blocks to fit; {len(tune)} to tune", file=sys.stderr)
    params = dict(
        max_iter=args.trees,
        max_leaf_nodes=args.leaves,
        max_depth=args.depth,
        learning_rate=args.rate,
        min_samples_leaf=40,
        l2_regularization=1.0,
        early_stopping=False,
        random_state=0,
    )
    model = HistGradientBoostingClassifier(**params)
    model.fit(x, y, sample_weight=w)
    best = max(
        ((page_f1(model, tune, t), t) for t in np.arange(-2.0, 2.01, 0.25)),
    )
    for t in (-1.5, -1.0, -0.5, 0.0, 0.5, 1.0):
        print(f"tune F1 at {t:+.2f}: {page_f1(model, tune, t):.4f}", file=sys.stderr)
    print(f"best tune F1 {best[0]:.4f} at {best[1]:+.2f}", file=sys.stderr)
    # The shipped model is fitted on every dev page.
    x, y, w = matrix(dev)
    model = HistGradientBoostingClassifier(**params)
    model.fit(x, y, sample_weight=w)
    export(model, names, args.out, (args.trees, args.leaves, args.depth, args.rate))
    sample = x[:: max(1, len(x) // 500)]
    diff = np.abs(own_score(args.out, names, sample) - model.decision_function(sample)).max()
    print(f"wrote {args.out}; exported scores differ by at most {diff:.2e}", file=sys.stderr)
    if args.final:
        for t in (-1.5, 0.0, 1.0):
            print(f"held-out F1 at {t:+.2f}: {page_f1(model, held, t):.4f}", file=sys.stderr)


if __name__ == "__main__":
    main()
