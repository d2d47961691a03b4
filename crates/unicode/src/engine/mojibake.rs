//! Step 2: repairs mojibake on a stack of items, innermost layer first, so
//! that double encoding is repaired to the end. Each code page is tried on
//! the sequence that ends at the top of the stack; of the candidates that
//! [`judge`](super::judge) accepts, one that spells a letter rather than a
//! combining mark or a C1 control is made; of those, the one in the code page with the
//! most repairs so far, or else the longest, or else the first in
//! [`Codec::ALL`].

use unicode_normalization::char::canonical_combining_class;

use super::Engine;

/// How a code page's reading of a sequence ranks against the others':
/// a letter before a combining mark, then the code page with the most
/// repairs so far, then a character before a C1 control, then the longer
/// sequence. On a tie, ISO-8859-2 goes before the others in a text that
/// holds C1 controls ([`holds_c1`]).
fn rank(decoded: char, score: u32, len: usize) -> (bool, u32, bool, usize) {
    let letter = canonical_combining_class(decoded) == 0;
    let not_c1 = !('\u{80}'..='\u{9f}').contains(&decoded);
    (letter, score, not_c1, len)
}
use super::judge::{self, Candidate, Context, Lookahead, Next};
use super::lex::Item;
use super::utf8::{decode_at, second_ok, surrogate_pair, utf8_len};
use crate::codec::{Codec, Roles};
use crate::cp1252;
use crate::rule::Rule;

/// Where the items come from: the region's input, the text after it when
/// the region is cleaned alone (see `Outer`), the character before it, and
/// the code page of the last repair.
pub(super) struct Stream<'a, 'p> {
    pub(super) input: &'a str,
    pub(super) after: &'a str,
    pub(super) before: Option<char>,
    /// How many repairs each code page (by its index in [`Codec::ALL`])
    /// could have made so far: the likeliest is preferred where several
    /// read a sequence alike (Windows-1250 and ISO-8859-2).
    pub(super) scores: &'p mut [u32; 9],
    /// The right-hand context read at the last position asked for.
    pub(super) ahead: &'p mut AheadCache,
    /// Whether `input` holds a C1 control, read once a decision needs it
    /// ([`holds_c1`]).
    pub(super) c1: &'p mut Option<bool>,
}

/// Whether `input` holds a C1 control that Windows-1250 reads as a
/// character (U+0080 to U+009F but its five holes, 0x81, 0x83, 0x88,
/// 0x90 and 0x98, which a sloppy Windows-1250 reading leaves controls
/// too), read once into `known`: the mark of a text decoded in a code
/// page that leaves those bytes controls, as ISO-8859-2 does. Where the
/// two read a sequence as different letters, that tells which one the
/// text went through ("Ĺź" is "ż" in ISO-8859-2, "ş" in Windows-1250;
/// "Ĺ\u{82}", "ł", only in ISO-8859-2).
fn holds_c1(input: &str, known: &mut Option<bool>) -> bool {
    *known.get_or_insert_with(|| {
        let bytes = input.as_bytes();
        memchr::memchr_iter(0xc2, bytes).any(|i| {
            bytes.get(i + 1).is_some_and(|&b| {
                (0x80..0xa0).contains(&b)
                    && !matches!(b, 0x81 | 0x83 | 0x88 | 0x90 | 0x98)
            })
        })
    })
}

impl Stream<'_, '_> {
    /// The code page with the most repairs, if any has one.
    fn prefer(&self) -> Option<Codec> {
        let (i, &best) =
            self.scores.iter().enumerate().rev().max_by_key(|&(_, s)| *s)?;
        (best > 0).then(|| Codec::ALL[i])
    }
}

/// A well-formed sequence at the top of the stack in one code page: its
/// `k` characters, their indices in the stack and their bytes.
struct Seq {
    k: usize,
    at: [usize; 4],
    byte: [u8; 4],
    chars: [char; 4],
    /// What the bytes spell.
    decoded: char,
}

/// The last up to four characters on the stack, top first (deleted items
/// between them do not count), with their bytes in every code page: read
/// once, then asked for the sequence each code page makes of them.
struct Tail {
    n: usize,
    at: [usize; 4],
    chars: [char; 4],
    /// What each can be in a sequence, per code page; none past `n`.
    roles: [Roles; 4],
}

impl Tail {
    /// The tail of `items`; only the top where it is a continuation byte
    /// in none of the code pages of `bits` (no sequence can end there).
    fn of(items: &[Item], bits: u16) -> Tail {
        let mut tail = Tail {
            n: 0,
            at: [0; 4],
            chars: ['\0'; 4],
            roles: [Roles::default(); 4],
        };
        let mut j = items.len();
        while j > 0 && tail.n < 4 {
            j -= 1;
            if items[j].opaque() {
                break;
            }
            let Some(c) = items[j].ch else { continue };
            if c.is_ascii() {
                break;
            }
            tail.at[tail.n] = j;
            tail.chars[tail.n] = c;
            tail.roles[tail.n] = Codec::roles_of(c);
            tail.n += 1;
            if tail.n == 1 && tail.roles[0].cont & bits == 0 {
                break;
            }
        }
        tail
    }

    /// Whether the top three characters are a CESU-8 low surrogate (`í`,
    /// a byte B0–BF, a continuation) in some code page of `bits`.
    fn low_surrogate(&self, bits: u16) -> bool {
        self.bits(bits).any(|codec| {
            codec.byte(self.chars[2]) == Some(0xed)
                && matches!(codec.byte(self.chars[1]), Some(0xb0..=0xbf))
        })
    }

    /// The lead and continuations at the top that are well-formed so far
    /// but short of a sequence in `codec`: their bytes and characters in
    /// order, how many there are, and how many the sequence needs.
    fn pending(
        &self,
        codec: Codec,
    ) -> Option<([u8; 4], [char; 4], usize, usize)> {
        let mut bytes = [0u8; 4];
        let mut chars = ['\0'; 4];
        let mut k = 0;
        while k < self.n {
            let b = codec.byte(self.chars[k])?;
            bytes[k] = b;
            chars[k] = self.chars[k];
            k += 1;
            if !(0x80..0xc0).contains(&b) {
                break;
            }
        }
        let need = utf8_len(bytes[k - 1]);
        if k < 2 || k >= need || !second_ok(bytes[k - 1], bytes[k - 2]) {
            return None;
        }
        bytes[..k].reverse();
        chars[..k].reverse();
        Some((bytes, chars, k, need))
    }

    /// The code pages of `bits` (by [`Codec::index`]), in the order of
    /// [`Codec::ALL`].
    fn bits(&self, bits: u16) -> impl Iterator<Item = Codec> {
        Codec::ALL.into_iter().filter(move |c| bits & (1 << c.index()) != 0)
    }

    /// The sequence at the top of the stack in `codec`, if its last
    /// characters are one well-formed UTF-8 sequence; or why they are not.
    fn gather(&self, codec: Codec) -> Result<Seq, Outcome> {
        let mut seq = Seq {
            k: 0,
            at: [0; 4],
            byte: [0; 4],
            chars: ['\0'; 4],
            decoded: '\0',
        };
        while seq.k < self.n {
            let c = self.chars[seq.k];
            let Some(b) = codec.byte(c) else { break };
            seq.at[seq.k] = self.at[seq.k];
            seq.byte[seq.k] = b;
            seq.chars[seq.k] = c;
            seq.k += 1;
            if !(0x80..0xc0).contains(&b) {
                break;
            }
        }
        let k = seq.k;
        if k == 0 {
            return Err(Outcome::Nothing);
        }
        let lead = seq.byte[k - 1];
        let need = utf8_len(lead);
        if need == 0
            || k > need
            || (k >= 2 && !second_ok(lead, seq.byte[k - 2]))
        {
            return Err(Outcome::Invalid);
        }
        if k < need {
            return Err(Outcome::Partial);
        }
        seq.at[..k].reverse();
        seq.byte[..k].reverse();
        seq.chars[..k].reverse();
        // Well-formed: `second_ok` rules out overlong forms, surrogates
        // and what is past U+10FFFF.
        let mut u = u32::from(lead) & (0x7f >> need);
        for &b in &seq.byte[1..k] {
            u = (u << 6) | u32::from(b & 0x3f);
        }
        seq.decoded = char::from_u32(u).ok_or(Outcome::Invalid)?;
        Ok(seq)
    }
}

/// What one code page makes of the sequence at the top of the stack.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Outcome {
    /// The top character has no byte there.
    Nothing,
    /// Its bytes are no prefix of well-formed UTF-8.
    Invalid,
    /// They are a proper prefix: more may come.
    Partial,
    /// A complete sequence, not plausible as mojibake.
    Rejected,
    /// A plausible repair: the items from `from` spell `decoded`.
    Accepted { from: usize, decoded: char },
}

impl Engine {
    /// Pushes an item, then repairs every mojibake sequence that now ends
    /// at the top of the stack.
    pub(super) fn push(
        &self,
        st: &mut Stream<'_, '_>,
        items: &mut Vec<Item>,
        item: Item,
    ) {
        // A run of pieces one rule deletes is one item, and so one change:
        // a run of a million zero-width spaces takes no memory per piece.
        if let Some(top) = items.last_mut() {
            if item.ch.is_none()
                && top.ch.is_none()
                && !item.opaque()
                && !top.opaque()
                && top.rule == item.rule
                && top.end == item.start
            {
                top.end = item.end;
                return;
            }
        }
        items.push(item);
        if self.cfg.mojibake {
            self.reduce_all(st, items);
        }
    }

    /// Repairs sequences at the top while there are any.
    fn reduce_all(&self, st: &mut Stream<'_, '_>, items: &mut Vec<Item>) {
        while items
            .last()
            .filter(|top| !top.opaque())
            .and_then(|top| top.ch)
            .is_some_and(|c| self.mappable(c))
        {
            if !self.reduce(st, items) {
                break;
            }
        }
    }

    /// Repairs the sequence ending at the top item, in the code page where
    /// it is plausible mojibake. Deletes the top item instead when it is a
    /// fragile character that no sequence can use.
    fn reduce(&self, st: &mut Stream<'_, '_>, items: &mut Vec<Item>) -> bool {
        let tail = Tail::of(items, self.codec_bits);
        // Which code pages may end a sequence at the top, from what each
        // character can be in each (one bit per code page): most pushes
        // end none (a lead byte, a character alone), and a sequence is
        // looked at only in the few code pages where its shape fits.
        let r = &tail.roles;
        let c0 = r[0].cont & self.codec_bits;
        let c01 = c0 & r[1].cont;
        let ends = (c0 & r[1].lead[0])
            | (c01 & r[2].lead[1])
            | (c01 & r[2].cont & r[3].lead[2]);
        // CESU-8: the three bytes of a low surrogate at the top, after
        // those of a high one.
        let low = c01 & r[2].lead[1];
        if low != 0 && tail.n == 4 && tail.low_surrogate(low) {
            if let Some((from, decoded, codec)) =
                self.surrogate_pair(st.prefer(), items, low)
            {
                st.scores[codec.index()] += 1;
                self.replace_top(items, from, decoded, codec);
                return true;
            }
        }
        // A lead alone at the top may be completed; a lead and
        // continuations short of its length too, if well-formed so far.
        let leads =
            self.codec_bits & (r[0].lead[0] | r[0].lead[1] | r[0].lead[2]);
        let short =
            (c0 & (r[1].lead[1] | r[1].lead[2])) | (c01 & r[2].lead[2]);
        let mut partial = leads != 0;
        // Windows-1252 reads the top as a byte that neither ends nor
        // starts a sequence: a fragile top no sequence can use goes.
        let cp1252 = 1 << Codec::Cp1252.index();
        let mut invalid = self.codec_bits & cp1252 != 0
            && Codec::Cp1252.byte(tail.chars[0]).is_some()
            && (leads | ends | short) & cp1252 == 0;
        if short & cp1252 != 0 {
            match tail.gather(Codec::Cp1252) {
                Err(Outcome::Partial) => partial = true,
                _ => invalid = true,
            }
        }
        if ends == 0 {
            self.kill_unless_partial(items, &tail, short, invalid && !partial);
            return false;
        }
        // Inside a pair, before its last byte, no sequence ends: "í¡‚í±€"
        // is "𠡀", though "‚í±" alone is "⒱" in MacRoman. (Its characters
        // there are no fragile ones, which the kill above would take.)
        if self.inside_pair(items, &tail) {
            return false;
        }
        // Where the code page with the most repairs may still complete a
        // sequence, layers of repairs in another one are judged as raw
        // characters ("П—" waits for "—Ä" in MacRoman).
        let last = st.prefer();
        let prefer = last.filter(|c| self.codecs.contains(c));
        let waits = prefer.is_some_and(|codec| {
            let bit = 1 << codec.index();
            leads & bit != 0
                || (short & bit != 0
                    && matches!(tail.gather(codec), Err(Outcome::Partial)))
        });
        // What follows the top, read once for all code pages if needed.
        let end = items.last().map_or(0, |top| top.end);
        let mut ahead = Ahead {
            engine: self,
            input: st.input,
            after: st.after,
            at: end,
            cache: &mut *st.ahead,
        };
        // The candidates accepted: one that spells a letter rather than a
        // combining mark; of those, the one in the code page with the most
        // repairs so far is made, or else the longest, or else the first.
        let mut accepted = [None; 9];
        let mut best: Option<(u32, usize, Codec, usize, char)> = None;
        // A longer sequence under way in another code page, which the
        // characters after complete with evidence: what it holds is not
        // repaired alone ("≡ƒæì" is "👍" in code page 437, though "ƒæ" is
        // "ľ" in MacRoman).
        let under_way = if short != 0 {
            tail.bits(short)
                .filter_map(|codec| {
                    let (bytes, chars, k, need) = tail.pending(codec)?;
                    // Of raw characters only: a layer of repairs is
                    // another matter.
                    let raw = tail.at[..k]
                        .iter()
                        .all(|&j| !Rule::is_mojibake(items[j].rule));
                    // In the code page with the most repairs, a CJK letter
                    // is evidence enough: "Î™®" is "모" in a Korean text
                    // read as MacRoman, not "Ι" and "®".
                    let cjk = Some(codec) == prefer;
                    (raw && ahead.completes(codec, bytes, chars, k, need, cjk))
                        .then_some(k)
                })
                .max()
        } else {
            None
        };
        for codec in tail.bits(ends) {
            let seq = match tail.gather(codec) {
                Ok(seq) => seq,
                Err(Outcome::Invalid) if codec == Codec::Cp1252 => {
                    invalid = true;
                    continue;
                }
                Err(_) => continue,
            };
            if under_way.is_some_and(|k| seq.k <= k) {
                continue;
            }
            // The same reading as the best so far, in a code page that
            // cannot outscore it: it reads the sequence alike (and scores
            // with it), whatever its judge would say.
            let score = st.scores[codec.index()];
            let read = (seq.at[0], seq.decoded);
            if best.is_some_and(|(s, _, _, from, decoded)| {
                (from, decoded) == read && score <= s
            }) {
                accepted[codec.index()] = Some(read);
                continue;
            }
            let raw = waits && Some(codec) != prefer;
            let seen = score > 0;
            let outcome = self.reduce_in(
                codec, seq, st.before, last, items, raw, seen, &mut ahead,
            );
            match outcome {
                Outcome::Accepted { from, decoded } => {
                    let len = items.len() - from;
                    accepted[codec.index()] = Some((from, decoded));
                    // A letter before a combining mark: "Ã´" is "ô" in
                    // Windows-1252 whatever MacRoman, with its repairs so
                    // far, would make of it (a mark on the letter before).
                    // Where no code page has more repairs, a character
                    // before a C1 control: "Âś" is "¶" in ISO-8859-2, not
                    // U+009C in Windows-1250 (which in a Windows-1250 text
                    // is the inner layer of "Ă˘Â€Âś", a quote).
                    // ISO-8859-2 against Windows-1250, which read most
                    // sequences alike, is asked only where they differ.
                    let (input, c1) = (st.input, &mut *st.c1);
                    let mut latin2 =
                        |c: Codec| c == Codec::Latin2 && holds_c1(input, c1);
                    let wins = match best {
                        None => true,
                        Some((s, l, c, _, d)) => {
                            let key = rank(decoded, score, len);
                            let other = rank(d, s, l);
                            key > other
                                || (key == other
                                    && latin2(codec)
                                    && !latin2(c))
                        }
                    };
                    if wins {
                        best = Some((score, len, codec, from, decoded));
                    }
                }
                Outcome::Invalid if codec == Codec::Cp1252 => invalid = true,
                _ => {}
            }
        }
        if let Some((_, _, codec, from, decoded)) = best {
            // Every code page that reads the same sequence alike scores.
            for (score, read) in st.scores.iter_mut().zip(accepted) {
                if read == Some((from, decoded)) {
                    *score += 1;
                }
            }
            self.replace_top(items, from, decoded, codec);
            self.repair_word_before(st, items, codec);
            return true;
        }
        self.kill_unless_partial(items, &tail, short, invalid && !partial);
        false
    }

    /// Repairs the words at the top of the stack, back to its last ASCII
    /// character, that were read in the wrong code page as a whole though
    /// no sequence in them is evidence alone ("ŒñŒÆŒØœÖŒºœé", Greek read
    /// as MacRoman): a run of raw characters between what is no letter
    /// (`next` is the character after the top) that is no word, while what
    /// it spells in one code page is (see [`judge::misread_word`]). The
    /// code page with the most repairs so far is tried first. Called at
    /// each ASCII character that is no letter or digit, and at the end of
    /// a region, so that what follows is judged knowing of the repair.
    pub(super) fn repair_misread_words(
        &self,
        st: &mut Stream<'_, '_>,
        items: &mut Vec<Item>,
        next: Option<char>,
    ) {
        /// The longest word looked at.
        const LONGEST: usize = 32;
        let letter = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
        let mut end = items.len();
        while end > 0 {
            // The run ending at `end`: raw characters that are not ASCII.
            let raw = |item: &Item| {
                item.rule.is_none()
                    && !item.opaque()
                    && item
                        .ch
                        .is_some_and(|c| !c.is_ascii() && !c.is_whitespace())
            };
            let mut start = end;
            while start > 0 && end - start <= LONGEST && raw(&items[start - 1])
            {
                start -= 1;
            }
            let (run_start, run_end) = (start, end);
            // Back to the last ASCII character: the words before it were
            // looked at when it came.
            if start == 0 || items[start - 1].ch.is_some_and(|c| c.is_ascii())
            {
                end = 0;
            } else {
                end = start - 1;
            }
            let len = run_end - run_start;
            if !(4..=LONGEST).contains(&len) {
                continue;
            }
            let before = match run_start {
                0 => st.before,
                j => items[j - 1].ch,
            };
            let after = items.get(run_end).map_or(next, |i| i.ch);
            if letter(before) || letter(after) {
                continue;
            }
            let mut chars = [' '; LONGEST];
            for (c, item) in chars.iter_mut().zip(&items[run_start..run_end]) {
                *c = item.ch.unwrap_or(' ');
            }
            let chars = &chars[..len];
            // Punctuation before or after the word is no part of it ("¿",
            // "«", "…"), unless it is where the word starts ("–Ü" is "І").
            let punct = |c: char| !c.is_alphanumeric();
            let lead = chars.iter().take(2).take_while(|&&c| punct(c)).count();
            let trail =
                chars.iter().rev().take(2).take_while(|&&c| punct(c)).count();
            let order =
                st.prefer().into_iter().chain(self.codecs.iter().copied());
            for codec in order {
                if !self.codecs.contains(&codec) {
                    continue;
                }
                let trims =
                    (0..=lead).flat_map(|a| (0..=trail).map(move |b| (a, b)));
                let Some((off, decoded, spans)) = trims
                    .filter(|&(a, b)| a + b + 4 <= len)
                    .find_map(|(a, b)| {
                        let word = &chars[a..len - b];
                        let (decoded, spans) = read_word(word, codec)?;
                        judge::misread_word(word, &decoded.chars[..decoded.n])
                            .then_some((a, decoded, spans))
                    })
                else {
                    continue;
                };
                let run_start = run_start + off;
                // Replace, last first, so that the indices before stay valid.
                for k in (0..decoded.n).rev() {
                    let (from, to) = spans[k];
                    let (from, to) = (run_start + from, run_start + to);
                    let decoded = decoded.chars[k];
                    let item = Item {
                        start: items[from].start,
                        end: items[to - 1].end,
                        ch: match self.pre(decoded) {
                            Some(_) => None,
                            None => Some(decoded),
                        },
                        rule: Some(Rule::Mojibake(codec)),
                        tail: None,
                        bare: false,
                    };
                    items.splice(from..to, [item]);
                    st.scores[codec.index()] += 1;
                }
                break;
            }
        }
    }

    /// Repairs the rest of the word before the repair at the top of the
    /// stack in its code page `codec`: a word is mis-decoded as a whole,
    /// and the sequences before the one that showed it ("Ξ£Ξ³" before
    /// "ΞΉΟŒ", Greek read as Windows-1253) are mojibake too. Only the
    /// longest stretch just before it (ASCII letters and digits and
    /// repairs in a compatible code page between) whose raw characters
    /// are all well-formed sequences there, each spelling what fits the
    /// word (see [`judge::fits_word`]).
    fn repair_word_before(
        &self,
        st: &mut Stream<'_, '_>,
        items: &mut Vec<Item>,
        codec: Codec,
    ) {
        /// How far back a word is looked at: a word is short, and the
        /// cost stays linear.
        const REACH: usize = 48;
        let top = items.len() - 1;
        let script = items[top].ch.and_then(judge::script);
        // The start of the word: the first item after a space, an ASCII
        // symbol, an opaque item or another rule's change.
        let mut start = top;
        let mut raw = 0;
        while start > 0 && top - start < REACH {
            let item = &items[start - 1];
            if item.opaque() {
                break;
            }
            match (item.ch, item.rule) {
                (Some(c), _) if c.is_ascii_alphanumeric() => {}
                (Some(c), _) if c.is_ascii() || c.is_whitespace() => break,
                (_, Some(Rule::Mojibake(other)))
                    if other == codec || (other.latin() && codec.latin()) => {}
                (Some(c), None) if codec.byte(c).is_some() => raw += 1,
                (None, _) => {}
                _ => break,
            }
            start -= 1;
        }
        if raw == 0 {
            return;
        }
        // Read the stretch forward; what cannot be read (or does not fit)
        // moves its start past it.
        let mut repairs: [(usize, usize, char); REACH] = [(0, 0, '\0'); REACH];
        let mut n = 0;
        let mut j = start;
        while j < top {
            let item = &items[j];
            let Some(c) =
                item.ch.filter(|c| !c.is_ascii() && item.rule.is_none())
            else {
                j += 1;
                continue;
            };
            let Some(lead) = codec.byte(c) else {
                n = 0;
                j += 1;
                continue;
            };
            let need = utf8_len(lead);
            let mut bytes = [lead, 0, 0, 0];
            let mut chars = [c, '\0', '\0', '\0'];
            let mut k = 1;
            let mut end = j + 1;
            while k < need && end < top {
                let next = &items[end];
                end += 1;
                let Some(nc) = next.ch else { continue };
                match codec.byte(nc) {
                    Some(b @ 0x80..=0xbf) if next.rule.is_none() => {
                        bytes[k] = b;
                        chars[k] = nc;
                        k += 1;
                    }
                    _ => break,
                }
            }
            let decoded = (need > 0 && k == need && second_ok(lead, bytes[1]))
                .then(|| decode_at(&bytes[..k], 0).0);
            let fits = decoded.is_some_and(|d| {
                let cand = Candidate {
                    codec,
                    chars: &chars[..k],
                    bytes: &bytes[..k],
                    decoded: d,
                    layered: false,
                    all_repairs: false,
                };
                judge::fits_word(&cand, script)
            });
            match decoded {
                Some(d) if fits => {
                    repairs[n] = (j, end, d);
                    n += 1;
                }
                _ => n = 0,
            }
            j = if fits { end } else { j + 1 };
        }
        if n == 0 {
            return;
        }
        // Replace, last first, so that the indices before stay valid.
        for &(from, to, decoded) in repairs[..n].iter().rev() {
            let start = items[from].start;
            let end = items[to - 1].end;
            let ch = match self.pre(decoded) {
                Some(_) => None,
                None => Some(decoded),
            };
            items.splice(
                from..to,
                [Item {
                    start,
                    end,
                    ch,
                    rule: Some(Rule::Mojibake(codec)),
                    tail: None,
                    bare: false,
                }],
            );
            st.scores[codec.index()] += 1;
        }
    }

    /// Deletes the top item if `invalid` and it is fragile, unless it
    /// is the lead and continuations of a sequence that may still come in
    /// a code page of `short` (where it is short of its length): whether
    /// those are well-formed so far matters only to this choice.
    fn kill_unless_partial(
        &self,
        items: &mut [Item],
        tail: &Tail,
        short: u16,
        invalid: bool,
    ) {
        if invalid
            && !self.high_surrogate_at_top(tail)
            && !tail.bits(short).any(|codec| {
                matches!(tail.gather(codec), Err(Outcome::Partial))
            })
        {
            let top = items.len() - 1;
            self.kill(&mut items[top]);
        }
    }

    /// The CESU-8 surrogate pair that the last six characters spell in
    /// one of the code pages of `bits`, if they do and it is plausible:
    /// the index of its first item, the character, the code page (the one
    /// of `prefer` where several read it).
    ///
    /// CESU-8 (and Java's modified UTF-8, and UTF-8 encoders that encode
    /// UTF-16 unit by unit) writes an astral character as its two UTF-16
    /// surrogates, three bytes each: "😀" is ED A0 BD ED B8 80, "í\u{a0}½í¸€"
    /// in Windows-1252. Either half alone is no UTF-8, and is left alone.
    fn surrogate_pair(
        &self,
        prefer: Option<Codec>,
        items: &[Item],
        bits: u16,
    ) -> Option<(usize, char, Codec)> {
        let mut at = [0; 6];
        let mut chars = ['\0'; 6];
        let mut n = 0;
        // Deleted pieces between them are transparent, as in `Tail`.
        for (j, item) in items.iter().enumerate().rev().take(32) {
            let Some(c) = item.ch else { continue };
            if c.is_ascii() {
                return None;
            }
            n += 1;
            at[6 - n] = j;
            chars[6 - n] = c;
            if n == 6 {
                break;
            }
        }
        if n < 6 {
            return None;
        }
        let mut found = None;
        for codec in Codec::ALL {
            if bits & (1 << codec.index()) == 0 {
                continue;
            }
            let mut bytes = [0u8; 6];
            let mut ok = true;
            for (b, &c) in bytes.iter_mut().zip(&chars) {
                match codec.byte(c) {
                    Some(byte) => *b = byte,
                    None => ok = false,
                }
            }
            let Some(decoded) = ok.then(|| surrogate_pair(&bytes)).flatten()
            else {
                continue;
            };
            // Layers of another code page's repairs, as in `reduce_in`.
            if at.iter().any(|&j| match items[j].rule {
                Some(Rule::Mojibake(inner)) => {
                    inner != codec && !(inner.latin() && codec.latin())
                }
                _ => false,
            }) {
                continue;
            }
            let repaired = |j: &usize| Rule::is_mojibake(items[*j].rule);
            let cand = Candidate {
                codec,
                chars: &chars,
                bytes: &bytes,
                decoded,
                layered: at.iter().any(repaired),
                all_repairs: at.iter().all(repaired),
            };
            if !judge::plausible_pair(&cand) {
                continue;
            }
            if prefer == Some(codec) {
                return Some((at[0], decoded, codec));
            }
            found = found.or(Some((at[0], decoded, codec)));
        }
        found
    }

    /// Whether the stack ends with a high surrogate and the first one or
    /// two bytes of a low one in some code page (`í`, a byte A0–AF, a
    /// continuation, `í`, maybe a byte B0–BF): a CESU-8 pair may follow.
    fn inside_pair(&self, items: &[Item], tail: &Tail) -> bool {
        if tail.n < 4 {
            return false;
        }
        let r = &tail.roles;
        let shape = self.codec_bits
            & ((r[0].lead[1] & r[1].cont & r[2].cont & r[3].lead[1])
                | (r[0].cont & r[1].lead[1] & r[2].cont & r[3].cont));
        if shape == 0 {
            return false;
        }
        let mut chars = ['\0'; 5];
        let mut n = 0;
        for item in items.iter().rev().take(32) {
            let Some(c) = item.ch else { continue };
            if c.is_ascii() {
                break;
            }
            chars[n] = c;
            n += 1;
            if n == 5 {
                break;
            }
        }
        self.codecs.iter().any(|&codec| {
            let b = |k: usize| (k < n).then(|| codec.byte(chars[k])).flatten();
            let high = |k: usize| {
                b(k) == Some(0xed)
                    && matches!(b(k - 1), Some(0xa0..=0xaf))
                    && matches!(b(k - 2), Some(0x80..=0xbf))
            };
            (b(0) == Some(0xed) && high(3))
                || (matches!(b(0), Some(0xb0..=0xbf))
                    && b(1) == Some(0xed)
                    && high(4))
        })
    }

    /// Whether the top of the stack starts a CESU-8 high surrogate in some
    /// code page (`í` and a byte A0–AF, then maybe a continuation): a
    /// fragile character there (a soft hyphen, a C1 control) may be one of
    /// its bytes, and stays until the low surrogate comes or not.
    fn high_surrogate_at_top(&self, tail: &Tail) -> bool {
        let r = &tail.roles;
        let shape = (r[0].cont & r[1].lead[1])
            | (r[0].cont & r[1].cont & r[2].lead[1]);
        shape & self.codec_bits != 0
            && self.codecs.iter().any(|&codec| {
                let b = |k: usize| {
                    (k < tail.n).then(|| codec.byte(tail.chars[k])).flatten()
                };
                matches!(
                    (b(0), b(1), b(2)),
                    (Some(0xa0..=0xaf), Some(0xed), _)
                        | (Some(0x80..=0xbf), Some(0xa0..=0xaf), Some(0xed))
                )
            })
    }

    /// [`Engine::reduce`] in one code page.
    #[allow(clippy::too_many_arguments)] // the parts of one decision
    fn reduce_in(
        &self,
        codec: Codec,
        seq: Seq,
        before: Option<char>,
        last: Option<Codec>,
        items: &[Item],
        raw: bool,
        seen: bool,
        ahead: &mut Ahead<'_, '_>,
    ) -> Outcome {
        let (k, at, byte, chars) = (seq.k, &seq.at, &seq.byte, &seq.chars);
        let decoded = seq.decoded;
        let from = at[0];
        let (prev, prev_repaired) = match prev_index(items, from) {
            Some(p) => (items[p].ch, Rule::is_mojibake(items[p].rule)),
            None => (before, false),
        };
        // A layer of another code page's repairs: double mojibake goes
        // through one misconfigured path twice, so the code pages agree
        // (or both are Latin ones). "Вє" from Windows-1252 repairs is
        // Cyrillic, not Windows-1251 bytes.
        if at[..k].iter().any(|&j| match items[j].rule {
            Some(Rule::Mojibake(inner)) => {
                inner != codec && !(inner.latin() && codec.latin())
            }
            _ => false,
        }) {
            return Outcome::Rejected;
        }
        let mut cand = Candidate {
            codec,
            chars: &chars[..k],
            bytes: &byte[..k],
            decoded,
            layered: at[..k].iter().any(|&j| Rule::is_mojibake(items[j].rule)),
            all_repairs: at[..k]
                .iter()
                .all(|&j| Rule::is_mojibake(items[j].rule)),
        };
        // Repairs and raw characters in one sequence: not a layer (every
        // byte of an outer layer is a repaired character of the inner
        // one), so judged as raw characters, as a second run would see
        // them; but not where the raw ones start a sequence with what
        // follows in the code page of the last repair, which will take
        // them ("в–¬µ" is "в–µ" in MacRoman, not "▬µ" in Windows-1251).
        if cand.layered && !cand.all_repairs {
            if let Some(prefer) = last {
                if prefer != codec && ahead.continues(chars[k - 1], prefer) {
                    return Outcome::Rejected;
                }
            }
            cand.layered = false;
        }
        if raw {
            cand.layered = false;
            cand.all_repairs = false;
        }
        let inner_cont = continues_repairs(items, from, decoded, codec);
        // "В" or "Β" and a Latin-1 symbol (Windows-1251 or -1253's
        // reading of C2 and a byte: "В\u{a0}", "Β£"), or "Г" or "Γ" and
        // the two symbols among C3's letters ("4Г—4" is "4×4"), between
        // letters of Latin text: no Russian or Greek word. Where the second
        // is a letter there ("ВІ" is "²", "ВЈ" is "£"), the pair must touch
        // a letter or digit: a word of its own is Cyrillic ("ВІ" alone), a
        // symbol glued to one is not ("mВІ"). Only a Latin-1 symbol: C2 and
        // a byte 80–9F spell a C1 control, no text's character ("Β…" is no
        // "\u{85}" and so no "…").
        //
        // So is, between Latin letters, "Γ" or "Г" and a no-break space
        // that ends a word ("cadeau Γ\u{a0} offrir" is "à"), and such a
        // pair glued to Latin
        // letters on both sides ("TΓΌrkçe"); and a letter of the code page
        // and a Latin-1 symbol glued to a letter or digit ("32Ξ©Driver" is
        // "32ΩDriver"): Greek and Russian write neither.
        // Three bytes that spell punctuation or a symbol there, with only
        // Latin letters near ("в–ёCorporate" is "▸Corporate", "в—Џ You"
        // is "● You"): no Russian or Greek word either.
        let latin_around = matches!(codec, Codec::Cp1251 | Codec::Cp1253)
            && match k {
                2 => {
                    matches!(byte[0], 0xc2..=0xdf) && {
                        let next = ahead.raw_next();
                        // Glued to a letter of the code page's own script
                        // ("ВВЄ"), the pair is part of a word of it.
                        let own = |c: Option<char>| {
                            matches!(
                                c.and_then(judge::script),
                                Some(
                                    judge::Script::Cyrillic
                                        | judge::Script::Greek
                                )
                            )
                        };
                        let touches = (prev
                            .is_some_and(char::is_alphanumeric)
                            || next.is_some_and(char::is_alphanumeric))
                            && !own(prev)
                            && !own(next);
                        pair_in_latin(
                            byte, chars, decoded, prev, next, touches,
                        )
                    }
                }
                3 => ('\u{2000}'..='\u{2bff}').contains(&decoded),
                _ => false,
            }
            && ahead.latin_around(items[from].start);
        let ctx =
            Context { prev, prev_repaired, inner_cont, seen, latin_around };
        let mut right = Right { ahead, codec, decoded, prev };
        if !judge::accept(&cand, &ctx, &mut right) {
            return Outcome::Rejected;
        }
        Outcome::Accepted { from, decoded }
    }

    /// Replaces `items[from..]` by the repaired character `decoded`.
    fn replace_top(
        &self,
        items: &mut Vec<Item>,
        from: usize,
        decoded: char,
        codec: Codec,
    ) {
        let start = items[from].start;
        let end = items.last().map_or(start, |top| top.end);
        items.truncate(from);
        let ch = match self.pre(decoded) {
            Some(_) => None,
            None => Some(decoded),
        };
        items.push(Item {
            start,
            end,
            ch,
            rule: Some(Rule::Mojibake(codec)),
            tail: None,
            bare: false,
        });
    }

    /// A no-break space that became a plain space: the item at the top is
    /// `Ã` and the input has a space at `at`, as in "Ã  bientÃ´t" ("à
    /// bientôt" read as Windows-1252, its no-break space then made plain).
    /// Repairs it as one sequence with the space and returns true, or
    /// returns false.
    ///
    /// Only where that is unambiguous: `Ã` not after a capital (so not
    /// Portuguese "IRMÃ E"); `Â` after a repair (the outer layer of a
    /// double encoding, "ÃƒÂ ") or where it ends no word ("5 minutesÂ
    /// between", "PrivacyÂ |Â Security", "word Â word"), not after a
    /// capital or an opening bracket ("HÂLÂ "), nor a digit but in a text
    /// with repairs already ("12Â %" alone); `Ð` only before Cyrillic mojibake
    /// ("Ð ÐµÐ·" is "Рез").
    pub(super) fn lost_nbsp(
        &self,
        st: &mut Stream<'_, '_>,
        at: usize,
        items: &mut Vec<Item>,
    ) -> bool {
        self.lost_nbsp_before(st, at, items, true)
    }

    /// A no-break space lost at the end of a line (`\n` at `at`, or the
    /// end of the text), where
    /// trimming took it with the line's trailing spaces: "cittÃ" is
    /// "città", "5 minutesÂ" is "5 minutes" and a no-break space. As
    /// [`Engine::lost_nbsp`], but the line break stays.
    pub(super) fn lost_nbsp_at_line_end(
        &self,
        st: &mut Stream<'_, '_>,
        at: usize,
        items: &mut Vec<Item>,
    ) -> bool {
        self.lost_nbsp_before(st, at, items, false)
    }

    /// [`Engine::lost_nbsp`] before the byte at `at`, which it takes in as
    /// the lost byte when `space`.
    fn lost_nbsp_before(
        &self,
        st: &mut Stream<'_, '_>,
        at: usize,
        items: &mut Vec<Item>,
        space: bool,
    ) -> bool {
        // At a line end, spaces and tabs after the character (with
        // deleted pieces among them, "Ã\t" and a control) go with the
        // line's trailing blanks, which the tail pass trims: the character
        // is read as the line's last, as a second run reads it, and the
        // blanks stay as they are.
        let Some(k) = (!space).then(|| trailing_blanks(items)).flatten()
        else {
            return self.lost_nbsp_before_last(st, at, items, space);
        };
        let tail = items.split_off(k);
        let done = self.lost_nbsp_before_last(st, tail[0].start, items, space);
        items.extend(tail);
        done
    }

    /// [`Engine::lost_nbsp_before`] once nothing but deleted pieces
    /// follows the last character.
    fn lost_nbsp_before_last(
        &self,
        st: &mut Stream<'_, '_>,
        at: usize,
        items: &mut Vec<Item>,
        space: bool,
    ) -> bool {
        // The last character, and nothing but deleted pieces after it.
        let Some(last) = items.iter().rposition(|item| item.ch.is_some())
        else {
            return false;
        };
        // Whatever made the character (the input, an entity, an inner
        // layer of mojibake), a second run sees it before the space: so
        // must this one, or `clean` is not idempotent.
        let top = items[last];
        if items.last().is_none_or(|i| i.end != at) {
            return false;
        }
        if top.ch == Some('í') {
            return space && self.lost_nbsp_in_pair(st, at, items);
        }
        let prev_at = prev_index(items, last);
        let prev = prev_at.map(|p| items[p]);
        let rest = st.input.get(at + 1..).filter(|_| space);
        if let Some(decoded) =
            prev_at.and_then(|p| lost_third_byte(items, p, rest))
        {
            // A three-byte sequence whose last byte, A0, was lost, at the
            // end of a CJK word being repaired: "í•˜ê³" is "하고".
            if space {
                let end = items.len() - 1;
                items[end].end = at + 1;
            }
            if let Some(from) = prev_at {
                self.replace_top(items, from, decoded, Codec::Cp1252);
                self.reduce_all(st, items);
                return true;
            }
        }
        let prev_char = prev.map_or(st.before, |p| p.ch);
        let decoded = match top.ch {
            Some('Ã') if !prev_char.is_some_and(char::is_uppercase) => 'à',
            Some('Â')
                if prev.is_some_and(|p| Rule::is_mojibake(p.rule))
                    || ends_no_word(
                        items,
                        last,
                        st.before,
                        st.scores.iter().any(|&s| s > 0),
                    ) =>
            {
                '\u{a0}'
            }
            // The inner layer of double mojibake ("Ã£Æ’Å " for "ナ", its
            // "Š" lost its A0).
            Some('Å') if prev.is_some_and(|p| Rule::is_mojibake(p.rule)) => {
                'Š'
            }
            // After a Greek or Cyrillic letter that was repaired: "Î˜Î "
            // is "ΘΠ", "Ð¸Ð " is "иР".
            Some('Î') if repaired_in(prev, judge::Script::Greek) => 'Π',
            Some('Ð') if repaired_in(prev, judge::Script::Cyrillic) => 'Р',
            Some('Ð')
                if Peek::of(
                    &window(
                        self,
                        st.input,
                        st.after,
                        after(st.input, at),
                        None,
                    ),
                    Codec::Cp1252,
                )
                .deep_first(Codec::Cp1252)
                .is_some_and(|c| ('\u{400}'..='\u{4ff}').contains(&c)) =>
            {
                'Р'
            }
            _ => return false,
        };
        // Only `Ã` and `Â` lose a no-break space to trimming, and `Ã` only
        // as the end of a word ("città"; "Ã" alone is a letter).
        let word_end = prev_char.is_some_and(char::is_lowercase);
        let trimmed = decoded == '\u{a0}' || (decoded == 'à' && word_end);
        if !(space || trimmed) {
            return false;
        }
        let from = last;
        if space {
            let end = items.len() - 1;
            items[end].end = at + 1;
        }
        self.replace_top(items, from, decoded, Codec::Cp1252);
        self.reduce_all(st, items);
        true
    }

    /// A CESU-8 surrogate pair whose no-break space (its second byte, as
    /// in every emoji's) became a plain space: "í ½í¸€" for "😀". The
    /// space at `at`, after `í`, is that byte when the four characters
    /// after it complete a plausible pair in Windows-1252; it is pushed as
    /// a no-break space, which the pair's repair then takes in. Returns
    /// whether it was.
    fn lost_nbsp_in_pair(
        &self,
        st: &mut Stream<'_, '_>,
        at: usize,
        items: &mut Vec<Item>,
    ) -> bool {
        // Most "í " is a word's end: what follows is no continuation.
        let bytes = st.input.as_bytes();
        if bytes.get(at + 1).is_none_or(|&b| b < 0x80 && b != b'&') {
            return false;
        }
        let mut chars = ['í', '\u{a0}', '\0', '\0', '\0', '\0'];
        let mut i = at + 1;
        for c in &mut chars[2..] {
            if i >= st.input.len() {
                return false;
            }
            let item = self.lex(st.input, i);
            let Some(ch) = item.ch else { return false };
            *c = ch;
            i = item.end;
        }
        let mut bytes = [0u8; 6];
        for (b, &c) in bytes.iter_mut().zip(&chars) {
            match Codec::Cp1252.byte(c) {
                Some(byte) => *b = byte,
                None => return false,
            }
        }
        let Some(decoded) = surrogate_pair(&bytes) else { return false };
        let cand = Candidate {
            codec: Codec::Cp1252,
            chars: &chars,
            bytes: &bytes,
            decoded,
            layered: false,
            all_repairs: false,
        };
        if !judge::plausible_pair(&cand) {
            return false;
        }
        let nbsp = Item {
            start: at,
            end: at + 1,
            ch: Some('\u{a0}'),
            rule: Some(Rule::Mojibake(Codec::Cp1252)),
            tail: None,
            bare: false,
        };
        self.push(st, items, nbsp);
        true
    }

    /// Deletes a fragile character that no mojibake sequence can use.
    fn kill(&self, item: &mut Item) {
        let Some(c) = item.ch else { return };
        if let Some(meant) = self.c1(c) {
            item.ch = Some(meant);
            item.rule = item.rule.or(Some(Rule::C1));
        } else if let Some(rule) = self.fragile(c) {
            item.ch = None;
            item.rule = item.rule.or(Some(rule));
        }
    }

    /// The Windows-1252 mojibake sequence that starts at `at`, if one
    /// does: where it ends and the character it spells.
    pub(super) fn mojibake_at(
        &self,
        input: &str,
        at: usize,
    ) -> Option<(usize, char)> {
        if !self.cfg.mojibake {
            return None;
        }
        let bytes = input.as_bytes();
        let mut buf = [0u8; 4];
        let mut need = 1;
        let mut k = 0;
        let mut i = at;
        while k < need {
            let (c, len) = decode_at(bytes, i);
            let b = cp1252::byte(c)?;
            if k == 0 {
                need = utf8_len(b);
                if need == 0 {
                    return None;
                }
            } else if !(0x80..0xc0).contains(&b) {
                return None;
            }
            buf[k] = b;
            k += 1;
            i += len;
            if k < need && i >= bytes.len() {
                return None;
            }
        }
        let decoded = std::str::from_utf8(&buf[..k]).ok()?.chars().next()?;
        Some((i, decoded))
    }
}

/// How many raw characters after a candidate its right-hand context reads.
const PEEK: usize = 16;

/// The characters after a candidate, read as one layer of mojibake in its
/// code page where they form sequences: its right-hand context.
#[derive(Clone, Copy)]
struct Peek {
    chars: [char; PEEK],
    len: usize,
    /// Which of them (one bit each) are decoded sequences.
    decoded: u16,
    /// The first of them is a repair.
    first_decoded: bool,
    /// ... with strong evidence.
    first_repaired: bool,
    /// ... of three bytes or four.
    first_long: bool,
}

/// The characters after byte `at` of `input` (and then `after`, at
/// `input.len()` on), as the pass reads them: entities decoded, deleted
/// pieces (controls, zero-width spaces, escapes) skipped, so that a second
/// run, which sees them so, decides alike.
///
/// `prev`, the window read at an earlier position of the same text, is
/// shifted where `at` is the end of one of its characters' items, so that
/// reading ahead at each character of a long run of mojibake lexes each
/// character once, not [`PEEK`] times.
fn window(
    engine: &Engine,
    input: &str,
    after: &str,
    at: usize,
    prev: Option<&Window>,
) -> Window {
    let mut window =
        prev.and_then(|w| w.shifted(at)).unwrap_or(Window::empty(at));
    while window.len < PEEK {
        let at = window.next;
        let (text, i, base) = match input.len().checked_sub(at) {
            Some(left) if left > 0 => (input, at, 0),
            _ => (after, at - input.len(), input.len()),
        };
        if i >= text.len() {
            break;
        }
        let item = engine.lex(text, i);
        window.next = base + item.end;
        if let Some(c) = item.ch {
            window.chars[window.len] = c;
            window.ends[window.len] = window.next;
            window.len += 1;
        }
    }
    window
}

/// Up to [`PEEK`] characters after a candidate, as the pass reads them.
#[derive(Clone, Copy)]
struct Window {
    chars: [char; PEEK],
    /// Where the item of each character ends.
    ends: [usize; PEEK],
    len: usize,
    /// Where reading resumes.
    next: usize,
}

impl Window {
    /// No characters yet, to be read from `next`.
    fn empty(next: usize) -> Window {
        Window { chars: ['\0'; PEEK], ends: [0; PEEK], len: 0, next }
    }

    /// The window at `at`, if `at` is the end of one of its characters'
    /// items: its characters after that one, to be read on from `next`.
    fn shifted(&self, at: usize) -> Option<Window> {
        let j = self.ends[..self.len].iter().position(|&end| end == at)?;
        let mut w = *self;
        w.chars.copy_within(j + 1..self.len, 0);
        w.ends.copy_within(j + 1..self.len, 0);
        w.len = self.len - j - 1;
        Some(w)
    }
}

/// The right-hand context at one position: what follows is lexed at most
/// once, and read as mojibake at most once per code page, and only when
/// some decision needs it. Kept across pushes (the positions are those of
/// one input), so it costs nothing where no decision needs it.
pub(super) struct AheadCache {
    /// Where `window` was read, or `usize::MAX`.
    window_at: usize,
    window: Window,
    /// Where each code page's peek was read, or `usize::MAX`.
    peek_at: [usize; 9],
    peeks: [Peek; 9],
}

impl AheadCache {
    /// Reads the window at `at`, from the one read before where it can.
    fn read_window(
        &mut self,
        engine: &Engine,
        input: &str,
        after: &str,
        at: usize,
    ) {
        if self.window_at != at {
            let prev = (self.window_at < at).then_some(&self.window);
            self.window = window(engine, input, after, at, prev);
            self.window_at = at;
        }
    }
}

impl Default for AheadCache {
    fn default() -> Self {
        let peek = Peek {
            chars: ['\0'; PEEK],
            len: 0,
            decoded: 0,
            first_decoded: false,
            first_repaired: false,
            first_long: false,
        };
        AheadCache {
            window_at: usize::MAX,
            window: Window::empty(0),
            peek_at: [usize::MAX; 9],
            peeks: [peek; 9],
        }
    }
}

/// The right-hand context of the candidates at byte `at`.
pub(super) struct Ahead<'c, 'a> {
    engine: &'a Engine,
    input: &'a str,
    after: &'a str,
    at: usize,
    cache: &'c mut AheadCache,
}

impl Ahead<'_, '_> {
    fn peek(&mut self, codec: Codec) -> &Peek {
        let cache = &mut *self.cache;
        let i = codec.index();
        if cache.peek_at[i] != self.at {
            cache.read_window(self.engine, self.input, self.after, self.at);
            cache.peeks[i] = Peek::of(&cache.window, codec);
            cache.peek_at[i] = self.at;
        }
        &cache.peeks[i]
    }

    /// The raw characters after the top, on into `after`.
    fn raw_after(&self) -> impl Iterator<Item = char> + '_ {
        let text = if self.at <= self.input.len() { self.input } else { "" };
        text.get(self.at..).unwrap_or("").chars().chain(self.after.chars())
    }

    /// The raw character after the top.
    fn raw_next(&self) -> Option<char> {
        self.raw_after().next()
    }

    /// Whether the nearest letters before byte `start` and after the top,
    /// on the same line and within a few characters, are Latin (one may be
    /// missing, not both). Other `В` and `Β` are what is judged, not
    /// letters of the text ("PrivacyВ\u{a0}|В\u{a0}Security").
    fn latin_around(&self, start: usize) -> bool {
        const NEAR: usize = 24;
        let text = if self.at <= self.input.len() { self.input } else { "" };
        let stop = |c: &char| *c == '\n';
        let letter = |c: &char| c.is_alphabetic() && !matches!(c, 'В' | 'Β');
        let before = text[..start.min(text.len())]
            .chars()
            .rev()
            .take(NEAR)
            .take_while(|c| !stop(c))
            .find(letter);
        let after =
            self.raw_after().take(NEAR).take_while(|c| !stop(c)).find(letter);
        let latin = |c: Option<char>| {
            c.is_none_or(|c| judge::script(c) == Some(judge::Script::Latin))
        };
        (before.is_some() || after.is_some()) && latin(before) && latin(after)
    }

    /// Whether the characters after the top complete the `k` bytes of a
    /// sequence of `need` in `codec` (`bytes`, spelt `chars`) into one
    /// that is evident mojibake, or (`cjk`) a CJK letter of three bytes.
    fn completes(
        &mut self,
        codec: Codec,
        mut bytes: [u8; 4],
        mut chars: [char; 4],
        k: usize,
        need: usize,
        cjk: bool,
    ) -> bool {
        let cache = &mut *self.cache;
        cache.read_window(self.engine, self.input, self.after, self.at);
        let window = &cache.window.chars[..cache.window.len];
        if window.len() < need - k {
            return false;
        }
        for (i, &c) in window[..need - k].iter().enumerate() {
            match codec.byte(c) {
                Some(b @ 0x80..=0xbf) => {
                    bytes[k + i] = b;
                    chars[k + i] = c;
                }
                _ => return false,
            }
        }
        let (decoded, _) = decode_at(&bytes[..need], 0);
        if cjk
            && need == 3
            && judge::script(decoded) == Some(judge::Script::Cjk)
        {
            return true;
        }
        judge::evident(&Candidate {
            codec,
            chars: &chars[..need],
            bytes: &bytes[..need],
            decoded,
            layered: false,
            all_repairs: false,
        })
    }

    /// [`Peek::continues`], without reading ahead where `decoded` is no
    /// lead byte in `codec`.
    fn continues(&mut self, decoded: char, codec: Codec) -> bool {
        codec.byte(decoded).is_some_and(|b| utf8_len(b) >= 2)
            && self.peek(codec).continues(decoded, codec)
    }
}

/// [`Ahead`] for one candidate.
struct Right<'r, 'c, 'a> {
    ahead: &'r mut Ahead<'c, 'a>,
    codec: Codec,
    decoded: char,
    /// The character before the candidate.
    prev: Option<char>,
}

impl Lookahead for Right<'_, '_, '_> {
    fn next(&mut self) -> Next {
        let peek = self.ahead.peek(self.codec);
        Next {
            ch: peek.deep_first(self.codec),
            decoded: peek.first_decoded,
            repaired: peek.first_repaired,
            long: peek.first_long,
        }
    }

    fn outer_layer(&mut self) -> bool {
        // The outer sequence must be a plausible repair in its own right,
        // after the character before the candidate: "РЁЄ" (Cyrillic
        // capitals) is "ШЄ" in Windows-1251 and then Arabic "ت", which
        // nothing beside it makes likely.
        let (codec, decoded, prev) = (self.codec, self.decoded, self.prev);
        if codec.byte(decoded).is_none_or(|b| utf8_len(b) < 2) {
            return false;
        }
        let Some(outer) = self.ahead.peek(codec).outer(decoded, codec) else {
            return false;
        };
        // Its other characters are (to be) repairs where the context read
        // them as sequences: then it is a layer of repairs.
        let peek = self.ahead.peek(codec);
        let rest = (1u16 << (outer.len - 1)) - 1;
        let all_repairs = peek.decoded & rest == rest;
        judge::plausible_outer(outer.decoded)
            && judge::accept(
                &Candidate {
                    codec,
                    chars: &outer.chars[..outer.len],
                    bytes: &outer.bytes[..outer.len],
                    decoded: outer.decoded,
                    layered: all_repairs,
                    all_repairs,
                },
                &Context { prev, ..Context::default() },
                &mut judge::Unknown,
            )
    }
}

impl Peek {
    /// The context that `window` makes in `codec`.
    fn of(window: &Window, codec: Codec) -> Peek {
        let window = &window.chars[..window.len];
        let (chars, len, first, decoded) = decode_layer_marked(window, codec);
        // Only a plausible repair confirms a weak one: Cyrillic text read
        // as Windows-1251 is full of well-formed sequences.
        let first_repaired = first > 0 && {
            let mut bytes = [0u8; 4];
            for (b, &c) in bytes.iter_mut().zip(&window[..first]) {
                *b = codec.byte(c).unwrap_or(0);
            }
            judge::strong(&Candidate {
                codec,
                chars: &window[..first],
                bytes: &bytes[..first],
                decoded: chars[0],
                layered: false,
                all_repairs: false,
            })
        };
        Peek {
            chars,
            len,
            decoded,
            first_decoded: first > 0,
            first_repaired,
            first_long: first >= 3,
        }
    }

    /// The first character of the context, with up to two more layers of
    /// mojibake undone.
    fn deep_first(&self, codec: Codec) -> Option<char> {
        let (mut chars, mut len) = (self.chars, self.len);
        for _ in 0..2 {
            let (next, next_len, changed) = decode_layer(&chars[..len], codec);
            if changed == 0 {
                break;
            }
            (chars, len) = (next, next_len);
        }
        chars[..len].first().copied()
    }

    /// Whether `decoded` and the characters after it form a sequence in
    /// `codec`: the candidate is an inner layer, and what it spells is a
    /// byte of an outer one ("╬ô├ç├û" is "ΓÇÖ", which is "’").
    fn continues(&self, decoded: char, codec: Codec) -> bool {
        self.outer(decoded, codec)
            .is_some_and(|outer| judge::plausible_outer(outer.decoded))
    }

    /// The outer sequence that `decoded` leads with the characters after
    /// it in `codec`, if they make one.
    fn outer(&self, decoded: char, codec: Codec) -> Option<Outer> {
        let lead = codec.byte(decoded)?;
        let need = utf8_len(lead);
        if need < 2 || self.len < need - 1 {
            return None;
        }
        let mut outer = Outer {
            chars: [decoded, '\0', '\0', '\0'],
            bytes: [lead, 0, 0, 0],
            len: need,
            decoded: '\0',
        };
        for k in 1..need {
            let c = self.chars[k - 1];
            match codec.byte(c) {
                Some(b @ 0x80..=0xbf) if k > 1 || second_ok(lead, b) => {
                    outer.bytes[k] = b;
                    outer.chars[k] = c;
                }
                _ => return None,
            }
        }
        outer.decoded =
            std::str::from_utf8(&outer.bytes[..need]).ok()?.chars().next()?;
        Some(outer)
    }
}

/// An outer sequence of double mojibake: a candidate's repair and the
/// characters after it.
struct Outer {
    chars: [char; 4],
    bytes: [u8; 4],
    len: usize,
    decoded: char,
}

/// `chars` with every sequence that is well-formed UTF-8 in `codec`
/// decoded, and how many characters the first one took if it was one.
fn decode_layer(chars: &[char], codec: Codec) -> ([char; PEEK], usize, usize) {
    let (out, n, first, _) = decode_layer_marked(chars, codec);
    (out, n, first)
}

/// [`decode_layer`], and which characters of the result (one bit each)
/// were decoded.
fn decode_layer_marked(
    chars: &[char],
    codec: Codec,
) -> ([char; PEEK], usize, usize, u16) {
    let mut out = ['\0'; PEEK];
    let mut n = 0;
    let mut i = 0;
    let mut first = 0;
    let mut decoded = 0u16;
    while i < chars.len() {
        let mut step = 1;
        let mut ch = chars[i];
        if let Some(lead) = codec.byte(ch) {
            let need = utf8_len(lead);
            if need >= 2 && i + need <= chars.len() {
                let mut buf = [lead, 0, 0, 0];
                let ok = (1..need).all(|k| match codec.byte(chars[i + k]) {
                    Some(b @ 0x80..=0xbf) if k > 1 || second_ok(lead, b) => {
                        buf[k] = b;
                        true
                    }
                    _ => false,
                });
                if let Some(d) = ok
                    .then(|| std::str::from_utf8(&buf[..need]).ok())
                    .flatten()
                    .and_then(|s| s.chars().next())
                {
                    ch = d;
                    step = need;
                    decoded |= 1 << n;
                    if i == 0 {
                        first = need;
                    }
                }
            }
        }
        out[n] = ch;
        n += 1;
        i += step;
    }
    (out, n, first, decoded)
}

/// Whether `decoded`, repaired from the items at `from`, continues the
/// repairs before it as a byte of an outer sequence: they are a lead and
/// continuations (all repairs) short of its length, and `decoded` is the
/// next continuation ("Ä‘Ĺşâ€\u{98}" is "đź‘", the start of "👍" in
/// Windows-1250 twice over).
fn continues_repairs(
    items: &[Item],
    from: usize,
    decoded: char,
    codec: Codec,
) -> bool {
    let Some(b) = codec.byte(decoded).filter(|b| (0x80..0xc0).contains(b))
    else {
        return false;
    };
    let mut next = b;
    let mut i = from;
    for depth in 1..4 {
        let Some(p) = prev_index(items, i) else { return false };
        if !Rule::is_mojibake(items[p].rule) {
            return false;
        }
        let Some(byte) = items[p].ch.and_then(|c| codec.byte(c)) else {
            return false;
        };
        if (0x80..0xc0).contains(&byte) {
            next = byte;
            i = p;
            continue;
        }
        return utf8_len(byte) > depth && second_ok(byte, next);
    }
    false
}

/// The index of the last item before `i` that is still a character.
/// Whether item `i`, an `Â`, ends no word: the character before it (or
/// before the space before it) is neither a capital, an opening bracket,
/// white space, nor a digit unless the text has had repairs already
/// (`before` is the character before the items). Turkish writes "HÂLÂ"
/// in capitals; "12Â %" alone is left as ftfy leaves it, "100Â percent"
/// after other mojibake is not.
fn ends_no_word(
    items: &[Item],
    i: usize,
    before: Option<char>,
    repaired: bool,
) -> bool {
    let word_end = |c: char| {
        c.is_uppercase()
            || (c.is_numeric() && !repaired)
            || c.is_whitespace()
            || matches!(c, '(' | '[' | '{' | '"' | '\'' | '“' | '‘' | '«')
    };
    let Some(p) = prev_index(items, i) else {
        return before.is_some_and(|c| !word_end(c));
    };
    match items[p].ch {
        // A space, or one that `space.odd` makes a space: the same
        // decision before and after it does ("&\u{a0}Â ", "& Â ").
        // The character before the space may be the region's `before`.
        Some(c) if is_space(c) => match prev_index(items, p) {
            Some(pp) => items[pp].ch.is_some_and(|c| !word_end(c)),
            None => before.is_some_and(|c| !word_end(c)),
        },
        c => c.is_some_and(|c| !word_end(c)),
    }
}

/// Where the character at `at` of `input` ends: the space or line break
/// after a lead may be more than a byte (U+2028); of an entity that
/// decodes to one, only its `&` is passed. `at` itself at the end.
fn after(input: &str, at: usize) -> usize {
    at + input[at.min(input.len())..].chars().next().map_or(0, char::len_utf8)
}

/// A space between words: not a tab or a line break.
fn is_space(c: char) -> bool {
    c == ' '
        || (c != '\t' && c.is_whitespace() && !super::entity::is_line_break(c))
}

fn prev_index(items: &[Item], i: usize) -> Option<usize> {
    items[..i].iter().rposition(|item| item.ch.is_some())
}

/// What the raw lead at `lead` and the character after it (the last of
/// `items` with one) spell with a third byte A0, when that is a CJK
/// letter and the character before the lead is a CJK repair (the end of
/// a word whose last no-break space was lost), or, where the byte became
/// a space, the raw text after that space (`rest`) starts with a CJK
/// letter read as Windows-1252 (the word goes on: "ì« è¨€" is "쫠言").
fn lost_third_byte(
    items: &[Item],
    lead: usize,
    rest: Option<&str>,
) -> Option<char> {
    let cont = items[lead + 1..].iter().find_map(|i| i.ch)?;
    let (l, c) = (items[lead], cont);
    if l.rule.is_some() {
        return None;
    }
    let bytes = [Codec::Cp1252.byte(l.ch?)?, Codec::Cp1252.byte(c)?, 0xa0];
    if !(0xe0..=0xef).contains(&bytes[0]) || !(0x80..=0xbf).contains(&bytes[1])
    {
        return None;
    }
    let decoded = std::str::from_utf8(&bytes).ok()?.chars().next()?;
    let before = prev_index(items, lead).map(|p| items[p]);
    (judge::script(decoded) == Some(judge::Script::Cjk)
        && (repaired_in(before, judge::Script::Cjk)
            || rest.is_some_and(starts_cjk_in_cp1252)))
    .then_some(decoded)
}

/// Whether `text` starts with three characters that Windows-1252 reads
/// as the UTF-8 of a CJK letter.
fn starts_cjk_in_cp1252(text: &str) -> bool {
    let mut bytes = [0u8; 3];
    let mut chars = text.chars();
    for b in &mut bytes {
        match chars.next().and_then(|c| Codec::Cp1252.byte(c)) {
            Some(byte) => *b = byte,
            None => return false,
        }
    }
    (0xe0..=0xef).contains(&bytes[0])
        && bytes[1..].iter().all(|b| (0x80..=0xbf).contains(b))
        && std::str::from_utf8(&bytes).is_ok_and(|s| {
            s.chars().next().and_then(judge::script)
                == Some(judge::Script::Cjk)
        })
}

/// Where the spaces and tabs that end `items` start, with deleted pieces
/// among them (not before the first), if there are any.
fn trailing_blanks(items: &[Item]) -> Option<usize> {
    let blank = |i: &Item| matches!(i.ch, Some(' ' | '\t'));
    let suffix = items
        .iter()
        .rposition(|i| i.ch.is_some() && !blank(i))
        .map_or(0, |p| p + 1);
    (suffix..items.len()).find(|&k| blank(&items[k]))
}

/// Whether a Windows-1251 or -1253 pair (`byte`, spelt `chars`) reads as
/// mojibake in Latin text, given the characters around it (`touches`:
/// one of them is a letter or digit); see [`Ahead::latin_around`] for
/// the letters further off.
fn pair_in_latin(
    byte: &[u8; 4],
    chars: &[char; 4],
    decoded: char,
    prev: Option<char>,
    next: Option<char>,
    touches: bool,
) -> bool {
    let latin = |c: Option<char>| {
        c.and_then(judge::script) == Some(judge::Script::Latin)
    };
    let pair = match byte[0] {
        0xc2 => byte[1] >= 0xa0,
        0xc3 => {
            matches!(decoded, '×' | '÷')
                || (decoded == 'à' && !next.is_some_and(char::is_alphanumeric))
                || (latin(prev) && latin(next))
        }
        // Not a math operator: "Ξ±1", "Ξ·x" may be formulas.
        _ => {
            byte[1] >= 0xa0
                && !chars[1].is_alphabetic()
                && !matches!(chars[1], '\u{a0}' | '±' | '·' | '¬')
                && touches
        }
    };
    pair && (!chars[1].is_alphabetic() || touches)
}

/// Whether `item` is a repair that spells a letter of `script`.
fn repaired_in(item: Option<Item>, script: judge::Script) -> bool {
    item.is_some_and(|i| {
        Rule::is_mojibake(i.rule)
            && i.ch.and_then(judge::script) == Some(script)
    })
}

/// The characters of a word that its raw characters spell in `codec`,
/// and which raw characters each one is; `None` unless every one is in a
/// well-formed sequence there.
fn read_word(
    raw: &[char],
    codec: Codec,
) -> Option<(Spelled, [(usize, usize); 16])> {
    let mut out = Spelled { chars: ['\0'; 16], n: 0 };
    let mut spans = [(0, 0); 16];
    let mut i = 0;
    while i < raw.len() {
        let lead = codec.byte(raw[i])?;
        let need = utf8_len(lead);
        if need < 2 || i + need > raw.len() || out.n == 16 {
            return None;
        }
        let mut bytes = [lead, 0, 0, 0];
        for k in 1..need {
            let b = codec.byte(raw[i + k])?;
            if !(0x80..0xc0).contains(&b) {
                return None;
            }
            bytes[k] = b;
        }
        if !second_ok(lead, bytes[1]) {
            return None;
        }
        out.chars[out.n] = decode_at(&bytes[..need], 0).0;
        spans[out.n] = (i, i + need);
        out.n += 1;
        i += need;
    }
    Some((out, spans))
}

/// Up to sixteen characters.
struct Spelled {
    chars: [char; 16],
    n: usize,
}
