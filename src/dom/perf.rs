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
