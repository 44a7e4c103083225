//! What the app does outside its state, in effects and event handlers: saving and tab
//! sync (`autosave`), the keyboard's shortcuts (`shortcuts`), the library's documents
//! (`documents`), files opened and downloaded (`files`), remembered preferences (`prefs`)
//! and start-up (`boot`). Components call these; they never reach storage themselves.

mod autosave;
pub mod boot;
pub mod documents;
pub mod files;
pub mod prefs;
mod shortcuts;

pub use autosave::{SaveStatus, use_autosave};
pub use documents::use_restore;
pub use shortcuts::{press, use_shortcuts};
