#!/usr/bin/env bash
# Bounded load test on loopback: gunicorn with two workers, wrk with 32 connections.
#   scripts/lasttest.sh [seconden]        (default 60)
# Logged-in users fetch kennisbank pages, search and the team dashboard in turn; the same run
# measures a plain Wagtail page (the home page) as baseline and prints both throughputs, their
# ratio and the number of errors. Exits non-zero when any request failed. Stops by itself.
set -euo pipefail
cd "$(dirname "$0")/.."

DUUR="${1:-60}"
PORT="${LAST_PORT:-8765}"
PY=.venv/bin/python
command -v wrk >/dev/null || { echo "wrk ontbreekt: sudo apt-get install wrk" >&2; exit 1; }

werk=$(mktemp -d /tmp/leernetwerk-last.XXXXXX)
export DJANGO_SETTINGS_MODULE=cms.settings.production
export SECRET_KEY="lasttest-$(head -c 32 /dev/urandom | od -An -tx1 | tr -d ' \n')"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=0 WAGTAILADMIN_BASE_URL="http://127.0.0.1:$PORT"
export LEERNETWERK_VAR_DIR="$werk/var" STATIC_ROOT="$werk/static"
mkdir -p "$werk/var"

DJANGO_SETTINGS_MODULE=cms.settings.dev $PY manage.py migrate -v0
DJANGO_SETTINGS_MODULE=cms.settings.dev $PY manage.py demo_laden >/dev/null
$PY manage.py collectstatic --noinput -v0

sessie() {
  $PY manage.py shell -v0 -c "
from django.contrib.auth import get_user_model, SESSION_KEY, BACKEND_SESSION_KEY, HASH_SESSION_KEY
from django.contrib.sessions.backends.db import SessionStore
u = get_user_model().objects.get(username='$1')
s = SessionStore(); s[SESSION_KEY] = str(u.pk)
s[BACKEND_SESSION_KEY] = 'django.contrib.auth.backends.ModelBackend'
s[HASH_SESSION_KEY] = u.get_session_auth_hash(); s.create(); print(s.session_key)" | tail -n 1
}
CONSULENT=$(sessie demo-consulent)
TEAMCHEF=$(sessie demo-teamchef)

.venv/bin/gunicorn cms.wsgi -w 2 -b "127.0.0.1:$PORT" --log-level warning &
GPID=$!
trap 'kill $GPID 2>/dev/null; wait $GPID 2>/dev/null; rm -rf "$werk"' EXIT
for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$PORT/inloggen/" && break; sleep 0.2; done

# Paths that exist in this installation (others are skipped); the home page keeps the list
# from being empty.
KANDIDATEN=(
  "C /handreiking/" "C /interventieschema/" "C /interventieschema/lijst/?doelgroep=jongeren"
  "C /zoeken/?q=interventies+jongeren" "C /zoeken/?q=plangesprek" "C /api/zoeken/?q=MI"
  "C /oefeningen/" "T /team/"
)
lua="$werk/paden.lua"
echo "local paden = {{\"/\", \"sessionid=$CONSULENT\"}}" > "$lua"
for k in "${KANDIDATEN[@]}"; do
  wie=${k%% *}; pad=${k#* }
  cookie=$([ "$wie" = T ] && echo "$TEAMCHEF" || echo "$CONSULENT")
  code=$(curl -s -o /dev/null -w '%{http_code}' -H "Cookie: sessionid=$cookie" "http://127.0.0.1:$PORT$pad")
  if [ "$code" = 200 ]; then
    echo "table.insert(paden, {\"$pad\", \"sessionid=$cookie\"})" >> "$lua"
    echo "meegenomen: $pad"
  else
    echo "overgeslagen ($code): $pad"
  fi
done
cat >> "$lua" <<'LUA'
local i = 0
request = function()
  i = i % #paden + 1
  return wrk.format("GET", paden[i][1], {["Cookie"] = paden[i][2]})
end
response = function(status)
  if status ~= 200 then fouten = (fouten or 0) + 1 end
end
done = function(summary)
  local e = summary.errors
  io.write(string.format("FOUTEN %d\n", e.connect + e.read + e.write + e.timeout + e.status))
end
LUA

basis="$werk/basis.lua"
cat > "$basis" <<LUA
request = function() return wrk.format("GET", "/", {["Cookie"] = "sessionid=$CONSULENT"}) end
done = function(summary)
  local e = summary.errors
  io.write(string.format("FOUTEN %d\n", e.connect + e.read + e.write + e.timeout + e.status))
end
LUA

echo "== Leernetwerk-pagina's, 32 verbindingen, ${DUUR}s =="
wrk -t2 -c32 -d"${DUUR}s" --timeout 10s -s "$lua" "http://127.0.0.1:$PORT" | tee "$werk/app.txt"
echo "== Kale Wagtail-pagina (startpagina), 32 verbindingen, ${DUUR}s =="
wrk -t2 -c32 -d"${DUUR}s" --timeout 10s -s "$basis" "http://127.0.0.1:$PORT" | tee "$werk/basis.txt"

rps() { awk '/Requests\/sec/ {print $2}' "$1"; }
fouten() { awk '/^FOUTEN/ {print $2}' "$1"; }
A=$(rps "$werk/app.txt"); B=$(rps "$werk/basis.txt")
FA=$(fouten "$werk/app.txt"); FB=$(fouten "$werk/basis.txt")
echo ""
echo "Doorvoer Leernetwerk-pagina's: $A verzoeken/s (fouten: $FA)"
echo "Doorvoer kale Wagtail-pagina:  $B verzoeken/s (fouten: $FB)"
awk -v a="$A" -v b="$B" 'BEGIN { printf "Verhouding: %.2f\n", a / b }'
[ "$FA" = 0 ] && [ "$FB" = 0 ]
