//! Integration tests of textclean-sentences: the sample article, name
//! substitution, negatives and excerpts of public-domain books.

mod article;
mod books;
mod cases;
