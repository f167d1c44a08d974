/// A picture the catalog's `image` column names, as loading found it: a JPEG, PNG or WebP file
/// under `content/images/`, whose header libvips could read.
package struct ItemImage: Sendable, Hashable {
    /// As written in the catalog, relative to `content/images/`: `zongzi.jpg`, `supplier-a/tea.png`.
    package var name: String
    /// Relative to the site folder: `content/images/zongzi.jpg`.
    package var path: String
    /// Of the file's bytes (`Digest.of`): the small versions are named after it.
    package var digest: String
    package var width: Int
    package var height: Int
    /// The catalog's `image` cell that names it, where a picture the build cannot decode is reported.
    package var location: SourceLocation

    package init(name: String, path: String, digest: String, width: Int, height: Int, location: SourceLocation) {
        self.name = name
        self.path = path
        self.digest = digest
        self.width = width
        self.height = height
        self.location = location
    }
}
