# Sourced by the control-plane scripts: pinned versions and where each binary lives in the cache.

# set -e also inside $(...), so a failing step in a function whose output is captured stops the script.
shopt -s inherit_errexit
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
# shellcheck source=versions.env
source "$here/versions.env"
cache=${SCALINGSTAGE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/scalingstage}

# A Debian epoch's colon would split LD_LIBRARY_PATH and PATH entries: not in file names.
path_of() { echo "$cache/bin/$1-${2//:/_}/$1"; }

ETCD=$(path_of etcd "$ETCD_VERSION")
KUBE_APISERVER=$(path_of kube-apiserver "$KUBERNETES_VERSION")
KUBE_CONTROLLER_MANAGER=$(path_of kube-controller-manager "$KUBERNETES_VERSION")
KUBE_SCHEDULER=$(path_of kube-scheduler "$KUBERNETES_VERSION")
KUBECTL=$(path_of kubectl "$KUBERNETES_VERSION")
KWOK=$(path_of kwok "$KWOK_VERSION")
KWOKCTL=$(path_of kwokctl "$KWOK_VERSION")
HELM=$(path_of helm "$HELM_VERSION")
HELM4=$(path_of helm "$HELM4_VERSION")
METRICS_SERVER=$(path_of metrics-server "$METRICS_SERVER_VERSION")
PROMETHEUS=$(path_of prometheus "$PROMETHEUS_VERSION")
CNPG_CRDS="$cache/crds/cloudnative-pg-$CNPG_VERSION"
LUA=$(path_of lua5.1 "$LUA_VERSION")
NGINX=$(path_of nginx "$NGINX_VERSION")
# redis-cli is built beside it, from the same package.
REDIS_SERVER=$(path_of redis-server "$REDIS_VERSION")
# The kstatus check is the project's own source: its cache entry is named by the cli-utils it pins and a digest
# of its files, so an edit rebuilds it.
KSTATUS_SRC="$here/kstatus"
KSTATUS_VERSION="$(sed -n 's#^[[:space:]]*sigs.k8s.io/cli-utils \(v[^ ]*\)$#\1#p' "$KSTATUS_SRC/go.mod")-$(
  cat "$KSTATUS_SRC/go.mod" "$KSTATUS_SRC/go.sum" "$KSTATUS_SRC/main.go" | sha256sum | cut -c1-8)"
KSTATUS=$(path_of kstatus "$KSTATUS_VERSION")
TOOLS=(ETCD KUBE_APISERVER KUBE_CONTROLLER_MANAGER KUBE_SCHEDULER KUBECTL KWOK KWOKCTL HELM HELM4 METRICS_SERVER PROMETHEUS
  LUA NGINX REDIS_SERVER KSTATUS)

# deb_fetch DIR PACKAGE=VERSION...: downloads Debian packages into DIR through apt, with neither root nor an
# install (root only refreshes apt's lists when a version is not in them).
deb_fetch() {
  local dir=$1
  shift
  (cd "$dir" && { apt-get download "$@" >/dev/null 2>&1 ||
    { [ "$(id -u)" = 0 ] && apt-get update >/dev/null && apt-get download "$@" >/dev/null; } ||
    { echo "apt-get download $* failed: Debian bookworm's package lists are needed" >&2; exit 1; }; })
}

# await_condition CONDITION OBJECT...: kubectl wait fails at once, rather than waiting, when it reads an object
# whose status has no conditions yet ("status.conditions accessor error"): ask again until it answers, for 60 s,
# then once more to show why. Runs the caller's kubectl (a function bound to its cluster).
await_condition() {
  local condition=$1 start=$SECONDS
  shift
  until kubectl wait --for=condition="$condition" --timeout=60s "$@" >/dev/null 2>&1; do
    if ((SECONDS - start >= 60)); then
      kubectl wait --for=condition="$condition" --timeout=1s "$@" >/dev/null
      return 1
    fi
    sleep 0.2
  done
}

# The directory of a pinned Go module in the module cache (downloaded through the proxy if absent).
module_dir() { (cd "$here" && go mod download -json "$1" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p'); }
