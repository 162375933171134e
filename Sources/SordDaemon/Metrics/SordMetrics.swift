import Foundation
import Prometheus

/// The daemon's Prometheus metrics: what the processor, the delivery step and the API report, and
/// what `/metrics` prints. One instance per daemon; every method is thread-safe and cheap.
public final class SordMetrics: Sendable {
    /// The registry `/metrics` renders.
    public let registry: PrometheusCollectorRegistry
    private let deliveries: Counter
    private let depth: Gauge
    private let latency: DurationHistogram

    private static var submissions: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "sord", metricName: "submissions", unitName: "total",
                             helpText: "Submissions processed, by document type and outcome status.")
    }
    private static var apiRequests: MetricNameDescriptor {
        MetricNameDescriptor(namespace: "sord", metricName: "api_requests", unitName: "total",
                             helpText: "HTTPS API requests answered, by HTTP status code.")
    }

    public init() {
        registry = PrometheusCollectorRegistry()
        deliveries = registry.makeCounter(descriptor: MetricNameDescriptor(
            namespace: "sord", metricName: "deliveries", unitName: "total",
            helpText: "Sealed files delivered into SOR mailboxes."))
        depth = registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "sord", metricName: "queue_depth", unitName: "",
            helpText: "Inbox files seen and not yet claimed."))
        latency = registry.makeDurationHistogram(
            descriptor: MetricNameDescriptor(
                namespace: "sord", metricName: "processing_latency", unitName: "seconds",
                helpText: "Time from claiming a submission to committing its outcome."),
            buckets: [.milliseconds(5), .milliseconds(10), .milliseconds(25), .milliseconds(50), .milliseconds(100),
                      .milliseconds(250), .milliseconds(500), .seconds(1), .seconds(2.5), .seconds(5), .seconds(10),
                      .seconds(30)])
    }

    /// One submission committed: its document type (`unknown` when it did not parse) and status.
    public func submissionProcessed(type: String?, status: String, latency: Duration) {
        registry.makeCounter(descriptor: Self.submissions, labels: [("type", type ?? "unknown"), ("status", status)]).increment()
        self.latency.record(max(latency, .zero))
    }

    /// Files written into mailboxes and marked delivered.
    public func delivered(count: Int) {
        deliveries.increment(by: Int64(count))
    }

    /// The current number of queued inbox files.
    public func queueDepth(_ depth: Int) {
        self.depth.set(Int64(depth))
    }

    /// Whether the daemon is held up by `trouble` (1) or not (0): one gauge per kind of trouble.
    public func trouble(_ trouble: Trouble, active: Bool) {
        registry.makeGauge(descriptor: MetricNameDescriptor(
            namespace: "sord", metricName: "trouble", unitName: "",
            helpText: "1 while the daemon waits out this condition (disk full, database busy or unavailable, …), else 0."),
            labels: [("kind", trouble.rawValue)]).set(Int64(active ? 1 : 0))
    }

    /// One API response with this HTTP status code.
    public func apiRequest(status: Int) {
        registry.makeCounter(descriptor: Self.apiRequests, labels: [("status", String(status))]).increment()
    }

    /// The Prometheus text exposition of every metric.
    public func render() -> String {
        registry.emitToString()
    }
}
