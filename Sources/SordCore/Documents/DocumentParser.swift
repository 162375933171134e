/// Reads a submitted file into a `Document`, checking in order: the file name's extension
/// (`SUB-008`), UTF-8 (`SUB-003`), JSON or CSV syntax (`SUB-003`), the document `type` (`SUB-004`)
/// and the strict schema of that type (`SUB-005`, every problem reported with its JSON path).
/// Pure: no file access, no clock.
public enum DocumentParser {
    /// Parses the bytes of a file named `fileName` (only its ending is looked at).
    public static func parse(bytes: [UInt8], fileName: String) -> ParseOutcome {
        guard let format = FileFormat(fileName: fileName) else { return .rejected([FileFormat.unsupportedName]) }
        return parse(bytes: bytes, format: format)
    }

    /// Parses bytes already known to be of `format`.
    public static func parse(bytes: [UInt8], format: FileFormat) -> ParseOutcome {
        if let offset = UTF8Validation.firstInvalidOffset(in: bytes) {
            return .rejected([Problem(.sub003, "The file is not valid UTF-8 (first bad byte at offset \(offset)).")])
        }
        switch format {
        case .json where bytes.isEmpty: return .rejected([Problem(.sub003, "The file is empty; a .json file holds one JSON document.")])
        case .json: return parseJSON(bytes)
        case .csv: return parseCSV(bytes)
        }
    }

    private static func parseJSON(_ bytes: [UInt8]) -> ParseOutcome {
        let value: JSONValue
        do {
            value = try JSONValue.parse(bytes)
        } catch {
            return .rejected([Problem(.sub003, "\(error).")])
        }
        guard case .object(let members) = value else {
            return .rejected([Problem(.sub005, "A document must be a JSON object, found \(value.kindDescription).",
                                      path: JSONPath.root)])
        }
        let typePath = JSONPath.appending(key: "type", to: JSONPath.root)
        let types = members.filter { $0.key == "type" }
        guard let typeMember = types.first else {
            return .rejected([Problem(.sub004, "The document has no \"type\".", path: typePath)])
        }
        guard case .string(let typeName) = typeMember.value, let type = DocumentType(rawValue: typeName) else {
            return .rejected([Problem(.sub004, "\"type\" must be one of \(DocumentType.allowedValuesDescription).",
                                      path: typePath)])
        }
        let problems = SchemaProblems()
        let reader = ObjectReader(members: members, path: .root, problems: problems)
        reader.skip("type")
        let document: Document?
        switch type {
        case .authorization: document = AuthorizationDocument.decode(reader).map(Document.authorization)
        case .authorizationDecision: document = AuthorizationDecision.decode(reader).map(Document.authorizationDecision)
        case .withdrawal: document = Withdrawal.decode(reader).map(Document.withdrawal)
        case .cafLink: document = CAFLink.decode(reader).map(Document.cafLink)
        case .delegation: document = Delegation.decode(reader).map(Document.delegation)
        case .transcriptRequest: document = TranscriptRequest.decode(reader).map(Document.transcriptRequest)
        case .cafRequest: document = CAFRequest.decode(reader).map(Document.cafRequest)
        case .clientList: document = AccountList.decode(reader).map(Document.clientList)
        case .requestList: document = AccountList.decode(reader).map(Document.requestList)
        case .accountSummary: document = AccountSummary.decode(reader).map(Document.accountSummary)
        case .payment: document = Payment.decode(reader).map(Document.payment)
        case .paymentCancel: document = PaymentCancel.decode(reader).map(Document.paymentCancel)
        case .paymentPlan: document = PaymentPlan.decode(reader).map(Document.paymentPlan)
        case .secureMessage: document = SecureMessage.decode(reader).map(Document.secureMessage)
        case .messageReply: document = MessageReply.decode(reader).map(Document.messageReply)
        case .ppsOrder: document = PPSOrder.decode(reader).map(Document.ppsOrder)
        }
        reader.finish()
        guard problems.isEmpty, let document else { return .rejected(problems.problems) }
        return .document(document)
    }

    private static func parseCSV(_ bytes: [UInt8]) -> ParseOutcome {
        do {
            return TranscriptCSV.outcome(from: try CSVParser.records(bytes))
        } catch {
            return .rejected([Problem(.sub003, "CSV syntax error in row \(error.row): \(error.reason).",
                                      path: JSONPath.row(error.row))])
        }
    }
}
