/// The one list of names the inbox leaves alone (SPEC 4), each with the tool that writes it.
///
/// Two kinds, treated the same (never claimed, never answered): *temporary names*, under which a
/// tool writes a file and then renames it to its real name, so the file is taken once renamed; and
/// *companion files* a tool keeps beside the files it works on (locks, backups, caches), which are
/// never submissions. Names are compared without regard to letter case, as the Windows and macOS
/// file systems these tools come from compare them.
///
/// Covered by the hidden-name rule and so not listed again: rsync's `.name.XXXXXX`, GNOME's
/// `.goutputstream-XXXXXX`, Syncthing's `.syncthing.name.tmp`, vim's `.name.swp`, Emacs's lock
/// `.#name`, LibreOffice's lock `.~lock.name#`, macOS's `.DS_Store` and AppleDouble `._name`.
/// FileZilla, Windows Explorer, `scp` and `curl` write in place under the final name: for those the
/// inbox waits for the writer to close the file.
enum IgnoredNames {
    /// The shape of an ignored name, on its lower-cased text.
    enum Pattern: Sendable {
        case prefix(String)
        case suffix(String)
        /// Exactly this name.
        case name(String)
        /// Begins and ends with this text, which is there twice (`#name#`).
        case enclosedIn(String)
        /// Exactly eight hexadecimal digits, no extension.
        case eightHexDigits
    }

    static let patterns: [Pattern] = [
        // Temporary names: ignored until renamed.
        .prefix("."),            // hidden: SPEC 4's advice, `sord submit` and `PUT /v1/inbox` (`.….part`), and the tools above
        .suffix(".part"),        // SPEC 4's advice; Firefox downloads; KDE file copies
        .suffix(".tmp"),         // SPEC 4's advice; Word saves (`~WRL0001.tmp`, `~WRD0000.tmp`), LibreOffice saves (`lu….tmp`)
        .suffix(".filepart"),    // WinSCP uploads ("transfer to temporary filename", on by default above 100 KB)
        .suffix(".crdownload"),  // Chrome, Edge and other Chromium browsers' downloads
        .suffix(".download"),    // Safari downloads
        .suffix(".opdownload"),  // Opera downloads
        .suffix(".partial"),     // Internet Explorer and the first Edge's downloads
        .suffix(".!sync"),       // Resilio (BitTorrent) Sync while a file is arriving
        .eightHexDigits,         // Excel saves into a random name such as `Cedd4100`, then renames it (Microsoft KB 814068)
        // Companion files: never submissions.
        .prefix("~$"),           // Microsoft Office owner (lock) files: `~$bulk.csv` while Excel has bulk.csv open
        .enclosedIn("#"),        // Emacs auto-save files `#name#`
        .suffix("~"),            // editor backups `name~` (Emacs, vim, gedit, nano)
        .name("thumbs.db"),      // Windows Explorer's thumbnail cache
        .name("desktop.ini"),    // Windows Explorer's folder settings
    ]

    /// Whether the inbox ignores a file of this name.
    static func contains(_ name: String) -> Bool {
        let lower = name.lowercased()
        return patterns.contains { pattern in
            switch pattern {
            case .prefix(let text): lower.hasPrefix(text)
            case .suffix(let text): lower.hasSuffix(text)
            case .name(let text): lower == text
            case .enclosedIn(let text): lower.utf8.count >= 2 * text.utf8.count && lower.hasPrefix(text) && lower.hasSuffix(text)
            case .eightHexDigits: lower.utf8.count == 8 && lower.utf8.allSatisfy(Hex.digits.contains)
            }
        }
    }
}
