import Foundation
import LanternModel
import LanternRendering

/// What the preview adds to the site's pages, and its own pages: the bar on top of every page
/// (it is a preview; the day and member shown; the member and day pickers; the warnings), the
/// error overlay, and the script that reloads a page when what it shows changed.
///
/// The preview's words are the tool's own, in English like the command line and its
/// diagnostics: authors read them, members never do. Every value from the site is escaped.
enum PreviewChrome {
    struct Bar {
        var day: Day
        var generation: Int
        var member: Member?
        var warnings: [Diagnostic]
        /// False while the site does not load: whose page it is cannot be known then.
        var loaded = true
    }

    /// The site's page with the preview's style and script in its head and the bar first in
    /// its body (the page's own markup is left as it is).
    static func page(_ html: Data, bar: Bar) -> Data {
        var text = String(decoding: html, as: UTF8.self)
        if let end = text.range(of: "</head>") { text.insert(contentsOf: Self.head(bar.generation), at: end.lowerBound) }
        if let open = text.range(of: "<body"), let end = text[open.upperBound...].firstIndex(of: ">") {
            text.insert(contentsOf: self.bar(bar), at: text.index(after: end))
        }
        return Data(text.utf8)
    }

    private static func head(_ generation: Int) -> String {
        """
        <meta name="lantern-generation" content="\(generation)"><link rel="stylesheet" href="/_lantern/preview.css">\
        <script src="/_lantern/preview.js" defer></script>
        """
    }

    static func bar(_ bar: Bar) -> String {
        let e = MustacheHTML.escape
        let who = bar.member.map { " as <strong>\(e($0.name))</strong> (\(e($0.id.rawValue)))" } ?? (bar.loaded ? " as a visitor" : "")
        var html = """
        <div class="lp-bar" id="lantern-preview" lang="en" role="region" aria-label="Lantern preview">\
        <p class="lp-banner"><strong>Preview · 预览</strong>: not published. The site on \
        <time datetime="\(bar.day)">\(bar.day)</time>\(who).</p>\
        <form class="lp-form" action="/_lantern/as" method="get">\
        <label>Member <input name="q" value="\(e(bar.member?.id.rawValue ?? ""))" list="lp-members" autocomplete="off" \
        placeholder="id or name"></label><datalist id="lp-members"></datalist>\
        <label>Day <input type="date" name="day" value="\(bar.day)"></label>\
        <button type="submit">Show</button> <a href="/_lantern/as?q=&amp;day=\(bar.day)">As a visitor</a> \
        <a href="/_lantern/audit">Audit</a></form>
        """
        if !bar.warnings.isEmpty {
            html += "<details class=\"lp-warnings\"><summary>\(bar.warnings.count) warning\(bar.warnings.count == 1 ? "" : "s")</summary><ul>"
            for warning in bar.warnings {
                html += "<li>" + (warning.location.map { "<code>\(e($0.description))</code> " } ?? "") + e(warning.message)
                    + (warning.hint.map { " <small>hint: \(e($0))</small>" } ?? "") + "</li>"
            }
            html += "</ul></details>"
        }
        return html + "</div>"
    }

    /// Instead of every page while the site has errors: each error with its place, message,
    /// hint and the lines of the file around it. It reloads by itself once the site loads again.
    static func overlay(_ diagnostics: [Diagnostic], site: URL, bar: Bar) -> Data {
        let e = MustacheHTML.escape
        let errors = diagnostics.filter { $0.severity == .error }
        let title = "\(errors.count) error\(errors.count == 1 ? "" : "s") in the site"
        var html = """
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(title) · Lantern preview</title>\(head(bar.generation))</head>
        <body class="lp-overlay-page">\(self.bar(Bar(day: bar.day, generation: bar.generation, member: bar.member, warnings: [], loaded: false)))
        <main class="lp-overlay" role="alert"><h1>\(title)</h1>
        <p>Fix the file and save it: this page comes back by itself.</p>

        """
        for error in errors {
            html += "<section class=\"lp-error\">"
            html += "<h2><code class=\"lp-place\">\(e(error.location?.description ?? "lantern"))</code></h2>"
            html += "<p class=\"lp-message\">\(e(error.message))</p>"
            if let hint = error.hint { html += "<p class=\"lp-hint\">hint: \(e(hint))</p>" }
            if let location = error.location, let lines = excerpt(location, site: site) { html += lines }
            html += "</section>\n"
        }
        return Data((html + "</main></body></html>\n").utf8)
    }

    /// The lines around `location` in its file, the line itself marked and a caret under the column.
    static func excerpt(_ location: SourceLocation, site: URL, around: Int = 2) -> String? {
        let url = location.file.hasPrefix("/") ? URL(filePath: location.file) : site.appending(path: location.file)
        guard let data = FileManager.default.contents(atPath: url.path) else { return nil }
        let lines = String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
        guard location.line >= 1, location.line <= lines.count else { return nil }
        let e = MustacheHTML.escape
        let first = max(1, location.line - around), last = min(lines.count, location.line + around)
        let width = String(last).count
        var html = "<pre class=\"lp-excerpt\"><code>"
        for number in first...last {
            let line = String(lines[number - 1]).replacingOccurrences(of: "\r", with: "")
            let label = String(repeating: " ", count: width - String(number).count) + String(number)
            if number == location.line {
                html += "<mark>\(label) | \(e(line))</mark>\n"
                html += String(repeating: " ", count: width + 3 + max(0, location.column - 1)) + "<span class=\"lp-caret\">^</span>\n"
            } else {
                html += "\(label) | \(e(line))\n"
            }
        }
        return html + "</code></pre>"
    }

    /// A page of the preview's own (not found, a member to choose, a member without pages).
    static func notice(_ title: String, _ body: String, bar: Bar, status: String = "") -> Data {
        Data("""
        <!doctype html>
        <html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(MustacheHTML.escape(title)) · Lantern preview</title>\(head(bar.generation))</head>
        <body class="lp-page">\(self.bar(bar))<main class="lp-notice"><h1>\(MustacheHTML.escape(title))</h1>\(body)</main></body></html>

        """.utf8)
    }

    static let script = """
        // Lantern preview: reloads the page when the server says that it, or anything it loaded
        // (styles, scripts, its item list), changed; suggests members in the bar's picker.
        (function () {
          var meta = document.querySelector('meta[name="lantern-generation"]');
          var source = new EventSource('/_lantern/events?since=' + encodeURIComponent(meta ? meta.content : ''));
          source.addEventListener('changed', function (event) {
            var changed = JSON.parse(event.data);
            var used = [location.pathname];
            performance.getEntriesByType('resource').forEach(function (entry) {
              used.push(new URL(entry.name, location.href).pathname);
            });
            if (changed.indexOf('*') >= 0 || changed.some(function (path) { return used.indexOf(path) >= 0; })) {
              location.reload();
            }
          });
          var input = document.querySelector('#lantern-preview input[name="q"]');
          var list = document.getElementById('lp-members');
          if (!input || !list) return;
          input.addEventListener('input', function () {
            fetch('/_lantern/members?q=' + encodeURIComponent(input.value))
              .then(function (response) { return response.json(); })
              .then(function (members) {
                list.replaceChildren.apply(list, members.map(function (member) {
                  var option = document.createElement('option');
                  option.value = member.id;
                  option.label = member.name + ' · ' + member.department;
                  return option;
                }));
              });
          });
        })();

        """

    static let style = """
        .lp-bar { font: 14px/1.4 system-ui, sans-serif; background: #1d2b3a; color: #fff; padding: .5rem .75rem;
          display: flex; flex-wrap: wrap; gap: .25rem 1rem; align-items: center; position: relative; z-index: 1000; }
        .lp-bar p { margin: 0; }
        .lp-bar a { color: #ffe08a; }
        .lp-form { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; }
        .lp-form input, .lp-form button { font: inherit; min-height: 2rem; }
        .lp-form input[name="q"] { width: 10rem; }
        .lp-warnings summary { cursor: pointer; color: #ffe08a; }
        .lp-warnings ul { margin: .25rem 0; padding-left: 1.25rem; max-height: 40vh; overflow: auto; }
        .lp-warnings code, .lp-warnings small { color: #cfe3ff; }
        .lp-overlay-page { margin: 0; background: #fff5f5; }
        .lp-overlay, .lp-notice { font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 0 auto; padding: 1rem; color: #1a1a1a; }
        .lp-overlay h1 { color: #a4000f; }
        .lp-error { border-left: .3rem solid #a4000f; background: #fff; padding: .5rem 1rem; margin: 1rem 0; }
        .lp-error h2 { font-size: 1rem; margin: .25rem 0; }
        .lp-message { font-weight: 600; }
        .lp-hint { color: #3d3d3d; }
        .lp-excerpt { background: #f4f4f4; padding: .5rem; overflow-x: auto; font: 14px/1.4 ui-monospace, monospace; }
        .lp-excerpt mark { background: #ffd6d9; color: #1a1a1a; }
        .lp-caret { color: #a4000f; font-weight: 700; }
        .lp-page { margin: 0; }
        .lp-table { overflow-x: auto; }
        .lp-audit { border-collapse: collapse; width: 100%; }
        .lp-audit th, .lp-audit td { border: 1px solid #ccc; padding: .3rem .5rem; text-align: left; vertical-align: top; }
        .lp-audit summary { cursor: pointer; }
        .lp-audit ul { margin: .25rem 0; padding-left: 1.25rem; max-height: 50vh; overflow: auto; }

        """
}
