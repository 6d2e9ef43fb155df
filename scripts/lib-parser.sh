# Shared by scripts/parse, train-parser, eval-parser, bench-parser: the runtime classpath of one parser module,
# built (module jar + `mvn dependency:build-classpath`) when missing or older than its sources.
# shellcheck shell=bash
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

# parser_classpath <module dir relative to the repo root> → prints the classpath
parser_classpath() {
  local module="$1" cpfile="$ROOT/$1/target/classpath.txt" jar
  jar="$(ls "$ROOT/$module"/target/*-SNAPSHOT.jar 2>/dev/null | head -1 || true)"
  if [ -z "$jar" ] || [ ! -f "$cpfile" ] || [ -n "$(find "$ROOT/$module/src/main" "$ROOT/query-parser-models/src/main" -newer "$jar" -type f 2>/dev/null | head -1)" ]; then
    log "building $module"
    (cd "$ROOT" && mvn -q -pl "$module" -am install -DskipTests >&2 \
      && mvn -q -pl "$module" dependency:build-classpath -Dmdep.outputFile="$cpfile" >&2) || die "build of $module failed"
    jar="$(ls "$ROOT/$module"/target/*-SNAPSHOT.jar | head -1)"
  fi
  printf '%s:%s' "$jar" "$(cat "$cpfile")"
}
