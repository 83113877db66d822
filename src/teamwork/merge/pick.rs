//! The two rules every part of a merge follows: how one value merges across the sides (with or
//! without a base), and how an ordered list of items with ids merges, its order included.

use std::collections::{BTreeMap, BTreeSet};

/// How one value merged across the sides. `None` stands for "absent" (never there, or removed).
#[derive(Debug, PartialEq)]
pub enum Pick<'a, T: ?Sized> {
    /// Unchanged: as the base has it on every side (without a base: the same in every input).
    Same(Option<&'a T>),
    /// Changed on one side only (without a base: present in that input only): that side's.
    One(usize, Option<&'a T>),
    /// Changed the same way on several sides (without a base: the same in the inputs that have
    /// it, absent from the others).
    Alike(Option<&'a T>),
    /// Changed differently: each distinct version once, with the first side that has it, in
    /// side order (at least two).
    Conflict(Vec<(usize, Option<&'a T>)>),
}

impl<'a, T: ?Sized> Pick<'a, T> {
    /// Whether the sides changed the value differently.
    pub fn is_conflict(&self) -> bool {
        matches!(self, Pick::Conflict(_))
    }

    /// The version the merge takes, or `first` in a conflict (the first side's, as a rule).
    pub fn or_first(&self, first: Option<&'a T>) -> Option<&'a T> {
        match self {
            Pick::Same(v) | Pick::One(_, v) | Pick::Alike(v) => *v,
            Pick::Conflict(_) => first,
        }
    }
}

/// The base of a value: a three-way merge's version of it (absent or not), or no base at all.
#[derive(Debug)]
pub enum Base<'a, T: ?Sized> {
    /// A merge without a base: an absent value is no opinion.
    Without,
    /// The base's version (`None`: the base has no such value).
    With(Option<&'a T>),
}

impl<T: ?Sized> Clone for Base<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: ?Sized> Copy for Base<'_, T> {}

impl<'a, T: ?Sized> Base<'a, T> {
    /// The base's version, if there is a base and it has one.
    pub fn version(self) -> Option<&'a T> {
        match self {
            Base::Without => None,
            Base::With(v) => v,
        }
    }
}

/// Each distinct version of a value in conflict, with the first side that has it.
pub type Versions<T> = Vec<(usize, Option<T>)>;

fn same_opt<T: ?Sized>(a: Option<&T>, b: Option<&T>, same: &impl Fn(&T, &T) -> bool) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => same(a, b),
        (None, None) => true,
        _ => false,
    }
}

/// Merge one value, three-way from `base` or without one.
pub fn pick<'a, T: ?Sized>(
    base: Base<'a, T>,
    sides: &[Option<&'a T>],
    same: impl Fn(&T, &T) -> bool,
) -> Pick<'a, T> {
    let mut distinct: Vec<(usize, Option<&'a T>)> = Vec::new();
    let mut holders = 0;
    let mut last = 0;
    for (i, &v) in sides.iter().enumerate() {
        let counts = match base {
            Base::With(b) => !same_opt(v, b, &same),
            Base::Without => v.is_some(),
        };
        if !counts {
            continue;
        }
        holders += 1;
        last = i;
        if !distinct.iter().any(|&(_, d)| same_opt(v, d, &same)) {
            distinct.push((i, v));
        }
    }
    match (distinct.len(), base) {
        (0, b) => Pick::Same(b.version()),
        (1, Base::Without) if holders == sides.len() => Pick::Same(distinct[0].1),
        (1, _) if holders == 1 => Pick::One(last, distinct[0].1),
        (1, _) => Pick::Alike(distinct[0].1),
        _ => Pick::Conflict(distinct),
    }
}

/// A list of items with ids (a dossier's measures, the candidates, the dossier conflicts)
/// merged: the items, and what could not be decided.
pub struct Listed<K, T> {
    /// The merged items, in the merged order.
    pub items: Vec<T>,
    /// The items changed differently, each with its distinct versions and the first side that
    /// has each; the list keeps the first side's version (or the first there is, when the first
    /// side removed it: see [`merge_list`]).
    pub conflicts: Vec<(K, Versions<T>)>,
    /// Per side, items taken from that side alone.
    pub from: Vec<usize>,
    /// Items changed the same way on several sides.
    pub alike: usize,
    /// Whether two sides reordered the list differently (the first side's order was kept).
    pub order_kept_first: bool,
}

/// Merge lists of items identified by `key`, each item as [`pick`] merges a value (compared
/// whole). An item in conflict stays in the list as the first side has it; when the first side
/// lacks it, as the first side in conflict that has it — the removal waits for the analyst, since other
/// items may refer to it. An item whose key is in `keep` stays even when merged away (removed
/// on one side, left alone on the other): it is then a conflict between its removal and its
/// other versions, when it has any.
///
/// Order: the items follow the order of the side that reordered the list (the first side when
/// none or several did, `order_kept_first` telling the latter), and an item added on another
/// side comes after the item it follows on that side.
pub fn merge_list<T: Clone + PartialEq, K: Ord + Clone>(
    base: Option<&[T]>,
    sides: &[&[T]],
    key: impl Fn(&T) -> K,
    keep: &BTreeSet<K>,
) -> Listed<K, T> {
    let index = |list: &[T]| -> BTreeMap<K, usize> {
        list.iter().enumerate().map(|(i, t)| (key(t), i)).collect()
    };
    let base_index = base.map(index);
    let side_index: Vec<BTreeMap<K, usize>> = sides.iter().map(|s| index(s)).collect();
    let mut keys: BTreeSet<&K> = side_index.iter().flat_map(BTreeMap::keys).collect();
    if let Some(b) = &base_index {
        keys.extend(b.keys());
    }
    let mut out = Listed {
        items: Vec::new(),
        conflicts: Vec::new(),
        from: vec![0; sides.len()],
        alike: 0,
        order_kept_first: false,
    };
    let mut merged: BTreeMap<K, T> = BTreeMap::new();
    for k in keys {
        fn version<'l, T, K: Ord>(list: &'l [T], at: &BTreeMap<K, usize>, k: &K) -> Option<&'l T> {
            at.get(k).map(|&i| &list[i])
        }
        let b = base
            .zip(base_index.as_ref())
            .map_or(Base::Without, |(l, at)| Base::With(version(l, at, k)));
        let vs: Vec<Option<&T>> = sides
            .iter()
            .zip(&side_index)
            .map(|(l, at)| version(l, at, k))
            .collect();
        let mut p = pick(b, &vs, |x: &T, y: &T| x == y);
        if !p.is_conflict() && p.or_first(None).is_none() && keep.contains(k) {
            let mut distinct: Vec<(usize, Option<&T>)> = Vec::new();
            for (i, &v) in vs.iter().enumerate() {
                if !distinct.iter().any(|&(_, d)| d == v) {
                    distinct.push((i, v));
                }
            }
            if distinct.len() >= 2 {
                p = Pick::Conflict(distinct);
            }
        }
        let kept = match &p {
            Pick::Same(v) => *v,
            Pick::One(i, v) => {
                out.from[*i] += 1;
                *v
            }
            Pick::Alike(v) => {
                out.alike += 1;
                *v
            }
            Pick::Conflict(versions) => {
                out.conflicts.push((
                    k.clone(),
                    versions.iter().map(|&(i, v)| (i, v.cloned())).collect(),
                ));
                vs[0].or_else(|| versions.iter().find_map(|&(_, v)| v))
            }
        };
        if let Some(v) = kept {
            merged.insert(k.clone(), v.clone());
        }
    }
    let keys_of = |list: &[T]| -> Vec<K> { list.iter().map(&key).collect() };
    let orders: Vec<Vec<K>> = sides.iter().map(|s| keys_of(s)).collect();
    let (primary, kept_first) = primary_order(base.map(keys_of).as_deref(), &orders);
    out.order_kept_first = kept_first;
    for k in arrange(primary, &orders, base.map(keys_of).as_deref(), &merged) {
        if let Some(v) = merged.remove(&k) {
            out.items.push(v);
        }
    }
    out
}

/// `keys` restricted to those `other` holds, in `keys`' order.
fn common<'k, K: Ord>(keys: &'k [K], other: &[K]) -> Vec<&'k K> {
    let other: BTreeSet<&K> = other.iter().collect();
    keys.iter().filter(|k| other.contains(k)).collect()
}

/// Which side's order the merged list follows, and whether two sides reordered it differently.
fn primary_order<K: Ord>(base: Option<&[K]>, orders: &[Vec<K>]) -> (usize, bool) {
    let Some(base) = base else {
        return (0, false);
    };
    let reordered: Vec<usize> = (0..orders.len())
        .filter(|&i| common(&orders[i], base) != common(base, &orders[i]))
        .collect();
    match reordered.as_slice() {
        [] => (0, false),
        [one] => (*one, false),
        [first, rest @ ..] => {
            let differ = rest.iter().any(|&j| {
                common(&orders[*first], &orders[j]) != common(&orders[j], &orders[*first])
            });
            if differ { (0, true) } else { (*first, false) }
        }
    }
}

/// The merged keys in order: the primary side's, then each other side's additions after the
/// key they follow there (at the start when they follow none), then any key only the base
/// still places.
fn arrange<K: Ord + Clone, T>(
    primary: usize,
    orders: &[Vec<K>],
    base: Option<&[K]>,
    merged: &BTreeMap<K, T>,
) -> Vec<K> {
    let mut placed: BTreeSet<&K> = BTreeSet::new();
    let mut spine: Vec<&K> = Vec::new();
    for k in &orders[primary] {
        if merged.contains_key(k) && placed.insert(k) {
            spine.push(k);
        }
    }
    // Additions hang after the key they follow; `None` is the start of the list.
    let mut after: BTreeMap<Option<&K>, Vec<&K>> = BTreeMap::new();
    let others = (0..orders.len())
        .filter(|&i| i != primary)
        .map(|i| orders[i].as_slice())
        .chain(base);
    for order in others {
        let mut previous: Option<&K> = None;
        for k in order {
            if !merged.contains_key(k) {
                continue;
            }
            if placed.insert(k) {
                after.entry(previous).or_default().push(k);
            }
            previous = Some(k);
        }
    }
    let mut out = Vec::with_capacity(merged.len());
    let mut stack: Vec<&K> = after
        .get(&None)
        .map_or_else(Vec::new, |first| first.iter().rev().copied().collect());
    let mut spine = spine.into_iter();
    while let Some(k) = stack.pop().or_else(|| spine.next()) {
        out.push(k.clone());
        if let Some(next) = after.get(&Some(k)) {
            stack.extend(next.iter().rev());
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p<'a>(base: Option<&'a i32>, sides: &[Option<&'a i32>]) -> Pick<'a, i32> {
        pick(Base::With(base), sides, |a, b| a == b)
    }

    fn n<'a>(sides: &[Option<&'a i32>]) -> Pick<'a, i32> {
        pick(Base::Without, sides, |a, b| a == b)
    }

    #[test]
    fn a_value_changed_on_one_side_takes_that_side_and_on_both_differently_conflicts() {
        let (one, two, three) = (&1, &2, &3);
        assert_eq!(p(Some(one), &[Some(one), Some(one)]), Pick::Same(Some(one)));
        assert_eq!(
            p(Some(one), &[Some(one), Some(two)]),
            Pick::One(1, Some(two))
        );
        assert_eq!(p(Some(one), &[None, Some(one)]), Pick::One(0, None));
        assert_eq!(
            p(Some(one), &[Some(two), Some(two)]),
            Pick::Alike(Some(two))
        );
        assert_eq!(
            p(Some(one), &[Some(two), Some(three)]),
            Pick::Conflict(vec![(0, Some(two)), (1, Some(three))])
        );
        assert_eq!(
            p(Some(one), &[None, Some(three)]),
            Pick::Conflict(vec![(0, None), (1, Some(three))]),
            "removed on one side, edited on the other"
        );
        assert_eq!(p(None, &[None, Some(two)]), Pick::One(1, Some(two)));
    }

    #[test]
    fn without_a_base_absence_is_no_opinion() {
        let (one, two) = (&1, &2);
        assert_eq!(n(&[Some(one), Some(one), Some(one)]), Pick::Same(Some(one)));
        assert_eq!(n(&[None, Some(one), None]), Pick::One(1, Some(one)));
        assert_eq!(n(&[Some(one), None, Some(one)]), Pick::Alike(Some(one)));
        assert_eq!(
            n(&[Some(one), Some(two), Some(one)]),
            Pick::Conflict(vec![(0, Some(one)), (1, Some(two))])
        );
    }

    fn listed(base: Option<&[(char, i32)]>, sides: &[&[(char, i32)]]) -> Listed<char, (char, i32)> {
        merge_list(base, sides, |t| t.0, &BTreeSet::new())
    }

    fn keys(l: &Listed<char, (char, i32)>) -> String {
        l.items.iter().map(|t| t.0).collect()
    }

    #[test]
    fn additions_on_both_sides_land_after_the_item_they_follow() {
        let base = [('a', 0), ('b', 0), ('c', 0)];
        let ours = [('a', 0), ('x', 0), ('b', 0), ('c', 0)];
        let theirs = [('y', 0), ('a', 0), ('b', 0), ('c', 0), ('z', 0)];
        let l = listed(Some(&base), &[&ours, &theirs]);
        assert_eq!(keys(&l), "yaxbcz");
        assert_eq!(l.from, [1, 2]);
        assert!(l.conflicts.is_empty());
    }

    #[test]
    fn one_side_reordering_is_kept_and_two_different_reorders_keep_the_first() {
        let base = [('a', 0), ('b', 0), ('c', 0)];
        let ours = [('a', 1), ('b', 0), ('c', 0)];
        let theirs = [('c', 0), ('b', 0), ('a', 0)];
        let l = listed(Some(&base), &[&ours, &theirs]);
        assert_eq!(keys(&l), "cba");
        assert_eq!(l.items[2], ('a', 1), "ours' change of a, theirs' order");
        assert!(!l.order_kept_first);
        let other = [('b', 0), ('a', 0), ('c', 0)];
        let l = listed(Some(&base), &[&other, &theirs]);
        assert_eq!(keys(&l), "bac");
        assert!(l.order_kept_first);
    }

    #[test]
    fn a_removal_against_an_edit_is_a_conflict_that_keeps_the_item() {
        let base = [('a', 0), ('b', 0)];
        let ours = [('a', 0)];
        let theirs = [('a', 0), ('b', 5)];
        let l = listed(Some(&base), &[&ours, &theirs]);
        assert_eq!(keys(&l), "ab");
        assert_eq!(
            l.conflicts,
            vec![('b', vec![(0, None), (1, Some(('b', 5)))])]
        );
        let plain = [('a', 0), ('b', 0)];
        let l = listed(Some(&base), &[&ours, &plain]);
        assert_eq!(keys(&l), "a", "removed on one side, untouched on the other");
        let keep = BTreeSet::from(['b']);
        let l = merge_list(Some(&base[..]), &[&ours[..], &plain[..]], |t| t.0, &keep);
        assert_eq!(keys(&l), "ab", "kept because something refers to it");
        assert_eq!(
            l.conflicts,
            vec![('b', vec![(0, None), (1, Some(('b', 0)))])]
        );
    }
}
