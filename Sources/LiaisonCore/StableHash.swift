/// FNV-1a, 64-bit: a hash that, unlike `hashValue`, is the same in every process and version.
/// For telling contents apart and seeding streams, not for security.
public enum StableHash {
    public static func fnv1a<S: Sequence>(_ bytes: S) -> UInt64 where S.Element == UInt8 {
        bytes.reduce(0xcbf2_9ce4_8422_2325) { ($0 ^ UInt64($1)) &* 0x100_0000_01b3 }
    }
}
