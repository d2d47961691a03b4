use std::collections::BTreeMap;
use std::ops::{Add, AddAssign};

/// Counts of changes per rule, and bytes in and out.
///
/// Stats add up, so the stats of many documents or many threads can be
/// summed.
///
/// ```
/// use textclean_core::Stats;
/// let mut a = Stats::default();
/// a.record("space.nbsp", 2);
/// let mut b = Stats::default();
/// b.record("space.nbsp", 1);
/// b.record("layout.final_newline", 1);
/// let total = a + b;
/// assert_eq!(total.count("space.nbsp"), 3);
/// assert_eq!(total.changes(), 4);
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Stats {
    /// Documents seen.
    pub documents: u64,
    /// Bytes read.
    pub bytes_in: u64,
    /// Bytes written.
    pub bytes_out: u64,
    counts: BTreeMap<&'static str, u64>,
}

impl Stats {
    /// Adds `n` changes made by `rule`.
    pub fn record(&mut self, rule: &'static str, n: u64) {
        if n > 0 {
            *self.counts.entry(rule).or_insert(0) += n;
        }
    }

    /// How many changes `rule` made.
    pub fn count(&self, rule: &str) -> u64 {
        self.counts.get(rule).copied().unwrap_or(0)
    }

    /// How many changes all rules made.
    pub fn changes(&self) -> u64 {
        self.counts.values().sum()
    }

    /// Each rule that made a change, with its count, by rule name.
    pub fn counts(&self) -> impl Iterator<Item = (&'static str, u64)> + '_ {
        self.counts.iter().map(|(rule, n)| (*rule, *n))
    }
}

impl AddAssign for Stats {
    fn add_assign(&mut self, other: Stats) {
        self.documents += other.documents;
        self.bytes_in += other.bytes_in;
        self.bytes_out += other.bytes_out;
        for (rule, n) in other.counts {
            self.record(rule, n);
        }
    }
}

impl Add for Stats {
    type Output = Stats;

    fn add(mut self, other: Stats) -> Stats {
        self += other;
        self
    }
}
