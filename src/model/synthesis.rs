//! The analyst's written readings: one for the dossier, one per stakeholder, one per measure.
//! An empty text is no synthesis: it is neither kept nor written.

use crate::model::ids::{MeasureId, StakeholderId};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;

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
