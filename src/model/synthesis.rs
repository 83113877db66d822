//! The analyst's written readings: one for the dossier, one per stakeholder, one per measure.
//! An empty text is no synthesis: it is neither kept nor written.

use crate::model::ids::{MeasureId, StakeholderId};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

/// Which synthesis: the dossier's, a stakeholder's or a measure's.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
pub enum SynthesisOf {
    /// The whole dossier's.
    Dossier,
    /// A stakeholder's overall reading of the reform.
    Stakeholder(StakeholderId),
    /// What the stakeholders' positions on a measure add up to.
    Measure(MeasureId),
}

/// Every synthesis of a session. Texts are never empty: setting one empty removes it.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize)]
#[serde(rename = "syntheses")]
pub struct Syntheses {
    #[serde(skip_serializing_if = "String::is_empty")]
    dossier: String,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    stakeholders: BTreeMap<StakeholderId, String>,
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    measures: BTreeMap<MeasureId, String>,
}

impl Syntheses {
    /// The dossier's synthesis, if written.
    #[must_use]
    pub fn dossier(&self) -> Option<&str> {
        Some(self.dossier.as_str()).filter(|t| !t.is_empty())
    }

    /// The synthesis of a stakeholder, if written.
    #[must_use]
    pub fn stakeholder(&self, id: &StakeholderId) -> Option<&str> {
        self.stakeholders.get(id).map(String::as_str)
    }

    /// The synthesis of a measure, if written.
    #[must_use]
    pub fn measure(&self, id: &MeasureId) -> Option<&str> {
        self.measures.get(id).map(String::as_str)
    }

    /// The synthesis `of`, if written.
    #[must_use]
    pub fn get(&self, of: &SynthesisOf) -> Option<&str> {
        match of {
            SynthesisOf::Dossier => self.dossier(),
            SynthesisOf::Stakeholder(id) => self.stakeholder(id),
            SynthesisOf::Measure(id) => self.measure(id),
        }
    }

    /// Replace the synthesis `of`; empty removes it.
    pub fn set(&mut self, of: SynthesisOf, text: String) {
        match of {
            SynthesisOf::Dossier => self.set_dossier(text),
            SynthesisOf::Stakeholder(id) => self.set_stakeholder(id, text),
            SynthesisOf::Measure(id) => self.set_measure(id, text),
        }
    }

    /// Replace the dossier's synthesis; empty removes it.
    pub fn set_dossier(&mut self, text: String) {
        self.dossier = text;
    }

    /// Replace a stakeholder's synthesis; empty removes it.
    pub fn set_stakeholder(&mut self, id: StakeholderId, text: String) {
        put(&mut self.stakeholders, id, text);
    }

    /// Replace a measure's synthesis; empty removes it.
    pub fn set_measure(&mut self, id: MeasureId, text: String) {
        put(&mut self.measures, id, text);
    }

    /// The stakeholders' syntheses, in id order.
    pub fn of_stakeholders(&self) -> impl Iterator<Item = (&StakeholderId, &str)> {
        self.stakeholders.iter().map(|(id, t)| (id, t.as_str()))
    }

    /// The measures' syntheses, in id order.
    pub fn of_measures(&self) -> impl Iterator<Item = (&MeasureId, &str)> {
        self.measures.iter().map(|(id, t)| (id, t.as_str()))
    }

    /// How many syntheses are written, the dossier's included.
    #[must_use]
    pub fn count(&self) -> usize {
        usize::from(!self.dossier.is_empty()) + self.stakeholders.len() + self.measures.len()
    }

    /// Whether no synthesis is written.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.count() == 0
    }
}

fn put<K: Ord>(map: &mut BTreeMap<K, String>, id: K, text: String) {
    if text.is_empty() {
        map.remove(&id);
    } else {
        map.insert(id, text);
    }
}

/// Read with every part optional, and empty texts dropped (they mean no synthesis).
impl<'de> Deserialize<'de> for Syntheses {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        #[derive(Deserialize)]
        #[serde(rename = "syntheses", default, deny_unknown_fields)]
        #[derive(Default)]
        struct Shape {
            dossier: String,
            stakeholders: BTreeMap<StakeholderId, String>,
            measures: BTreeMap<MeasureId, String>,
        }
        let mut s = Shape::deserialize(d)?;
        s.stakeholders.retain(|_, t| !t.is_empty());
        s.measures.retain(|_, t| !t.is_empty());
        Ok(Syntheses {
            dossier: s.dossier,
            stakeholders: s.stakeholders,
            measures: s.measures,
        })
    }
}

#[cfg(test)]
mod edit_tests {
    use super::*;
    use crate::model::{Action, History, fixture};

    #[test]
    fn typing_a_synthesis_is_one_undo_step_and_an_empty_one_is_gone() {
        let mut s = fixture::session();
        let mut h = History::default();
        let of = SynthesisOf::Stakeholder(s.dossier.stakeholders[0].id.clone());
        for text in ["Une", "Une lecture", "Une lecture d’ensemble."] {
            let edit = Action::EditSynthesis {
                of: of.clone(),
                text: text.to_owned(),
            };
            assert_eq!(h.apply(&mut s, edit, "2026-01-02T10:00:00Z"), Ok(true));
        }
        assert_eq!(s.syntheses.get(&of), Some("Une lecture d’ensemble."));
        h.undo(&mut s);
        assert_eq!(s.syntheses.get(&of), None, "one step");
        h.redo(&mut s);
        h.seal();
        let clear = Action::EditSynthesis {
            of: of.clone(),
            text: String::new(),
        };
        assert_eq!(h.apply(&mut s, clear, "2026-01-02T10:00:00Z"), Ok(true));
        assert!(s.syntheses.is_empty());
    }
}
