import Foundation
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The unit's `SystemCallFilter=` and `MemoryDenyWriteExecute=yes`, enforced on the real daemon. systemd
/// is not PID 1 here, so a small sandbox does what systemd would: it reads the `SystemCallFilter=` lines
/// of `config/sord.service` in order (expanding `@groups` with `systemd-analyze syscall-filter`), loads
/// that allow list with libseccomp (native architecture only, no new privileges), turns on the kernel's
/// W^X switch `prctl(PR_SET_MDWE)`, and execs the program. Any other system call kills the process
/// (stricter than the unit's EPERM), so a daemon that needs one fails the test.
@Suite("systemd hardening", .serialized)
struct SystemdHardeningTests {
    static let sandbox = """
        import ctypes, os, subprocess, sys

        def expand(group, seen):
            out = set()
            text = subprocess.run(["systemd-analyze", "syscall-filter", group], capture_output=True, text=True, check=True).stdout
            for line in text.splitlines()[1:]:
                item = line.strip()
                if not item or item.startswith("#"):
                    continue
                if item.startswith("@"):
                    if item not in seen:
                        seen.add(item)
                        out |= expand(item, seen)
                else:
                    out.add(item)
            return out

        allowed = set()
        for line in open(sys.argv[1]):
            line = line.strip()
            if line.startswith("SystemCallFilter="):
                value = line.split("=", 1)[1]
                names = set()
                for item in value.lstrip("~").split():
                    names |= expand(item, {item}) if item.startswith("@") else {item}
                allowed = allowed - names if value.startswith("~") else allowed | names
        # SQLite fchown()s its journal files only when running as root; the service runs as sord.
        if os.geteuid() == 0:
            allowed.add("fchown")

        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(65, 1, 0, 0, 0) != 0:  # PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN
            sys.exit(77)
        seccomp = ctypes.CDLL("libseccomp.so.2", use_errno=True)
        seccomp.seccomp_init.restype = ctypes.c_void_p
        seccomp.seccomp_syscall_resolve_name.argtypes = [ctypes.c_char_p]
        seccomp.seccomp_rule_add.argtypes = [ctypes.c_void_p, ctypes.c_uint32, ctypes.c_int, ctypes.c_uint]
        seccomp.seccomp_load.argtypes = [ctypes.c_void_p]
        ctx = seccomp.seccomp_init(0x80000000)  # SCMP_ACT_KILL_PROCESS
        for name in sorted(allowed):
            number = seccomp.seccomp_syscall_resolve_name(name.encode())
            if number >= 0:
                seccomp.seccomp_rule_add(ctx, 0x7FFF0000, number, 0)  # SCMP_ACT_ALLOW
        if seccomp.seccomp_load(ctx) != 0:
            sys.exit(78)
        os.execv(sys.argv[2], sys.argv[2:])
        """

    /// `python3 -c SANDBOX UNIT PROGRAM ARGS…`
    static func sandboxed(_ program: String, _ args: [String]) -> [String] {
        ["-c", sandbox, SystemdUnitTests.unitPath, program] + args
    }

    /// Whether this machine can run the sandbox (libseccomp and a kernel with PR_SET_MDWE, Linux 6.3+).
    static let available: Bool = {
        (try? DaemonHarness.run("/usr/bin/python3", sandboxed("/bin/true", [])).status) == 0
    }()

    @Test("The sandbox really enforces the filter and W^X", .enabled(if: available), arguments: [
        ("import os; os.sched_setaffinity(0, {0})", -SIGSYS),  // @resources is denied
        ("import mmap; mmap.mmap(-1, 4096, prot=7)", 1),       // PROT_READ|WRITE|EXEC is refused
        ("import os; os.getpid()", 0),
    ])
    func sandboxWorks(script: String, expected: Int32) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = Self.sandboxed("/usr/bin/python3", ["-c", script])
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        let status = process.terminationReason == .uncaughtSignal ? -process.terminationStatus : process.terminationStatus
        #expect(status == expected)
    }

    @Test("The daemon recovers, serves, seals, reloads and stops cleanly inside the unit's sandbox", .enabled(if: available))
    func daemonInSandbox() throws {
        let h = try DaemonHarness()
        try h.addUser("dana.oak")
        let port = 20_000 + Int(getpid() % 20_000)
        try ReloadTests.setConfig(h, "metrics", "listen", "\"127.0.0.1:\(port)\"")
        let log = h.root.appendingPathComponent("sandbox.log")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        let output = try FileHandle(forWritingTo: log)
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/python3")
        process.arguments = Self.sandboxed(DaemonHarness.sordBinary, ["run", "--config", h.configPath])
        process.standardError = output
        process.standardOutput = output
        try process.run()
        defer { if process.isRunning { kill(process.processIdentifier, SIGKILL) } }
        let deadline = Date().addingTimeInterval(60)
        var text = ""
        while Date() < deadline && process.isRunning && !text.contains("sord ready") {
            usleep(50_000)
            text = (try? String(contentsOf: log, encoding: .utf8)) ?? ""
        }
        #expect(text.contains("sord ready"), "\(text)")
        let health = try DaemonHarness.run("/usr/bin/curl", ["-s", "http://127.0.0.1:\(port)/healthz"])
        #expect(health.status == 0)
        try h.drop("dana.oak", "w.json", #"{"type":"withdrawal","authorization":"A-1"}"#)
        #expect(try h.waitForAck("dana.oak", file: "w.json") != nil)
        kill(process.processIdentifier, SIGHUP)
        usleep(300_000)
        kill(process.processIdentifier, SIGTERM)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit, "killed by signal \(process.terminationStatus)")
        #expect(process.terminationStatus == 0)
    }
}
