//! FNV-1a, 64 bits: the one hash whose values are kept (finding
//! fingerprints, near-copy shingles, story word keys), so it must not change
//! between versions or platforms as std's hasher may.

/// The FNV-1a offset basis: the state before any byte.
pub const BASIS: u64 = 0xcbf2_9ce4_8422_2325;

/// FNV-1a over `bytes`, from the state `h`.
pub fn feed(mut h: u64, bytes: impl Iterator<Item = u8>) -> u64 {
    for b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    h
}

/// FNV-1a over `parts`, each followed by a 0xFF byte (no UTF-8 text holds
/// one, so `["ab", "c"]` and `["a", "bc"]` differ), as 16 hex digits.
pub fn hex(parts: &[&str]) -> String {
    let mut h = BASIS;
    for p in parts {
        h = feed(h, p.bytes().chain(std::iter::once(0xff)));
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    #[test]
    fn known_values() {
        // The published FNV-1a 64 test vectors.
        assert_eq!(super::feed(super::BASIS, "".bytes()), 0xcbf2_9ce4_8422_2325);
        assert_eq!(
            super::feed(super::BASIS, "a".bytes()),
            0xaf63_dc4c_8601_ec8c
        );
        assert_eq!(
            super::feed(super::BASIS, "foobar".bytes()),
            0x8594_4171_f739_67e8
        );
    }
}
