//! Terminal escape sequences, which `control.ansi` deletes whole.

/// The end of the terminal escape sequence at `i` (an ESC): a CSI
/// (`ESC [` parameters, intermediates, final byte) or an OSC (`ESC ]` text
/// ended by BEL or `ESC \`). Scanning stops at the first other control, so
/// it is linear however many unfinished sequences there are.
pub(super) fn escape_end(bytes: &[u8], i: usize) -> Option<usize> {
    let mut j = i + 2;
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
