import Foundation
import Hummingbird
import LiaisonCore
import LiaisonFormats
import LiaisonStore

/// Companies in the console: search and filter, a company's page with its matches and reasons,
/// and importing a file.
struct CompanyRoutes {
    let environment: WebEnvironment

    static let pageSize = 50

    func add(to group: RouterGroup<WebContext>) {
        group.get("/companies", use: list)
        group.get("/companies/:id", use: show)
        group.post("/companies/import", use: importFile)
    }

    /// `GET /companies?q=&country=&sector=&offset=`
    @Sendable func list(_ request: Request, context: WebContext) async throws -> Response {
        let query = FormFields.query(request)
        let text = query.text("q") ?? "", country = query.text("country"), sector = query.text("sector")
        let offset = max(0, Int(query["offset"] ?? "") ?? 0)
        let database = environment.database
        let page = try database.searchCompanies(text: text, country: country.map { ISOCodes.country($0) ?? $0 }, sector: sector,
                                                limit: Self.pageSize, offset: offset)
        let view = CompanyListView(page: page, text: text, country: country, sector: sector, taxonomy: database.taxonomy,
                                   pageSize: Self.pageSize, csrf: context.session!.csrf)
        return try HTMLPage(html: environment.templates.render("companies", view)).response(from: request, context: context)
    }

    /// `GET /companies/ID?target=`: the company and its best matches, each with its reasons
    /// (from the current rankings when they answer exactly, live otherwise, as `liaison match`).
    @Sendable func show(_ request: Request, context: WebContext) async throws -> Response {
        let id = try context.pathParameter("id")
        let database = environment.database
        let stored = try database.company(id: id)
        let target = FormFields.query(request).text("target") ?? "any"
        var answer: MatchAnswer?
        var problem: String?
        do {
            answer = try database.match(MatchQuery(subject: .company(id), target: MatchTarget(target) ?? .any, top: 10))
        } catch let error as MatchError {
            problem = ConsoleWords.refusal(error)
        } catch let error as CoreError {
            problem = "\(error)"
        }
        let names = try database.companies(ids: answer?.matches.map(\.id) ?? [])
        let view = CompanyView(stored: stored, answer: answer, problem: problem, target: target, names: names,
                               taxonomy: database.taxonomy, csrf: context.session!.csrf)
        return try HTMLPage(html: environment.templates.render("company", view)).response(from: request, context: context)
    }

    /// `POST /companies/import` (multipart: `csrf`, `file`, `format`; CSV, .xlsx or JSON Lines): the uploaded file is written
    /// to a temporary file the server names and imported all or nothing; every problem is listed
    /// as the CLI lists them, naming the uploaded file.
    @Sendable func importFile(_ request: Request, context: WebContext) async throws -> Response {
        let upload = try await UploadedFile.posted(request, field: "file", limit: context.maxUploadSize)
        try FormToken.check(upload.fields, context)
        let format = try upload.fields.text("format").map { name in
            guard let format = CompanyFileFormat(rawValue: name) else { throw HTTPError(.badRequest, message: "unknown format '\(name)'") }
            return format
        } ?? CompanyFileFormat(inferredFrom: URL(fileURLWithPath: "upload").appendingPathExtension(
            URL(fileURLWithPath: upload.clientName).pathExtension))
        var view = ImportView(lang: "en", organizer: OrganizerBar(csrf: context.session!.csrf), notice: nil,
                              file: DisplayText.safe(upload.clientName), imported: false, companyCount: "", inserted: 0, updated: 0,
                              unchanged: 0, problemCount: "", problems: [])
        do {
            guard let format else { throw ImportError(problems: [ImportProblem(file: upload.clientName, line: 1, field: "file",
                                                                               message: "unknown format; name it .csv, .xlsx or .jsonl, or choose the format")]) }
            let summary = try upload.withTemporaryFile { url in try environment.database.importCompanies(from: [url], format: format) }
            view.imported = true
            view.inserted = summary.inserted
            view.updated = summary.updated
            view.unchanged = summary.unchanged
            view.companyCount = EnglishCount.of(summary.inserted + summary.updated + summary.unchanged, "company", plural: "companies")
        } catch let error as ImportError {
            // Problems name the temporary file: the user knows the file by the name it uploaded.
            view.problems = error.problems.map { problem in
                var problem = problem
                problem.file = upload.clientName
                return DisplayText.safe("\(problem)")
            }
            view.problemCount = EnglishCount.of(error.problems.count, "problem")
        }
        return try HTMLPage(html: environment.templates.render("import_result", view), status: view.imported ? .ok : .badRequest)
            .response(from: request, context: context)
    }
}
