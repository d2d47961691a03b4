//! Block attributes in JSON Lines (`--blocks-field`): read from a line's
//! field onto the document, and written back where the cleaned text has
//! them.
//!
//! The field is an array of objects, offsets in characters of the text
//! field (as JSON's producers count them), ordered and not overlapping:
//!
//! ```json
//! [{"start": 0, "end": 12, "kind": "heading", "level": 1},
//!  {"start": 14, "end": 80, "kind": "paragraph", "link_chars": 20, "tag": "p.intro"}]
//! ```
//!
//! `kind` is one of `heading`, `paragraph`, `list_item`, `table_cell`,
//! `code`, `quote`, `caption` (anything else, or none, is unknown);
//! `link_chars`, the characters of link text inside the block, is carried in
//! proportion to the block's bytes.

use serde_json::{Map, Value, json};
use textclean::{Block, BlockKind, CharIndex};

/// The kinds by their names in the field, headings aside (they carry a
/// level).
const KINDS: [(&str, BlockKind); 6] = [
    ("paragraph", BlockKind::Paragraph),
    ("list_item", BlockKind::ListItem),
    ("table_cell", BlockKind::TableCell),
    ("code", BlockKind::Code),
    ("quote", BlockKind::Quote),
    ("caption", BlockKind::Caption),
];

/// The blocks that `value` describes over `text`, or why they cannot be.
pub fn read(value: &Value, text: &str) -> Result<Vec<Block>, String> {
    let Value::Array(items) = value else {
        return Err("is not an array of blocks".into());
    };
    let chars = CharIndex::new(text);
    let total = chars.to_char(text.len());
    let mut blocks = Vec::with_capacity(items.len());
    let mut last_end = 0;
    for (i, item) in items.iter().enumerate() {
        let n = i + 1;
        let Value::Object(item) = item else {
            return Err(format!("block {n} is not an object"));
        };
        let offset = |name: &str| {
            item.get(name)
                .and_then(Value::as_u64)
                .map(|v| v as usize)
                .ok_or_else(|| {
                    format!("block {n} needs `{name}`, a character offset")
                })
        };
        let (start, end) = (offset("start")?, offset("end")?);
        if start > end || end > total || start < last_end {
            return Err(format!(
                "block {n} ({start}..{end}) is out of order or past the text's \
                 {total} characters"
            ));
        }
        last_end = end;
        let span = chars.to_byte(start)..chars.to_byte(end);
        let level = item.get("level").and_then(Value::as_u64).unwrap_or(1);
        let kind = match item.get("kind").and_then(Value::as_str) {
            Some("heading") => BlockKind::Heading(level.clamp(1, 6) as u8),
            Some(name) => KINDS
                .iter()
                .find(|(n, _)| *n == name)
                .map_or(BlockKind::Unknown, |(_, kind)| *kind),
            None => BlockKind::Unknown,
        };
        let link_chars =
            item.get("link_chars").and_then(Value::as_u64).unwrap_or(0)
                as usize;
        let block_chars = (end - start).max(1);
        let mut block = Block::new(span.clone(), kind).with_link_bytes(
            link_chars.min(block_chars) * span.len() / block_chars,
        );
        if let Some(tag) = item.get("tag").and_then(Value::as_str) {
            block = block.with_tag(tag);
        }
        blocks.push(block);
    }
    Ok(blocks)
}

/// The blocks as JSON, with offsets in characters of `text`.
pub fn write(blocks: &[Block], text: &str) -> Value {
    let chars = CharIndex::new(text);
    let items = blocks.iter().map(|block| {
        let span = chars.to_char_range(block.span.clone());
        let mut item = Map::new();
        item.insert("start".into(), json!(span.start));
        item.insert("end".into(), json!(span.end));
        let (kind, level) = match block.kind {
            BlockKind::Heading(level) => ("heading", Some(level)),
            other => {
                let name = KINDS.iter().find(|(_, k)| *k == other);
                (name.map_or("unknown", |(n, _)| n), None)
            }
        };
        item.insert("kind".into(), json!(kind));
        if let Some(level) = level {
            item.insert("level".into(), json!(level));
        }
        if block.link_bytes > 0 {
            let links =
                block.link_bytes * span.len() / block.span.len().max(1);
            item.insert("link_chars".into(), json!(links));
        }
        if let Some(tag) = &block.tag {
            item.insert("tag".into(), json!(tag.as_ref()));
        }
        Value::Object(item)
    });
    Value::Array(items.collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trip_in_characters() {
        let text = "Caf\u{e9} news\n\nThe body.";
        let value = json!([
            {"start": 0, "end": 9, "kind": "heading", "level": 2, "tag": "h2"},
            {"start": 11, "end": 20, "kind": "paragraph", "link_chars": 4},
        ]);
        let blocks = read(&value, text).unwrap();
        assert_eq!(&text[blocks[0].span.clone()], "Caf\u{e9} news");
        assert_eq!(blocks[0].kind, BlockKind::Heading(2));
        assert_eq!(&text[blocks[1].span.clone()], "The body.");
        assert_eq!(blocks[1].link_bytes, 4);
        assert_eq!(write(&blocks, text), value);
    }

    #[test]
    fn bad_blocks_are_errors() {
        let text = "abc";
        for (value, says) in [
            (json!({"start": 0}), "not an array"),
            (json!([3]), "not an object"),
            (json!([{"end": 1}]), "needs `start`"),
            (json!([{"start": 2, "end": 1}]), "out of order"),
            (json!([{"start": 0, "end": 9}]), "past the text"),
            (
                json!([{"start": 0, "end": 2}, {"start": 1, "end": 3}]),
                "out of order",
            ),
        ] {
            let e = read(&value, text).unwrap_err();
            assert!(e.contains(says), "{value}: {e}");
        }
    }
}
