//! crosscheck-align aligns press articles to an official text: for every press sentence its
//! sources and relation, for every official point its coverage, and the findings of the
//! consistency checks.

#![deny(missing_docs)]
