//! Article Annotator: a local-first Yew app for tagging claims, sources and entities in
//! an article. The model and logic live in `annotator_core`; this crate is the browser
//! side. Re-exported so browser tests can mount `App` and reach the DOM helpers.

pub mod components;
pub mod dom;
pub mod effects;
pub mod keymap;
pub mod state;
pub mod storage;

pub use components::App;
