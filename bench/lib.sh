# Shared by bench/run, bench/outage and bench/startup (sourced, not run): the JDK, the tools, process bookkeeping,
# free ports, waiting for readiness, the build, and the one PostgreSQL both servers use.
# Expects: $root, $bench, $out, $build (1 = build first), $script (name for messages).

export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
java="$JAVA_HOME/bin/java"
java_opts=${BENCH_JAVA_OPTS:--Xmx256m}
pool_size=${DATABASE1_POOL_SIZE:-10}
jar="$bench/target/benchmarks.jar"
app_jar=${BENCH_APP_JAR:-$root/app/target/app.jar}

for tool in wrk curl; do
  if ! command -v "$tool" >/dev/null; then
    echo "$script: installing $tool (Debian package)" >&2
    apt-get update -qq >/dev/null && apt-get install -y -qq "$tool" >/dev/null
  fi
done

# Every process started here; all are stopped on exit, also on Ctrl-C or failure.
pids=()
stop_all() {
  for pid in "${pids[@]}"; do kill -CONT "$pid" 2>/dev/null || true; kill -TERM "$pid" 2>/dev/null || true; done
  for pid in "${pids[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$pid" 2>/dev/null || true
  done
}
trap stop_all EXIT
trap 'exit 130' INT TERM

port_is_free() { ! (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }
free_port() {
  local port=$1
  while ! port_is_free "$port"; do port=$((port + 1)); done
  echo "$port"
}

# Polls until the check passes, failing after 120 s or when the process exits.
wait_for() {
  local what=$1 check=$2 pid=$3 log=$4 deadline=$((SECONDS + 120))
  until eval "$check" >/dev/null 2>&1; do
    if ! kill -0 "$pid" 2>/dev/null; then
      echo "$script: $what exited while starting; its log ($log):" >&2; tail -20 "$log" >&2; exit 1
    fi
    if [ $SECONDS -ge $deadline ]; then echo "$script: $what not ready after 120 s; see $log" >&2; exit 1; fi
    sleep 0.2
  done
}

if [ "$build" = 1 ]; then
  echo "building app and bench ..." >&2
  (cd "$root" && ./mvnw -q -Pbench -DskipTests -pl app,bench -am package)
fi

# One PostgreSQL for database1: embedded on a free loopback port, or the server DATABASE1_URL names.
# BenchDatabase migrates it with database1's migrations and seeds BENCH_ROWS customers.
db_log="$out/database.log"
if [ -z "${DATABASE1_URL:-}" ]; then
  pg_port=$(free_port 55432)
  "$java" -cp "$jar" dev.multidb.bench.BenchDatabase "$pg_port" >"$db_log" 2>&1 &
  pids+=($!)
  wait_for "embedded PostgreSQL" "grep -q 'bench database ready' '$db_log'" $! "$db_log"
  export DATABASE1_USER=postgres DATABASE1_PASSWORD=${DATABASE1_PASSWORD:-postgres}
else
  "$java" -cp "$jar" dev.multidb.bench.BenchDatabase >"$db_log" 2>&1
fi
ready_line=$(grep 'bench database ready' "$db_log")
db_url=$(sed -n 's/.*url=\([^ ]*\).*/\1/p' <<<"$ready_line")
pg_version=$(sed -n 's/.*version=\([^ ]*\).*/\1/p' <<<"$ready_line")
first_id=$(sed -n 's/.*ids=\([0-9]*\)\.\..*/\1/p' <<<"$ready_line")
last_id=$(sed -n 's/.*ids=[0-9]*\.\.\([0-9]*\).*/\1/p' <<<"$ready_line")
export DATABASE1_URL=$db_url DATABASE1_POOL_SIZE=$pool_size

version_of() { sed -n "s:.*<$1>\(.*\)</$1>.*:\1:p" "$root/pom.xml" | head -1; }

# database2 on an H2 TCP server in SQL Server mode, in its own process (as SQL Server is in production, and so that
# bench/outage can stop and freeze it): start_h2 [port to start looking from]; sets h2_pid and DATABASE2_*.
h2_pid=
start_h2() {
  h2_port=${h2_port:-$(free_port "${1:-59092}")}
  "$java" -cp "$app_jar" org.h2.tools.Server -tcp -tcpPort "$h2_port" -ifNotExists -baseDir "$out/h2" \
    >>"$out/h2.log" 2>&1 &
  h2_pid=$!
  pids+=($h2_pid)
  wait_for "H2 server" "grep -q 'TCP server running' '$out/h2.log'" $h2_pid "$out/h2.log"
  export DATABASE2_URL="jdbc:h2:tcp://127.0.0.1:$h2_port/database2;MODE=MSSQLServer" DATABASE2_USER=sa DATABASE2_PASSWORD=
}

# Migrates every database the environment names (database1 is migrated already), as a deployment's migration job does.
migrate_all() {
  (cd "$out" && APP_ENV=development "$java" -jar "$app_jar" migrate >"$out/migrate.log" 2>&1) \
    || { echo "$script: migrate failed; see $out/migrate.log" >&2; exit 1; }
}
