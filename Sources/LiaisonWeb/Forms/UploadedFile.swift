import Foundation
import Hummingbird
import MultipartKit
import NIOCore

/// A file sent by a form's `<input type=file>` (multipart/form-data), with the form's other fields.
///
/// The file is written to a temporary file whose name the server makes up (a UUID in the
/// system's temporary folder): nothing the client sends ever becomes a path. The client's file
/// name is kept only to name the file in messages and to tell its format.
struct UploadedFile {
    /// The file's bytes.
    var data: Data
    /// The name the browser gave, for messages only.
    var clientName: String
    /// The other fields of the form.
    var fields: FormFields

    /// Reads a multipart form holding a file field named `field`; 400 when there is none.
    static func posted(_ request: Request, field: String, limit: Int) async throws -> UploadedFile {
        guard let contentType = request.headers[.contentType], let mediaType = MediaType(from: contentType),
              mediaType.isType(.multipartForm), let parameter = mediaType.parameter, parameter.name == "boundary" else {
            throw HTTPError(.unsupportedMediaType, message: "expected a file upload (multipart/form-data)")
        }
        var request = request
        let body = try await request.collectBody(upTo: limit)
        var parts: [MultipartPart] = []
        var headers = HTTPHeaders(), content = ByteBuffer()
        let parser = MultipartParser(boundary: parameter.value)
        parser.onHeader = { name, value in headers.add(name: name, value: value) }
        parser.onBody = { chunk in content.writeBuffer(&chunk) }
        parser.onPartComplete = {
            parts.append(MultipartPart(headers: headers, body: content))
            headers = HTTPHeaders()
            content = ByteBuffer()
        }
        do {
            try parser.execute(body)
        } catch {
            throw HTTPError(.badRequest, message: "the upload is not a well-formed multipart form")
        }
        var values: [String: [String]] = [:]
        var file: MultipartPart?
        for part in parts {
            guard let name = part.name else { continue }
            if name == field { file = file ?? part; continue }
            values[name, default: []].append(String(buffer: part.body))
        }
        guard let file else { throw HTTPError(.badRequest, message: "choose a file to upload") }
        let clientName = file.headers.first(name: "Content-Disposition").flatMap { Self.parameter("filename", in: $0) } ?? "upload"
        return UploadedFile(data: Data(buffer: file.body), clientName: clientName, fields: FormFields(values))
    }

    /// A parameter of a `Content-Disposition` value, e.g. `filename` in
    /// `form-data; name="file"; filename="firms.csv"` (quotes removed).
    static func parameter(_ key: String, in header: String) -> String? {
        for part in header.split(separator: ";") {
            let pair = part.trimmingCharacters(in: .whitespaces).split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].lowercased() == key else { continue }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.hasPrefix("\""), value.hasSuffix("\""), value.count >= 2 { value = String(value.dropFirst().dropLast()) }
            return value
        }
        return nil
    }

    /// Writes the file to a new temporary file named by the server, runs `body` with its URL and
    /// removes it, whatever happens.
    func withTemporaryFile<T>(_ body: (URL) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("liaison-upload-\(UUID().uuidString)")
        try data.write(to: url, options: [.withoutOverwriting])
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url)
    }
}
