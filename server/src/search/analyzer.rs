//! How text becomes search terms, for English and Chinese alike: jieba segments Chinese into
//! words and leaves Latin words whole, a word in another script stays whole (`words`);
//! punctuation is dropped; words are lowercased and
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
        for (start, word) in words(&self.jieba, text, self.search_mode) {
            self.tokens.push(Token {
                offset_from: start,
                offset_to: start + word.len(),
                position: self.tokens.len(),
                text: word.to_owned(),
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

/// The words of `text` with their byte offsets. jieba knows Chinese and ASCII words but cuts
/// every other letter on its own ("café" into "caf" and "é", "лампа" into five letters), so a
/// run of letters, digits and combining marks (Chinese characters end it) that holds a letter
/// beyond ASCII is one word as it stands, and the rest of the text goes to jieba.
fn words<'a>(jieba: &Jieba, text: &'a str, search_mode: bool) -> Vec<(usize, &'a str)> {
    let mut words = Vec::new();
    let mut to_jieba = 0;
    for (start, run) in letter_runs(text) {
        if run.is_ascii() {
            continue;
        }
        jieba_words(jieba, text, to_jieba, start, search_mode, &mut words);
        words.push((start, run));
        to_jieba = start + run.len();
    }
    jieba_words(jieba, text, to_jieba, text.len(), search_mode, &mut words);
    words
}

/// jieba's words of `text[from..to]`, offsets in `text`, those without a letter or digit left
/// out.
fn jieba_words<'a>(
    jieba: &Jieba,
    text: &'a str,
    from: usize,
    to: usize,
    search_mode: bool,
    words: &mut Vec<(usize, &'a str)>,
) {
    if from >= to {
        return;
    }
    let part = &text[from..to];
    let cut = if search_mode {
        jieba.cut_for_search(part, true)
    } else {
        jieba.cut(part, true)
    };
    words.extend(
        cut.into_iter()
            .filter(|word| word.word.chars().any(char::is_alphanumeric))
            .map(|word| (from + word.byte_start, word.word)),
    );
}

/// The maximal runs of letters, digits and combining marks in `text` other than Chinese
/// characters, with their offsets.
fn letter_runs(text: &str) -> impl Iterator<Item = (usize, &str)> {
    let mut runs = Vec::new();
    let mut start = None;
    for (at, c) in text.char_indices() {
        let in_word = (c.is_alphanumeric() || is_combining_mark(c)) && !is_han(c);
        match (in_word, start) {
            (true, None) => start = Some(at),
            (false, Some(from)) => {
                runs.push((from, &text[from..at]));
                start = None;
            }
            _ => {}
        }
    }
    if let Some(from) = start {
        runs.push((from, &text[from..]));
    }
    runs.into_iter()
}

/// A Chinese character (the CJK unified ideographs and their extensions, compatibility
/// ideographs), which jieba segments.
fn is_han(c: char) -> bool {
    matches!(c as u32, 0x3400..=0x4DBF | 0x4E00..=0x9FFF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// A combining mark inside a word: Latin, Cyrillic and Greek diacritics written apart, Arabic
/// vowel marks and Quranic signs.
fn is_combining_mark(c: char) -> bool {
    matches!(
        c as u32,
        0x0300..=0x036F | 0x0483..=0x0489 | 0x0610..=0x061A | 0x064B..=0x065F | 0x0670 | 0x06D6..=0x06ED
    )
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
    words(&JIEBA, text, true)
        .into_iter()
        .map(|(_, word)| word)
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
    fn words_in_other_scripts_stay_whole() {
        assert_eq!(
            terms(query_analyzer(), "Café crème, façade"),
            ["café", "crème", "façad"]
        );
        assert_eq!(
            terms(document_analyzer(), "Настольная лампа"),
            ["настольная", "лампа"]
        );
        assert_eq!(terms(document_analyzer(), "مصباح مكتب"), ["مصباح", "مكتب"]);
        // Arabic with its vowel marks is one word.
        assert_eq!(terms(document_analyzer(), "مِصْبَاح"), ["مِصْبَاح"]);
        assert_eq!(
            terms(query_analyzer(), "Lámpara LED不锈钢水杯 café灯 Wi-Fi"),
            ["lámpara", "led", "不锈钢", "水杯", "café", "灯", "wi-fi"]
        );
        let offsets: Vec<(usize, usize)> = {
            let mut analyzer = document_analyzer();
            let mut stream = analyzer.token_stream("a café");
            let mut offsets = Vec::new();
            stream.process(&mut |token| offsets.push((token.offset_from, token.offset_to)));
            offsets
        };
        assert_eq!(offsets, [(0, 1), (2, 7)]);
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
