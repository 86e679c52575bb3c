"""Loads each page of a dbrace HTML report in headless Chromium.

  check_html_report.py CHROMIUM REPORT_DIR

Each page is loaded on its own (--dump-dom, with the browser's console on
stderr): no console message may appear, since the pages have no script and
any message is an error (a script error, a resource refused). The DOM the
browser built is then parsed: every link and source is a file of the report
(no external assets), the index links every finding page, and each finding
page has its read and write lines highlighted and both requests' timeline.
A probe page of the test's own then loads each finding page in a frame and
measures, in the browser, that the timeline's items and the highlighted
lines are laid out visible with their highlight colour.

Prints one line per page, `PAGE: ...`, for FileCheck.
"""
import html.parser
import os
import re
import subprocess
import sys

CONSOLE = re.compile(r":CONSOLE[:(]")


def chromium(binary, url, extra=()):
    run = subprocess.run(
        [binary, "--headless", "--no-sandbox", "--disable-gpu",
         "--enable-logging=stderr", "--v=0", *extra, "--dump-dom", url],
        capture_output=True, text=True, timeout=120)
    console = [l for l in run.stderr.splitlines() if CONSOLE.search(l)]
    return run.stdout, console


class Dom(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.links, self.classes, self.timeline = [], {}, []
        self._in_li = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for key in ("href", "src"):
            if attrs.get(key):
                self.links.append(attrs[key])
        for c in (attrs.get("class") or "").split():
            self.classes[(tag, c)] = self.classes.get((tag, c), 0) + 1
        if tag == "li" and "request-" in (attrs.get("class") or ""):
            self._in_li = attrs["class"]
            self.timeline.append([attrs["class"], ""])

    def handle_endtag(self, tag):
        if tag == "li":
            self._in_li = None

    def handle_data(self, data):
        if self._in_li:
            self.timeline[-1][1] += data


PROBE = """<!DOCTYPE html><html><body>
<iframe id="f" src="%s" width="1400" height="2000"></iframe>
<script>
document.getElementById('f').onload = function () {
  var d = this.contentDocument, w = d.defaultView, out = [];
  function shown(e) {
    var r = e.getBoundingClientRect(), s = w.getComputedStyle(e);
    return r.width > 0 && r.height > 0 && s.visibility != 'hidden' &&
        s.display != 'none';
  }
  var items = d.querySelectorAll('ol.timeline li'), seen = 0;
  items.forEach(function (e) { if (shown(e)) seen++; });
  out.push('timeline ' + seen + '/' + items.length + ' visible');
  ['hl-read', 'hl-check', 'hl-write', 'hl-lock'].forEach(function (c) {
    var rows = d.querySelectorAll('tr.' + c), lit = 0;
    rows.forEach(function (e) {
      var bg = w.getComputedStyle(e).backgroundColor;
      if (shown(e) && bg != 'rgba(0, 0, 0, 0)' && bg != 'transparent') lit++;
    });
    out.push(c + ' ' + lit + '/' + rows.length + ' coloured');
  });
  var pre = document.createElement('pre');
  pre.id = 'probe';
  pre.textContent = out.join('; ');
  document.body.appendChild(pre);
};
</script></body></html>
"""


def check_page(binary, folder, name, problems):
    path = os.path.join(folder, name)
    dom_text, console = chromium(binary, "file://" + path)
    for line in console:
        problems.append("%s: console: %s" % (name, line))
    dom = Dom()
    dom.feed(dom_text)
    for link in dom.links:
        if re.match(r"[a-z]+:", link) or not os.path.isfile(
                os.path.join(folder, link)):
            problems.append("%s: link to '%s', not a file of the report"
                            % (name, link))
    return dom


def main():
    binary, folder = sys.argv[1], os.path.abspath(sys.argv[2])
    problems = []
    index = check_page(binary, folder, "index.html", problems)
    pages = sorted(l for l in index.links if l.startswith("finding-"))
    print("index: %d finding pages linked; checks %d, files %d, tables %d" % (
        len(pages), index.classes.get(("h2", "check"), 0),
        index.classes.get(("h3", "file"), 0),
        index.classes.get(("h4", "table"), 0)))
    for name in pages:
        dom = check_page(binary, folder, name, problems)
        marks = ", ".join("%s %d" % (c, dom.classes.get(("tr", c), 0))
                          for c in ("hl-read", "hl-check", "hl-write", "hl-tx",
                                    "hl-lock", "hl-slow"))
        print("%s: %s; timeline A %d, B %d; diff %s" % (
            name, marks,
            sum(1 for c, _ in dom.timeline if c == "request-a"),
            sum(1 for c, _ in dom.timeline if c == "request-b"),
            "yes" if dom.classes.get(("pre", "diff")) else "no"))
        for cls, text in dom.timeline:
            print("%s:   %s" % (name, " ".join(text.split())))
        probe = os.path.join(folder, ".probe-" + name)
        with open(probe, "w") as f:
            f.write(PROBE % name)
        probed, console = chromium(binary, "file://" + probe,
                                   ["--allow-file-access-from-files"])
        os.remove(probe)
        for line in console:
            problems.append("%s: console: %s" % (name, line))
        found = re.search(r'<pre id="probe">([^<]*)</pre>', probed)
        print("%s: browser: %s" % (name, found.group(1) if found
                                   else "the probe did not run"))
    for p in problems:
        print("PROBLEM: " + p)
    print("%d problems" % len(problems))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
