import Foundation
@testable import Lantern
@testable import LanternChecking
@testable import LanternLoading
@testable import LanternModel
@testable import LanternPlanning
@testable import LanternRendering
@testable import LanternWriting

/// The promise every loader makes, checked on each fuzz input: it returns a value, or it throws
/// diagnostics with at least one error, and every diagnostic names the file, a message, and a
/// line and column that exist in that file. Anything else (a trap, a throw of warnings only, an
/// empty message, a position past the end) is a crash for libFuzzer.
public enum LoaderContract {
    /// Runs `load` on `text` (nil when the bytes were not decoded) and checks what came back.
    static func check<Value>(_ path: String, _ text: String?, bytes: Data,
                             _ load: () throws(DiagnosticsError) -> Value) -> Value? {
        do {
            return try load()
        } catch {
            if error.errors.isEmpty { fail("\(path): threw without an error diagnostic: \(error.diagnostics)") }
            for diagnostic in error.diagnostics { check(diagnostic, path, text, bytes: bytes) }
            return nil
        }
    }

    /// Checks warnings a loader returned alongside a value.
    static func check(_ diagnostics: [Diagnostic], _ path: String, _ text: String?, bytes: Data) {
        for diagnostic in diagnostics { check(diagnostic, path, text, bytes: bytes) }
    }

    static func check(_ diagnostic: Diagnostic, _ path: String, _ text: String?, bytes: Data) {
        if diagnostic.message.isEmpty { fail("empty message: \(diagnostic)") }
        guard let location = diagnostic.location else { fail("no location: \(diagnostic)") }
        if location.file != path { fail("diagnostic names `\(location.file)`, not `\(path)`: \(diagnostic)") }
        let bound = Bounds(text, bytes: bytes)
        if !(1...bound.lines).contains(location.line) || !(1...bound.columns).contains(location.column) {
            fail("position \(location.line):\(location.column) outside the file "
                 + "(\(bound.lines) lines, \(bound.columns) columns at most): \(diagnostic)")
        }
    }

    /// Generous limits for a position: one line more than the file has line breaks of any kind
    /// a parser might count (LF, CR, NEL, LS, PS), one column more than its longest line could be.
    private struct Bounds {
        var lines = 1, columns = 1
        init(_ text: String?, bytes: Data) {
            guard let text else {
                lines += bytes.filter { $0 == 0x0A || $0 == 0x0D }.count
                columns += bytes.count
                return
            }
            for scalar in text.unicodeScalars {
                columns += 1
                if ["\n", "\r", "\u{85}", "\u{2028}", "\u{2029}"].contains(scalar) { lines += 1 }
            }
        }
    }

    /// Prints why and traps, so libFuzzer saves the input as a crash.
    static func fail(_ why: String) -> Never {
        FileHandle.standardError.write(Data("lantern fuzz: \(why)\n".utf8))
        abort()
    }
}

/// The fuzzer's bytes as `Data`.
public func fuzzData(_ data: UnsafePointer<UInt8>, _ size: Int) -> Data { Data(bytes: data, count: size) }

/// libFuzzer's driver, for the targets' `main`: SwiftPM links an executable's entry point as
/// `<Target>_main`, so each target defines that and hands its test function to the driver.
@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                 _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt

/// Runs libFuzzer with the process's arguments on `test`.
public func runFuzzer(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ test: @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv, test)
}
