/// What an id looked up in the database can be.
enum StoredID {
    /// Whether `id` can name a stored company or event: not when it holds a NUL. No stored id
    /// holds one (company and event ids refuse control characters), and SQLite reads a bound
    /// text only up to its first NUL, so a lookup of `CN-0001\0junk` would find CN-0001.
    static func canExist(_ id: String) -> Bool {
        !id.utf8.contains(0)
    }
}
