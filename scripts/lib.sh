# Shared by the scripts: paths, JDK 25, and starting PostgreSQL/Redis when they are not reachable.
# shellcheck shell=bash
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${DISCOVERY_JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
export PATH="$JAVA_HOME/bin:$PATH"
export DISCOVERY_DATA_DIR="${DISCOVERY_DATA_DIR:-$ROOT/../shared/data}"
VAR="${DISCOVERY_VAR_DIR:-$ROOT/var}"
PG_HOST=127.0.0.1
PG_PORT="${DISCOVERY_PG_PORT:-5432}"
REDIS_PORT="${DISCOVERY_REDIS_PORT:-6379}"
export DISCOVERY_DB_URL="${DISCOVERY_DB_URL:-jdbc:postgresql://$PG_HOST:$PG_PORT/discovery}"
export DISCOVERY_REDIS_URL="${DISCOVERY_REDIS_URL:-redis://127.0.0.1:$REDIS_PORT/0}"
PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
# How the services' JVMs run (scripts/start, scripts/bench-core-ab). Serial GC: three JVMs, PostgreSQL and Redis share
# two cores here, and G1's concurrent threads competed with them (misses at 32 clients: 239-359 req/s with G1, 350-366
# with Serial; docs/benchmarks.md, load test). -Xms: Serial never shrinks below the initial heap, which the JVM would
# set to 1/64 of the machine's memory
SERVICE_JVM_OPTS="${DISCOVERY_JVM_OPTS:--Xms256m -Xmx512m -XX:+UseSerialGC --add-modules jdk.incubator.vector --enable-native-access=ALL-UNNAMED}"

log() { printf '\033[1m[%s]\033[0m %s\n' "$(basename "$0")" "$*" >&2; }
die() { log "ERROR: $*"; exit 1; }

# Waits up to 60 s for a service JVM just started to report ready; dies at once if it exits meanwhile.
wait_ready() { # name port pid log
  for _ in $(seq 120); do
    if curl -fs "http://127.0.0.1:$2/q/health/ready" >/dev/null; then log "$1 ready on :$2"; return; fi
    kill -0 "$3" 2>/dev/null || die "$1 exited; see $4"
    sleep 0.5
  done
  die "$1 not ready after 60 s; see $4"
}

# Installs what a fresh machine of this kind may lack (root only; Debian packages).
ensure_packages() {
  local missing=()
  command -v pg_isready >/dev/null || missing+=(postgresql postgresql-client)
  command -v redis-server >/dev/null || missing+=(redis-server redis-tools)
  command -v mvn >/dev/null || missing+=(maven)
  command -v curl >/dev/null || missing+=(curl)
  # the browser tests: Debian's Chromium driven by playwright-core from npm (no downloaded browser builds)
  command -v chromium >/dev/null || missing+=(chromium)
  command -v node >/dev/null || missing+=(nodejs)
  command -v npm >/dev/null || missing+=(npm)
  [ -x "$JAVA_HOME/bin/java" ] || die "JDK 25 not found at $JAVA_HOME (set DISCOVERY_JAVA_HOME)"
  if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
  PG_BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)"
}

pg_up() { pg_isready -h "$PG_HOST" -p "$PG_PORT" -q 2>/dev/null; }

# Starts PostgreSQL from the system binaries in a project-local data dir when nothing answers on the port.
ensure_postgres() {
  pg_up && return 0
  local data="$VAR/pgdata"
  log "PostgreSQL not reachable on $PG_HOST:$PG_PORT; starting one in $data"
  mkdir -p "$VAR"
  if [ ! -f "$data/PG_VERSION" ]; then
    mkdir -p "$data" && chown postgres:postgres "$data"
    runuser -u postgres -- "$PG_BIN/initdb" -D "$data" -A trust -U postgres >/dev/null
  fi
  chown postgres:postgres "$data"
  runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$data" -l "$data/server.log" -w \
    -o "-c listen_addresses=$PG_HOST -p $PG_PORT -k $data" start >/dev/null
  pg_up || die "PostgreSQL did not start; see $data/server.log"
}

redis_up() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" ping 2>/dev/null | grep -q PONG; }

ensure_redis() {
  redis_up && return 0
  log "Redis not reachable on 127.0.0.1:$REDIS_PORT; starting one in $VAR/redis"
  mkdir -p "$VAR/redis"
  redis-server --daemonize yes --bind 127.0.0.1 --port "$REDIS_PORT" --dir "$VAR/redis" \
    --save "" --appendonly no --logfile "$VAR/redis/redis.log"
  for _ in $(seq 50); do redis_up && return 0; sleep 0.1; done
  die "Redis did not start; see $VAR/redis/redis.log"
}

# the database and Redis db the services are configured for (so a second checkout can use its own)
DB_NAME="${DISCOVERY_DB_URL##*/}"; DB_NAME="${DB_NAME%%\?*}"
REDIS_DB="${DISCOVERY_REDIS_URL##*/}"; [[ "$REDIS_DB" =~ ^[0-9]+$ ]] || REDIS_DB=0
psql_q() { psql -h "$PG_HOST" -p "$PG_PORT" -U postgres -d "${2:-$DB_NAME}" -tAqc "$1" 2>/dev/null; }
# an API key whose limit is far above any benchmark's load (the anonymous limit would turn a benchmark into 429s),
# created once per checkout
bench_api_key() {
  local f="$VAR/run/bench-key"
  if [ ! -s "$f" ]; then
    mkdir -p "$VAR/run"
    # the CLI's "created key … store it now" goes nowhere: the key is in $f, and benchmark reports must not quote it
    local msg
    if ! msg="$( (umask 077 && "$ROOT/scripts/api-keys" create --name bench --rate-per-minute 1000000 \
      > "$f") 2>&1)"; then
      rm -f "$f"; echo "$msg" >&2; return 1
    fi
  fi
  cat "$f"
}
redis_q() { redis-cli -h 127.0.0.1 -p "$REDIS_PORT" -n "$REDIS_DB" "$@" 2>/dev/null; }
# name=pid,… of core, vector-search and Redis, for the harnesses' CPU per answer (BENCH_PIDS)
bench_pids() {
  local pids="" s redis_pid
  for s in core-discovery vector-search; do
    [ -f "$VAR/run/$s.pid" ] && pids="$pids${pids:+,}$s=$(cat "$VAR/run/$s.pid")"
  done
  redis_pid="$(redis_q info server | tr -d '\r' | awk -F: '$1 == "process_id" {print $2}')" || true
  [ -n "$redis_pid" ] && [ -r "/proc/$redis_pid/stat" ] && pids="$pids${pids:+,}redis=$redis_pid"
  echo "$pids"
}

# Drops core's cached result pages (keys rp<N>:*, any format), so a benchmark's "cold" or "miss" requests miss.
clear_result_cache() {
  local n
  n=$(redis_q --scan --pattern 'rp[0-9]*:*' | xargs -r -n 500 redis-cli -h 127.0.0.1 -p "$REDIS_PORT" -n "$REDIS_DB" unlink \
    | paste -sd+ | bc)
  log "result cache cleared (${n:-0} pages)"
}

CATALOGUE_JAR() { ls "$ROOT"/core-discovery/catalogue/target/catalogue-*-cli.jar 2>/dev/null | head -1; }
APP_JAR() { echo "$ROOT/$1/target/quarkus-app/quarkus-run.jar"; }

# Builds everything (no tests) when a packaged artifact is missing or a source is newer than it.
build_if_needed() {
  local stamp="$ROOT/web-layer/target/quarkus-app/quarkus-run.jar"
  if [ -z "$(CATALOGUE_JAR)" ] || [ ! -f "$stamp" ] || [ ! -f "$(APP_JAR core-discovery/service)" ] \
     || [ ! -f "$(APP_JAR vector-search/service)" ] \
     || [ -n "$(find "$ROOT" -path "$ROOT/var" -prune -o \( -name '*.java' -o -name 'pom.xml' -o -name '*.properties' -o -path '*/resources/*' \) -newer "$stamp" -print -quit 2>/dev/null)" ]; then
    log "building (mvn install -DskipTests)"
    (cd "$ROOT" && mvn -B -q install -DskipTests) || die "build failed"
  fi
}
