import Foundation
import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// Members' choices travel to `order: endpoint:` in `content/site.yaml`: it must be `https://`,
/// or plain `http://` to this machine only (`OrderEndpoint`).
@Suite struct OrderEndpointTests {
    static let config = "content/site.yaml"

    @Test(arguments: ["https://forms.example.com/orders", "http://127.0.0.1:8080/orders", "http://localhost/orders",
                      "http://[::1]:9/orders", "http://127.255.0.1/", "HTTP://LOCALHOST/orders"])
    func acceptedEndpoints(endpoint: String) {
        #expect(OrderEndpoint.problem(endpoint) == nil)
    }

    @Test(arguments: [
        ("http://forms.example.com/orders", "is not https://"), ("http://127.1/", "is not https://"),
        ("http://localhost.example.com/", "is not https://"), ("http://0177.0.0.1/", "is not https://"),
        ("http://128.0.0.1/", "is not https://"), ("http://127.0.0.256/", "is not https://"),
        ("ftp://x/", "is not https://"), ("forms.example.com/orders", "is not a full address"), ("https://", "is not a full address"),
    ])
    func refusedEndpoints(endpoint: String, problem: String) throws {
        let found = try #require(OrderEndpoint.problem(endpoint), "\(endpoint) was accepted")
        #expect(found.hasPrefix(problem))
    }

    @Test func plainHTTPElsewhereStopsTheBuildAtTheValue() throws {
        let site = try TestSite("minimal")
        try site.write(Self.config, try site.read(Self.config)
            .replacingOccurrences(of: "endpoint: https://forms.example.com/orders", with: "endpoint: http://forms.example.com/orders"))
        let errors = site.failure()
        let error = try only(.error, containing: "order endpoint `http://forms.example.com/orders` is not https://", in: errors)
        // `  endpoint: ` is 12 characters: the value starts on line 5, column 13.
        #expect(error.location == at(Self.config, 5, 13))
        #expect(error.hint?.contains("http://127.0.0.1:8080/orders") == true)
        #expect(errors.filter { $0.severity == .error }.count == 1)
    }

    @Test func aLocalEndpointBuilds() throws {
        let site = try TestSite("minimal")
        try site.write(Self.config, try site.read(Self.config)
            .replacingOccurrences(of: "endpoint: https://forms.example.com/orders", with: "endpoint: http://127.0.0.1:8080/orders"))
        let result = try site.build(today: "2026-06-10")
        #expect(result.members > 0)
        #expect(!result.warnings.contains { $0.message.contains("endpoint") })
        #expect(site.outputFiles().values.contains { String(decoding: $0, as: UTF8.self).contains("http://127.0.0.1:8080/orders") })
    }
}
