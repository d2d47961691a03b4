//! The rules, with the stable names that changes report.

use crate::codec::Codec;

/// One rule of the stage; see the table in the [crate] docs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Rule {
    /// UTF-8 mis-decoded as this code page.
    Mojibake(Codec),
    C1,
    Entity,
    SurrogateEscape,
    Control,
    Ansi,
    Invisible,
    Space,
    Ligature,
    Width,
    Quote,
    Dash,
    Nfc,
    Nfkc,
    Nfd,
    Nfkd,
}

impl Rule {
    /// Whether `rule` is a mojibake repair.
    pub(crate) fn is_mojibake(rule: Option<Rule>) -> bool {
        matches!(rule, Some(Rule::Mojibake(_)))
    }

    /// The name changes report, such as `mojibake.cp1252`.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Rule::Mojibake(codec) => codec.rule_name(),
            Rule::C1 => "mojibake.c1",
            Rule::Entity => "entity.html",
            Rule::SurrogateEscape => "escape.surrogate",
            Rule::Control => "control.removed",
            Rule::Ansi => "control.ansi",
            Rule::Invisible => "invisible.removed",
            Rule::Space => "space.odd",
            Rule::Ligature => "ligature.latin",
            Rule::Width => "width.fullwidth",
            Rule::Quote => "punct.quote",
            Rule::Dash => "punct.dash",
            Rule::Nfc => "normalize.nfc",
            Rule::Nfkc => "normalize.nfkc",
            Rule::Nfd => "normalize.nfd",
            Rule::Nfkd => "normalize.nfkd",
        }
    }
}
