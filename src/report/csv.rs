//! The report as CSV: one row per cell of the selection (measure × stakeholder, unassessed cells
//! included), for spreadsheets and scripts. UTF-8 with a byte-order mark so spreadsheet programs
//! detect the encoding. The delimiter follows the language, as spreadsheets set to that language
//! expect when opening a file: `;` in French (where `,` is the decimal mark), `,` in English.
//! Fields a spreadsheet would run as a formula are neutralised with a leading apostrophe. When
//! the report compares analysts' sessions, one column per other analyst comes last, headed
//! `Appréciation (name)` (`Stance (name)`), with that analyst's stance of the cell.

use crate::report::text::{self, T};
use crate::report::{Evidence, Report};
use std::borrow::Cow;

/// The UTF-8 byte-order mark.
pub const BOM: &[u8] = b"\xEF\xBB\xBF";

/// The report as the bytes of a CSV file, byte-order mark first.
#[must_use]
pub fn render(report: &Report) -> Vec<u8> {
    let l = report.lang;
    let mut out = BOM.to_vec();
    {
        let mut w = ::csv::WriterBuilder::new()
            .delimiter(delimiter(l))
            .terminator(::csv::Terminator::CRLF)
            .from_writer(&mut out);
        // With compared sessions, one column per other analyst, last, holding their stance.
        let others: Vec<String> = report
            .agreement
            .iter()
            .flat_map(|a| {
                text::analyst_names(l, &a.statistics.analysts)
                    .into_iter()
                    .skip(1)
            })
            .map(|name| format!("{} ({name})", T::ColStance.get(l)))
            .collect();
        let header = [
            T::ColMeasureId.get(l),
            T::Measure.get(l),
            T::ColPillarId.get(l),
            T::Pillar.get(l),
            T::ColStakeholderId.get(l),
            T::Stakeholder.get(l),
            T::ColStance.get(l),
            T::Note.get(l),
            T::Labels.get(l),
            T::Quotes.get(l),
            T::ColMisattributed.get(l),
            T::Flags.get(l),
        ];
        // Writing to a Vec cannot fail; a failure would only lose the row, never panic.
        let _ = w.write_record(
            header
                .iter()
                .copied()
                .chain(others.iter().map(String::as_str)),
        );
        for p in &report.pillars {
            let pillar = format!("{} — {}", text::pillar(l, p.number), p.title);
            for m in &p.measures {
                for c in &m.cells {
                    let s = report.stakeholder(c.stakeholder);
                    // Another stakeholder's quotes go to the last column, never among the cell's.
                    let mut quotes: Vec<String> = Vec::new();
                    let mut misattributed: Vec<String> = Vec::new();
                    for e in &c.evidence {
                        match e {
                            Evidence::Quote(q) => quotes.push(format!(
                                "{} — {}",
                                text::quoted(l, q.excerpt),
                                text::source(l, q)
                            )),
                            Evidence::Misattributed { quote: q, owner } => {
                                misattributed.push(format!(
                                    "{} {} — {}",
                                    text::colon(l, &text::misattributed(l, owner)),
                                    text::quoted(l, q.excerpt),
                                    text::source(l, q)
                                ));
                            }
                            Evidence::Missing(id) => {
                                quotes.push(format!("{id} ({})", T::MissingPosition.get(l)));
                            }
                        }
                    }
                    let record = [
                        m.measure.id.as_str(),
                        m.measure.title,
                        p.id.as_str(),
                        &pillar,
                        s.id.as_str(),
                        s.name,
                        text::stance_label(l, c.stance),
                        c.note,
                        &c.labels.join("; "),
                        &quotes.join("\n"),
                        &misattributed.join("\n"),
                        &text::flags(l, &c.review),
                    ];
                    let compared = c.compared.iter().map(|j| text::stance_label(l, j.stance));
                    let _ = w.write_record(
                        record
                            .iter()
                            .copied()
                            .chain(compared)
                            .map(|f| neutralise(f).into_owned()),
                    );
                }
            }
        }
        let _ = w.flush();
    }
    out
}

/// The field delimiter for a report in `lang`.
#[must_use]
pub fn delimiter(lang: crate::i18n::Lang) -> u8 {
    lang.pick(";", ",").as_bytes()[0]
}

/// `field` made safe to open in a spreadsheet: when it starts with a character that makes a
/// spreadsheet read a formula (`=`, `+`, `-`, `@`, tab, carriage return), a leading apostrophe
/// makes it text.
#[must_use]
pub fn neutralise(field: &str) -> Cow<'_, str> {
    if field.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        Cow::Owned(format!("'{field}"))
    } else {
        Cow::Borrowed(field)
    }
}

#[cfg(test)]
mod tests {
    use super::neutralise;

    #[test]
    fn formula_starters_get_an_apostrophe_and_other_text_is_untouched() {
        for bad in ["=1+1", "+33 1", "-2", "@SUM(A1)", "\tx", "\rx"] {
            assert_eq!(neutralise(bad), format!("'{bad}"));
        }
        for good in ["Écart", "", "a=b", " =x", "'déjà"] {
            assert_eq!(neutralise(good), good);
        }
    }
}
