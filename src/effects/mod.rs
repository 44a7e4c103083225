//! What the app does outside its state, in effects and event handlers: saving and tab
//! sync (`autosave`), the keyboard's shortcuts (`shortcuts`), the library's documents
//! (`documents`), files opened and downloaded (`files`), remembered preferences (`prefs`),
//! start-up (`boot`), suggestions learned from the whole library (`suggest`, over
//! `library_index`), and searching it (`search`); both copies of the library catch up
//! with storage through `reader`. Components call these; they never reach storage themselves.

mod autosave;
pub mod boot;
pub mod documents;
pub mod files;
mod library_index;
pub mod prefs;
mod reader;
pub mod search;
mod shortcuts;
mod suggest;

pub use autosave::{SaveStatus, use_autosave};
pub use documents::use_restore;
pub use shortcuts::{press, use_shortcuts};
pub use suggest::{other_occurrences, remembered as remembered_suggestions, tag_all, use_suggestions};
