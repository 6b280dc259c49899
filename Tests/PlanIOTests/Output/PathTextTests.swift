import Foundation
import Testing

@testable import PlanIO

@Suite("A path's folder")
struct PathTextTests {
    @Test(
        "the folder of a path, as NSString gives it, including the one-character names that NSString traps on",
        arguments: [
            ("a/b", "a"), ("/a", "/"), ("/a/b/", "/a"), ("a//b", "a"), ("ab/", ""), ("x.yaml", ""), ("./a", "."),
            ("/", "/"), ("", ""), ("out/seed", "out"), ("../x", ".."), ("a/é", "a"),
            // NSString.deletingLastPathComponent traps on each of these (signal 4)
            ("a", ""), ("-", ""), (".", ""), ("a/", ""), ("é", ""),
        ])
    func folder(path: String, folder: String) {
        #expect(PathText.folder(of: path) == folder)
    }
}
