import LiaisonCore
import Testing

@Suite("CompanyDraft validation")
struct CompanyDraftTests {
    /// One broken field of an otherwise valid draft, and the field the problem must name.
    struct Breakage: Sendable, CustomTestStringConvertible {
        var testDescription: String
        var field: String
        var breaks: @Sendable (inout CompanyDraft) -> Void
    }

    private func issues(of draft: CompanyDraft) -> [FieldIssue] {
        do {
            let company = try draft.validated(with: TestTaxonomy.taxonomy)
            Issue.record("expected validation to fail, got \(company)")
            return []
        } catch {
            return error.issues
        }
    }

    @Test("the valid draft is valid")
    func validDraft() throws {
        let company = try CompanyDraft.valid.validated(with: TestTaxonomy.taxonomy)
        #expect(company.id == "CN-0042")
        #expect(company.offers == SectorProfile(["logistics-transportation": 1]))
        #expect(company.seeks == SectorProfile(["retail": 0.5]))
    }

    @Test("each rule rejects its field", arguments: [
        Breakage(testDescription: "missing id", field: "id") { $0.id = "" },
        Breakage(testDescription: "blank id", field: "id") { $0.id = " \t " },
        // Spaces, commas and semicolons are accepted in ids now (see acceptedIDs); invisible ones are not.
        Breakage(testDescription: "id with a zero-width space", field: "id") { $0.id = "ACME\u{200B}SZ" },
        Breakage(testDescription: "id with a right-to-left override", field: "id") { $0.id = "ACME\u{202E}SZ" },
        Breakage(testDescription: "id with a soft hyphen", field: "id") { $0.id = "ACME\u{AD}SZ" },
        Breakage(testDescription: "id with a control character", field: "id") { $0.id = "ACME\u{7}" },
        Breakage(testDescription: "id longer than the maximum", field: "id") {
            $0.id = String(repeating: "x", count: CompanyDraft.maximumIDBytes + 1)
        },
        Breakage(testDescription: "missing name", field: "name") { $0.name = "  " },
        Breakage(testDescription: "missing country", field: "country") { $0.country = "" },
        Breakage(testDescription: "unknown country code", field: "country") { $0.country = "XX" },
        Breakage(testDescription: "a name that is no country's", field: "country") { $0.country = "Atlantis" },
        Breakage(testDescription: "unknown size", field: "size") { $0.size = "huge" },
        Breakage(testDescription: "unknown language", field: "languages") { $0.languages = ["zh", "zz"] },
        Breakage(testDescription: "a name that is no language's", field: "languages") { $0.languages = ["Klingon"] },
        Breakage(testDescription: "NAICS code with a letter", field: "naics") { $0.naics = "48a1" },
        Breakage(testDescription: "NAICS code of one digit", field: "naics") { $0.naics = "4" },
        Breakage(testDescription: "NAICS code of seven digits", field: "naics") { $0.naics = "4841101" },
        Breakage(testDescription: "unknown sector in offers", field: "offers") {
            $0.offers.append(ProfileEntry(sector: "logistix", weight: 1))
        },
        Breakage(testDescription: "unknown sector in seeks", field: "seeks") {
            $0.seeks = [ProfileEntry(sector: "shopping", weight: 1)]
        },
        Breakage(testDescription: "weight zero", field: "offers") { $0.offers[0].weight = 0 },
        Breakage(testDescription: "negative weight", field: "seeks") { $0.seeks[0].weight = -0.5 },
        Breakage(testDescription: "NaN weight", field: "offers") { $0.offers[0].weight = .nan },
        Breakage(testDescription: "infinite weight", field: "seeks") { $0.seeks[0].weight = .infinity },
        Breakage(testDescription: "negative infinite weight", field: "offers") { $0.offers[0].weight = -.infinity },
        Breakage(testDescription: "sector listed twice by id", field: "offers") {
            $0.offers.append(ProfileEntry(sector: "logistics-transportation", weight: 0.5))
        },
        Breakage(testDescription: "sector listed twice by id and alias", field: "seeks") {
            $0.seeks.append(ProfileEntry(sector: "Specialty Retail", weight: 1))
        },
        Breakage(testDescription: "no profile at all", field: "offers") {
            $0.offers = []
            $0.seeks = []
        },
        Breakage(testDescription: "unknown industry and no offers", field: "industry") {
            $0.offers = []
            $0.industry = "Underwater Basket Weaving"
        },
        Breakage(testDescription: "NAICS code no sector covers and no offers", field: "naics") {
            $0.offers = []
            $0.naics = "11"
        },
    ])
    func ruleRejects(breakage: Breakage) {
        var draft = CompanyDraft.valid
        breakage.breaks(&draft)
        let found = issues(of: draft)
        #expect(found.map(\.field) == [breakage.field], "\(found)")
        #expect(found.allSatisfy { !$0.message.isEmpty })
    }

    @Test("every problem of one record is reported, not only the first")
    func allProblemsReported() {
        var draft = CompanyDraft()
        draft.id = "ACME\u{200B}SZ"
        draft.country = "XX"
        draft.size = "huge"
        draft.languages = ["zz"]
        draft.naics = "4x"
        draft.offers = [ProfileEntry(sector: "logistix", weight: 1), ProfileEntry(sector: "retail", weight: 0)]
        draft.seeks = [ProfileEntry(sector: "retail", weight: .nan)]
        let found = issues(of: draft)
        #expect(found.map(\.field).sorted() == ["country", "id", "languages", "naics", "name", "offers", "offers", "seeks", "size"])
    }

    @Test("messages name the offending value")
    func messagesNameTheValue() {
        var draft = CompanyDraft.valid
        draft.country = "xx"
        draft.offers = [ProfileEntry(sector: "logistix", weight: 1)]
        draft.seeks = [ProfileEntry(sector: "retail", weight: -2)]
        let found = issues(of: draft)
        #expect(found.contains { $0.field == "country" && $0.message.contains("'XX'") })
        #expect(found.contains { $0.field == "offers" && $0.message.contains("'logistix'") })
        #expect(found.contains { $0.field == "seeks" && $0.message.contains("-2") })
    }

    @Test("an unknown industry is not a problem when offers are given, and is kept")
    func industryIgnoredWithOffers() throws {
        var draft = CompanyDraft.valid
        draft.industry = "Underwater Basket Weaving"
        let company = try draft.validated(with: TestTaxonomy.taxonomy)
        #expect(company.industry == "Underwater Basket Weaving")
        #expect(company.offers == SectorProfile(["logistics-transportation": 1]))
    }

    @Test("offers come from explicit offers, else industry, else NAICS", arguments: [
        (["retail"], "logistics", "221114", "retail"),
        ([], " LOGISTICS ", "221114", "logistics-transportation"),
        ([], "", "221114", "clean-energy"),
        ([], "", "221118", "utilities"),
        ([], "software & services", "", "digital-technology"),
    ])
    func offersPrecedence(offers: [String], industry: String, naics: String, expected: String) throws {
        var draft = CompanyDraft.valid
        draft.offers = offers.map { ProfileEntry(sector: $0, weight: 1) }
        draft.industry = industry
        draft.naics = naics
        let company = try draft.validated(with: TestTaxonomy.taxonomy)
        #expect(company.offers == SectorProfile([expected: 1]))
        #expect(company.naics == (naics.isEmpty ? nil : naics))
    }

    @Test("seeks alone make a profile")
    func seeksAlone() throws {
        var draft = CompanyDraft.valid
        draft.offers = []
        let company = try draft.validated(with: TestTaxonomy.taxonomy)
        #expect(company.offers.isEmpty)
        #expect(!company.seeks.isEmpty)
    }

    @Test("a country is its ISO code in any case, or its English or Chinese name", arguments: [
        ("cn", "CN"), ("China", "CN"), ("People's Republic of China", "CN"), ("中国", "CN"), ("United States of America", "US"),
        ("united states", "US"), ("Canada", "CA"), ("加拿大", "CA"), ("Germany", "DE"), ("Côte d'Ivoire", "CI"),
        // ISO alpha-3 codes and the abbreviations that name one country only.
        ("USA", "US"), ("chn", "CN"), ("CAN", "CA"), ("GBR", "GB"), ("U.S.A.", "US"), ("U.S.", "US"), ("UK", "GB"), ("P.R. China", "CN"),
        ("PRC", "CN"), ("Hong Kong SAR", "HK"), ("Republic of Korea", "KR"), ("UAE", "AE"),
        // Full-width letters as a Chinese input method types them, and a qualifier naming the
        // same country or the one the territory belongs to.
        ("ＣＮ", "CN"), ("ＵＳＡ", "US"), ("Ｃａｎａｄａ", "CA"), ("Hong Kong, China", "HK"), ("Taiwan (China)", "TW"),
        ("United States (USA)", "US"), ("香港（中国）", "HK"), ("Macao，China", "MO"), ("Puerto Rico (USA)", "PR"),
        ("Korea, Republic of", "KR"),
    ])
    func countryNames(written: String, code: String) throws {
        var draft = CompanyDraft.valid
        draft.country = written
        #expect(try draft.validated(with: TestTaxonomy.taxonomy).country == code)
    }

    @Test("what names no country, or no one country, is still refused", arguments: [
        "XYZ", "Korea DPR?", "EU", "Asia", "US-CA", "美加", "ＸＸ",
        // A qualifier naming another country, or none, is not read past.
        "Georgia (USA)", "China (Taiwan)", "US, CA", "Korea (South)", "Niger (Nigeria)", "Hong Kong, Macao", "Canada (USA) (CA)",
    ])
    func notCountries(written: String) throws {
        var draft = CompanyDraft.valid
        draft.country = written
        #expect(throws: FieldIssues.self) { try draft.validated(with: TestTaxonomy.taxonomy) }
    }

    @Test("fields are trimmed and normalized")
    func normalization() throws {
        var draft = CompanyDraft.valid
        draft.id = "  CN-0042\t"
        draft.name = " Jade Harbor "
        draft.country = " cn "
        draft.region = " Shandong "
        draft.size = " Medium "
        draft.languages = [" ZH", "en", "", "zh", "EN "]
        draft.naics = " 4841 "
        draft.industry = " Trucking "
        draft.description = "\n A port logistics firm. \n"
        draft.offers = [ProfileEntry(sector: "Logistics", weight: 2), ProfileEntry(sector: "RETAIL", weight: 0.25)]
        let company = try draft.validated(with: TestTaxonomy.taxonomy)
        #expect(company.id == "CN-0042")
        #expect(company.name == "Jade Harbor")
        #expect(company.country == "CN")
        #expect(company.region == "Shandong")
        #expect(company.size == .medium)
        #expect(company.languages == ["zh", "en"])
        #expect(company.naics == "4841")
        #expect(company.industry == "Trucking")
        #expect(company.description == "A port logistics firm.")
        #expect(company.offers == SectorProfile(["logistics-transportation": 2, "retail": 0.25]))
    }

    @Test("empty optional fields become nil or empty")
    func emptyOptionals() throws {
        var draft = CompanyDraft()
        draft.id = "X"
        draft.name = "X"
        draft.country = "US"
        draft.seeks = [ProfileEntry(sector: "retail", weight: 1)]
        let company = try draft.validated(with: TestTaxonomy.taxonomy)
        #expect(company.size == nil)
        #expect(company.naics == nil)
        #expect(company.industry == nil)
        #expect(company.languages.isEmpty)
        #expect(company.region.isEmpty && company.city.isEmpty && company.description.isEmpty)
    }

    @Test("ids may hold any visible character, separators and inner spaces included",
          arguments: ["CN-0042", "AAIC^C", "0700.HK", "BRK/A", "深圳-01", "ACME SZ", "UMH PR-A", "ACME,SZ", "ACME;SZ"])
    func acceptedIDs(id: String) {
        #expect(CompanyDraft.problem(withID: id) == nil)
    }
}
