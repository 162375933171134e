/// Reads back the JSON columns a tax module is stored with (written by `ReferenceJSON`), with the
/// same hand-written parser the importer uses: far cheaper than `JSONDecoder` on the TDS hot path.
public enum ModuleColumns {
    /// The return block, from its stored JSON text.
    public static func returnInfo(_ text: String) throws(Problem) -> ReturnInfo {
        try ReturnInfo(RecordFields(parse(text), path: "$.return", allowed: ReturnInfo.fields))
    }

    /// The transactions, from their stored JSON text.
    public static func transactions(_ text: String) throws(Problem) -> [AccountTransaction] {
        try RecordFields.array(parse(text), path: "$.transactions") { (value, path) throws(Problem) in
            try AccountTransaction(RecordFields(value, path: path(), allowed: AccountTransaction.fields))
        }
    }

    /// The wage & income documents, from their stored JSON text.
    public static func incomeDocuments(_ text: String) throws(Problem) -> [IncomeDocument] {
        try RecordFields.array(parse(text), path: "$.incomeDocuments") { (value, path) throws(Problem) in
            try IncomeDocument(RecordFields(value, path: path(), allowed: IncomeDocument.fields))
        }
    }

    private static func parse(_ text: String) throws(Problem) -> JSONValue {
        do {
            return try JSONValue.parse(Array(text.utf8))
        } catch {
            throw Problem(.sub003, "a stored module column is not valid JSON: \(error)")
        }
    }
}
