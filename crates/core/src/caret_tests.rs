use super::*;
use crate::text::lines;

const TEXT: &str = "Tokyo said the 👩‍👩‍👧 family left.\nA second paragraph, longer.\n\nLast one.";

fn doc() -> Document {
    Document::new("Caret", TEXT)
}

/// The code point where `needle` starts in the text (offsets found, not counted by hand).
fn at(needle: &str) -> usize {
    let byte = TEXT.find(needle).expect("in the text");
    TEXT[..byte].chars().count()
}

/// Where `how` takes the caret from `from`, with a screen that cannot answer.
fn go(from: usize, how: Move) -> usize {
    let doc = doc();
    moved(&doc, &lines(doc.text()), from, how, |_| None)
}

#[test]
fn characters_step_over_whole_grapheme_clusters() {
    let family = at("👩");
    let after = at(" family");
    assert_eq!(go(family, Move::CharNext), after, "the family emoji is one step");
    assert_eq!(go(after, Move::CharPrev), family);
    assert_eq!(go(0, Move::CharPrev), 0, "stays at the start");
    assert_eq!(go(doc().char_len(), Move::CharNext), doc().char_len(), "stays at the end");
}

#[test]
fn words_go_to_the_end_of_the_next_and_the_start_of_the_previous() {
    assert_eq!(go(0, Move::WordNext), at(" said"));
    assert_eq!(go(at("said") + 2, Move::WordPrev), at("said"));
    assert_eq!(go(at("said"), Move::WordPrev), 0);
}

#[test]
fn paragraphs_move_by_the_texts_own_lines() {
    let second = at("A second");
    assert_eq!(go(at("said"), Move::ParagraphDown), second);
    assert_eq!(go(second + 3, Move::ParagraphUp), second, "first to this paragraph's start");
    assert_eq!(go(second, Move::ParagraphUp), 0, "then to the previous one's");
    assert_eq!(go(at("Last"), Move::ParagraphDown), doc().char_len(), "the last goes to the end");
}

#[test]
fn without_the_screen_lines_are_paragraphs_keeping_the_column() {
    let column = at("said");
    assert_eq!(go(column, Move::LineDown), at("A second") + column);
    assert_eq!(go(at("A second") + column, Move::LineUp), column);
    let empty = at("\n\nLast") + 1;
    assert_eq!(go(at("second"), Move::LineDown), empty, "an empty line keeps no column");
    assert_eq!(go(at("Last") + 2, Move::LineUp), empty);
    assert_eq!(go(0, Move::LineUp), 0);
    assert_eq!(go(at("Last") + 2, Move::LineDown), doc().char_len());
    assert_eq!(go(at("said"), Move::LineStart), 0);
    assert_eq!(go(at("said"), Move::LineEnd), at("\nA second"));
    assert_eq!((go(at("said"), Move::ArticleStart), go(0, Move::ArticleEnd)), (0, doc().char_len()));
}

#[test]
fn the_screen_answers_wrapped_lines_when_it_stays_nearby() {
    let doc = doc();
    let lines = lines(doc.text());
    let wrap = at("family");
    let screen = |v| match v {
        Visual::LineDown => Some(wrap),
        Visual::LineEnd => Some(wrap), // after the space the line wrapped at
        Visual::LineStart | Visual::LineUp => Some(at("the")),
    };
    assert_eq!(moved(&doc, &lines, at("said"), Move::LineDown, screen), wrap);
    assert_eq!(moved(&doc, &lines, wrap + 2, Move::LineStart, screen), at("the"));
    assert_eq!(moved(&doc, &lines, at("said"), Move::LineEnd, screen), wrap - 1, "before the wrapped space");
    // An answer that does not move the way asked, or lands far away, is not taken.
    let end_of_second = at("\n\nLast");
    assert_eq!(moved(&doc, &lines, at("left"), Move::LineDown, screen), end_of_second, "its column, clamped");
    let far = |_| Some(doc.char_len());
    assert_eq!(moved(&doc, &lines, 0, Move::LineDown, far), at("A second"), "two paragraphs away");
}

#[test]
fn a_caret_past_the_end_moves_from_the_end() {
    assert_eq!(go(10_000, Move::CharPrev), go(doc().char_len(), Move::CharPrev));
}
