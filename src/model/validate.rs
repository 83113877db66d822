//! Consistency checks of a dossier: unique ids, references that resolve (a source's stakeholder
//! too), every pillar used, no empty quote. All problems are collected, each naming the item, so an author fixes them in one
//! pass.

use crate::model::dossier::{Citation, Dossier, Figure};
use std::collections::BTreeSet;
use std::fmt;

/// One problem found in a dossier, naming the item at fault.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Problem {
    /// What sort of item: `source`, `pillar`, `measure`, `stakeholder`, `position`.
    pub kind: &'static str,
    /// The item's id.
    pub id: String,
    /// What is wrong with it.
    pub message: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} \"{}\" {}", self.kind, self.id, self.message)
    }
}

impl Dossier {
    /// Every consistency problem of the dossier; empty when it is sound.
    #[must_use]
    pub fn validate(&self) -> Vec<Problem> {
        let mut problems = Vec::new();
        let mut report = |kind: &'static str, id: &str, message: String| {
            problems.push(Problem {
                kind,
                id: id.to_owned(),
                message,
            });
        };

        let sources = unique_ids(
            "source",
            self.sources.iter().map(|s| s.id.as_str()),
            &mut report,
        );
        let pillars = unique_ids(
            "pillar",
            self.pillars.iter().map(|p| p.id.as_str()),
            &mut report,
        );
        let measures = unique_ids(
            "measure",
            self.measures.iter().map(|m| m.id.as_str()),
            &mut report,
        );
        let stakeholders = unique_ids(
            "stakeholder",
            self.stakeholders.iter().map(|s| s.id.as_str()),
            &mut report,
        );
        unique_ids(
            "position",
            self.positions.iter().map(|p| p.id.as_str()),
            &mut report,
        );

        for s in &self.sources {
            if let Some(owner) = &s.stakeholder
                && !stakeholders.contains(owner.as_str())
            {
                report(
                    "source",
                    s.id.as_str(),
                    format!("is the document of unknown stakeholder \"{owner}\""),
                );
            }
        }

        let check_citation =
            |kind: &'static str,
             id: &str,
             c: &Citation,
             report: &mut dyn FnMut(&'static str, &str, String)| {
                if !sources.contains(c.source.as_str()) {
                    report(kind, id, format!("cites unknown source \"{}\"", c.source));
                }
                if c.excerpt.trim().is_empty() {
                    report(kind, id, "has an empty excerpt".to_owned());
                }
            };

        for m in &self.measures {
            let id = m.id.as_str();
            if !pillars.contains(m.pillar.as_str()) {
                report(
                    "measure",
                    id,
                    format!("belongs to unknown pillar \"{}\"", m.pillar),
                );
            }
            if m.title.trim().is_empty() {
                report("measure", id, "has no title".to_owned());
            }
            if m.citations.is_empty() {
                report("measure", id, "has no citation".to_owned());
            }
            for c in &m.citations {
                check_citation("measure", id, c, &mut report);
            }
            for f in &m.figures {
                if let Figure::Amount { label, value, .. } | Figure::Quantity { label, value, .. } =
                    f
                    && !value.is_finite()
                {
                    report(
                        "measure",
                        id,
                        format!("has a figure \"{label}\" whose value {value} is not a number"),
                    );
                }
            }
        }
        // A pillar without measures is not a problem: it is how a dossier is built in the
        // editor (the pillar first, then its measures), and the grid shows it as an empty
        // heading.
        for p in &self.positions {
            let id = p.id.as_str();
            if !stakeholders.contains(p.stakeholder.as_str()) {
                report(
                    "position",
                    id,
                    format!("belongs to unknown stakeholder \"{}\"", p.stakeholder),
                );
            }
            check_citation("position", id, &p.citation, &mut report);
            for m in &p.measures {
                if !measures.contains(m.as_str()) {
                    report("position", id, format!("speaks to unknown measure \"{m}\""));
                }
            }
        }
        problems
    }
}

/// The set of ids, reporting each one that appears twice or is blank.
fn unique_ids<'a>(
    kind: &'static str,
    ids: impl Iterator<Item = &'a str>,
    report: &mut impl FnMut(&'static str, &str, String),
) -> BTreeSet<&'a str> {
    let mut seen = BTreeSet::new();
    for id in ids {
        if id.trim().is_empty() {
            report(kind, id, "has a blank id".to_owned());
        } else if !seen.insert(id) {
            report(kind, id, "is defined more than once".to_owned());
        }
    }
    seen
}

#[cfg(test)]
mod tests {
    use crate::model::Figure;

    #[test]
    fn a_source_of_an_unknown_stakeholder_is_a_problem_naming_the_source() {
        let mut dossier = crate::model::fixture::dossier();
        dossier.sources[0].stakeholder = Some(dossier.stakeholders[0].id.clone());
        assert_eq!(dossier.validate(), vec![]);
        dossier.sources[0].stakeholder = Some("personne".into());
        let problems: Vec<String> = dossier.validate().iter().map(ToString::to_string).collect();
        assert_eq!(
            problems,
            [format!(
                "source \"{}\" is the document of unknown stakeholder \"personne\"",
                dossier.sources[0].id
            )]
        );
    }

    #[test]
    fn a_figure_that_is_not_a_finite_number_is_a_problem() {
        let mut dossier = crate::model::fixture::dossier();
        assert_eq!(dossier.validate(), vec![]);
        dossier.measures[0].figures = vec![Figure::Amount {
            label: "enveloppe".into(),
            value: f64::INFINITY,
            unit: "Md€".into(),
        }];
        let problems = dossier.validate();
        assert_eq!(problems.len(), 1, "{problems:?}");
        assert!(
            problems[0].message.contains("\"enveloppe\"")
                && problems[0].message.contains("not a number"),
            "{}",
            problems[0]
        );
    }
}
