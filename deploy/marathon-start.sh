#!/bin/sh
# Starts the console as a Marathon app (deploy/marathon.json runs this from the extracted release in the task's
# sandbox): writes a copy of deploy/nginx.conf for this task and runs the image's nginx in the foreground.
#
# The copy differs from deploy/nginx.conf only where a task must differ, each edit made exactly once or not at all
# (the script stops, naming the line, rather than start an nginx that serves the wrong thing):
#   - listen 0.0.0.0:$PORT0         the port Marathon gave the task (Admin Router proxies to the agent's address)
#   - set $console_mount "/service/<name>/"   where Admin Router shows it; <name> is the DCOS_SERVICE_NAME label,
#                                   else the app id without its leading slash (/team/console -> team/console)
#   - root <release>/dist           the dist/ extracted beside this deploy/ folder
#   - pid, temp paths               in the sandbox, so nginx also starts as a user other than root
#   - worker_processes 1            `auto` counts the agent's cores, not the task's share, and each worker costs memory
#   - no brotli_static, no load_module of it: the stock nginx image has no brotli module, and Admin Router drops
#     Accept-Encoding on /service/ anyway, so the .br files would go unused (nginx serves the plain files)
# Logs: errors to stderr, requests to stdout (the task's log, `dcos task log`; a sandbox file if stdout is a socket).
set -eu

fail() {
  echo "marathon-start: $*" >&2
  exit 1
}

[ $# -eq 0 ] || fail "takes no arguments (got: $*); is more than one release extracted in the sandbox?"
: "${PORT0:?is not set: the app needs one port in portDefinitions}"
: "${MESOS_SANDBOX:?is not set: run this as a Marathon task}"

case $PORT0 in
  '' | *[!0-9]*) fail "PORT0 is not a port number: $PORT0" ;;
esac

here=$(cd "$(dirname "$0")" && pwd)
release=$(dirname "$here")
src="$here/nginx.conf"
dist="$release/dist"
sandbox=$(cd "$MESOS_SANDBOX" && pwd)
work="$sandbox/nginx"

# Admin Router serves the app at /service/<DCOS_SERVICE_NAME>/; Marathon hands every label to the task as
# MARATHON_APP_LABEL_<NAME>. Without that label, the app id names it (as Admin Router does for a nested id).
name=${MARATHON_APP_LABEL_DCOS_SERVICE_NAME:-}
if [ -z "$name" ]; then
  : "${MARATHON_APP_ID:?is not set: run this as a Marathon task}"
  name=${MARATHON_APP_ID#/}
fi
name=${name%/}
# Marathon ids and service names are lowercase letters, digits, dots, dashes and slashes; anything else (a quote, a
# semicolon) would change the nginx config rather than a path in it.
case $name in
  '' | /* | *//* | *..* | *[!a-z0-9./-]*) fail "not a service name Admin Router serves under /service/: '$name'" ;;
esac
mount="/service/$name/"

# The paths go into nginx directives and sed replacements as they are.
for path in "$dist" "$work"; do
  case $path in
    *[!A-Za-z0-9._/-]*) fail "a path with characters this script will not write into nginx.conf: $path" ;;
  esac
done

[ -f "$src" ] || fail "no nginx config at $src"
[ -f "$dist/index.html" ] || fail "no $dist/index.html: the release's dist/ must sit beside its deploy/"
[ -f "$dist/version.json" ] || fail "no $dist/version.json: the health check asks for /version.json"

# Each directive this script edits must be in deploy/nginx.conf exactly once (comments do not count).
expect() {
  count=$(grep -c -- "$2" "$src" || true)
  [ "$count" = "$1" ] || fail "deploy/nginx.conf: expected $1 line(s) matching '$2', found $count"
}
expect 1 '^[[:space:]]*listen[[:space:]]'
expect 1 '^[[:space:]]*set[[:space:]][[:space:]]*\$console_mount[[:space:]]'
expect 1 '^[[:space:]]*root[[:space:]]'
expect 1 '^[[:space:]]*pid[[:space:]]'
expect 1 '^[[:space:]]*worker_processes[[:space:]]'
expect 1 '^http[[:space:]]*{'
expect 1 '^[[:space:]]*load_module[[:space:]].*brotli'
count=$(grep -c -- '^[[:space:]]*brotli_static[[:space:]]' "$src" || true)
[ "$count" -ge 1 ] || fail "deploy/nginx.conf: expected brotli_static lines to remove, found none"

conf="$work/nginx.conf"
temp="$work/temp"
mkdir -p "$temp"
# Requests go to the task's stdout, which Mesos keeps (a file in the sandbox, or a pipe to DC/OS's logger). nginx
# cannot open /dev/stdout when it is a socket: then a file in the sandbox.
access_log=/dev/stdout
if [ -S /dev/stdout ]; then
  access_log="$work/access.log"
fi
cat >"$work/edit.sed" <<EOF
s|^\([[:space:]]*\)listen[[:space:]][^;]*;|\1listen 0.0.0.0:$PORT0;|
s|^\([[:space:]]*\)set[[:space:]][[:space:]]*\\\$console_mount[[:space:]][^;]*;|\1set \$console_mount "$mount";|
s|^\([[:space:]]*\)root[[:space:]][^;]*;|\1root $dist;|
s|^\([[:space:]]*\)pid[[:space:]][^;]*;|\1pid $work/nginx.pid;|
s|^\([[:space:]]*\)worker_processes[[:space:]][^;]*;|\1worker_processes 1;|
/^[[:space:]]*load_module[[:space:]].*brotli/d
/^[[:space:]]*brotli_static[[:space:]]/d
/^http[[:space:]]*{/a\\
    access_log $access_log;\\
    client_body_temp_path $temp/client_body;\\
    proxy_temp_path $temp/proxy;\\
    fastcgi_temp_path $temp/fastcgi;\\
    uwsgi_temp_path $temp/uwsgi;\\
    scgi_temp_path $temp/scgi;
EOF
sed -f "$work/edit.sed" "$src" >"$conf"

# And the copy holds each new value once, and nothing of brotli outside comments.
check() {
  count=$(grep -c -F -- "$1" "$conf" || true)
  [ "$count" = 1 ] || fail "the written $conf has '$1' $count times, not once"
}
check "listen 0.0.0.0:$PORT0;"
check "set \$console_mount \"$mount\";"
check "root $dist;"
check "pid $work/nginx.pid;"
check "worker_processes 1;"
check "access_log $access_log;"
check "client_body_temp_path $temp/client_body;"
if grep -v '^[[:space:]]*#' "$conf" | grep -q brotli; then
  fail "the written $conf still mentions brotli"
fi

# Run as root (the image's default), nginx's workers drop to the image's `nginx` user, which must be able to reach
# the files: the sandbox may be closed to others. Only traversal on the sandbox, read on dist/.
if [ "$(id -u)" = 0 ]; then
  chmod o+x "$sandbox" "$release" "$work" "$temp"
  chmod -R o+rX "$dist"
fi

echo "marathon-start: serving $dist at $mount on port $PORT0 ($conf)" >&2
exec nginx -e stderr -c "$conf" -g 'daemon off;'
