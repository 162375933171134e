// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "sord",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sord", targets: ["sord"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle", from: "2.13.0"),
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/adam-fowler/compress-nio", from: "1.5.0"),
        .package(url: "https://github.com/apple/swift-crypto", from: "4.5.2"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/swift-server/swift-prometheus", from: "2.4.1"),
        .package(url: "https://github.com/LebJe/TOMLKit", from: "0.6.0"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
    ],
    targets: [
        /// The system OpenSSL (libcrypto) for CMS AuthEnvelopedData and the demo PKI.
        .systemLibrary(
            name: "COpenSSL",
            pkgConfig: "openssl",
            providers: [.apt(["libssl-dev"])]
        ),
        /// Linux calls Swift's Glibc module does not expose (syncfs, renameat2).
        .target(name: "CLinux"),
        /// Pure domain: identifiers, names, periods, documents, rules, reason codes. No I/O, no clock.
        .target(name: "SordCore"),
        /// The store seam and its two drivers: SQLite through GRDB (embedded default) and PostgreSQL
        /// through PostgresNIO (several nodes). Reference data, users, journal, outbox, mailbox
        /// index, audit chain.
        .target(name: "SordStore", dependencies: [
            "SordCore",
            .product(name: "GRDB", package: "GRDB.swift"),
            .product(name: "GRDBSQLite", package: "GRDB.swift"),
            .product(name: "PostgresNIO", package: "postgres-nio"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "Logging", package: "swift-log"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        /// gzip + CMS AuthEnvelopedData (AES-256-GCM), certificates, keys and the demo PKI.
        .target(name: "SordSeal", dependencies: [
            "COpenSSL",
            .product(name: "CompressNIO", package: "compress-nio"),
            .product(name: "NIOCore", package: "swift-nio"),
            .product(name: "Crypto", package: "swift-crypto"),
        ]),
        /// Files on disk: safe open, inbox watching (inotify + rescan), claiming, mailbox writer, archive.
        .target(name: "SordSpool", dependencies: [
            "SordCore", "CLinux",
            .product(name: "Crypto", package: "swift-crypto"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        /// The daemon: configuration, pipeline services, recovery, systemd notify, metrics.
        .target(name: "SordDaemon", dependencies: [
            "SordCore", "SordStore", "SordSeal", "SordSpool",
            .product(name: "Logging", package: "swift-log"),
            .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
            .product(name: "TOMLKit", package: "TOMLKit"),
            .product(name: "Hummingbird", package: "hummingbird"),
            .product(name: "HummingbirdTLS", package: "hummingbird"),
            .product(name: "HummingbirdCore", package: "hummingbird"),
            .product(name: "NIOSSL", package: "swift-nio-ssl"),
            .product(name: "NIOPosix", package: "swift-nio"),
            .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            .product(name: "Prometheus", package: "swift-prometheus"),
        ]),
        /// The `sord` command line: thin commands over the modules.
        .executableTarget(name: "sord", dependencies: [
            "SordCore", "SordStore", "SordSeal", "SordSpool", "SordDaemon",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
            .product(name: "Logging", package: "swift-log"),
        ]),
        .testTarget(name: "SordCoreTests", dependencies: ["SordCore"]),
        .testTarget(name: "SordSealTests", dependencies: ["SordSeal"]),
        .testTarget(name: "SordStoreTests", dependencies: ["SordStore", "SordCore"]),
        .testTarget(name: "SordDaemonTests", dependencies: ["SordDaemon", "SordSeal", "SordStore", "SordCore"]),
    ]
)
