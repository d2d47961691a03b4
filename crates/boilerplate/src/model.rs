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
        let mut model = Model { base, nodes: Vec::new(), roots: Vec::new() };
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
        Ok(model)
    }

    /// The log-odds that a block with `features` is main content.
    pub(crate) fn score(&self, features: &[f32]) -> f32 {
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
