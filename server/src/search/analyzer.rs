//! How text becomes search terms, in the fair's six languages: jieba segments Chinese into
//! words and leaves Latin words whole, a word in another script stays whole (`words`);
//! punctuation is dropped; words are lowercased and stemmed by their script and language
//! ("panels" and "panel" meet, "лампы" and "лампа", "lampes" and "lampe"): Cyrillic words
//! with Russian's stemmer, Arabic ones with Arabic's (which also takes away the vowel marks
//! and the elongation, and writes the forms of alef and yeh one way), Latin ones with the
//! stemmer of the text's language (English unless the exhibitor wrote it in French or
//! Spanish). Documents are cut in jieba's search mode (a long word also yields its parts:
//! 不锈钢 gives 不锈 too), queries in its default mode, so the words of a query are among the
//! terms of a document that contains them. A query does not say its language, so its Latin
//! words are looked up under each Latin language's stem (`QueryWord::terms`).

use frostem::{Algorithm, Stemmer};
use jieba_rs::Jieba;
use std::sync::{Arc, LazyLock};
use tantivy::tokenizer::{PreTokenizedString, TextAnalyzer, Token, TokenStream, Tokenizer};

/// The tokenizer name the schema's text fields refer to: texts in English or Chinese.
pub const DOCUMENT_ANALYZER: &str = "fair_document";

/// Words this long (in letters) or longer are not indexed: no one searches for them.
const WORD_LETTERS_LIMIT: usize = 40;

/// The languages of Latin-script texts the fair stems, English first: the first is how a
/// text in English or Chinese is indexed.
pub const LATIN_LANGUAGES: [Algorithm; 3] =
    [Algorithm::English, Algorithm::French, Algorithm::Spanish];

/// jieba's dictionary, loaded once per process (it takes a moment).
static JIEBA: LazyLock<Arc<Jieba>> = LazyLock::new(|| Arc::new(Jieba::new()));

/// Splits text into words with jieba, lowercases them and, unless `latin` is `None`, stems
/// them.
#[derive(Clone)]
pub struct FairTokenizer {
    jieba: Arc<Jieba>,
    search_mode: bool,
    latin: Option<Algorithm>,
    tokens: Vec<Token>,
}

impl FairTokenizer {
    fn new(search_mode: bool, latin: Option<Algorithm>) -> Self {
        FairTokenizer {
            jieba: JIEBA.clone(),
            search_mode,
            latin,
            tokens: Vec::new(),
        }
    }

    /// The tokens of `text`, as the index keeps them.
    fn tokenize(&mut self, text: &str) {
        self.tokens.clear();
        for (start, word) in words(&self.jieba, text, self.search_mode) {
            if word.chars().count() >= WORD_LETTERS_LIMIT {
                continue;
            }
            let lower = word.to_lowercase();
            self.tokens.push(Token {
                offset_from: start,
                offset_to: start + word.len(),
                position: self.tokens.len(),
                text: match self.latin {
                    Some(latin) => stem(&lower, latin),
                    None => lower,
                },
                position_length: 1,
            });
        }
    }
}

/// The stem of a lowercased word: by its script, Latin words by `latin`.
fn stem(word: &str, latin: Algorithm) -> String {
    let algorithm = match word.chars().find(|c| c.is_alphabetic()).map(script) {
        Some(Script::Cyrillic) => Algorithm::Russian,
        Some(Script::Arabic) => Algorithm::Arabic,
        _ => latin,
    };
    Stemmer::new(algorithm).stem(word).into_owned()
}

enum Script {
    Cyrillic,
    Arabic,
    Other,
}

fn script(c: char) -> Script {
    match c as u32 {
        0x0400..=0x052F | 0x1C80..=0x1C8F | 0x2DE0..=0x2DFF | 0xA640..=0xA69F => Script::Cyrillic,
        0x0600..=0x06FF | 0x0750..=0x077F | 0x08A0..=0x08FF | 0xFB50..=0xFDFF | 0xFE70..=0xFEFF => {
            Script::Arabic
        }
        _ => Script::Other,
    }
}

/// The words of one text, in order.
pub struct WordStream<'a> {
    tokens: &'a mut [Token],
    next: usize,
}

impl Tokenizer for FairTokenizer {
    type TokenStream<'a> = WordStream<'a>;

    fn token_stream<'a>(&'a mut self, text: &'a str) -> WordStream<'a> {
        self.tokenize(text);
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

fn analyzer(search_mode: bool, latin: Option<Algorithm>) -> TextAnalyzer {
    TextAnalyzer::builder(FairTokenizer::new(search_mode, latin)).build()
}

/// The analyzer documents in English or Chinese are indexed with.
pub fn document_analyzer() -> TextAnalyzer {
    analyzer(true, Some(Algorithm::English))
}

/// A text in a language whose Latin words are stemmed by `latin` (French, Spanish), tokenized
/// for a document: a field analyses its values with one analyzer, so these come ready made.
pub fn document_text(text: &str, latin: Algorithm) -> PreTokenizedString {
    let mut tokenizer = FairTokenizer::new(true, Some(latin));
    tokenizer.tokenize(text);
    PreTokenizedString {
        text: text.to_owned(),
        tokens: tokenizer.tokens,
    }
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

/// One word of a query: as typed (lowercased) and the terms the index may keep it as: its
/// stem in English (or Russian, Arabic by its script) first, then its other Latin stems where
/// they differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QueryWord {
    pub typed: String,
    pub terms: Vec<String>,
}

impl QueryWord {
    /// The English stem, or the word's own language's: the term typos are looked for around.
    pub fn term(&self) -> &str {
        &self.terms[0]
    }
}

/// The words of a query text.
pub fn query_words(text: &str) -> Vec<QueryWord> {
    let mut typed = FairTokenizer::new(false, None);
    typed.tokenize(text);
    typed
        .tokens
        .iter()
        .map(|token| {
            let mut terms: Vec<String> = Vec::with_capacity(LATIN_LANGUAGES.len());
            for latin in LATIN_LANGUAGES {
                let term = stem(&token.text, latin);
                if !terms.contains(&term) {
                    terms.push(term);
                }
            }
            QueryWord {
                typed: token.text.clone(),
                terms,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests;
