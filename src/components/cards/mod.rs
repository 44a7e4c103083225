//! The sidebar's cards, one way down: a group (`group.rs`, memoised per stretch of text)
//! draws cards (`card.rs`); the selected one shows its controls (`edit.rs`) and what it
//! refers to (`detail.rs`); all of them act through one set of callbacks (`actions.rs`).

mod actions;
mod card;
mod detail;
mod edit;
mod group;

pub use actions::CardActions;
pub use detail::CardDetail;
pub use group::{CardGroup, groups};
