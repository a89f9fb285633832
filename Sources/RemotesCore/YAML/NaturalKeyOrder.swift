/// The order in which go-yaml writes the keys of a Go map, and so the order of remote names in
/// every file Apptainer writes: characters compare by code point, except that runs of digits
/// compare as numbers and letters sort after other characters (our port of its `keyList.Less`).
public enum NaturalKeyOrder {
    /// True when `a` sorts before `b`.
    public static func less(_ a: String, _ b: String) -> Bool {
        let ar = Array(a.unicodeScalars)
        let br = Array(b.unicodeScalars)
        var digits = false
        var i = 0
        while i < ar.count && i < br.count {
            if ar[i] == br[i] {
                digits = isDigit(ar[i])
                i += 1
                continue
            }
            let al = isLetter(ar[i])
            let bl = isLetter(br[i])
            if al && bl { return ar[i].value < br[i].value }
            if al || bl { return digits ? al : bl }
            var an: Int64 = 0
            var bn: Int64 = 0
            if ar[i] == "0" || br[i] == "0" {
                var j = i - 1
                while j >= 0 && isDigit(ar[j]) {
                    if ar[j] != "0" {
                        an = 1
                        bn = 1
                        break
                    }
                    j -= 1
                }
            }
            var ai = i
            while ai < ar.count && isDigit(ar[ai]) {
                an = an &* 10 &+ Int64(ar[ai].value) &- 48
                ai += 1
            }
            var bi = i
            while bi < br.count && isDigit(br[bi]) {
                bn = bn &* 10 &+ Int64(br[bi].value) &- 48
                bi += 1
            }
            if an != bn { return an < bn }
            if ai != bi { return ai < bi }
            return ar[i].value < br[i].value
        }
        return ar.count < br.count
    }

    /// Sorts names the way go-yaml writes map keys. `less` is not a strict weak order for every
    /// input (digit runs that overflow, as in go-yaml), and for such names the result of a sort
    /// depends on the order it starts from; starting from code-point order makes the bytes we
    /// write depend on the names only, not on the order a dictionary happens to hold them in.
    public static func sorted<S: Sequence>(_ names: S) -> [String] where S.Element == String {
        names.sorted(by: { $0.unicodeScalars.lexicographicallyPrecedes($1.unicodeScalars) }).sorted(by: less)
    }

    private static func isLetter(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII {
            let v = s.value
            return (v >= 65 && v <= 90) || (v >= 97 && v <= 122)
        }
        switch s.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter:
            return true
        default:
            return false
        }
    }

    private static func isDigit(_ s: Unicode.Scalar) -> Bool {
        if s.isASCII { return s.value >= 48 && s.value <= 57 }
        return s.properties.generalCategory == .decimalNumber
    }
}
