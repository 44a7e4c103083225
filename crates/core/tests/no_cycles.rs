//! The core's modules depend on one another one way only, so that each can be read (and
//! tested) knowing only those below it. This reads `src/` as text, without building it:
//! every `use` and path of non-test code is followed to the module it names, through
//! the `pub use`s that re-export an item, and the test fails on a cycle among the crate's
//! top-level modules, or among the children of any one module (`formats::native` and
//! `formats::migrate`), or on a path into the crate root's re-exports (`crate::export_json`),
//! which would hide a dependency behind the root. Test code may use anything: a test
//! sits above what it tests.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

#[path = "support/lexer.rs"]
mod lexer;
use lexer::{is_ident, tokens, use_tree, without_tests};

/// A module by its path from the crate root: `["formats", "native"]`; the root is `[]`.
type ModPath = Vec<String>;
/// Dependencies among the children of one module, as (from, to) by child name.
type Graph = BTreeSet<(String, String)>;

/// What one module's code names: the child modules it declares, the names its `use`s
/// bring in (with the paths they come from) and every path it mentions.
#[derive(Default)]
struct Parsed {
    children: Vec<String>,
    imports: Vec<(Vec<String>, Option<String>)>,
    paths: Vec<Vec<String>>,
}

fn parse(src: &str) -> Parsed {
    let t = without_tests(tokens(src));
    let mut p = Parsed::default();
    let mut i = 0;
    while i < t.len() {
        let tok = t[i].as_str();
        if tok == "mod" && t.get(i + 2).map(String::as_str) == Some(";") {
            p.children.push(t[i + 1].clone());
        } else if tok == "use" {
            let mut j = i + 1;
            use_tree(&t, &mut j, Vec::new(), &mut p.imports);
        } else if matches!(tok, "crate" | "super" | "self") && (i == 0 || t[i - 1] != "::") {
            let mut path = vec![tok.to_owned()];
            let mut j = i + 1;
            while t.get(j).map(String::as_str) == Some("::") && t.get(j + 1).is_some_and(|w| is_ident(w)) {
                path.push(t[j + 1].clone());
                j += 2;
            }
            p.paths.push(path);
        }
        i += 1;
    }
    p
}

/// The crate's modules (each module's parse) read from `files`, paths relative to `src/`.
fn modules(files: &BTreeMap<String, String>) -> BTreeMap<ModPath, Parsed> {
    let mut found = BTreeMap::new();
    let mut todo = vec![(ModPath::new(), "lib.rs".to_owned())];
    while let Some((module, file)) = todo.pop() {
        let parsed = parse(&files[&file]);
        // A child of `a/mod.rs` or `lib.rs` is in `a/`; of `a/b.rs`, in `a/b/`.
        let dir = match file.rsplit_once('/') {
            _ if file == "lib.rs" => String::new(),
            Some((dir, "mod.rs")) => format!("{dir}/"),
            _ => format!("{}/", file.trim_end_matches(".rs")),
        };
        for child in &parsed.children {
            let (flat, nested) = (format!("{dir}{child}.rs"), format!("{dir}{child}/mod.rs"));
            let path = [flat, nested].into_iter().find(|f| files.contains_key(f));
            let path = path.unwrap_or_else(|| panic!("no file for module {child} declared in {file}"));
            let mut child_module = module.clone();
            child_module.push(child.clone());
            todo.push((child_module, path));
        }
        found.insert(module, parsed);
    }
    found
}

/// The module a path from `from` leads to, following re-exports (`reexports`: a module's
/// names and the module each comes from), and whether it stops at a root re-export.
fn resolve(
    from: &ModPath,
    path: &[String],
    known: &BTreeSet<ModPath>,
    reexports: &BTreeMap<ModPath, BTreeMap<String, ModPath>>,
) -> Option<(ModPath, bool)> {
    let mut at = from.clone();
    let mut rest = path;
    match path.first()?.as_str() {
        "crate" => (at, rest) = (ModPath::new(), &path[1..]),
        "self" => rest = &path[1..],
        "super" => {
            while rest.first().map(String::as_str) == Some("super") {
                at.pop()?;
                rest = &rest[1..];
            }
        }
        first if known.contains(&[from.as_slice(), &[first.to_owned()]].concat()) => {}
        _ => return None, // another crate, or an item of this module
    }
    // Bounded: a module path, with the re-exports it goes through, is never longer.
    for _ in 0..8 {
        let Some(next) = rest.first() else { break };
        let child = [at.as_slice(), std::slice::from_ref(next)].concat();
        if known.contains(&child) {
            at = child;
        } else if let Some(source) = reexports.get(&at).and_then(|names| names.get(next)) {
            at = source.clone();
        } else {
            break;
        }
        rest = &rest[1..];
    }
    Some((at.clone(), at.is_empty() && !rest.is_empty()))
}

/// Problems with how `files` (a crate's `src/`, by relative path) depend on one another:
/// each cycle, as `a → b → a` (`formats: native → migrate → native` within a module), and
/// each path through the crate root's re-exports.
fn problems(files: &BTreeMap<String, String>) -> (Vec<String>, BTreeMap<ModPath, Graph>) {
    let modules = modules(files);
    let known: BTreeSet<ModPath> = modules.keys().cloned().collect();
    let mut reexports: BTreeMap<ModPath, BTreeMap<String, ModPath>> = BTreeMap::new();
    // A few rounds, so that a re-export of a re-export is followed too. The root's are
    // left out: a path into them is refused, not followed.
    for _ in 0..3 {
        for (module, parsed) in modules.iter().filter(|(m, _)| !m.is_empty()) {
            for (path, name) in &parsed.imports {
                if let (Some(name), Some((source, _))) = (name, resolve(module, path, &known, &reexports)) {
                    if !source.is_empty() && &source != module {
                        reexports.entry(module.clone()).or_default().insert(name.clone(), source);
                    }
                }
            }
        }
    }
    let mut found = Vec::new();
    // Per module, the edges among its children (the root's are the top-level modules).
    let mut graphs: BTreeMap<ModPath, Graph> = BTreeMap::new();
    for (module, parsed) in modules.iter().filter(|(m, _)| !m.is_empty()) {
        let named = parsed.imports.iter().map(|(p, _)| p).chain(&parsed.paths);
        for path in named {
            let Some((target, via_root)) = resolve(module, path, &known, &reexports) else { continue };
            let through_root =
                format!("{} reaches {} through the crate root", module.join("::"), path.join("::"));
            if via_root && !found.contains(&through_root) {
                found.push(through_root);
            }
            let shared = module.iter().zip(&target).take_while(|(a, b)| a == b).count();
            if shared < module.len() && shared < target.len() {
                let edge = (module[shared].clone(), target[shared].clone());
                graphs.entry(module[..shared].to_vec()).or_default().insert(edge);
            }
        }
    }
    for (parent, edges) in &graphs {
        for cycle in cycles(edges) {
            let within = if parent.is_empty() { String::new() } else { format!("{}: ", parent.join("::")) };
            found.push(format!("{within}{}", cycle.join(" → ")));
        }
    }
    (found, graphs)
}

/// The cycles of the graph `edges`, one through each node that has one (the same cycle
/// once), each as its nodes with the first repeated at the end.
fn cycles(edges: &Graph) -> Vec<Vec<String>> {
    /// A path from `path`'s last node back to its first, if there is one.
    fn back<'a>(path: &mut Vec<&'a str>, edges: &'a Graph, seen: &mut BTreeSet<&'a str>) -> bool {
        let last = *path.last().expect("a start");
        for (_, to) in edges.iter().filter(|(from, _)| from == last) {
            if to == path[0] {
                path.push(to);
                return true;
            }
            if seen.insert(to) {
                path.push(to);
                if back(path, edges, seen) {
                    return true;
                }
                path.pop();
            }
        }
        false
    }
    let mut found: Vec<Vec<String>> = Vec::new();
    let mut sets = BTreeSet::new();
    for (start, _) in edges {
        let mut path = vec![start.as_str()];
        if back(&mut path, edges, &mut BTreeSet::new()) {
            let nodes: BTreeSet<&str> = path.iter().copied().collect();
            if sets.insert(nodes) {
                found.push(path.iter().map(|n| n.to_string()).collect());
            }
        }
    }
    found
}

fn read_dir(root: &Path, dir: &Path, into: &mut BTreeMap<String, String>) {
    for entry in std::fs::read_dir(dir).expect("src/ is readable") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            read_dir(root, &path, into);
        } else if path.extension().is_some_and(|e| e == "rs") {
            let name = path.strip_prefix(root).expect("under src/").to_string_lossy().replace('\\', "/");
            into.insert(name, std::fs::read_to_string(&path).expect("source is UTF-8"));
        }
    }
}

#[test]
fn the_core_modules_depend_on_one_another_one_way() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = BTreeMap::new();
    read_dir(&src, &src, &mut files);
    let (found, graphs) = problems(&files);
    assert!(found.is_empty(), "the core's module graph must have no cycles:\n{}", found.join("\n"));
    // The check reads what it should: a few dependencies known to be there.
    let top = &graphs[&ModPath::new()];
    for (from, to) in [("editor", "history"), ("formats", "span"), ("library", "formats"), ("filter", "find")]
    {
        assert!(top.contains(&(from.to_owned(), to.to_owned())), "{from} → {to} not seen");
    }
    let formats = &graphs[&vec!["formats".to_owned()]];
    assert!(formats.contains(&("native".to_owned(), "migrate".to_owned())), "{formats:?}");
}

fn crate_of(files: &[(&str, &str)]) -> Vec<String> {
    problems(&files.iter().map(|(p, s)| (p.to_string(), s.to_string())).collect()).0
}

#[test]
fn the_check_finds_a_cycle_but_not_in_tests_comments_or_strings() {
    let lib = ("lib.rs", "pub mod a; pub mod b;");
    let a = ("a.rs", "use crate::b::X; pub fn g() {}");
    let b = "pub struct X; fn f() { crate::a::g(); }";
    assert_eq!(crate_of(&[lib, a, ("b.rs", b)]), ["a → b → a"]);
    let quiet =
        "pub struct X; // crate::a::g()\nconst S: &str = \"crate::a::g\"; const R: &str = r#\"crate::a\"#;
        #[cfg(test)] mod tests { use crate::a::g; }
        #[cfg(test)] fn helper() { crate::a::g() }";
    assert_eq!(crate_of(&[lib, a, ("b.rs", quiet)]), Vec::<String>::new());
}

#[test]
fn the_check_follows_re_exports_and_refuses_the_root() {
    let parent = ("f/mod.rs", "mod x; mod y; pub use x::X; pub use y::{Y as Why};");
    let x = ("f/x.rs", "use super::Why; pub struct X;");
    let y = ("f/y.rs", "pub struct Y(super::X);");
    assert_eq!(crate_of(&[("lib.rs", "mod f;"), parent, x, y]), ["f: x → y → x"]);
    let root = [("lib.rs", "mod a; mod b; pub use b::G;"), ("a.rs", "fn f() { crate::G; }"), ("b.rs", "")];
    assert_eq!(crate_of(&root), ["a reaches crate::G through the crate root"]);
}
