use std::borrow::Cow;
use std::sync::Arc;

use crate::{Doc, Edits, Judgement, Record, Rewritten};

/// A named step that turns text into cleaner text.
///
/// One method is required: [`rewrite`](Stage::rewrite), which reads the
/// [`Doc`] (the text, its lines, block attributes and metadata) and makes
/// its edits in order. The rest have defaults built on it. Stages are
/// `Send + Sync` so a pipeline can be shared across threads.
///
/// ```
/// use std::borrow::Cow;
/// use textclean_core::{Doc, Edits, Stage};
///
/// /// Removes a leading byte-order mark.
/// struct NoBom;
///
/// impl Stage for NoBom {
///     fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
///         if doc.text().starts_with('\u{feff}') {
///             edits.delete(0..3, "invisible.bom");
///         }
///     }
///
///     fn name(&self) -> &'static str {
///         "no-bom"
///     }
/// }
///
/// assert_eq!(NoBom.clean("\u{feff}Hi"), "Hi");
/// assert!(matches!(NoBom.clean("Hi"), Cow::Borrowed("Hi")));
/// ```
pub trait Stage: Send + Sync {
    /// Makes this stage's edits to [`Doc::text`] (which is also
    /// [`Edits::input`]), in increasing order of position.
    fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>);

    /// A short name for reports. By default, the type's name.
    fn name(&self) -> &'static str {
        let full = std::any::type_name::<Self>();
        let path = full.split('<').next().unwrap_or(full);
        path.rsplit("::").next().unwrap_or(path)
    }

    /// True when this stage reads C1 controls (U+0080–U+009F) as the
    /// Windows-1252 characters they stand for, as mojibake repair does: a
    /// pipeline then leaves U+0085 to it instead of reading it as a line
    /// break (NEL) before the stage runs. By default, false.
    fn decodes_c1(&self) -> bool {
        false
    }

    /// How the stage judged parts of `doc` by score, in text order, when
    /// it decides that way (the boilerplate stage's block model): what
    /// explain output shows beside the changes. Spans are in `doc`'s
    /// text. By default, none.
    fn judge(&self, doc: &Doc<'_>) -> Vec<Judgement> {
        let _ = doc;
        Vec::new()
    }

    /// Runs the stage, recording what `record` asks for.
    fn run<'a>(&self, input: &'a str, record: Record) -> Rewritten<'a> {
        let mut edits = Edits::new(self.name(), input, record);
        self.rewrite(&Doc::new(input), &mut edits);
        edits.finish()
    }

    /// The cleaned text: borrowed when the stage changed nothing.
    fn clean<'a>(&self, input: &'a str) -> Cow<'a, str> {
        self.run(input, Record::Nothing).text
    }

    /// The cleaned text with every change this stage made.
    fn explain<'a>(&self, input: &'a str) -> Rewritten<'a> {
        self.run(input, Record::Changes)
    }
}

macro_rules! forward {
    ($($ty:ty),*) => {$(
        impl<S: Stage + ?Sized> Stage for $ty {
            fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
                (**self).rewrite(doc, edits)
            }

            fn name(&self) -> &'static str {
                (**self).name()
            }

            fn decodes_c1(&self) -> bool {
                (**self).decodes_c1()
            }

            fn judge(&self, doc: &Doc<'_>) -> Vec<Judgement> {
                (**self).judge(doc)
            }

            fn run<'a>(&self, input: &'a str, record: Record) -> Rewritten<'a> {
                (**self).run(input, record)
            }
        }
    )*};
}

forward!(&S, Box<S>, Arc<S>);

#[cfg(test)]
mod tests {
    use super::*;

    struct Upper;

    impl Stage for Upper {
        fn rewrite(&self, doc: &Doc<'_>, edits: &mut Edits<'_>) {
            let text = doc.text();
            for (at, c) in
                text.char_indices().filter(|(_, c)| c.is_lowercase())
            {
                edits.replace(
                    at..at + c.len_utf8(),
                    &c.to_uppercase().to_string(),
                    "upper",
                );
            }
        }
    }

    #[test]
    fn default_name_is_the_type_name() {
        assert_eq!(Upper.name(), "Upper");
        let boxed: Box<dyn Stage> = Box::new(Upper);
        assert_eq!(boxed.name(), "Upper");
        fn clean_with<S: Stage>(stage: S, text: &str) -> String {
            stage.clean(text).into_owned()
        }
        assert_eq!(clean_with(&boxed, "ab"), "AB");
        assert_eq!(clean_with(Arc::new(Upper), "ab"), "AB");
    }

    #[test]
    fn explain_reports_each_change() {
        let done = Arc::new(Upper).explain("aB");
        assert_eq!(done.text, "AB");
        assert_eq!(done.changes.len(), 1);
        assert_eq!(done.changes[0].stage, "Upper");
    }
}
