//! A map as a vector of pairs, for the few entries the bridge keys by name (frames on a page,
//! scripts per portal and version). A linear search over a handful of entries costs nothing,
//! and `HashMap` brought its hasher and table code into every page's wasm.

use std::borrow::Borrow;

/// Pairs with distinct keys, in insertion order.
#[derive(Debug)]
pub(crate) struct VecMap<K, V>(Vec<(K, V)>);

impl<K, V> Default for VecMap<K, V> {
    fn default() -> Self {
        VecMap(Vec::new())
    }
}

impl<K: PartialEq, V> VecMap<K, V> {
    /// An empty map (usable in `const` contexts).
    pub(crate) const fn new() -> Self {
        VecMap(Vec::new())
    }

    fn position<Q: PartialEq + ?Sized>(&self, key: &Q) -> Option<usize>
    where
        K: Borrow<Q>,
    {
        self.0.iter().position(|(k, _)| k.borrow() == key)
    }

    /// Sets `key` to `value`, replacing any earlier value.
    pub(crate) fn insert(&mut self, key: K, value: V) {
        match self.position(&key) {
            Some(i) => self.0[i].1 = value,
            None => self.0.push((key, value)),
        }
    }

    /// The value of `key`, inserted with `make` if there is none.
    pub(crate) fn get_or_insert_with(&mut self, key: K, make: impl FnOnce() -> V) -> &mut V {
        let i = match self.position(&key) {
            Some(i) => i,
            None => {
                self.0.push((key, make()));
                self.0.len() - 1
            }
        };
        &mut self.0[i].1
    }

    pub(crate) fn get<Q: PartialEq + ?Sized>(&self, key: &Q) -> Option<&V>
    where
        K: Borrow<Q>,
    {
        self.position(key).map(|i| &self.0[i].1)
    }

    pub(crate) fn get_mut<Q: PartialEq + ?Sized>(&mut self, key: &Q) -> Option<&mut V>
    where
        K: Borrow<Q>,
    {
        self.position(key).map(|i| &mut self.0[i].1)
    }

    pub(crate) fn remove<Q: PartialEq + ?Sized>(&mut self, key: &Q) -> Option<V>
    where
        K: Borrow<Q>,
    {
        self.position(key).map(|i| self.0.remove(i).1)
    }

    pub(crate) fn len(&self) -> usize {
        self.0.len()
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::VecMap;

    #[test]
    fn keys_are_distinct_and_removal_keeps_the_others() {
        let mut m = VecMap::new();
        m.insert("a", 1);
        m.insert("b", 2);
        m.insert("a", 3);
        assert_eq!((m.len(), m.get(&"a"), m.get(&"b")), (2, Some(&3), Some(&2)));
        *m.get_or_insert_with("c", || 4) += 1;
        assert_eq!(*m.get_or_insert_with("c", || 0), 5);
        if let Some(b) = m.get_mut(&"b") {
            *b = 7;
        }
        assert_eq!(m.remove(&"b"), Some(7));
        assert_eq!(m.remove(&"b"), None);
        assert_eq!((m.len(), m.get(&"a"), m.get(&"c")), (2, Some(&3), Some(&5)));
        m.remove(&"a");
        m.remove(&"c");
        assert!(m.is_empty());
    }
}
