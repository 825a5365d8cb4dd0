//! The search query: `/search?…` as the URL sends it, parsed (`app::domain::SearchQuery::parse`),
//! cut into words (`search::query::words`: jieba and stemming) and built into the product,
//! exhibitor and suggestion queries (`search::query::build*`: typo automata, prefixes,
//! filters), each run with the facet counts over a small index in memory made once. A query
//! searches at most its first `QUERY_WORDS_MAX` words, none of them empty.
#![no_main]

use app::domain::search::QUERY_WORDS_MAX;
use app::domain::{CountryCode, SearchQuery};
use libfuzzer_sys::fuzz_target;
use server::search::analyzer::{DOCUMENT_ANALYZER, document_analyzer};
use server::search::facets::FacetCollector;
use server::search::query::{self, ResolvedFilters, Words};
use server::search::schema::{EXHIBITOR, Fields, PRODUCT, country_number, schema};
use std::sync::LazyLock;
use tantivy::collector::{Count, TopDocs};
use tantivy::query::Query;
use tantivy::{Index, IndexReader, TantivyDocument};

/// A few products and an exhibitor, in English and Chinese.
const DOCUMENTS: [(u64, &str, &str, &str, &str); 4] = [
    (
        PRODUCT,
        "Ceramic table lamp",
        "陶瓷台灯",
        "Foshan Lighting",
        "LED lamp, battery powered, warm white",
    ),
    (
        PRODUCT,
        "Bamboo cutting board",
        "竹砧板",
        "Hangzhou Bamboo",
        "Natural bamboo, food safe material",
    ),
    (
        PRODUCT,
        "Stainless steel pot",
        "不锈钢锅",
        "Chaozhou Kitchen",
        "Induction ready, 24 cm",
    ),
    (
        EXHIBITOR,
        "Foshan Lighting",
        "佛山照明",
        "Lighting",
        "Lamps and lanterns since 1998",
    ),
];

static INDEX: LazyLock<(IndexReader, Fields)> = LazyLock::new(|| {
    let (schema, fields) = schema();
    let index = Index::create_in_ram(schema);
    index
        .tokenizers()
        .register(DOCUMENT_ANALYZER, document_analyzer());
    let mut writer = index.writer_with_num_threads(1, 15_000_000).unwrap();
    let china = CountryCode::parse("CN").unwrap();
    for (n, (kind, title_en, title_zh, maker, body)) in DOCUMENTS.into_iter().enumerate() {
        let n = n as u64;
        let mut doc = TantivyDocument::new();
        doc.add_u64(fields.kind, kind);
        doc.add_u64(fields.id, n + 1);
        doc.add_u64(fields.exhibitor, n % 2 + 1);
        doc.add_text(fields.title, title_en);
        doc.add_text(fields.title, title_zh);
        doc.add_text(fields.maker, maker);
        doc.add_text(fields.place, "Home and garden 家居园艺");
        doc.add_text(fields.body, body);
        doc.add_u64(fields.category, n % 2 + 1);
        doc.add_u64(fields.section, n % 3 + 1);
        doc.add_u64(fields.country, country_number(china));
        doc.add_text(
            fields.certification,
            if n % 2 == 0 { "CE" } else { "ISO 9001" },
        );
        doc.add_u64(fields.new, n % 2);
        doc.add_u64(fields.verified, 1 - n % 2);
        doc.add_u64(fields.currency, n % 2);
        doc.add_u64(fields.price_min, 100 * (n + 1));
        doc.add_u64(fields.price_max, 250 * (n + 1));
        doc.add_u64(fields.moq, 10 * (n + 1));
        doc.add_text(fields.card, "{}");
        writer.add_document(doc).unwrap();
    }
    writer.commit().unwrap();
    (index.reader().unwrap(), fields)
});

fn run(reader: &IndexReader, query: &dyn Query) {
    let searcher = reader.searcher();
    let top = TopDocs::with_limit(20).order_by_score();
    let _ = searcher.search(query, &(Count, top, FacetCollector));
}

fuzz_target!(|data: &[u8]| {
    let pairs: Vec<(String, String)> = form_urlencoded::parse(data).into_owned().collect();
    let get = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, value)| value.clone())
    };
    let Ok(search) = SearchQuery::parse(get) else {
        return;
    };
    let words = match query::words(&search.text) {
        Words::Nothing => return,
        Words::All => Vec::new(),
        Words::Some { words, .. } => words,
    };
    assert!(words.len() <= QUERY_WORDS_MAX);
    assert!(
        words
            .iter()
            .all(|w| !w.typed.is_empty() && !w.term.is_empty())
    );
    let (reader, fields) = &*INDEX;
    let resolved = ResolvedFilters {
        category: search.category.as_ref().map(|_| 1),
        section: search.section.as_ref().map(|_| 2),
    };
    run(
        reader,
        &*query::build(fields, &words, &search, resolved, false),
    );
    run(
        reader,
        &*query::build(fields, &words, &search, resolved, true),
    );
    run(
        reader,
        &*query::build_exhibitors(fields, &words, &search, resolved),
    );
});
