//! The search index, built at build time from the main content of every
//! page (never navigation), one index per language, each in the folder of
//! that language's search page (`dir` of [`SearchLang`]: `haku/` for a
//! Finnish main language, e.g. `sv/sok/` for Swedish), split so that a
//! query fetches little:
//!
//! - `{dir}meta.json`: the fold rules, stopwords and limits the client
//!   must apply exactly as the index did, and how many documents there are;
//! - `{dir}i/<letter>.json`: the keys whose first letter (ä/å/ö folded) is
//!   that letter, each with its postings `[document, weight]`; a query word
//!   needs one of these files;
//! - `{dir}d/<n>.json`: documents in chunks of [`CHUNK`]: URL with anchor,
//!   title, where it is (year, group) and its text for the snippet; a query
//!   needs the chunks of its top results only.
//!
//! The client (the theme's `haku.js`) finds the index in the `data-index`
//! attribute of its script tag, the URL of the search page. Words are
//! analysed in the index's language ([`lang`]): its stemmer at build time,
//! its fold rules and stopwords on both sides, as the meta file carries
//! them; a query word finds the keys that are prefixes of it, so the
//! client needs no stemmer of its own.
//!
//! A document is a section of a page: the part under one heading, linked by
//! its anchor. Titles and headings weigh more than body text. Compound
//! words are also indexed by their parts where both parts are words of the
//! site, and "sosiaali- ja terveyspalvelut" also as "sosiaalipalvelut".
//!
//! Each page is read on the thread that rendered it ([`Collector::add`]):
//! its sections become finished JSON documents and lists of word ids, and
//! the page itself is not kept. [`files`] then analyses each distinct word
//! once (compound parts need every word of the site), sums each
//! document's key weights in parallel and keeps each key's best postings.
//! A document's weights are summed word by word in text order, as
//! floating-point sums depend on their order; nothing written depends on
//! thread scheduling.
//!
//! The parts, in the order a build uses them: `text` (plain text and
//! sections of HTML), `page` (one page's documents and words), `collect`
//! (the pages of all threads, one id per word), `compound` (the words
//! analysed, compounds and hyphen pairs), `keys` (key ids), `rank` (the
//! documents scored, the best postings kept), `write` (the files);
//! `analyze` is the word analysis the client shares, `lang` the languages
//! it knows.
//!
//! A site in several languages makes one [`Collector`] per language, each
//! handed the pages of its language and told to skip its search page and
//! glossary ([`Collector::skipping`]), and calls [`files`] once per
//! language with its [`SearchLang`].

pub mod analyze;
mod collect;
mod compound;
mod keys;
pub mod lang;
mod page;
mod rank;
mod text;
mod write;

pub use collect::{Collector, Pages};
pub use lang::SearchLang;
pub use page::PageText;
pub use write::{CHUNK, Emit, files, write};

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_sv;
