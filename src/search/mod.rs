//! The search index, built at build time from the main content of every
//! page (never navigation), split so that a query fetches little:
//!
//! - `haku/meta.json`: the fold rules, stopwords and limits the client
//!   must apply exactly as the index did, and how many documents there are;
//! - `haku/i/<letter>.json`: the keys whose first letter (ä/ö folded) is
//!   that letter, each with its postings `[document, weight]`; a query word
//!   needs one of these files;
//! - `haku/d/<n>.json`: documents in chunks of [`CHUNK`]: URL with anchor,
//!   title, where it is (year, group) and its text for the snippet; a query
//!   needs the chunks of its top results only.
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
//! `analyze` is the Finnish word analysis the client shares.

pub mod analyze;
mod collect;
mod compound;
mod keys;
mod page;
mod rank;
mod text;
mod write;

pub use collect::{Collector, Pages};
pub use page::PageText;
pub use write::{CHUNK, files};

#[cfg(test)]
mod tests;
