//! One typo in a word, anywhere but its first letter. Search engines that buyers know count a
//! wrong first letter as two typos, and so must we: words are matched by their stems, and
//! "batery" (stem "bateri") would otherwise also match "material" (stem "materi"), which is in
//! nearly every description. A matching word scores its boost, whichever word it was.

use levenshtein_automata::{DFA, Distance, LevenshteinAutomatonBuilder, SINK_STATE};
use std::sync::{Arc, LazyLock};
use tantivy::query::{AutomatonWeight, EnableScoring, Query, Weight};
use tantivy::schema::Field;
use tantivy_fst::Automaton;

/// Words within one edit (a transposition counting as one).
static ONE_EDIT: LazyLock<LevenshteinAutomatonBuilder> =
    LazyLock::new(|| LevenshteinAutomatonBuilder::new(1, true));

/// The terms of `field` within one edit of `word` that begin with its first letter.
#[derive(Clone)]
pub struct TypoQuery {
    field: Field,
    word: String,
    automaton: Arc<KeptFirstLetter>,
}

impl TypoQuery {
    /// `word` must not be empty.
    pub fn new(field: Field, word: &str) -> Self {
        let automaton = KeptFirstLetter {
            dfa: ONE_EDIT.build_dfa(word),
            first: word.as_bytes()[0],
        };
        TypoQuery {
            field,
            word: word.to_owned(),
            automaton: Arc::new(automaton),
        }
    }
}

impl std::fmt::Debug for TypoQuery {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "TypoQuery({:?}, {:?})", self.field, self.word)
    }
}

impl Query for TypoQuery {
    fn weight(&self, _: EnableScoring<'_>) -> tantivy::Result<Box<dyn Weight>> {
        let weight: AutomatonWeight<KeptFirstLetter> =
            AutomatonWeight::new(self.field, Arc::clone(&self.automaton));
        Ok(Box::new(weight))
    }
}

/// The Levenshtein automaton of a word, refusing any other first byte.
struct KeptFirstLetter {
    dfa: DFA,
    first: u8,
}

impl Automaton for KeptFirstLetter {
    /// `None` before the first byte, then the automaton's state.
    type State = Option<u32>;

    fn start(&self) -> Option<u32> {
        None
    }

    fn is_match(&self, state: &Option<u32>) -> bool {
        let state = state.unwrap_or_else(|| self.dfa.initial_state());
        matches!(self.dfa.distance(state), Distance::Exact(_))
    }

    fn can_match(&self, state: &Option<u32>) -> bool {
        *state != Some(SINK_STATE)
    }

    fn accept(&self, state: &Option<u32>, byte: u8) -> Option<u32> {
        match state {
            None if byte != self.first => Some(SINK_STATE),
            None => Some(self.dfa.transition(self.dfa.initial_state(), byte)),
            Some(state) => Some(self.dfa.transition(*state, byte)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn matches(word: &str, candidate: &str) -> bool {
        let automaton = TypoQuery::new(Field::from_field_id(0), word).automaton;
        let state = candidate.bytes().fold(automaton.start(), |state, byte| {
            automaton.accept(&state, byte)
        });
        automaton.is_match(&state)
    }

    #[test]
    fn one_edit_but_never_the_first_letter() {
        assert!(matches("bateri", "batteri"), "a letter missing");
        assert!(matches("bateri", "bateri"), "the word itself");
        assert!(matches("batteri", "bateri"), "a letter too many");
        assert!(!matches("batteri", "bttaeri"), "two edits");
        assert!(matches("steal", "steel"), "a wrong letter");
        assert!(!matches("sxxel", "steel"), "two wrong letters");
        assert!(matches("stele", "steel"), "a transposition");
        assert!(
            !matches("tseel", "steel"),
            "a transposition of the first letter"
        );
        assert!(!matches("bateri", "materi"), "a wrong first letter");
        assert!(!matches("ateri", "bateri"), "a missing first letter");
    }
}
