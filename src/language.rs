//! A pipeline's language: its default pack, a document's own, and
//! detection.

use textclean_core::{Document, LanguagePack};

/// How a pipeline gives each document its language pack
/// ([`Doc::language`](crate::Doc::language), which the stages read).
///
/// A document that names a shipped pack in its
/// [`Meta::language`](crate::Meta::language) (`en`, `en-GB`) gets that
/// one. One that names `auto`, or none while [`detect`](Self::detect) is
/// on, gets the pack of the language [`detect_language`] finds; one that
/// names a language without a pack, or whose language detection is unsure
/// of or has no pack for, gets the [`default`](Self::default).
///
/// ```
/// use textclean::{Document, LanguagePack, PipelineLanguage};
///
/// let auto = PipelineLanguage { default: Some(LanguagePack::english()), detect: true };
/// let text = "The committee met on Tuesday and agreed on a budget for next year, \
///             after a long debate about the roads and the schools of the town.";
/// assert_eq!(auto.pack_for(&Document::new(text)).unwrap().code(), "en");
/// // Tagged with a language that has no pack: the default.
/// let tagged = Document::new(text).with_language("sw");
/// assert_eq!(auto.pack_for(&tagged).unwrap().code(), "en");
/// // No default, nothing detected: none, and each stage uses its own pack.
/// assert!(PipelineLanguage::default().pack_for(&Document::new("Hi")).is_none());
/// ```
#[derive(Clone, Debug, Default)]
pub struct PipelineLanguage {
    /// The pack of documents that do not name a shipped one: a pipeline
    /// from a configuration has the configured language's (English unless
    /// said), or with `auto` English to fall back on. `None` leaves each
    /// stage to its own pack.
    pub default: Option<LanguagePack>,
    /// Whether to detect the language of each document that names none.
    pub detect: bool,
}

impl PipelineLanguage {
    /// A pipeline language of `code` (`en`, or `auto` to detect each
    /// document's and fall back on English), or `None` when no pack ships
    /// for `code`.
    ///
    /// ```
    /// use textclean::PipelineLanguage;
    /// assert!(PipelineLanguage::parse("auto").unwrap().detect);
    /// assert_eq!(PipelineLanguage::parse("EN").unwrap().default.unwrap().code(), "en");
    /// assert!(PipelineLanguage::parse("xx").is_none());
    /// ```
    pub fn parse(code: &str) -> Option<PipelineLanguage> {
        if code.eq_ignore_ascii_case(AUTO) {
            let default = Some(LanguagePack::english());
            return Some(PipelineLanguage { default, detect: true });
        }
        let default = Some(LanguagePack::get(code)?);
        Some(PipelineLanguage { default, detect: false })
    }

    /// The pack `document` is cleaned with: see the [type](Self). Detects
    /// only when asked to, and allocates only then.
    pub fn pack_for<'s>(
        &'s self,
        document: &Document<'_>,
    ) -> Option<&'s LanguagePack> {
        let detect = match document.meta.language.as_deref() {
            Some(code) if code.eq_ignore_ascii_case(AUTO) => true,
            Some(code) => match LanguagePack::shipped(code) {
                Some(pack) => return Some(pack),
                None => false,
            },
            None => self.detect,
        };
        if detect {
            if let Some(pack) = detect_language(document.text) {
                return Some(pack);
            }
        }
        self.default.as_ref()
    }
}

/// The language setting that asks for detection.
pub(crate) const AUTO: &str = "auto";

/// Bytes of text detection reads.
const SAMPLE_BYTES: usize = 2048;

/// Lines at least this long are read first: prose, not menus.
const PROSE_LINE_BYTES: usize = 80;

/// The shipped pack of the language `text` is written in, when the
/// detector (whatlang) is sure of it and a pack ships for it; `None`
/// otherwise.
///
/// Detection reads at most 2 KB: the text's long lines (80 bytes or more,
/// where a page's prose is, rather than its menus), or its start when it
/// has few of them. About 0.3 ms a document.
///
/// ```
/// let text = "Forecasters expect rain across the region until Sunday, with \
///             some flooding likely in low-lying areas near the coast.";
/// assert_eq!(textclean::detect_language(text).unwrap().code(), "en");
/// let german = "Die Meteorologen erwarten bis Sonntag in der ganzen Region \
///               Regen. In den tief gelegenen Gebieten an der Küste, wo die \
///               Flüsse schon hoch stehen, drohen nach ihrer Einschätzung \
///               auch Überschwemmungen, und die Behörden sind gewarnt.";
/// assert_eq!(textclean::detect_language(german).unwrap().code(), "de");
/// // Dutch is detected, but no Dutch pack ships.
/// let dutch = "De meteorologen verwachten tot zondag in de hele regio \
///              regen, en in laaggelegen gebieden aan de kust dreigen \
///              overstromingen.";
/// assert!(textclean::detect_language(dutch).is_none());
/// ```
pub fn detect_language(text: &str) -> Option<&'static LanguagePack> {
    let sample = sample(text);
    let info = whatlang::detect(&sample)?;
    if !info.is_reliable() {
        return None;
    }
    LanguagePack::shipped(iso_639_1(info.lang().code())?)
}

/// Up to [`SAMPLE_BYTES`] of `text`'s long lines, or of its start when
/// they make up little.
fn sample(text: &str) -> std::borrow::Cow<'_, str> {
    let mut out = String::new();
    for line in text.lines().filter(|l| l.len() >= PROSE_LINE_BYTES) {
        let room = SAMPLE_BYTES - out.len();
        out.push_str(&line[..floor_char_boundary(line, room)]);
        if out.len() + 1 >= SAMPLE_BYTES {
            break;
        }
        out.push('\n');
    }
    if out.len() >= SAMPLE_BYTES / 8 {
        return out.into();
    }
    text[..floor_char_boundary(text, SAMPLE_BYTES)].into()
}

/// The largest char boundary of `s` at or before `at`.
fn floor_char_boundary(s: &str, at: usize) -> usize {
    let mut at = at.min(s.len());
    while !s.is_char_boundary(at) {
        at -= 1;
    }
    at
}

/// The ISO 639-1 code of an ISO 639-3 code whatlang detects.
fn iso_639_1(code: &str) -> Option<&'static str> {
    Some(match code {
        "afr" => "af",
        "aka" => "ak",
        "amh" => "am",
        "ara" => "ar",
        "aze" => "az",
        "bel" => "be",
        "ben" => "bn",
        "bul" => "bg",
        "cat" => "ca",
        "ces" => "cs",
        "cmn" => "zh",
        "dan" => "da",
        "deu" => "de",
        "ell" => "el",
        "eng" => "en",
        "epo" => "eo",
        "est" => "et",
        "fin" => "fi",
        "fra" => "fr",
        "guj" => "gu",
        "heb" => "he",
        "hin" => "hi",
        "hrv" => "hr",
        "hun" => "hu",
        "hye" => "hy",
        "ind" => "id",
        "ita" => "it",
        "jav" => "jv",
        "jpn" => "ja",
        "kan" => "kn",
        "kat" => "ka",
        "khm" => "km",
        "kor" => "ko",
        "lat" => "la",
        "lav" => "lv",
        "lit" => "lt",
        "mal" => "ml",
        "mar" => "mr",
        "mkd" => "mk",
        "mya" => "my",
        "nep" => "ne",
        "nld" => "nl",
        "nob" => "nb",
        "ori" => "or",
        "pan" => "pa",
        "pes" => "fa",
        "pol" => "pl",
        "por" => "pt",
        "ron" => "ro",
        "rus" => "ru",
        "sin" => "si",
        "slk" => "sk",
        "slv" => "sl",
        "sna" => "sn",
        "spa" => "es",
        "srp" => "sr",
        "swe" => "sv",
        "tam" => "ta",
        "tel" => "te",
        "tgl" => "tl",
        "tha" => "th",
        "tuk" => "tk",
        "tur" => "tr",
        "ukr" => "uk",
        "urd" => "ur",
        "uzb" => "uz",
        "vie" => "vi",
        "yid" => "yi",
        "zul" => "zu",
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const ENGLISH: &str = "The committee met on Tuesday and agreed on a \
        budget for next year, after a long debate about the state of the \
        roads and the schools of the town.";

    #[test]
    fn every_detectable_language_has_a_code() {
        for lang in whatlang::Lang::all() {
            let code = iso_639_1(lang.code());
            assert!(code.is_some_and(|c| c.len() == 2), "{lang:?}");
        }
    }

    #[test]
    fn auto_picks_english_on_english_text() {
        let page = format!("Home\nAbout\nContact\n\n{ENGLISH}\n\n{ENGLISH}\n");
        assert_eq!(detect_language(&page).map(|p| p.code()), Some("en"));
        let auto = PipelineLanguage::parse("auto").unwrap();
        let doc = Document::new(&page);
        assert_eq!(auto.pack_for(&doc).map(|p| p.code()), Some("en"));
    }

    #[test]
    fn unsure_or_unshipped_falls_back_to_the_default() {
        let mine = LanguagePack::from_lists("en", Default::default());
        let auto = PipelineLanguage { default: Some(mine), detect: true };
        let is_default = |doc: &Document<'_>| {
            auto.pack_for(doc).is_some_and(|p| !p.is_shipped())
        };
        // Too short to be sure of.
        assert!(is_default(&Document::new("Ok")));
        // Sure, but no pack ships for it.
        let italian = "Il comitato si è riunito martedì e ha votato il \
                       bilancio dell'anno prossimo, dopo un lungo dibattito \
                       sullo stato delle strade e delle scuole della città.";
        assert!(is_default(&Document::new(italian)));
        // Tagged with a language without a pack: no detection either.
        assert!(is_default(&Document::new(ENGLISH).with_language("nl")));
        // Tagged `auto`: detected even when the pipeline does not detect.
        let fixed = PipelineLanguage { detect: false, ..auto.clone() };
        let doc = Document::new(ENGLISH).with_language("Auto");
        assert!(fixed.pack_for(&doc).is_some_and(LanguagePack::is_shipped));
        assert!(
            !fixed.pack_for(&Document::new(ENGLISH)).unwrap().is_shipped()
        );
    }

    #[test]
    fn samples_long_lines_within_the_budget() {
        let long = "é".repeat(100);
        let text = format!("Menu\n{long}\nShort\n{long}\n");
        let s = sample(&text);
        assert_eq!(s, format!("{long}\n{long}\n"));
        let huge = "word ".repeat(2000);
        assert!(sample(&huge).len() <= SAMPLE_BYTES);
        let text = format!("Menu\n{}", "ü".repeat(5000));
        assert!(sample(&text).len() <= SAMPLE_BYTES);
        assert_eq!(sample("Menu\nHome\n"), "Menu\nHome\n");
    }
}
