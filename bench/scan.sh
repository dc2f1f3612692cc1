#!/usr/bin/env bash
# bench/scan.sh: sqlmap and wapiti against a Voice started here on 127.0.0.1 (a fresh SQLite
# database with the demo loaded, development mode, gunicorn with 2 workers as `make run`),
# first as anyone on the internet, then signed in as the demo participation worker. Prints
# what each scanner found and every 5xx the server answered. Loopback only; never part of
# make test. Needs: apt-get install -y sqlmap; wapiti3 goes into bench/.wapiti (its own venv,
# not the app's) on the first run.
#   bench/scan.sh                   5 scans of SCAN_SECONDS at most each (default 240)
#   SCAN_STAFF=0 bench/scan.sh      the public pages only
set -euo pipefail
cd "$(dirname "$0")/.."
SCAN_SECONDS=${SCAN_SECONDS:-240}
SCAN_STAFF=${SCAN_STAFF:-1}
BIN=.venv/bin
WAPITI=bench/.wapiti/bin/wapiti
# Explicit modules: injection (sql, exec, file, xxe, crlf, log4shell, shellshock,
# spring4shell), scripts (xss, permanentxss), where links lead (redirect, ssrf), forms
# (csrf, upload) and the server's answers (http_headers, csp, cookieflags, methods, backup,
# htaccess). timesql is left to sqlmap, which also tries time-based injection.
MODULES=sql,exec,file,xxe,crlf,log4shell,shellshock,spring4shell,xss,permanentxss,redirect,ssrf,csrf,upload,http_headers,csp,cookieflags,methods,backup,htaccess

command -v sqlmap >/dev/null || { echo "scan.sh needs sqlmap: apt-get install -y sqlmap"; exit 1; }
if [ ! -x "$WAPITI" ]; then
  python3 -m venv bench/.wapiti
  bench/.wapiti/bin/pip install --quiet wapiti3
fi

out=bench/out/scan-$(date -u +%Y%m%d-%H%M%S)
mkdir -p "$out"
tmp=$(mktemp -d /tmp/voice-scan.XXXXXX)
port=$($BIN/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
url="http://127.0.0.1:$port"
export VOICE_ENV=development VOICE_SQLALCHEMY_DATABASE_URI="sqlite:///$tmp/voice.sqlite3"
export VOICE_SECRET_KEY=$(openssl rand -hex 32) VOICE_REFERENCE_CODE_KEY=$(openssl rand -hex 32)
# The scanners send thousands of requests from one address; with the rate limit on they
# would mostly see "429 Too many requests" and test nothing behind it.
export VOICE_RATELIMIT_ENABLED=false

server=""
stop() {
  [ -n "$server" ] && kill "$server" 2>/dev/null && wait "$server" 2>/dev/null
  rm -rf "$tmp"
}
trap stop EXIT
trap 'exit 1' INT TERM

$BIN/flask --app voice db upgrade > "$out/setup.log" 2>&1 || { cat "$out/setup.log"; exit 1; }
$BIN/flask --app voice demo > "$tmp/demo.txt" 2>> "$out/setup.log" || { cat "$out/setup.log"; exit 1; }
$BIN/gunicorn --bind "127.0.0.1:$port" --workers 2 --access-logfile "$out/access.log" \
  --access-logformat '%(s)s %(m)s %(U)s' --error-logfile "$out/server.log" wsgi:app &
server=$!
for _ in $(seq 100); do curl -sf "$url/healthz" >/dev/null && break; sleep 0.2; done
echo "== Voice (demo data) on $url; reports in $out"

run_sqlmap() {  # $1: label, then sqlmap's target options
  local label=$1
  shift
  echo "== sqlmap ($label), at most ${SCAN_SECONDS}s"
  timeout "$SCAN_SECONDS" sqlmap --csrf-token=csrf_token --batch --output-dir="$out/sqlmap-$label" \
    --results-file="$out/sqlmap-$label.csv" "$@" > "$out/sqlmap-$label.log" 2>&1 \
    || echo "   (stopped after ${SCAN_SECONDS}s or with an error; see $out/sqlmap-$label.log)"
  set -- "$label"
  grep -E "^\[[0-9]+/[0-9]+\] Form:|^(POST|GET) http" "$out/sqlmap-$1.log" | grep -E "^(POST|GET)" \
    | sort -u | sed 's/^/   form: /' || true
  echo "   parameters tried: $(grep -o "testing for SQL injection on [A-Z]* parameter '[^']*'" \
    "$out/sqlmap-$1.log" | sort -u | sed "s/.*on //" | tr '\n' ' ')"
  grep -E "tested parameters do not appear|identified the following injection|is vulnerable|\[CRITICAL\]" \
    "$out/sqlmap-$1.log" | sed 's/^\[[0-9:]*\] //' | cut -c1-150 | sort | uniq -c \
    | sed 's/^/   /' || true
  if [ -s "$out/sqlmap-$1.csv" ] && [ "$(wc -l < "$out/sqlmap-$1.csv")" -gt 1 ]; then
    echo "   INJECTION POINTS:"; tail -n +2 "$out/sqlmap-$1.csv" | sed 's/^/   /'
  else
    echo "   injection points found: 0 ($(grep -c "^\[.*testing '" "$out/sqlmap-$1.log" || true) tests run)"
  fi
}

run_wapiti() {  # $1: label, $2: where to start, $3: cookie or empty
  local cookie=()
  [ -n "$3" ] && cookie=(-C "$3")
  echo "== wapiti ($1), at most ${SCAN_SECONDS}s"
  timeout $((SCAN_SECONDS * 3)) "$WAPITI" -u "$2" -m "$MODULES" --scope domain -d 2 \
    --max-scan-time "$SCAN_SECONDS" --max-attack-time 20 \
    --endpoint http://127.0.0.1:9/ --dns-endpoint localhost \
    -x "$url/leave" -x "$url/staff/logout" --flush-session --no-bugreport --tasks 8 -t 20 \
    --store-session "$out/wapiti-session-$1" -f json -o "$out/wapiti-$1.json" \
    "${cookie[@]}" > "$out/wapiti-$1.log" 2>&1 \
    || echo "   (stopped or failed; see $out/wapiti-$1.log)"
  $BIN/python - "$out/wapiti-$1.json" <<'EOF' || true
import json, sys
try:
    report = json.load(open(sys.argv[1]))
except (OSError, ValueError) as error:
    sys.exit(f"   no report ({error})")
for part in ("vulnerabilities", "anomalies"):
    found = {name: items for name, items in report.get(part, {}).items() if items}
    print(f"   {part}: {sum(map(len, found.values()))}")
    for name, items in found.items():
        for item in items:
            print(f"     - {name}: {item.get('method')} {item.get('path')} "
                  f"[{item.get('parameter') or '-'}] {item.get('info', '')[:160]}")
crawled = report.get("infos", {}).get("crawled_pages_nbr") or len(report.get("infos", {}).get("crawled_pages", []))
print(f"   pages crawled: {crawled}")
EOF
}

# --crawl-exclude: /leave (quick exit) and signing out would end the session being tested.
CRAWL=(-u "$url/" --forms --crawl=2 --crawl-exclude='leave|logout')
run_sqlmap public "${CRAWL[@]}"
# The crawl fills every blank box, the hidden "website" honeypot too, so Voice says thank you
# and keeps nothing: the share form is tried again as a phone fills it, honeypot left empty
# (-p: sqlmap ignores a parameter called form_token unless told to try it).
run_sqlmap share -u "$url/share" --csrf-url="$url/share" \
  -p kind,theme,message,audience,reply_by,form_token \
  --data="kind=view&theme=1&message=The+bus+pass+runs+out+too+soon&audience=cicc&reply_by=code&form_token=scan$RANDOM&website=&csrf_token=x"
run_wapiti public "$url/" ""
if [ "$SCAN_STAFF" = "1" ]; then
  read -r email password < <(awk '/worker@/ {print $(NF-1), $NF; exit}' "$tmp/demo.txt")
  key=$(awk '/worker@/ {getline; sub(/.*setup key: /, ""); print; exit}' "$tmp/demo.txt")
  cookie=$($BIN/python bench/scan_sign_in.py "$url" "$email" "$password" "$key")
  echo "== signed in as $email (participation worker)"
  # From the worker's home page: the young person's pages do not link to staff ones.
  run_sqlmap staff -u "$url/moderation" --forms --crawl=2 --crawl-exclude='leave|logout' \
    --cookie="$cookie"
  run_wapiti staff "$url/moderation" "$cookie"
fi

echo "== server answers during the scans"
awk '{print $1}' "$out/access.log" | sort | uniq -c | sort -rn | sed 's/^/   /'
errors=$(awk '$1 >= 500' "$out/access.log" | sort | uniq -c | sort -rn)
if [ -n "$errors" ]; then echo "   5xx answers:"; echo "$errors" | sed 's/^/   /'; fi
