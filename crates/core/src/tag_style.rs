//! Each tag's look as CSS, for the page and for the HTML report from one description: its
//! colour, its underline style (a cue that does not rely on colour), and its tint, the
//! colour mixed into the paper once here rather than by `color-mix()` in every highlight
//! (which cost about 4 ms per edit on a book). Keys are slugs and colours `#rrggbb`, both
//! checked on the way in, so neither can break out of the style sheet.

use crate::tagset::TagSet;

/// How many tags get their own band when they cover text under another tag.
const BANDS: usize = 6;
/// The page's background, light and dark (as in the app's `main.css`), and how much tag
/// colour a highlight mixes into it.
const LIGHT: ((u8, u8, u8), f64) = ((0xff, 0xfe, 0xfb), 0.30);
const DARK: ((u8, u8, u8), f64) = ((0x1a, 0x1b, 0x1e), 0.38);

/// Which style sheet to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Sheet {
    /// The app's page: `tag-KEY` and `in-KEY` elements get `--tag`, `--cue` and
    /// `--tag-tint` (light, dark, and the system's choice), an outer tag a band (`--band-N`).
    Page,
    /// The exported HTML report (printed paper: light only): `mark.KEY` gets its light
    /// tint and underline.
    Report,
}

/// `colour` (`#rrggbb`) mixed into `paper` at `share`, as `#rrggbb`.
fn tint(colour: &str, (paper, share): ((u8, u8, u8), f64)) -> String {
    let channel =
        |i: usize| u8::from_str_radix(colour.get(1 + 2 * i..3 + 2 * i).unwrap_or("7f"), 16).unwrap_or(0x7f);
    let mix = |c: u8, p: u8| (f64::from(c) * share + f64::from(p) * (1.0 - share)).round() as u8;
    format!(
        "#{:02x}{:02x}{:02x}",
        mix(channel(0), paper.0),
        mix(channel(1), paper.1),
        mix(channel(2), paper.2)
    )
}

/// The CSS giving every tag of `tags` its look in `sheet`.
pub fn tag_css(tags: &TagSet, sheet: Sheet) -> String {
    let mut css = String::new();
    for (i, d) in tags.tags.iter().enumerate() {
        let (k, c, cue) = (d.key.key(), &d.colour, tags.cue(d.key));
        let light = tint(c, LIGHT);
        match sheet {
            Sheet::Page => {
                let dark = tint(c, DARK);
                css.push_str(&format!(
                    ".tag-{k}, .in-{k} {{ --tag: {c}; --cue: {cue}; --tag-tint: {light}; }}\n"
                ));
                css.push_str(&format!(
                    ":root[data-theme=\"dark\"] :is(.tag-{k}, .in-{k}) {{ --tag-tint: {dark}; }}\n"
                ));
                css.push_str(&format!(
                    "@media (prefers-color-scheme: dark) {{ :root:not([data-theme=\"light\"]) :is(.tag-{k}, .in-{k}) {{ --tag-tint: {dark}; }} }}\n"
                ));
                if i < BANDS {
                    css.push_str(&format!(
                        ".has-{k}:not(.in-{k}) {{ --band-{i}: inset 0 {}px 0 {c}; }}\n",
                        2 * (i % 3 + 1)
                    ));
                }
            }
            Sheet::Report => {
                css.push_str(&format!("mark.{k}{{background:{light};border-bottom:2px {cue} {c}}}"));
            }
        }
    }
    css
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tints_mix_the_colour_into_the_paper() {
        assert_eq!(tint("#000000", ((0xff, 0xff, 0xff), 0.5)), "#808080");
        assert_eq!(tint("#e69f00", LIGHT), "#f8e1b0");
    }

    #[test]
    fn the_page_and_the_report_give_a_tag_the_same_colour_cue_and_tint() {
        let tags = TagSet::default();
        let page = tag_css(&tags, Sheet::Page);
        assert!(
            page.contains(".tag-claim, .in-claim { --tag: #e69f00; --cue: solid; --tag-tint: #f8e1b0; }"),
            "{page}"
        );
        assert!(page.contains(".has-source:not(.in-source) { --band-1: inset 0 4px 0 #0072b2; }"), "{page}");
        let report = tag_css(&tags, Sheet::Report);
        assert!(
            report.contains("mark.claim{background:#f8e1b0;border-bottom:2px solid #e69f00}"),
            "{report}"
        );
        assert!(page.contains(&format!("--tag-tint: {}", tint("#e69f00", DARK))), "and a dark tint");
        assert!(!report.contains("@media"), "the report is printed paper: light only");
        for d in &tags.tags {
            let cue = tags.cue(d.key);
            assert!(
                page.contains(&format!("--cue: {cue}"))
                    && report.contains(&format!("2px {cue} {}", d.colour))
            );
        }
    }
}
