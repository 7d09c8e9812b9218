//! A fast hash for short keys (the Fx hash of rustc), for the analyses' word sets and
//! maps, where SipHash's protection against crafted keys buys nothing.

use std::collections::HashMap;
use std::hash::BuildHasherDefault;

/// The Fx hash of rustc: where ids are given in order of first use, the hash only
/// decides how fast a key is found.
#[derive(Debug, Default, Clone, Copy)]
pub struct FxHasher(u64);

impl std::hash::Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        const K: u64 = 0x51_7c_c1_b7_27_22_0a_95;
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            let word = u64::from_le_bytes(c.try_into().expect("eight bytes"));
            self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(K);
        }
        for &b in chunks.remainder() {
            self.0 = (self.0.rotate_left(5) ^ u64::from(b)).wrapping_mul(K);
        }
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

/// A hash set with the [`FxHasher`] (for the merges' lookups of pages and texts).
pub type FxSet<T> = std::collections::HashSet<T, BuildHasherDefault<FxHasher>>;
/// A hash map with the [`FxHasher`].
pub type FxMap<K, V> = HashMap<K, V, BuildHasherDefault<FxHasher>>;
