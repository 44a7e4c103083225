//! Rust source as tokens, enough to follow `use`s and paths (for `no_cycles.rs`).

/// Code as tokens: identifiers (and numbers), `::`, and single punctuation characters.
/// Comments, strings and character literals are dropped, so that words in them are not
/// taken for paths.
pub fn tokens(src: &str) -> Vec<String> {
    let c: Vec<char> = src.chars().collect();
    let (mut out, mut i) = (Vec::new(), 0);
    let at = |i: usize| c.get(i).copied().unwrap_or('\0');
    while i < c.len() {
        let ch = c[i];
        if ch == '/' && at(i + 1) == '/' {
            while i < c.len() && c[i] != '\n' {
                i += 1;
            }
        } else if ch == '/' && at(i + 1) == '*' {
            let (mut depth, mut j) = (1, i + 2);
            while j < c.len() && depth > 0 {
                match (c[j], at(j + 1)) {
                    ('/', '*') => (depth, j) = (depth + 1, j + 2),
                    ('*', '/') => (depth, j) = (depth - 1, j + 2),
                    _ => j += 1,
                }
            }
            i = j;
        } else if ch == '"' {
            i += 1;
            while i < c.len() && c[i] != '"' {
                i += if c[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
        } else if ch == '\'' {
            // A character literal ('x', '\n', '{'), else a lifetime's quote.
            if at(i + 1) == '\\' {
                i += 2;
                while i < c.len() && c[i] != '\'' {
                    i += 1;
                }
                i += 1;
            } else if at(i + 2) == '\'' {
                i += 3;
            } else {
                i += 1;
            }
        } else if ch.is_alphanumeric() || ch == '_' {
            let start = i;
            while i < c.len() && (c[i].is_alphanumeric() || c[i] == '_') {
                i += 1;
            }
            let word: String = c[start..i].iter().collect();
            let hashes = c[i..].iter().take_while(|&&h| h == '#').count();
            if matches!(word.as_str(), "r" | "br") && at(i + hashes) == '"' {
                // A raw string: ends at `"` and as many `#`s.
                let close: String = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                let rest: String = c[i + hashes + 1..].iter().collect();
                i += hashes
                    + 1
                    + rest.find(&close).map_or(rest.chars().count(), |b| rest[..b].chars().count());
                i += close.chars().count();
            } else if word == "b" && matches!(at(i), '"' | '\'') {
                // A byte string or byte: read as a string or character next round.
            } else {
                out.push(word);
            }
        } else if ch == ':' && at(i + 1) == ':' {
            out.push("::".into());
            i += 2;
        } else {
            if !ch.is_whitespace() {
                out.push(ch.to_string());
            }
            i += 1;
        }
    }
    out
}

/// `tokens` without the items marked `#[cfg(test)]`.
pub fn without_tests(t: Vec<String>) -> Vec<String> {
    const MARK: [&str; 7] = ["#", "[", "cfg", "(", "test", ")", "]"];
    let (mut out, mut i) = (Vec::new(), 0);
    while i < t.len() {
        if t[i..].len() < MARK.len() || t[i..i + MARK.len()] != MARK {
            out.push(t[i].clone());
            i += 1;
            continue;
        }
        // Skip the mark, the attributes after it, then the item up to its `;` or its body's `}`.
        i += MARK.len();
        let mut depth = 0;
        while i < t.len() {
            let tok = t[i].as_str();
            i += 1;
            match tok {
                "[" | "(" | "{" => depth += 1,
                "]" | ")" => depth -= 1,
                "}" => {
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                }
                ";" if depth == 0 => break,
                _ => {}
            }
        }
    }
    out
}

pub fn is_ident(tok: &str) -> bool {
    tok.chars().next().is_some_and(|c| c.is_alphabetic() || c == '_')
}

/// Every path a `use` tree starting at `t[*i]` names, each with the name it brings in
/// (`None` for a glob); `*i` ends past its `;`.
pub fn use_tree(
    t: &[String],
    i: &mut usize,
    prefix: Vec<String>,
    out: &mut Vec<(Vec<String>, Option<String>)>,
) {
    let mut path = prefix;
    loop {
        match t.get(*i).map(String::as_str) {
            Some("{") => {
                *i += 1;
                while !matches!(t.get(*i).map(String::as_str), Some("}") | None) {
                    use_tree(t, i, path.clone(), out);
                    if t.get(*i).map(String::as_str) == Some(",") {
                        *i += 1;
                    }
                }
                *i += 1;
                return;
            }
            Some("*") => {
                *i += 1;
                out.push((path, None));
                return;
            }
            Some(word) if is_ident(word) => {
                *i += 1;
                if word == "self" && !path.is_empty() && t.get(*i).map(String::as_str) != Some("::") {
                    let name = path.last().cloned();
                    out.push((path, name));
                    return;
                }
                path.push(word.to_owned());
                if t.get(*i).map(String::as_str) == Some("::") {
                    *i += 1;
                    continue;
                }
                let mut name = Some(word.to_owned());
                if t.get(*i).map(String::as_str) == Some("as") {
                    name = t.get(*i + 1).cloned();
                    *i += 2;
                }
                out.push((path, name));
                return;
            }
            _ => return,
        }
    }
}
