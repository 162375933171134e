import Foundation
import SordCore

/// Turns a transcript into the file that carries it to the requester's mailbox.
enum TDSDelivery {
    /// A `transcript` delivery in the asked format: text (`.txt`) or JSON (`.json`).
    static func planned(_ transcript: Transcript, format: OutputFormat, to recipient: UserID) throws -> PlannedDelivery {
        switch format {
        case .text:
            PlannedDelivery(recipient: recipient, kind: .transcript, format: .txt,
                            payload: Data(TranscriptTextRenderer.render(transcript).utf8))
        case .json:
            PlannedDelivery(recipient: recipient, kind: .transcript, format: .json,
                            payload: try TranscriptJSONRenderer.render(transcript))
        }
    }
}
