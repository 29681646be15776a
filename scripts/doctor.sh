# Sourced by ./suite: `./suite doctor` checks that this machine can run the suite, and says how to fix what cannot.
# Exit code 0 only when every check passes.

DOCTOR_FAILURES=0
ok() { printf '  \033[32mok\033[0m    %s\n' "$*"; }
bad() { printf '  \033[31mFAIL\033[0m  %s\n        fix: %s\n' "$1" "$2"; DOCTOR_FAILURES=$((DOCTOR_FAILURES + 1)); }
note() { printf '  info  %s\n' "$*"; }

PLACEHOLDERS="sk-proj-superadmin-default-key-change-me change-me changeme secret password your-secret-here"

check_java() {
  say "Java"
  if find_java; then ok "JDK $(java_major "$JAVA_HOME/bin/java") at $JAVA_HOME"
  else bad "no JDK 21 or newer found" "install Temurin 21+ (or OpenJDK 21+) and set JAVA_HOME"; fi
}

check_secret() {
  local name="$1" value="${!1:-}" placeholder
  if [ -z "$value" ]; then bad "$name is not set" "run ./suite up once (it writes .env), or set $name in .env: $(how_to_generate)"; return; fi
  if [ "${#value}" -lt 32 ]; then bad "$name is shorter than 32 characters" "$(how_to_generate)"; return; fi
  for placeholder in $PLACEHOLDERS; do
    [ "$value" = "$placeholder" ] && { bad "$name is a well-known placeholder" "$(how_to_generate)"; return; }
  done
  if [ "$name" = SUPER_ADMIN_API_KEY ] && [ -f "$(jar_of key-manager)" ] && find_java; then
    # the key manager's own rules (entropy, keys the first version published), not a copy of them
    local verdict
    if ! verdict=$(SUPER_ADMIN_API_KEY="$value" "$JAVA_HOME/bin/java" -jar "$(jar_of key-manager)" check-super-admin-key 2>&1); then
      bad "$name: ${verdict##*$'\n'}" "$(how_to_generate)"; return
    fi
  fi
  ok "$name is set and long enough"
}
how_to_generate() { echo "generate one with: head -c 48 /dev/urandom | base64 | tr -d '\\n/+='"; }

check_variables() {
  say "Variables (.env)"
  if [ -f "$ENV_FILE" ]; then ok ".env exists"; set -a; . "$ENV_FILE"; set +a
  else bad ".env is missing" "run ./suite up once, or cp .env.example .env and fill in the secrets"; fi
  check_secret SUPER_ADMIN_API_KEY
  check_secret INTERNAL_JWT_SECRET
  check_secret SIGNED_URL_SECRET
}

port_owner_is_suite() {
  local service="$1"
  is_running "$service" && is_healthy "$service"
}

check_ports() {
  say "Ports"
  local service port
  for service in "${SERVICES[@]}"; do
    port=$(port_of "$service")
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then ok "port $port ($service) is free"
    elif port_owner_is_suite "$service"; then ok "port $port is used by the suite's own $service"
    else bad "port $port ($service) is used by another program" "stop it, or set $(echo "$service" | tr 'a-z-' 'A-Z_')_PORT in .env"; fi
  done
}

check_database() {
  say "Databases"
  local name url file
  for name in KEYS_DB_URL STAGING_DB_URL; do
    url="${!name:-}"
    case "$url" in
      "")
        file="$DATA/$([ "$name" = KEYS_DB_URL ] && echo keys.db || echo staging.db)"
        if [ -f "$file" ]; then ok "$name: SQLite file $file exists (migrated at start-up)"
        else ok "$name: SQLite at $file (created and migrated on first start)"; fi
        mkdir -p "$DATA" 2>/dev/null && [ -w "$DATA" ] || bad "$DATA is not writable" "chown or chmod the folder"
        ;;
      jdbc:sqlite:*)
        file="${url#jdbc:sqlite:}"; file="${file%%\?*}"
        if [ -w "$(dirname "$file")" ]; then ok "$name: SQLite at $file"
        else bad "$name: folder of $file is not writable" "create it or fix its permissions"; fi
        ;;
      jdbc:postgresql://*)
        local hostport host port
        hostport="${url#jdbc:postgresql://}"; hostport="${hostport%%/*}"
        host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=5432
        if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then ok "$name: PostgreSQL answers at $host:$port (Flyway migrates at start-up)"
        else bad "$name: PostgreSQL at $host:$port does not answer" "start PostgreSQL, or unset $name to use SQLite"; fi
        ;;
      *) bad "$name is not a JDBC URL: $url" "use jdbc:postgresql://host:5432/db?user=...&password=... or leave it empty for SQLite" ;;
    esac
  done
}

check_redis() {
  say "Redis"
  local url="${RATE_LIMIT_REDIS_URL:-}" hostport host port
  if [ -z "$url" ]; then ok "not configured: rate limits are kept in memory (one gateway)"; return; fi
  hostport="${url#redis://}"; hostport="${hostport#*@}"; hostport="${hostport%%/*}"
  host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=6379
  if (exec 3<>"/dev/tcp/$host/$port") 2>/dev/null; then ok "Redis answers at $host:$port"
  else bad "Redis at $host:$port does not answer" "start Redis, or unset RATE_LIMIT_REDIS_URL"; fi
}

workflow_dir() { echo "$ROOT/comfyui-workflows/src/main/resources/workflows"; }

# Prints "folder<TAB>file" for each model file a workflow names, by the loader input that names it.
workflow_models() {
  sed -nE 's/.*"(ckpt_name|control_net_name|clip_name|ipadapter_file|model_name|vae_name|lora_name)"[[:space:]]*:[[:space:]]*"([^"]+)".*/\1\t\2/p' "$1" |
    sed -e 's/^ckpt_name/checkpoints/' -e 's/^control_net_name/controlnet/' -e 's/^clip_name/clip_vision/' \
      -e 's/^ipadapter_file/ipadapter/' -e 's/^model_name/upscale_models/' -e 's/^vae_name/vae/' -e 's/^lora_name/loras/' | sort -u
}

check_engine() {
  local url="$1" workflow classes class missing_nodes models folder file listing missing_models
  if ! curl -fsS -o /dev/null --max-time 5 "$url/system_stats"; then
    bad "ComfyUI at $url does not answer" "start ComfyUI (python main.py --listen 127.0.0.1 --port 8188), or ./suite up --simulator, or fix COMFYUI_URLS"
    return
  fi
  if curl -fsS --max-time 5 "$url/system_stats" | grep -q 'comfyui-simulator'; then ok "ComfyUI at $url answers (SIMULATED engine)"
  else ok "ComfyUI at $url answers"; fi
  for workflow in "$(workflow_dir)"/*.json; do
    case "$workflow" in *binding*|*.bindings.json) continue ;; esac
    grep -q '"class_type"' "$workflow" || continue
    missing_nodes=""
    classes=$(sed -nE 's/.*"class_type"[[:space:]]*:[[:space:]]*"([^"]+)".*/\1/p' "$workflow" | sort -u)
    while IFS= read -r class; do
      [ -z "$class" ] && continue
      if [ "$(curl -fsS --max-time 5 -G "$url/object_info/$(printf '%s' "$class" | sed 's/ /%20/g')")" = "{}" ]; then
        missing_nodes="$missing_nodes '$class'"
      fi
    done <<<"$classes"
    missing_models=""
    while IFS=$'\t' read -r folder file; do
      [ -z "$folder" ] && continue
      listing=$(curl -fsS --max-time 5 "$url/models/$folder" 2>/dev/null || echo "")
      printf '%s' "$listing" | grep -qF "\"$file\"" || missing_models="$missing_models models/$folder/$file"
    done < <(workflow_models "$workflow")
    if [ -z "$missing_nodes$missing_models" ]; then ok "workflow $(basename "$workflow") can run on $url"
    else
      [ -n "$missing_nodes" ] && bad "workflow $(basename "$workflow") on $url: missing node classes:$missing_nodes" \
        "install the custom node packs listed in comfyui-workflows/README.md into ComfyUI/custom_nodes and restart ComfyUI"
      [ -n "$missing_models" ] && bad "workflow $(basename "$workflow") on $url: missing model files:$missing_models" \
        "download them into those folders under ComfyUI/ (see comfyui-workflows/README.md) and restart ComfyUI"
    fi
  done
}

check_engines() {
  say "ComfyUI engines"
  local urls="${COMFYUI_URLS:-http://127.0.0.1:8188}" url
  if is_running simulator; then urls="http://127.0.0.1:$(port_of simulator)"; fi
  IFS=',' read -ra list <<<"$urls"
  for url in "${list[@]}"; do check_engine "${url%/}"; done
}

check_build() {
  say "Build"
  local service
  for service in "${SERVICES[@]}" simulator; do
    if [ -f "$(jar_of "$service")" ]; then ok "$(basename "$(jar_of "$service")") is built"
    else note "$(basename "$(jar_of "$service")") is not built yet: ./suite up builds it (or ./mvnw -DskipTests package)"; fi
  done
}

doctor_main() {
  check_java
  check_variables
  check_build
  check_ports
  check_database
  check_redis
  check_engines
  say ""
  if [ "$DOCTOR_FAILURES" -eq 0 ]; then say "All checks passed."; return 0; fi
  say "$DOCTOR_FAILURES check(s) failed: see the fixes above."
  exit 1
}
