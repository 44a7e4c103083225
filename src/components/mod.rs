//! Thin components: they read the state, render it, and turn events into actions.

mod app;
mod article;
mod card;
mod card_group;
mod escape;
mod files;
mod library;
mod line;
mod load_dialog;
mod notice;
mod sidebar;
mod storage_banner;
mod tag_picker;
mod toolbar;

pub use app::App;
