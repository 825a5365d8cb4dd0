//! Texts in the fair's languages beyond English and Chinese (which have columns of their
//! own), kept in one column as JSON, a language without text left out so that nothing
//! translated stores nothing: a product's title and description
//! (`{"fr": {"title": "…", "description": "…"}}`), and the names of the fair's own parts, its
//! session, categories, sections and halls (`{"fr": "…"}`).

use super::Localized;
use crate::i18n::Locale;
use leptos_i18n::Locale as _;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// The languages an exhibitor may write in beside English and Chinese.
pub const MORE_LANGUAGES: [Locale; 4] = [Locale::ar, Locale::fr, Locale::es, Locale::ru];

/// Which of a language's texts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    Title,
    Description,
}

impl Part {
    /// The form's field of this text in `locale`: `title_fr`, `description_ar`.
    pub fn field(self, locale: Locale) -> String {
        let part = match self {
            Part::Title => "title",
            Part::Description => "description",
        };
        format!("{part}_{}", locale.as_str())
    }
}

/// One language's texts; either may be empty.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Translation {
    #[serde(skip_serializing_if = "String::is_empty")]
    pub title: String,
    #[serde(skip_serializing_if = "String::is_empty")]
    pub description: String,
}

impl Translation {
    fn is_empty(&self) -> bool {
        self.title.is_empty() && self.description.is_empty()
    }
}

/// The texts by language code, only languages of [`MORE_LANGUAGES`] with some text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Translations(BTreeMap<&'static str, Translation>);

impl Translations {
    /// The texts as stored; `None` (no translation) and anything unreadable give none.
    pub fn from_stored(stored: Option<&str>) -> Self {
        let read: BTreeMap<String, Translation> = stored
            .and_then(|json| serde_json::from_str(json).ok())
            .unwrap_or_default();
        let mut out = Self::default();
        for locale in MORE_LANGUAGES {
            if let Some(translation) = read.get(locale.as_str()) {
                out.set(locale, translation.clone());
            }
        }
        out
    }

    /// The JSON to store, `None` when there is no text in any language.
    pub fn to_stored(&self) -> Option<String> {
        (!self.0.is_empty()).then(|| serde_json::to_string(&self.0).unwrap_or_default())
    }

    /// The texts of `locale`, empty where there are none.
    pub fn get(&self, locale: Locale) -> Translation {
        self.0.get(locale.as_str()).cloned().unwrap_or_default()
    }

    /// Sets the texts of `locale` (one of [`MORE_LANGUAGES`]); empty texts remove it.
    pub fn set(&mut self, locale: Locale, translation: Translation) {
        if translation.is_empty() || !MORE_LANGUAGES.contains(&locale) {
            self.0.remove(locale.as_str());
        } else {
            self.0.insert(locale.as_str(), translation);
        }
    }

    /// The languages with text and their texts, in the order of [`MORE_LANGUAGES`].
    pub fn iter(&self) -> impl Iterator<Item = (Locale, &Translation)> {
        MORE_LANGUAGES
            .into_iter()
            .filter_map(|locale| Some((locale, self.0.get(locale.as_str())?)))
    }

    /// Takes these texts from `kept`, replacing its own.
    pub fn keep(&mut self, kept: &Translations, texts: &[(Locale, Part)]) {
        for (locale, part) in texts {
            let mut mine = self.get(*locale);
            let theirs = kept.get(*locale);
            match part {
                Part::Title => mine.title = theirs.title,
                Part::Description => mine.description = theirs.description,
            }
            self.set(*locale, mine);
        }
    }

    /// Adds the titles to `title` and, when given, the descriptions to `description`.
    pub fn add_to(&self, title: &mut Localized, mut description: Option<&mut Localized>) {
        for (locale, translation) in self.iter() {
            title.set(locale, translation.title.clone());
            if let Some(description) = description.as_deref_mut() {
                description.set(locale, translation.description.clone());
            }
        }
    }
}

/// A name of the fair's own: English, Chinese, and the others as stored (`{"fr": "…"}`;
/// `None` and anything unreadable give none, and other keys are ignored).
pub fn named(en: String, zh: String, stored: Option<&str>) -> Localized {
    let mut name = Localized::new(en, zh);
    let read: BTreeMap<String, String> = stored
        .and_then(|json| serde_json::from_str(json).ok())
        .unwrap_or_default();
    for locale in MORE_LANGUAGES {
        if let Some(text) = read.get(locale.as_str()) {
            name.set(locale, text.trim());
        }
    }
    name
}

/// The JSON to store for `name`'s other languages, `None` when it has none.
pub fn stored_names(name: &Localized) -> Option<String> {
    let written: BTreeMap<&str, &str> = MORE_LANGUAGES
        .into_iter()
        .map(|locale| (locale.as_str(), name.written(locale)))
        .filter(|(_, text)| !text.is_empty())
        .collect();
    (!written.is_empty()).then(|| serde_json::to_string(&written).unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_keep_the_languages_they_have() {
        let mut name = Localized::new("Hall 9.1", "9.1号馆");
        assert_eq!(stored_names(&name), None);
        name.set(Locale::ar, "القاعة 9.1");
        name.set(Locale::fr, "Hall 9.1");
        let stored = stored_names(&name).unwrap();
        assert_eq!(stored, r#"{"ar":"القاعة 9.1","fr":"Hall 9.1"}"#);
        let read = named("Hall 9.1".into(), "9.1号馆".into(), Some(&stored));
        assert_eq!(read, name);
        assert_eq!(
            read.get(Locale::ru),
            "Hall 9.1",
            "Russian falls back to English"
        );
        for unreadable in [None, Some(""), Some("[1]"), Some(r#"{"xx":"?","fr":7}"#)] {
            let read = named("Hall".into(), "馆".into(), unreadable);
            assert_eq!(read, Localized::new("Hall", "馆"), "{unreadable:?}");
        }
    }

    #[test]
    fn only_languages_with_text_are_stored() {
        let mut texts = Translations::default();
        assert_eq!(texts.to_stored(), None);
        texts.set(
            Locale::fr,
            Translation {
                title: "Lampe de bureau".into(),
                description: String::new(),
            },
        );
        texts.set(Locale::ru, Translation::default());
        let stored = texts.to_stored().unwrap();
        assert_eq!(stored, r#"{"fr":{"title":"Lampe de bureau"}}"#);
        assert_eq!(Translations::from_stored(Some(&stored)), texts);
    }

    #[test]
    fn unknown_languages_and_unreadable_json_give_nothing() {
        let stored = r#"{"de":{"title":"Lampe"},"es":{"title":"Lámpara","description":"Luz"}}"#;
        let texts = Translations::from_stored(Some(stored));
        assert_eq!(texts.iter().count(), 1);
        assert_eq!(texts.get(Locale::es).description, "Luz");
        assert_eq!(texts.get(Locale::fr).title, "");
        assert_eq!(
            Translations::from_stored(Some("{not json")),
            Translations::default()
        );
        assert_eq!(Translations::from_stored(None), Translations::default());
    }

    #[test]
    fn titles_and_descriptions_join_the_localized_texts() {
        let mut texts = Translations::default();
        texts.set(
            Locale::ar,
            Translation {
                title: "مصباح مكتب".into(),
                description: "ضوء دافئ".into(),
            },
        );
        let mut title = Localized::new("Desk lamp", "台灯");
        let mut description = Localized::new("Warm light", "暖光");
        texts.add_to(&mut title, Some(&mut description));
        assert_eq!(title.get(Locale::ar), "مصباح مكتب");
        assert_eq!(description.get(Locale::ar), "ضوء دافئ");
        assert_eq!(title.get(Locale::fr), "Desk lamp");
    }
}
