//! Compact keys for the checker's indexes: a derived ID (`prefix` and 16 lower-case hex
//! digits) is kept as its `u64`, any other string as itself, so a million keys cost a
//! few bytes each instead of a heap string each.

use rustc_hash::FxHashMap;

/// An ID as a key: its 16 hex digits as a number when it has the derived form for the
/// expected prefix, the whole string otherwise. Two IDs are equal exactly when their keys
/// are (the prefix is fixed per index).
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum IdKey {
    /// `prefix` followed by these 16 lower-case hex digits.
    Hex(u64),
    /// Any other string.
    Other(Box<str>),
}

/// The value of each byte as a lower-case hex digit; 0xff for any other byte.
const HEX_DIGITS: [u8; 256] = {
    let mut table = [0xff; 256];
    let mut i = 0;
    while i < 16 {
        table[b"0123456789abcdef"[i] as usize] = i as u8;
        i += 1;
    }
    table
};

/// The `u64` of a derived ID with this prefix (`art_`, `clm_`, ...): exactly 16 lower-case
/// hex digits after it.
pub fn hex_id(id: &str, prefix: &str) -> Option<u64> {
    let hex: &[u8; 16] = id.strip_prefix(prefix)?.as_bytes().try_into().ok()?;
    let (mut v, mut bad) = (0u64, 0u8);
    for &b in hex {
        let d = HEX_DIGITS[b as usize];
        bad |= d;
        v = v << 4 | u64::from(d & 0xf);
    }
    (bad & 0xf0 == 0).then_some(v)
}

impl IdKey {
    /// The key of `id` in an index of IDs with this prefix.
    pub fn new(id: &str, prefix: &str) -> Self {
        match hex_id(id, prefix) {
            Some(v) => IdKey::Hex(v),
            None => IdKey::Other(id.into()),
        }
    }

    /// The ID again, as stored.
    pub fn to_string(&self, prefix: &str) -> String {
        match self {
            IdKey::Hex(v) => format!("{prefix}{v:016x}"),
            IdKey::Other(s) => s.to_string(),
        }
    }
}

/// A map from IDs of one prefix to values: derived IDs by number, others by string.
#[derive(Debug, Clone)]
pub struct IdMap<V> {
    prefix: &'static str,
    hex: FxHashMap<u64, V>,
    other: FxHashMap<Box<str>, V>,
}

impl<V> IdMap<V> {
    /// An empty map for IDs that start with `prefix` (`art_`, `clm_`, ...).
    pub fn new(prefix: &'static str) -> Self {
        Self {
            prefix,
            hex: FxHashMap::default(),
            other: FxHashMap::default(),
        }
    }

    /// The value of `id`.
    pub fn get(&self, id: &str) -> Option<&V> {
        match hex_id(id, self.prefix) {
            Some(v) => self.hex.get(&v),
            None => self.other.get(id),
        }
    }

    /// Whether `id` is in the map.
    pub fn contains(&self, id: &str) -> bool {
        self.get(id).is_some()
    }

    /// The value of `id`, inserted by `make` when absent.
    pub fn entry_or_insert_with(&mut self, id: &str, make: impl FnOnce() -> V) -> &mut V {
        match hex_id(id, self.prefix) {
            Some(v) => self.hex.entry(v).or_insert_with(make),
            None => {
                if !self.other.contains_key(id) {
                    self.other.insert(id.into(), make());
                }
                self.other.get_mut(id).expect("just inserted")
            }
        }
    }

    /// Inserts `value` for `id` unless it is there; returns the value already there.
    pub fn insert_first(&mut self, id: &str, value: V) -> Option<&V> {
        let mut fresh = false;
        self.entry_or_insert_with(id, || {
            fresh = true;
            value
        });
        if fresh { None } else { self.get(id) }
    }

    /// Removes `id`, returning its value.
    pub fn remove(&mut self, id: &str) -> Option<V> {
        match hex_id(id, self.prefix) {
            Some(v) => self.hex.remove(&v),
            None => self.other.remove(id),
        }
    }

    /// Every value, in no particular order.
    pub fn into_values(self) -> impl Iterator<Item = V> {
        self.hex.into_values().chain(self.other.into_values())
    }

    /// The number of IDs.
    pub fn len(&self) -> usize {
        self.hex.len() + self.other.len()
    }

    /// Whether the map is empty.
    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// The prefix of a table's IDs, with its underscore.
pub fn prefix_of(table: &str) -> &'static str {
    match table {
        "articles" => "art_",
        "claims" => "clm_",
        "sources" => "src_",
        "actors" => "act_",
        "mentions" => "men_",
        _ => "",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn derived_ids_become_numbers_and_others_stay_strings() {
        assert_eq!(hex_id("art_00000000000000ff", "art_"), Some(255));
        assert_eq!(hex_id("art_00000000000000FF", "art_"), None);
        assert_eq!(hex_id("clm_00000000000000ff", "art_"), None);
        assert_eq!(hex_id("art_0ff", "art_"), None);
        let k = IdKey::new("art_1f0e000000000001", "art_");
        assert_eq!(k, IdKey::Hex(0x1f0e_0000_0000_0001));
        assert_eq!(k.to_string("art_"), "art_1f0e000000000001");
        assert_eq!(IdKey::new("ART_1", "art_").to_string("art_"), "ART_1");
    }

    #[test]
    fn maps_keep_the_first_value_of_each_id() {
        let mut m = IdMap::new("act_");
        assert_eq!(m.insert_first("act_0000000000000001", 1), None);
        assert_eq!(m.insert_first("act_0000000000000001", 2), Some(&1));
        assert_eq!(m.insert_first("Act_1", 3), None);
        assert_eq!(m.insert_first("Act_1", 4), Some(&3));
        assert_eq!(m.len(), 2);
        assert!(m.contains("Act_1") && !m.contains("act_0000000000000002"));
    }
}
