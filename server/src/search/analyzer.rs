//! How text becomes search terms, for English and Chinese alike: jieba segments Chinese into
//! words and leaves Latin words whole; punctuation is dropped; words are lowercased and
//! English ones stemmed ("panels" and "panel" meet). Documents are cut in jieba's search mode
//! (a long word also yields its parts: 不锈钢 gives 不锈 too), queries in its default mode, so
//! the words of a query are among the terms of a document that contains them.

use jieba_rs::Jieba;
use std::sync::{Arc, LazyLock};
use tantivy::tokenizer::{
    Language, LowerCaser, RemoveLongFilter, Stemmer, TextAnalyzer, Token, TokenStream, Tokenizer,
};

/// The tokenizer name the schema's text fields refer to.
pub const DOCUMENT_ANALYZER: &str = "fair_document";

/// jieba's dictionary, loaded once per process (it takes a moment).
static JIEBA: LazyLock<Arc<Jieba>> = LazyLock::new(|| Arc::new(Jieba::new()));

/// Splits text into words with jieba.
#[derive(Clone)]
pub struct JiebaTokenizer {
    jieba: Arc<Jieba>,
    search_mode: bool,
    tokens: Vec<Token>,
}

impl JiebaTokenizer {
    fn new(search_mode: bool) -> Self {
        JiebaTokenizer {
            jieba: JIEBA.clone(),
            search_mode,
            tokens: Vec::new(),
        }
    }
}

/// The words of one text, in order.
pub struct WordStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl Tokenizer for JiebaTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.tokens.clear();
        let words = if self.search_mode {
            self.jieba.cut_for_search(text, true)
        } else {
            self.jieba.cut(text, true)
        };
        for word in words {
            if !word.word.chars().any(char::is_alphanumeric) {
                continue;
            }
            self.tokens.push(Token {
                offset_from: word.byte_start,
                offset_to: word.byte_end,
                position: self.tokens.len(),
                text: word.word.to_owned(),
                position_length: 1,
            });
        }
        WordStream {
            tokens: &mut self.tokens,
            next: 0,
        }
    }
}

impl TokenStream for WordStream<'_> {
    fn advance(&mut self) -> bool {
        self.next += 1;
        self.next <= self.tokens.len()
    }

    fn token(&self) -> &Token {
        &self.tokens[self.next - 1]
    }

    fn token_mut(&mut self) -> &mut Token {
        &mut self.tokens[self.next - 1]
    }
}

fn analyzer(search_mode: bool, stem: bool) -> TextAnalyzer {
    let base = TextAnalyzer::builder(JiebaTokenizer::new(search_mode))
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser);
    if stem {
        base.filter(Stemmer::new(Language::English)).build()
    } else {
        base.build()
    }
}

/// The analyzer documents are indexed with.
pub fn document_analyzer() -> TextAnalyzer {
    analyzer(true, true)
}

/// The analyzer of queries (the same terms as documents, words cut coarser).
pub fn query_analyzer() -> TextAnalyzer {
    analyzer(false, true)
}

/// The words jieba finds in `text` for a document (search mode), joined by spaces: how the
/// benchmark hands Chinese to SQLite FTS5, whose own tokenizers cannot segment it.
pub fn segmented(text: &str) -> String {
    JIEBA
        .cut_for_search(text, true)
        .into_iter()
        .filter(|word| word.word.chars().any(char::is_alphanumeric))
        .map(|word| word.word)
        .collect::<Vec<_>>()
        .join(" ")
}

/// One word of a query: as typed (lowercased) and as the index keeps it (stemmed).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    pub typed: String,
    pub term: String,
}

/// The words of a query text.
pub fn query_words(text: &str) -> Vec<QueryWord> {
    let mut typed = analyzer(false, false);
    let mut stemmed = query_analyzer();
    let mut words = Vec::new();
    typed.token_stream(text).process(&mut |token| {
        let mut term = token.text.clone();
        stemmed
            .token_stream(&token.text)
            .process(&mut |t| term = t.text.clone());
        words.push(QueryWord {
            typed: token.text.clone(),
            term,
        });
    });
    words
}

#[cfg(test)]
mod tests {
    use super::*;

    fn terms(mut analyzer: TextAnalyzer, text: &str) -> Vec<String> {
        let mut out = Vec::new();
        analyzer
            .token_stream(text)
            .process(&mut |t| out.push(t.text.clone()));
        out
    }

    #[test]
    fn english_words_are_lowercased_and_stemmed_and_punctuation_goes() {
        assert_eq!(
            terms(document_analyzer(), "LED Panels, 600×600!"),
            ["led", "panel", "600", "600"]
        );
    }

    #[test]
    fn chinese_is_segmented_finer_for_documents_than_for_queries() {
        let document = terms(document_analyzer(), "不锈钢水杯");
        let query = terms(query_analyzer(), "不锈钢水杯");
        assert_eq!(query, ["不锈钢", "水杯"]);
        assert!(
            query.iter().all(|word| document.contains(word)),
            "{document:?}"
        );
        assert!(document.contains(&"不锈".to_owned()), "{document:?}");
    }

    #[test]
    fn query_words_keep_what_was_typed() {
        let words = query_words("Stainles  steel,,, 水杯");
        let typed: Vec<_> = words.iter().map(|w| w.typed.as_str()).collect();
        let stems: Vec<_> = words.iter().map(|w| w.term.as_str()).collect();
        assert_eq!(typed, ["stainles", "steel", "水杯"]);
        assert_eq!(stems, ["stainl", "steel", "水杯"]);
        assert!(query_words("!!! ... ???").is_empty());
    }
}
