//! The block model: a small ensemble of regression trees (gradient
//! boosting) over the [block features](crate::features), read from a
//! plain-text data file.
//!
//! The file's format, line by line:
//!
//! ```text
//! textclean-boilerplate-model 1
//! features words word_len stopwords …      (the names, in vector order)
//! base -0.31                               (the starting log-odds)
//! tree 7                                   (a tree of 7 nodes, then them)
//! split 2 0.18 1 4                         (feature, threshold, left, right)
//! leaf 0.052
//! …
//! ```
//!
//! A split sends a block left when its feature is at most the threshold.
//! The score is the base plus one leaf of each tree: the log-odds that the
//! block is main content. Lines starting with `#` are comments
//! (provenance). The model is data: `tools/train_boilerplate.py` writes it
//! from the features `examples/block_features.rs` dumps.

use std::fmt;

/// One node of a tree, in 16 bytes: a split sends a block to
/// `children[0]` when its `feature` is at most `value`, else to
/// `children[1]`; a leaf (`feature == LEAF`) adds `value` to the score.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Node {
    feature: u16,
    value: f32,
    children: [u32; 2],
}

/// The `feature` of a leaf.
const LEAF: u16 = u16::MAX;

/// A parsed model.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Model {
    base: f32,
    /// Every tree's nodes, one after another; `roots` says where each
    /// starts.
    nodes: Vec<Node>,
    roots: Vec<u32>,
    /// The same trees laid out for a walk without branches, when they are
    /// shallow enough.
    perfect: Option<Perfect>,
}

/// Trees no deeper than this are also laid out as [`Perfect`] trees.
const PERFECT_DEPTH: u32 = 6;

/// Room for the splits, and for the leaves, of a tree [`PERFECT_DEPTH`]
/// deep; also the most features a [`Perfect`] walk reads.
const ROOM: usize = 1 << PERFECT_DEPTH;

/// Every tree as a perfect binary tree of one depth, in heap order: a leaf
/// above that depth is repeated below itself. A walk is then `depth` steps
/// of arithmetic, the same for every tree and every block, so the
/// processor neither mispredicts where a walk ends nor which way it goes,
/// and it overlaps the walks of many trees. Every index is masked to a
/// fixed room, so no step checks bounds. The score is the same sum, in the
/// same order, as the walk over [`Node`]s.
#[derive(Clone, Debug, PartialEq)]
struct Perfect {
    depth: u32,
    trees: Vec<PerfectTree>,
}

/// One tree of a [`Perfect`] layout: `2^depth - 1` splits, `2^depth`
/// leaves.
#[derive(Clone, Debug, PartialEq)]
struct PerfectTree {
    splits: [Split; ROOM],
    leaves: [f32; ROOM],
}

/// A split of a [`Perfect`] tree: right when the feature is above the
/// threshold.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Split {
    feature: u32,
    threshold: f32,
}

/// Why a model file cannot be read.
#[derive(Clone, Debug, PartialEq, Eq)]
pub(crate) struct ModelError(String);

impl fmt::Display for ModelError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "bad boilerplate model: {}", self.0)
    }
}

const MAGIC: &str = "textclean-boilerplate-model 1";

impl Model {
    /// Parses a model file whose features must be `names`, in order.
    pub(crate) fn parse(
        text: &str,
        names: &[String],
    ) -> Result<Model, ModelError> {
        let err =
            |n: usize, what: &str| ModelError(format!("line {n}: {what}"));
        let mut lines = text
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim()))
            .filter(|(_, l)| !l.is_empty() && !l.starts_with('#'));
        match lines.next() {
            Some((_, MAGIC)) => {}
            _ => {
                return Err(ModelError(format!(
                    "the first line is not `{MAGIC}`"
                )));
            }
        }
        let Some((n, features)) = lines.next() else {
            return Err(ModelError("no `features` line".into()));
        };
        let listed: Vec<&str> = features.split_whitespace().collect();
        if listed.first() != Some(&"features")
            || listed[1..].iter().copied().ne(names.iter().map(String::as_str))
        {
            return Err(err(
                n,
                "the features are not the ones this version computes",
            ));
        }
        let base = match lines.next() {
            Some((n, l)) => l
                .strip_prefix("base ")
                .and_then(|v| v.trim().parse::<f32>().ok())
                .filter(|v| v.is_finite())
                .ok_or_else(|| err(n, "expected `base <number>`"))?,
            None => return Err(ModelError("no `base` line".into())),
        };
        let mut model = Model {
            base,
            nodes: Vec::new(),
            roots: Vec::new(),
            perfect: None,
        };
        while let Some((n, line)) = lines.next() {
            let size = line
                .strip_prefix("tree ")
                .and_then(|v| v.trim().parse::<usize>().ok())
                .filter(|&v| v > 0)
                .ok_or_else(|| err(n, "expected `tree <nodes>`"))?;
            let root = model.nodes.len();
            model.roots.push(root as u32);
            for k in 0..size {
                let Some((n, line)) = lines.next() else {
                    return Err(ModelError(
                        "the last tree is cut short".into(),
                    ));
                };
                let mut node = parse_node(line, names.len(), size)
                    .ok_or_else(|| {
                        err(n, "expected `split f t l r` or `leaf v`")
                    })?;
                if node.feature != LEAF {
                    // Children come after their parent, so every walk ends.
                    if node.children.iter().any(|&c| c as usize <= k) {
                        return Err(err(
                            n,
                            "a child must come after its parent",
                        ));
                    }
                    node.children = node.children.map(|c| c + root as u32);
                }
                model.nodes.push(node);
            }
        }
        model.perfect = Perfect::of(&model.nodes, &model.roots, names.len());
        Ok(model)
    }

    /// The log-odds that a block with `features` is main content.
    pub(crate) fn score(&self, features: &[f32]) -> f32 {
        match &self.perfect {
            Some(perfect) => perfect.score(self.base, features),
            None => self.walk(features),
        }
    }

    /// The score by a walk over the nodes.
    fn walk(&self, features: &[f32]) -> f32 {
        let mut sum = self.base;
        for &root in &self.roots {
            let mut node = self.nodes[root as usize];
            while node.feature != LEAF {
                let x = features[usize::from(node.feature)];
                let right = usize::from(x > node.value);
                node = self.nodes[node.children[right] as usize];
            }
            sum += node.value;
        }
        sum
    }
}

impl Perfect {
    /// The perfect layout of the trees of `nodes` starting at `roots`, if
    /// none is deeper than [`PERFECT_DEPTH`] and they read at most
    /// [`ROOM`] features.
    fn of(nodes: &[Node], roots: &[u32], features: usize) -> Option<Perfect> {
        fn depth(nodes: &[Node], at: u32, level: u32) -> Option<u32> {
            let node = nodes[at as usize];
            if node.feature == LEAF {
                return Some(level);
            }
            if level >= PERFECT_DEPTH {
                return None;
            }
            let left = depth(nodes, node.children[0], level + 1)?;
            let right = depth(nodes, node.children[1], level + 1)?;
            Some(left.max(right))
        }
        if features > ROOM {
            return None;
        }
        // At least one split a tree, so that every walk takes a step.
        let mut deepest = 1;
        for &root in roots {
            deepest = deepest.max(depth(nodes, root, 0)?);
        }
        let mut perfect = Perfect { depth: deepest, trees: Vec::new() };
        for &root in roots {
            let mut tree = PerfectTree {
                splits: [Split { feature: 0, threshold: f32::INFINITY }; ROOM],
                leaves: [0.0; ROOM],
            };
            perfect.fill(&mut tree, nodes, root, 0, 0);
            perfect.trees.push(tree);
        }
        Some(perfect)
    }

    /// Lays out the subtree of `nodes[at]` at heap position `heap` of
    /// `level` in `tree`.
    fn fill(
        &self,
        tree: &mut PerfectTree,
        nodes: &[Node],
        at: u32,
        level: u32,
        heap: usize,
    ) {
        let node = nodes[at as usize];
        if node.feature == LEAF {
            // Every leaf under this position, at the full depth.
            let below = self.depth - level;
            let first = ((heap + 1) << below) - (1 << self.depth);
            tree.leaves[first..first + (1 << below)].fill(node.value);
            return;
        }
        tree.splits[heap] =
            Split { feature: u32::from(node.feature), threshold: node.value };
        for (side, &child) in node.children.iter().enumerate() {
            self.fill(tree, nodes, child, level + 1, 2 * heap + 1 + side);
        }
    }

    /// The score: `base` plus each tree's leaf, added in tree order. The
    /// walks of [`LANES`] trees go side by side, as they do not depend on
    /// one another.
    fn score(&self, base: f32, features: &[f32]) -> f32 {
        let mut x = [0f32; ROOM];
        let n = features.len().min(ROOM);
        x[..n].copy_from_slice(&features[..n]);
        let inner = (1usize << self.depth) - 1;
        let walk = |trees: &[PerfectTree], at: &mut [usize]| {
            for _ in 0..self.depth {
                for (tree, at) in trees.iter().zip(at.iter_mut()) {
                    let split = tree.splits[*at % ROOM];
                    let value = x[split.feature as usize % ROOM];
                    *at = 2 * *at + 1 + usize::from(value > split.threshold);
                }
            }
        };
        let mut sum = base;
        let lanes = self.trees.chunks_exact(LANES);
        let rest = lanes.remainder();
        for trees in lanes {
            let mut at = [0usize; LANES];
            walk(trees, &mut at);
            for (tree, at) in trees.iter().zip(at) {
                sum += tree.leaves[(at - inner) % ROOM];
            }
        }
        let mut at = [0usize; LANES];
        walk(rest, &mut at);
        for (tree, at) in rest.iter().zip(at) {
            sum += tree.leaves[(at - inner) % ROOM];
        }
        sum
    }
}

/// How many trees a [`Perfect`] walk takes at once.
const LANES: usize = 4;

/// The largest `f32` not above `t`: for any `f32` x, `x <= t` exactly when
/// `x <= below(t)`, so thresholds written as `f64` are kept exactly.
fn below(t: f64) -> f32 {
    let r = t as f32;
    if f64::from(r) <= t {
        return r;
    }
    if r > 0.0 {
        f32::from_bits(r.to_bits() - 1)
    } else if r == 0.0 {
        -f32::from_bits(1)
    } else {
        f32::from_bits(r.to_bits() + 1)
    }
}

fn parse_node(line: &str, features: usize, size: usize) -> Option<Node> {
    let mut parts = line.split_whitespace();
    let node = match parts.next()? {
        "leaf" => {
            let value: f32 = parts.next()?.parse().ok()?;
            value.is_finite().then_some(Node {
                feature: LEAF,
                value,
                children: [0; 2],
            })?
        }
        "split" => {
            let feature: u16 = parts.next()?.parse().ok()?;
            let threshold: f64 = parts.next()?.parse().ok()?;
            let left: u32 = parts.next()?.parse().ok()?;
            let right: u32 = parts.next()?.parse().ok()?;
            let value = below(threshold);
            let fits = usize::from(feature) < features
                && value.is_finite()
                && (left as usize) < size
                && (right as usize) < size;
            if !fits {
                return None;
            }
            Node { feature, value, children: [left, right] }
        }
        _ => return None,
    };
    parts.next().is_none().then_some(node)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names() -> Vec<String> {
        vec!["a".into(), "b".into()]
    }

    #[test]
    fn a_small_model_scores_by_its_trees() {
        let text = "# made by hand\ntextclean-boilerplate-model 1\nfeatures a b\nbase 0.5\n\
                    tree 3\nsplit 1 2.0 1 2\nleaf -1\nleaf 1\ntree 1\nleaf 0.25\n";
        let model = Model::parse(text, &names()).unwrap();
        assert_eq!(model.score(&[0.0, 1.0]), 0.5 - 1.0 + 0.25);
        assert_eq!(model.score(&[0.0, 3.0]), 0.5 + 1.0 + 0.25);
    }

    #[test]
    fn thresholds_keep_their_exact_meaning() {
        for t in [0.1f64, -0.1, 1.0 / 3.0, 0.0, -1e-50, 1e-50, 12.5] {
            let b = below(t);
            assert!(f64::from(b) <= t, "{t}");
            // The next f32 up is above t.
            let up = if b >= 0.0 && b.to_bits() != 0x8000_0001 {
                f32::from_bits(b.to_bits() + 1)
            } else if b == -f32::from_bits(1) {
                0.0
            } else {
                f32::from_bits(b.to_bits() - 1)
            };
            assert!(f64::from(up) > t, "{t}: {b} {up}");
        }
    }

    #[test]
    fn bad_files_are_errors() {
        let head = "textclean-boilerplate-model 1\nfeatures a b\nbase 0\n";
        for bad in [
            "",
            "textclean-boilerplate-model 2\n",
            "textclean-boilerplate-model 1\nfeatures b a\nbase 0\n",
            &format!("{head}tree 2\nleaf 1\n"),
            &format!("{head}tree 3\nsplit 0 1 0 2\nleaf 1\nleaf 2\n"),
            &format!("{head}tree 3\nsplit 5 1 1 2\nleaf 1\nleaf 2\n"),
            &format!("{head}tree 1\nleaf NaN\n"),
            &format!("{head}tree 1\nleaf 1 2\n"),
            "textclean-boilerplate-model 1\nfeatures a b\nbase x\n",
        ] {
            assert!(Model::parse(bad, &names()).is_err(), "{bad:?}");
        }
    }
}

#[cfg(test)]
mod layout {
    use super::*;
    use proptest::prelude::*;

    /// A random model over three features, its trees at most `deepest`
    /// deep, thresholds and features on one grid so that ties occur.
    fn model_text(seed: u64, trees: usize, deepest: u32) -> String {
        let mut state = seed | 1;
        let mut next = move || {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state
        };
        fn grow(
            out: &mut Vec<String>,
            level: u32,
            deepest: u32,
            next: &mut dyn FnMut() -> u64,
        ) -> usize {
            let at = out.len();
            out.push(String::new());
            if level == deepest || next() % 3 == 0 {
                out[at] = format!("leaf {}", (next() % 17) as f32 / 8.0 - 1.0);
            } else {
                let (f, t) = (next() % 3, (next() % 9) as f32 / 2.0 - 2.0);
                let left = grow(out, level + 1, deepest, next);
                let right = grow(out, level + 1, deepest, next);
                out[at] = format!("split {f} {t} {left} {right}");
            }
            at
        }
        let mut text =
            "textclean-boilerplate-model 1\nfeatures a b c\nbase 0.25\n"
                .to_string();
        for _ in 0..trees {
            let mut nodes = Vec::new();
            grow(&mut nodes, 0, deepest, &mut next);
            text += &format!("tree {}\n{}\n", nodes.len(), nodes.join("\n"));
        }
        text
    }

    fn names() -> Vec<String> {
        ["a", "b", "c"].map(String::from).to_vec()
    }

    proptest! {
        #[test]
        fn the_perfect_layout_scores_as_the_walk(
            seed in any::<u64>(),
            trees in 1usize..12,
            deepest in 0u32..=PERFECT_DEPTH,
            x in prop::collection::vec(-5i8..5, 3),
        ) {
            let model = Model::parse(&model_text(seed, trees, deepest), &names()).unwrap();
            prop_assert!(model.perfect.is_some());
            let x: Vec<f32> = x.iter().map(|&v| f32::from(v) / 2.0).collect();
            prop_assert_eq!(model.score(&x).to_bits(), model.walk(&x).to_bits());
        }
    }

    #[test]
    fn deep_trees_are_walked() {
        // The generator stops early at random: find a seed that went deep.
        let deep = (1..200u64)
            .map(|seed| {
                Model::parse(&model_text(seed, 3, PERFECT_DEPTH + 4), &names())
                    .unwrap()
            })
            .find(|m| m.perfect.is_none())
            .expect(
                "some random tree is deeper than the perfect layout takes",
            );
        assert_eq!(deep.score(&[0.0, 1.0, 2.0]), deep.walk(&[0.0, 1.0, 2.0]));
    }
}
