import Testing
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

@Suite struct MemberTokenTests {
    @Test func tokensAreStableLongAndSecretDependent() {
        let a = MemberToken.token(for: MemberID("E1001"), secret: Secret("one"))
        #expect(a == MemberToken.token(for: MemberID("E1001"), secret: Secret("one")))
        #expect(a != MemberToken.token(for: MemberID("E1002"), secret: Secret("one")))
        #expect(a != MemberToken.token(for: MemberID("E1001"), secret: Secret("two")))
        // 160 bits in base32: 32 characters of a–z, 2–7.
        #expect(a.count == 32)
        #expect(a.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("2"..."7").contains($0) })
    }

    @Test func base32MatchesRFC4648() {
        // RFC 4648 §10 test vectors, lower-cased, without padding.
        let vectors = ["": "", "f": "my", "fo": "mzxq", "foo": "mzxw6", "foob": "mzxw6yq", "fooba": "mzxw6ytb", "foobar": "mzxw6ytboi"]
        for (input, output) in vectors { #expect(Base32.encode(Array(input.utf8)) == output) }
    }
}
