//! Texts never suggested however often they were tagged: English function words, and
//! anything without a letter (numbers, dates, punctuation). English only: a library in
//! another language still gets the no-letter rule and the minimum length, not this list.

/// English function words, lowercase, sorted (a test keeps them so, for the search).
const STOP_WORDS: &[&str] = &[
    "a", "about", "after", "all", "also", "am", "an", "and", "any", "are", "as", "at", "be", "been",
    "before", "being", "between", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had",
    "has", "have", "he", "her", "here", "hers", "him", "his", "how", "i", "if", "in", "into", "is", "it",
    "its", "may", "me", "might", "more", "most", "mr", "mrs", "ms", "must", "my", "no", "nor", "not", "of",
    "on", "one", "only", "or", "other", "our", "out", "over", "said", "say", "says", "she", "should", "so",
    "some", "such", "than", "that", "the", "their", "theirs", "them", "then", "there", "these", "they",
    "this", "those", "to", "under", "up", "us", "very", "was", "we", "were", "what", "when", "where",
    "which", "who", "whom", "whose", "why", "will", "with", "would", "yes", "you", "your",
];

/// Whether `word` (any case) is an English function word.
fn is_stop_word(word: &str) -> bool {
    let lower = word.to_lowercase();
    STOP_WORDS.binary_search(&lower.as_str()).is_ok()
}

/// Whether `text` is never suggested: every word in it is a function word or has no
/// letter ("of the", "2025", "5 %"), or it has no word at all ("—").
pub(super) fn is_stop(text: &str) -> bool {
    text.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| !w.chars().any(char::is_alphabetic) || is_stop_word(w))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_sorted_and_lowercase() {
        assert!(STOP_WORDS.windows(2).all(|w| w[0] < w[1]));
        assert!(STOP_WORDS.iter().all(|w| w.to_lowercase() == *w));
    }

    #[test]
    fn function_words_numbers_and_punctuation_are_stops_names_are_not() {
        for stop in ["the", "The", "of the", "I", "2025", "5 %", "—", "", "THEY"] {
            assert!(is_stop(stop), "{stop:?}");
        }
        for name in ["The Hague", "COVID-19", "Élysée", "日本", "Reuters"] {
            assert!(!is_stop(name), "{name:?}");
        }
    }
}
