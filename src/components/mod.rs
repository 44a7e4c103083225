//! Components. The containers (`app`, `article`, `sidebar`, `minimap`, `overview`,
//! `toolbar`, the banners, `library`) read the state and turn events into actions; what
//! they do beyond that (storage, files, downloads) they ask of `crate::effects`. Every
//! component below them is drawn from data props and reports through `on<verb>` callbacks.

mod app;
mod article;
mod cards;
mod caret_keys;
mod compare_panel;
mod conflicts;
mod details_dialog;
mod dialog;
mod dialogs;
mod drop_target;
mod escape;
mod fill;
mod find_bar;
mod handles;
mod help;
mod hooks;
mod layout;
mod library;
mod library_search;
mod line;
mod load_dialog;
mod marks;
mod menu;
mod minimap;
mod name_dialog;
mod notice;
mod overview;
mod rename_field;
mod sidebar;
mod storage_banner;
mod suggestions_bar;
mod swatch;
mod tag_picker;
mod tags_dialog;
mod theme_toggle;
mod toolbar;
mod toolbar_items;

pub use app::App;
