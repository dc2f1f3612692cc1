#!/usr/bin/env bash
# Lighthouse (npm, installed once under .cache/, never in the repository) against the young
# person's key pages on a Voice started here on loopback: a fresh SQLite file, migrated and
# loaded with `flask demo`, under gunicorn as `make run` serves it. Mobile is Lighthouse's
# default (a mid-range phone on slow 4G, simulated). Prints performance, accessibility and
# best-practices scores per page and writes them into bench/RESULTS.md between the
# "lighthouse" markers. Usage: bench/lighthouse.sh   (about a minute; loopback only)
set -euo pipefail
cd "$(dirname "$0")/.."

LIGHTHOUSE_VERSION=12.8.2
PREFIX=.cache/lighthouse
BIN=.venv/bin
# Every young person's page Lighthouse can score (it refuses a 404 page). The last two are a
# young person's own: their session is made below by sending a message and opening its case.
PAGES=(/ /share /check /privacy /you-said-we-did /decisions DECISION /share/sent /check/case)
export CHROME_PATH=${CHROME_PATH:-/usr/bin/chromium}
CHROME_FLAGS="--headless --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync"

[ -x "$PREFIX/node_modules/.bin/lighthouse" ] ||
  npm install --silent --no-audit --no-fund --ignore-scripts --prefix "$PREFIX" "lighthouse@$LIGHTHOUSE_VERSION"

work=$(mktemp -d)
port=$($BIN/python -c "import socket; s = socket.socket(); s.bind(('127.0.0.1', 0)); print(s.getsockname()[1])")
export VOICE_ENV=development VOICE_SECRET_KEY=lighthouse-only VOICE_REFERENCE_CODE_KEY=lighthouse-only
export VOICE_SQLALCHEMY_DATABASE_URI="sqlite:///$work/voice.sqlite3" VOICE_RATELIMIT_ENABLED=false
$BIN/flask --app voice db upgrade >/dev/null 2>&1
$BIN/flask --app voice demo >/dev/null
$BIN/gunicorn --bind "127.0.0.1:$port" --workers 2 --log-level warning wsgi:app &
server=$!
trap 'kill $server; rm -rf "$work"' EXIT
for _ in $(seq 50); do curl -fs "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 0.2; done
# A live server has drawn its pages long before a phone arrives: ask each worker for each page
# first, so the score is not of Jinja compiling templates in a process that just started.
for page in / /share /check /privacy /you-said-we-did /decisions; do
  for _ in 1 2 3 4; do curl -fs -o /dev/null "http://127.0.0.1:$port$page"; done
done

# A young person's session: send a message through the form, then open its case with the code.
read -r cookie decision < <($BIN/python - "http://127.0.0.1:$port" <<'EOF'
import http.cookiejar, re, sys, urllib.parse, urllib.request
site = sys.argv[1]
jar = http.cookiejar.CookieJar()
web = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
def get(path):
    return web.open(site + path).read().decode()
def post(path, data):
    return web.open(site + path, urllib.parse.urlencode(data).encode()).read().decode()
def hidden(name, page):
    return re.search(rf'name="{name}" type="hidden" value="([^"]+)"', page).group(1)
form = get("/share")
sent = post("/share", {"csrf_token": hidden("csrf_token", form), "kind": "idea",
                       "form_token": hidden("form_token", form), "audience": "cicc",
                       "theme": re.search(r'name="theme"[^>]*value="(\d+)"', form).group(1),
                       "reply_by": "code", "message": "Could the youth club open on Sundays?"})
code = re.search(r'data-code="([^"]+)"', sent).group(1)
post("/check", {"csrf_token": hidden("csrf_token", get("/check")), "code": code})
decision = re.search(r'href="(/decisions/\d+)"', get("/decisions")).group(1)
print("; ".join(f"{c.name}={c.value}" for c in jar), decision)
EOF
)
PAGES=("${PAGES[@]/DECISION/$decision}")
headers=$(printf '{"Cookie": "%s"}' "$cookie")

for page in "${PAGES[@]}"; do
  name=$(echo "$page" | tr '/' '_')
  own=(); case "$page" in /share/sent|/check/case) own=(--extra-headers="$headers");; esac
  for attempt in 1 2 3; do  # on a busy machine Chromium's trace sometimes misses the start
    "$PREFIX/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$page" --quiet "${own[@]}" \
      --chrome-flags="$CHROME_FLAGS" --only-categories=performance,accessibility,best-practices \
      --output=json --output-path="$work/lh$name.json" >/dev/null 2>"$work/lh$name.log" && break
    [ "$attempt" = 3 ] && { echo "Lighthouse failed on $page:"; cat "$work/lh$name.log"; exit 1; }
    echo "Lighthouse failed on $page (attempt $attempt), trying again" >&2
  done
done

$BIN/python - "$work" "${PAGES[@]}" <<'EOF'
import datetime, json, pathlib, re, sys

work, pages = pathlib.Path(sys.argv[1]), sys.argv[2:]
rows, failed = [], []
for page in pages:
    report = json.loads((work / f"lh{page.replace('/', '_')}.json").read_text())
    if report["finalDisplayedUrl"].split("/", 3)[-1] != page.lstrip("/"):  # a redirect scored
        failed.append(f"{page} ended at {report['finalDisplayedUrl']}")
    scores = {k: round(v["score"] * 100) for k, v in report["categories"].items()}
    failed += [f"{page} {a['id']}" for a in report["audits"].values()
               if a.get("score") is not None and a["score"] < 1
               and a.get("scoreDisplayMode") == "binary"]
    metrics = report["audits"]
    rows.append(f"| `{page}` | {scores['performance']} | {scores['accessibility']} | "
                f"{scores['best-practices']} | {metrics['first-contentful-paint']['displayValue']} | "
                f"{metrics['largest-contentful-paint']['displayValue']} | "
                f"{metrics['total-byte-weight']['displayValue']} |")
table = ["| Page | Performance | Accessibility | Best practices | FCP | LCP | Bytes |",
         "|---|---:|---:|---:|---:|---:|---:|", *rows]
print("\n".join(table))
if failed:
    print("Audits not passed:", ", ".join(failed))
section = f"""<!-- lighthouse -->
## Lighthouse (young people's pages)

Run {datetime.datetime.utcnow():%Y-%m-%d %H:%M} UTC by `bench/lighthouse.sh`: Lighthouse
{report['lighthouseVersion']}, mobile (its default: a mid-range phone on slow 4G, simulated),
Debian's Chromium headless, against Voice under gunicorn on loopback with the demo data.
Targets (issue 8): accessibility 100, performance ≥ 98. Load average when it finished:
{open("/proc/loadavg").read().split()[0]} on {__import__("os").cpu_count()} cores (Lighthouse's simulated phone
multiplies the main thread's real time, so a busy machine lowers the performance score).

""" + "\n".join(table) + ("\n\nAudits not passed: " + ", ".join(failed) if failed else "") + """
<!-- /lighthouse -->
"""
results = pathlib.Path("bench/RESULTS.md")
text = results.read_text() if results.exists() else "# Benchmark results\n"
marked = re.compile(r"<!-- lighthouse -->.*<!-- /lighthouse -->\n", re.S)
text = marked.sub(lambda _: section, text) if marked.search(text) else text.rstrip() + "\n\n" + section
results.write_text(text)
print("Wrote the Lighthouse section of bench/RESULTS.md")
EOF
