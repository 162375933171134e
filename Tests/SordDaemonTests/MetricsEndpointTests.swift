import Foundation
import Testing

/// The plain-HTTP operations listener of the real daemon: health, readiness, and Prometheus
/// counters that move when a submission goes through.
@Suite("Metrics endpoint", .serialized)
struct MetricsEndpointTests {
    /// The value of the sample line whose name-and-labels part is exactly `series`.
    static func sample(_ text: String, _ series: String) -> Double? {
        text.split(separator: "\n").first { $0.hasPrefix(series + " ") }.flatMap { Double($0.dropFirst(series.count + 1)) }
    }

    @Test("healthz and readyz answer; /metrics counts submissions, deliveries, API requests and latency")
    func metricsAfterSubmission() throws {
        let h = try DaemonHarness()
        let ports = try h.enableListeners()
        try h.addUser("dana.oak")
        try h.startDaemon()

        let health = try h.http("/healthz", port: ports.metrics)
        #expect(health.status == 200)
        #expect(try h.http("/readyz", port: ports.metrics).status == 200)
        #expect(try h.http("/nothing", port: ports.metrics).status == 404)
        let before = try h.http("/metrics", port: ports.metrics)
        #expect(before.status == 200)
        #expect(before.headers["content-type"]?.hasPrefix("text/plain") == true)
        #expect(Self.sample(before.text, "sord_deliveries_total") == 0)
        #expect(Self.sample(before.text, "sord_queue_depth") == 0)

        // One submission by upload: a 202, one ack delivered, one processed submission.
        let body = h.root.appendingPathComponent("m.json").path
        try #"{"type":"withdrawal","authorization":"A-5"}"#.write(toFile: body, atomically: true, encoding: .utf8)
        #expect(try h.https("PUT", "/v1/inbox/m.json", port: ports.api, user: "dana.oak", upload: body).status == 202)
        let ack = try #require(try h.waitForAck("dana.oak", file: "m.json"))
        let status = try #require(ack["status"] as? String)
        #expect(try h.https("GET", "/v1/mailbox/00000000000000000000000000", port: ports.api, user: "dana.oak").status == 404)

        let text = try h.http("/metrics", port: ports.metrics).text
        #expect(Self.sample(text, "sord_submissions_total{type=\"withdrawal\",status=\"\(status)\"}") == 1, "\(text)")
        #expect(Self.sample(text, "sord_deliveries_total") == 1)
        #expect(Self.sample(text, "sord_api_requests_total{status=\"202\"}") == 1)
        #expect(Self.sample(text, "sord_api_requests_total{status=\"404\"}") == 1)
        #expect(Self.sample(text, "sord_processing_latency_seconds_count") == 1)
        #expect(Self.sample(text, "sord_queue_depth") == 0)
        #expect(text.contains("# TYPE sord_processing_latency_seconds histogram"))
        #expect(h.stopDaemon() == 0)
    }
}
