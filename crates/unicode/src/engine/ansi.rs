//! Terminal escape sequences, which `control.ansi` deletes whole.

/// The end of the terminal escape sequence at `i` (an ESC): a CSI
/// (`ESC [` parameters, intermediates, final byte) or an OSC (`ESC ]` text
/// ended by BEL or `ESC \`). Scanning stops at the first other control, so
/// it is linear however many unfinished sequences there are. A sequence
/// longer than [`ESCAPE_MAX`] bytes is none (real ones are short), so what
/// it holds can be judged by looking that far back ([`inside_escape`]).
pub(super) fn escape_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 2;
    let end = (i + ESCAPE_MAX).min(bytes.len());
    let bytes = &bytes[..end];
    match bytes.get(i + 1)? {
        b'[' => {
            while bytes.get(j).is_some_and(|b| (0x30..=0x3f).contains(b)) {
                j += 1;
            }
            while bytes.get(j).is_some_and(|b| (0x20..=0x2f).contains(b)) {
                j += 1;
            }
            bytes
                .get(j)
                .is_some_and(|b| (0x40..=0x7e).contains(b))
                .then_some(j + 1)
        }
        b']' => loop {
            match *bytes.get(j)? {
                0x07 => return Some(j + 1),
                0x1b => {
                    return (bytes.get(j + 1) == Some(&b'\\'))
                        .then_some(j + 2);
                }
                0..=0x1f => return None,
                _ => j += 1,
            }
        },
        _ => None,
    }
}

/// The longest terminal escape sequence, in bytes.
pub(super) const ESCAPE_MAX: usize = 256;

/// Whether the byte at `at` is inside a terminal escape sequence (`<` in
/// `ESC [ 0 < s`, text in an OSC), which the control rule deletes with the
/// sequence: it is not text, and the markup test must not see it.
pub(super) fn inside_escape(bytes: &[u8], at: usize) -> bool {
    let lo = at.saturating_sub(ESCAPE_MAX);
    // No sequence holds a control byte, so the nearest one before `at`
    // is the ESC that starts it, if any does.
    let Some(k) = bytes[lo..at].iter().rposition(|&b| b < 0x20) else {
        return false;
    };
    let esc = lo + k;
    bytes[esc] == 0x1b && escape_end(bytes, esc).is_some_and(|end| end > at)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_what_is_inside_them() {
        let csi = b"\x1b[0<strong>";
        assert_eq!(escape_end(csi, 0), Some(5));
        assert!(inside_escape(csi, 3));
        assert!(!inside_escape(csi, 5));
        let osc = b"\x1b]title <b>\x07<b>";
        assert!(inside_escape(osc, 8));
        assert!(!inside_escape(osc, 15));
        // Too long to be a sequence: its text is text.
        let mut long = b"\x1b]".to_vec();
        long.extend(std::iter::repeat_n(b'x', 300));
        long.extend(b"<b>\x07");
        assert_eq!(escape_end(&long, 0), None);
        assert!(!inside_escape(&long, 302));
    }
}
