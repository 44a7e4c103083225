//! User Timing marks for `make bench`: the harness reads them from outside, the app
//! never does. A mark costs well under a microsecond, so they stay in release builds.

fn performance() -> Option<web_sys::Performance> {
    web_sys::window()?.performance()
}

/// Marks a moment (e.g. `article:rendered`).
pub fn mark(name: &str) {
    if let Some(p) = performance() {
        let _ = p.mark(name);
    }
}

/// Runs `f` and records how long it took as the measure `name`.
pub fn measure<T>(name: &str, f: impl FnOnce() -> T) -> T {
    let Some(p) = performance() else { return f() };
    let start = format!("{name}:start");
    let _ = p.mark(&start);
    let out = f();
    let _ = p.measure_with_start_mark(name, &start);
    out
}

/// A measure begun by [`start`]: recorded under its name by [`Timing::end`], and not at
/// all if dropped (a save that turned out to have nothing to write).
pub struct Timing(&'static str);

/// Begins the measure `name`, for work that does not fit in one closure.
pub fn start(name: &'static str) -> Timing {
    if let Some(p) = performance() {
        let _ = p.mark(&format!("{name}:start"));
    }
    Timing(name)
}

impl Timing {
    /// Records the time since [`start`] as the measure of its name.
    pub fn end(self) {
        if let Some(p) = performance() {
            let _ = p.measure_with_start_mark(self.0, &format!("{}:start", self.0));
        }
    }
}
