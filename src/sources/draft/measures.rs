//! Measures proposed from one document's numbered items, pure over its [`Extracted`] text.
//!
//! An item is a paragraph (or, in a numbered list written as lines of one paragraph, a line)
//! that starts with a marker:
//!
//! - a named one: `Mesure 12 :`, `Mesure n° 12 –`, `Proposition 3.`, `Action 2 -`,
//!   `Recommandation 4)` (any case);
//! - a number: `1)`, `1.`; a Roman numeral: `I.`, `IV)`; a letter: `a)`.
//!
//! The measures are the items of the highest kind the document has, in this order: named,
//! numbers, Roman numerals, letters. Above them, a heading opens a pillar: a Markdown heading
//! (`## …`), a paragraph opened by `Pilier`, `Axe`, `Partie`, `Chapitre` or `Titre` and a
//! number, or a short item of a higher kind (a Roman numeral above numbered measures, a number
//! above named ones). Measures before any heading go into a pillar titled after the document.
//! Items of a lower kind (`a)` under `1)`) are left to the measure they detail.
//!
//! Each measure's title is its first sentence, shortened to about [`TITLE_LENGTH`] characters
//! at a word boundary; its summary the rest of the item; its one citation the item verbatim
//! (white space normalised, so it verifies by construction), at the paragraph's place.
//!
//! Word processors' automatic numbering is not in the text a DOCX or an ODT gives, nor an HTML
//! `<ol>`'s: only numbers written in the text are seen.

use crate::model::{Citation, Measure, MeasureId, Pillar, PillarId, SourceId};
use crate::sources::Extracted;

/// About how long a proposed measure's title may be, in characters.
pub const TITLE_LENGTH: usize = 100;

/// The pillars and measures proposed from one document.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Proposed {
    /// The pillars, each holding at least one measure, in the document's order.
    pub pillars: Vec<Pillar>,
    /// The measures, in the document's order.
    pub measures: Vec<Measure>,
}

/// The kinds of item marker, in the order the measures are chosen from (see [`Kind::level`]
/// for the outline).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
enum Kind {
    /// `Pilier 2`, a Markdown heading: always a heading.
    Heading,
    /// `Mesure 12 :`.
    Named,
    /// `1)`, `1.`.
    Number,
    /// `IV.`.
    Roman,
    /// `a)`.
    Letter,
}

impl Kind {
    /// Where the kind sits in a document's outline, from the top: Roman numerals above numbers,
    /// numbers above named items, letters below all.
    fn level(self) -> u8 {
        match self {
            Self::Heading => 0,
            Self::Roman => 1,
            Self::Number => 2,
            Self::Named => 3,
            Self::Letter => 4,
        }
    }
}

/// One item or heading of the text.
struct Unit {
    kind: Kind,
    /// The number the marker gives, if any.
    number: Option<u32>,
    /// The text after the marker, white space normalised.
    rest: String,
    /// The whole item, white space normalised: the citation's excerpt.
    text: String,
    /// The paragraph it is in.
    paragraph: usize,
}

/// The measures `text`, the source text of the document `source` titled `title`, proposes.
#[must_use]
pub fn propose(text: &Extracted, source: &SourceId, title: &str) -> Proposed {
    let units = units(text);
    let Some(measure_kind) = units
        .iter()
        .map(|u| u.kind)
        .filter(|k| *k != Kind::Heading)
        .min()
    else {
        return Proposed::default();
    };
    let mut numbers: Vec<u32> = units
        .iter()
        .filter(|u| u.kind == measure_kind)
        .filter_map(|u| u.number)
        .collect();
    let count = units.iter().filter(|u| u.kind == measure_kind).count();
    numbers.sort_unstable();
    numbers.dedup();
    // `Mesure 12` becomes `m12` when every measure has its own number; else `m1`, `m2`… in order.
    let own_numbers = measure_kind == Kind::Named && numbers.len() == count;

    let mut out = Proposed::default();
    let mut heading: Option<&str> = None;
    // Whether the current heading (or the start) has its pillar yet, and whether that pillar is
    // the one titled after the document.
    let mut open = false;
    let mut inferred = true;
    for u in &units {
        if u.kind == Kind::Heading
            || (u.kind.level() < measure_kind.level() && u.text.split_whitespace().count() <= 20)
        {
            heading = Some(&u.text);
            open = false;
            continue;
        }
        if u.kind != measure_kind {
            continue;
        }
        if !open {
            inferred = heading.is_none();
            out.pillars.push(Pillar {
                id: PillarId::from(format!("p{}", out.pillars.len() + 1).as_str()),
                title: heading.unwrap_or(title).to_owned(),
                description: String::new(),
            });
            open = true;
        }
        let n = out.measures.len() + 1;
        let id = match (own_numbers, u.number) {
            (true, Some(number)) => format!("m{number}"),
            _ => format!("m{n}"),
        };
        let (title, summary) = title_and_summary(&u.rest);
        out.measures.push(Measure {
            id: MeasureId::from(id.as_str()),
            pillar: out
                .pillars
                .last()
                .map_or_else(|| "p1".into(), |p| p.id.clone()),
            pillar_inferred: inferred,
            title: if title.is_empty() {
                shorten(&u.text)
            } else {
                title
            },
            summary,
            figures: Vec::new(),
            citations: vec![Citation {
                source: source.clone(),
                excerpt: u.text.clone(),
                location: Some(text.place(u.paragraph).to_string()),
            }],
        });
    }
    out
}

/// The items and headings of `text`: each paragraph is one, unless two or more of its lines
/// start with a marker (a numbered list written line by line), when each such line opens one.
fn units(text: &Extracted) -> Vec<Unit> {
    let mut out = Vec::new();
    for (i, p) in text.paragraphs.iter().enumerate() {
        let lines: Vec<&str> = p.text.lines().collect();
        let marked = lines.iter().filter(|l| marker(l).is_some()).count();
        if lines.len() > 1 && marked >= 2 {
            let mut current: Option<(String, usize)> = None;
            let mut flush = |current: &mut Option<(String, usize)>| {
                if let Some((t, _)) = current.take()
                    && let Some(u) = unit(&t, i)
                {
                    out.push(u);
                }
            };
            for line in lines {
                if marker(line).is_some() {
                    flush(&mut current);
                    current = Some((line.to_owned(), i));
                } else if let Some((t, _)) = current.as_mut() {
                    t.push(' ');
                    t.push_str(line);
                }
            }
            flush(&mut current);
        } else if let Some(u) = unit(&p.text, i) {
            out.push(u);
        }
    }
    out
}

fn unit(text: &str, paragraph: usize) -> Option<Unit> {
    let text = super::meta::normalise(text);
    let (kind, number, rest) = marker(&text)?;
    let rest = rest.to_owned();
    let text = if kind == Kind::Heading && text.starts_with('#') {
        text.trim_start_matches('#').trim().to_owned()
    } else {
        text.clone()
    };
    Some(Unit {
        kind,
        number,
        rest,
        text,
        paragraph,
    })
}

/// The marker `line` starts with: its kind, number and the text after it.
fn marker(line: &str) -> Option<(Kind, Option<u32>, &str)> {
    let line = line.trim_start();
    if let Some(rest) = line.strip_prefix('#') {
        let rest = rest.trim_start_matches('#');
        return rest
            .starts_with(' ')
            .then(|| (Kind::Heading, None, rest.trim()));
    }
    let (word, after) = split_word(line);
    let lower = word.to_lowercase();
    let named = [
        "mesure",
        "proposition",
        "action",
        "recommandation",
        "engagement",
    ];
    let headings = ["pilier", "axe", "partie", "chapitre", "titre"];
    if named.contains(&lower.as_str()) || headings.contains(&lower.as_str()) {
        let after = after.trim_start();
        let after = ["n°", "nº", "no", "n °"]
            .iter()
            .find_map(|p| after.strip_prefix(p))
            .unwrap_or(after)
            .trim_start();
        let (number, rest) = leading(after, |c| c.is_ascii_digit())?;
        let n = number.parse().ok();
        let rest = rest.trim_start();
        let rest = match rest.chars().next() {
            Some(':' | '–' | '—' | '-' | '.' | ')') => {
                rest[rest.chars().next()?.len_utf8()..].trim()
            }
            // `Pilier 1 Transformer les métiers`: a heading needs no separator.
            Some(_) if headings.contains(&lower.as_str()) => rest,
            None => "",
            Some(_) => return None,
        };
        let kind = if headings.contains(&lower.as_str()) {
            Kind::Heading
        } else {
            Kind::Named
        };
        return Some((kind, n, rest));
    }
    // `1)`, `1.`, `IV.`, `a)`: the marker, then its punctuation, then a space.
    let end = line.find([')', '.'])?;
    let (mark, punct_rest) = line.split_at(end);
    let punct = punct_rest.chars().next()?;
    let rest = &punct_rest[1..];
    if !rest.starts_with(' ') || rest.trim().is_empty() {
        return None;
    }
    let rest = rest.trim();
    if (1..=3).contains(&mark.len()) && mark.chars().all(|c| c.is_ascii_digit()) {
        return Some((Kind::Number, mark.parse().ok(), rest));
    }
    if let Some(n) = roman(mark) {
        return Some((Kind::Roman, Some(n), rest));
    }
    let mut chars = mark.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_ascii_lowercase()
        && punct == ')'
    {
        return Some((Kind::Letter, Some(u32::from(c) - u32::from('a') + 1), rest));
    }
    None
}

/// The first word of `line` (letters only) and what follows it.
fn split_word(line: &str) -> (&str, &str) {
    let end = line
        .char_indices()
        .find(|(_, c)| !c.is_alphabetic())
        .map_or(line.len(), |(i, _)| i);
    line.split_at(end)
}

/// The longest start of `s` whose characters pass `keep`, when it is not empty, and the rest.
fn leading(s: &str, keep: impl Fn(char) -> bool) -> Option<(&str, &str)> {
    let end = s
        .char_indices()
        .find(|(_, c)| !keep(*c))
        .map_or(s.len(), |(i, _)| i);
    (end > 0).then(|| s.split_at(end))
}

/// The value of an upper-case Roman numeral made of I, V and X, up to XXXIX.
fn roman(s: &str) -> Option<u32> {
    if s.is_empty() || s.len() > 6 || !s.chars().all(|c| matches!(c, 'I' | 'V' | 'X')) {
        return None;
    }
    let value = |c| match c {
        'I' => 1,
        'V' => 5,
        _ => 10,
    };
    let chars: Vec<u32> = s.chars().map(value).collect();
    let mut total = 0;
    for (i, &v) in chars.iter().enumerate() {
        if chars.get(i + 1).is_some_and(|&next| next > v) {
            total -= i64::from(v);
        } else {
            total += i64::from(v);
        }
    }
    let total = u32::try_from(total).ok().filter(|&t| t > 0)?;
    // Only the canonical spelling: `IIII` or `VX` is not a numeral.
    (to_roman(total) == s).then_some(total)
}

fn to_roman(mut n: u32) -> String {
    let mut out = String::new();
    for (v, s) in [(10, "X"), (9, "IX"), (5, "V"), (4, "IV"), (1, "I")] {
        while n >= v {
            out.push_str(s);
            n -= v;
        }
    }
    out
}

/// The first sentence of `text` as a title (shortened), and the rest as a summary.
fn title_and_summary(text: &str) -> (String, String) {
    let mut end = None;
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    for (k, &(i, c)) in chars.iter().enumerate() {
        if matches!(c, '.' | '!' | '?' | ';') && chars.get(k + 1).is_none_or(|&(_, n)| n == ' ') {
            // Not after a lone capital (`M. Dupont`) nor between digits.
            let before = text[..i]
                .chars()
                .rev()
                .take_while(|c| c.is_alphanumeric())
                .count();
            let initial = before == 1
                && text[..i]
                    .chars()
                    .next_back()
                    .is_some_and(char::is_uppercase);
            if !initial {
                end = Some(i + c.len_utf8());
                break;
            }
        }
    }
    let (first, rest) = match end {
        Some(e) => (&text[..e], text[e..].trim()),
        None => (text, ""),
    };
    let first = first.trim_end_matches(['.', ';']).trim();
    (shorten(first), rest.to_owned())
}

/// `text`, cut at the last word boundary before [`TITLE_LENGTH`] characters with `…` when it is
/// longer.
pub(super) fn shorten(text: &str) -> String {
    if text.chars().count() <= TITLE_LENGTH {
        return text.to_owned();
    }
    let cut = text
        .char_indices()
        .nth(TITLE_LENGTH)
        .map_or(text.len(), |(i, _)| i);
    let head = &text[..cut];
    let head = match head.rfind(' ') {
        Some(space) if space > TITLE_LENGTH / 2 => &head[..space],
        _ => head,
    };
    format!("{}…", head.trim_end_matches([',', ';', ':', ' ']))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn text(paragraphs: &[&str]) -> Extracted {
        Extracted::from_blocks(paragraphs.iter().map(|p| (*p, None)))
    }

    fn ids_titles(p: &Proposed) -> Vec<(String, String, String)> {
        p.measures
            .iter()
            .map(|m| (m.id.to_string(), m.pillar.to_string(), m.title.clone()))
            .collect()
    }

    #[test]
    fn named_items_become_measures_with_their_numbers_and_verbatim_citations() {
        let doc = text(&[
            "Conclusions du Ségur de la santé",
            "Mesure 1 : Revaloriser les métiers des établissements de santé. 7,6 milliards d'euros par an.",
            "Un paragraphe qui explique.",
            "Mesure 2 – Créer  15 000 postes\nà l'hôpital",
            "mesure n° 3. Simplifier.",
        ]);
        let p = propose(&doc, &"segur".into(), "Conclusions");
        assert_eq!(
            ids_titles(&p),
            [
                (
                    "m1".into(),
                    "p1".into(),
                    "Revaloriser les métiers des établissements de santé".into()
                ),
                (
                    "m2".into(),
                    "p1".into(),
                    "Créer 15 000 postes à l'hôpital".into()
                ),
                ("m3".into(), "p1".into(), "Simplifier".into()),
            ]
        );
        assert_eq!(p.measures[0].summary, "7,6 milliards d'euros par an.");
        assert_eq!(p.measures[1].summary, "");
        let c = &p.measures[1].citations[0];
        assert_eq!(c.excerpt, "Mesure 2 – Créer 15 000 postes à l'hôpital");
        assert_eq!(c.location.as_deref(), Some("§ 4"));
        assert_eq!(c.source.as_str(), "segur");
        assert_eq!(p.pillars.len(), 1);
        assert_eq!(p.pillars[0].title, "Conclusions");
        assert!(p.measures.iter().all(|m| m.pillar_inferred));
    }

    #[test]
    fn numbered_items_with_letters_under_them_and_a_page_place() {
        let mut doc = Extracted::from_blocks([
            ("Nos propositions", Some(1)),
            (
                "1) Associer le médico-social à la réforme dès sa conception.",
                Some(1),
            ),
            ("a) dans les ARS ;", Some(1)),
            ("b) dans les GHT.", Some(2)),
            (
                "2) Revaloriser tous les professionnels, sans exception, du sanitaire au social et au médico-social, dans le public comme dans le privé non lucratif, dès 2020.",
                Some(2),
            ),
        ]);
        doc.pages = Some(2);
        let p = propose(&doc, &"uniopss".into(), "Contribution");
        assert_eq!(p.measures.len(), 2, "letters detail the numbered items");
        assert_eq!(p.measures[1].id.as_str(), "m2");
        assert!(
            p.measures[1].title.ends_with('…'),
            "{}",
            p.measures[1].title
        );
        assert!(p.measures[1].title.chars().count() <= TITLE_LENGTH + 1);
        assert!(
            p.measures[1].citations[0]
                .excerpt
                .starts_with("2) Revaloriser")
        );
        assert_eq!(p.measures[1].citations[0].location.as_deref(), Some("p. 2"));
    }

    #[test]
    fn a_numbered_list_in_one_paragraph_gives_one_measure_per_line() {
        let doc = text(&[
            "Le plan :\n1. Investir 19 milliards\n   sur dix ans.\n2. Recruter.\n3. Ouvrir des lits",
        ]);
        let p = propose(&doc, &"plan".into(), "Plan");
        let excerpts: Vec<&str> = p
            .measures
            .iter()
            .map(|m| m.citations[0].excerpt.as_str())
            .collect();
        assert_eq!(
            excerpts,
            [
                "1. Investir 19 milliards sur dix ans.",
                "2. Recruter.",
                "3. Ouvrir des lits"
            ]
        );
        assert!(
            p.measures
                .iter()
                .all(|m| m.citations[0].location.as_deref() == Some("§ 1"))
        );
        assert_eq!(p.measures[0].title, "Investir 19 milliards sur dix ans");
    }

    #[test]
    fn headings_above_the_items_give_the_pillars() {
        let doc = text(&[
            "# Conclusions",
            "## Pilier 1 : Transformer les métiers",
            "Mesure 1 : Revaloriser.",
            "Mesure 2 : Former.",
            "Pilier 2 – Investir",
            "Mesure 3 : Investir.",
            "Partie 3 : sans mesure",
        ]);
        let p = propose(&doc, &"c".into(), "Doc");
        let pillars: Vec<(&str, &str)> = p
            .pillars
            .iter()
            .map(|x| (x.id.as_str(), x.title.as_str()))
            .collect();
        assert_eq!(
            pillars,
            [
                ("p1", "Pilier 1 : Transformer les métiers"),
                ("p2", "Pilier 2 – Investir")
            ]
        );
        assert_eq!(
            ids_titles(&p)
                .iter()
                .map(|(m, p, _)| format!("{m}:{p}"))
                .collect::<Vec<_>>(),
            ["m1:p1", "m2:p1", "m3:p2"]
        );
        assert!(p.measures.iter().all(|m| !m.pillar_inferred));

        let roman = text(&[
            "1. Avant tout titre.",
            "I. Premier axe",
            "1. Une mesure.",
            "II. Second axe",
            "1. Une autre.",
            "2. Et une troisième.",
        ]);
        let p = propose(&roman, &"r".into(), "Document");
        let pillars: Vec<&str> = p.pillars.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(pillars, ["Document", "I. Premier axe", "II. Second axe"]);
        assert_eq!(p.measures.len(), 4);
        assert!(p.measures[0].pillar_inferred && !p.measures[1].pillar_inferred);
        let ids: Vec<&str> = p.measures.iter().map(|m| m.id.as_str()).collect();
        assert_eq!(
            ids,
            ["m1", "m2", "m3", "m4"],
            "numbers that repeat: ids in order"
        );
    }

    #[test]
    fn text_without_items_proposes_nothing_and_markers_need_a_space() {
        let doc = text(&[
            "Un texte.",
            "2020. Une année",
            "1.5 milliard",
            "M. Dupont a parlé",
            "VX) non",
        ]);
        assert_eq!(propose(&doc, &"t".into(), "T"), Proposed::default());
        assert_eq!(roman("XIV"), Some(14));
        assert_eq!(roman("IIII"), None);
    }
}
