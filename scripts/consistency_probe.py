#!/usr/bin/env python3
"""How long after a save `briefing serve` publishes every page derived from the edited one.

    scripts/consistency_probe.py BASE_URL PAGE_FILE PATH... [--runs 20] [--jitter 1000]

Listens to the server's event stream (/__briefing/events, as a tab does), appends a fresh
marker to the `title:` of PAGE_FILE (a content page with front matter), and records when
a `pages` notice first names each PATH (any notice, for non-HTML paths such as feeds) (e.g. /briefings/x/ / /countries/syria/ /sources/
/atom.xml) with the marker then in that page (checked with one GET, so polling does not
load the server). Prints the time per path and for the slowest; restores the file after
each run. A random pause of 0..--jitter ms comes before each write.
"""
import argparse, http.client, json, queue, random, statistics, sys, threading, time
import urllib.parse, urllib.request


def listen(base, q):
    u = urllib.parse.urlparse(base)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=None)
    c.request("GET", "/__briefing/events?path=%2Fprobe%2F")
    r = c.getresponse()
    event = None
    while True:
        line = r.fp.readline()
        if not line:
            return
        line = line.decode().rstrip("\r\n")
        if line.startswith("event:"):
            event = line[6:].strip()
        elif line.startswith("data:") and event:
            q.put((time.monotonic(), event, json.loads(line[5:])))
        elif not line:
            event = None


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as r:
        return r.read().decode("utf-8", "replace")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("base")
    ap.add_argument("file")
    ap.add_argument("paths", nargs="+")
    ap.add_argument("--runs", type=int, default=20)
    ap.add_argument("--jitter", type=int, default=1000)
    ap.add_argument("--timeout", type=float, default=10.0)
    a = ap.parse_args()
    base = a.base.rstrip("/")
    q = queue.Queue()
    threading.Thread(target=listen, args=(base, q), daemon=True).start()
    time.sleep(0.5)
    original = open(a.file, encoding="utf-8").read()
    lines = original.split("\n")
    i = next(n for n, l in enumerate(lines) if l.startswith("title:"))
    title = lines[i][len("title:"):].strip().strip("\"'").replace('"', "")
    per_path = {p: [] for p in a.paths}
    slowest = []

    def drain(until_quiet):
        end = time.monotonic() + until_quiet
        while time.monotonic() < end:
            try:
                q.get(timeout=0.05)
                end = time.monotonic() + until_quiet
            except queue.Empty:
                pass

    try:
        for run in range(1, a.runs + 1):
            marker = "Probe%06d" % random.randrange(10**6)
            drain(0.3)
            time.sleep(random.random() * a.jitter / 1000)
            lines[i] = 'title: "%s %s"' % (title, marker)
            t0 = time.monotonic()
            with open(a.file, "w", encoding="utf-8") as f:
                f.write("\n".join(lines))
            pending, seen = set(a.paths), {}
            while pending and time.monotonic() - t0 < a.timeout:
                try:
                    t, event, data = q.get(timeout=0.1)
                except queue.Empty:
                    continue
                if event != "pages":
                    continue
                named = set(data["paths"])
                for p in sorted(pending):
                    # Non-HTML outputs (feeds, data) are not named: look after every notice.
                    page = p.endswith("/") or p.endswith(".html")
                    if ("*" in named or p in named or not page) and marker in fetch(base + p):
                        seen[p] = (t - t0) * 1000
                        pending.discard(p)
            if pending:
                sys.exit("run %d: %s never showed the change" % (run, sorted(pending)))
            for p, ms in seen.items():
                per_path[p].append(ms)
            slowest.append(max(seen.values()))
            print("run %d: all consistent after %.0f ms (%s)" % (run, max(seen.values()),
                  ", ".join("%s %.0f" % (p, seen[p]) for p in a.paths)))
            with open(a.file, "w", encoding="utf-8") as f:
                f.write(original)
            drain(0.5)
    finally:
        with open(a.file, "w", encoding="utf-8") as f:
            f.write(original)
    for p in a.paths:
        print("path %s: median %.0f ms, max %.0f ms" % (p, statistics.median(per_path[p]), max(per_path[p])))
    print("RESULT runs=%d median_all_consistent_ms=%.0f max_ms=%.0f" % (
        len(slowest), statistics.median(slowest), max(slowest)))


if __name__ == "__main__":
    main()
