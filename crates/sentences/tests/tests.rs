//! Integration tests of textclean-sentences: a news article written for
//! the tests, with name substitution, and public-domain books.

mod article;
mod books;
mod cases;
mod segmentation;
