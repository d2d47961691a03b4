//! Counts, over the whole document, the few tokens that the rules'
//! decisions need: whether a glued pair recurs, whether a joined word
//! appears elsewhere.

use std::collections::HashMap;

use foldhash::fast::RandomState;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::text::{char_at, char_before, letters_end};

/// Occurrence counts of the tokens asked for with [`Counts::want`].
pub(super) struct Counts {
    /// Hashed with foldhash: several times faster than SipHash on short
    /// tokens, and seeded per process, so a document cannot choose
    /// colliding tokens.
    wanted: HashMap<String, usize, RandomState>,
    /// For each first byte, one bit per length of the wanted tokens that
    /// start with it (63 and up share a bit): a cheap test before the map
    /// lookup, and a run whose first byte has no bit is skipped whole.
    lengths: [u64; 256],
}

impl Default for Counts {
    fn default() -> Counts {
        Counts { wanted: HashMap::default(), lengths: [0; 256] }
    }
}

impl Counts {
    /// Asks for `token` to be counted by [`Counts::count`].
    pub(super) fn want(&mut self, token: &str) {
        if token.is_empty() {
            return;
        }
        self.lengths[token.as_bytes()[0] as usize] |= 1 << token.len().min(63);
        // Allocate only for a new token.
        if !self.wanted.contains_key(token) {
            self.wanted.insert(token.to_owned(), 0);
        }
    }

    /// Whether no token was asked for.
    pub(super) fn is_empty(&self) -> bool {
        self.wanted.is_empty()
    }

    /// How often `token` stands in the text, once counted; 0 for a token
    /// not asked for.
    pub(super) fn get(&self, token: &str) -> usize {
        self.wanted.get(token).copied().unwrap_or(0)
    }

    fn bump(&mut self, token: &str) {
        if self.lengths[token.as_bytes()[0] as usize]
            & (1 << token.len().min(63))
            == 0
        {
            return;
        }
        if let Some(n) = self.wanted.get_mut(token) {
            *n += 1;
        }
    }

    /// Counts the wanted tokens where they stand as whole letter runs (or
    /// hyphenated pairs of them). With plenty of text for each of a few
    /// tokens, one automaton pass, which its prefilter makes fast; otherwise
    /// (building the automaton would cost more than it saves, or there are
    /// too many tokens for the prefilter, as in a long page or a hostile
    /// document) one walk over the letter runs. Linear either way.
    pub(super) fn count(&mut self, text: &str) {
        // Past a few dozen patterns the automaton loses its vectorized
        // prefilter and scans at about a third of the walk's speed.
        const FEW: usize = 32;
        const TEXT_PER_TOKEN: usize = 2048;
        let tokens = self.wanted.len();
        if tokens > FEW || text.len() < TEXT_PER_TOKEN * tokens {
            self.count_runs(text);
        } else {
            self.count_with_automaton(text);
        }
    }

    /// Counts the wanted tokens with one automaton pass.
    fn count_with_automaton(&mut self, text: &str) {
        // Built per document, as the tokens come from the document: a
        // contiguous NFA builds fast and, with its prefilter, searches
        // fast enough for a few dozen tokens. The automaton copies the
        // tokens, and the map is not changed until the counts go back in
        // the order its keys were read: no token is cloned.
        let built = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .kind(Some(AhoCorasickKind::ContiguousNFA))
            .build(self.wanted.keys());
        let Ok(ac) = built else {
            return self.count_runs(text);
        };
        let mut counts = vec![0usize; self.wanted.len()];
        for m in ac.find_overlapping_iter(text) {
            let whole = !char_before(text, m.start())
                .is_some_and(char::is_alphabetic)
                && !char_at(text, m.end()).is_some_and(char::is_alphabetic);
            if whole {
                counts[m.pattern().as_usize()] += 1;
            }
        }
        for (n, counted) in self.wanted.values_mut().zip(counts) {
            *n = counted;
        }
    }

    /// Counts the wanted tokens by walking every letter run.
    fn count_runs(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let mut i = 0;
        // Whether the char before `i` is a letter: a run starts only after
        // one that is not.
        let mut after_letter = false;
        while i < bytes.len() {
            let b = bytes[i];
            let (letter, len) = if b < 0x80 {
                (b.is_ascii_alphabetic(), 1)
            } else {
                let c = char_at(text, i).unwrap_or(' ');
                (c.is_alphabetic(), c.len_utf8().max(1))
            };
            // Only runs that start with the first byte of a wanted token
            // can be one: skip the rest without finding their end.
            if !letter || after_letter || self.lengths[b as usize] == 0 {
                after_letter = letter;
                i += len;
                continue;
            }
            let end = letters_end(text, i);
            self.bump(&text[i..end]);
            // A hyphenated pair that starts here: `exam-ple`.
            if bytes.get(end) == Some(&b'-')
                && char_at(text, end + 1).is_some_and(char::is_alphabetic)
            {
                let pair_end = letters_end(text, end + 1);
                self.bump(&text[i..pair_end]);
            }
            after_letter = true;
            i = end;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Counts;

    #[test]
    fn counts_whole_runs_and_hyphenated_pairs() {
        let text = "the cat, a cats' catalog; cat-like cat\ncat";
        let mut counts = Counts::default();
        for token in ["cat", "cat-like", "dog", ""] {
            counts.want(token);
        }
        counts.want("cat");
        assert!(!counts.is_empty());
        counts.count(text);
        assert_eq!(counts.get("cat"), 4);
        assert_eq!(counts.get("cat-like"), 1);
        assert_eq!(counts.get("dog"), 0);
        assert_eq!(counts.get("catalog"), 0, "not asked for");
        assert!(Counts::default().is_empty());
    }

    proptest! {
        /// The automaton count and the letter-run count agree.
        #[test]
        fn counting_paths_agree(
            text in "([a-cA-C]{1,4}|-|'| |é|\n){0,60}",
            wanted in proptest::collection::vec("[a-cA-C]{1,4}(-[a-c]{1,3})?", 1..6),
        ) {
            let mut fast = Counts::default();
            let mut slow = Counts::default();
            for token in &wanted {
                fast.want(token);
                slow.want(token);
            }
            fast.count_with_automaton(&text);
            slow.count_runs(&text);
            for token in &wanted {
                prop_assert_eq!(fast.get(token), slow.get(token), "{}", token);
            }
        }
    }
}
