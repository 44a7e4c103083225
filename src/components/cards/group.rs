//! A group of cards: the annotations starting in one stretch of the text, rendered as one
//! memoised component, so an edit among 10,000 annotations re-renders one group.

use std::rc::Rc;

use annotator_core::{Annotation, AnnotationId, TagSet, same_rcs};
use yew::prelude::*;

use super::actions::CardActions;
use super::card::Card;
use super::detail::CardDetail;
use crate::components::hooks::{use_near_screen, use_rows_hint};

/// Code points of text per group of cards: a few paragraphs.
const GROUP_SPAN: usize = 4096;

#[derive(Properties)]
pub struct GroupProps {
    pub cards: Vec<Rc<Annotation>>,
    /// The selected annotation, only when it is in this group.
    pub selected: Option<AnnotationId>,
    /// Build the cards now, not when the group comes near the screen.
    pub eager: bool,
    pub actions: Rc<CardActions>,
    pub tags: Rc<TagSet>,
    /// The selected card's links, when it is in this group.
    pub detail: Option<Rc<CardDetail>>,
}

/// Cards compare by identity: an edit replaces the `Rc` of each annotation it changes, so
/// comparing pointers finds them without comparing 10,000 quotes and notes.
impl PartialEq for GroupProps {
    fn eq(&self, other: &Self) -> bool {
        self.selected == other.selected
            && self.eager == other.eager
            && Rc::ptr_eq(&self.actions, &other.actions)
            && Rc::ptr_eq(&self.tags, &other.tags)
            && self.detail == other.detail
            && same_rcs(&self.cards, &other.cards)
    }
}

/// In long documents cards are built only once their group comes near the screen (a
/// placeholder of about the right height stands in until then): 10,000 cards are 40,000
/// elements, and building them all made opening a long document take seconds.
#[function_component]
pub fn CardGroup(props: &GroupProps) -> Html {
    let node = use_node_ref();
    use_rows_hint(node.clone(), props.cards.len());
    let near = use_near_screen(node.clone(), true);
    if !near && !props.eager && props.selected.is_none() {
        return html! { <ol class="cards pending" ref={node} aria-busy="true"></ol> };
    }
    html! {
        <ol class="cards" ref={node}>
            { for props.cards.iter().map(|card| {
                let selected = props.selected == Some(card.id);
                html! {
                    <Card key={card.id.to_string()} annotation={card.clone()} {selected} tags={props.tags.clone()}
                        actions={props.actions.clone()} detail={props.detail.clone().filter(|_| selected)} />
                }
            }) }
        </ol>
    }
}

/// Splits `cards` (in document order) into groups by position; returns (key, cards) pairs.
pub fn groups<'a>(cards: impl Iterator<Item = &'a Rc<Annotation>>) -> Vec<(usize, Vec<Rc<Annotation>>)> {
    let mut out: Vec<(usize, Vec<Rc<Annotation>>)> = Vec::new();
    for a in cards {
        let key = a.start / GROUP_SPAN;
        match out.last_mut() {
            Some((k, group)) if *k == key => group.push(a.clone()),
            _ => out.push((key, vec![a.clone()])),
        }
    }
    out
}
