//! The positions a cell cites as evidence: a sorted list without repeats. A list rather than a
//! tree set: a cell cites one to a few positions, and a session holds up to a hundred thousand
//! cells, where a tree node per cell would cost a quarter of a kilobyte each.

use crate::model::ids::PositionId;
use serde::de::{SeqAccess, Visitor};
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;

/// The positions cited by one cell, sorted by id, each once.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash)]
pub struct EvidenceSet(Vec<PositionId>);

impl EvidenceSet {
    /// Add `id`; false when it was already there.
    pub fn insert(&mut self, id: PositionId) -> bool {
        match self.0.binary_search(&id) {
            Ok(_) => false,
            Err(at) => {
                self.0.insert(at, id);
                true
            }
        }
    }

    /// Remove `id`; false when it was not there.
    pub fn remove(&mut self, id: &PositionId) -> bool {
        match self.0.binary_search(id) {
            Ok(at) => {
                self.0.remove(at);
                true
            }
            Err(_) => false,
        }
    }

    /// Whether `id` is cited.
    #[must_use]
    pub fn contains(&self, id: &PositionId) -> bool {
        self.0.binary_search(id).is_ok()
    }

    /// The cited positions, in id order.
    pub fn iter(&self) -> std::slice::Iter<'_, PositionId> {
        self.0.iter()
    }

    /// Whether nothing is cited.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// How many positions are cited.
    #[must_use]
    pub fn len(&self) -> usize {
        self.0.len()
    }
}

impl FromIterator<PositionId> for EvidenceSet {
    fn from_iter<I: IntoIterator<Item = PositionId>>(ids: I) -> Self {
        let mut ids: Vec<PositionId> = ids.into_iter().collect();
        ids.sort_unstable();
        ids.dedup();
        Self(ids)
    }
}

impl<const N: usize> From<[PositionId; N]> for EvidenceSet {
    fn from(ids: [PositionId; N]) -> Self {
        ids.into_iter().collect()
    }
}

impl Extend<PositionId> for EvidenceSet {
    fn extend<I: IntoIterator<Item = PositionId>>(&mut self, ids: I) {
        for id in ids {
            self.insert(id);
        }
    }
}

impl<'a> IntoIterator for &'a EvidenceSet {
    type Item = &'a PositionId;
    type IntoIter = std::slice::Iter<'a, PositionId>;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter()
    }
}

/// Written as a list, like the set it stands for.
impl Serialize for EvidenceSet {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.0.serialize(s)
    }
}

/// Read from a list in any order, with repeats dropped, as a hand-edited file may have them.
impl<'de> Deserialize<'de> for EvidenceSet {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct Ids;
        impl<'de> Visitor<'de> for Ids {
            type Value = EvidenceSet;
            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a list of position ids")
            }
            fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<EvidenceSet, A::Error> {
                // Most cells cite one position: room for one, not the four a growing list
                // starts with (a hundred thousand cells make that a few megabytes).
                let mut ids = Vec::with_capacity(seq.size_hint().unwrap_or(1).min(64));
                while let Some(id) = seq.next_element()? {
                    ids.push(id);
                }
                Ok(ids.into_iter().collect())
            }
        }
        d.deserialize_seq(Ids)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    proptest! {
        /// Any sequence of inserts and removes leaves what a tree set would hold, in its order.
        #[test]
        fn behaves_as_a_sorted_set(ops in proptest::collection::vec((any::<bool>(), 0u8..8), 0..40)) {
            let mut set = EvidenceSet::default();
            let mut model = BTreeSet::new();
            for (add, n) in ops {
                let id = PositionId::from(format!("p{n}").as_str());
                if add {
                    prop_assert_eq!(set.insert(id.clone()), model.insert(id));
                } else {
                    prop_assert_eq!(set.remove(&id), model.remove(&id));
                }
            }
            prop_assert!(set.iter().eq(model.iter()));
            prop_assert_eq!(set.len(), model.len());
            let rebuilt: EvidenceSet = model.iter().rev().cloned().chain(model.iter().cloned()).collect();
            prop_assert_eq!(rebuilt, set);
        }
    }
}
