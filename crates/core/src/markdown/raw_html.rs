//! Raw HTML inside Markdown, read for its text only: tags, comments and script or style
//! contents are dropped, never interpreted; character references are decoded.

/// Drops markup from raw HTML, fed a piece at a time (an HTML block comes line by line,
/// and a tag may span lines): tags, comments and the contents of `script` and `style`
/// go; the text between them stays, its entities not yet decoded.
#[derive(Default)]
pub(super) struct HtmlText {
    markup: Option<Markup>,
    /// What has been read of the current tag or comment.
    tag: String,
    /// The quote of an attribute value being read: a `>` inside it does not end the tag.
    quote: Option<char>,
    /// Inside `script` or `style`, until its end tag.
    raw: Option<&'static str>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Markup {
    Tag,
    Comment,
}

impl HtmlText {
    pub(super) fn in_raw(&self) -> bool {
        self.raw.is_some()
    }

    /// The text of `html` that is not markup.
    pub(super) fn feed(&mut self, html: &str) -> String {
        let mut kept = String::new();
        for (i, c) in html.char_indices() {
            match self.markup {
                Some(Markup::Comment) => {
                    self.tag.push(c);
                    if self.tag.ends_with("-->") {
                        self.markup = None;
                        self.tag.clear();
                    }
                }
                Some(Markup::Tag) => match self.quote {
                    Some(q) if c == q => self.quote = None,
                    Some(_) => {}
                    None if c == '"' || c == '\'' => self.quote = Some(c),
                    None if c == '>' => self.close_tag(),
                    None => {
                        self.tag.push(c);
                        if self.tag == "!--" {
                            self.markup = Some(Markup::Comment);
                            self.tag.clear();
                        }
                    }
                },
                None if c == '<' && self.starts_tag(&html[i + 1..]) => {
                    self.markup = Some(Markup::Tag);
                    self.tag.clear();
                }
                None if self.raw.is_none() => kept.push(c),
                None => {}
            }
        }
        kept
    }

    /// Whether a `<` followed by `rest` opens markup. Inside a script only its end tag
    /// does, so that `a<b` in code cannot swallow the `</script>`.
    fn starts_tag(&self, rest: &str) -> bool {
        match self.raw {
            Some(name) => rest
                .strip_prefix('/')
                .and_then(|r| r.get(..name.len()))
                .is_some_and(|r| r.eq_ignore_ascii_case(name)),
            None => rest.starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')),
        }
    }

    fn close_tag(&mut self) {
        let closing = self.tag.starts_with('/');
        let name: String = self
            .tag
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .map(|c| c.to_ascii_lowercase())
            .collect();
        let raw = ["script", "style"].into_iter().find(|&r| r == name);
        match (closing, raw) {
            (false, Some(r)) if !self.tag.ends_with('/') => self.raw = Some(r),
            (true, Some(r)) if self.raw == Some(r) => self.raw = None,
            _ => {}
        }
        self.markup = None;
        self.tag.clear();
    }
}
