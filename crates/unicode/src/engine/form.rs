//! What each normalization form does, in one place: its quick check, the
//! normalization itself and the rule that reports it.

use unicode_normalization::{
    IsNormalized, UnicodeNormalization, is_nfc_quick, is_nfd_quick,
    is_nfkc_quick, is_nfkd_quick,
};

use crate::Normalization;
use crate::rule::Rule;

impl Normalization {
    /// The quick check of the form over `chars`, or `None` without one.
    pub(super) fn quick(
        self,
        chars: impl Iterator<Item = char>,
    ) -> Option<IsNormalized> {
        Some(match self {
            Normalization::None => return None,
            Normalization::Nfc => is_nfc_quick(chars),
            Normalization::Nfkc => is_nfkc_quick(chars),
            Normalization::Nfd => is_nfd_quick(chars),
            Normalization::Nfkd => is_nfkd_quick(chars),
        })
    }

    /// `text` in the form (as it is without one).
    pub(super) fn apply(self, text: &str) -> String {
        match self {
            Normalization::None => text.to_owned(),
            Normalization::Nfc => text.nfc().collect(),
            Normalization::Nfkc => text.nfkc().collect(),
            Normalization::Nfd => text.nfd().collect(),
            Normalization::Nfkd => text.nfkd().collect(),
        }
    }

    /// The rule that reports a change to the form, `None` without one.
    pub(super) fn rule(self) -> Option<Rule> {
        match self {
            Normalization::None => None,
            Normalization::Nfc => Some(Rule::Nfc),
            Normalization::Nfkc => Some(Rule::Nfkc),
            Normalization::Nfd => Some(Rule::Nfd),
            Normalization::Nfkd => Some(Rule::Nfkd),
        }
    }
}
