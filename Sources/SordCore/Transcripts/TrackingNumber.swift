/// Transcript tracking numbers: the submission id (unique, time-ordered, made by the daemon) and the
/// item's position in it, `01JD3…Q7-0001`. Unique across all transcripts, and the same when a
/// submission is decided again after a crash, so a redelivered transcript keeps its number.
public enum TrackingNumber {
    /// The tracking number of the item at `index` (from 0) of `submission`.
    public static func make(submission: SortableID, index: Int) -> String {
        submission.rawValue + "-" + DigitText.padded(index + 1, width: 4)
    }
}
