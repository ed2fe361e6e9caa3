import LiaisonCore
import LiaisonScheduling

// Company ids as they are stored, in NFC: a rule or a participant typed with an id in another
// form of the same text (`Cafe` + a combining accent) is the same company, and SQLite compares
// bytes. Every save of an event's participants and rules goes through these.

extension Participant {
    /// The participant with its company's id in NFC.
    var storedForm: Participant {
        var participant = self
        participant.company = CompanyText.nfc(company)
        return participant
    }
}

extension MeetingRequest {
    /// The request with its pair's ids in NFC.
    var storedForm: MeetingRequest {
        var request = self
        (request.a, request.b) = (CompanyText.nfc(a), CompanyText.nfc(b))
        return request
    }
}

extension PairBlock {
    /// The block with its pair's ids in NFC.
    var storedForm: PairBlock { PairBlock(a: CompanyText.nfc(a), b: CompanyText.nfc(b)) }
}

extension MeetingLock {
    /// The lock with its pair's ids in NFC.
    var storedForm: MeetingLock {
        var lock = self
        (lock.a, lock.b) = (CompanyText.nfc(a), CompanyText.nfc(b))
        return lock
    }
}
